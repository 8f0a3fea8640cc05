"""Page geometry over glyph records, independent of the PDF library.

A glyph is a dict with ``text``, ``x0``, ``x1``, ``top``, ``bottom`` and
``size`` (PDF points), as pdfplumber gives its chars; any engine that yields
such records can use these rules. They decide from where glyphs sit, not from
the flattened text alone.
"""
from __future__ import annotations

from dataclasses import dataclass
from statistics import median
from typing import Sequence

import regex

from .headings import BUDGET_LABEL
from .page_cells import Box, inside
from rules.text import normalize_text

Glyph = dict

# A glyph the font gives no Unicode for: pdfminer writes "(cid:123)".
UNMAPPED = regex.compile(r"^\(cid:\d+\)$")
REPLACEMENT = "\ufffd"

# A column header is a budget label (headings.BUDGET_LABEL: 予算額, 予算額（予算科目）);
# the value under it is read with it as the label and its value (extract.budgets.from_label).
# A segment of more glyphs than 【4年度予算額（予算科目）】 cannot be one (NFKC does
# not shorten ideographs), nor one without 額; those are not normalized at all.
_HEADER_GLYPHS, _HEADER_MARK = 16, "額"


def ink(glyphs: Sequence[Glyph]) -> list[Glyph]:
    return [g for g in glyphs if not g["text"].isspace()]


def replace_unmapped(glyphs: Sequence[Glyph]) -> tuple[list[Glyph], int]:
    """Glyphs with each unmapped ``(cid:N)`` turned into U+FFFD, and how many there were."""
    out, count = [], 0
    for g in glyphs:
        if len(g["text"]) > 1 and UNMAPPED.match(g["text"]):  # one character is never "(cid:N)"
            g, count = {**g, "text": REPLACEMENT}, count + 1
        out.append(g)
    return out, count


def evenly_spaced(glyphs: Sequence[Glyph]) -> bool:
    """均等割付: three or more glyphs set apart by the same gap, wider than a
    fifth of an em (``市 民 税``, ``平 成 2 9 年 度``). Ordinary text has
    no gaps, so its gaps are never uniform and wide at once. ``glyphs``: ink
    only (no blanks), as a line holds them."""
    if len(glyphs) < 3:
        return False
    gaps = [b["x0"] - a["x1"] for a, b in zip(glyphs, glyphs[1:])]
    size = median(g["size"] for g in glyphs)
    typical = median(gaps)
    return typical > size / 5 and all(abs(gap - typical) <= 0.15 * size for gap in gaps)


def vertical_writing(glyphs: Sequence[Glyph]) -> bool:
    """縦書き: in drawing order, most glyphs sit under the previous one (same x,
    next line down) rather than beside it."""
    glyphs = ink(glyphs)
    pairs = len(glyphs) - 1
    stacked = beside = 0
    for done, (a, b) in enumerate(zip(glyphs, glyphs[1:]), start=1):
        near = 0.2 * a["size"]
        stacked += abs(b["x0"] - a["x0"]) < near and 0 < b["top"] - a["top"] <= 1.5 * a["size"]
        beside += abs(b["top"] - a["top"]) < near and 0 <= b["x0"] - a["x0"] <= 1.5 * a["size"]
        if stacked + (pairs - done) <= beside:  # settled: the pairs left cannot stack enough
            return False
    return stacked > beside and stacked >= pairs / 2


def segments(glyphs: Sequence[Glyph], gap_em: float = 1.0) -> list[list[Glyph]]:
    """A row's glyphs cut where the gap between two glyphs is wider than ``gap_em``."""
    parts: list[list[Glyph]] = []
    prev = None
    for g in ink(glyphs):
        if prev is None or g["x0"] - prev["x1"] > gap_em * g["size"]:
            parts.append([])
        parts[-1].append(g)
        prev = g
    return parts


def stacked_heads(rows: Sequence[Sequence[Glyph]]) -> list[list[Glyph]]:
    """Glyphs set one under another down a narrow cell (目 over 標, a label set
    vertically beside its text): each opens its row alone (a gap of an em after it,
    or nothing), on the x centre of the one above, at most an em below it; the rows
    of the text beside them may fall between. Each run of two or more, top down."""
    heads = [(k, head) for k, row in enumerate(rows) if (head := _lone_head(row)) is not None]
    runs: list[list[Glyph]] = []
    used: set[int] = set()
    for at, (k, head) in enumerate(heads):
        if k in used:
            continue
        run = [head]
        for j, below in heads[at + 1:]:
            last = run[-1]
            if below["top"] - last["bottom"] > last["size"]:
                break
            if abs(below["x0"] + below["x1"] - last["x0"] - last["x1"]) < 0.4 * last["size"] \
                    and below["top"] >= last["bottom"] - 0.2 * last["size"]:
                run.append(below)
                used.add(j)
        if len(run) > 1:
            runs.append(run)
    return runs


def _lone_head(row: Sequence[Glyph]) -> Glyph | None:
    """The row's first glyph when it stands alone: nothing, or a gap of an em, after it
    (only the first two glyphs are looked at: this runs on every row)."""
    first = None
    for g in row:
        if g["text"].isspace():
            continue
        if first is not None:
            return first if g["x0"] - first["x1"] > g["size"] else None
        first = g
    return first


@dataclass(frozen=True)
class HeaderCell:
    """A column header drawn alone on its row, e.g. 予算額 above the amount."""

    label: str  # the label as read, 予算額 or 予算額(予算科目)
    x0: float
    x1: float
    bottom: float
    size: float
    cell: Box | None = None  # the ruled cell the header names (a caption in its corner)


def header_cell(glyphs: Sequence[Glyph], parts: list[list[Glyph]] | None = None
                ) -> tuple[list[Glyph], list[Glyph], HeaderCell] | None:
    """(rest of the row, the header's glyphs, header) when a segment of the row, set apart by a gap
    of an em, is a column header: a header cell can share its text row with
    the paragraph beside it. A label with a cell to its right on its own row
    is that row's label (予算額 | 11,686千円): the row stays one line, label and value.
    ``parts``: the row's ``segments`` when the caller has them."""
    if parts is None:
        parts = segments(glyphs)
    for k, part in enumerate(parts):
        if len(part) > _HEADER_GLYPHS or not any(g["text"] == _HEADER_MARK for g in part):
            continue
        if k + 1 < len(parts):  # a value cell beside it
            return None
        if m := BUDGET_LABEL.match(normalize_text("".join(g["text"] for g in part))):
            cell = HeaderCell(m.group("label"), min(g["x0"] for g in part), max(g["x1"] for g in part),
                              max(g["bottom"] for g in part), median(g["size"] for g in part))
            return [g for g in glyphs if not any(g is h for h in part)], part, cell
    return None


def split_under_header(glyphs: Sequence[Glyph], header: HeaderCell
                       ) -> tuple[list[Glyph], list[Glyph]] | None:
    """(rest of the row, value cell) when the row's last segment sits in the
    header's column, within three header heights below it; for a header in a
    ruled cell, the row's glyphs inside that cell, however close the title
    beside it runs."""
    if header.cell is not None:
        value = [g for g in ink(glyphs) if inside(g, header.cell)]
        if not value:
            return None
        rest = [g for g in glyphs if not any(g is v for v in value)]
        return rest, value
    parts = segments(glyphs)
    if not parts:
        return None
    value = parts[-1]
    top = min(g["top"] for g in value)
    x0, x1 = min(g["x0"] for g in value), max(g["x1"] for g in value)
    below = 0 <= top - header.bottom <= 3 * header.size
    overlaps = x0 < header.x1 + header.size and x1 > header.x0 - header.size
    if not (below and overlaps):
        return None
    rest = [g for g in glyphs if g["x1"] <= x0]
    return rest, value


def beside_column(glyphs: Sequence[Glyph], header: HeaderCell) -> bool:
    """The row sits left of the header's column, not yet past where its value
    may be: a 事業 heading beside the cell whose amount is set lower down (at the
    cell's foot, or level with the heading's second line). Its value may follow."""
    glyphs = ink(glyphs)
    if not glyphs or max(g["x1"] for g in glyphs) > header.x0:
        return False
    top = min(g["top"] for g in glyphs)
    if header.cell is not None:
        return top < header.cell[3]
    return top - header.bottom <= 3 * header.size
