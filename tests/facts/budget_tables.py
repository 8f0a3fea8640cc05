"""Matching budget_lines against the budget-table facts typed by hand from page images
(tests/facts/budget_tables/<pdf-stem>.yaml), shared by the test of the real PDFs
(tests/test_budget_tables_facts.py) and the random table layouts of their rows
(tests/table_layouts/). Text is compared NFKC with spaces removed."""
from __future__ import annotations

import unicodedata
from collections.abc import Callable, Hashable, Iterable
from functools import lru_cache
from pathlib import Path

import yaml

FACTS = Path(__file__).parent / "budget_tables"
TEXT_FIELDS = ("code", "department", "name", "item_no")
# Rows the reader is known to get wrong, with why: their text fields are not
# compared (their amounts still are). Each entry is a gap in the reader, not a fact.
KNOWN_GAPS = {
    ("nankokushigikai__gikai_nankokushi_portal__r4_main_new_projects", "18"):
        "two 事業 share one row (企画課/生涯学習課): the cell's two lines are joined as one "
        "wrapped value, the facts keep them on two lines",
}


def norm(text: object) -> str | None:
    return None if text is None else unicodedata.normalize("NFKC", str(text)).replace(" ", "")


@lru_cache(maxsize=None)
def load(stem: str) -> dict:
    return yaml.safe_load((FACTS / f"{stem}.yaml").read_text(encoding="utf-8"))


def known_gap(stem: str, fact: dict) -> bool:
    return (stem, norm(fact.get("item_no"))) in KNOWN_GAPS


def read_rows(lines: Iterable, key: Callable[[object], Hashable]) -> dict[Hashable, list[list]]:
    """Each key's rows in printed order, a row being its money cells: the n-th fact
    with a key is the n-th row read with it."""
    rows: dict[Hashable, dict[tuple, list]] = {}
    for line in lines:
        rows.setdefault(key(line), {}).setdefault((line.table_no, line.row_no), []).append(line)
    return {k: list(by_row.values()) for k, by_row in rows.items()}


def text_mismatches(fact: dict, line, fields: tuple[str, ...] = TEXT_FIELDS
                    ) -> list[tuple[str, object, object]]:
    """(field, typed, read) of the row's text fields that differ."""
    return [(f, fact.get(f), getattr(line, f)) for f in fields
            if norm(fact.get(f)) != norm(getattr(line, f))]


def match_cells(typed: Iterable[dict], read: Iterable, typed_key: Callable[[dict], Hashable],
                read_key: Callable[[object], Hashable]) -> tuple[list[tuple[dict, object]], list]:
    """Each typed cell with the read line of the same key (None: not read), and the
    read lines no typed cell has."""
    by_key = {read_key(line): line for line in read}
    pairs = [(cell, by_key.pop(typed_key(cell), None)) for cell in typed]
    return pairs, list(by_key.values())
