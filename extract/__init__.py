"""Stage 1: PDF or text → lines with provenance → document tree."""
from __future__ import annotations

from pathlib import Path

from .pdf import read_pdf
from .source import ExtractError, SourceText
from .structure import build_tree
from .textfile import read_text
from .tree import Document

READERS = {".pdf": read_pdf, ".txt": read_text}


def read_source(path: Path, data: bytes, max_pages: int | None = None) -> SourceText:
    """Lines of a file, by its extension; ExtractError when it cannot be read or
    has more than ``max_pages`` pages."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise ExtractError("unsupported_format", f"{path}: not a .pdf or .txt file")
    if not data:
        raise ExtractError("empty_file", f"{path}: file is empty (0 bytes)")
    return reader(path, data, max_pages)


def extract_document(path: Path, data: bytes, max_pages: int | None = None) -> Document:
    """The document tree of one file."""
    return build_tree(read_source(path, data, max_pages))


__all__ = ["Document", "ExtractError", "READERS", "extract_document", "read_source"]
