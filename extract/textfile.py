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
from .source import ExtractError, SourceText
from .text import canonical

_LIST_MARKER = regex.compile(r"^\s*(?:[-*+]\s+)+")
_BOLD_MARK = regex.compile(r"\*\*")

# Encodings Japanese text exports come in, most specific first.
_ENCODINGS = ("utf-8-sig", "cp932", "euc_jp")


def decode(data: bytes, path: Path) -> str:
    for encoding in _ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ExtractError("undecodable_text", f"{path}: not UTF-8, Shift_JIS/CP932 or EUC-JP text")


def _clean(source_line: str) -> str:
    return _BOLD_MARK.sub("", _LIST_MARKER.sub("", source_line)).strip()


def read_text(path: Path, data: bytes) -> SourceText:
    pages = decode(data, path).split("\f")
    paged = len(pages) > 1
    first_lines = [next((c for c in map(_clean, p.splitlines()) if c), None) for p in pages]
    header_texts = running_header_texts(first_lines) if paged else set()
    lines: list[Line] = []
    for index, page_text in enumerate(pages, start=1):
        page_lines: list[Line] = []
        printed = None
        blank_before = True
        for source_line in page_text.splitlines():
            number = page_number(source_line, in_footer_area=False)  # before "- " is stripped
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
