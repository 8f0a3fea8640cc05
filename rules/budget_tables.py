"""Budget tables: what a header cell says about its column, units, years.

Header text is tidy (NFKC, layout spaces gone), joined over the header's lines
(``R3年度当初予`` / ``算額(千円)`` → ``R3年度当初予算額(千円)``). Each rule
carries the real headers it was written from (``EXAMPLES``), all run by
tests/test_rules_budget_tables.py.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from .eras import parse_fiscal_year


@dataclass(frozen=True)
class Role:
    """What a column holds. ``basis`` and ``funding_source`` only for money."""

    kind: str  # item_no | department | code | name | description | money
    basis: str | None = None  # initial | current | supplementary | revised | settled | change | funding
    funding_source: str | None = None  # 国, 県, 地方債, その他, 一般財源, 国県支出金, …


# Order matters: the first rule whose pattern matches the whole header wins.
HEADER_RULES: list[tuple[regex.Pattern, Role]] = [
    (regex.compile(r"^(?:番号|No\.?|№)$"), Role("item_no")),
    (regex.compile(r"^(?:主管課|担当課|所管課)$"), Role("department")),
    (regex.compile(r"^(?:款項目|款・項・目|科目|款|項|目)$"), Role("code")),
    (regex.compile(r"^(?:事業名|事業|名称|会計名|区分)$"), Role("name")),
    (regex.compile(r"^(?:主な事業内容|事業内容|概要|説明|内容|財源内訳欄の.*|構成比)$"), Role("description")),
    (regex.compile(r".*(?:増減|比較|差引)(?:\(.*\))?$"), Role("money", "change")),
    (regex.compile(r".*決算額(?:\(.*\))?$"), Role("money", "settled")),
    (regex.compile(r"^(?:補正前|現計予算額|補正前額)(?:\(.*\))?$"), Role("money", "current")),
    (regex.compile(r"^(?:補正後|補正後額|計)(?:\(.*\))?$"), Role("money", "revised")),
    (regex.compile(r"^補正額(?:\(.*\))?$"), Role("money", "supplementary")),
    (regex.compile(r".*(?:当初予算額|予算額|事業費|金額)(?:\(.*\))?$"), Role("money", "initial")),
]

# A page without any of these glyph runs holds no budget table header (cheap pre-check on raw glyphs)
MONEY_HINT = regex.compile(r"予\s*算\s*額|補\s*正|増\s*減|比\s*較|事\s*業\s*費|決\s*算\s*額|金\s*額")
# A line without any of these glyphs names no money or funding column: not a header line
# (a header cell's words may wrap: 当初予 / 算額(千円), so single glyphs are enough)
HEADER_HINT = regex.compile(r"[算額増減較差計補費支債他財国県]")

# Funding sources under a 財源内訳 group, as printed (国県支出金 is one column in some books).
FUNDING_SOURCES = ("国県支出金", "国庫支出金", "県支出金", "地方債その他", "地方債", "その他",
                   "一般財源", "国", "県")
FUNDING_GROUP = regex.compile(r"財源内訳")

EXAMPLES: list[tuple[str, Role]] = [
    ("番号", Role("item_no")),
    ("No.", Role("item_no")),
    ("主管課", Role("department")),
    ("款項目", Role("code")),
    ("款・項・目", Role("code")),
    ("款", Role("code")),
    ("事業名", Role("name")),
    ("会計名", Role("name")),
    ("主な事業内容", Role("description")),
    ("概要", Role("description")),
    ("R3年度当初予算額(千円)", Role("money", "initial")),
    ("R4年度当初予算額(千円)", Role("money", "initial")),
    ("本年度予算額", Role("money", "initial")),
    ("前年度予算額", Role("money", "initial")),
    ("増減", Role("money", "change")),
    ("比較", Role("money", "change")),
    ("補正前", Role("money", "current")),
    ("補正前額", Role("money", "current")),
    ("現計予算額", Role("money", "current")),
    ("補正額", Role("money", "supplementary")),
    ("補正後", Role("money", "revised")),
    ("補正後額", Role("money", "revised")),
    ("R2決算額", Role("money", "settled")),
    ("事業費", Role("money", "initial")),
]


def header_role(header: str, group: str | None = None) -> Role | None:
    """The role of a column from its header (and the label of the group it is
    under: 財源内訳 makes 国, 県, … funding columns). None: not a budget column."""
    if group and FUNDING_GROUP.search(group) and header in FUNDING_SOURCES:
        return Role("money", "funding", header)
    for pattern, role in HEADER_RULES:
        if pattern.match(header):
            return role
    return None


# (単位：千円) / (単位 千円、%) / 算額(千円) / a 千円 printed above the first amount
UNIT = regex.compile(r"(?:\(単位[:\s]*|\()(?P<unit>千円|百万円|万円|円)|^(?P<bare>千円|円)$")
UNIT_EXAMPLES = [("(単位:千円)", "千円"), ("(単位 千円、%)", "千円"), ("R3年度当初予算額(千円)", "千円"),
                 ("千円", "千円"), ("予算額", None)]


def unit_of(text: str) -> str | None:
    m = UNIT.search(text)
    return m and (m.group("unit") or m.group("bare"))


# 本年度 / 前年度: the document's year and the one before
RELATIVE_YEARS = {"本年度": 0, "前年度": -1}
YEAR_EXAMPLES = [("R3年度当初予算額(千円)", 2022, 2021), ("R8当初予算額", 2026, 2026),
                 ("令和8年度当初予算額", None, 2026), ("本年度予算額", 2024, 2024),
                 ("前年度予算額", 2024, 2023), ("当初予算額", 2022, None)]
# R8当初予算額: an era initial with no 年度 after it
_BARE_ERA_YEAR = regex.compile(r"^(?P<era>[HR])(?P<n>\d{1,2})(?!\d)")


def header_year(header: str, context_year: int | None) -> int | None:
    """The fiscal year a money header names, or None when it names none."""
    for word, offset in RELATIVE_YEARS.items():
        if word in header:
            return None if context_year is None else context_year + offset
    if m := _BARE_ERA_YEAR.match(header):
        header = f"{m.group('era')}{m.group('n')}年度"
    return parse_fiscal_year(header, context_year)


# A printed total row: 合計, 歳出合計, 物価高騰対策事業合計 (not 計画)
TOTAL_ROW = regex.compile(r"(?:^|[^計])合計$|^計$")
TOTAL_EXAMPLES = [("合計", True), ("歳出合計", True), ("物価高騰対策事業合計", True), ("計", True),
                  ("会計", False), ("電子自治体推進事業費", False)]

# A printed dash: no amount in this cell
NO_AMOUNT = regex.compile(r"^[-ー―‐]$")


# The 款/項 headings printed above a 目 table: its rows' 目 numbers are
# completed to 款.項.目 (1款 議会費 481,596千円 / 1項 議会費 → 目 1 is 1.1.1)
KAN_KOU = regex.compile(r"(?P<kan>\d+)款\D.*?(?P<kou>\d+)項\D")
KAN_KOU_EXAMPLES = [("3歳出 1款議会費 1項議会費", ("1", "1")),
                    ("2款総務費 1項総務管理費", ("2", "1")), ("(歳出)", None)]


def kan_kou(title: str | None) -> tuple[str, str] | None:
    m = title and KAN_KOU.search(title)
    return (m.group("kan"), m.group("kou")) if m else None


# A title line ending with the heading's total (1款 議会費 481,596千円): the
# total is the heading's amount, not part of the title
TITLE_AMOUNT = regex.compile(r"\s*△?[\d,]+(?:千円|円)$")
TITLE_AMOUNT_EXAMPLES = [("1款議会費481,596千円", "1款議会費"), ("1項議会費 481,596千円", "1項議会費"),
                         ("R4年度当初予算に計上した主な継続事業", "R4年度当初予算に計上した主な継続事業")]


# 款・項・目 in one cell, each level marked: 2総務費 1)総務管理費 (1)一般管理費 is 2.1.1. A row
# under a 款 (or 款・項) cell merged over several rows prints only its lower levels: 2)清掃費 (1)清掃総務費
CODE_LEVELS = regex.compile(r"^(?:(?P<kan>\d+)[^\d()]+?)?(?:(?P<kou>\d+)\)[^\d()]+?)?(?:\((?P<moku>\d+)\)\D*)?$")
CODE_LEVELS_EXAMPLES = [("2総務費1)総務管理費(1)一般管理費", ("2", "1", "1")),
                        ("10教育費6)保健体育費(4)学校給食費", ("10", "6", "4")),
                        ("2)清掃費(1)清掃総務費", (None, "2", "1")), ("(6)地域雇用推進費", (None, None, "6")),
                        ("1市税", None), ("議会費", None)]


def code_levels(text: str) -> tuple[str | None, str | None, str | None] | None:
    """款, 項 and 目 numbers of a cell marking them (None for a level not printed),
    or None when the cell marks no 項 or 目."""
    m = CODE_LEVELS.match(text)
    return (m.group("kan"), m.group("kou"), m.group("moku")) if m and (
        m.group("kou") or m.group("moku")) else None


# A table's title printed on its first page only: the next page's table takes
# it, or, when its own title names only the side ((歳出)), takes it with that side
SIDE_TITLE = regex.compile(r"^(?:\((?:歳入|歳出)\)|【[^】]*会計】)$")
_LAST_SIDE = regex.compile(r"\s*(?:\([^()]*\)|【[^】]*】)$")
CARRIED_TITLE_EXAMPLES = [(None, "歳入歳出予算事項別明細書 1総括 (歳入)", "歳入歳出予算事項別明細書 1総括 (歳入)"),
                          ("(歳出)", "歳入歳出予算事項別明細書 1総括 (歳入)", "歳入歳出予算事項別明細書 1総括 (歳出)"),
                          ("2款総務費 1項総務管理費", "1款議会費 1項議会費", "2款総務費 1項総務管理費"),
                          ("(歳出)", None, "(歳出)"),
                          ("【一般会計】", "令和8年度6月補正予算主要事業等内訳 〇その他事務事業 【一般会計】",
                           "令和8年度6月補正予算主要事業等内訳 〇その他事務事業 【一般会計】")]


def carried_title(own: str | None, before: str | None) -> str | None:
    """The title of a table on the page after ``before``'s table."""
    if before is None or (own is not None and not SIDE_TITLE.match(own)):
        return own
    return before if own is None else f"{_LAST_SIDE.sub('', before)} {own}"


# One 財源 cell holding two sources, each marked: 債) 104,600 / 他) 32,500 under 地方債その他
FUNDING_MARKS = {"債": "地方債", "他": "その他"}
_MARKED = regex.compile(r"\(?(?P<mark>債|他)\)\s*(?P<amount>[^()債他]+)")
FUNDING_MARK_EXAMPLES = [("債)104,600他)32,500", [("地方債", "104,600"), ("その他", "32,500")]),
                         ("他)0", [("その他", "0")]), ("(債)35,700", [("地方債", "35,700")]),
                         ("353,193", None)]


def marked_funding(text: str) -> list[tuple[str, str]] | None:
    """(source, amount text) of each marked part, or None when the cell is not
    wholly made of marked parts."""
    parts = [(FUNDING_MARKS[m.group("mark")], m.group("amount").strip()) for m in _MARKED.finditer(text)]
    return parts if parts and "".join(m.group() for m in _MARKED.finditer(text)) == text else None


# A 事業名 cell closing with its department: 私立学校等給食等支援金給付事業 【総務課】
DEPARTMENT_IN_NAME = regex.compile(r"\s*【(?P<department>[^】]+?(?:課|室|部|局|所|センター))】$")
DEPARTMENT_IN_NAME_EXAMPLES = [("私立学校等給食等支援金給付事業【総務課】", "総務課"),
                               ("水道事業補助金【業務課】", "業務課"), ("電子自治体推進事業費", None)]


# 1 議会費: a 款/目 cell holding its number and its name (no 事業名 column)
NUMBERED_NAME = regex.compile(r"^(?P<no>\d+)\s*(?P<name>\D.*)$")
NUMBERED_NAME_EXAMPLES = [("1市税", ("1", "市税")), ("10教育費", ("10", "教育費")), ("歳入合計", None)]
