"""Printed budget totals (per 経営課題 and for the ward) are read and checked
against the sum of the 事業 budgets; a mismatch is a warning with both figures."""
from pathlib import Path

import pytest

from extract import extract_document
from rules.budgets import BUDGET_SUM_LINE, ISSUE_BUDGET_TOTAL
from extract.lines import Line
from normalize import SourceInfo, to_rows
from normalize.budget import parse_budget_total, totals_agree

from .test_structure import BASE


def rows(text: str):
    doc = extract_document(Path("t.txt"), text.encode("utf-8"))
    return to_rows(doc, SourceInfo("d", "t.txt", "0" * 64, "txt", "test"))


BODY = """
1) 見守り支援 【予算額 1,234千円】

説明文。

2) 防災訓練 【予算額 766千円】

説明文。
"""


def issue_with(total_line: str, heading: str = "経営課題 1 まちづくり\n") -> str:
    """The 北区 平成30年度 plan of test_structure, its 経営課題 carrying a total."""
    return BASE.replace("経営課題 1 まちづくり\n", heading + total_line + "\n") + BODY


def warnings(tables, kind):
    return [w.text for w in tables.get("warnings", []) if w.kind == kind]


@pytest.mark.parametrize("printed", [
    "（30年度予算額 2,000千円）",  # the per-経営課題 line of FORMATS.md, full-width brackets
    "(予算額:2,000千円)",
    "（30年度予算額 ２百万円）",  # printed in 百万円: agrees at that precision
])
def test_matches_give_the_total_and_no_warning(printed):
    t = rows(issue_with(printed))
    (issue,) = t["issues"]
    assert issue.budget_total_yen == 2_000_000 and issue.budget_total_raw
    assert warnings(t, "budget_total_mismatch") == []
    assert warnings(t, "unplaced_line") == []


def test_mismatch_is_a_warning_with_both_figures():
    t = rows(issue_with("（30年度予算額 2,500千円）"))
    (text,) = warnings(t, "budget_total_mismatch")
    assert text == ("経営課題1 まちづくり: printed total ¥2,500,000 ((30年度予算額2,500千円)) ≠ "
                    "sum of 2 事業 budgets ¥2,000,000")
    assert t["issues"][0].budget_total_yen == 2_500_000


def test_total_closing_the_heading_line_is_split_from_the_title():
    t = rows(issue_with("", heading="経営課題 1 まちづくり （30年度予算額 2,500千円）\n"))
    (issue,) = t["issues"]
    assert (issue.title, issue.budget_total_yen) == ("まちづくり", 2_500_000)
    assert len(warnings(t, "budget_total_mismatch")) == 1
    assert warnings(t, "toc_title_mismatch") == []


def test_a_total_for_another_year_is_not_compared():
    # next year's budget line: not this plan's figure, so no verdict either way
    t = rows(issue_with("（31年度予算額 9,999千円）"))
    assert t["issues"][0].budget_total_yen is None
    assert warnings(t, "budget_total_mismatch") == []
    assert [(r.fiscal_year, r.amount_yen, r.compared) for r in t["budget_totals"]] == [
        (2019, 9_999_000, False)]


def test_each_line_of_a_three_line_block_is_a_row_and_only_the_plan_year_is_checked():
    """FORMATS.md: three lines per 経営課題, the settled amount of the year before last and
    two years' budgets; none of them is a 戦略 statement."""
    block = "（28年度決算額 1百万円）\n（29年度予算額 ２，５００千円）\n（30年度予算額 2百万円）"
    t = rows(issue_with(block))
    got = [(r.issue_no, r.total_no, r.fiscal_year, r.basis, r.amount_yen, r.amount_raw, r.compared)
           for r in t["budget_totals"]]
    assert got == [(1, 1, 2016, "settled", 1_000_000, "1百万円", False),
                   (1, 2, 2017, "initial", 2_500_000, "2,500千円", False),
                   (1, 3, 2018, "initial", 2_000_000, "2百万円", True)]
    assert t["issues"][0].budget_total_yen == 2_000_000
    assert [s.text for s in t.get("statements", []) if "年度" in s.text] == []
    assert warnings(t, "budget_total_mismatch") == [] and warnings(t, "unplaced_line") == []


def test_a_settled_amount_of_the_plan_year_is_not_its_budget():
    t = rows(issue_with("（30年度決算見込額 9,999千円）"))
    assert t["issues"][0].budget_total_yen is None
    assert [(r.basis, r.fiscal_year, r.compared) for r in t["budget_totals"]] == [("settled", 2018, False)]
    assert warnings(t, "budget_total_mismatch") == []


def test_the_ward_total_is_a_row_without_an_issue():
    plan = "◆計画\n区の目標（何をめざすのか）\nめざす姿\n予算額合計 2,000千円\n\n"
    t = rows(issue_with("").replace("経営課題 1 まちづくり", plan + "経営課題 1 まちづくり"))
    assert [(r.issue_no, r.fiscal_year, r.amount_yen, r.compared) for r in t["budget_totals"]] == [
        (None, 2018, 2_000_000, True)]


def test_a_named_year_is_not_compared_when_the_plan_year_is_unknown():
    # no 年度 on the cover: (28年度予算額 …) cannot be shown to be this plan's
    t = rows(issue_with("（28年度予算額 9,999千円）").replace("平成 30 年度\n", "", 1))
    assert t["documents"][0].fiscal_year is None
    assert t["issues"][0].budget_total_yen is None
    assert warnings(t, "budget_total_mismatch") == []


def test_two_different_totals_for_the_plan_year_are_reported_not_chosen():
    t = rows(issue_with("（30年度予算額 2,000千円）\n（30年度予算額 3,000千円）"))
    assert t["issues"][0].budget_total_yen is None
    assert len(warnings(t, "ambiguous_budget_total")) == 1


def test_unreadable_total_is_a_warning():
    t = rows(issue_with("（30年度予算額 2,0千円）"))
    assert t["issues"][0].budget_total_yen is None
    assert warnings(t, "unreadable_budget_total") == ["経営課題1 まちづくり: (30年度予算額2,0千円)"]


def test_ward_total_in_the_plan_block_is_checked_against_all_projects():
    plan = "◆計画\n区の目標（何をめざすのか）\nめざす姿\n予算額合計 2,100千円\n\n"
    t = rows(issue_with("").replace("経営課題 1 まちづくり", plan + "経営課題 1 まちづくり"))
    (document,) = t["documents"]
    assert document.budget_total_yen == 2_100_000
    assert warnings(t, "budget_total_mismatch") == [
        "ward total: printed total ¥2,100,000 (予算額合計2,100千円) ≠ sum of 2 事業 budgets ¥2,000,000"]
    assert document.vision == "めざす姿"


def test_patterns_on_their_examples():
    assert ISSUE_BUDGET_TOTAL.fullmatch(Line("（7年度予算額 12百万円）", None).text)
    assert not ISSUE_BUDGET_TOTAL.fullmatch(Line("【予算額 11,686千円】", None).text)  # a 事業's bracket
    assert BUDGET_SUM_LINE.match(Line("【30年度予算総額 64,737千円】", None).text)
    assert BUDGET_SUM_LINE.match(Line("予算額合計 64,737千円", None).text)


def test_agreement_is_at_the_printed_precision():
    assert totals_agree(parse_budget_total("(7年度予算額12百万円)"), 12_345_000)
    assert not totals_agree(parse_budget_total("(7年度予算額12百万円)"), 12_600_000)
    assert not totals_agree(parse_budget_total("(予算額12,346千円)"), 12_345_000)
    assert parse_budget_total("(予算額1.5百万円)").precision == 100_000
