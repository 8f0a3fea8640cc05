"""200 random layouts of the sample's content, each compared field by field with
the facts typed by hand from the sample (tests/layouts/, tests/facts/sample.py).

No layout may give a wrong budget_yen, target value or baseline (a null with a
warning is a miss, not a wrong value) but those KNOWN_WRONG declares; every
layout must show the variations it drew; and each axis value keeps at least
FLOOR of its facts right, but for the values the parser cannot read yet
(KNOWN_FAILURES, each with its reason), which must stay below it, so the lists
are kept true. `make layouts N=2000` measures
the same on 2,000 seeds and prints the whole per-axis table.
"""
from __future__ import annotations

import pytest

pytest.importorskip("reportlab", reason="reportlab (dev dependency) renders the layouts")

from tests.layouts.layout import AXES  # noqa: E402
from tests.layouts.run import score_many  # noqa: E402
from tests.layouts.table import floor_breaches, never_wrong_violations, render_table  # noqa: E402
from tests.pdf_factory import fonts_available  # noqa: E402

SEEDS = range(200)

# Share of an axis value's facts that must come out right over the 200 seeds
# (its own facts where tests/layouts/layout.py AXIS_FACTS names some, else all).
# Low because a 目次 the parser cannot read costs the whole body.
FLOOR = 0.25

# axis value → why the parser cannot read it yet (its facts stay below FLOOR).
# Read above FLOOR now but still weak (share of their own facts right, seeds 0-199):
# Read above FLOOR now, none weak: the budget placements, the 目標 label over its text and
# 【目標】 were read again from the page's geometry (README: the 2,000-layout run, 99.8 %).
KNOWN_FAILURES: dict[tuple[str, str], str] = {}
# axis value → why it may still give a wrong budget_yen, target value or baseline
KNOWN_WRONG: dict[tuple[str, str], str] = {}


@pytest.fixture(scope="module")
def results():
    if not fonts_available():
        pytest.skip("IPAex fonts not installed (Debian package fonts-ipaexfont; "
                    "`make test` installs it where apt-get is available as root)")
    return score_many(SEEDS, jobs=2)


def _has(result, known: dict) -> bool:
    return any(AXES[axis](result.layout) == value for axis, value in known)


def test_no_wrong_budget_target_value_or_baseline(results):
    """A wrong number is worse than a missing one: none in any layout but those
    KNOWN_WRONG names, and those still give one (else the list is out of date)."""
    assert never_wrong_violations(r for r in results if not _has(r, KNOWN_WRONG)) == [], \
        render_table(results)
    assert not KNOWN_WRONG or never_wrong_violations(r for r in results if _has(r, KNOWN_WRONG)), \
        "no wrong value left in the KNOWN_WRONG layouts: take them out of the list"


def test_every_layout_converts(results):
    assert [(r.layout.seed, r.error) for r in results if r.error] == []


def test_every_layout_shows_what_it_drew(results):
    """The renderer's own check: each drawn variation is in the PDF's text."""
    assert [(r.layout.seed, r.unseen) for r in results if r.unseen] == []


def test_each_working_axis_value_keeps_its_facts(results):
    below, recovered = floor_breaches(results, FLOOR, KNOWN_FAILURES)
    assert below == [], render_table(results)
    assert recovered == [], "now read: take these out of KNOWN_FAILURES"
