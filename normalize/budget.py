"""【予算額 …】 brackets → yen amount and status."""
from __future__ import annotations

from dataclasses import dataclass

from rules.budgets import BUDGET_BRACKET, BUDGET_TOTAL, LAST_UNIT, NO_AMOUNT
from rules.numbers import YEN_UNITS, parse_yen


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




@dataclass(frozen=True)
class BudgetTotal:
    raw: str
    year_text: str | None  # 29年度, when the total names its year
    yen: int | None  # None when the amount is unreadable
    precision: int  # yen of the last printed digit: 1000 for 千円, 10**6 for 百万円


def parse_budget_total(text: str) -> BudgetTotal:
    m = BUDGET_TOTAL.match(text)
    amount = m.group("amount") if m else ""
    unit = LAST_UNIT.search(amount)
    if unit is None:
        return BudgetTotal(text, None, None, 1)
    precision = YEN_UNITS[unit.group("unit")] // 10 ** len(unit.group("decimals") or "")
    return BudgetTotal(text, m.group("year"), parse_yen(amount), max(precision, 1))


def totals_agree(printed: BudgetTotal, summed: int) -> bool:
    """Equal at the precision printed: 12百万円 agrees with 事業 adding up to 12,345千円."""
    return abs(printed.yen - summed) * 2 <= printed.precision
