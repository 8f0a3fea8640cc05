"""Stage 1: PDF or text → lines with provenance → document tree."""
from __future__ import annotations

from pathlib import Path

from .pdf import read_pdf
from .source import ExtractError, SourceText
from .structure import build_tree
from .textfile import read_text
from .tree import Document

READERS = {".pdf": read_pdf, ".txt": read_text}


def read_source(path: Path, data: bytes) -> SourceText:
    """Lines of a file, by its extension."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise ExtractError("unsupported_format", f"{path}: not a .pdf or .txt file")
    if not data:
        raise ExtractError("empty_file", f"{path}: file is empty (0 bytes)")
    return reader(path, data)


def extract_document(path: Path, data: bytes) -> Document:
    """The document tree of one file."""
    return build_tree(read_source(path, data))


__all__ = ["Document", "ExtractError", "READERS", "extract_document", "read_source"]
