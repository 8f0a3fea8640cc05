"""A 事業's budget under a 予算額（予算科目） label, the value on the next line:

    1) 地域防災力の向上
    予算額（予算科目）
    11,686千円（区政推進費）

The label and its value are read into one typed budget (label, amount, account);
a label with no value after it is a missing budget with a warning, never a
number taken from an unrelated line.
"""
from pathlib import Path

import pytest

from extract import extract_document
from extract.headings import BUDGET_LABEL, BUDGET_LABEL_AND_VALUE, BUDGET_VALUE
from extract.lines import Line
from extract.pdf import _page_lines
from normalize import SourceInfo, to_rows
from extract.budgets import from_bracket
from normalize.budget import parse_budget
from rules.budgets import BUDGET_BRACKET

from .test_structure import BASE


def rows(body: str):
    doc = extract_document(Path("t.txt"), (BASE + body).encode("utf-8"))
    return to_rows(doc, SourceInfo("d", "t.txt", "0" * 64, "txt", "test"))


def warnings(tables, kind):
    return [w.text for w in tables.get("warnings", []) if w.kind == kind]


# -- patterns, each with its example -----------------------------------------
@pytest.mark.parametrize("printed, label", [
    ("予算額（予算科目）", "予算額(予算科目)"),
    ("【予算額（予算科目）】", "予算額(予算科目)"),
    ("予 算 額（予算科目）", "予算額(予算科目)"),  # 均等割付
    ("予算額", "予算額"),                           # a 予算額 column header
    ("【４年度予算額】", "4年度予算額"),
])
def test_budget_label_pattern(printed, label):
    assert BUDGET_LABEL.match(Line(printed, None).text).group("label") == label


@pytest.mark.parametrize("printed", [
    "予算額（1,000千円）",        # a bracket with a digit is an amount, not an account
    "【予算額 11,686千円】",      # the whole bracket on one line
    "予算額（予算科目） 100千円",  # label and value on one line
    "【予算額（予算科目）",        # unbalanced
    "予算額合計",
])
def test_budget_label_pattern_rejects(printed):
    assert not BUDGET_LABEL.match(Line(printed, None).text)


@pytest.mark.parametrize("printed", [
    "11,686千円（区政推進費）", "１２億４４２万９千円", "299万4千円", "500万円", "△ 1,000千円", "1.5百万円",
    "7, 486千円", "1, 140 千円", "ー千円（区政推進費）", "一 千円", "－", "（区政推進費）",
])
def test_budget_value_pattern(printed):
    assert BUDGET_VALUE.match(Line(printed, None).text)


@pytest.mark.parametrize("printed", [
    "地域の防災力を高める。", "説明文に100千円とある。", "100人", "約5千円",
    "11,686千円（うち国費500千円）",  # a bracket with a digit is not an account name
    "2) 次の事業",
])
def test_budget_value_pattern_rejects(printed):
    assert not BUDGET_VALUE.match(Line(printed, None).text)


def test_budget_bracket_pattern_sets_the_account_apart():
    m = BUDGET_BRACKET.match("【予算額(予算科目)11,686千円(区政推進費)】")
    assert (m.group("amount"), m.group("account")) == ("11,686千円", "区政推進費")
    m = BUDGET_BRACKET.match("【予算額(予算科目)11,686千円(うち国費500千円)】")
    assert (m.group("amount"), m.group("account")) == ("11,686千円(うち国費500千円)", None)


@pytest.mark.parametrize("bracket, status, yen", [
    ("【予算額(予算科目)11,686千円(区政推進費)】", "amount", 11_686_000),
    ("【予算額(予算科目)△1,000千円(区政推進費)】", "amount", -1_000_000),
    ("【予算額(予算科目)-千円(区政推進費)】", "none", None),
    ("【予算額(予算科目)(区政推進費)】", "none", None),  # nothing printed for the amount
    # only a (予算科目) label says what a bracket after the amount is; elsewhere it may be
    # (再掲) or (前年度): unreadable, never a number counted twice or from another year
    ("【予算額 1,000千円(区政推進費)】", "missing", None),
    ("【予算額 800千円(再掲)】", "missing", None),
    ("【予算額 1,200千円(前年度)】", "missing", None),
    ("【予算額(予算科目)11,686千円(再掲)】", "missing", None),
    ("【予算額(予算科目)11,686千円(うち国費500千円)】", "missing", None),
    ("【予算額 一千万円】", "missing", None),  # ten million in kanji, not a dash
    ("【予算額: 一 千円】", "none", None),      # the dash the sample prints
])
def test_parse_budget_with_an_account(bracket, status, yen):
    budget = parse_budget(from_bracket(bracket, ()))
    assert (budget.status, budget.yen) == (status, yen)


# -- text documents -------------------------------------------------------------
@pytest.mark.parametrize("label, value, yen", [
    ("予算額（予算科目）", "11,686千円（区政推進費）", 11_686_000),
    ("【予算額（予算科目）】", "１２億４４２万９千円（区政推進費）", 1_204_429_000),
    ("予 算 額（予算科目）", "299万4千円", 2_994_000),
    ("予算額（予算科目）", "△ 1,000千円（区政推進費）", -1_000_000),
    ("予算額（予算科目）", "1.5百万円（区政推進費）", 1_500_000),
    ("予算額（予算科目）", "500万円（区政推進費）", 5_000_000),
])
def test_label_and_the_value_on_the_next_line(label, value, yen):
    tables = rows(f"1) 地域防災力の向上\n{label}\n{value}\n\n説明文。\n")
    (project,) = tables["projects"]
    assert (project.budget_status, project.budget_yen) == ("amount", yen)
    assert project.budget_raw == f"{label}\n{value}"  # both lines as printed
    assert project.description == "説明文。"
    assert not warnings(tables, "missing_budget") and not warnings(tables, "unplaced_line")


@pytest.mark.parametrize("value", ["ー千円（区政推進費）", "一 千円", "－", "（区政推進費）"])
def test_a_dash_or_nothing_under_the_label_is_no_amount(value):
    (project,) = rows(f"1) 地域防災力の向上\n予算額（予算科目）\n{value}\n")["projects"]
    assert (project.budget_status, project.budget_yen) == ("none", None)


@pytest.mark.parametrize("after", ["2) 次の事業\n", "説明文に100千円とある。\n", ""])
def test_a_label_without_a_value_is_missing_with_a_warning(after):
    tables = rows(f"1) 地域防災力の向上\n予算額（予算科目）\n{after}")
    project = tables["projects"][0]
    assert (project.budget_status, project.budget_yen) == ("missing", None)
    (note,) = warnings(tables, "budget_label_without_value")
    assert note.startswith("事業 1) 地域防災力の向上: 予算額(予算科目) has no value")
    assert warnings(tables, "missing_budget")
    if after.startswith("説明文"):  # the line after the label stays the description
        assert project.description == "説明文に100千円とある。"
    if after.startswith("2)"):
        assert tables["projects"][1].title == "次の事業"


def test_an_empty_予算額_bracket_alone_is_a_label_but_on_the_heading_line_no_amount():
    # alone under the heading it is a label like the others: no value after it is missing
    tables = rows("1) 地域防災力の向上\n【予算額】\n説明文。\n")
    assert tables["projects"][0].budget_status == "missing"
    assert warnings(tables, "budget_label_without_value")
    assert rows("1) 地域防災力の向上\n【予算額】\n1,000千円\n")["projects"][0].budget_yen == 1_000_000
    assert rows("1) 地域防災力の向上 【予算額】\n説明文。\n")["projects"][0].budget_status == "none"


def test_an_unreadable_value_is_missing_with_a_warning():
    tables = rows("1) 地域防災力の向上\n予算額（予算科目）\n11,68千円（区政推進費）\n")
    (project,) = tables["projects"]
    assert (project.budget_status, project.budget_yen) == ("missing", None)
    assert warnings(tables, "unreadable_budget")


def test_a_label_after_the_budget_was_read_is_not_a_second_budget():
    (project,) = rows("1) 見守り支援 【予算額 1,234千円】\n予算額（予算科目）\n5,000千円\n")["projects"]
    assert project.budget_yen == 1_234_000


# -- PDF: the label as a column header over its value ----------------------------
def _glyphs(text, x0, top, size=10.5, font="F+IPAexMincho"):
    return [{"text": ch, "x0": x0 + i * size, "x1": x0 + (i + 1) * size, "top": top,
             "bottom": top + size, "size": size, "fontname": font, "upright": True}
            for i, ch in enumerate(text)]


def test_pdf_value_under_the_label_follows_it_as_printed():
    # nothing glued into a bracket: the label's line, then its value's line
    page = _glyphs("予算額（予算科目）", 72, 100) + _glyphs("11,686千円（区政推進費）", 72, 116)
    lines, _, _ = _page_lines(page, 842, 1)
    assert [(l.raw, l.text) for l in lines] == [
        ("予算額（予算科目）", "予算額(予算科目)"), ("11,686千円（区政推進費）", "11,686千円(区政推進費)")]


def test_pdf_paragraph_under_the_label_is_not_its_value():
    page = _glyphs("予算額（予算科目）", 72, 100) + _glyphs("地域の防災力を高める。", 72, 116)
    lines, _, _ = _page_lines(page, 842, 1)
    assert [l.text for l in lines] == ["予算額(予算科目)", "地域の防災力を高める。"]


# -- a label and its value on one line ------------------------------------------
@pytest.mark.parametrize("printed, label, value", [
    ("予算額（予算科目） 11,686千円（区政推進費）", "予算額(予算科目)", "11,686千円(区政推進費)"),
    ("予算額：500千円", "予算額", "500千円"),
    ("【予算額（予算科目）】 △1,000千円", "予算額(予算科目)", "△1,000千円"),
])
def test_label_and_value_pattern(printed, label, value):
    m = BUDGET_LABEL_AND_VALUE.match(Line(raw=printed, page=None).text)
    assert (m.group("label"), m.group("value")) == (label, value)


@pytest.mark.parametrize("printed, status, yen", [
    ("予算額（予算科目） 11,686千円（区政推進費）", "amount", 11_686_000),
    ("予算額：500千円", "amount", 500_000),
    ("【予算額（予算科目）】 △1,000千円", "amount", -1_000_000),
    ("予算額 －", "none", None),
])
def test_label_and_value_on_the_line_below_the_heading(printed, status, yen):
    tables = rows(f"1) 見守り支援\n{printed}\n\n説明文。\n")
    (project,) = tables["projects"]
    assert (project.budget_status, project.budget_yen, project.budget_raw) == (status, yen, printed)
    assert project.description == "説明文。"


def test_a_sentence_opening_with_the_label_is_not_a_budget():
    tables = rows("1) 見守り支援\n予算額は前年度並みとする。\n")
    (project,) = tables["projects"]
    assert (project.budget_status, project.description) == ("missing", "予算額は前年度並みとする。")
    assert warnings(tables, "missing_budget")


@pytest.mark.parametrize("body", [
    "1) 見守り支援\n説明文。\n予算額(前年度) 9,000千円\n",   # another year's, in the description
    "1) 見守り支援\n予算額(うち国費) 300千円\n",             # a share, not the budget
    "1) 見守り支援\n4年度予算額 1,000千円\n5年度予算額 1,200千円\n",  # which year is the plan's?
    "1) 見守り支援\n予算額\n一千万円\n",                     # ten million in kanji
])
def test_lines_that_are_not_the_budget_leave_it_missing_never_a_wrong_number(body):
    tables = rows(body)
    (project,) = tables["projects"]
    assert (project.budget_status, project.budget_yen) == ("missing", None)
    assert warnings(tables, "missing_budget")


def test_a_sentence_after_a_number_is_no_project_heading():
    tables = rows("1) 見守り支援 【予算額 1千円】\n(新)2)の取組を引き継ぎ実施\n")
    assert [p.project_no for p in tables["projects"]] == [1]


# -- the typed hand-over: label, amount, account and year, never a glued bracket --
@pytest.mark.parametrize("label, value, parts", [
    ("予算額（予算科目）", "１１，６８６千円（区政推進費）", ("予算額", "11,686千円", "区政推進費", None)),
    ("予算額", "11,686千円（区政推進費）", ("予算額", "11,686千円(区政推進費)", None, None)),  # not an account
    ("予算額（予算科目）", "1,200千円（前年度）", ("予算額", "1,200千円(前年度)", None, None)),
    ("【29年度予算額】", "－", ("予算額", "-", None, "29年度")),
])
def test_label_and_value_are_handed_over_as_parts(label, value, parts):
    from extract.budgets import from_label
    m = BUDGET_LABEL.match(Line(label, None).text)
    printed = from_label(m, value, ())
    assert (printed.label, printed.amount, printed.account, printed.year) == parts


def test_a_budget_naming_another_year_is_not_the_plans():
    # BASE is a 平成30年度 plan: 【29年度予算額】 is last year's
    (project,) = rows("1) 見守り支援 【29年度予算額 500千円】\n")["projects"]
    assert (project.budget_status, project.budget_yen, project.budget_fiscal_year) == ("missing", None, 2017)
    (project,) = rows("1) 見守り支援 【30年度予算額 500千円】\n")["projects"]
    assert (project.budget_status, project.budget_yen, project.budget_fiscal_year) == ("amount", 500_000, 2018)
