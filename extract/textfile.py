"""Read a ``.txt`` file of already-extracted text (the seed's shape) into lines.

The shape: markdown-ish ``- `` list markers, ``**`` bold marks, blank lines
between paragraphs, optional form feeds between pages. Without form feeds the
page of a line is unknown and stays None (never guessed).
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import regex

from .footer import page_number, running_header_texts
from .layout import split_label
from .lines import Line
from .encoding import decode
from .source import ExtractError, SourceText
from rules.text import canonical

_LIST_MARKER = regex.compile(r"^\s*(?:[-*+]\s+)+")
_BOLD_MARK = regex.compile(r"\*\*")

def _clean(source_line: str) -> str:
    return _BOLD_MARK.sub("", _LIST_MARKER.sub("", source_line)).strip()


def read_text(path: Path, data: bytes, max_pages: int | None = None) -> SourceText:
    text = decode(data, path)
    if not text.strip():
        raise ExtractError("no_text", f"{path}: holds only whitespace, no text")
    pages = text.split("\f")
    paged = len(pages) > 1
    if max_pages is not None and len(pages) > max_pages:
        raise ExtractError("too_many_pages", f"{path}: more than {max_pages} pages "
                                             "(the --max-pages limit)")
    first_lines = [next((c for c in map(_clean, p.splitlines()) if c), None) for p in pages]
    header_texts = running_header_texts(first_lines) if paged else set()
    lines: list[Line] = []
    for index, page_text in enumerate(pages, start=1):
        page_lines: list[Line] = []
        printed = None
        blank_before = True
        for source_line in page_text.splitlines():
            number = page_number(source_line, at_edge=False)  # before "- " is stripped
            if number is not None:
                printed = number
                continue
            raw = _clean(source_line)
            if not raw:
                blank_before = True
                continue
            if not page_lines and canonical(raw) in header_texts:
                continue
            line = Line(raw=raw, page=index if paged else None, bold="**" in source_line,
                        wrapped=not blank_before)
            parts = split_label(line)
            page_lines.extend([line] if parts is None else [p for p in parts if p is not None])
            blank_before = False
        lines.extend(replace(l, printed_page=printed) for l in page_lines)
    return SourceText(lines=lines, page_count=len(pages) if paged else None)
