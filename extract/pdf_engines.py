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
import math
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Callable, Iterator, Protocol

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pdfminer.layout import LTChar, LTContainer, LTCurve, LTLine, LTRect
from pdfplumber.page import fix_fontname_bytes

from .diagnose import describe, unreadable_pdf
from .page_cells import Path, thin
from .pdfopen import PARSER_ERRORS, check_page_count, close_pdf, open_pdf as open_plumber, parser_log
from .source import ExtractError
from .tree import Note

DEFAULT_ENGINE = "pdfplumber"


@dataclass(frozen=True)
class PageGlyphs:
    height: float
    glyphs: list[dict]  # pdfplumber-style chars, see text_rows; empty when unreadable
    notes: list[Note] = field(default_factory=list)  # a page that is damaged or unreadable
    # the page's drawn paths (page_cells.Path: box and whether stroked), read only
    # when asked: by a caption or label cell, or a budget table's header
    paths: Callable[[], list[Path]] = list


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
            drawn: list[LTCurve] = []
            with parser_log() as log:  # the page is parsed when its layout is asked for
                try:
                    glyphs, drawn = _plumber_objects(page)  # paths kept past close(), read only if asked
                except PARSER_ERRORS as exc:  # one damaged page: the others are still read
                    glyphs, drawn, notes = [], [], [_unreadable_page(index, exc)]
            if log.messages:
                what = "; ".join(dict.fromkeys(log.messages))
                notes.append(Note("damaged_page_content", f"page {index} is damaged, some text "
                                                          f"may be missing ({what})", index))
            page.close()  # release the page's cached objects
            yield PageGlyphs(page.height, glyphs, notes, lambda: _plumber_paths(page, drawn))


def _plumber_objects(page) -> tuple[list[dict], list[LTCurve]]:
    """The page's glyphs as pdfplumber's chars, and its rectangles and lines
    (rectangles first), from pdfminer's layout objects. ``page.chars`` would
    copy some 25 attributes of every glyph, resolving each (a third of the
    parse); a glyph record holds only the keys ``text_rows`` names, each the
    value pdfplumber's ``Page.process_object`` gives it."""
    x_shift, y_shift = page.mediabox[:2]  # pdfminer's coordinates are relative to the MediaBox
    height = page.height
    glyphs: list[dict] = []
    rects: list[LTCurve] = []
    lines: list[LTCurve] = []

    def walk(objects) -> None:
        for obj in objects:
            kind = type(obj)
            if kind is LTChar:
                fontname = obj.fontname
                colour = obj.graphicstate.ncolor
                glyphs.append({
                    "text": obj.get_text(),
                    "x0": obj.x0 + x_shift if x_shift else obj.x0,
                    "x1": obj.x1 + x_shift if x_shift else obj.x1,
                    "top": (height - obj.y1) + y_shift, "bottom": (height - obj.y0) + y_shift,
                    "size": obj.size,
                    "fontname": fix_fontname_bytes(fontname) if isinstance(fontname, bytes) else fontname,
                    "upright": obj.upright,
                    "non_stroking_color": colour if isinstance(colour, tuple) else (colour,)})
            elif kind is LTRect:
                rects.append(obj)
            elif kind is LTLine:
                lines.append(obj)
            elif isinstance(obj, LTContainer):  # a form XObject (LTFigure): its contents count
                walk(obj._objs)

    walk(page.layout._objs)
    return glyphs, rects + lines


def _plumber_paths(page, drawn: list[LTCurve]) -> list[Path]:
    """Rectangles and straight lines (boxes as pdfplumber's), each with whether
    it is stroked (a diagonal line bounds no cell)."""
    x_shift, y_shift = page.mediabox[:2]
    height = page.height
    paths = []
    for o in drawn:
        x0, x1 = (o.x0 + x_shift, o.x1 + x_shift) if x_shift else (o.x0, o.x1)
        top, bottom = (height - o.y1) + y_shift, (height - o.y0) + y_shift
        if type(o) is LTRect or thin((x0, top, x1, bottom)):
            paths.append((x0, top, x1, bottom, bool(o.stroke)))
    return paths


@contextmanager
def _open_plumber(path: Path, data: bytes, max_pages: int | None) -> Iterator[_Plumber]:
    pdf = open_plumber(path, data, max_pages)
    try:
        yield _Plumber(path, pdf)
    finally:
        close_pdf(pdf)


def _raw(function, restype, *argtypes):
    """A PDFium function called with plain integers: the per-glyph calls skip
    ctypes' argument conversion, which cost more than PDFium's own work."""
    return ctypes.CFUNCTYPE(restype, *argtypes)(ctypes.cast(function, ctypes.c_void_p).value)


_address, _int, _float, _double = ctypes.c_void_p, ctypes.c_int, ctypes.c_float, ctypes.c_double
# FPDFText_GetTextObject: the object's address is the cache key for its font
# facts, and NULL marks a glyph PDFium generated.
_text_object = _raw(pdfium_c.FPDFText_GetTextObject, _address, _address, _int)
_loose_box = _raw(pdfium_c.FPDFText_GetLooseCharBox, _int, _address, _int, _address)
_font_size = _raw(pdfium_c.FPDFText_GetFontSize, _double, _address, _int)
_matrix = _raw(pdfium_c.FPDFText_GetMatrix, _int, _address, _int, _address)
_origin = _raw(pdfium_c.FPDFText_GetCharOrigin, _int, _address, _int, _address, _address)
_object_font = _raw(pdfium_c.FPDFTextObj_GetFont, _address, _address)
_descent = _raw(pdfium_c.FPDFFont_GetDescent, _int, _address, _float, _address)
_font_name = _raw(pdfium_c.FPDFFont_GetBaseFontName, ctypes.c_size_t, _address, ctypes.c_char_p,
                  ctypes.c_size_t)
_font_embedded = _raw(pdfium_c.FPDFFont_GetIsEmbedded, _int, _address)
_glyph_width = _raw(pdfium_c.FPDFFont_GetGlyphWidth, _int, _address, ctypes.c_uint32, _float,
                    _address)


_count_objects = _raw(pdfium_c.FPDFPage_CountObjects, _int, _address)
_get_object = _raw(pdfium_c.FPDFPage_GetObject, _address, _address, _int)
_object_type = _raw(pdfium_c.FPDFPageObj_GetType, _int, _address)
_bounds = _raw(pdfium_c.FPDFPageObj_GetBounds, _int, _address, _address, _address, _address, _address)


_fill_colour = _raw(pdfium_c.FPDFPageObj_GetFillColor, _int, _address, _address, _address, _address,
                    _address)
_draw_mode = _raw(pdfium_c.FPDFPath_GetDrawMode, _int, _address, _address, _address)
_count_segments = _raw(pdfium_c.FPDFPath_CountSegments, _int, _address)
_segment = _raw(pdfium_c.FPDFPath_GetPathSegment, _address, _address, _int)
_segment_type = _raw(pdfium_c.FPDFPathSegment_GetType, _int, _address)
_segment_point = _raw(pdfium_c.FPDFPathSegment_GetPoint, _int, _address, _address, _address)
_segment_close = _raw(pdfium_c.FPDFPathSegment_GetClose, _int, _address)
_object_matrix = _raw(pdfium_c.FPDFPageObj_GetMatrix, _int, _address, _address)


def _pdfium_paths(page: int, page_top: float, is_open: list[bool]) -> list[Path]:
    """The page's drawn lines and rectangles, top-down like the glyphs, each with
    whether it is stroked, as pdfminer gives them to pdfplumber: a path is taken by
    PDFium's bounds when it is one line, one rectangle or a fill (a shading), and
    else cut into its subpaths (a grid or a chart's gridlines drawn as one path:
    its bounds would be a cell outline, four rules no one drew); a subpath that is
    neither thin nor a rectangle (a 斜線 across an empty cell, a curve) is none.
    ``is_open``: whether the page still is (a closed one raises instead of crashing)."""
    if not is_open[0]:
        raise RuntimeError("a page's paths asked for after the page was closed")
    paths: list[Path] = []
    edge = (_float * 4)()
    left, bottom, right, top = (ctypes.addressof(edge) + k * ctypes.sizeof(_float) for k in range(4))
    fill, stroke = _int(), _int()
    fill_at, stroke_at = ctypes.addressof(fill), ctypes.addressof(stroke)
    for k in range(_count_objects(page)):
        obj = _get_object(page, k)
        if _object_type(obj) != pdfium_c.FPDF_PAGEOBJ_PATH:
            continue
        _draw_mode(obj, fill_at, stroke_at)
        stroked = bool(stroke.value)
        count = _count_segments(obj)
        bounded = count <= _RECTANGLE_SEGMENTS and _bounds(obj, left, bottom, right, top)
        if bounded:
            box = (edge[0], page_top - edge[3], edge[2], page_top - edge[1])
            if not stroked or thin(box):
                paths.append((*box, stroked))  # a thin line or box, or a fill: its bounds
                continue
        subpaths = _subpaths(obj, count, page_top)
        if bounded and len(subpaths) == 1 and _rectangle(subpaths[0]):
            paths.append((*box, stroked))  # one rectangle: PDFium's bounds, with the line's width
            continue
        for points in subpaths:
            if points and None not in points:  # a curve is no rule unless it is thin
                xs, ys = [x for x, _ in points], [y for _, y in points]
                box = (min(xs), min(ys), max(xs), max(ys))
                if thin(box) or _rectangle(points):
                    paths.append((*box, stroked))
    return paths


_RECTANGLE_SEGMENTS = 6  # re, or m l l l l h: at most 6 segments


def _subpaths(path: int, count: int, page_top: float) -> list[list[tuple[float, float] | None]]:
    """The path's points in page space (top-down), cut at each moveto, a closed
    subpath ending where it began; a Bézier segment's points are None (no rule is curved)."""
    matrix = (_float * 6)()
    _object_matrix(path, ctypes.addressof(matrix))
    a, b, c, d, e, f = matrix
    xy = (_float * 2)()
    x_at = ctypes.addressof(xy)
    out: list[list[tuple[float, float] | None]] = []
    for k in range(count):
        segment = _segment(path, k)
        kind = _segment_type(segment)
        _segment_point(segment, x_at, x_at + ctypes.sizeof(_float))
        x, y = xy[0], xy[1]
        point = None if kind == pdfium_c.FPDF_SEGMENT_BEZIERTO else (a * x + c * y + e, page_top - (b * x + d * y + f))
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO or not out:
            out.append([])
        out[-1].append(point)
        if _segment_close(segment):  # h: back to the subpath's start
            out[-1].append(out[-1][0])
    return out


def _rectangle(points: list[tuple[float, float] | None]) -> bool:
    """A subpath round the four corners of an upright rectangle, side by side
    (pdfminer's LTRect; no open 匚, no bow-tie)."""
    if None in points:
        return False
    corners = [(round(x, 2), round(y, 2)) for x, y in points]
    corners = [p for k, p in enumerate(corners) if k == 0 or p != corners[k - 1]]  # m l l l l h
    if len(corners) != 5 or corners[4] != corners[0] or len(set(corners)) != 4:
        return False
    return all(a[0] == b[0] or a[1] == b[1] for a, b in zip(corners, corners[1:]))


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
            is_open = [True]
            try:
                top = _page_top(page)
                textpage = page.get_textpage()
                try:
                    glyphs = _page_glyphs(textpage.raw, top, self._faces)
                finally:
                    textpage.close()
                address = ctypes.cast(page.raw, ctypes.c_void_p).value
                # the page stays open while it is read: its paths are asked for then, if at all
                yield PageGlyphs(page.get_height(), glyphs, paths=partial(_pdfium_paths, address, top, is_open))
            finally:
                is_open[0] = False  # asked for later, PDFium would read a freed page
                page.close()


def _page_top(page: pdfium.PdfPage) -> float:
    """The top of the page's MediaBox, which the glyphs' tops count down from, as
    pdfplumber's do. PDFium reads a MediaBox only from the page's own dictionary
    (crbug.com/pdfium/1786; pypdfium2 then answers US Letter): one the page
    inherits from the page tree (jo.pdf's 792 × 612) is the page's bounding box."""
    own = page.get_mediabox(fallback_ok=False)
    if own is None:  # the bounding box is the MediaBox cut by any CropBox: lift the crop first
        # (on this in-memory copy only: a page's text is in PDF space, whatever its crop)
        page.set_cropbox(-_NO_CROP, -_NO_CROP, _NO_CROP, _NO_CROP)
    return (own or page.get_bbox())[3]


_NO_CROP = 1e6  # pt: a CropBox wider than any page


def _page_glyphs(textpage, page_top: float, faces: "_Faces") -> list[dict]:
    count = pdfium_c.FPDFText_CountChars(textpage)
    buffer = (ctypes.c_ushort * (count + 1))()  # the page's text in one call, one unit per glyph
    pdfium_c.FPDFText_GetText(textpage, 0, count, buffer)
    codes = buffer[:count]
    page = ctypes.cast(textpage, ctypes.c_void_p).value
    box = (ctypes.c_float * 4)()  # FS_RECTF: left, top, right, bottom
    box_address = ctypes.addressof(box)
    origin = (ctypes.c_double * 2)()  # x, y: asked for glyphs set vertically only
    origin_x = ctypes.addressof(origin)
    origin_y = origin_x + ctypes.sizeof(ctypes.c_double)
    runs: dict[int, tuple] = {}  # text object → its font facts
    glyphs: list[dict] = []
    append = glyphs.append
    for i in range(count):
        obj = _text_object(page, i)
        if obj is None:  # a blank or line break PDFium generated
            continue
        run = runs.get(obj)
        if run is None:
            run = runs[obj] = faces.of(page, obj, i, page_top)
        size, fontname, upright, bottom, font, colour, vertical, em_across = run
        _loose_box(page, i, box_address)
        x0, x1 = box[0], box[2]  # indexed: unpacking a ctypes array is slower
        code = codes[i]
        if vertical:  # 縦書き: no common baseline; pdfminer's box is the em square whose bottom
            # left corner PDFium gives as the glyph's origin (its loose box is the ink of 「 and 。)
            _origin(page, i, origin_x, origin_y)
            append({"text": chr(code), "x0": origin[0], "x1": origin[0] + size,
                    "top": page_top - origin[1] - size, "bottom": page_top - origin[1], "size": size,
                    "fontname": fontname, "upright": upright, "non_stroking_color": colour})
            continue
        if not upright:  # rotated run: no common baseline
            bottom = page_top - box[3]
        elif font is not None and (advance := faces.advance(font, code, em_across)) is not None:
            x1 = x0 + advance
        append({"text": chr(code), "x0": x0, "x1": x1, "top": bottom - size,
                "bottom": bottom, "size": size, "fontname": fontname, "upright": upright,
                "non_stroking_color": colour})
    return glyphs


class _Faces:
    """Font facts of text objects, with the buffers and per-font caches one
    document's pages share (a budget book has ~100 objects per page). PDFium
    is called with plain addresses (see ``_raw``)."""

    def __init__(self):
        self._matrix = (_float * 6)()  # FS_MATRIX: a, b, c, d, e, f
        self._xy = (_double * 2)()
        self._float = _float()
        self._rgba = (ctypes.c_uint * 4)()
        # the buffers' addresses, taken once: ``of`` runs for every text object
        self._matrix_at = ctypes.addressof(self._matrix)
        self._x_at = ctypes.addressof(self._xy)
        self._y_at = self._x_at + ctypes.sizeof(_double)
        self._float_at = ctypes.addressof(self._float)
        self._rgba_at = tuple(ctypes.addressof(self._rgba) + k * ctypes.sizeof(ctypes.c_uint)
                              for k in range(4))
        self._fonts: dict[int, tuple[str, bool, bool]] = {}  # font → name, embedded, vertical
        self._descents: dict[tuple[int, float], float] = {}
        self._advances: dict[tuple[int, int, float], float] = {}

    def of(self, page: int, obj: int, i: int, page_top: float
           ) -> tuple[float, str, bool, float, int | None, tuple[float, ...] | None, bool, float]:
        """Size, font name, uprightness, box bottom, font (if not embedded),
        fill colour (RGB 0–1, as pdfplumber's ``non_stroking_color``), vertical
        writing and the em along the line of the text object ``obj`` holding glyph ``i``. The bottom is pdfminer's:
        baseline plus the font's descent (PDFium's loose boxes differ), shared
        by the whole run. The size is pdfminer's too: the font size the text
        matrix scales (the 官報 sets 1 Tf in an 8-point matrix; PDFium's own
        size is the 1)."""
        font = _object_font(obj)
        m = self._matrix
        _matrix(page, i, self._matrix_at)
        name, embedded, vertical = self._font(font)
        # pdfminer's size is the glyph box's height (its width, set vertically)
        scale = abs(m[0] if vertical else m[3]) if m[1] == m[2] == 0 else abs(m[0] * m[3] - m[1] * m[2]) ** 0.5
        nominal = _font_size(page, i)
        size = nominal * scale
        em_across = nominal * math.hypot(m[0], m[1])  # an em along the line: the advance's scale (Tz too)
        _origin(page, i, self._x_at, self._y_at)
        descent = self._descents.get((font, size))
        if descent is None:
            known = _descent(font, size, self._float_at)
            # unknown (PDFium failed): the baseline is the bottom, not a stale value
            descent = self._descents[(font, size)] = self._float.value if known else 0.0
        upright = m[0] * m[3] > 0 and m[1] * m[2] <= 0  # pdfminer's rule
        rgba = self._rgba
        known = _fill_colour(obj, *self._rgba_at)
        colour = (rgba[0] / 255, rgba[1] / 255, rgba[2] / 255) if known else None
        return (size, name, upright, page_top - (self._xy[1] + descent), None if embedded else font,
                colour, vertical, em_across)

    def advance(self, font: int, code: int, size: float) -> float | None:
        """A glyph's advance from the PDF's own widths (/W), as pdfminer takes
        it. Asked only for fonts the PDF does not embed: PDFium's loose box is
        as wide as the glyph it draws, there another font's glyph. None when
        PDFium cannot tell (the loose box stands)."""
        key = (font, code, size)
        if key not in self._advances:
            known = _glyph_width(font, code, size, self._float_at)
            self._advances[key] = self._float.value if known else None
        return self._advances[key]

    def _font(self, font: int) -> tuple[str, bool, bool]:
        """Name, embeddedness and vertical writing. PDFium drops the subset tag
        (``AAAAAB+``) from font names; each font gets a tag of its own instead, so two
        subsets of one face stay two fonts, as in pdfminer (a line's dominant face is
        counted per font). A font set vertically (a CID font in Identity-V, the
        縦書き of jo.pdf) advances down the page: PDFium gives it a negative glyph
        width (U+3000's, as any glyph's)."""
        known = self._fonts.get(font)
        if known is None:
            name = ctypes.create_string_buffer(256)
            _font_name(font, name, len(name))
            vertical = _glyph_width(font, 0x3000, 1.0, self._float_at) and self._float.value < 0
            known = self._fonts[font] = (
                f"F{len(self._fonts)}+{name.value.decode('utf-8', 'replace')}",
                bool(_font_embedded(font)), bool(vertical))
        return known


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
