"""Stage 1: PDF or text → lines with provenance → document tree."""
from __future__ import annotations

from pathlib import Path

from .pdf import read_pdf
from .pdf_engines import DEFAULT_ENGINE, ENGINES
from .source import ExtractError, SourceText
from .structure import build_tree
from .textfile import read_text
from .tree import Document

READERS = {".pdf": read_pdf, ".txt": read_text}


def read_source(path: Path, data: bytes, max_pages: int | None = None,
                engine: str = DEFAULT_ENGINE) -> SourceText:
    """Lines of a file, by its extension; ExtractError when it cannot be read or
    has more than ``max_pages`` pages. ``engine`` reads PDFs (see ``ENGINES``)."""
    suffix = path.suffix.lower()
    if suffix not in READERS:
        raise ExtractError("unsupported_format", f"{path}: not a .pdf or .txt file")
    if not data:
        raise ExtractError("empty_file", f"{path}: file is empty (0 bytes)")
    if suffix == ".pdf":
        return read_pdf(path, data, max_pages, engine)
    return read_text(path, data, max_pages)


def extract_document(path: Path, data: bytes, max_pages: int | None = None,
                     engine: str = DEFAULT_ENGINE) -> Document:
    """The document tree of one file."""
    return build_tree(read_source(path, data, max_pages, engine))


__all__ = ["DEFAULT_ENGINE", "ENGINES", "Document", "ExtractError", "READERS", "extract_document",
           "read_source"]
