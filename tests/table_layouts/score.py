"""Convert one budget-table layout and compare its budget_lines with the list's
hand-typed facts (tests/facts/budget_tables/), never with another layout's output.

A row is found by its 番号; its code, department and name must equal the facts
(tests.facts.budget_tables.norm), its level be ``item``. Each money cell the
layout prints is found by (basis, fiscal_year, funding_source) and its
amount_yen compared. A cell read but in no fact is ``extra``; a cell not read is
``missing`` when a warning on its page says something about it (a table or
row warning, or a line warning holding its digits), else ``silent``; a
different amount_yen (a wrong number, or one from another row or column) is
``wrong`` and must never happen. A 合計 row's amounts are the sums of the rows:
it must be read as level ``total`` and checked without a mismatch.
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from pipeline.convert import Converted
from tests.facts.budget_tables import known_gap, load, match_cells, norm, read_rows
from tests.layouts.score import Fact, Scored, drawn_and_converted

from .layout import LISTS, Layout, draw
from .render import TOTAL, Drawn, columns, key_of, render

# warnings that say something about a table, a row or a line of it
TABLE_WARNINGS = {"unreadable_table", "budget_row_mismatch", "budget_total_mismatch",
                  "budget_total_unchecked", "budget_level_unknown"}
LINE_WARNINGS = {"unreadable_budget_cell", "unplaced_line"}
TOTAL_WARNINGS = {"budget_total_mismatch", "budget_total_unchecked"}
ROW_FIELDS = ("code", "department", "name")
# an amount in the wrong row or column, or a 合計 read as an item: never
NEVER_WRONG = frozenset({"cells.initial", "cells.change", "cells.funding", "cells.fiscal_year",
                         "total.level"})
_BASIS = {"old": "initial", "new": "initial", "cost": "initial", "change": "change"}


def cell_key(layout: Layout, key: str) -> tuple:
    """(basis, fiscal_year, funding_source) of a column as the data dictionary defines them:
    the year its header names (R3年度 → 2021; 増減 names none), else for the budget of the
    table's own year (the new list's 事業費) its title's (R4年度…: 2022; none when no title
    is printed), a 財源内訳 cell the year of the amount it funds."""
    own = 2022 if layout.title else None
    if key in _BASIS:
        return _BASIS[key], {"old": 2021, "new": 2022, "cost": own}.get(key), None
    return "funding", 2022 if layout.list == "continuing" else own, key


def _line_key(line) -> tuple:
    return line.basis, line.fiscal_year, line.funding_source


class _Judge:
    def __init__(self, layout: Layout, drawn: Drawn, warnings: list):
        self.layout, self.drawn, self.facts = layout, drawn, []
        self.warnings = [w for w in warnings if w.kind in TABLE_WARNINGS | LINE_WARNINGS]

    def warned(self, row: str, printed: list[str]) -> bool:
        """A warning on the row's page about its table, or about a line holding one
        of ``printed`` (the row's amounts as printed)."""
        page = self.drawn.pages.get(row)
        numbers = [re.compile(rf"(?<![\d,]){re.escape(d)}(?![\d,])") for p in printed
                   if (d := norm(p).lstrip("△▲"))]
        return any(w.page == page and (w.kind in TABLE_WARNINGS or any(
            n.search(unicodedata.normalize("NFKC", w.text)) for n in numbers)) for w in self.warnings)

    def fact(self, field: str, key: str, expected, got, *, warned: bool) -> None:
        same = norm(expected) == norm(got) if isinstance(expected, str) else expected == got
        status = ("right" if got is not None and same else
                  "wrong" if got is not None else "missing" if warned else "silent")
        self.facts.append(Fact(field, key, status, expected, got))

    def cells(self, row: str, typed: list[dict], read: list) -> None:
        """``typed``: {key, yen, printed} of the cells the layout prints in the row."""
        pairs, extra = match_cells(typed, read, lambda c: cell_key(self.layout, c["key"]), _line_key)
        for cell, line in pairs:
            basis, year, source = cell_key(self.layout, cell["key"])
            name = f"{row}/{cell['key']}"
            if line is None:  # its column read with another year: the year is the fault
                line = next((l for l in extra if (l.basis, l.funding_source) == (basis, source)), None)
                if line is not None:
                    extra.remove(line)
                    self.fact("cells.fiscal_year", name, year, line.fiscal_year, warned=False)
            self.fact(f"cells.{basis}", name, cell["yen"], line and line.amount_yen,
                      warned=self.warned(row, [cell["printed"]]))
        self.facts += [Fact("cells.extra", f"{row}/{l.column}", "extra", None, l.amount_yen) for l in extra]


def typed_cells(layout: Layout, cells: list[dict]) -> list[dict]:
    """The typed cells of a row that the layout prints (its columns), by renderer column."""
    printed = {c.key for c in columns(layout)}
    return [{"key": k, "yen": c["yen"], "printed": c["printed"]} for c in cells
            if (k := key_of(c)) in printed]


def judge(rows: dict, layout: Layout, drawn: Drawn) -> list[Fact]:
    stem = LISTS[layout.list]
    j = _Judge(layout, drawn, rows.get("warnings", []))
    lines = rows.get("budget_lines", [])
    totals = [l for l in lines if norm(l.name) == TOTAL]
    read = read_rows([l for l in lines if l not in totals], lambda l: norm(l.item_no))
    sums: dict[str, dict] = {}
    for fact in load(stem)["rows"]:
        no = fact["item_no"]
        got = read.get(no, []).pop(0) if read.get(no) else []
        first, warned = (got or [None])[0], j.warned(no, [c["printed"] for c in fact["cells"]])
        if not known_gap(stem, fact):
            for f in ROW_FIELDS:
                j.fact(f"rows.{f}", no, fact[f], getattr(first, f, None), warned=warned)
        j.fact("rows.level", no, "item", getattr(first, "level", None), warned=warned)
        typed = typed_cells(layout, fact["cells"])
        j.cells(no, typed, got)
        for c in typed:
            sums.setdefault(c["key"], {"key": c["key"], "yen": 0, "printed": ""})["yen"] += c["yen"]
    for key, rest in read.items():  # rows of a 番号 not in the facts, or read twice
        for row in rest:
            j.cells(str(key), [], row)
    if layout.total:
        warned = j.warned(TOTAL, [])
        j.fact("total.level", TOTAL, "total", totals[0].level if totals else None, warned=warned)
        checked = not any(w.kind in TOTAL_WARNINGS for w in rows.get("warnings", []))
        j.fact("total.checked", TOTAL, True, checked if totals else None, warned=warned)
    for s in sums.values():
        s["printed"] = f"{abs(s['yen']) // 1000:,}"
    j.cells(TOTAL, list(sums.values()) if layout.total else [], totals)
    return j.facts


def score(seed: int, workdir: Path | None = None) -> Scored:
    """Draw, render, convert and judge one seed."""
    layout, pdf, drawn, outcome = drawn_and_converted(seed, draw, render, "table-layout", workdir)
    if pdf is None:
        return Scored(layout, (), (), error=outcome)
    if not isinstance(outcome, Converted):
        return Scored(layout, (), (), error=outcome.error.message)
    return Scored(layout, tuple(judge(outcome.rows, layout, drawn)), ())
