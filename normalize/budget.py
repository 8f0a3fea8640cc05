"""A 事業's printed budget (extract.budgets.PrintedBudget) → yen amount and status;
printed totals → yen and precision."""
from __future__ import annotations

from dataclasses import dataclass

from extract.budgets import PrintedBudget
from rules.budgets import BUDGET_BRACKET, BUDGET_TOTAL, LAST_UNIT, NO_AMOUNT
from rules.eras import parse_fiscal_year
from rules.numbers import YEN_UNITS, parse_yen


@dataclass(frozen=True)
class Budget:
    status: str  # amount | none | missing
    yen: int | None
    fiscal_year: int | None  # the year the label names, else the plan's
    problem: str | None = None  # why status is missing, for the warnings table


def parse_budget(printed: PrintedBudget | None, plan_year: int | None = None) -> Budget:
    """The amount of a budget as printed. A label naming another year than the
    plan's (【4年度予算額 …】 in a 5年度 plan) is not this plan's budget: missing."""
    if printed is None:
        return Budget("missing", None, None, "no 【予算額】 found for this 事業")
    year = plan_year
    if printed.year is not None:
        year = parse_fiscal_year(printed.year, plan_year)
        if plan_year is not None and year != plan_year:
            return Budget("missing", None, year, f"{printed.text!r} is the budget of another year "
                                                 f"({year}) than the plan's ({plan_year})")
    if printed.label is None:
        return Budget("missing", None, year, f"unrecognised budget bracket {printed.text!r}")
    if NO_AMOUNT.match(printed.amount):
        return Budget("none", None, year)
    yen = parse_yen(printed.amount)
    if yen is None:
        return Budget("missing", None, year, f"unreadable amount {printed.amount!r} in {printed.text!r}")
    return Budget("amount", yen, year)


@dataclass(frozen=True)
class BudgetTotal:
    raw: str
    year_text: str | None  # 29年度, when the total names its year
    yen: int | None  # None when the amount is unreadable
    precision: int  # yen of the last printed digit: 1000 for 千円, 10**6 for 百万円
    basis: str = "initial"  # initial (予算額), settled (決算額, 決算見込額): schemas BUDGET_BASES
    amount: str = ""  # the amount as printed, e.g. 64,737千円


def parse_budget_total(text: str) -> BudgetTotal:
    """(27年度決算額 60百万円) → year 27年度, settled, ¥60,000,000 to the 百万円."""
    m = BUDGET_TOTAL.match(text)
    amount = m.group("amount") if m else ""
    unit = LAST_UNIT.search(amount)
    if unit is None:
        return BudgetTotal(text, None, None, 1)
    precision = YEN_UNITS[unit.group("unit")] // 10 ** len(unit.group("decimals") or "")
    basis = "settled" if m.group("settled") else "initial"
    return BudgetTotal(text, m.group("year"), parse_yen(amount), max(precision, 1), basis, amount)


def totals_agree(printed: BudgetTotal, summed: int) -> bool:
    """Equal at the precision printed: 12百万円 agrees with 事業 adding up to 12,345千円."""
    return abs(printed.yen - summed) * 2 <= printed.precision
