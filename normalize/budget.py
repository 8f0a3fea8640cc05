"""【予算額 …】 brackets → yen amount and status."""
from __future__ import annotations

from dataclasses import dataclass

import regex

from .numbers import parse_yen

# 【予算額 11,686千円】 【予算額:16,780千円】 【算定見込額 500千円】 【4年度予算額 …】
BUDGET_BRACKET = regex.compile(
    r"^【\s*(?:[^】]*?年度)?\s*(?P<label>予算額|算定見込額)\s*(?:\([^)]*\))?\s*:?\s*(?P<amount>[^】]*?)\s*】$"
)
# The amount slot holds only a dash: no amount. 一 (kanji one) is a dash here,
# never the number one: 【予算額： 一 千円】. ー was already mapped to -.
NO_AMOUNT = regex.compile(r"^(?:[-一―‐—ー]\s*)?(?:千万円|百万円|千円|万円|億円|円)?$")


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
