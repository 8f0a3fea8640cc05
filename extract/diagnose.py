"""Why a ``.pdf`` cannot be read, told from what its bytes really are.

Crawlers save whatever the server sent: an HTML error page, a cut-off
download, random bytes. The parser's own exception says little
(``No /Root object!``), so the bytes decide the stable error kind.
"""
from __future__ import annotations

from pathlib import Path

import regex

from .source import ExtractError

_HEAD = 1024  # readers accept a PDF header within the first 1 KB
_PDF_HEADER = regex.compile(rb"%PDF-\d")
# <!DOCTYPE html>, <html>, <head>… after optional BOM, whitespace and an <?xml?> prolog
_HTML = regex.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?<(?:!doctype\s+html|html|head|body)\b",
                      regex.IGNORECASE)
_EOF_MARK = b"%%EOF"


def unreadable_pdf(path: Path, data: bytes, cause: BaseException) -> ExtractError:
    """The error for a PDF the parser could not open."""
    head = data[:_HEAD]
    if _HTML.match(head):
        return ExtractError("html_not_pdf", f"{path}: an HTML page saved as .pdf "
                                            "(a download error page?), not a PDF")
    if not _PDF_HEADER.search(head):
        return ExtractError("not_a_pdf", f"{path}: not a readable PDF (no %PDF- header)")
    if looks_truncated(data):
        return ExtractError("truncated_pdf", f"{path}: truncated PDF: no %%EOF at the end "
                                             f"({len(data)} bytes; incomplete download?)")
    return ExtractError("damaged_pdf", f"{path}: damaged PDF, not readable ({describe(cause)})")


def looks_truncated(data: bytes) -> bool:
    """No %%EOF near the end: the download stopped early."""
    return _EOF_MARK not in data[-_HEAD:]


def describe(exc: BaseException) -> str:
    """One line for a parser exception; pdfplumber wraps pdfminer's in PdfminerException."""
    while exc.args and isinstance(exc.args[0], BaseException):
        exc = exc.args[0]
    text = " ".join(str(exc).split())[:200]
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
