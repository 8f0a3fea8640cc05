"""Budget tables: what a header cell says about its column, units, years, and
what a row's name says about its place (款, 項, 目, 節, a 計).

Header text is tidy (NFKC, layout spaces gone), joined over the header's lines
(``R3年度当初予`` / ``算額(千円)`` → ``R3年度当初予算額(千円)``). Every pattern
is a ``Rule`` with the real headers and cells it was written from beside it;
tests/test_rules.py runs them all.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from .eras import parse_fiscal_year
from .rule import Rule, rule


@dataclass(frozen=True)
class Role:
    """What a column holds. ``basis`` and ``funding_source`` only for money."""

    kind: str  # item_no | department | code | name | description | period | money | payroll | sub_row
    basis: str | None = None  # schemas.tables BUDGET_BASES: initial, supplementary, funding, limit, …
    funding_source: str | None = None  # 国, 県, 地方債, その他, 一般財源, 国県支出金, …


# The first rule whose pattern matches the whole header wins; the near misses
# each rule refuses are headers a later one (or none) takes.
HEADER_RULES: tuple[tuple[Rule, Role], ...] = (
    (rule(r"^(?:一連番号|番号|No\.?|№)$", examples=("番号", "No.", "一連番号"), refuses=("番号表",)),
     Role("item_no")),
    (rule(r"^(?:主管課|担当課|所管課)$", examples=("主管課", "担当課"), refuses=("主管課名称",)),
     Role("department")),
    (rule(r"^(?:款項目|款・項・目|科目|款|項|目)$", examples=("款項目", "款・項・目", "款", "項", "目"),
          refuses=("節", "項目別")), Role("code")),
    # 補正予算整理表: a diagonal header cell, 議決年月日 over the header rows, 款別 down the rows' column
    (rule(r"^(?:議決年月日)?款別$", examples=("議決年月日款別", "款別"), refuses=("款", "議決年月日")),
     Role("code")),
    (rule(r"^(?:事業名|事業|名称|会計名|区分|事項|起債の目的)$",
          examples=("事業名", "会計名", "区分", "事項", "起債の目的"),
          refuses=("事業費", "事業内容", "起債の方法")), Role("name")),
    # the years a 債務負担行為 runs over (7年度から9年度まで): text, not money
    (rule(r"^期間$", examples=("期間",), refuses=("期間中",)), Role("period")),
    # 債務負担行為 and 地方債: the most that may be committed or borrowed
    (rule(r"^限度額$", examples=("限度額",), refuses=("限度額の説明",)), Role("money", "limit")),
    # 地方債現在高調書: the debt outstanding at a year's end, its year's borrowing and repayment
    (rule(r".*現在高(?:見込額?)?$", examples=("4年度末現在高", "5年度末現在高見込額", "6年度末現在高見込額"),
          refuses=("現在高調書",)), Role("money", "balance")),
    (rule(r"^起債見込額$", examples=("起債見込額",), refuses=("起債の目的",)), Role("money", "borrowing")),
    (rule(r"^元金償還見込額$", examples=("元金償還見込額",), refuses=("償還の方法",)),
     Role("money", "repayment")),
    # 給与費明細書: persons and pay by 区分, never budget lines (its 計 column mixes with 職員数)
    (rule(r"^(?:職員数|報酬|給料|職員手当等|共済費|.+手当|一般行政職|税務職|福祉職|消防職|技能労務職|教育職)$",
          examples=("職員数", "報酬", "給料", "期末手当", "管理職手当", "職員手当等", "その他手当", "一般行政職",
                    "技能労務職"),
          refuses=("手当", "職員数(A)(人)", "給与費明細書")), Role("payroll")),
    # … and its tables of pay rises by cause, bonus rates and retirement allowances (months' pay)
    (rule(r"^(?:増減事由別内訳|支給期別支給率|支給率計(?:\(月分\))?|(?:\d+年)?勤続の者(?:\(月分\))?)$",
          examples=("増減事由別内訳", "支給期別支給率", "支給率計(月分)", "20年勤続の者(月分)", "勤続の者"),
          refuses=("増減", "支給率", "勤続年数")), Role("payroll")),
    (rule(r"^(?:主な事業内容|事業内容|概要|説明|内容|財源内訳欄の.*|構成比)$",
          examples=("主な事業内容", "概要", "説明", "構成比"), refuses=("説明書",)), Role("description")),
    (rule(r".*(?:増減|比較|差引)額?(?:\(.*\))?$", examples=("増減", "比較", "増減(△)", "増減額"),
          refuses=("比較表の説明", "増減事由別内訳")),
     Role("money", "change")),
    (rule(r".*決算額(?:\(.*\))?$", examples=("R2決算額",), refuses=("決算額の説明",)), Role("money", "settled")),
    (rule(r"^(?:補正前|現計予算額|補正前額)(?:\(.*\))?$", examples=("補正前", "補正前額", "現計予算額"),
          refuses=("補正後",)), Role("money", "current")),
    (rule(r"^(?:補正後|補正後額|計)(?:\(.*\))?$", examples=("補正後", "補正後額", "計"), refuses=("計画",)),
     Role("money", "revised")),
    (rule(r"^補正額(?:\(.*\))?$", examples=("補正額",), refuses=("補正額の財源内訳",)),
     Role("money", "supplementary")),
    # 補正予算整理表: a column per 補正 of the year (its 議決年月日 under it), beside the 当初予算 (its own
    # header empty, named by the header cell over it and its 補正/現計 label column: 当初予算 / 令和6.3)
    (rule(r"^第\d+回(?:令和\d+\.\d+)?$", examples=("第1回", "第3回", "第2回令和6.6"),
          refuses=("第1表", "第1回定例会", "第3条")), Role("money", "supplementary")),
    (rule(r"^当初予算(?:令和\d+\.\d+)?$", examples=("当初予算令和6.3", "当初予算"),
          refuses=("当初予算額", "当初予算に計上した主な事業")), Role("money", "initial")),
    # the revenue a 企業会計 waives (水道料金の基本料金免除), printed beside the 一般会計's 補助金 for it
    (rule(r"^減免額(?:\(.*\))?$", examples=("減免額",), refuses=("減免額の内訳", "減免対象")),
     Role("money", "exemption")),
    (rule(r".*(?:当初予算額|予算額|事業費|金額)(?:\(.*\))?$",
          examples=("R3年度当初予算額(千円)", "R4年度当初予算額(千円)", "本年度予算額", "前年度予算額", "事業費",
                    "事業費(千円)", "金額"),
          refuses=("本年度予算額の財源内訳", "予算額合計表")), Role("money", "initial")),
)

# A page without any of these glyph runs holds no budget table header (cheap
# pre-check on the raw glyphs of the page, joined)
MONEY_HINT = rule(r"予\s*算\s*額|補\s*正|増\s*減|比\s*較|事\s*業\s*費|決\s*算\s*額|金\s*額|限\s*度\s*額|現\s*在\s*高"
                  r"|職\s*員\s*数|給\s*料",
                  examples=("本年度予算額", "補 正 額", "比　　較", "事業費（千円）", "限 度 額", "現 在 高", "職員数",
                            "平均給料月額"),
                  refuses=("一般会計予算書", "予算の概要"), form="spaced", how="search")

# A line without any of these glyphs names no money or funding column: not a header line
# (a header cell's words may wrap: 当初予 / 算額(千円), so single glyphs are enough)
HEADER_HINT = rule(r"[算額増減較差計補費支債他財国県給手職回]",
                   examples=("算額(千円)", "増減", "財源内訳", "国県支出金", "その他", "区分 管理職手当 扶養手当",
                             "第3回 第4回 第5回"),
                   refuses=("事業名", "番号", "主管課", "款項目"), how="search")

# Funding sources under a 財源内訳 group, as printed (国県支出金 is one column in some books).
FUNDING_SOURCE = rule(r"^(?:国県支出金|国庫支出金|県支出金|地方債その他|地方債|その他|一般財源|国|県)$",
                      examples=("国県支出金", "国庫支出金", "地方債", "その他", "一般財源", "国", "県"),
                      refuses=("国庫補助金", "県民税"))
FUNDING_GROUP = rule(r"財源内訳", examples=("財源内訳(千円)", "本年度予算額の財源内訳", "補正額の財源内訳"),
                     refuses=("財源",), how="search")


# A bare 金額 is what the group over it says (債務負担行為調書: 5年度末までの支出(見込)額 | 期間 | 金額)
BARE_AMOUNT = rule(r"^金額$", examples=("金額",), refuses=("金額(千円)", "限度額"))
AMOUNT_GROUPS: tuple[tuple[Rule, Role], ...] = (
    (rule(r"支出\(見込\)額|支出済額", examples=("5年度末までの支出(見込)額", "支出済額"),
          refuses=("6年度以降の支出予定額",), how="search"), Role("money", "spent")),
    (rule(r"支出予定額", examples=("6年度以降の支出予定額",), refuses=("5年度末までの支出(見込)額",),
          how="search"), Role("money", "scheduled")),
)


@lru_cache(maxsize=4096)  # a book prints the same headers on every page: each read once
def header_role(header: str, group: str | None = None) -> Role | None:
    """The role of a column from its header (and the label of the group it is
    under: 財源内訳 makes 国, 県, … funding columns, 支出予定額 a 金額 scheduled).
    None: not a budget column."""
    if group and FUNDING_GROUP.search(group) and FUNDING_SOURCE.match(header):
        return Role("money", "funding", header)
    if group and BARE_AMOUNT.match(header) and (
            role := next((r for g, r in AMOUNT_GROUPS if g.search(group)), None)):
        return role
    return next((role for header_rule, role in HEADER_RULES if header_rule.match(header)), None)


# (単位：千円) / (単位 千円、%) / 算額(千円) / a 千円 printed above the first amount
UNIT = rule(r"(?:\(単位[:\s]*|\()(?P<unit>千円|百万円|万円|円)|^(?P<bare>千円|円)$",
            examples=(("(単位:千円)", {"unit": "千円"}), ("(単位 千円、%)", {"unit": "千円"}),
                      ("R3年度当初予算額(千円)", {"unit": "千円"}), ("千円", {"bare": "千円"})),
            refuses=("予算額", "1,000千円"), how="search")


def unit_of(text: str) -> str | None:
    m = UNIT.search(text)
    return m and (m.group("unit") or m.group("bare"))


# 本年度 / 前年度: the document's year and the one before
RELATIVE_YEAR = rule(r"本年度|前年度", examples=("本年度予算額", "前年度予算額"),
                     refuses=("当初予算額", "R3年度当初予算額(千円)"), how="search")
YEAR_OFFSET = {"本年度": 0, "前年度": -1}
# R8当初予算額: an era initial with no 年度 after it (R3年度 reads the same way)
BARE_ERA_YEAR = rule(r"^(?P<era>[HR])(?P<n>\d{1,2})(?!\d)",
                     examples=(("R8当初予算額", {"era": "R", "n": "8"}), ("R3年度当初予算額(千円)", {"n": "3"})),
                     refuses=("令和8年度当初予算額", "当初予算額"))


# The bases of the budget of one year: in a table none of whose columns names a year (金額
# of Fuji's 第1表 歳入歳出予算, 事業費 of Nankoku's R4年度当初予算に計上した主な新規事業, 補正前 |
# 補正額 | 補正後 of a 補正予算の概要) a column of one holds the year its title names alone,
# else the document's (normalize.budget_lines). Not a 比較 / 増減 (two years), a 限度額 or
# 支出予定額 (a period), a 財源内訳 (its amount's year).
OWN_YEAR_BASES = ("initial", "current", "supplementary", "revised")


def header_year(header: str, context_year: int | None) -> int | None:
    """The fiscal year a money header names, or None when it names none."""
    if m := RELATIVE_YEAR.search(header):
        return None if context_year is None else context_year + YEAR_OFFSET[m.group()]
    if m := BARE_ERA_YEAR.match(header):
        header = f"{m.group('era')}{m.group('n')}年度"
    return parse_fiscal_year(header, context_year)


# A row's place among the 款・項・目・節 of a budget book (schemas.tables
# BudgetLineRow.level): a 計 row totals the rows of one level before it, a
# 小計 some of them; anything else is one of the levels below.
# A total's word: 合計 / 総計 / 総額 closing any label, or a bare 計 after
# nothing, a revenue/expenditure side, a rank or an account (一般会計計),
# optionally marked (計(A)). Any other word ending in 計 is a name (会計, 設計).
TOTAL_ROW = rule(r"(?:合計|総計|総額|^(?:歳入|歳出|款|項|目|節|.*会計)?計)(?:\([A-Za-z]\))?$",
                 examples=("合計", "歳出合計", "歳入合計", "物価高騰対策事業合計", "その他事務事業合計",
                           "企業会計概要掲載事業合計", "計", "総計", "歳入計", "款計", "一般会計計", "計(A)",
                           "歳出総額"),
                 refuses=("会計", "一般会計", "会計年度任用職員", "計画策定事業", "設計委託料", "電子自治体推進事業費",
                          "小計", "計画", "統計調査費"), how="search")
SUBTOTAL_ROW = rule(r"小計(?:\([A-Za-z]\))?$", examples=("小計", "一般会計小計", "小計(B)"),
                    refuses=("計", "合計", "小計画"), how="search")
# The header naming the rank of its column's rows: 目 column → 目 rows; 節 is
# printed as the group over 区分 | 金額. 款項目 and 科目 only say which account
# a 事業 is charged to: those rows are items.
RANK_HEADER = rule(r"^(?:(?P<rank>款|項|目|節)|(?:議決年月日)?(?P<rank>款)別)$",
                   examples=(("目", {"rank": "目"}), ("款", {"rank": "款"}), ("節", {"rank": "節"}),
                             ("議決年月日款別", {"rank": "款"})),
                   refuses=("款項目", "科目", "区分"))
RANK_LEVEL = {"款": "kan", "項": "kou", "目": "moku", "節": "setsu"}
# Columns whose unnumbered rows are parts of the numbered row above: a 款 list
# nests its 項 and 目 unnumbered (1 市税 / 市民税 / 個人市民税), a 節 its 細節
# (3 職員手当等 / 管理職手当). A 目 table prints no rank below it: its
# unnumbered row is a 目 dropped this year (商工費委託金, 本年度 0).
NESTS_PARTS = ("款", "項", "節")


# The 款/項 headings printed above a 目 table: its rows' 目 numbers are
# completed to 款.項.目 (1款 議会費 481,596千円 / 1項 議会費 → 目 1 is 1.1.1)
KAN_KOU = rule(r"(?P<kan>\d+)款\D.*?(?P<kou>\d+)項\D",
               examples=(("3歳出 1款議会費 1項議会費", {"kan": "1", "kou": "1"}),
                         ("2款総務費 1項総務管理費", {"kan": "2", "kou": "1"})),
               refuses=("(歳出)", "1款議会費"), how="search")


def kan_kou(title: str | None) -> tuple[str, str] | None:
    m = title and KAN_KOU.search(title)
    return (m.group("kan"), m.group("kou")) if m else None


# A title line ending with the heading's total (1款 議会費 481,596千円): the
# total is the heading's amount, not part of the title
TITLE_AMOUNT = rule(r"\s*(?P<amount>△?[\d,]+(?:千円|円))$",
                    examples=(("1款議会費481,596千円", {"amount": "481,596千円"}),
                              ("1項議会費 481,596千円", {"amount": "481,596千円"})),
                    refuses=("R4年度当初予算に計上した主な継続事業", "(単位:千円)"), how="search")


# 款・項・目 in one cell, each level marked: 2総務費 1)総務管理費 (1)一般管理費 is 2.1.1. A row
# under a 款 (or 款・項) cell merged over several rows prints only its lower levels: 2)清掃費 (1)清掃総務費
CODE_LEVELS = rule(r"^(?:(?P<kan>\d+)[^\d()]+?)?(?:(?P<kou>\d+)\)[^\d()]+?)?(?:\((?P<moku>\d+)\)\D*)?$",
                   examples=(("2総務費1)総務管理費(1)一般管理費", {"kan": "2", "kou": "1", "moku": "1"}),
                             ("10教育費6)保健体育費(4)学校給食費", {"kan": "10", "kou": "6", "moku": "4"}),
                             ("2)清掃費(1)清掃総務費", {"kan": None, "kou": "2", "moku": "1"}),
                             ("(6)地域雇用推進費", {"kan": None, "kou": None, "moku": "6"}),
                             ("1市税", {"kan": "1", "kou": None, "moku": None})),
                   refuses=("議会費", "1.2.3"))


def code_levels(text: str) -> tuple[str | None, str | None, str | None] | None:
    """款, 項 and 目 numbers of a cell marking them (None for a level not printed),
    or None when the cell marks no 項 or 目 (1市税 is a 款 row's own number and name).

    >>> code_levels("2)清掃費(1)清掃総務費")
    (None, '2', '1')
    >>> code_levels("1市税") is None
    True
    """
    m = CODE_LEVELS.match(text)
    return (m.group("kan"), m.group("kou"), m.group("moku")) if m and (
        m.group("kou") or m.group("moku")) else None


# A table's title printed on its first page only: the next page's table takes
# it, or, when its own title names only the side ((歳出)), takes it with that side
SIDE_TITLE = rule(r"^(?:\((?:歳入|歳出)\)|【[^】]*会計】)$", examples=("(歳出)", "(歳入)", "【一般会計】"),
                  refuses=("歳入歳出予算事項別明細書 1総括 (歳入)", "2款総務費 1項総務管理費"), form="spaced")
_LAST_SIDE = regex.compile(r"\s*(?:\([^()]*\)|【[^】]*】)$")


def carried_title(own: str | None, before: str | None) -> str | None:
    """The title of a table on the page after ``before``'s table.

    >>> carried_title("(歳出)", "歳入歳出予算事項別明細書 1総括 (歳入)")
    '歳入歳出予算事項別明細書 1総括 (歳出)'
    >>> carried_title(None, "2款総務費 1項総務管理費")
    '2款総務費 1項総務管理費'
    >>> carried_title("2款総務費 1項総務管理費", "1款議会費 1項議会費")
    '2款総務費 1項総務管理費'
    """
    if before is None or (own is not None and not SIDE_TITLE.match(own)):
        return own
    return before if own is None else f"{_LAST_SIDE.sub('', before)} {own}"


# One 財源 cell holding two sources, each marked: 債) 104,600 / 他) 32,500 under 地方債その他, or
# an amount under a caption naming the revenue (社会福祉事業基金繰入金 / 30,000, 自治宝くじ助成金 2,500)
FUNDING_MARKS = {"債": "地方債", "他": "その他"}
MARKED_FUNDING = rule(r"(?:\(?(?P<mark>債|他)\)|(?P<caption>(?!千円|円)[^\d\s△()債他]{2,}))"
                      r"\s*(?P<amount>△?\s*[\d,]+)",
                      examples=(("債)104,600他)32,500", {"mark": "債", "amount": "104,600"}),
                                ("他)0", {"mark": "他", "amount": "0"}), ("(債)35,700", {"amount": "35,700"}),
                                ("社会福祉事業基金繰入金30,000", {"caption": "社会福祉事業基金繰入金", "amount": "30,000"}),
                                ("自治宝くじ助成金2,500", {"caption": "自治宝くじ助成金", "amount": "2,500"})),
                      refuses=("353,193", "千円1,000", "△38,000"), how="search")
# The source a captioned amount has in a column of two sources: the 地方債 part is always marked 債)
CAPTIONED_SOURCE = {"地方債その他": "その他"}


def marked_funding(text: str, column_source: str | None = None) -> list[tuple[str, str]] | None:
    """(source, amount text) of each marked or captioned part, or None when the
    cell is not wholly made of such parts. A caption names a revenue of the
    column's own source (``column_source``; of 地方債その他, the その他).

    >>> marked_funding("(債)10,800社会福祉事業基金繰入金30,000", "地方債その他")
    [('地方債', '10,800'), ('その他', '30,000')]
    """
    found = list(MARKED_FUNDING.pattern.finditer(text))
    parts = [(FUNDING_MARKS[m.group("mark")] if m.group("mark")
              else CAPTIONED_SOURCE.get(column_source or "", column_source), m.group("amount").strip())
             for m in found]
    return parts if parts and "".join(m.group() for m in found) == text else None


# A 事業名 cell closing with its department: 私立学校等給食等支援金給付事業 【総務課】
DEPARTMENT_IN_NAME = rule(r"\s*【(?P<department>[^】]+?(?:課|室|部|局|所|センター))】$",
                          examples=(("私立学校等給食等支援金給付事業【総務課】", {"department": "総務課"}),
                                    ("水道事業補助金【業務課】", {"department": "業務課"})),
                          refuses=("電子自治体推進事業費", "子育て支援事業【新規】"), how="search")


# 1 議会費: a 款/目/節 cell holding its number and its name. 1) 普通建設事業費
# and (1) 一般管理費 are numbered a rank deeper: parts of the row above; 2.1.1
# is a 款項目 code.
NUMBERED_NAME = rule(r"^(?P<no>\d+)\.?\s*(?P<name>[^\d().].*)$",
                     examples=(("1市税", {"no": "1", "name": "市税"}), ("10教育費", {"no": "10", "name": "教育費"}),
                               ("1 報酬", {"no": "1", "name": "報酬"}), ("1.普通債", {"no": "1", "name": "普通債"})),
                     refuses=("歳入合計", "1)普通建設事業費", "管理職手当", "2.1.1"))

# The number a rule splits off a row's name cell (内 | 1 | 物価高騰対策事業): the row's 番号
ROW_NUMBER = rule(r"^\d{1,3}$", examples=("1", "2", "14"), refuses=("1)", "内訳", "12,500", "2総務費"))
# A label over rows that are parts of the row above (一般会計 / 内 1 物価高騰対策事業, 訳 2 その他事務事業);
# any other label (企業会計) names a group of rows, closed by the 合計 under them
PARTS_LABEL = rule(r"^内訳$", examples=("内訳",), refuses=("企業会計", "内容", "内訳書"))
# A line of an amount cell that prints an amount (an unruled table's rows are cut at
# these), not a note under it: 5,200 / ただし、7年度から21年度までの15か年間に5.0%の…
AMOUNT_LINE = rule(r"^\(?[△▲]?\s*\d[\d,.\s]*(?:千円|円)?\)?$", examples=("5,200", "△111,155", "1,234千円", "7, 486", "(4,250)"),
                   refuses=("ただし、7年度から21年度までの15か", "年間に5.0%の利息を限度に元利償還", "債)104,600"))

# 補正予算整理表: each 款 row is printed twice, its 補正 (the amount a 補正 adds) over its 現計 (the
# budget in force after it), labelled in a column of their own; the label is the basis of the row's amounts
SUB_ROW = rule(r"^(?P<label>補正|現計)$", examples=(("補正", {"label": "補正"}), ("現計", {"label": "現計"})),
               refuses=("補正額", "現計予算額", "補正前"))
SUB_ROW_BASIS = {"補正": "supplementary", "現計": "current"}

# An amount in a code cell (grouped by commas, so no 款項目 number): the 目's sum printed in the cell
# over its 事項 rows, beside their amounts (Nobeoka p.10: (1) 社会教育総務費 … 7,618 = 5,118 + 2,500)
AMOUNT_IN_LABEL = rule(r"^△?\d{1,3}(?:,\d{3})+$", examples=("7,618", "1,234,567", "△2,500"),
                       refuses=("1", "(1)", "12", "2.1.1", "(1)社会教育総務費", "700"))
# A negative mark set apart from its digits (△   178,895): in a table without column rules it
# may stand over the edge of the column before
LONE_MARK = rule(r"^[△▲]$", examples=("△", "▲"), refuses=("△111,155", "△ 8,839", "-"))

# A printed dash: no amount in this cell
NO_AMOUNT = rule(r"^[-ー―‐]$", examples=("-", "―", "ー"), refuses=("-1,000", "△"))
