"""The cover page's lines: the fiscal year label, the publication date, the issuing
office (extract/cover.py reads the cover with them). Each rule with the real lines
it reads and the near misses it must refuse (tests/test_rules.py)."""
from __future__ import annotations

from .rule import rule

# The plan's year, alone on its line or opening the title line (平成29年度 港区運営方針)
FISCAL_YEAR_LABEL = rule(
    r"(?:\d{4}年度(?:\((?:昭和|平成|令和)(?:\d{1,2}|元)年度\))?|(?:昭和|平成|令和)(?:\d{1,2}|元)年度)",
    examples=("平成29年度", "令和元年度", "2019年度（平成31年度）", "平成29年度 港区運営方針",
              "令和5年度 3月補正予算の概要"),
    refuses=("28年度", "平成29年6月", "H29年度"))
# 平成29年6月: a date, not a 年度
PUBLISHED = rule(r"(?:(?:昭和|平成|令和)(?:\d{1,2}|元)|\d{4})年\d{1,2}月(?:\d{1,2}日)?",
                 examples=("平成29年6月", "令和8年5月27日", "2017年6月"),
                 refuses=("平成29年度", "平成29年6月発行"), how="fullmatch")
# 大阪市港区役所
ORGANIZATION = rule(r"\S*(?:役所|役場)$", examples=("大阪市港区役所", "音威子府村役場"),
                    refuses=("港区役所の取組",), how="fullmatch")
# A figure after a 年度 (平成25年度 3,450 円: a row of a table on page 1, not a title)
FIGURE = rule(r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?:千円|円|%)",
              examples=("3,450", "3,450円", "12.5%", "4,075 円"),
              refuses=("3月補正予算の概要", "12月補正予算(第5号)", "第2期"))
