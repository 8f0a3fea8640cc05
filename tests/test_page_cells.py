"""Ruled cells from drawn rules: rectangles and grids of lines give the same cells."""
from __future__ import annotations

from dataclasses import replace

from extract.page_cells import cell_around, cell_beside, cell_of, holds, rules_of_rect


def _glyph(x0: float, top: float, size: float = 10.0) -> dict:
    return {"text": "予", "x0": x0, "x1": x0 + size, "top": top, "bottom": top + size, "size": size}


# a row of two cells, 100–300 and 300–500 wide, 50–80 tall
RECTS = [r for box in [(100, 50, 300, 80), (300, 50, 500, 80)] for r in rules_of_rect(box)]
GRID = [(100, 50, 500, 50), (100, 80, 500, 80),  # horizontal lines
        (100, 50, 100, 80), (300, 50, 300, 80), (500, 50, 500, 80)]  # vertical lines


def test_rectangles_and_a_grid_of_lines_give_the_same_cells():
    for rules in (RECTS, GRID):
        assert cell_around(150, 60, rules) == (100, 50, 300, 80)
        assert cell_around(450, 70, rules) == (300, 50, 500, 80)


def test_a_point_outside_every_cell_has_none():
    assert cell_around(50, 60, GRID) is None  # left of the table: no rule on its left
    assert cell_around(150, 100, GRID) is None  # below it


def test_glyphs_share_a_cell_only_when_all_sit_inside_it():
    assert cell_of([_glyph(110, 55), _glyph(250, 55)], GRID) == (100, 50, 300, 80)
    assert cell_of([_glyph(110, 55), _glyph(310, 55)], GRID) is None  # across the rule at 300


def test_a_thin_rectangle_is_one_rule():
    assert rules_of_rect((100, 50, 500, 51)) == [(100, 50, 500, 51)]


# 様式2: two ruled rows of label | value (the label cell drawn inside the row's rectangle)
TWO_ROWS = [r for box in [(57, 100, 538, 140), (57, 100, 175, 140), (57, 140, 538, 200), (57, 140, 175, 200)]
            for r in rules_of_rect(box)]
LABEL = (61, 144, 166, 154)  # 目標（プロセス指標） at the top of the second row's label cell


def test_a_label_cells_value_is_the_cell_beside_it_in_its_own_row():
    assert cell_beside(LABEL, TWO_ROWS) == (175, 140, 538, 200)
    assert cell_beside((61, 104, 120, 114), TWO_ROWS) == (175, 100, 538, 140)  # the row above


def test_a_cell_beside_of_another_height_is_no_value_cell():
    # the label's cell spans two rows of the cells beside it (a merged cell)
    rules = [r for box in [(57, 100, 175, 200), (175, 100, 538, 140), (175, 140, 538, 200)]
             for r in rules_of_rect(box)]
    assert cell_beside((61, 144, 166, 154), rules) is None
    assert cell_beside((600, 144, 650, 154), TWO_ROWS) is None  # outside every cell


def test_a_line_is_in_a_cell_by_its_start_and_centre():
    value = (175, 140, 538, 200)
    assert holds(value, (179, 160, 541, 170))  # its last glyph crosses the right rule
    assert not holds(value, (179, 120, 526, 130))  # the row above
    assert not holds(value, (61, 160, 526, 170))  # a line from the label cell across the rule


def test_a_label_with_its_cell_takes_in_no_line_of_another_row():
    from extract.layout import group_label_cells
    from extract.lines import Line

    def line(raw, box, **kw):
        return Line(raw=raw, page=1, bbox=box, size=10.5, **kw)

    above = line("取組内容の続き", (179, 120, 526, 130))  # the value cell of the row above
    label = line("目標（プロセス指標）", LABEL, cell="process", extent=(175, 140, 538, 200))
    target = line("・参加者数：30人", (179, 144, 526, 154))
    below = line("次の行の値", (179, 210, 526, 220))  # a row below, right of the label too
    grouped = group_label_cells([above, label, target, below])
    assert [(l.raw, l.cell) for l in grouped] == [
        ("取組内容の続き", None), ("目標（プロセス指標）", "process"), ("・参加者数：30人", "process"),
        ("次の行の値", None)]
    # without its cell drawn, a label takes in the lines right of it that follow each other (a
    # 概要版 label cell); those a row's gap away are not its (tests/test_label_cells.py)
    unruled = group_label_cells([above, replace(label, extent=None), target, below])
    assert [l.cell for l in unruled] == [None, "process", "process", None]
