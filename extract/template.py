"""Which template a document is laid out in (rules.templates), with the evidence.

Counted over the document's lines: each template's telltale lines. The
template is recorded per document; when two fit about equally, or none does,
a Note says so and names what was found, never a silent guess.
"""
from __future__ import annotations

from collections import Counter

from .lines import Line
from .tree import Note
from rules.headings import HEADING_LIKE
from rules.templates import EVIDENCE, TEMPLATES

# The runner-up fits "about equally" when it has at least this share of the winner's telltales
_CLOSE = 0.8
_NAMED = 5  # headings named in an unknown_template warning


def detect_template(lines: list[Line], unplaced: list[str]) -> tuple[str, list[Note]]:
    """(template, notes). ``unplaced`` are the texts of lines the parser could
    not place: an unknown template's warning names those that look like headings."""
    counts = Counter({t: 0 for t in TEMPLATES})
    for line in lines:
        for template, rules in EVIDENCE.items():
            if any(rule.on(line.spaced, line.text) for rule in rules):
                counts[template] += 1
    (best, n), (second, m) = counts.most_common(2)
    evidence = ", ".join(f"{t} {c}" for t, c in counts.most_common())
    if n == 0:
        headings = [text for text in unplaced if HEADING_LIKE.reads(text)][:_NAMED]
        found = "; ".join(headings) if headings else "no heading of any known numbering"
        return "unknown", [Note("unknown_template", "no template's telltale lines found "
                                f"(gaiyo, reiwa, youshiki); headings not placed: {found}")]
    if m >= _CLOSE * n:
        return best, [Note("ambiguous_template", f"{best} and {second} fit about equally "
                                                 f"(telltale lines: {evidence}); read as {best}")]
    return best, []
