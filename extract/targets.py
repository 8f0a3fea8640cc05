"""Split a 目標 block into its target entries.

A block holds one target, several ``・`` targets, or several unmarked targets
each closed by its prior-year baseline::

    …を実施。（25 団体）（28 年度参加数：34 企業・団体 455 名）
    企業まちづくり交流会を機会に…：3 社（28 年度参加数：26 社・31 名）

so, besides bullets, a target ends after a baseline bracket ``(28年度…)`` or
``(新規)`` that more text follows.
"""
from __future__ import annotations

import regex

from .headings import BULLET, balanced
from .lines import Line, Span
from rules.targets import BASELINE_OPENING

_PAREN_GROUP = regex.compile(r"\((?:[^()]++|(?R))*\)")


def _baseline_ends(text: str) -> list[int]:
    """Offsets right after a baseline bracket that more target text follows."""
    ends = []
    for m in _PAREN_GROUP.finditer(text):
        following = text[m.end() :].lstrip(" 。、")
        if BASELINE_OPENING.match(m.group()[1:-1]) and following and not following.startswith("("):
            ends.append(m.end())
    return ends


def _slice(span: Span, start: int, end: int) -> Span:
    """The part of a span between two text offsets, with the lines it touches."""
    lines, offset = [], 0
    for line in span.lines:
        if offset < end and offset + len(line.text) > start:
            lines.append(line)
        offset += len(line.text)
    return Span(span.text[start:end].strip(), tuple(lines))


def _opens_item(line: Line, group: list[Line]) -> bool:
    """A ・ line opens a new target unless the target above it is inside an open
    bracket: ・ also joins words (（職場見学・訪問）), and a narrow cell can wrap
    right before it. A cell's own right edge is not known here, so the wrap
    itself cannot tell (the longest line of a cell need not be a full one)."""
    return bool(BULLET.match(line.text)) and balanced("".join(l.text for l in group))


def split_targets(block: list[Line]) -> list[Span]:
    groups: list[list[Line]] = []
    for line in block:
        if not groups or _opens_item(line, groups[-1]):
            groups.append([line])
        else:
            groups[-1].append(line)
    targets: list[Span] = []
    for group in groups:
        span = Span.of(group)
        cuts = [0, *_baseline_ends(span.text), len(span.text)]
        targets.extend(_slice(span, a, b) for a, b in zip(cuts, cuts[1:]))
    return targets
