"""Both renderings of 平成29年度 港区運営方針 概要版 (samples/minato_h29_gaiyo.pdf and
its text twin) give exactly the facts typed by hand from the document
(tests/facts/sample.py), independent of any parser output."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.convert import Converted, convert_file
from tests.facts.sample import (
    ACTIVITIES, BUDGETS, TARGETS, TOC_MEASURES, activity_facts, budget_facts, target_facts,
)

SAMPLES = ["samples/minato_h29_gaiyo.pdf", "samples/minato_h29_gaiyo.txt"]


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


def test_budgets(rows):
    assert budget_facts(rows) == BUDGETS
    assert sum(p.budget_yen or 0 for p in rows["projects"]) == 64_737_000


def test_targets(rows):
    assert target_facts(rows) == TARGETS


def test_activity_values(rows):
    assert activity_facts(rows) == ACTIVITIES


def test_statements(rows):
    kinds = [(s.measure_no, s.kind) for s in rows["statements"]]
    assert kinds.count((None, "challenge")) == 4
    assert (None, "strategy") in kinds and (None, "strategy_projects") in kinds
    assert [kinds.count((m, "policy")) for m in (1, 2, 3)] == [2, 2, 3]
