"""Where a 事業's budget sits on the page, read from the page's geometry:

    1) コミュニティ育成支援            予算額 11,686千円    the amount at the right of the heading line
    1) コミュニティ育成支援  | 予算額   |                  a header cell over the amount's cell
                            | 11,686千円|
    1) コミュニティ          |予算額     |                  a small caption in the cell's corner,
       育成支援             | 11,686千円|                  the title wrapped short of the cell

The title never takes the amount or the description below it in; a label
whose value is not there is a missing budget with a warning.
"""
from __future__ import annotations

import pytest

from extract.layout import mark_wraps
from extract.lines import Line
from extract.page_cells import cell_below, rules_of_rect
from extract.pdf import _page_lines, _right_edge
from extract.source import SourceText
from extract.structure import build_tree

from .test_budget_label import rows, warnings

GOTHIC, MINCHO = "F+IPAexGothic", "F+IPAexMincho"
DESCRIPTION = ("コミュニティの育成や活性化を図るため、港区で活動するさまざまな団体やグループ、"
               "区民の企画段階からの参画を促し、各種イベントや講座を企画・開催する。")


def glyphs(text, x0, top, size=10.5, font=MINCHO, advance=None):
    pitch = advance or size
    return [{"text": ch, "x0": x0 + i * pitch, "x1": x0 + i * pitch + size, "top": top,
             "bottom": top + size, "size": size, "fontname": font, "upright": True}
            for i, ch in enumerate(text)]


def cells(*boxes):
    return [rule for box in boxes for rule in rules_of_rect(box)]


# the 経営課題 and 施策 above the 事業 (text lines: no style to check)
ABOVE = [Line("経営課題 1 まちづくり", None), Line("1 地域の活性化", None)]


def page_lines(page: list[dict], rules) -> list[Line]:
    """A page's lines in reading order, wraps marked (as extract.pdf.read_pdf does)."""
    lines, _, _ = _page_lines(page, 842, 1, lambda: rules)
    return mark_wraps(lines, _right_edge(lines))


def first_project(lines: list[Line]):
    doc = build_tree(SourceText(ABOVE + lines, page_count=1))
    return doc.issues[0].measures[0].projects[0], doc.notes


# -- the amount at the right of the heading line, no brackets --------------------
def test_an_amount_closing_the_heading_line_is_its_budget_not_its_title():
    tables = rows(f"1) コミュニティ育成支援　　　　予算額 １１，６８６千円\n{DESCRIPTION}\n")
    (project,) = tables["projects"]
    assert (project.title, project.budget_status, project.budget_yen) == (
        "コミュニティ育成支援", "amount", 11_686_000)
    assert project.budget_raw == "予算額 １１，６８６千円"  # as printed, without the title
    assert project.description == DESCRIPTION
    assert not warnings(tables, "missing_budget")


def test_a_dash_closing_the_heading_line_is_no_amount():
    (project,) = rows("2) 地域活動協議会による広報活動の支援　予算額 －千円\n")["projects"]
    assert (project.title, project.budget_status, project.budget_yen) == (
        "地域活動協議会による広報活動の支援", "none", None)


def test_a_title_that_names_the_word_keeps_it():
    tables = rows("1) 予算額の見える化\n説明文。\n")
    (project,) = tables["projects"]
    assert (project.title, project.budget_status) == ("予算額の見える化", "missing")
    assert warnings(tables, "missing_budget")


@pytest.mark.parametrize("heading", [
    "1) 見守り支援　前年度予算額 9,000千円",   # last year's
    "1) 見守り支援　うち予算額 300千円",       # a share
    "1) 見守り支援　予算額 800千円（再掲）",    # counted under another 事業
    "1) 見守り支援　29年度予算額 500千円",     # BASE is a 平成30年度 plan
])
def test_another_amount_closing_the_heading_line_is_never_taken(heading):
    tables = rows(f"{heading}\n説明文。\n")
    (project,) = tables["projects"]
    assert (project.budget_status, project.budget_yen) == ("missing", None)
    assert warnings(tables, "missing_budget") or warnings(tables, "unreadable_budget")


def test_the_plans_own_year_closing_the_heading_line_is_its_budget():
    (project,) = rows("1) 見守り支援　30年度予算額 500千円\n")["projects"]
    assert (project.title, project.budget_yen, project.budget_fiscal_year) == ("見守り支援", 500_000, 2018)


def test_the_body_line_after_a_full_heading_line_is_not_its_title():
    # a Gothic body: heading and description share the face; the description is smaller
    # and wraps off the heading line, which runs to the right edge with its amount
    heading = Line("1) コミュニティ育成支援　　　予算額 11,686千円", 5, bbox=(60, 100, 500, 111),
                   size=11.0, bold=True)
    body = Line(DESCRIPTION, 5, bbox=(56, 118, 500, 128.5), size=10.5, bold=True, wrapped=True)
    project, _ = first_project([heading, body])
    assert (project.title, project.budget.amount) == ("コミュニティ育成支援", "11,686千円")
    assert [s.text for s in project.description] == [DESCRIPTION]


def test_a_wrapped_title_with_its_amount_on_the_second_line():
    first = Line("1) 地域活動協議会に対する", 5, bbox=(60, 100, 500, 111), size=11.0, bold=True)
    second = Line("財政的支援　　　予算額 27,192千円", 5, bbox=(60, 116, 500, 127), size=11.0, bold=True,
                  wrapped=True)
    project, _ = first_project([first, second])
    assert (project.title, project.budget.label, project.budget.amount) == (
        "地域活動協議会に対する財政的支援", "予算額", "27,192千円")


# -- a 予算額 header cell over the amount's cell ----------------------------------
# header cell 400–480 × 90–104, the amount's cell under it 104–140; the heading beside
# them, level with the cell's top, the amount at the cell's foot (a row of its own)
COLUMN = cells((400, 90, 480, 104), (400, 104, 480, 140))
HEADING = glyphs("1) コミュニティ育成支援", 72, 108, size=11, font=GOTHIC)
AMOUNT = glyphs("11,686千円", 420, 125, advance=5.5)
BODY = glyphs(DESCRIPTION[:40], 68, 146) + glyphs(DESCRIPTION[40:], 68, 162)  # wraps at 488


def test_the_cell_below_a_header_cell_is_its_column():
    assert cell_below((400, 90, 480, 104), COLUMN) == (400, 104, 480, 140)
    assert cell_below((400, 104, 480, 140), COLUMN) is None  # nothing under the amount's cell
    # a wider cell below is no column of the header's
    assert cell_below((400, 90, 480, 104), cells((400, 90, 480, 104), (300, 104, 480, 140))) is None


def test_a_heading_beside_the_column_leaves_the_header_waiting_for_its_value():
    page = glyphs("予算額", 428, 93, size=8, font=GOTHIC) + HEADING + AMOUNT + BODY
    lines = page_lines(page, COLUMN)
    assert [l.text for l in lines][:3] == ["1)コミュニティ育成支援", "予算額", "11,686千円"]
    project, notes = first_project(lines)
    budget = project.budget
    assert (project.title, budget.label, budget.amount) == ("コミュニティ育成支援", "予算額", "11,686千円")
    assert [l.raw for l in budget.span.lines] == ["予算額", "11,686千円"]  # both lines as printed
    assert [s.text for s in project.description] == [DESCRIPTION]
    assert not [n for n in notes if n.kind == "unplaced_line"]


def test_a_header_with_a_paragraph_under_it_is_a_label_without_a_value():
    # no cell under the header, and the line below it is a sentence: never an amount
    rules = cells((400, 90, 480, 104))
    page = glyphs("予算額", 428, 93, size=8, font=GOTHIC) + HEADING + glyphs(DESCRIPTION[:36], 68, 124)
    lines = page_lines(page, rules)
    assert [l.text for l in lines] == ["1)コミュニティ育成支援", "予算額", DESCRIPTION[:36]]
    project, notes = first_project(lines)
    assert project.budget is None and [s.text for s in project.description] == [DESCRIPTION[:36]]
    assert [n.kind for n in notes if n.kind == "budget_label_without_value"] == ["budget_label_without_value"]


# -- a small 予算額 caption in the corner of the amount's cell ----------------------
def test_a_title_wrapped_short_of_a_captioned_cell_keeps_both_lines_and_the_amount():
    cell = cells((400, 100, 480, 140))
    page = (glyphs("予算額", 402, 101, size=7, font=GOTHIC)
            + glyphs("1) コミュニティ", 72, 103, size=11, font=GOTHIC)
            + glyphs("育成支援", 105, 119, size=11, font=GOTHIC)  # hangs under the title
            + glyphs("－千円", 440, 126) + BODY)
    lines = page_lines(page, cell)
    assert [l.text for l in lines][:4] == ["1)コミュニティ", "育成支援", "予算額", "-千円"]
    project, _ = first_project(lines)
    assert (project.title, project.budget.label, project.budget.amount) == ("コミュニティ育成支援", "予算額", "-千円")
    assert [s.text for s in project.description] == [DESCRIPTION]
