"""縦書き (vertical writing) read in its own order: top to bottom within a
column, columns right to left, and the page's tiers (段) top to bottom.

Works on glyph records (see ``glyphs``) from geometry alone: producers draw
vertical pages in any order (the 官報 draws table cells between columns). A
run of glyphs set side by side (a horizontal running head such as
``第4817号``) stays one horizontal line, placed by its top.
"""
from __future__ import annotations

from bisect import bisect
from statistics import median
from typing import Sequence

from .glyphs import Glyph, ink
from .page_cells import RULE, Box

_SAME_COLUMN = 0.5  # x centres within half an em: one column
_COLUMN_GAP = 1.5  # a vertical gap over this many ems ends a column
_BESIDE = 0.5  # glyphs this close side by side (ems) on one top are a horizontal run


def _centre(g: Glyph) -> float:
    return (g["x0"] + g["x1"]) / 2


def _horizontal_runs(glyphs: Sequence[Glyph]) -> list[list[Glyph]]:
    """Runs of two or more glyphs drawn one after another side by side, left to
    right on one baseline: horizontal text on a vertical page."""
    runs: list[list[Glyph]] = []
    run: list[Glyph] = []
    for g in glyphs:
        prev = run[-1] if run else None
        if prev is not None and abs(g["top"] - prev["top"]) < 0.2 * prev["size"] and (
                -0.1 * prev["size"] <= g["x0"] - prev["x1"] <= _BESIDE * prev["size"]):
            run.append(g)
            continue
        if len(run) > 1:
            runs.append(run)
        run = [g]
    if len(run) > 1:
        runs.append(run)
    return runs


def _columns(glyphs: Sequence[Glyph]) -> list[list[Glyph]]:
    """Glyphs grouped into columns: same x centre, each below the last with no
    gap wider than 1.5 em."""
    columns: list[list[Glyph]] = []
    open_: list[list[Glyph]] = []
    for g in sorted(glyphs, key=lambda g: g["top"]):
        size, x = g["size"], _centre(g)
        home = None
        for col in open_:
            last = col[-1]
            if abs(_centre(last) - x) < _SAME_COLUMN * size and g["top"] - last["bottom"] <= _COLUMN_GAP * size:
                home = col
                break
        if home is None:
            home = []
            columns.append(home)
            open_.append(home)
        home.append(g)
        # a column whose last glyph is far above every glyph to come is closed
        open_ = [c for c in open_ if c[-1]["bottom"] >= g["top"] - _COLUMN_GAP * 2 * size]
    return columns


def _tiers(groups: list[list[Glyph]]) -> list[list[list[Glyph]]]:
    """Groups that overlap vertically share a tier (段); tiers from the top."""
    spans = sorted(groups, key=lambda grp: min(g["top"] for g in grp))
    tiers: list[list[list[Glyph]]] = []
    bottom = None
    for grp in spans:
        top = min(g["top"] for g in grp)
        if bottom is None or top > bottom:
            tiers.append([])
            bottom = top
        tiers[-1].append(grp)
        bottom = max(bottom, max(g["bottom"] for g in grp))
    return tiers


def vertical_rows(glyphs: Sequence[Glyph], rules: Sequence[Box] = ()) -> list[list[Glyph]]:
    """The page's glyphs as lines in reading order: each column top to bottom,
    columns right to left within a tier, tiers top to bottom; horizontal runs as
    lines of their own among them. A drawn rule across half the text's width or
    more parts two tiers (the 官報's 段 are closer than a column's own gaps)."""
    glyphs = ink(glyphs)
    if not glyphs:
        return []
    width = max(g["x1"] for g in glyphs) - min(g["x0"] for g in glyphs)
    cuts = sorted((t + b) / 2 for x0, t, x1, b in rules if b - t <= RULE and x1 - x0 >= width / 2)
    bands: dict[int, list[Glyph]] = {}
    for g in glyphs:
        bands.setdefault(bisect(cuts, (g["top"] + g["bottom"]) / 2), []).append(g)
    return [row for _, band in sorted(bands.items()) for row in _band_rows(band)]


def _band_rows(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """One band's lines. A band mostly set horizontally (the running head above
    the 官報's first rule) is read left to right, line by line."""
    runs = _horizontal_runs(glyphs)
    in_runs = {id(g) for run in runs for g in run}
    columns = _columns([g for g in glyphs if id(g) not in in_runs])
    if 2 * len(in_runs) > len(glyphs):
        return sorted([*runs, *columns], key=lambda grp: (round(grp[0]["top"] / grp[0]["size"]), grp[0]["x0"]))
    rows: list[list[Glyph]] = []
    for tier in _tiers([*runs, *columns]):
        def key(grp: list[Glyph]) -> tuple[float, float]:
            return -median(_centre(g) for g in grp), min(g["top"] for g in grp)
        rows.extend(sorted(tier, key=key))
    return rows
