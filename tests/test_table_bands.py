"""Rows of a table are bands; every body line lands in exactly one of them."""
from __future__ import annotations

import random

from extract.tables.reader import EDGE_TIE, _in_bands, _Line


def _line(top: float, bottom: float) -> _Line:
    return _Line([{"text": "当", "x0": 55.1, "x1": 65.0, "top": top, "bottom": bottom, "size": 9.9}],
                 top, bottom, 55.1, 65.0)


def test_a_line_halfway_between_two_amounts_continues_the_row_above():
    """Fuji book p.177 (from the page image): 時間外勤務手 | 2,115, then 当 alone on the next line,
    then 休日勤務手当 | 50, the lines evenly spaced; the edge between the two rows lies halfway
    between the amounts' lines, exactly on 当's middle. 当 is the end of the name above."""
    bands = [(360.7612, 392.4412), (392.4412, 424.1212)]
    alone = _line(387.5012, 397.3812)
    assert alone.mid == 392.4412
    assert _in_bands([alone], bands) == [[alone], []]
    lower = _line(387.5012 + 0.00002, 397.3812 + 0.00002)  # PDFium's coordinates, a hair lower
    assert _in_bands([lower], bands) == [[lower], []]


def test_every_line_inside_the_table_lands_in_one_band():
    """Bands meeting edge to edge: a line whose middle lies anywhere from the first band's top
    to the last one's bottom, edges included (and a tie's breadth past them), is in exactly
    one band; none outside is."""
    rng = random.Random(7)
    for _ in range(200):
        edges = sorted(round(rng.uniform(0, 800), 2) for _ in range(rng.randint(2, 12)))
        bands = list(zip(edges, edges[1:]))
        mids = edges + [round(rng.uniform(edges[0] - 5, edges[-1] + 5), 2) for _ in range(20)]
        lines = [_line(m - 4, m + 4) for m in mids]
        placed = _in_bands(lines, bands)
        for line in lines:
            count = sum(any(l is line for l in band) for band in placed)
            inside = edges[0] - EDGE_TIE <= line.mid <= edges[-1] + EDGE_TIE
            assert count == (1 if inside else 0), (line.mid, bands)
