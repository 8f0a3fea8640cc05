"""Named patterns for the structural lines of a 運営方針 概要版.

Patterns run on ``Line.spaced`` (canonical text with spaces kept): after NFKC
full-width digits are ASCII and （）：are ( ) :.
"""
from __future__ import annotations

import regex

from .lines import Line
from rules.text import canonical, normalize_text

# 目次 / もくじ (often spaced: も く じ)
TOC_HEAD = regex.compile(r"^(?:も\s*く\s*じ|目\s*次)$")
# The page number ending a 目次 line: 経営課題1 区民主体のまちづくり ・・・ 2 (leaders: ・ … ‥ .
# or a run of spaces), or before the last leaders when a long title pushed it
# left (…を応援するまちづくり 23 ・・), or alone on the line a title wrapped onto (・・・ 23).
_LEADERS = r"[・…‥.]"
TOC_PAGE = regex.compile(
    rf"^(?P<title>.*?)(?:^|\s*{_LEADERS}{{2,}}\s*|\s{{2,}}|\s+(?=\d{{1,3}}\s*{_LEADERS}{{2,}}$))"
    rf"(?P<page>\d{{1,3}})(?:\s*{_LEADERS}+)?$")
# Leaders and what follows them on a 目次 line without a page number: the page
# went onto the next line, or its slot holds something else (・・・ 二十三).
TOC_LEADERS = regex.compile(rf"\s*{_LEADERS}{{2,}}.*$")
# ◆計画
PLAN = regex.compile(r"^◆?\s*計\s*画$")
# 港区の目標（何をめざすのか） / 目標（…）  (区の prefix dropped from R5 on)
# The header is the start of the line; text after it on the same line is the
# field's first line. 区長の方針 counts only in brackets or as the line's end, so
# a sentence that mentions it (区長の方針に沿って取り組む。) is not a header.
PLAN_VISION = regex.compile(r"^(?:[^\s。、]*?の)?目標\s*\([^)]*\)(?P<rest>.*)$")
PLAN_MISSION = regex.compile(r"^(?:[^\s。、]*?の)?使命\s*\([^)]*\)(?P<rest>.*)$")
PLAN_POLICY = regex.compile(r"^[^。、]*?(?:\(区長の方針\)|基本的な考え方$|区長の方針$)(?P<rest>.*)$")
PLAN_HEADERS = (("vision", PLAN_VISION), ("mission", PLAN_MISSION), ("policy", PLAN_POLICY))
# 経営課題 1 区民主体のまちづくり / 【経営課題1】 title
ISSUE = regex.compile(r"^[【\[]?経営課題\s*(?P<no>\d{1,2})[】\]]?\s*(?P<title>\D.*)?$")
# 1 豊かなコミュニティの促進
MEASURE = regex.compile(r"^(?P<no>\d{1,2})\s+(?P<title>\S.*)$")
# Markers for new or expanded work opening or closing a 事業/施策 title:
# (新)地域防災リーダーの育成 / 子育て支援事業≪新規≫ / 【拡充】 (on tidy text: （新） is (新))
MARKER_KINDS = {"新": "new", "新規": "new", "拡": "expanded", "拡充": "expanded"}
_MARKER_WORD = "|".join(sorted(MARKER_KINDS, key=len, reverse=True))


def _marker(word: str) -> str:
    return "|".join(rf"{regex.escape(o)}{word}{regex.escape(c)}" for o, c in ("()", "【】", "≪≫", "《》"))


LEADING_MARKER = regex.compile(rf"^(?:{_marker(f'(?P<word>{_MARKER_WORD})')})")
TRAILING_MARKER = regex.compile(rf"(?:{_marker(f'(?P<word>{_MARKER_WORD})')})$")
# 1) コミュニティ育成支援 【予算額 11,686千円】 ; (1) / （1） also seen; a marker may
# come before the number or after the budget: (新) 2) 地域防災… / 3) 子育て 【予算額 …】≪新規≫
_ANY_MARKER = _marker(f"(?:{_MARKER_WORD})")
PROJECT = regex.compile(
    rf"^(?P<marker>(?:{_ANY_MARKER})\s*)?(?:(?P<no>\d{{1,2}})\)|\((?P<no>\d{{1,2}})\))"
    rf"\s*(?P<title>.+?)\s*(?P<budget>【[^】]*(?:予算額|見込額)[^】]*】)?\s*(?P<last>{_ANY_MARKER})?$"
)
# 【予算額 …】 alone on a line (the amount moved below the heading)
BUDGET_ONLY = regex.compile(r"^(?P<budget>【[^】]*(?:予算額|見込額)[^】]*】)$")
# A budget label whose amount is printed apart from it, on the next line or in
# its column: 予算額(予算科目) / 【予算額(予算科目)】 / 予算額 / 【4年度予算額】.
# Run on tidy text (予 算 額 → 予算額). A bracket holding a digit is an amount,
# not an account name, so 予算額(1,000千円) is never a label.
# Only (予算科目) may follow the word: 予算額(前年度) or 予算額(うち国費) is another amount.
_LABEL_WORD, _LABEL_YEAR = r"予算額(?:\(予算科目\))?", r"(?:\d{1,2}年度)?"
BUDGET_LABEL = regex.compile(
    rf"^(?:【(?P<label>{_LABEL_YEAR}{_LABEL_WORD})】|(?P<label>{_LABEL_YEAR}{_LABEL_WORD}))$")
# Such a label with its value after it on the same line: 予算額(予算科目) 11,686千円(区政推進費)
# / 予算額: 500千円. The value must read as one (``budget_bracket``): 予算額は前年度並み is a
# sentence. Unbracketed, it names no year: 4年度予算額 1,000千円 in a 5年度 plan is last year's.
BUDGET_LABEL_AND_VALUE = regex.compile(
    rf"^(?:【(?P<label>{_LABEL_YEAR}{_LABEL_WORD})】|(?P<label>{_LABEL_WORD}))\s*:?\s*(?P<value>\S.*)$")
# The value printed under or after such a label: an amount, a dash, or nothing,
# then the 予算科目 in brackets: 11,686千円(区政推進費) / 12億442万9千円 / △1,000千円 /
# -千円 / 一 (a dash, never the number one: but 一千万円 is ten million, not a dash) /
# (区政推進費). Nothing else is taken for an amount: a wrong number is worse than a missing one.
BUDGET_VALUE = regex.compile(
    r"^(?=\S)(?:(?:[△▲]\s*)?\d[\d,.\s億万千百]*円"
    r"|[-―‐—]\s*(?:千万|百万|千|万|億)?円?|一(?:\s*千?円|\s+(?:千万|百万|千|万|億)?円?)?)?"
    r"\s*(?:\([^()\d]*\))?$"
)

# A budget total printed for a 経営課題, alone under its heading or closing it:
# (29年度予算額 64,737千円) / (7年度予算額 12百万円)
ISSUE_BUDGET_TOTAL = regex.compile(r"\((?:\d{1,2}年度)?\s*予算額\s*:?\s*[^()]*\d[^()]*\)$")
# A ward (or 経営課題) total on its own line: 予算額合計 64,737千円 / 【29年度予算総額 64,737千円】
BUDGET_SUM_LINE = regex.compile(
    r"^[【(]?\s*(?:\d{1,2}年度)?\s*(?:予算額合計|予算合計|予算総額)\s*:?\s*[^】)]*\d[^】)]*[】)]?$"
)
# A list item; ◆ is not one (◆計画 is a section marker, matched first).
BULLET = regex.compile(r"^[・●○◎■□◇▪•]")

_SENTENCE_END = regex.compile(r"[。:]|\.$")
# A particle alone before a kanji or katakana word continues a sentence, it opens no
# title: 2)の取組を引き継ぎ… (にぎわい, ともに… open with a hiragana word and stay titles).
_OPENS_WITH_PARTICLE = regex.compile(r"^[のにをがはとでへもや](?!\p{Hiragana})")
_OPEN, _CLOSE = "(「【『[", ")」】』]"


def budget_bracket(label: str, value: str) -> str | None:
    """A budget printed apart from its label, as the bracket it would be on the
    heading line: 予算額(予算科目) over 11,686千円(区政推進費) reads
    【予算額(予算科目)11,686千円(区政推進費)】. None when ``value`` is not a value."""
    if not BUDGET_VALUE.match(normalize_text(value)):
        return None
    return normalize_text(f"【{label} {canonical(value)}】")


def without_markers(title: str) -> str:
    """A title with the markers that open or close it removed (for comparing
    the 目次's and the body's wording, which may mark it differently)."""
    return TRAILING_MARKER.sub("", LEADING_MARKER.sub("", title)).strip()


def balanced(text: str) -> bool:
    depth = 0
    for ch in text:
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def title_like(title: str) -> bool:
    """A heading title: short, no sentence punctuation, brackets balanced, some
    Japanese. Rejects wrapped fragments such as ``8 社)``."""
    return (
        1 < len(title) <= 60
        and not _SENTENCE_END.search(title)
        and balanced(title)
        and bool(regex.search(r"[\p{Han}\p{Hiragana}\p{Katakana}]", title))
        and not _OPENS_WITH_PARTICLE.match(title)
    )


def emphasized(line: Line, body_size: float | None) -> bool:
    """Heading style: a heading face or a font larger than the body text.
    Text input carries no style, so it never rules a heading out."""
    if line.bbox is None:
        return True
    return line.bold or bool(line.size and body_size and line.size > body_size + 0.4)
