"""Budget tables of real PDFs against facts typed by hand from the page images
(tests/facts/budget_tables/<pdf-stem>.yaml, written by people, never from output).

Rows are matched by page and 番号 (or name when no 番号 is printed); cells by
column header (NFKC, spaces removed) and funding source. The table title is
compared by containment: the facts give the list's name (主な継続事業), the
row the whole printed line (R4年度当初予算に計上した主な継続事業)."""
from __future__ import annotations

from functools import lru_cache

import pytest

from pipeline.convert import Converted, convert_file
from tests.conftest import SHARED
from tests.facts.budget_tables import FACTS, known_gap, load, match_cells, norm, read_rows, text_mismatches

CORPUS = SHARED / "corpus" / "real"
FILES = sorted(FACTS.glob("*.yaml"))


@lru_cache(maxsize=None)
def _rows(source: str, engine: str = "pdfplumber") -> dict:
    outcome = convert_file(CORPUS / source, engine=engine)
    assert isinstance(outcome, Converted), outcome
    return outcome.rows


def _lines(source: str, engine: str = "pdfplumber") -> list:
    return _rows(source, engine).get("budget_lines", [])


def _row_key(page, item_no, name):
    """A row printed with neither 番号 nor name (the 財源内訳 half of a table on a
    page of its own) is known by its place on the page."""
    return (page, norm(item_no)) if item_no is not None else (page, norm(name))


def _cell_key(cell) -> tuple:
    return (norm(cell["column"]), cell.get("funding_source"))


def _line_key(line) -> tuple:
    return (norm(line.column), line.funding_source)


# Files whose tables the reader does not read in full yet (strict: a pass is reported).
NOT_YET: dict[str, str] = {}


@pytest.mark.parametrize("engine", ["pdfplumber", "pdfium"])
@pytest.mark.parametrize("facts_file", [
    pytest.param(f, marks=pytest.mark.xfail(reason=NOT_YET[f.stem], strict=True))
    if f.stem in NOT_YET else f for f in FILES], ids=[f.stem for f in FILES])
def test_budget_rows_match_the_typed_facts(facts_file, engine):
    facts = load(facts_file.stem)
    if not (CORPUS / facts["source"]).exists():
        pytest.skip(f"{CORPUS / facts['source']} is absent (../shared not mounted)")
    rows = read_rows(_lines(facts["source"], engine), lambda l: _row_key(l.page, l.item_no, l.name))
    problems = []
    for fact in facts["rows"]:
        key = _row_key(fact["page"], fact.get("item_no"), fact.get("name"))
        got = rows.get(key, []).pop(0) if rows.get(key) else None
        if not got:
            problems.append(f"{key}: row not found")
            continue
        first = got[0]
        if not known_gap(facts_file.stem, fact):
            problems += [f"{key} {field}: typed {typed!r}, read {read!r}"
                         for field, typed, read in text_mismatches(fact, first)]
        if fact.get("table_title") and norm(fact["table_title"]) not in (norm(first.table_title) or ""):
            problems.append(f"{key} table_title: typed {fact['table_title']!r}, read {first.table_title!r}")
        pairs, extra = match_cells(fact["cells"], got, _cell_key, _line_key)
        for cell, line in pairs:
            if line is None:
                problems.append(f"{key} cell {_cell_key(cell)}: not read")
            elif (line.amount_yen, norm(line.amount_raw)) != (cell["yen"], norm(cell["printed"])):
                problems.append(f"{key} cell {_cell_key(cell)}: typed {cell['printed']} = {cell['yen']}, "
                                f"read {line.amount_raw!r} = {line.amount_yen}")
            else:  # what the amount is and the 期間 printed for it, where the facts give them
                problems += [f"{key} cell {_cell_key(cell)} {field}: typed {cell[field]!r}, "
                             f"read {getattr(line, field)!r}" for field in ("basis", "period")
                             if field in cell and norm(cell[field]) != norm(getattr(line, field))]
        problems += [f"{key} cell {_line_key(l)}: read {l.amount_raw!r} but not typed" for l in extra]
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


FUJI_BOOK = "plural-reality__fujishi_ippannkaikei_yosansho__r6-budget.pdf"


def test_a_name_set_with_even_gaps_reads_as_one_word():
    """Fuji book p.602 (read from the page image): the 事項 are set 均等割付, with ー and Latin
    letters among them (コ ー ル セ ン タ ー 業 務, 市 庁 舎 E S C O 事 業). Their names read
    without the gaps, ー as 長音; the facts above compare names with spaces removed, so
    this is where a gap left between Latin letters shows."""
    if not (CORPUS / FUJI_BOOK).exists():
        pytest.skip(f"{CORPUS / FUJI_BOOK} is absent (../shared not mounted)")
    names = {l.name for l in _lines(FUJI_BOOK) if l.page == 602}
    assert {"例規集データ更新業務", "コールセンター業務", "市庁舎ESCO事業"} <= names


def test_a_column_naming_no_year_holds_the_budget_of_its_documents_year():
    """Fuji book p.3 (read from the page image): 令和6年度富士市一般会計予算 … 款項の区分及び当該区分
    ごとの金額は「第1表歳入歳出予算」による; p.4, 第1表 歳入歳出予算 (款 | 項 | 金額), prints no year
    over its 金額: they are 令和6年度's (2024). p.22's 比較 (本年度 − 前年度) is of no one year."""
    if not (CORPUS / FUJI_BOOK).exists():
        pytest.skip(f"{CORPUS / FUJI_BOOK} is absent (../shared not mounted)")
    first_table = [l for l in _lines(FUJI_BOOK) if l.page == 4]
    assert {l.fiscal_year for l in first_table} == {2024}
    assert next(l.amount_yen for l in first_table if l.name == "市税") == 46_460_600_000
    change = [l for l in _lines(FUJI_BOOK) if l.page == 22 and l.column == "比較"]
    assert change and {l.fiscal_year for l in change} == {None}


def test_a_list_without_a_cover_is_titled_by_its_first_table():
    """Nankoku's 主な継続事業 (facts file: the title printed above the table on page 1,
    R4年度当初予算に計上した主な継続事業) has no cover: that title is the document's, and
    its R4年度 the document's year (2022)."""
    source = NANKOKU[0]
    if not (CORPUS / source).exists():
        pytest.skip(f"{CORPUS / source} is absent (../shared not mounted)")
    (document,) = _rows(source)["documents"]
    assert norm(document.title) == "R4年度当初予算に計上した主な継続事業"
    assert (document.fiscal_year, document.fiscal_year_label) == (2022, "R4年度")
