"""Budget labels and values: every form in which a plan prints a 事業's budget.

Forms (tidy text; NFKC made （）： into ( ) :)::

    1) コミュニティ育成支援 【予算額 11,686千円】      bracket on the heading line (概要版)
    【算定見込額 500千円】                             drafts (素案)
    予算額(予算科目) / 11,686千円(区政推進費)          label, value on the next line
    予算額(予算科目) 11,686千円(区政推進費)            label and value on one line
    (29年度予算額)11,686千円                           令和 template, the line after 具体的取組
    予算額(29年度) 11,686千円                          様式2 label cell and its value cell

The amount slot holds an amount (rules.numbers reads it), a dash (no amount:
ー, －, 一 used as a dash) or nothing. Only (予算科目) or a year may qualify the
label word: 予算額(前年度) 9,000千円 or (うち国費) is another amount, never this one.
"""
from __future__ import annotations

from .eras import ERA
from .rule import rule

# The label word: this year's budget, or the draft's estimate. Not 決算見込額.
BUDGET_WORD = r"(?:予算額|算定見込額)"
# Brackets that make an amount another one: last year's, repeated, a share, a reference
NOT_THIS_BUDGET = r"前年|再掲|うち|参考|比"
_YEAR = rf"(?:{ERA})?(?:\d{{1,2}}|元)年度"
_UNIT = r"(?:千万円|百万円|千円|万円|億円|円)"
_BARE_UNIT = r"(?:千万|百万|千|万|億)?円?"
# A dash in the amount slot: no amount. 一 (kanji one) is a dash only alone or
# spaced from its unit (一 千円, 一千円); 一千万円 is ten million, not a dash.
DASH = rf"(?:[-―‐—ー]\s*{_BARE_UNIT}|一(?:\s*千?円|\s+{_BARE_UNIT})?)"
# An amount: digits with separators and units, △/▲ for a negative
AMOUNT = r"(?:[△▲]\s*)?\d[\d,.\s億万千百]*円"

# The amount slot holds only a dash or a bare unit: no amount (budget_status none)
NO_AMOUNT = rule(
    rf"^(?:{DASH}|{_UNIT})?$",
    examples=("-千円", "ー千円", "一 千円", "一", "－", "千円", "", "―"),
    refuses=("一千万円", "11,686千円", "一億円", "未定"),
)

# Any 【…】 naming the budget word: cut off a heading line or taken alone below
# it, then read by BUDGET_BRACKET (or reported as unreadable).
BUDGET_IN_BRACKET = rf"【[^】]*{BUDGET_WORD}[^】]*】"
# 【予算額 …】 alone on a line (the amount moved below the heading)
BUDGET_ONLY = rule(rf"^(?P<budget>{BUDGET_IN_BRACKET})$",
                   examples=("【予算額 11,686千円】", "【算定見込額 500千円】", "【予算額】"),
                   refuses=("1) 事業 【予算額 500千円】", "【決算見込額 500千円】"))

# Bracket on the heading line or alone below it: 【予算額 11,686千円】 【4年度予算額 …】
# 【予算額(予算科目)11,686千円(区政推進費)】: under a (予算科目) label the account after
# the amount is not part of it; any other bracket is (so 800千円(再掲) or
# (うち国費500千円) leave the amount unreadable, never counted twice or partly read).
BUDGET_BRACKET = rule(
    rf"^【\s*(?P<year>{_YEAR})?\s*(?P<label>{BUDGET_WORD})\s*"
    rf"(?:\((?P<subject>予算科目)\)|\((?!{NOT_THIS_BUDGET})[^)]*\))?\s*:?\s*"
    rf"(?P<amount>(?!\((?:{NOT_THIS_BUDGET}))[^】]*?)\s*(?(subject)(?:\((?!\S*?(?:{NOT_THIS_BUDGET}))(?P<account>[^()\d]*)\))?)\s*】$",
    examples=(("【予算額 11,686千円】", {"label": "予算額", "amount": "11,686千円"}),
              ("【予算額：16,780千円】", {"amount": "16,780千円"}),
              ("【予算額： ー千円】", {"amount": "-千円"}),
              ("【予算額： 一 千円】", {"amount": "一千円"}),
              ("【算定見込額 500千円】", {"label": "算定見込額", "amount": "500千円"}),
              ("【４年度予算額 1,000千円】", {"year": "4年度", "amount": "1,000千円"}),
              ("【令和4年度予算額 1,000千円】", {"year": "令和4年度"}),
              ("【予算額（予算科目）11,686千円（区政推進費）】",
               {"subject": "予算科目", "amount": "11,686千円", "account": "区政推進費"}),
              ("【予算額（予算科目）11,686千円（うち国費500千円）】", {"amount": "11,686千円(うち国費500千円)"}),
              ("【予算額（一般会計） 2,000千円】", {"amount": "2,000千円"}),
              ("【予算額】", {"amount": ""})),
    refuses=("【予算額（前年度） 9,000千円】", "【決算見込額 500千円】", "【見込額 500千円】", "【予算額 11,686千円", "予算額 11,686千円"),
)

# A budget closing a 事業's heading line without brackets, the amount often set
# to the right edge: 1) コミュニティ育成支援　　予算額 11,686千円 / … 予算額 －千円.
# Only an amount or a dash may follow the word, and nothing after them but a
# bracket (the 予算科目; any other leaves the amount unreadable), so a title that
# names the word (予算額の見える化) keeps it. A word qualified before it is another
# amount (前年度予算額, うち予算額): no budget; a year before it is read with it.
BUDGET_BARE = (rf"(?<!{NOT_THIS_BUDGET}|年度)(?:{_YEAR})?{BUDGET_WORD}(?:\((?:予算科目|{_YEAR})\))?\s*:?\s*"
               rf"(?:{AMOUNT}|{DASH})(?:\s*\([^()\d]*\))?")
# That budget cut off its heading line, read as a label and its value (extract.budgets
# from_label); a year it names must be the plan's (normalize checks, as for a bracket).
BUDGET_AFTER_TITLE = rule(
    rf"^(?P<label>(?P<year>{_YEAR})?(?P<word>{BUDGET_WORD})(?:\((?:(?P<subject>予算科目)|(?P<year>{_YEAR}))\))?)"
    rf"\s*:?\s*(?P<value>\S.*)$",
    examples=(("予算額 11,686千円", {"label": "予算額", "value": "11,686千円"}),
              ("29年度予算額 500千円", {"year": "29年度", "value": "500千円"}),
              ("予算額（予算科目） 500千円（区政推進費）", {"subject": "予算科目", "value": "500千円(区政推進費)"})),
    refuses=("予算額", "前年度予算額 9,000千円"),
)
# A budget label whose amount is printed apart from it, on the next line or in
# its column: 予算額(予算科目) / 【予算額(予算科目)】 / 予算額 / 【4年度予算額】.
# Run on tidy text (予 算 額 → 予算額). A bracket holding an
# amount is not a label (予算額(1,000千円)).
_LABEL_BODY = rf"(?P<year>{_YEAR})?(?P<word>{BUDGET_WORD})(?:\((?P<subject>予算科目)\))?"
BUDGET_LABEL = rule(
    rf"^(?:【(?P<label>{_LABEL_BODY})】|(?P<label>{_LABEL_BODY}))$",
    examples=(("予算額（予算科目）", {"label": "予算額(予算科目)", "subject": "予算科目"}),
              ("【予算額（予算科目）】", {"label": "予算額(予算科目)"}),
              ("予 算 額（予算科目）", {"label": "予算額(予算科目)"}),
              ("予算額", {"label": "予算額"}),
              ("【４年度予算額】", {"label": "4年度予算額", "year": "4年度"})),
    # 様式2's 予算額(29年度) is a label cell with its value beside it, never a column
    # header (BUDGET_LABEL_AND_VALUE reads the row)
    refuses=("予算額（29年度）", "予算額（1,000千円）", "【予算額 11,686千円】", "予算額（予算科目） 100千円",
             "【予算額（予算科目）", "予算額合計", "予算額（前年度）"),
)
# Such a label with its value after it on the same line. The value must read
# as one (BUDGET_VALUE): 予算額は前年度並み is a sentence. Unbracketed, a label
# names its year only after the word, in brackets (様式2: 予算額(29年度) 11,686千円);
# a bare 4年度予算額 1,000千円 in a 5年度 plan is last year's, and a bracketed year
# must be the plan's own (normalize checks).
# 令和 template: (29年度予算額)11,686千円 on the line after the 具体的取組.
_INLINE_BODY = rf"(?P<word>{BUDGET_WORD})(?:\((?:(?P<subject>予算科目)|(?P<year>{_YEAR}))\))?"
BUDGET_LABEL_AND_VALUE = rule(
    rf"^(?:【(?P<label>{_LABEL_BODY})】|\((?P<label>(?P<year>{_YEAR})(?P<word>予算額))\)"
    rf"|(?P<label>{_INLINE_BODY}))\s*:?\s*(?!\((?:{NOT_THIS_BUDGET}))(?P<value>\S.*)$",
    examples=(("予算額（予算科目） 11,686千円（区政推進費）", {"label": "予算額(予算科目)", "value": "11,686千円(区政推進費)"}),
              ("予算額：500千円", {"label": "予算額", "value": "500千円"}),
              ("【予算額（予算科目）】 △1,000千円", {"label": "予算額(予算科目)", "value": "△1,000千円"}),
              ("（29年度予算額）11,686千円", {"year": "29年度", "value": "11,686千円"}),
              ("予算額（29年度） 11,686千円", {"year": "29年度", "value": "11,686千円"})),
    refuses=("4年度予算額 1,000千円", "予算額（前年度） 9,000千円"),
)
# The value printed under or after such a label: an amount, a dash, or nothing,
# then the 予算科目 in brackets. Nothing else is taken for an amount.
BUDGET_VALUE = rule(
    rf"^(?=\S)(?P<amount>{AMOUNT}|{DASH})?\s*(?:\((?P<account>[^()\d]*)\))?$",
    examples=(("11,686千円（区政推進費）", {"amount": "11,686千円", "account": "区政推進費"}),
              "１２億４４２万９千円", "299万4千円", "500万円", "△ 1,000千円", "1.5百万円",
              "7, 486千円", "1, 140 千円", ("ー千円（区政推進費）", {"amount": "-千円"}), "一 千円", "－",
              ("（区政推進費）", {"amount": None, "account": "区政推進費"})),
    refuses=("地域の防災力を高める。", "説明文に100千円とある。", "100人", "約5千円",
             "11,686千円（うち国費500千円）", "2) 次の事業", "一千万円"),
)

# A budget total printed for a 経営課題, alone under its heading or closing it:
# (29年度予算額 64,737千円) / (7年度予算額 12百万円); some years print three such
# lines, the year before last's settled amount (決算額, 決算見込額) among them.
ISSUE_BUDGET_TOTAL = rule(
    r"\((?:\d{1,2}年度)?\s*(?:予算額|決算(?:見込)?額)\s*:?\s*[^()]*\d[^()]*\)$",
    examples=("（29年度予算額 64,737千円）", "（7年度予算額 12百万円）",
              "経営課題1 区民主体のまちづくり（29年度予算額 64,737千円）",
              "（27年度決算額 60百万円）", "（3年度決算見込額 1,234千円）"),
    refuses=("【予算額 11,686千円】", "（29年度予算額）", "（決算額の見込み）"),
    how="search",
)
# A ward (or 経営課題) total on its own line: 予算額合計 64,737千円 / 【29年度予算総額 64,737千円】
BUDGET_SUM_LINE = rule(
    r"^[【(]?\s*(?:\d{1,2}年度)?\s*(?:予算額合計|予算合計|予算総額)\s*:?\s*[^】)]*\d[^】)]*[】)]?$",
    examples=("【30年度予算総額 64,737千円】", "予算額合計 64,737千円", "予算合計：12百万円"),
    refuses=("予算額合計", "【予算額 11,686千円】"),
)
# A printed total → its year, what it is (a budget, or settled: 決算) and amount (normalize.budget)
BUDGET_TOTAL = rule(
    r"^[【(]?\s*(?P<year>[^】)]*?年度)?\s*(?:予算額合計|予算合計|予算総額|予算額|(?P<settled>決算(?:見込)?額))"
    r"\s*:?\s*(?P<amount>[^】)]*?)\s*[】)]?$",
    examples=(("（29年度予算額 64,737千円）", {"year": "29年度", "amount": "64,737千円", "settled": None}),
              ("予算額合計 64,737千円", {"year": None, "amount": "64,737千円"}),
              ("（27年度決算額 60百万円）", {"year": "27年度", "amount": "60百万円", "settled": "決算額"}),
              ("（3年度決算見込額 1,234千円）", {"year": "3年度", "settled": "決算見込額"})),
    refuses=("地域の予算",),
)
# The last unit of an amount and the decimals before it: how precisely it is printed
LAST_UNIT = rule(
    rf"(?:\.(?P<decimals>\d+))?\s*(?P<unit>{_UNIT})$",
    examples=(("64,737千円", {"unit": "千円", "decimals": None}), ("1.5百万円", {"unit": "百万円", "decimals": "5"})),
    refuses=("64,737", "12百万"),
    how="search",
)
