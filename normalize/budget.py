"""【予算額 …】 brackets → yen amount and status."""
from __future__ import annotations

from dataclasses import dataclass

import regex

from rules.numbers import YEN_UNITS, parse_yen

# 【予算額 11,686千円】 【予算額:16,780千円】 【算定見込額 500千円】 【4年度予算額 …】
# 【予算額(予算科目)11,686千円(区政推進費)】: under a (予算科目) label the account after the
# amount is not part of it. Any other bracket is (so 800千円(再掲), 1,200千円(前年度) or
# (うち国費500千円) leave the amount unreadable, never a number counted twice or partly read).
BUDGET_BRACKET = regex.compile(
    r"^【\s*(?:[^】]*?年度)?\s*(?P<label>予算額|算定見込額)\s*(?:\((?P<subject>予算科目)\)|\([^)]*\))?\s*:?\s*"
    r"(?P<amount>[^】]*?)\s*(?(subject)(?:\((?!\S*?(?:前年|再掲|うち|参考|比))(?P<account>[^()\d]*)\))?)\s*】$"
)
# The amount slot holds only a dash: no amount. 一 (kanji one) is a dash here,
# never the number one: 【予算額： 一 千円】. ー was already mapped to -.
# 一千万円 is ten million, not a dash and a unit: it is left to parse_yen (unreadable).
_UNIT = r"(?:千万円|百万円|千円|万円|億円|円)"
NO_AMOUNT = regex.compile(rf"^(?:[-―‐—ー]\s*{_UNIT}?|一(?:\s*千?円|\s+{_UNIT})?|{_UNIT})?$")


@dataclass(frozen=True)
class Budget:
    status: str  # amount | none | missing
    yen: int | None
    raw: str | None
    problem: str | None = None  # why status is missing, for the warnings table


def parse_budget(text: str | None) -> Budget:
    if text is None:
        return Budget("missing", None, None, "no 【予算額】 found for this 事業")
    m = BUDGET_BRACKET.match(text)
    if not m:
        return Budget("missing", None, text, f"unrecognised budget bracket {text!r}")
    amount = m.group("amount")
    if NO_AMOUNT.match(amount):
        return Budget("none", None, text)
    yen = parse_yen(amount)
    if yen is None:
        return Budget("missing", None, text, f"unreadable amount {amount!r} in {text!r}")
    return Budget("amount", yen, text)


# A printed total: (29年度予算額 64,737千円) under a 経営課題; 予算額合計 64,737千円 for the ward
BUDGET_TOTAL = regex.compile(
    r"^[【(]?\s*(?P<year>[^】)]*?年度)?\s*(?:予算額合計|予算合計|予算総額|予算額)\s*:?\s*"
    r"(?P<amount>[^】)]*?)\s*[】)]?$"
)
# The last unit of an amount and the decimals before it: how precisely it is printed
_LAST_UNIT = regex.compile(r"(?:\.(?P<decimals>\d+))?\s*(?P<unit>千万円|百万円|千円|万円|億円|円)$")


@dataclass(frozen=True)
class BudgetTotal:
    raw: str
    year_text: str | None  # 29年度, when the total names its year
    yen: int | None  # None when the amount is unreadable
    precision: int  # yen of the last printed digit: 1000 for 千円, 10**6 for 百万円


def parse_budget_total(text: str) -> BudgetTotal:
    m = BUDGET_TOTAL.match(text)
    amount = m.group("amount") if m else ""
    unit = _LAST_UNIT.search(amount)
    if unit is None:
        return BudgetTotal(text, None, None, 1)
    precision = YEN_UNITS[unit.group("unit")] // 10 ** len(unit.group("decimals") or "")
    return BudgetTotal(text, m.group("year"), parse_yen(amount), max(precision, 1))


def totals_agree(printed: BudgetTotal, summed: int) -> bool:
    """Equal at the precision printed: 12百万円 agrees with 事業 adding up to 12,345千円."""
    return abs(printed.yen - summed) * 2 <= printed.precision
