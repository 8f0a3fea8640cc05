"""Reading-order repair from page geometry.

A 概要版 draws 目標 in a label cell to the left of the target text, centred
vertically, so in plain reading order the label lands in the middle of the
wrapped text (``…企画段階から参`` / ``目 標 画した団体や…``). Here the label is
split off its line, every line to the right of the label cell is marked as in
that cell, and the label is moved before the cell's first line.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Callable, Sequence

import regex

from .headings import BULLET
from .lines import Line
from .page_cells import Box, caption_cell, cell_beside, holds
from rules.headings import PROJECT_LIST_END
from rules.labels import INDICATOR_KINDS, TARGET_LABEL
from rules.text import normalize_text

# Labels drawn in their own cell (rules.labels): 目標 in any spacing or
# bracket, アウトカム指標, 目標(プロセス指標); the cell is named by the label.
CELL_LABELS = INDICATOR_KINDS
_LABEL = TARGET_LABEL


def is_label_only(spaced: str) -> bool:
    """Canonical text that is a label and nothing else (``目 標``, ``【目標】``)."""
    m = _LABEL.match(spaced)
    return bool(m) and not m.group("rest").strip()


def split_label(line: Line) -> tuple[Line, Line | None] | None:
    """``目 標 画した…`` → (label line, rest line); None if the line has no label."""
    m = _LABEL.match(line.spaced)
    if not m:
        return None
    label = regex.sub(r"\s", "", m.group("label"))
    rest = m.group("rest").strip()
    label_line = replace(line, raw=m.group("label"), text="", cell=CELL_LABELS[label])
    rest_line = replace(line, raw=rest, text="", wrapped=False) if rest else None
    return label_line, rest_line


# A label's glyphs: the longest label and an opening bracket
_LABEL_GLYPHS = max(map(len, CELL_LABELS)) + 1


def label_end(glyph_texts: Sequence[str]) -> int | None:
    """Index of the last glyph of the longest label a line's ink glyphs open
    with: 目標(プロセス指標) is one label, not 目標 and a rest."""
    end, text = None, ""
    for k, t in enumerate(glyph_texts[:_LABEL_GLYPHS]):
        text += t
        if normalize_text(text).lstrip("【[") in CELL_LABELS:
            end = k
    return end


def is_label(line: Line) -> bool:
    return line.cell is not None and line.text in CELL_LABELS


def group_label_cells(lines: Sequence[Line]) -> list[Line]:
    """Mark the lines of each label's cell and move the label before them (one
    page): the lines inside its ruled extent when drawn, else every line right
    of the label."""
    out = list(lines)
    i = 0
    while i < len(out):
        label = out[i]
        if not (is_label(label) and label.bbox):
            i += 1
            continue
        cell_x, extent = label.bbox[2] - 1.0, label.extent

        def in_cell(line: Line) -> bool:
            if not line.bbox or is_label(line):
                return False
            return holds(extent, line.bbox) if extent else line.bbox[0] >= cell_x

        # the label is centred in its cell, its lines above and below it; unruled, the cell
        # ends where they stop following each other (a running header above, a caption below)
        start = i
        while start > 0 and in_cell(out[start - 1]) and (extent or _follows(out[start - 1], out[start])):
            start -= 1
        end = i + 1
        while end < len(out) and in_cell(out[end]) and (extent or _follows(out[end - 1], out[end])):
            end += 1
        if start == i and end == i + 1 and not extent:  # nothing beside it: a label over its text
            end += len(_text_under(label, out[i + 1 :]))
        cell_lines = [replace(l, cell=label.cell) for l in out[start:i] + out[i + 1 : end]]
        if cell_lines:
            cell_lines[0] = replace(cell_lines[0], wrapped=False)
        out[start:end] = [label, *cell_lines]
        i = end
    return out


def _follows(prev: Line, line: Line) -> bool:
    """``line`` is the next line of the same block: it starts no more than a
    line's height below ``prev`` (a blank line's gap ends a block)."""
    return line.bbox[1] - prev.bbox[3] < prev.bbox[3] - prev.bbox[1]


def _text_under(label: Line, following: Sequence[Line]) -> list[Line]:
    """The text of a label printed on its own line over it: the lines below
    that start no further left than the label (by half an em), each following
    the one before; a line further left, a wider gap or another label ends it."""
    taken: list[Line] = []
    prev = label
    for line in following:
        if not line.bbox or is_label(line) or line.bbox[0] < label.bbox[0] - (line.size or 10.0) / 2:
            break
        if not _follows(prev, line):
            break
        taken.append(line)
        prev = line
    return taken


def continued_cell(before: Sequence[Line], page: Sequence[Line]) -> list[Line]:
    """A page's lines, the first ones marked as in the label cell the page
    ``before`` ends in: a cell cut by the page turn goes on at the top of the
    next page, its label left behind. A line continues it when it looks like a
    line of the cell (set where one started, within half an em, in its size
    and face: a heading there is not its text) and follows the one before."""
    out = list(page)
    last = before[-1] if before else None
    if not (last and last.cell and last.bbox and not is_label(last)):
        return out
    looks = set()  # (start, size, face) of the lines of the cell's run at the end of ``before``
    for line in reversed(before):
        if line.page != last.page or line.cell != last.cell or not line.bbox or is_label(line):
            break
        looks.add((line.bbox[0], line.size, line.bold))
    for k, line in enumerate(out):
        if not line.bbox or line.cell or not any(
                abs(line.bbox[0] - x) <= (size or 10.0) / 2 and line.size == size and line.bold == bold
                for x, size, bold in looks):
            break
        if k and not _follows(out[k - 1], line):
            break
        out[k] = replace(line, cell=last.cell)
    return out


def ruled_extents(lines: Sequence[Line], rules: Callable[[], Sequence[Box]]) -> list[Line]:
    """A label in a ruled cell names one ruled cell, its extent: its own cell
    when lines sit in it under the label (a caption: a small 目標 in the corner),
    else the cell beside it in the same row (様式2: 目標（プロセス指標） | the
    targets); the lines of other rows and cells are never the label's. ``rules``
    (the page's drawn rules) is asked for only when the page has a label."""
    out = list(lines)
    for k, line in enumerate(out):
        if not (is_label(line) and line.bbox):
            continue
        below = out[k + 1].bbox if k + 1 < len(out) else None
        own = caption_cell(line.bbox, rules())
        extent = own if own and below and holds(own, below) else cell_beside(line.bbox, rules())
        if extent:
            out[k] = replace(line, extent=extent)
    return out


def carry_over_page(prev: Line, prev_right_edge: float, line: Line) -> Line:
    """A page's first line goes on the previous page's last paragraph when that
    ran to the right edge and this line is set like it, at the same left edge
    (a paragraph cut by the page break, not a new one)."""
    em = prev.size or 10.0
    alike = (prev.bold == line.bold and prev.bbox and line.bbox and not BULLET.match(line.text)
             and (not (prev.size and line.size) or abs(prev.size - line.size) < 0.3)
             and abs(line.bbox[0] - prev.bbox[0]) < 0.5 * em)
    if alike and _continues(prev, line, prev_right_edge) and not line.wrapped:
        return replace(line, wrapped=True)
    return line


def _continues(prev: Line, line: Line, right_edge: float) -> bool:
    """``line`` is a soft wrap of ``prev``: prev ran (within 1.5 em, kinsoku
    shortens lines) to the right edge, or line hangs indented under a bullet.
    Never a line set left of a paragraph's carried-on lines: it opens another
    (a heading under a bullet's last, full, hanging line)."""
    em = prev.size or 10.0
    if prev.wrapped and line.bbox[0] < prev.bbox[0] - 0.5 * em:
        return False
    if PROJECT_LIST_END.on(prev.spaced, prev.text):
        return False
    full = prev.bbox[2] >= right_edge - 1.5 * em
    hanging = bool(BULLET.match(prev.text)) and line.bbox[0] > prev.bbox[0] + 0.5 * em
    return full or hanging


def mark_wraps(lines: Sequence[Line], right_edge: float) -> list[Line]:
    """Set ``wrapped`` on the lines of one page from their geometry."""
    out: list[Line] = []
    for line in lines:
        prev = out[-1] if out else None
        wrapped = bool(prev and prev.bbox and line.bbox and _continues(prev, line, right_edge))
        out.append(replace(line, wrapped=wrapped) if wrapped != line.wrapped else line)
    return out
