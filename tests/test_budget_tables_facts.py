"""Budget tables of real PDFs against facts typed by hand from the page images
(tests/facts/budget_tables/<pdf-stem>.yaml, written by people, never from output).

Rows are matched by page and 番号 (or name when no 番号 is printed); cells by
column header (NFKC, spaces removed) and funding source. The table title is
compared by containment: the facts give the list's name (主な継続事業), the
row the whole printed line (R4年度当初予算に計上した主な継続事業)."""
from __future__ import annotations

import unicodedata
from functools import lru_cache
from pathlib import Path

import pytest
import yaml

from pipeline.convert import Converted, convert_file

FACTS = Path(__file__).parent / "facts" / "budget_tables"
CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "real"
FILES = sorted(FACTS.glob("*.yaml"))
# Rows the reader is known to get wrong, with why: their text fields are not
# compared (their amounts still are). Each entry is a gap in the reader, not a fact.
KNOWN_GAPS = {
    ("nankokushigikai__gikai_nankokushi_portal__r4_main_new_projects", 2, "18"):
        "two 事業 share one row (企画課/生涯学習課): the cell's two lines are joined as one "
        "wrapped value, the facts keep them on two lines",
}


def _norm(text: str | None) -> str | None:
    return None if text is None else unicodedata.normalize("NFKC", str(text)).replace(" ", "")


@lru_cache(maxsize=None)
def _rows(source: str) -> dict:
    outcome = convert_file(CORPUS / source)
    assert isinstance(outcome, Converted), outcome
    return outcome.rows


def _lines(source: str) -> list:
    return _rows(source).get("budget_lines", [])


def _row_key(page, item_no, name):
    return (page, _norm(item_no)) if item_no is not None else (page, _norm(name))


def _read_rows(lines: list) -> dict[tuple, list[list]]:
    """Each key's rows in printed order: the n-th fact with a key is the n-th
    row read with it (a 款 and its one 項 may share a name; a row printed with
    neither 番号 nor name, the 財源内訳 half of a table on a page of its own, is
    known by its place on the page)."""
    rows: dict[tuple, dict[tuple, list]] = {}
    for line in lines:
        rows.setdefault(_row_key(line.page, line.item_no, line.name), {}).setdefault(
            (line.table_no, line.row_no), []).append(line)
    return {key: list(by_row.values()) for key, by_row in rows.items()}


# Files whose tables the reader does not read in full yet (strict: a pass is reported).
NOT_YET: dict[str, str] = {}


@pytest.mark.parametrize("facts_file", [
    pytest.param(f, marks=pytest.mark.xfail(reason=NOT_YET[f.stem], strict=True))
    if f.stem in NOT_YET else f for f in FILES], ids=[f.stem for f in FILES])
def test_budget_rows_match_the_typed_facts(facts_file):
    facts = yaml.safe_load(facts_file.read_text(encoding="utf-8"))
    if not (CORPUS / facts["source"]).exists():
        pytest.skip(f"{CORPUS / facts['source']} is absent (../shared not mounted)")
    rows = _read_rows(_lines(facts["source"]))
    problems = []
    for fact in facts["rows"]:
        key = _row_key(fact["page"], fact.get("item_no"), fact.get("name"))
        got = rows.get(key, []).pop(0) if rows.get(key) else None
        if not got:
            problems.append(f"{key}: row not found")
            continue
        first = got[0]
        gap = (facts_file.stem, *key) in KNOWN_GAPS
        for field in () if gap else ("code", "department", "name", "item_no"):
            if _norm(fact.get(field)) != _norm(getattr(first, field)):
                problems.append(f"{key} {field}: typed {fact.get(field)!r}, read {getattr(first, field)!r}")
        if fact.get("table_title") and _norm(fact["table_title"]) not in (_norm(first.table_title) or ""):
            problems.append(f"{key} table_title: typed {fact['table_title']!r}, read {first.table_title!r}")
        cells = {(_norm(l.column), l.funding_source): l for l in got}
        for cell in fact["cells"]:
            ckey = (_norm(cell["column"]), cell.get("funding_source"))
            line = cells.pop(ckey, None)
            if line is None:
                problems.append(f"{key} cell {ckey}: not read")
            elif (line.amount_yen, _norm(line.amount_raw)) != (cell["yen"], _norm(cell["printed"])):
                problems.append(f"{key} cell {ckey}: typed {cell['printed']} = {cell['yen']}, "
                                f"read {line.amount_raw!r} = {line.amount_yen}")
            else:  # what the amount is and the 期間 printed for it, where the facts give them
                problems += [f"{key} cell {ckey} {field}: typed {cell[field]!r}, read {getattr(line, field)!r}"
                             for field in ("basis", "period") if field in cell
                             and _norm(cell[field]) != _norm(getattr(line, field))]
        problems += [f"{key} cell {ckey}: read {l.amount_raw!r} but not typed" for ckey, l in cells.items()]
    assert not problems, "\n".join(problems)


NANKOKU = ["nankokushigikai__gikai_nankokushi_portal__r4_main_continuing_projects.pdf",
           "nankokushigikai__gikai_nankokushi_portal__r4_main_new_projects.pdf"]


@pytest.mark.parametrize("source", NANKOKU)
def test_nankoku_lists_pass_every_check_and_leave_no_line_unplaced(source):
    """増減 = R4 − R3 and 財源内訳 = the amount, on every row; every line is in a table."""
    if not (CORPUS / source).exists():
        pytest.skip(f"{CORPUS / source} is absent (../shared not mounted)")
    kinds = [w.kind for w in _rows(source)["warnings"]]
    for kind in ("budget_row_mismatch", "budget_total_mismatch", "unreadable_budget_cell",
                 "unreadable_table", "unplaced_line"):
        assert kind not in kinds
    assert _lines(source)


NOBEOKA = "nobeoka-mieruka__nobeoka-shisei-portal__r8_june_supplementary_budget.pdf"


def test_a_sum_printed_in_a_label_cell_is_no_code():
    """Nobeoka p.10 (read from the page image): the 目 cell (1) 社会教育総務費 spans two 事項,
    自治公民館建設補助金 5,118 and 自治公民館施設等整備助成事業補助金 2,500, and prints their sum 7,618 low
    in the cell, beside the second. The second 事項 is of that 目; the 7,618 is a warning, no code."""
    if not (CORPUS / NOBEOKA).exists():
        pytest.skip(f"{CORPUS / NOBEOKA} is absent (../shared not mounted)")
    lines = {l.name: l for l in _lines(NOBEOKA) if l.page == 10}
    first, second = lines["自治公民館建設補助金"], lines["自治公民館施設等整備助成事業補助金"]
    assert (first.amount_yen, second.amount_yen) == (5_118_000, 2_500_000)
    assert second.code == first.code and "社会教育総務費" in second.code
    assert second.level == first.level
    warned = [w.text for w in _rows(NOBEOKA)["warnings"] if w.kind == "unreadable_budget_cell" and w.page == 10]
    assert len(warned) == 1 and "7,618" in warned[0]
