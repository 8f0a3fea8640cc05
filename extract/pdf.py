"""Read a PDF with pdfplumber into lines with page, box and font provenance.

Pages are read one at a time and their caches released, so memory does not
grow with the page count.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import replace
from pathlib import Path
from statistics import median

import regex

from .diagnose import describe, looks_truncated
from .footer import page_number, running_header_texts
from .layout import group_label_cells, mark_wraps, split_label
from .lines import Line
from .pdfopen import PARSER_ERRORS, close_pdf, open_pdf, parser_log
from .source import ExtractError, SourceText
from .text import canonical
from .tree import Note

_HEADING_FACE = regex.compile(r"(?i)gothic|goth|bold|black|heavy|kaku|W[5-9]\b")
FOOTER_AREA = 0.9  # lines below 90 % of the page height may be page numbers
HEADER_AREA = 0.1  # lines above 10 % may be running headers


def _line_from_chars(chars: list[dict], page: int) -> Line:
    """One line; ``chars`` holds at least one glyph that is not a space."""
    ink = [c for c in chars if not c["text"].isspace()]
    sizes = Counter(round(c["size"], 1) for c in ink)
    faces = Counter(c["fontname"] for c in ink)
    return Line(
        raw=_chars_text(chars),
        page=page,
        bbox=(
            min(c["x0"] for c in ink),
            min(c["top"] for c in ink),
            max(c["x1"] for c in ink),
            max(c["bottom"] for c in ink),
        ),
        size=sizes.most_common(1)[0][0],
        bold=bool(_HEADING_FACE.search(faces.most_common(1)[0][0])),
    )


def _chars_text(chars: list[dict]) -> str:
    """Chars of one line left to right, a space where a gap is wider than a
    quarter em: the space producers draw between ``1`` and ``豊`` is ~0.28 em."""
    parts: list[str] = []
    prev = None
    for c in chars:
        if c["text"].isspace():
            parts.append(" ")
            continue
        if prev is not None and c["x0"] - prev["x1"] > c["size"] / 4:
            parts.append(" ")
        parts.append(c["text"])
        prev = c
    return "".join(parts).strip()


def _split_leading_label(chars: list[dict], page: int) -> list[Line]:
    """Split a line whose first segment (before a gap of a full em) is a label."""
    for i in range(1, len(chars)):
        if not chars[i]["text"].isspace() and chars[i]["x0"] - chars[i - 1]["x1"] > chars[i]["size"]:
            parts = split_label(_line_from_chars(chars[:i], page))
            if parts and parts[1] is None:
                return [parts[0], _line_from_chars(chars[i:], page)]
            break
    line = _line_from_chars(chars, page)
    parts = split_label(line)
    return [line] if parts is None else [p for p in parts if p is not None]


def _text_lines(page) -> list[dict]:
    """pdfplumber's lines of a page; raises PARSER_ERRORS for a damaged page."""
    deduped = page.dedupe_chars(tolerance=1)  # overprinted bold: 自自自自 → 自
    return deduped.extract_text_lines(return_chars=True, strip=True)


def _page_lines(page, index: int) -> tuple[list[Line], int | None]:
    """Lines of one page in reading order, and the printed page number."""
    printed = None
    lines: list[Line] = []
    for text_line in _text_lines(page):
        chars = text_line["chars"]
        if all(c["text"].isspace() for c in chars):
            continue
        if text_line["top"] > page.height * FOOTER_AREA:
            number = page_number(_chars_text(chars), in_footer_area=True)
            if number is not None:
                printed = number
                continue
        lines.extend(_split_leading_label(chars, index))
    return lines, printed


def _right_edge(lines: list[Line]) -> float:
    """Where full lines end: the median right edge of the lines that reach the
    last tenth of the text width (right-aligned 【予算額】 sticks out further)."""
    edges = [l.bbox[2] for l in lines if l.bbox]
    if not edges:
        return 0.0
    return median(e for e in edges if e >= 0.9 * max(edges))


def _read_page(page, index: int) -> tuple[list[Line], int | None, Note | None]:
    """Lines and printed number of one page, and a Note when it is damaged (no
    lines when it cannot be read at all)."""
    with parser_log() as log:
        try:
            lines, printed = _page_lines(page, index)
        except PARSER_ERRORS as exc:  # one damaged page: the others are still read
            return [], None, Note("unreadable_page", f"page {index} cannot be read, its text is "
                                                     f"missing ({describe(exc)})", index)
    if log.messages:
        what = "; ".join(dict.fromkeys(log.messages))
        return lines, printed, Note("damaged_page_content",
                                    f"page {index} is damaged, some text may be missing ({what})", index)
    return lines, printed, None


def read_pdf(path: Path, data: bytes, max_pages: int | None = None) -> SourceText:
    pdf = open_pdf(path, data, max_pages)
    try:
        pages: list[list[Line]] = []
        header_candidates: list[str | None] = []
        without_text: list[int] = []
        notes: list[Note] = []
        if looks_truncated(data):  # pdfminer rebuilt what it could: later pages may be missing
            notes.append(Note("truncated_pdf", "the file ends without %%EOF (incomplete download?): "
                                               "some pages or text may be missing"))
        try:
            plumber_pages = pdf.pages
        except PARSER_ERRORS as exc:
            raise ExtractError("damaged_pdf", f"{path}: damaged PDF: its pages cannot be read "
                                              f"({describe(exc)})") from exc
        for index, page in enumerate(plumber_pages, start=1):
            lines, printed, note = _read_page(page, index)
            page.close()  # release the page's cached objects
            if note:
                notes.append(note)
            elif not lines:
                without_text.append(index)
            pages.append(
                [replace(l, printed_page=printed) for l in lines] if printed is not None else lines
            )
            in_header = lines and lines[0].bbox[1] < page.height * HEADER_AREA
            header_candidates.append(lines[0].raw if in_header else None)
        unreadable = [n for n in notes if n.kind == "unreadable_page"]
        if len(unreadable) == len(pages):
            raise ExtractError("damaged_pdf", f"{path}: damaged PDF: no page can be read "
                                              f"({unreadable[0].text})")
        metadata = {k: str(v) for k, v in (pdf.metadata or {}).items() if isinstance(v, (str, int))}
    finally:
        close_pdf(pdf)
    headers = running_header_texts(header_candidates)
    lines: list[Line] = []
    for page_lines in pages:
        if page_lines and headers and canonical(page_lines[0].raw) in headers:
            page_lines = page_lines[1:]
        page_lines = mark_wraps(page_lines, _right_edge(page_lines))
        lines.extend(group_label_cells(page_lines))
    return SourceText(
        lines=lines,
        page_count=len(pages),
        pages_without_text=tuple(without_text),
        notes=tuple(notes),
        metadata=metadata,
    )
