"""``budget_lines.level`` and the printed-total check, on real pages of budget
books and on small tables typed here: every level read from what the page
prints, a 計 compared with the rows of the level it totals (no 款 + 項 double
count, no reset across a 項's 節 pages), and a planted wrong digit caught."""
from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pytest

from extract import extract_document
from extract.tables import Cell, Column, Table, TableRow
from normalize.budget_lines import budget_lines
from rules.budget_tables import header_role
from tests.conftest import SHARED

CORPUS = SHARED / "corpus" / "real"
FUJI_R6 = CORPUS / "plural-reality__fujishi_ippannkaikei_yosansho__r6-budget.pdf"
FUJI_R7 = CORPUS / "plural-reality__fujishi_ippannkaikei_yosansho__R7_00_gaiyou.pdf"
NOBEOKA = CORPUS / "nobeoka-mieruka__nobeoka-shisei-portal__r8_june_supplementary_budget.pdf"


# -- small tables typed here ---------------------------------------------------

def _table(page: int, headers: list[tuple[str, str | None]], rows: list[list[str | None]],
           title: str | None = None) -> Table:
    columns = tuple(Column(k * 10.0, k * 10.0 + 10, h, g, header_role(h, g)) for k, (h, g) in enumerate(headers))
    body = tuple(TableRow({k: Cell(k, text, text, (k * 10.0, float(i), k * 10.0 + 10, i + 1.0))
                           for k, text in enumerate(row) if text is not None},
                          (0.0, float(i), 100.0, i + 1.0)) for i, row in enumerate(rows))
    header = " ".join(h for h, _ in headers)
    return Table(page, (0, 0, 100, 100), header, title, "千円", columns, body)


def _kinds(warnings, kind="budget_total_mismatch"):
    return [w.text for w in warnings if w.kind == kind]


# 款 list of a revenue summary: 項 printed unnumbered under their 款 (as on
# Nobeoka's page 2), 合計 = the 款 rows only
KAN_LIST = [["1市税", "300", "30", "330"],
            ["市民税", "200", None, "200"],
            ["固定資産税", "100", "30", "130"],
            ["2地方譲与税", "50", "-", "50"],
            ["合計", "350", "30", "380"]]
KAN_HEADERS = [("款", None), ("現計予算額", None), ("補正額", None), ("計", None)]


def test_a_kan_list_gives_kan_breakdown_and_total_levels_and_sums_the_kan_rows():
    lines, warnings = budget_lines((_table(2, KAN_HEADERS, KAN_LIST),), "d", 2026)
    levels = {(l.name, l.column): l.level for l in lines}
    assert levels[("市税", "現計予算額")] == "kan"
    assert levels[("市民税", "現計予算額")] == levels[("固定資産税", "補正額")] == "breakdown"
    assert levels[("地方譲与税", "計")] == "kan"
    assert levels[("合計", "計")] == "total"
    assert _kinds(warnings) == []


def test_one_changed_digit_in_a_kan_row_is_one_mismatch():
    rows = [list(r) for r in KAN_LIST]
    rows[3][1] = "51"  # 2 地方譲与税 現計予算額 50 → 51
    _, warnings = budget_lines((_table(2, KAN_HEADERS, rows),), "d", 2026)
    assert _kinds(warnings) == ["page 2, table under header '款 現計予算額 補正額 計', row 5 (合計): "
                                "現計予算額 printed 350,000 yen ≠ sum of the kan rows 351,000"]


def test_a_breakdown_row_is_not_summed_so_a_change_there_is_no_mismatch_of_the_total():
    rows = [list(r) for r in KAN_LIST]
    rows[1][1] = "999"  # a part of 1 市税: the 合計 adds 款 rows only
    _, warnings = budget_lines((_table(2, KAN_HEADERS, rows),), "d", 2026)
    assert _kinds(warnings) == []


# A 性質別 list numbering its rows in the 区分 cell, with a 小計 of rows 1-2
# and parts (職員給, 1) 普通建設事業費) under numbered rows (Nobeoka's page 4)
NUMBERED_LIST = [["1人件費", "100"], ["職員給", "70"], ["退職手当", "30"], ["2扶助費", "50"],
                 ["小計", "150"], ["3投資的経費", "20"], ["1)普通建設事業費", "20"], ["合計", "170"]]


def test_a_numbered_list_gives_items_parts_subtotal_and_total():
    lines, warnings = budget_lines((_table(4, [("区分", None), ("補正額", None)], NUMBERED_LIST),), "d", 2026)
    assert [l.level for l in lines] == ["item", "breakdown", "breakdown", "item", "subtotal", "item",
                                        "breakdown", "total"]
    assert _kinds(warnings) == []


def test_a_wrong_subtotal_is_one_mismatch_and_the_total_still_adds_the_items():
    rows = [list(r) for r in NUMBERED_LIST]
    rows[4][1] = "160"
    _, warnings = budget_lines((_table(4, [("区分", None), ("補正額", None)], rows),), "d", 2026)
    assert _kinds(warnings) == ["page 4, table under header '区分 補正額', row 5 (小計): "
                                "補正額 printed 160,000 yen ≠ sum of the item rows 150,000"]


# A 項's 目 table over two pages with its 節 page between (a budget book's
# spread): the 計 on the third page adds the 目 rows of the first
MOKU = [("目", None), ("本年度予算額", None), ("前年度予算額", None), ("比較", None)]
SETSU = [("区分", "節"), ("金額", "節")]
TITLE = "2款総務費 1項総務管理費"


def _spread(total: str) -> tuple[Table, ...]:
    return (_table(10, MOKU, [["1一般管理費", "1,000", "900", "100"], ["2文書費", "500", "600", "△100"],
                              ["商工費委託金", "0", "8", "△8"]], TITLE),
            _table(11, SETSU, [["1報酬", "600"], ["3職員手当等", "400"], ["管理職手当", "150"],
                               ["期末手当", "250"]]),
            _table(12, MOKU, [["計", total, "1,508", "△8"]], TITLE))


def test_a_moku_total_after_the_setsu_page_adds_the_moku_rows_before_it():
    lines, warnings = budget_lines(_spread("1,500"), "d", 2024)
    levels = {l.name: l.level for l in lines}
    assert (levels["一般管理費"], levels["商工費委託金"]) == ("moku", "moku")  # a dropped 目 keeps its rank
    assert (levels["1報酬"], levels["3職員手当等"], levels["管理職手当"]) == ("setsu", "setsu", "breakdown")
    assert levels["計"] == "total"
    assert {l.code for l in lines if l.level == "moku"} == {"2.1.1", "2.1.2", None}
    assert _kinds(warnings) == []
    years = {l.column: l.fiscal_year for l in lines}  # 本年度 / 前年度 from the document's year
    assert (years["本年度予算額"], years["前年度予算額"]) == (2024, 2023)


def test_a_wrong_moku_total_after_the_setsu_page_is_one_mismatch():
    _, warnings = budget_lines(_spread("1,600"), "d", 2024)
    assert _kinds(warnings) == ["page 12, table under header '目 本年度予算額 前年度予算額 比較', row 1 (計): "
                                "本年度予算額 printed 1,600,000 yen ≠ sum of the moku rows 1,500,000"]


def test_a_total_with_no_row_read_before_it_is_reported_not_passed():
    _, warnings = budget_lines(_spread("1,500")[2:], "d", 2024)
    assert _kinds(warnings) == []
    assert _kinds(warnings, "budget_total_unchecked") == [
        "page 12, table under header '目 本年度予算額 前年度予算額 比較', row 1 (計): no row of its table read before it"]


# -- real pages ------------------------------------------------------------------

def _pages(pdf: Path, first: int, last: int):
    """The tables of pages first..last (1-based) of a real PDF, cut out with pypdf."""
    if not pdf.exists():
        pytest.skip(f"{pdf} is absent (../shared not mounted)")
    pypdf = pytest.importorskip("pypdf", reason="pypdf (dev extra) cuts the pages out")
    reader, writer = pypdf.PdfReader(pdf), pypdf.PdfWriter()
    for index in range(first - 1, last):
        writer.add_page(reader.pages[index])
    data = io.BytesIO()
    writer.write(data)
    return extract_document(Path(f"{pdf.stem}-p{first}-{last}.pdf"), data.getvalue()).tables


def test_fuji_r6_gikaihi_pages_levels_and_total(tmp_path):
    # pages 176-178 (printed 163-165): 1款 議会費 / 1項 議会費; 目 1 議会費 481,596 on 176,
    # its 節 on 177 (1 報酬 206,011; 3 職員手当等 118,592 and under it 管理職手当 1,925),
    # the 計 481,596 / 489,257 / △7,661 on 178 — typed from the page images
    tables = _pages(FUJI_R6, 176, 178)
    lines, warnings = budget_lines(tables, "d", 2024)
    level = {(l.page, l.name, l.column): (l.level, l.amount_yen) for l in lines}
    assert level[(1, "議会費", "本年度予算額")] == ("moku", 481_596_000)
    assert level[(2, "1報酬", "金額")] == ("setsu", 206_011_000)
    assert level[(2, "3職員手当等", "金額")] == ("setsu", 118_592_000)
    assert level[(2, "管理職手当", "金額")] == ("breakdown", 1_925_000)
    assert level[(3, "計", "本年度予算額")] == ("total", 481_596_000)
    assert level[(3, "計", "比較")] == ("total", -7_661_000)
    assert _kinds(warnings) == [] and _kinds(warnings, "budget_total_unchecked") == []


def test_fuji_r7_first_table_kou_rows_under_a_merged_kan_cell_are_kou():
    # page 4 (第1表 歳入, printed 2), typed from the page image: 款 1 市税 48,352,400 spans the
    # 款 and 項 columns; its 項 rows (1 市民税 18,420,900, 2 固定資産税 23,235,700, …) sit in the
    # 項 column beside the 款 cell merged down over them
    lines, warnings = budget_lines(_pages(FUJI_R7, 4, 4), "d", 2025)
    level = {l.name: (l.level, l.code, l.amount_yen) for l in lines}
    assert level["市税"] == ("kan", "1", 48_352_400_000)
    assert level["市民税"] == ("kou", "1.1", 18_420_900_000)
    assert level["固定資産税"] == ("kou", "1.2", 23_235_700_000)
    assert level["地方譲与税"] == ("kan", "2", 680_000_000)
    assert level["特別とん譲与税"] == ("kou", "2.4", 10_000_000)
    assert _kinds(warnings) == []


def test_fuji_r6_gikaihi_pages_with_one_digit_changed_give_one_mismatch():
    tables = list(_pages(FUJI_R6, 176, 178))
    first = tables[0]
    (row,) = first.rows
    k = next(k for k, c in row.cells.items() if first.columns[k].header == "前年度予算額")
    assert row.cells[k].text == "489,257"
    cells = {**row.cells, k: replace(row.cells[k], text="489,267", raw="489,267")}
    tables[0] = replace(first, rows=(replace(row, cells=cells),))
    _, warnings = budget_lines(tuple(tables), "d", 2024)
    assert _kinds(warnings) == [
        "page 3, table under header '目 本年度予算額 前年度予算額 比較 特定財源', row 1 (計): "
        "前年度予算額 printed 489,257,000 yen ≠ sum of the moku rows 489,267,000"]


def test_nobeoka_kan_list_and_numbered_list_levels_and_totals():
    # page 2 (歳入): 1 市税 16,485,497 with 市民税 … 入湯税 unnumbered under it, 合計 69,408,240;
    # page 4 (性質別): 1 人件費, 職員給 under it, 小計 36,930,518 after 3 公債費, 合計 — from the page images
    tables = _pages(NOBEOKA, 2, 4)
    lines, warnings = budget_lines(tables, "d", 2026)
    level = {(l.page, l.name or l.code, l.column): (l.level, l.amount_yen) for l in lines}
    assert level[(1, "市税", "現計予算額")] == ("kan", 16_485_497_000)
    assert level[(1, "市民税", "現計予算額")] == ("breakdown", 6_527_126_000)
    assert level[(1, "合計", "現計予算額")] == ("total", 69_408_240_000)
    assert level[(3, "1人件費", "現計予算額")] == ("item", 11_282_186_000)
    assert level[(3, "職員給", "現計予算額")] == ("breakdown", 7_059_370_000)
    assert level[(3, "小計", "現計予算額")] == ("subtotal", 36_930_518_000)
    assert level[(3, "1)普通建設事業費", "補正額")] == ("breakdown", 78_909_000)
    assert _kinds(warnings) == []


# -- 小計 twice, 項 under 款, totals in odd columns, rows of unknown level -------

TWO_SUBTOTALS = [["1人件費", "100"], ["2扶助費", "50"], ["小計", "150"], ["3投資的経費", "20"], ["4公債費", "30"],
                 ["小計", "50"], ["合計", "200"]]


def test_a_second_subtotal_adds_only_the_rows_since_the_first():
    _, warnings = budget_lines((_table(4, [("区分", None), ("補正額", None)], TWO_SUBTOTALS),), "d", 2026)
    assert _kinds(warnings) == [] and _kinds(warnings, "budget_total_unchecked") == []
    rows = [list(r) for r in TWO_SUBTOTALS]
    rows[5][1] = "60"
    _, warnings = budget_lines((_table(4, [("区分", None), ("補正額", None)], rows),), "d", 2026)
    assert _kinds(warnings) == ["page 4, table under header '区分 補正額', row 6 (小計): "
                                "補正額 printed 60,000 yen ≠ sum of the item rows 50,000"]


KAN_KOU = [("款", None), ("項", None), ("金額", None)]
KAN_KOU_ROWS = [["1市税", None, "300"], [None, "1市民税", "200"], [None, "2固定資産税", "100"],
                ["2地方譲与税", None, "50"], [None, "1地方揮発油譲与税", "50"], ["合計", None, "350"]]


def test_kou_rows_are_checked_against_their_kan_row():
    lines, warnings = budget_lines((_table(4, KAN_KOU, KAN_KOU_ROWS),), "d", 2026)
    assert [l.level for l in lines] == ["kan", "kou", "kou", "kan", "kou", "total"]
    assert _kinds(warnings) == []
    rows = [list(r) for r in KAN_KOU_ROWS]
    rows[1][2] = "210"  # one digit of a 項: the 合計 adds 款 rows only, the 款 row its 項 rows
    _, warnings = budget_lines((_table(4, KAN_KOU, rows),), "d", 2026)
    assert _kinds(warnings) == ["page 4, table under header '款 項 金額', row 1 (1市税): "
                                "金額 printed 300,000 yen ≠ sum of its kou rows 310,000"]


def test_kou_rows_at_the_end_of_a_table_are_not_compared_as_they_may_run_on():
    rows = [list(r) for r in KAN_KOU_ROWS[:3]]
    rows[1][2] = "210"
    _, warnings = budget_lines((_table(4, KAN_KOU, rows),), "d", 2026)
    assert _kinds(warnings) == []


PROJECTS = [("No", None), ("事業名", None), ("概要", None), ("補正額", None)]


@pytest.mark.parametrize("label", [["物価", "高騰対策事業合計"], [None, "合計"]])
def test_a_total_word_cut_into_the_description_column_is_a_total(label):
    # Nobeoka page 5: 物価高騰対策事業 合計 printed across the 事業名 and 概要 columns
    rows = [["1", "A事業", "説明", "100"], ["2", "B事業", "説明", "50"], [None, *label, "150"]]
    lines, warnings = budget_lines((_table(5, PROJECTS, rows),), "d", 2026)
    assert [l.level for l in lines] == ["item", "item", "total"]
    assert _kinds(warnings) == []
    rows[2][3] = "160"
    _, warnings = budget_lines((_table(5, PROJECTS, rows),), "d", 2026)
    assert len(_kinds(warnings)) == 1


def test_a_description_ending_in_a_total_word_on_a_numbered_row_is_not_a_total():
    rows = [["1", "A事業", "各課の予算の合計", "100"]]
    lines, _ = budget_lines((_table(5, PROJECTS, rows),), "d", 2026)
    assert [l.level for l in lines] == ["item"]


def test_rows_whose_name_column_got_no_role_have_no_level_and_their_total_is_unchecked():
    # Fuji's 款/項/金額 list read with 款 and 項 as one 款項 column: its header has no role
    rows = [["1市税", "300"], ["市民税", "200"], ["合計", "300"]]
    lines, warnings = budget_lines((_table(4, [("款項", None), ("金額", None)], rows),), "d", 2026)
    assert [l.level for l in lines] == [None, None, "total"]
    assert _kinds(warnings) == []
    assert _kinds(warnings, "budget_total_unchecked") == [
        "page 4, table under header '款項 金額', row 3 (合計): a row of unknown level before it"]
    assert _kinds(warnings, "budget_level_unknown") == [
        "page 4, table under header '款項 金額': rows 1, 2 have no name or code cell read (the column "
        "holding it got no role): level left null"]


def test_nobeoka_totals_printed_outside_the_name_column_are_checked():
    # typed from the page images: page 5 物価高騰対策事業 合計 補正額 439,931 (= 13,171 + 4,866 + 14,740
    # + 305,659 + 101,495), 国県支出金 387,725; page 10 合計 434,320 in the 事項 column
    for page, label_yen in ((5, 439_931_000), (10, 434_320_000)):
        lines, warnings = budget_lines(_pages(NOBEOKA, page, page), "d", 2026)
        totals = [l for l in lines if l.level == "total"]
        assert label_yen in {l.amount_yen for l in totals}
        assert _kinds(warnings) == [] and _kinds(warnings, "budget_total_unchecked") == []


def test_nobeoka_page_8_totals_are_checked_or_reported():
    # page 8: その他事務事業 概要掲載事業 合計 119,234 closes the 事業 of pages 6-8; its 地方債その他 137,100 =
    # 10,800 + 30,000 (page 6: (債) and the amount under 社会福祉事業基金繰入金) + 35,700 + 9,100 + 6,300 + 42,700
    # + 2,500 (page 8: under 自治宝くじ助成金); その他事務事業 合計 139,924 totals rows not printed (so cannot
    # be checked); 企業会計 概要掲載事業 合計 25,000 = its one 事業; the 一般会計合計 box under them (補正額
    # 579,855 = the 物価高騰対策事業合計 439,931 of page 5 + その他事務事業合計 139,924) adds two lists' 合計:
    # not checked either
    lines, warnings = budget_lines(_pages(NOBEOKA, 6, 8), "d", 2026)
    totals = {l.amount_yen for l in lines if l.level == "total" and l.column == "補正額"}
    assert {119_234_000, 139_924_000, 25_000_000} <= totals
    assert 137_100_000 in {l.amount_yen for l in lines if l.level == "total" and l.column == "地方債その他"}
    assert _kinds(warnings) == [] and _kinds(warnings, "unreadable_budget_cell") == []
    unchecked = _kinds(warnings, "budget_total_unchecked")
    assert [u.split(", row ", 1)[1] for u in unchecked] == [
        "5 (その他事務事業合計): no row of its table read before it",
        "1 (一般会計合計): no row of its table read before it"]
    assert 579_855_000 in totals


def test_nobeoka_page_1_breakdowns_group_subtotal_and_grand_total_are_checked():
    # typed from page 1's image: 一般会計 579,855 with its 内訳 1 物価高騰対策事業 439,931 and 2 その他事務事業
    # 139,924; 企業会計 | 水道事業 0, 下水道事業 25,000, 合計 25,000; 補正額合計 604,855 = 579,855 + 0 + 25,000
    lines, warnings = budget_lines(_pages(NOBEOKA, 1, 1), "d", 2026)
    levels = {(l.item_no, l.name): l.level for l in lines}
    assert levels == {(None, "一般会計(議案第5号)"): "item", ("1", "物価高騰対策事業"): "breakdown",
                      ("2", "その他事務事業"): "breakdown", (None, "水道事業(議案第6号)"): "item",
                      (None, "下水道事業(議案第7号)"): "item", (None, "合計"): "subtotal",
                      (None, "補正額合計"): "total"}
    assert _kinds(warnings) == [] and _kinds(warnings, "budget_total_unchecked") == []
    assert _kinds(warnings, "budget_row_mismatch") == []


# Nobeoka's page 1 shape, typed here: a row with its 内訳 parts, a group of rows under a label of
# their own closed by its 合計, then the grand total of every row that is no part
ACCOUNTS = [("会計名", None), ("補正前", None), ("補正額", None)]


def _accounts(group_total: str, grand_total: str) -> tuple[Table, ...]:
    upper = _table(1, ACCOUNTS, [["一般会計", "1,000", "60"], ["物価高騰対策事業", None, "40"],
                                 ["その他事務事業", None, "20"]])
    upper = replace(upper, rows=(upper.rows[0], *(replace(r, label="内訳", number=str(k))
                                                  for k, r in enumerate(upper.rows[1:], 1))))
    group = _table(1, ACCOUNTS, [["水道事業", "300", "0"], ["下水道事業", "200", "5"], ["合計", group_total, "5"]])
    group = replace(group, rows=(*(replace(r, label="企業会計") for r in group.rows[:2]), group.rows[2]))
    return upper, group, _table(1, ACCOUNTS, [["補正額合計", None, grand_total]])


def test_a_group_total_is_a_subtotal_of_its_rows_and_the_grand_total_adds_every_item():
    lines, warnings = budget_lines(_accounts("500", "65"), "d", 2026)
    assert [(l.item_no, l.level) for l in lines if l.column == "補正額"] == [
        (None, "item"), ("1", "breakdown"), ("2", "breakdown"), (None, "item"), (None, "item"),
        (None, "subtotal"), (None, "total")]
    assert _kinds(warnings) == [] and _kinds(warnings, "budget_total_unchecked") == []


@pytest.mark.parametrize("group_total, grand_total, wrong", [
    ("510", "65", "row 3 (合計): 補正前 printed 510,000 yen ≠ sum of the item rows 500,000"),
    ("500", "66", "row 1 (補正額合計): 補正額 printed 66,000 yen ≠ sum of the item rows 65,000")])
def test_a_wrong_group_or_grand_total_is_one_mismatch(group_total, grand_total, wrong):
    _, warnings = budget_lines(_accounts(group_total, grand_total), "d", 2026)
    assert _kinds(warnings) == [f"page 1, table under header '会計名 補正前 補正額', {wrong}"]


def test_a_total_after_an_unreadable_cell_is_unchecked_in_that_column_not_a_mismatch():
    rows = [["1", "A事業", "説明", "100"], ["2", "B事業", "説明", "5O"], [None, "合計", None, "150"]]
    _, warnings = budget_lines((_table(5, PROJECTS, rows),), "d", 2026)
    assert _kinds(warnings) == []
    assert _kinds(warnings, "budget_total_unchecked") == [
        "page 5, table under header 'No 事業名 概要 補正額', row 3 (合計): 補正額 has a cell not read before it"]


def test_a_cell_not_read_in_a_breakdown_row_does_not_stop_the_check_of_the_items():
    # Nobeoka page 4 prints a うち figure in brackets, (4,250), under a numbered row
    rows = [list(r) for r in NUMBERED_LIST]
    rows[1][1] = "(70)"
    _, warnings = budget_lines((_table(4, [("区分", None), ("補正額", None)], rows),), "d", 2026)
    assert len(_kinds(warnings, "unreadable_budget_cell")) == 1
    assert _kinds(warnings) == [] and _kinds(warnings, "budget_total_unchecked") == []


def test_a_kan_row_is_not_compared_in_a_column_where_a_kou_cell_was_not_read():
    rows = [list(r) for r in KAN_KOU_ROWS]
    rows[2][2] = "1OO"  # 2 固定資産税 unreadable: the 款 row 300 cannot be shown wrong by 200 alone
    _, warnings = budget_lines((_table(4, KAN_KOU, rows),), "d", 2026)
    assert _kinds(warnings) == []
    assert len(_kinds(warnings, "unreadable_budget_cell")) == 1


def test_an_empty_left_page_of_a_spread_is_read_as_empty_not_unreadable():
    # Fuji book page 74 (printed 65): 15款 国庫支出金 / 1項 国庫負担金, a 目 | 本年度予算額 |
    # 前年度予算額 | 比較 table whose body prints only its 千円 marks (the 目 rows are on page
    # 72, the 節 go on on page 75): nothing to read, nothing lost, so no unreadable_table
    tables = _pages(FUJI_R6, 74, 74)
    lines, warnings = budget_lines(tables, "d", 2024)
    assert [t.rows for t in tables] == [()] and lines == []
    assert _kinds(warnings, "unreadable_table") == []


# -- the year of a table whose columns name none -----------------------------------

def _years(*tables: Table) -> dict[tuple[int, str], int | None]:
    lines, _ = budget_lines(tables, "d", 2024)
    return {(l.page, l.column): l.fiscal_year for l in lines}


def test_a_table_naming_no_year_holds_the_budget_of_its_titles_year_else_the_documents():
    assert _years(_table(1, [("款", None), ("項", None), ("金額", None)], [["1市税", None, "46,460,600"]],
                         "第1表 歳入歳出予算")) == {(1, "金額"): 2024}
    assert _years(_table(1, [("事業名", None), ("事業費", None)], [["道路整備", "900"]],
                         "R4年度当初予算に計上した主な新規事業")) == {(1, "事業費"): 2022}


@pytest.mark.parametrize("headers, row, title", [
    ([("事業名", None), ("R6事業費", None), ("R7事業費", None), ("計", None)], ["道路整備", "100", "200", "300"], None),
    ([("事業名", None), ("決算額", None), ("予算額", None)], ["道路整備", "90", "100"], "令和4年度決算及び令和6年度予算の比較"),
    ([("事業名", None), ("事業費", None)], ["道路整備", "900"], "令和6年度～令和8年度 実施計画事業"),
    ([("事項", None), ("期間", None), ("金額", None)], ["庁舎管理", "7年度から9年度まで", "900"], "債務負担行為に関する調書"),
], ids=["a 計 over two years", "a title naming two years", "a title naming a period", "a 期間 column"])
def test_a_budget_of_no_one_year_has_none(headers, row, title):
    assert _years(_table(1, headers, [row], title))[(1, headers[-1][0])] is None


def test_the_right_hand_page_of_a_spread_keeps_what_it_prints_itself():
    left = _table(10, [("番号", None), ("事業名", None), ("限度額", None)], [["1", "庁舎管理", "900"], ["2", "道路", "500"]])
    right = _table(11, [("予算額", None), ("担当課", None)], [["100", "総務課"], ["50", "土木課"]])
    lines, _ = budget_lines((left, right), "d", 2024)
    assert [(l.item_no, l.name, l.department) for l in lines if l.page == 11] == [
        ("1", "庁舎管理", "総務課"), ("2", "道路", "土木課")]
