"""目標 entries: quantities, prior-year baselines and the (新規) mark.

Seen forms (tidy text)::

    …個人の数:延べ30団体・個人(28年度:74団体・個人)     value after the colon
    …を実施。(25団体)(28年度参加数:34企業・団体455名)     value in brackets
    …取組む地域:1地域以上(新規)                        new, no baseline
"""
from __future__ import annotations

from .eras import ERA
from .numbers import NUMBER
from .rule import rule

# 延べ30団体・個人 / 80%以上 / 年4回以上 / 2回/地域 / 全11地域 / 約200人
QUANTITY = rule(
    rf"^(?P<prefix>延べ|全|年間|年|月|毎月|約)?\s*(?P<number>{NUMBER})\s*"
    rf"(?P<unit>[^\d()]*?)\s*(?P<comparator>以上|以下|以内|未満|超)?$",
    examples=(("延べ30団体・個人", {"prefix": "延べ", "number": "30", "unit": "団体・個人"}),
              ("80%以上", {"unit": "%", "comparator": "以上"}), ("年4回以上", {"prefix": "年"}),
              ("2回/地域", {"unit": "回/地域"}), ("全11地域", {"prefix": "全"}), "約200人"),
    refuses=("34企業・団体455名", "通年実施"),
)
# 28年度:74団体・個人 / 28年度参加数:34企業・団体455名 / 平成28年度 74団体 / H28年度:450人
BASELINE = rule(
    rf"^(?P<year>(?:{ERA}?(?:\d{{1,2}}|元)|\d{{4}})年度)(?P<label>[^:\d]*):?(?P<rest>.*)$",
    examples=(("28年度：74団体・個人", {"year": "28年度", "rest": "74団体・個人"}),
              ("28年度参加数：34企業・団体455名", {"label": "参加数"}),
              ("H28年度：450人", {"year": "H28年度"}), ("2016年度：80%", {"year": "2016年度"})),
    refuses=("新規", "協力企業8社"),
)
# (30年度まで), (29年度目標:90件), (令和7年度以降): a deadline or a target, not a baseline
NOT_A_BASELINE = rule(r"目標|まで|以降", examples=("29年度目標", "30年度まで", "令和7年度以降"),
                      refuses=("28年度参加数",), how="search")
# A bracket that closes one target inside a block of several: a baseline year or (新規)
BASELINE_OPENING = rule(
    rf"^\s*(?:(?:{ERA}\s*)?(?:\d{{1,2}}|元)|\d{{4}})\s*年度|^\s*新規\s*$",
    examples=("28 年度参加数：34 企業・団体 455 名", "平成28年度：11地域", "新規"),
    refuses=("協力企業 8 社", "新規事業"),
    form="spaced",
)
NEW_MARK = rule(r"^新規$", examples=("新規",), refuses=("新規事業",))
