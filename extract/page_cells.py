"""Ruled cells of a page, from the rules the PDF draws (independent of the engine).

An engine gives a page's drawn paths as boxes (x0, top, x1, bottom in points from
the top-left) with whether each is stroked; its rules are a stroked rectangle's
four sides and each thin path (a rectangle only filled is shading, no rule). The cell around
a point is bounded by the nearest rule on each side that spans it, so a table
drawn as rectangles and one drawn as a grid of lines give the same cells.
"""
from __future__ import annotations

from operator import itemgetter
from typing import Iterable, Sequence

Box = tuple[float, float, float, float]  # x0, top, x1, bottom
Path = tuple[float, float, float, float, bool]  # a drawn path's box, and whether it is stroked
RULE = 2.0  # a rule is at most this thick; anything thicker is a shape, not a rule
_MIN_CELL = 4.0  # a cell is at least this wide and tall (no hairline gaps)


def thin(box: Box) -> bool:
    """A box no thicker than a rule one way or the other: a line."""
    return box[2] - box[0] <= RULE or box[3] - box[1] <= RULE


def rules_of_rect(box: Box) -> list[Box]:
    """The sides of a drawn rectangle, or the rectangle itself when it is a rule."""
    x0, top, x1, bottom = box
    if thin(box):
        return [box]
    return [(x0, top, x1, top), (x0, bottom, x1, bottom), (x0, top, x0, bottom), (x1, top, x1, bottom)]


def rules_of(paths: Iterable[Path]) -> list[Box]:
    """The rules among a page's drawn paths: thin ones, and stroked rectangles' sides."""
    return [rule for *box, stroked in paths
            if stroked or thin(box)
            for rule in rules_of_rect(tuple(box))]


def cell_around(x: float, y: float, rules: Sequence[Box]) -> Box | None:
    """The ruled cell holding the point (x, y): the nearest vertical rules left
    and right of it that span its height, the nearest horizontal ones above and
    below that span its width; None when a side is open."""
    columns = [(x0 + x1) / 2 for x0, t, x1, b in rules if x1 - x0 <= RULE and t - 1 <= y <= b + 1]
    rows = [(t + b) / 2 for x0, t, x1, b in rules if b - t <= RULE and x0 - 1 <= x <= x1 + 1]
    left, right = _either_side(columns, x)
    top, bottom = _either_side(rows, y)
    if None in (left, right, top, bottom) or right - left < _MIN_CELL or bottom - top < _MIN_CELL:
        return None
    return left, top, right, bottom


def _either_side(positions: list[float], at: float) -> tuple[float | None, float | None]:
    """The nearest position at or before ``at`` and the nearest after it."""
    before = max((p for p in positions if p <= at), default=None)
    after = min((p for p in positions if p > at), default=None)
    return before, after


def cell_of(glyphs: Iterable[dict], rules: Sequence[Box]) -> Box | None:
    """The ruled cell that holds every one of ``glyphs`` (by their centres), if any."""
    glyphs = list(glyphs)
    if not glyphs or not rules:
        return None
    first = glyphs[0]
    cell = cell_around((first["x0"] + first["x1"]) / 2, (first["top"] + first["bottom"]) / 2, rules)
    if cell is None or not all(inside(g, cell) for g in glyphs):
        return None
    return cell


# a glyph's edges, for min/max over many glyphs at C speed
X0, TOP, X1, BOTTOM = (itemgetter(k) for k in ("x0", "top", "x1", "bottom"))


def box_of(glyphs: Iterable[dict]) -> Box:
    glyphs = list(glyphs)  # asked for every text row of every page: mapped, not generated
    return (min(map(X0, glyphs)), min(map(TOP, glyphs)), max(map(X1, glyphs)), max(map(BOTTOM, glyphs)))


def inside(glyph: dict, cell: Box) -> bool:
    x, y = (glyph["x0"] + glyph["x1"]) / 2, (glyph["top"] + glyph["bottom"]) / 2
    return cell[0] <= x <= cell[2] and cell[1] <= y <= cell[3]


def caption_cell(box: Box, rules: Sequence[Box]) -> Box | None:
    """The ruled cell whose caption the text in ``box`` is: it sits at the
    cell's top with room under it for the content it names."""
    if not rules:
        return None
    height = box[3] - box[1]
    cell = cell_around((box[0] + box[2]) / 2, (box[1] + box[3]) / 2, rules)
    if cell is None or not contains(cell, box):
        return None
    at_top = box[1] - cell[1] <= 1.5 * height
    return cell if at_top and cell[3] - box[3] > height else None


def cell_beside(box: Box, rules: Sequence[Box]) -> Box | None:
    """The ruled cell right of the one holding ``box``, in the same row (its
    top and bottom are the same rules): the value cell of a label cell
    (予算額（29年度） | 11,686千円, 目標（プロセス指標） | the targets)."""
    if not rules:
        return None
    own = cell_around((box[0] + box[2]) / 2, (box[1] + box[3]) / 2, rules)
    if own is None or not contains(own, box):
        return None
    beside = cell_around(own[2] + RULE / 2, (box[1] + box[3]) / 2, rules)
    if beside is None or abs(beside[1] - own[1]) > RULE or abs(beside[3] - own[3]) > RULE:
        return None
    return beside


def cell_below(cell: Box, rules: Sequence[Box]) -> Box | None:
    """The ruled cell right under ``cell`` and as wide (its left and right are
    the same rules): the column a header cell names (予算額 over 11,686千円)."""
    below = cell_around((cell[0] + cell[2]) / 2, cell[3] + RULE, rules)
    if below is None or abs(below[1] - cell[3]) > RULE or abs(below[0] - cell[0]) > RULE \
            or abs(below[2] - cell[2]) > RULE:
        return None
    return below


def holds(cell: Box, box: Box) -> bool:
    """A line's box is in the cell: it starts inside it and its centre is in
    it (a full-width glyph at the end of a line may cross the right rule)."""
    x, y = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return cell[0] - RULE <= box[0] and cell[0] <= x <= cell[2] and cell[1] <= y <= cell[3]


def contains(cell: Box, box: Box) -> bool:
    return cell[0] <= box[0] and box[2] <= cell[2] and cell[1] <= box[1] and box[3] <= cell[3]
