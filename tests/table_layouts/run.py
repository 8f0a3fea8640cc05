"""`make table-layouts N=300`: score N seeded budget-table layouts on two processes and
print the per-axis table (also written to bench/results/table_layouts.txt).

`python -m tests.table_layouts.run --seed 17 --pdf /tmp/17.pdf` shows one layout:
its axis values, its failing facts, and the PDF to look at.
"""
from __future__ import annotations

from tests.layouts.run import ROOT, cli
from tests.layouts.table import Axes

from .layout import AXES, AXIS_FACTS, draw
from .render import render
from .score import NEVER_WRONG, score

TABLES = Axes(AXES, AXIS_FACTS, NEVER_WRONG, "amounts in a wrong row or column or 合計 read as an item")


def _pdf(seed: int) -> bytes:
    return render(draw(seed))[0]


if __name__ == "__main__":
    cli(__doc__, score, _pdf, TABLES, ROOT / "bench" / "results" / "table_layouts.txt")
