"""60 random layouts of budget tables, each compared cell by cell with the facts typed
by hand from the two Nankoku lists (tests/table_layouts/, tests/facts/budget_tables/).

No layout may put an amount in a wrong row or column, or read a 合計 as an item
(a cell not read is a miss, not a wrong value); and each axis value keeps at
least FLOOR of its facts right, but for the values the reader cannot read yet
(KNOWN_FAILURES, each with its reason), which must stay below it, so the list is
kept true. `make table-layouts N=300` measures the same on more seeds and
prints the whole per-axis table.
"""
from __future__ import annotations

import pytest

pytest.importorskip("reportlab", reason="reportlab (dev dependency) renders the layouts")

from tests.layouts.run import score_many  # noqa: E402
from tests.layouts.table import floor_breaches, never_wrong_violations, render_table  # noqa: E402
from tests.pdf_factory import fonts_available  # noqa: E402
from tests.table_layouts.run import TABLES  # noqa: E402
from tests.table_layouts.score import score  # noqa: E402

SEEDS = range(60)

# Share of an axis value's facts that must come out right over the 60 seeds (its own
# facts where tests/table_layouts/layout.py AXIS_FACTS names some, else all).
FLOOR = 0.12  # low: headers split over lines are not read without column rules (rules = none: 13 % on these seeds)

# axis value → why the reader cannot read it yet (its facts stay below FLOOR)
KNOWN_FAILURES: dict[tuple[str, str], str] = {}


@pytest.fixture(scope="module")
def results():
    if not fonts_available():
        pytest.skip("IPAex fonts not installed (Debian package fonts-ipaexfont; "
                    "`make test` installs it where apt-get is available as root)")
    return score_many(SEEDS, jobs=2, scorer=score)


def test_no_amount_in_a_wrong_row_or_column(results):
    """A wrong number is worse than a missing one: none in any layout."""
    assert never_wrong_violations(results, TABLES) == [], render_table(results, TABLES)


def test_every_layout_converts(results):
    assert [(r.layout.seed, r.error) for r in results if r.error] == []


def test_each_working_axis_value_keeps_its_facts(results):
    below, recovered = floor_breaches(results, FLOOR, KNOWN_FAILURES, TABLES)
    assert below == [], render_table(results, TABLES)
    assert recovered == [], "now read: take these out of KNOWN_FAILURES"
