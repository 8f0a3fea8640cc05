"""A 目標 entry → metric, value, unit, comparator and prior-year baseline.

Seen forms (tidy text)::

    …個人の数:延べ30団体・個人(28年度:74団体・個人)     value after the colon
    …を実施。(25団体)(28年度参加数:34企業・団体455名)     value in brackets
    「港区ワークス探検団」…開催。(協力企業8社)(28年度協力企業:8社)
    …取組む地域:1地域以上(新規)                        new, no baseline
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from rules.eras import parse_fiscal_year
from rules.markers import BULLET
from rules.targets import BASELINE, NEW_MARK, NOT_A_BASELINE
from .quantity import TRAILING_BRACKET, Quantity, parse_quantity, quantity_after_colon, separator_colon



@dataclass(frozen=True)
class Baseline:
    fiscal_year: int | None
    quantity: Quantity | None  # only when the baseline holds exactly one quantity
    text: str


@dataclass(frozen=True)
class ParsedTarget:
    metric: str | None
    quantity: Quantity | None
    baseline: Baseline | None
    is_new: bool


def _split_trailing_bracket(text: str) -> tuple[str, str | None]:
    m = TRAILING_BRACKET.search(text)
    return (text[: m.start()], m.group("inner")) if m else (text, None)


def parse_baseline(inner: str, document_year: int | None) -> Baseline | None:
    """A prior-year baseline: a 年度 before the plan's own, not a deadline or target."""
    m = BASELINE.match(inner)
    if not m or NOT_A_BASELINE.search(m.group("label")):
        return None
    year = parse_fiscal_year(m.group("year"), document_year)
    if year is not None and document_year is not None and year >= document_year:
        return None
    return Baseline(fiscal_year=year, quantity=parse_quantity(m.group("rest")), text=inner)


def _value(head: str) -> tuple[str | None, Quantity | None]:
    """The value at the end of the target text, and the metric before it.
    Where a colon names the value, nothing else is tried: a bracket after it is
    a note (満足度:4.0点以上(5点満点)), not the value."""
    if separator_colon(head) is not None:
        metric, quantity = quantity_after_colon(head)
        return metric.strip() or None, quantity
    before, inner = _split_trailing_bracket(head)
    if inner is not None:
        # (協力企業8社): a label may precede the quantity inside the bracket
        m = regex.match(r"^(?P<label>\D*?)\s*(?P<quantity>[\d延全年約].*)$", inner)
        if m and (quantity := parse_quantity(m.group("quantity"))):
            metric = before.rstrip("。 ")
            if m.group("label"):
                metric = f"{metric}:{m.group('label')}"
            return metric or None, quantity
    return head.rstrip("。 ") or None, None


def parse_target(text: str, document_year: int | None) -> ParsedTarget:
    body = BULLET.sub("", text).lstrip().rstrip("。 ")
    head, inner = _split_trailing_bracket(body)
    baseline, is_new = None, False
    if inner is not None and NEW_MARK.match(inner):
        is_new = True
    elif inner is not None and (baseline := parse_baseline(inner, document_year)):
        pass
    else:
        head = body  # the trailing bracket is not a baseline: it is part of the value or text
    metric, quantity = _value(head.rstrip("。 "))
    return ParsedTarget(metric=metric, quantity=quantity, baseline=baseline, is_new=is_new)
