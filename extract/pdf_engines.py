"""PDF engines: each opens a PDF and yields its pages as ``Glyph`` records.

``pdfplumber`` (the default) interprets every glyph in Python through
pdfminer; ``pdfium`` asks PDFium (C++, via pypdfium2) for the same facts and
is many times faster. Both give glyph dicts (see ``text_rows``) in
content-stream order with boxes in points from the top-left of the page, so
``extract.pdf`` builds the same lines from either. Blanks PDFium invents between words are left out, as
pdfminer has none.
"""
from __future__ import annotations

import ctypes
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Protocol

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from .diagnose import describe, unreadable_pdf
from .pdfopen import PARSER_ERRORS, check_page_count, close_pdf, open_pdf as open_plumber, parser_log
from .source import ExtractError
from .tree import Note

DEFAULT_ENGINE = "pdfplumber"


@dataclass(frozen=True)
class PageGlyphs:
    height: float
    glyphs: list[dict]  # pdfplumber-style chars, see text_rows; empty when unreadable
    notes: list[Note] = field(default_factory=list)  # a page that is damaged or unreadable


class OpenPdf(Protocol):
    metadata: dict[str, str]  # the Info dictionary's text values

    def pages(self) -> Iterator[PageGlyphs]: ...


def _unreadable_page(index: int, exc: BaseException) -> Note:
    return Note("unreadable_page", f"page {index} cannot be read, its text is missing "
                                   f"({describe(exc)})", index)


class _Plumber:
    def __init__(self, path: Path, pdf):
        self._path, self._pdf = path, pdf
        self.metadata = {k: str(v) for k, v in (pdf.metadata or {}).items()
                         if isinstance(v, (str, int))}

    def pages(self) -> Iterator[PageGlyphs]:
        try:
            pages = self._pdf.pages
        except PARSER_ERRORS as exc:
            raise ExtractError("damaged_pdf", f"{self._path}: damaged PDF: its pages cannot be "
                                              f"read ({describe(exc)})") from exc
        for index, page in enumerate(pages, start=1):
            notes = []
            with parser_log() as log:  # the page is parsed when its chars are asked for
                try:
                    glyphs = page.chars
                except PARSER_ERRORS as exc:  # one damaged page: the others are still read
                    glyphs, notes = [], [_unreadable_page(index, exc)]
            if log.messages:
                what = "; ".join(dict.fromkeys(log.messages))
                notes.append(Note("damaged_page_content", f"page {index} is damaged, some text "
                                                          f"may be missing ({what})", index))
            page.close()  # release the page's cached objects
            yield PageGlyphs(page.height, glyphs, notes)


@contextmanager
def _open_plumber(path: Path, data: bytes, max_pages: int | None) -> Iterator[_Plumber]:
    pdf = open_plumber(path, data, max_pages)
    try:
        yield _Plumber(path, pdf)
    finally:
        close_pdf(pdf)


# FPDFText_GetTextObject with an integer result: the object's address is the
# cache key for its font facts, and NULL marks a glyph PDFium generated.
_text_object = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int)(
    ctypes.cast(pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p).value)


class _Pdfium:
    def __init__(self, doc: pdfium.PdfDocument):
        self._doc = doc
        self.metadata = doc.get_metadata_dict(skip_empty=True)
        self._faces = _Faces()  # font names stay the same across the document's pages

    def pages(self) -> Iterator[PageGlyphs]:
        for index in range(len(self._doc)):
            try:
                page = self._doc[index]
            except pdfium.PdfiumError as exc:  # one damaged page: the others are still read
                yield PageGlyphs(0.0, [], [_unreadable_page(index + 1, exc)])
                continue
            try:
                top = page.get_mediabox()[3]
                textpage = page.get_textpage()
                try:
                    glyphs = _page_glyphs(textpage.raw, top, self._faces)
                finally:
                    textpage.close()
                height = page.get_height()
            finally:
                page.close()
            yield PageGlyphs(height, glyphs)


def _page_glyphs(textpage, page_top: float, faces: "_Faces") -> list[dict]:
    count = pdfium_c.FPDFText_CountChars(textpage)
    codes = (ctypes.c_ushort * (count + 1))()  # the page's text in one call, one unit per glyph
    pdfium_c.FPDFText_GetText(textpage, 0, count, codes)
    address = ctypes.cast(textpage, ctypes.c_void_p).value
    box = pdfium_c.FS_RECTF()
    loose_box = pdfium_c.FPDFText_GetLooseCharBox
    runs: dict[int, tuple] = {}  # text object → its font facts
    glyphs: list[dict] = []
    for i in range(count):
        obj = _text_object(address, i)
        if obj is None:  # a blank or line break PDFium generated
            continue
        run = runs.get(obj)
        if run is None:
            run = runs[obj] = faces.of(textpage, i, page_top)
        size, fontname, upright, bottom, font = run
        loose_box(textpage, i, box)
        x0, x1 = box.left, box.right
        if not upright:  # rotated run: no common baseline
            bottom = page_top - box.bottom
        elif font is not None:
            x1 = x0 + faces.advance(font, codes[i], size)
        glyphs.append({"text": chr(codes[i]), "x0": x0, "x1": x1, "top": bottom - size,
                       "bottom": bottom, "size": size, "fontname": fontname, "upright": upright})
    return glyphs


class _Faces:
    """Font facts of text objects, with the buffers and per-font caches one
    document's pages share (a budget book has ~100 objects per page)."""

    def __init__(self):
        self._matrix = pdfium_c.FS_MATRIX()
        self._x, self._y, self._float = ctypes.c_double(), ctypes.c_double(), ctypes.c_float()
        self._names: dict[int, str] = {}
        self._descents: dict[tuple[int, float], float] = {}
        self._advances: dict[tuple[int, int, float], float] = {}

    def of(self, textpage, i: int, page_top: float
           ) -> tuple[float, str, bool, float, tuple | None]:
        """Size, font name, uprightness, box bottom and font (if not embedded)
        of the text object holding glyph ``i``. The bottom is pdfminer's:
        baseline plus the font's descent (PDFium's loose boxes differ), shared
        by the whole run."""
        size = pdfium_c.FPDFText_GetFontSize(textpage, i)
        font = pdfium_c.FPDFTextObj_GetFont(pdfium_c.FPDFText_GetTextObject(textpage, i))
        key = ctypes.cast(font, ctypes.c_void_p).value
        m = self._matrix
        pdfium_c.FPDFText_GetMatrix(textpage, i, m)
        pdfium_c.FPDFText_GetCharOrigin(textpage, i, self._x, self._y)
        descent = self._descents.get((key, size))
        if descent is None:
            pdfium_c.FPDFFont_GetDescent(font, ctypes.c_float(size), self._float)
            descent = self._descents[(key, size)] = self._float.value
        upright = m.a * m.d > 0 and m.b * m.c <= 0  # pdfminer's rule
        substituted = not pdfium_c.FPDFFont_GetIsEmbedded(font)
        return (size, self._name(font, key), upright, page_top - (self._y.value + descent),
                (font, key) if substituted else None)

    def advance(self, font: tuple, code: int, size: float) -> float:
        """A glyph's advance from the PDF's own widths (/W), as pdfminer takes
        it. Asked only for fonts the PDF does not embed: PDFium's loose box is
        as wide as the glyph it draws, there another font's glyph."""
        handle, key = font
        width = self._advances.get((key, code, size))
        if width is None:
            pdfium_c.FPDFFont_GetGlyphWidth(handle, code, ctypes.c_float(size), self._float)
            width = self._advances[(key, code, size)] = self._float.value
        return width

    def _name(self, font, key: int) -> str:
        """PDFium drops the subset tag (``AAAAAB+``) from font names; each font
        gets a tag of its own instead, so two subsets of one face stay two fonts,
        as in pdfminer (a line's dominant face is counted per font)."""
        if key not in self._names:
            name = ctypes.create_string_buffer(256)
            pdfium_c.FPDFFont_GetBaseFontName(font, name, len(name))
            self._names[key] = f"F{len(self._names)}+{name.value.decode('utf-8', 'replace')}"
        return self._names[key]


@contextmanager
def _open_pdfium(path: Path, data: bytes, max_pages: int | None) -> Iterator[_Pdfium]:
    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if exc.err_code == pdfium_c.FPDF_ERR_PASSWORD:
            raise ExtractError("encrypted", f"{path}: encrypted PDF (a password is needed)") from exc
        raise unreadable_pdf(path, data, exc) from exc
    try:
        check_page_count(path, len(doc), max_pages)
        yield _Pdfium(doc)
    finally:
        doc.close()


ENGINES = {"pdfplumber": _open_plumber, "pdfium": _open_pdfium}


def open_pdf(engine: str, path: Path, data: bytes, max_pages: int | None = None):
    """Context manager giving an ``OpenPdf`` for ``data`` read by ``engine``;
    ExtractError when it cannot be opened or has more than ``max_pages`` pages."""
    return ENGINES[engine](path, data, max_pages)
