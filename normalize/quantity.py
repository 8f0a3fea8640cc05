"""Quantities in 目標 and activity lines: value, unit, comparator, 延べ."""
from __future__ import annotations

from dataclasses import dataclass

import regex

from rules.numbers import parse_number
from rules.targets import QUANTITY

COMPARATORS = {"以上": ">=", "以下": "<=", "以内": "<=", "超": ">", "未満": "<"}
# 年4回 is 4 per year: the period prefix becomes part of the unit (回/年)
_PER = {"年": "年", "年間": "年", "月": "月", "毎月": "月"}


@dataclass(frozen=True)
class Quantity:
    value: float
    unit: str | None
    comparator: str | None
    cumulative: bool


def parse_quantity(text: str) -> Quantity | None:
    """``延べ30団体・個人`` → 30 団体・個人 cumulative; None unless the text is one quantity."""
    m = QUANTITY.match(text.strip().rstrip("。"))
    if not m:
        return None
    number = parse_number(m.group("number"))
    if number is None:
        return None
    unit = m.group("unit").strip() or None
    prefix = m.group("prefix")
    if prefix in _PER and unit:
        unit = f"{unit}/{_PER[prefix]}"
    return Quantity(
        value=float(number),
        unit=unit,
        comparator=COMPARATORS.get(m.group("comparator")),
        cumulative=prefix == "延べ",
    )


# A bracket closing a text: (5点満点), (28年度:74人), nested brackets allowed.
TRAILING_BRACKET = regex.compile(r"\((?P<inner>(?:[^()]++|\((?&inner)\))*)\)$")
_DEPTH = {"(": 1, "「": 1, "【": 1, ")": -1, "」": -1, "】": -1}


def separator_colon(text: str) -> int | None:
    """Where the value's colon is: the last colon outside brackets that is not
    part of a clock time (``月~金曜日 9:00~17:00`` holds no value)."""
    depth, found = 0, None
    for i, ch in enumerate(text):
        depth += _DEPTH.get(ch, 0)
        if ch == ":" and depth == 0 and not (text[i - 1:i].isdigit() and text[i + 1:i + 2].isdigit()):
            found = i
    return found


def quantity_after_colon(text: str) -> tuple[str, Quantity | None]:
    """``…の開催:年4回以上`` → (``…の開催``, 4 回/年 >=); the text before the value's colon.
    A note bracket after the value is not the value: ``4.0点以上(5点満点)`` → 4.0."""
    at = separator_colon(text)
    if at is None:
        return text, None
    head, tail = text[:at], text[at + 1:]
    quantity = parse_quantity(tail)
    while quantity is None and (m := TRAILING_BRACKET.search(tail)):
        tail = tail[: m.start()]
        quantity = parse_quantity(tail)
    return head, quantity
