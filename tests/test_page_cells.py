"""Ruled cells from drawn rules: rectangles and grids of lines give the same cells."""
from __future__ import annotations

from extract.page_cells import cell_around, cell_of, rules_of_rect


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
