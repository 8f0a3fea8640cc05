"""The sample's content as independent producers draw it — a Word document and an
Excel workbook printed to PDF by LibreOffice (tests/producers/build.py; `make
producers` rebuilds tests/fixtures/producers/) — gives the facts typed by hand from
the sample (tests/facts/sample.py), with both engines. Not our own drawing: the
fixtures are LibreOffice's PDFs, committed so that this test needs no LibreOffice."""
from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest

from pipeline.convert import Converted, convert_file
from tests.layouts.score import judge

FIXTURES = Path(__file__).parent / "fixtures" / "producers"
PRODUCERS = {"word": "Writer", "excel": "Calc"}  # fixture → the LibreOffice part that printed it
ENGINES = ("pdfplumber", "pdfium")


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("name", sorted(PRODUCERS))
def test_every_fact_of_the_sample(name, engine):
    outcome = convert_file(FIXTURES / f"{name}.pdf", engine=engine)
    assert isinstance(outcome, Converted), outcome
    failed = [str(f) for f in judge(outcome.rows, "gaiyo") if f.status != "right"]
    assert not failed, "\n".join(failed)


def _words(pdf, page: int, needle: str) -> list[dict]:
    return [w for w in pdf.pages[page].extract_words() if needle in w["text"]]


@pytest.mark.parametrize("name", sorted(PRODUCERS))
def test_the_fixture_is_the_producers(name):
    """LibreOffice printed it, from the part the fixture is named after."""
    with pdfplumber.open(FIXTURES / f"{name}.pdf") as pdf:
        assert pdf.metadata["Creator"] == PRODUCERS[name]
        assert pdf.metadata["Producer"].startswith("LibreOffice")
        assert len(pdf.pages) == 7  # paged like the sample: cover, 目次, ◆計画, 経営課題1, 3 施策


def test_word_draws_what_a_clerk_types():
    """目次 leaders and the budget set by tab stops, 目標 in a ruled table."""
    with pdfplumber.open(FIXTURES / "word.pdf") as pdf:
        toc = pdf.pages[1].extract_text().splitlines()
        assert toc[1].startswith("計画....") and toc[1].endswith("1")
        right_margin = pdf.pages[4].width - 20 / 25.4 * 72
        (amount,) = _words(pdf, 4, "11,686千円】")
        assert abs(amount["x1"] - right_margin) < 2  # right-aligned at the text's edge
        label = next(w for w in pdf.pages[4].extract_words() if w["text"] == "目")
        assert any(r["x0"] < label["x0"] and r["x1"] > label["x1"] for r in pdf.pages[4].rects)


def test_excel_draws_the_budget_in_its_own_cell_and_the_label_stacked():
    """予算額 a caption line over the amount, right of the title; the page's rules drawn;
    目 over 標 in the label cell (a vertical label: the reader makes it one label)."""
    with pdfplumber.open(FIXTURES / "excel.pdf") as pdf:
        top, under = (next(c for c in pdf.pages[4].chars if c["text"] == t) for t in "目標")
        assert abs(top["x0"] - under["x0"]) < 1 and 0 <= under["top"] - top["bottom"] < 2
        caption = _words(pdf, 4, "予算額")[0]
        (amount,) = _words(pdf, 4, "11,686千円")
        (title,) = _words(pdf, 4, "コミュニティ育成支援")
        assert caption["bottom"] <= amount["top"] and amount["x0"] > caption["x1"] > title["x1"]
        assert len(pdf.pages[4].lines) >= 8  # cell borders: the 予算額 and 目標 boxes
        assert not [w for w in pdf.pages[1].extract_words() if "..." in w["text"]]  # no leaders
