"""What 平成29年度 港区運営方針 概要版 says, typed by hand from the document
(samples/minato_h29_gaiyo.pdf and its text twin), independent of any parser
output. Both renderings must give exactly these facts."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.convert import Converted, convert_file

SAMPLES = ["samples/minato_h29_gaiyo.pdf", "samples/minato_h29_gaiyo.txt"]

# (issue, measure, project): (title, budget_status, budget_yen) — 【予算額 …千円】
BUDGETS = {
    (1, 1, 1): ("コミュニティ育成支援", "amount", 11_686_000),
    (1, 1, 2): ("地域活動協議会による広報活動の支援", "none", None),  # 【予算額： ー千円】
    (1, 2, 1): ("地域活動協議会に対する財政的支援", "amount", 27_192_000),
    (1, 2, 2): ("地域活動協議会に対する運営支援", "amount", 16_780_000),
    (1, 2, 3): ("地域活動のコミュニティビジネス化等の支援", "none", None),  # 【予算額： 一 千円】
    (1, 2, 4): ("地域課題解決に向けての社会的ビジネスの促進", "amount", 7_486_000),  # 7, 486
    (1, 3, 1): ("多様な協働のための機会と場の提供", "amount", 453_000),
    (1, 3, 2): ("校庭等の芝生化", "amount", 1_140_000),  # 1, 140 千円
}

# (issue, measure, project, target): value, unit, comparator, cumulative, is_new,
#                                    baseline year, baseline value, baseline unit
TARGETS = {
    (1, 1, 1, 1): (30, "団体・個人", None, True, False, 2016, 74, "団体・個人"),
    (1, 1, 1, 2): (200, "人", None, False, False, 2016, 2700, "人"),
    (1, 1, 2, 1): (80, "%", ">=", False, False, 2016, 81.1, "%"),
    (1, 2, 1, 1): (11, "地域", None, False, False, 2016, 11, "地域"),
    (1, 2, 2, 1): (11, "地域", None, False, False, 2016, 11, "地域"),
    (1, 2, 3, 1): (8, "件", None, False, False, 2016, 16, "件"),
    (1, 2, 4, 1): (1, "地域", ">=", False, True, None, None, None),  # （新規）
    # three unmarked targets in one box, each closed by its baseline
    (1, 3, 1, 1): (25, "団体", None, False, False, 2016, None, None),  # 34企業・団体 455名: two numbers
    (1, 3, 1, 2): (3, "社", None, False, False, 2016, None, None),  # 26社・31名: two numbers
    (1, 3, 1, 3): (8, "社", None, False, False, 2016, 8, "社"),
    (1, 3, 2, 1): (50, "%", ">=", False, False, 2016, None, None),  # baseline is prose
}

TOC_MEASURES = {1: 3, 2: 4, 3: 5, 4: 2, 5: 4, 6: 4}  # 施策 per 経営課題 in the 目次


@pytest.fixture(scope="module", params=SAMPLES)
def rows(request):
    outcome = convert_file(Path(request.param))
    assert isinstance(outcome, Converted), outcome
    return outcome.rows


def test_document(rows):
    (doc,) = rows["documents"]
    assert (doc.municipality, doc.ward, doc.fiscal_year, doc.fiscal_year_label) == (
        "大阪市", "港区", 2017, "平成29年度")
    assert doc.published == "平成29年6月"
    assert doc.title == "港区運営方針 概要版"
    assert doc.vision == "いちばん住みたいまち、住んで誇りに思えるまち、港区の実現"
    assert doc.mission.startswith("豊かなコミュニティの形成") and doc.mission.endswith("区役所づくりを進める。")
    assert doc.policy.startswith("港区民のつながりの強さ") and doc.policy.endswith("重点的に取り組む。")


def test_every_issue_and_measure_the_toc_names(rows):
    assert [(i.issue_no, i.toc_page) for i in rows["issues"]] == [
        (1, 2), (2, 7), (3, 15), (4, 23), (5, 30), (6, 36)]
    assert rows["issues"][3].title == "「子どもの学び」と「子育て世代」を応援するまちづくり"
    per_issue = {}
    for m in rows["measures"]:
        per_issue[m.issue_no] = per_issue.get(m.issue_no, 0) + 1
    assert per_issue == TOC_MEASURES
    body = [(m.issue_no, m.measure_no, m.title) for m in rows["measures"] if m.issue_no == 1]
    assert body == [(1, 1, "豊かなコミュニティの促進"), (1, 2, "自律した地域運営の支援"),
                    (1, 3, "多様な主体の協働の推進")]


def test_toc_entries_missing_from_the_body_are_warnings(rows):
    missing = [w.text for w in rows["warnings"] if w.kind == "toc_entry_not_in_body"]
    assert len(missing) == 5 + 19  # 経営課題2-6 and their 施策: the seed holds pages 1-6 only
    assert {w.kind for w in rows["warnings"]} == {"toc_entry_not_in_body"}


# The facts of a conversion in the shape of the tables above (tests/test_templates.py reuses them)
def budget_facts(rows) -> dict:
    return {(p.issue_no, p.measure_no, p.project_no): (p.title, p.budget_status, p.budget_yen)
            for p in rows["projects"]}


def target_facts(rows) -> dict:
    return {(t.issue_no, t.measure_no, t.project_no, t.target_no): (
                t.value, t.unit, t.comparator, t.cumulative, t.is_new,
                t.baseline_fiscal_year, t.baseline_value, t.baseline_unit)
            for t in rows["targets"]}


def activity_facts(rows) -> list:
    return [(a.project_no, a.value, a.unit, a.comparator) for a in rows["activities"]]


def test_budgets(rows):
    assert budget_facts(rows) == BUDGETS
    assert sum(p.budget_yen or 0 for p in rows["projects"]) == 64_737_000


def test_targets(rows):
    assert target_facts(rows) == TARGETS


# ・ activity lines in document order: project, value, unit, comparator
ACTIVITIES = [
    (1, None, None, None), (1, 4, "回/年", ">="),  # 年4回以上
    (2, 2, "回", None),
    (1, 11, "地域", None),  # 全11地域
    (2, 2, "回/地域", None),
    (3, 2, "回", None),
    (1, None, None, None),  # 通年実施
    (1, 1, "回/年", ">="), (1, 2, "回/年", None),
    (2, 3, "回/年", ">="),  # 年 3 回以上
]


def test_activity_values(rows):
    assert activity_facts(rows) == ACTIVITIES


def test_statements(rows):
    kinds = [(s.measure_no, s.kind) for s in rows["statements"]]
    assert kinds.count((None, "challenge")) == 4
    assert (None, "strategy") in kinds and (None, "strategy_projects") in kinds
    assert [kinds.count((m, "policy")) for m in (1, 2, 3)] == [2, 2, 3]
