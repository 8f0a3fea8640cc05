"""Heading tests on lines: the patterns live in rules/ (the grammar, once); here
they meet a Line's style and the checks a title must pass."""
from __future__ import annotations

import regex

from .lines import Line

from rules.budgets import (  # noqa: F401  (re-exported: extract reads the grammar from here)
    BUDGET_LABEL, BUDGET_LABEL_AND_VALUE, BUDGET_ONLY, BUDGET_SUM_LINE, BUDGET_VALUE, ISSUE_BUDGET_TOTAL,
)
from rules.headings import (  # noqa: F401
    INITIATIVE, ISSUE, MEASURE, PLAN, PLAN_HEADERS, PROJECT, STRATEGY, TOC_CELL_ENTRY,
    TOC_HEAD, TOC_LEADERS, TOC_PAGE,
)
from rules.markers import BULLET, LEADING_MARKER, TRAILING_MARKER  # noqa: F401

_SENTENCE_END = regex.compile(r"[。:]|\.$")
# A particle alone before a kanji or katakana word continues a sentence, it opens no
# title: 2)の取組を引き継ぎ… (にぎわい, ともに… open with a hiragana word and stay titles).
_OPENS_WITH_PARTICLE = regex.compile(r"^[のにをがはとでへもや](?!\p{Hiragana})")
_OPEN, _CLOSE = "(「【『[", ")」】』]"


def without_markers(title: str) -> str:
    """A title with the markers that open or close it removed (for comparing
    the 目次's and the body's wording, which may mark it differently)."""
    return TRAILING_MARKER.sub("", LEADING_MARKER.sub("", title)).strip()


def balanced(text: str) -> bool:
    depth = 0
    for ch in text:
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def title_like(title: str) -> bool:
    """A heading title: short, no sentence punctuation, brackets balanced, some
    Japanese. Rejects wrapped fragments such as ``8 社)``."""
    return (
        1 < len(title) <= 60
        and not _SENTENCE_END.search(title)
        and balanced(title)
        and bool(regex.search(r"[\p{Han}\p{Hiragana}\p{Katakana}]", title))
        and not _OPENS_WITH_PARTICLE.match(title)
    )


def emphasized(line: Line, body_size: float | None) -> bool:
    """Heading style: a heading face or a font larger than the body text.
    Text input carries no style, so it never rules a heading out."""
    if line.bbox is None:
        return True
    return line.bold or bool(line.size and body_size and line.size > body_size + 0.4)
