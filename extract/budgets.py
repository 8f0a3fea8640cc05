"""A 事業's budget as printed, read into its parts for normalize to type.

Whatever the form (bracket on the heading line or 予算額 N千円 closing it
without one, label over or before its value — a 予算額 header cell over the
amount's cell included —, the 令和 (29年度予算額) line, the 様式2 予算額(29年度)
cell), the result is
one ``PrintedBudget``: label, year, amount slot and account as printed, with
the lines they came from. Normalize reads the amount; nothing is glued back
into a bracket to be parsed again.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from .lines import Line, Span
from rules.budgets import BUDGET_AFTER_TITLE, BUDGET_BRACKET, BUDGET_VALUE, NOT_THIS_BUDGET
from rules.text import normalize_text


@dataclass(frozen=True)
class PrintedBudget:
    span: Span  # the lines holding label and value (provenance: page, bbox, raw)
    text: str  # as read (tidy), for warnings: 【予算額11,686千円】 / 予算額(予算科目) 11,686千円
    label: str | None  # 予算額 / 算定見込額; None when the text does not read as a budget
    amount: str | None = None  # the amount slot (tidy): 11,686千円, -千円, "" for nothing
    account: str | None = None  # the 予算科目 after the amount: 区政推進費
    year: str | None = None  # the 年度 the label names: 29年度


def from_bracket(text: str, lines: tuple[Line, ...]) -> PrintedBudget:
    """【予算額 11,686千円】 (tidy text), on the heading line or alone below it."""
    span = Span(text, lines)
    m = BUDGET_BRACKET.match(text)
    if not m:
        return PrintedBudget(span, text, None)
    return PrintedBudget(span, text, m.group("label"), m.group("amount"), m.group("account"),
                         m.group("year"))


def on_heading(text: str, lines: tuple[Line, ...]) -> PrintedBudget:
    """The budget closing a heading line (tidy text): 【予算額 11,686千円】, or
    予算額 11,686千円 without brackets (rules.headings PROJECT's budget group)."""
    if text.startswith("【"):
        return from_bracket(text, lines)
    m = BUDGET_AFTER_TITLE.match(text)
    return (m and from_label(m, m.group("value"), lines)) or PrintedBudget(Span(text, lines), text, None)


def from_label(label: regex.Match, value: str, lines: tuple[Line, ...]) -> PrintedBudget | None:
    """A label (rules.budgets BUDGET_LABEL / BUDGET_LABEL_AND_VALUE match) and the
    value printed apart from it; None when ``value`` does not read as a value.
    Only under a (予算科目) label is a bracket after the amount its account; any
    other bracket stays in the amount slot, which then does not read as one."""
    value = normalize_text(value)
    m = BUDGET_VALUE.match(value)
    if not m:
        return None
    amount, account = m.group("amount") or "", m.group("account")
    if account is not None and (not label.group("subject") or regex.search(NOT_THIS_BUDGET, account)):
        amount, account = value, None
    text = normalize_text(f"{label.group('label')} {value}")
    return PrintedBudget(Span(text, lines), text, label.group("word"), amount, account, label.group("year"))
