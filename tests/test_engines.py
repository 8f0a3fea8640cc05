"""``--engine pdfium`` gives the same tables as the default pdfplumber engine.

Every column must be equal but for boxes: PDFium computes glyph advances in
whole font units where pdfminer keeps the fractions of the PDF's /W widths,
so a box edge may move by a few hundredths of a point (0.5 pt is allowed).
"""
from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import pytest

from extract import read_source
from pipeline.convert import Converted, convert_file
from tests.conftest import SAMPLES

BOX_COLUMNS = {"bbox", "budget_bbox"}
BOX_TOLERANCE = 0.5  # pt


def _fixture_pdfs() -> dict[str, object]:
    """Layout-variation fixtures, when the suite has a fixture factory
    (tests/pdf_factory.py with its VARIANTS): name → style."""
    try:
        from tests.test_layout_variations import VARIANTS
    except (ImportError, pytest.skip.Exception):
        return {}
    return {name: style for name, (style, _) in VARIANTS.items()}


FIXTURES = _fixture_pdfs()
NO_FIXTURES = pytest.param(None, marks=pytest.mark.skip(
    reason="no layout-variation fixture factory in this tree (tests/pdf_factory.py, issue 3)"))


def _boxes_close(a, b) -> bool:
    if a is None or b is None:
        return a is b
    return len(a) == len(b) and all(abs(x - y) <= BOX_TOLERANCE for x, y in zip(a, b))


def assert_same_tables(path: Path) -> None:
    plumber, pdfium = convert_file(path, "pdfplumber"), convert_file(path, "pdfium")
    assert isinstance(plumber, Converted) and isinstance(pdfium, Converted), (plumber, pdfium)
    assert set(plumber.rows) == set(pdfium.rows)
    for table, rows in plumber.rows.items():
        other = pdfium.rows[table]
        assert len(rows) == len(other), f"{table}: {len(rows)} rows vs {len(other)}"
        for a, b in zip(map(asdict, rows), map(asdict, other)):
            for column in a:
                if column in BOX_COLUMNS:
                    assert _boxes_close(a[column], b[column]), (table, column, a, b)
                else:
                    assert a[column] == b[column], (table, column, a[column], b[column])


@pytest.mark.parametrize("sample", sorted(SAMPLES.glob("*.pdf")), ids=lambda p: p.name)
def test_engines_give_identical_tables_on_samples(sample):
    assert_same_tables(sample.relative_to(SAMPLES.parent))


@pytest.mark.parametrize("name", sorted(FIXTURES) or [NO_FIXTURES])
def test_engines_give_identical_tables_on_fixtures(name, tmp_path):
    from tests.pdf_factory import render
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(render((SAMPLES / "minato_h29_gaiyo.txt").read_text(encoding="utf-8"),
                            FIXTURES[name]))
    assert_same_tables(path)


def test_engines_give_the_same_lines_on_the_sample():
    """Below the tables: every line's text, page, size, face and cell agree."""
    path = SAMPLES / "minato_h29_gaiyo.pdf"
    data = path.read_bytes()
    plumber, pdfium = (read_source(path, data, engine) for engine in ("pdfplumber", "pdfium"))
    assert len(plumber.lines) == len(pdfium.lines) > 100
    for a, b in zip(plumber.lines, pdfium.lines):
        assert (a.raw, a.page, a.printed_page, a.size, a.bold, a.wrapped, a.cell) == (
            b.raw, b.page, b.printed_page, b.size, b.bold, b.wrapped, b.cell)
        assert _boxes_close(a.bbox, b.bbox)
    assert plumber.metadata["Title"] == pdfium.metadata["Title"] == "平成29年度港区運営方針概要版"


def test_pdfium_reports_a_broken_pdf_like_pdfplumber(tmp_path):
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"<html>404 Not Found</html>")
    errors = [convert_file(bad, engine).error for engine in ("pdfplumber", "pdfium")]
    assert [(e.stage, e.kind) for e in errors] == [("extract", "not_a_pdf")] * 2
    assert all(e.message.startswith(f"{bad}: not a readable PDF") for e in errors)
