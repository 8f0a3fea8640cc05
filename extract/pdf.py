"""Read a PDF into lines with page, box and font provenance.

An engine (``pdf_engines``) turns each page into glyph records and
``text_rows`` groups them into lines; everything after that — labels, cells,
footers, running headers, wraps — is done here once for every engine. Pages
are read one at a time and released, so memory does not grow with the page
count (only the lines are kept).
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Callable
from statistics import median

import regex

from . import glyphs
from .diagnose import looks_truncated
from .footer import page_number, running_header_texts
from .headings import BUDGET_VALUE
from .layout import carry_over_page, continued_cell, group_label_cells, is_label_only, label_end, mark_wraps, ruled_extents, split_label
from .lines import Line
from .page_cells import Box, box_of, caption_cell, cell_below, cell_beside, cell_of, inside, rules_of
from .page_vertical import vertical_rows
from .pdf_engines import DEFAULT_ENGINE, open_pdf
from .source import ExtractError, SourceText
from .tables import Table, find_tables, holds, holds_row
from rules.text import canonical, normalize_text
from .text_rows import dedupe_overprint, text_lines
from .tree import Note

_HEADING_FACE = regex.compile(r"(?i)gothic|goth|bold|black|heavy|kaku|W[5-9]\b")
# Page furniture sits in a band at the top and bottom edge: a tenth of the page's height, but at
# least 1.25 inch (a landscape page's tenth is only 21 mm, less than many top margins; a page
# number or running header set just above a 30 mm top margin ends about 80 pt down).
BAND_SHARE, BAND_MIN = 0.1, 90.0


def _in_top_band(bottom: float, height: float) -> bool:
    return bottom < max(height * BAND_SHARE, BAND_MIN)


def _in_bottom_band(top: float, height: float) -> bool:
    return top > height - max(height * BAND_SHARE, BAND_MIN)


EDGE_ROWS = 2  # furniture is the outermost rows: a number and a running header may share a corner


def _line_from_chars(chars: list[dict], page: int) -> Line:
    """One line; ``chars`` holds at least one glyph that is not a space.
    A 均等割付 line's text drops its gaps, digits included (平 成 2 9 年 度).
    One pass: this runs for every line of every page."""
    ink: list[dict] = []
    exact: dict[float, int] = {}  # sizes as drawn, rounded below once per distinct size
    faces: dict[str, int] = {}
    for c in chars:
        if not c["text"].isspace():
            ink.append(c)
            size, face = c["size"], c["fontname"]
            exact[size] = exact.get(size, 0) + 1
            faces[face] = faces.get(face, 0) + 1
    sizes: dict[float, int] = {}  # in the order each rounded size is first seen
    for size, count in exact.items():
        size = round(size, 1)
        sizes[size] = sizes.get(size, 0) + count
    raw = _chars_text(chars)
    return Line(
        raw=raw,
        text=normalize_text(raw.replace(" ", "")) if glyphs.evenly_spaced(ink) else "",
        page=page,
        bbox=(
            min([c["x0"] for c in ink]),
            min([c["top"] for c in ink]),
            max([c["x1"] for c in ink]),
            max([c["bottom"] for c in ink]),
        ),
        size=max(sizes, key=sizes.get),  # the commonest; the first seen among equals
        bold=bool(_HEADING_FACE.search(max(faces, key=faces.get))),
    )


def _chars_text(chars: list[dict]) -> str:
    """Chars of one line left to right, a space where a gap is wider than a
    fifth of an em: the space producers draw between ``1`` and ``豊`` is
    0.25–0.28 em (HeiseiMin's is exactly 0.25 em and drawn as a gap, no glyph)."""
    parts: list[str] = []
    prev = None
    for c in chars:
        if c["text"].isspace():
            parts.append(" ")
            continue
        if prev is not None and c["x0"] - prev["x1"] > c["size"] / 5:
            parts.append(" ")
        parts.append(c["text"])
        prev = c
    return "".join(parts).strip()


LABEL_MAX_GLYPHS = 4  # 目標, 目 標, 【目標】


def _split_leading_label(chars: list[dict], page: int) -> list[Line]:
    """Split a line whose first segment (before a gap of a full em) is a label.
    A 均等割付 label (目　　標) has a gap of its own, so every gap within the
    first few glyphs is tried."""
    inked = 0  # ink glyphs before chars[i]
    for i in range(1, len(chars)):
        inked += not chars[i - 1]["text"].isspace()
        if inked > LABEL_MAX_GLYPHS:
            break
        if (not chars[i]["text"].isspace() and chars[i]["x0"] - chars[i - 1]["x1"] > chars[i]["size"]
                and is_label_only(canonical(_chars_text(chars[:i])))):  # before making a Line: tables gap a lot
            return [split_label(_line_from_chars(chars[:i], page))[0], _line_from_chars(chars[i:], page)]
    line = _line_from_chars(chars, page)
    parts = split_label(line)
    if parts is None:
        return [line]
    return _label_by_glyphs(chars, page) or [p for p in parts if p is not None]


_LABEL_CLOSE, _AFTER_LABEL = "】]", " \u3000:："


def _label_by_glyphs(chars: list[dict], page: int) -> list[Line] | None:
    """Label and rest of a line that opens with a label (``目　標 した団体…``),
    each with the box of its own glyphs: the label cell's right edge is where
    the label ends, not where the line does."""
    ink = glyphs.ink(chars)
    end = label_end([g["text"] for g in ink])
    if end is None:
        return None
    if end + 1 < len(ink) and ink[end + 1]["text"] in _LABEL_CLOSE:
        end += 1
    cut = next(k for k, c in enumerate(chars) if c is ink[end]) + 1
    rest = list(chars[cut:])
    while rest and rest[0]["text"] in _AFTER_LABEL:
        rest.pop(0)
    label = split_label(_line_from_chars(chars[:cut], page))
    if label is None:
        return None
    return [label[0], _line_from_chars(rest, page)] if glyphs.ink(rest) else [label[0]]


def _labelled_row(row: list[Line], parts: list[list[dict]], rules: Callable[[], list[Box]]) -> list[Line]:
    """A ruled row whose label cell is set in the heading face, its value in
    the cell beside it (様式2: 具体的取組1-1-1 | title), is styled as its label:
    a heading however long the value set in the body face. ``parts``: the row's
    glyph ``segments``. ``rules`` is asked for only for a line that opens in the
    heading face and is not one."""
    if len(row) != 1 or row[0].bold:
        return row
    label, *value = parts
    if not value or not all(_HEADING_FACE.search(g["fontname"]) for g in label):
        return row
    cell = cell_beside(box_of(label), rules())
    if cell is None or not all(inside(g, cell) for part in value for g in part):
        return row
    return [replace(row[0], bold=True)]


def _value_line(chars: list[dict], page: int) -> Line | None:
    """A cell under a column header, as printed; None when it does not read as
    a value (a paragraph line that happens to sit below). It follows the header's
    own line, so the tree reads the two as a budget label and its value."""
    line = _line_from_chars(chars, page)
    return line if BUDGET_VALUE.match(normalize_text(line.raw)) else None


def _unstack_labels(rows: list[list[dict]]) -> list[list[dict]]:
    """A label set vertically in its cell (目 over 標, each glyph a row of its own or
    opening a row of the text beside it) becomes one row, where its first glyph was:
    its glyphs are the label, not the start of the rows they sit on."""
    labels = [stack for stack in glyphs.stacked_heads(rows)
              if is_label_only(canonical("".join(g["text"] for g in stack)))]
    for stack in labels:
        at = next(k for k, row in enumerate(rows) if any(g is stack[0] for g in row))
        rows = [[g for g in row if not any(g is s for s in stack)] for row in rows]
        rows.insert(at, stack)
    return [row for row in rows if glyphs.ink(row)] if labels else rows


def _page_notes(vertical: bool, unmapped: int, index: int) -> list[Note]:
    """What a page's glyphs say about how far its text can be trusted."""
    notes = []
    if unmapped:
        notes.append(Note("unmapped_glyphs", f"page {index}: {unmapped} glyph(s) have no Unicode "
                          f"mapping (font without ToUnicode); shown as {glyphs.REPLACEMENT}", index))
    if vertical:
        notes.append(Note("vertical_text", f"page {index}: vertical writing (縦書き), read column "
                          "by column (top to bottom, columns right to left)", index))
    return notes


def _in_band(box: Box, height: float) -> bool:
    return _in_top_band(box[3], height) or _in_bottom_band(box[1], height)


def _take_page_number(chars: list[dict], at_edge: bool) -> tuple[int, list[dict]] | None:
    """The printed page number a band row shows — alone, or as its first or
    last part after a wide gap (a running header in another corner of the same
    row) — and the row's other glyphs. Off the page's outermost rows only the
    dashed form counts (rules/pages.py)."""
    number = page_number(_chars_text(chars), at_edge)
    if number is not None:
        return number, []
    cuts = [i for i in range(1, len(chars)) if chars[i]["x0"] - chars[i - 1]["x1"] > 2 * chars[i]["size"]]
    if not cuts:
        return None
    for part, rest in ((chars[:cuts[0]], chars[cuts[0]:]), (chars[cuts[-1]:], chars[:cuts[-1]])):
        if glyphs.ink(part) and (number := page_number(_chars_text(part), at_edge)) is not None:
            return number, rest
    return None


@dataclass(frozen=True)
class PageNumber:
    """The printed page number a page's band shows. Printed beside other text
    on its row (``beside``, after a wide gap) it is furniture only if that text
    is the running header, known once every page is read; else the row is a
    line like any other: a 目次 entry's page number on a row that reaches the band."""

    number: int
    beside: str | None = None  # canonical text of the rest of the row
    top: float = 0.0  # the row's extent
    bottom: float = 0.0

    def on_row(self, line: Line) -> bool:
        return line.bbox is not None and self.top <= (line.bbox[1] + line.bbox[3]) / 2 <= self.bottom


def _page_lines(page_glyphs: list[dict], height: float, index: int,
                rules: Callable[[], list[Box]] = list, text_rows: list[list[dict]] | None = None,
                tables: list[Table] | None = None) -> tuple[list[Line], PageNumber | None, list[Note]]:
    """Lines of one page in reading order, the printed page number and notes
    on the page's glyphs (unmapped, vertical). A header drawn in a ruled cell
    (``rules``: the page's drawn rules) is that cell's caption: the cell holds its value.
    ``text_rows``: the page's rows when the caller has them (the glyphs then deduplicated).
    A row wholly inside one of the page's ``tables`` makes no lines: the table reads it."""
    deduped = page_glyphs if text_rows is not None else dedupe_overprint(page_glyphs)  # 自自自自 → 自
    rules = cache(rules)  # read from the page once, when a header first asks
    printed: PageNumber | None = None  # one alone on its row, else the first beside other text
    unmapped = 0
    lines: list[Line] = []
    header: tuple[glyphs.HeaderCell, list[dict]] | None = None  # a 予算額 header cell, pending
    vertical = glyphs.vertical_writing(deduped)
    rows = vertical_rows(deduped, rules()) if vertical else _unstack_labels(text_rows or text_lines(deduped))
    for at, chars in enumerate(rows):
        chars, count = glyphs.replace_unmapped(chars)
        unmapped += count
        # a number inside the text block is no furniture: only a band row, and but for the dashed
        # form only an outermost one
        at_edge = at < EDGE_ROWS or at >= len(rows) - EDGE_ROWS
        row_box = box_of(chars)
        if (printed is None or printed.beside) and _in_band(row_box, height) and (
                found := _take_page_number(chars, at_edge)):
            number, rest = found
            if not glyphs.ink(rest):
                printed = PageNumber(number)
                continue
            if printed is None:  # the row stays lines until the running headers are known
                printed = PageNumber(number, canonical(_chars_text(rest)), row_box[1], row_box[3])
        if header:
            split = glyphs.split_under_header(chars, header[0])
            if split and (value := _value_line(split[1], index)):
                if glyphs.ink(rest := split[0]):
                    lines.extend(_split_leading_label(rest, index))
                lines += [_line_from_chars(header[1], index), value]  # label, then its value
                header = None
                continue
            if split or not glyphs.beside_column(chars, header[0]):
                lines.extend(_split_leading_label(header[1], index))  # a header with no value
                header = None  # under it stays a line of its own
        if not header and tables and holds_row(tables, row_box):
            continue  # a table's row: the table reads it (its 予算額 header is the table's, not one pending)
        parts = glyphs.segments(chars)  # cut once for the header cell and the label cell
        if found := glyphs.header_cell(chars, parts):
            if header:
                lines.extend(_split_leading_label(header[1], index))
            chars, header_glyphs, cell = found
            parts = glyphs.segments(chars)
            if box := cell_of(header_glyphs, rules()):  # the column is as wide as the cell; a
                # caption at the top of its own cell names what the cell holds, a header cell the one below
                caption = caption_cell((cell.x0, cell.bottom - cell.size, cell.x1, cell.bottom), rules())
                cell = replace(cell, x0=box[0], x1=box[2], cell=caption or cell_below(box, rules()))
            header = (cell, header_glyphs)
            if not glyphs.ink(chars):
                continue
        if tables and holds_row(tables, box_of(chars)):
            continue
        lines.extend(_labelled_row(_split_leading_label(chars, index), parts, rules))
    if header:
        lines.extend(_split_leading_label(header[1], index))
    return ruled_extents(lines, rules), printed, _page_notes(vertical, unmapped, index)


def _right_edge(lines: list[Line]) -> float:
    """Where full lines end: the median right edge of the lines that reach the
    last tenth of the text width (right-aligned 【予算額】 sticks out further)."""
    edges = [l.bbox[2] for l in lines if l.bbox]
    if not edges:
        return 0.0
    return median(e for e in edges if e >= 0.9 * max(edges))


def _edge_raw(lines: list[Line], at: int, height: float) -> str | None:
    """The page's first (``at`` 0) or last (-1) line if it sits in that band."""
    if not lines or not lines[at].bbox:
        return None
    top, bottom = lines[at].bbox[1], lines[at].bbox[3]
    return lines[at].raw if (_in_top_band(bottom, height) if at == 0 else _in_bottom_band(top, height)) else None


_DAMAGE = ("unreadable_page", "damaged_page_content")


def read_pdf(path: Path, data: bytes, max_pages: int | None = None,
             engine: str = DEFAULT_ENGINE) -> SourceText:
    pages: list[tuple[list[Line], PageNumber | None]] = []
    header_candidates: list[str | None] = []  # each page's first line in the top band, last in the bottom
    without_text: list[int] = []
    tables: list[Table] = []
    notes: list[Note] = []
    if looks_truncated(data):  # the parser rebuilt what it could: later pages may be missing
        notes.append(Note("truncated_pdf", "the file ends without %%EOF (incomplete download?): "
                                           "some pages or text may be missing"))
    with open_pdf(engine, path, data, max_pages) as pdf:
        for index, page in enumerate(pdf.pages(), start=1):
            paths = cache(page.paths)  # read from the page once, if a cell or table asks
            deduped = dedupe_overprint(page.glyphs)  # overprinted bold: 自自自自 → 自
            rows = text_lines(deduped)  # shared by the page's lines and its tables
            carried = tables[-1] if tables and tables[-1].page == index - 1 else None
            page_tables = find_tables(rows, paths, index, carried)
            lines, printed, page_notes = _page_lines(deduped, page.height, index,
                                                     lambda: rules_of(paths()), rows, page_tables)
            page_notes = [*page.notes, *page_notes]
            notes += page_notes
            if not lines and not page_tables and not any(n.kind in _DAMAGE for n in page_notes):
                without_text.append(index)
            if page_tables:
                tables += page_tables  # their lines are read as cells, not as text
                lines = [l for l in lines if not any(holds(t, l.bbox) for t in page_tables)]
            pages.append((lines, printed))
            for at in (0, -1):  # a row shared with a number stands for the text beside it
                header_candidates.append(printed.beside if printed and printed.beside and lines
                                         and printed.on_row(lines[at]) else _edge_raw(lines, at, page.height))
        metadata = pdf.metadata
    unreadable = [n for n in notes if n.kind == "unreadable_page"]
    if pages and len(unreadable) == len(pages):
        raise ExtractError("damaged_pdf", f"{path}: damaged PDF: no page can be read "
                                          f"({unreadable[0].text})")
    headers = running_header_texts(header_candidates[0::2]) | running_header_texts(header_candidates[1::2])
    lines: list[Line] = []
    right_edge = 0.0  # the previous page's
    for page_lines, printed in pages:
        if printed and printed.beside:
            if printed.beside in headers:  # the running header and the page number
                page_lines = [l for l in page_lines if not printed.on_row(l)]
            else:
                printed = None
        if printed:
            page_lines = [replace(l, printed_page=printed.number) for l in page_lines]
        if headers and page_lines and canonical(page_lines[0].raw) in headers:
            page_lines = page_lines[1:]
        if headers and page_lines and canonical(page_lines[-1].raw) in headers:
            page_lines = page_lines[:-1]
        edge = _right_edge(page_lines)
        page_lines = mark_wraps(page_lines, edge)
        if lines and page_lines:
            page_lines[0] = carry_over_page(lines[-1], right_edge, page_lines[0])
        if page_lines:
            right_edge = edge
        lines.extend(continued_cell(lines, group_label_cells(page_lines)))
    return SourceText(
        lines=lines,
        page_count=len(pages),
        pages_without_text=tuple(without_text),
        notes=tuple(notes),
        metadata=metadata,
        tables=tuple(tables),
    )
