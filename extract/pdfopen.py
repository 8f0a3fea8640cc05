"""Open a PDF whatever its state: stable errors for what cannot be opened, a page
limit checked before any page is read, and pdfminer's complaints captured."""
from __future__ import annotations

import io
import logging
from contextlib import contextmanager, suppress
from itertools import islice
from pathlib import Path
from typing import Iterator

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfpage import PDFPage
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

from .diagnose import describe, unreadable_pdf
from .source import ExtractError

# What pdfplumber raises for damaged input (it wraps pdfminer's errors in PdfminerException).
PARSER_ERRORS = (PdfminerException, MalformedPDFException)


def open_pdf(path: Path, data: bytes, max_pages: int | None):
    """The open PDF with at least one page and at most ``max_pages``, or ExtractError."""
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except PARSER_ERRORS as exc:
        cause = exc.args[0] if exc.args else exc
        if isinstance(cause, PDFPasswordIncorrect):
            raise ExtractError("encrypted", f"{path}: encrypted PDF (a password is needed)") from exc
        if isinstance(cause, PDFEncryptionError):
            raise ExtractError("encrypted", f"{path}: encrypted PDF that cannot be decrypted "
                                            f"({describe(cause)})") from exc
        raise unreadable_pdf(path, data, exc) from exc
    try:
        _check_page_count(path, pdf, max_pages)
    except ExtractError:
        close_pdf(pdf)
        raise
    return pdf


def _check_page_count(path: Path, pdf, max_pages: int | None) -> None:
    try:
        # Count without building every page, so a huge page tree is refused cheaply.
        limit = None if max_pages is None else max_pages + 1
        count = sum(1 for _ in islice(PDFPage.create_pages(pdf.doc), limit))
    except Exception as exc:  # pdfminer raises many types for a damaged page tree
        raise ExtractError("damaged_pdf", f"{path}: damaged PDF: its page tree cannot be read "
                                          f"({describe(exc)})") from exc
    check_page_count(path, count, max_pages)


def check_page_count(path: Path, count: int, max_pages: int | None) -> None:
    """ExtractError for a PDF without pages or with more than ``max_pages``."""
    if count == 0:
        raise ExtractError("no_pages", f"{path}: PDF has no pages")
    if max_pages is not None and count > max_pages:
        raise ExtractError("too_many_pages", f"{path}: more than {max_pages} pages "
                                             "(the --max-pages limit)")


class _ParserLog(logging.Handler):
    """pdfminer's warnings while pages are read (data lost decompressing a stream,
    operators it skipped): kept, so the loss shows as a warning row, not as stderr noise."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(" ".join(record.getMessage().split())[:200])


@contextmanager
def parser_log() -> Iterator[_ParserLog]:
    logger = logging.getLogger("pdfminer")
    handler, propagate = _ParserLog(), logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


def close_pdf(pdf) -> None:
    """Close, even when the page tree is damaged (pdfplumber's close walks the pages)."""
    with suppress(*PARSER_ERRORS):
        pdf.close()
