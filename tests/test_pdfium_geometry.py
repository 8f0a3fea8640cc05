"""PDFium's geometry as pdfminer's (the default engine): hand-built pages whose
producer did what real ones do — a MediaBox only in the page tree beside a page's
own CropBox, text scaled by its matrix or squeezed by Tz, and paths that are no
cell outline (a 斜線, an open 匚, a bow-tie, gridlines drawn as one path)."""
from __future__ import annotations

import gc
from pathlib import Path

import pytest

from extract.page_cells import rules_of
from extract.pdf_engines import open_pdf
from pipeline.convert import _fewer_collections


def _pdf(content: bytes, page_extra: bytes = b"/CropBox [0 0 612 700]") -> bytes:
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [4 0 R] /Count 1 /MediaBox [0 0 612 792] >>",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
               b"<< /Type /Page /Parent 2 0 R " + page_extra
               + b" /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>",
               b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"]
    out, offsets = bytearray(b"%PDF-1.7\n"), []
    for k, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % k + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _read(data: bytes, engine: str):
    with open_pdf(engine, Path("hand-built.pdf"), data) as pdf:
        for page in pdf.pages():
            return page.height, [g for g in page.glyphs if not g["text"].isspace()], rules_of(page.paths())


TEXT = (b"BT /F1 12 Tf 100 500 Td (Hello) Tj ET "
        b"BT /F1 1 Tf 8 0 0 8 100 400 Tm (Tm8) Tj ET "
        b"BT /F1 12 Tf 50 Tz 100 300 Td (Squeezed) Tj ET "
        b"BT /F1 12 Tf 1 0 0 2 100 200 Tm (Tall) Tj ET")


def test_glyphs_sit_where_pdfminer_puts_them_with_an_inherited_mediabox_and_a_cropbox():
    (h1, plumber, _), (h2, pdfium, _) = (_read(_pdf(TEXT), e) for e in ("pdfplumber", "pdfium"))
    assert h1 == h2 == 792
    assert [g["text"] for g in plumber] == [g["text"] for g in pdfium]
    for a, b in zip(plumber, pdfium):
        assert all(abs(a[k] - b[k]) <= 0.5 for k in ("x0", "x1", "top", "bottom", "size")), (a, b)


PATHS = (b"1 w 100 100 m 200 200 l S "  # a 斜線 across a cell
         b"300 100 m 300 200 l 400 200 l 400 100 l S "  # an open 匚
         b"100 300 m 200 400 l 200 300 l 100 400 l h S "  # a bow-tie
         b"300 300 100 50 re S "  # a cell outline
         b"100 500 m 400 500 l 100 550 m 400 550 l 100 600 m 400 600 l S")  # gridlines as one path


def test_only_lines_and_rectangles_are_rules():
    (_, _, plumber), (_, _, pdfium) = (_read(_pdf(PATHS, b""), e) for e in ("pdfplumber", "pdfium"))
    assert len(plumber) == len(pdfium) == 4 + 3  # the outline's four sides, the three gridlines
    for a, b in zip(sorted(plumber), sorted(pdfium)):
        assert all(abs(x - y) <= 1 for x, y in zip(a, b)), (a, b)


def test_overlapping_conversions_leave_the_collector_as_they_found_it():
    """A Dask worker may convert two documents at once in two threads."""
    before = gc.get_threshold()
    first, second = _fewer_collections(), _fewer_collections()
    first.__enter__()
    second.__enter__()
    first.__exit__(None, None, None)
    assert gc.get_threshold()[0] > before[0]  # the second is still converting
    second.__exit__(None, None, None)
    assert gc.get_threshold() == before


def test_a_closed_pages_paths_raise_instead_of_crashing():
    """PDFium's page is closed when the reader moves on: asking it then would read freed
    memory (or, through a late-bound closure, the next page's paths)."""
    with open_pdf("pdfium", Path("hand-built.pdf"), _pdf(PATHS, b"")) as pdf:
        pages = pdf.pages()
        page = next(pages)
        assert len(page.paths()) == 1 + 3  # the outline and three gridlines: no 斜線, 匚 or bow-tie
        pages.close()
        with pytest.raises(RuntimeError, match="closed"):
            page.paths()
