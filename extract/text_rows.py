"""Glyphs of one page → text lines: the engine-independent half of PDF reading.

Every PDF engine (pdfplumber, pypdfium2) hands over the same glyph records —
dicts with ``text``, ``x0``, ``x1``, ``top``, ``bottom`` (points from the top
left), ``size``, ``fontname`` and ``upright``, as pdfplumber gives its chars —
in content-stream order; the grouping into lines is done here once, so both
engines give the same lines. The rules are pdfplumber's ``extract_text_lines``
defaults (3 pt tolerances), done in one pass instead of through its text map:

- characters are clustered into rows by ``top`` (rotated runs by ``x0``),
  sorted along the row and cut into words at blanks and at gaps over 3 pt;
- words are clustered into lines by ``top``, consecutive words only.
"""
from __future__ import annotations

from itertools import groupby
from operator import itemgetter
from typing import Iterable

LINE_TOLERANCE = 3.0  # pt: pdfplumber's y_tolerance and x_tolerance
OVERPRINT_TOLERANCE = 1.0  # pt: copies of a glyph this close are one glyph


Glyph = dict


def dedupe_overprint(glyphs: list[Glyph]) -> list[Glyph]:
    """Drop overprinted copies (fake bold draws 自 three times, offset by a
    fraction of a point): same text, face and direction, |Δtop| and
    |Δx0| ≤ 1 pt. The copy nearest the top-left is kept, in stream order.
    As pdfplumber's ``dedupe_chars(tolerance=1, extra_attrs=("fontname",))``
    but in one hashed pass (its
    sort by ``chars.index`` is quadratic); it differs only for chains of
    copies each within 1 pt of the next but further from the first."""
    kept: dict[int, Glyph] = {}  # stream index → glyph, in stream order (a copy replacing its
    # twin comes later in the stream than anything kept)
    seen: dict[tuple, dict[int, list[int]]] = {}  # identity → whole-point top → indices kept
    for index, g in enumerate(glyphs):
        # not keyed on size: a producer's strikes can differ in it by float noise
        identity = (g["text"], g["fontname"], g["upright"])
        rows = seen.get(identity)
        if rows is None:  # not setdefault: it would build an empty dict for every glyph
            rows = seen[identity] = {}
        top, x0 = g["top"], g["x0"]
        row = int(top)
        twin = None
        if rows:
            for near in (row - 1, row, row + 1):
                for i in rows.get(near, ()):
                    other = kept[i]
                    if (abs(other["top"] - top) <= OVERPRINT_TOLERANCE
                            and abs(other["x0"] - x0) <= OVERPRINT_TOLERANCE):
                        twin = i
                        break
                if twin is not None:
                    break
        if twin is not None:
            if (top, x0) >= (kept[twin]["top"], kept[twin]["x0"]):
                continue
            rows[int(kept.pop(twin)["top"])].remove(twin)
        kept[index] = g
        if row in rows:
            rows[row].append(index)
        else:
            rows[row] = [index]
    return list(kept.values())


def _clusters(items: list, key, tolerance: float) -> list[list]:
    """Group items whose key values chain within ``tolerance``, in key order;
    items keep their input order inside a group."""
    keys = list(map(key, items))
    group_of: dict[float, int] = {}
    group, last = -1, None
    for v in sorted(set(keys)):
        if last is None or v > last + tolerance:
            group += 1
        group_of[v] = group
        last = v
    groups: list[list] = [[] for _ in range(group + 1)]
    for k, item in zip(keys, items):
        groups[group_of[k]].append(item)
    return groups


def _words(row: list[Glyph], upright: bool) -> Iterable[list[Glyph]]:
    """Cut a sorted row into words at blanks and at gaps over the tolerance."""
    start, end, side = ("x0", "x1", "top") if upright else ("top", "bottom", "x0")
    word: list[Glyph] = []
    for g in row:
        if g["text"].isspace():
            if word:
                yield word
            word = []
            continue
        if word:
            prev = word[-1]  # a new word: back before it, a gap after it, or off its row
            if (g[start] < prev[start] or g[start] > prev[end] + LINE_TOLERANCE
                    or abs(g[side] - prev[side]) > LINE_TOLERANCE):
                yield word
                word = []
        word.append(g)
    if word:
        yield word


def _top(g: Glyph) -> float:
    return g["top"]


def _x0(g: Glyph) -> float:
    return g["x0"]


def _down(g: Glyph) -> tuple[float, float]:
    return g["top"], g["bottom"]


def text_lines(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """The glyphs of each text line (no blanks), lines top to bottom."""
    words: list[list[Glyph]] = []
    for upright, run in groupby(glyphs, key=lambda g: g["upright"]):
        run = list(run)
        for row in _clusters(run, _top if upright else _x0, LINE_TOLERANCE):
            row.sort(key=_x0 if upright else _down)
            words.extend(_words(row, upright))
    if not words:
        return []
    word_top = [min(g["top"] for g in w) for w in words]
    line_of = {top: i for i, cluster in enumerate(_clusters(word_top, float, LINE_TOLERANCE))
               for top in cluster}
    return [
        [g for _, w in members for g in w]
        for _, members in groupby(zip(word_top, words), key=lambda tw: line_of[tw[0]])
    ]
