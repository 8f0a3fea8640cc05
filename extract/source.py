"""What a reader hands to the structure stage, and how a reader fails."""
from __future__ import annotations

from dataclasses import dataclass, field

from .lines import Line
from .tables import Table
from .tree import Note


class ExtractError(Exception):
    """A document that cannot be read at all. ``kind`` is a stable code for the
    ``errors`` table; the message names the file and the reason in one line."""

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind


@dataclass(frozen=True)
class SourceText:
    lines: list[Line]
    page_count: int | None  # None for text without page breaks
    pages_without_text: tuple[int, ...] = ()  # scanned pages: no text layer
    notes: tuple[Note, ...] = ()  # what the reader noticed: damaged pages, unmapped glyphs
    metadata: dict[str, str] = field(default_factory=dict)  # PDF Info dictionary
    tables: tuple[Table, ...] = ()  # budget tables read from page geometry (extract.tables)
