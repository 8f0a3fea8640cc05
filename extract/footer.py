"""Printed page numbers (rules/pages.py) and running headers."""
from __future__ import annotations

from collections import Counter
from typing import Sequence

from rules.pages import DASHED_PAGE_NUMBER, PAGE_NUMBER
from rules.text import canonical


def page_number(raw: str, at_edge: bool) -> int | None:
    """The printed page number a line shows, or None if it is not one. Every
    form counts only for a line the caller knows sits alone at the page's top
    or bottom edge, outside the text block (``at_edge``); elsewhere only the
    dashed one does."""
    m = (PAGE_NUMBER if at_edge else DASHED_PAGE_NUMBER).reads(raw)
    return int(m.group("no")) if m else None


def running_header_texts(edge_lines_per_page: Sequence[str | None]) -> set[str]:
    """Texts that open (or close) at least half the pages (and at least three):
    running headers."""
    counts = Counter(canonical(t) for t in edge_lines_per_page if t)
    threshold = max(3, len(edge_lines_per_page) // 2)
    return {text for text, n in counts.items() if n >= threshold}
