"""Printed page numbers (``- 3 -``, ``－ 3 －``, ``3``) and running headers."""
from __future__ import annotations

from collections import Counter
from typing import Sequence

import regex

from rules.text import canonical

# After canonical(): －/−/ー are "-". A bare number counts only when the caller
# knows the line sits in the footer area (PDF geometry).
_DASHED_PAGE_NUMBER = regex.compile(r"^-\s*(\d{1,4})\s*-$")
_BARE_PAGE_NUMBER = regex.compile(r"^(\d{1,4})$")


def page_number(raw: str, in_footer_area: bool) -> int | None:
    """The printed page number a footer line shows, or None if it is not one."""
    text = canonical(raw)
    m = _DASHED_PAGE_NUMBER.match(text) or (in_footer_area and _BARE_PAGE_NUMBER.match(text))
    return int(m.group(1)) if m else None


def running_header_texts(first_lines_per_page: Sequence[str | None]) -> set[str]:
    """Texts that open at least half the pages (and at least three): running headers."""
    counts = Counter(canonical(t) for t in first_lines_per_page if t)
    threshold = max(3, len(first_lines_per_page) // 2)
    return {text for text, n in counts.items() if n >= threshold}
