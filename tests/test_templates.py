"""The sample's content laid out in the other templates ward plans use (令和,
様式2; see ../shared/FORMATS.md) gives the same facts as the 概要版 sample:
the hand-typed fact tables of tests/test_sample_facts.py, record by record.
Only pages, the template and the kinds of targets and statements differ.

The fixtures are written by hand in the seed's text shape (form feeds between
pages): tests/fixtures/templates/*.txt; the PDFs are drawn from them at test
time by tests/pdf_factory.py (``render_fixture``: 令和 with a ruled two-column
目次 and an アウトカム指標 label cell; 様式2 with ruled label | value rows, each
value in the cell beside its label, not after it in reading order).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from extract import extract_document
from normalize import SourceInfo, to_rows
from pipeline.convert import Converted, convert_file

from tests.facts.sample import (
    ACTIVITIES, BUDGETS, TARGETS, TEMPLATE_STATEMENTS, TOC_MEASURES, activity_facts, budget_facts,
    target_facts,
)
from .test_structure import BASE

FIXTURES = Path(__file__).parent / "fixtures" / "templates"
# fixture → (template, the kind its 目標 label gives)
TEMPLATES = {
    "reiwa.txt": ("reiwa", "outcome"),
    "youshiki.txt": ("youshiki", "process"),
    "reiwa.pdf": ("reiwa", "outcome"),
    "youshiki.pdf": ("youshiki", "process"),
}


def _fixture_path(name: str, tmp_path_factory) -> Path:
    text = FIXTURES / name
    if text.suffix == ".txt":
        return text
    pytest.importorskip("reportlab", reason="reportlab (dev dependency) renders the fixtures")
    from tests.pdf_factory import fonts_available, render_fixture
    if not fonts_available():
        pytest.skip("IPAex fonts not installed (Debian package fonts-ipaexfont; "
                    "`make test` installs it where apt-get is available as root)")
    pdf = tmp_path_factory.mktemp("templates") / name
    source = text.with_suffix(".txt").read_text(encoding="utf-8")
    pdf.write_bytes(render_fixture(source, cells=text.stem == "youshiki"))
    return pdf


@pytest.fixture(scope="module", params=sorted(TEMPLATES))
def converted(request, tmp_path_factory):
    outcome = convert_file(_fixture_path(request.param, tmp_path_factory))
    assert isinstance(outcome, Converted), outcome
    return request.param, outcome.rows


@pytest.mark.parametrize("name", [name for name in sorted(TEMPLATES) if name.endswith(".pdf")])
def test_engines_give_the_same_tables_on_the_template_pdfs(name, tmp_path_factory):
    """--engine pdfium reads the drawn rules too: the same cells, the same tables."""
    from tests.test_engines import table_differences
    assert table_differences(_fixture_path(name, tmp_path_factory)) == ([], [])


def test_template_is_detected_and_recorded(converted):
    name, rows = converted
    (doc,) = rows["documents"]
    assert doc.template == TEMPLATES[name][0]
    assert not [w for w in rows["warnings"] if w.kind in ("ambiguous_template", "unknown_template")]


def test_same_issues_and_measures(converted):
    _, rows = converted
    assert [(i.issue_no, i.title, i.toc_page) for i in rows["issues"]][:2] == [
        (1, "区民主体のまちづくり", 2), (2, "安全・安心・快適なまちづくり", 7)]
    per_issue = {}
    for m in rows["measures"]:
        per_issue[m.issue_no] = per_issue.get(m.issue_no, 0) + 1
    assert per_issue == TOC_MEASURES
    assert [(m.measure_no, m.title) for m in rows["measures"] if m.issue_no == 1] == [
        (1, "豊かなコミュニティの促進"), (2, "自律した地域運営の支援"), (3, "多様な主体の協働の推進")]


def test_same_projects_and_budgets(converted):
    _, rows = converted
    assert budget_facts(rows) == BUDGETS
    assert {p.budget_fiscal_year for p in rows["projects"]} == {2017}  # (29年度予算額), 予算額(29年度)


def test_same_targets_with_their_kind(converted):
    name, rows = converted
    assert target_facts(rows) == TARGETS
    assert {t.indicator_kind for t in rows["targets"]} == {TEMPLATES[name][1]}


def test_same_activities(converted):
    _, rows = converted
    assert activity_facts(rows) == ACTIVITIES


def test_statements_keep_their_own_kinds(converted):
    name, rows = converted
    kinds = {}
    for s in rows["statements"]:
        kinds[s.measure_no, s.kind] = kinds.get((s.measure_no, s.kind), 0) + 1
    assert kinds == TEMPLATE_STATEMENTS[TEMPLATES[name][0]]


def test_only_the_toc_gaps_are_warned(converted):
    _, rows = converted
    assert {w.kind for w in rows["warnings"]} == {"toc_entry_not_in_body"}
    assert len(rows["warnings"]) == 5 + 19


def test_the_sample_is_a_gaiyo():
    outcome = convert_file(Path("samples/minato_h29_gaiyo.txt"))
    assert outcome.rows["documents"][0].template == "gaiyo"


# -- small documents -------------------------------------------------------------
def rows(text: str):
    doc = extract_document(Path("t.txt"), text.encode("utf-8"))
    return to_rows(doc, SourceInfo("d", "t.txt", "0" * 64, "txt", "test"))


def test_a_strategy_level_indicator_has_no_project():
    tables = rows(BASE.replace("1 地域の活性化", "戦略1-1 地域の活性化", 1)
                  .replace("1 地域の活性化\t", "戦略1-1 地域の活性化\t")
                  + "アウトカム指標\n・参加者の満足度：80%以上（29年度：75%）\n\n"
                  + "具体的取組1-1-1 見守り支援\n（30年度予算額）500千円\n")
    (target,) = tables["targets"]
    assert (target.measure_no, target.project_no, target.indicator_kind, target.value) == (1, None, "outcome", 80)
    (project,) = tables["projects"]
    assert (project.project_no, project.budget_yen, project.budget_fiscal_year) == (1, 500_000, 2018)


def test_a_document_of_an_unknown_template_says_so():
    text = ("平成 30 年度\n北区重点施策\n\f【重点施策1】地域の防災\n\n(1) 防災訓練の実施\n\n"
            "防災訓練を年2回行う。\n\n第2章 計画の概要\n")
    tables = rows(text)
    (doc,) = tables["documents"]
    assert doc.template == "unknown"
    (warning,) = [w.text for w in tables["warnings"] if w.kind == "unknown_template"]
    assert "【重点施策1】地域の防災" in warning and "第2章計画の概要" in warning


def test_two_templates_fitting_about_equally_are_warned():
    text = (BASE + "1) 見守り支援 【予算額 500千円】\n\n課題認識\n\nアウトカム指標\n")
    tables = rows(text)
    (warning,) = [w.text for w in tables["warnings"] if w.kind == "ambiguous_template"]
    assert "gaiyo" in warning and "reiwa" in warning


def test_a_banner_repeated_on_each_page_takes_no_line_with_it():
    text = (FIXTURES / "reiwa.txt").read_text(encoding="utf-8")
    # (on more than half the pages it would be a running header, dropped by the reader)
    text = text.replace("\f戦略1-2", "\f【経営課題1】\n戦略1-2")
    tables = rows(text)
    assert budget_facts(tables) == BUDGETS
    assert [w.kind for w in tables["warnings"]].count("repeated_heading") == 1


def test_sub_issues_are_the_measures_of_their_issue():
    """経営課題1-(1) title (FORMATS.md) is the level under 経営課題1 other years print as
    施策 1 or 戦略1-1: a measure (1, 1). One numbered under another 経営課題 is reported
    with its lines, not filed there (tests/fixtures/templates/subissues.txt)."""
    outcome = convert_file(FIXTURES / "subissues.txt")
    tables = outcome.rows
    assert [(i.issue_no, i.title, i.toc_page) for i in tables["issues"]] == [
        (1, "安全・安心なまちづくり", 2), (2, "子育て支援", 4)]
    assert [(m.issue_no, m.measure_no, m.title, m.toc_page) for m in tables["measures"]] == [
        (1, 1, "地域防災", 2), (1, 2, "防犯対策", 3)]
    assert budget_facts(tables) == {(1, 1, 1): ("防災訓練の実施", "amount", 500_000),
                                    (1, 2, 1): ("防犯カメラの設置", "amount", 1_200_000),
                                    (1, 2, 2): ("青色防犯パトロール", "amount", 300_000)}
    assert [(t.measure_no, t.project_no, t.value, t.unit, t.baseline_value)
            for t in tables["targets"]] == [(1, 1, 200, "人", 150), (2, 1, 10, "台", 6)]
    assert [(s.issue_no, s.measure_no, s.kind) for s in tables["statements"]] == [(1, 1, "policy")]
    unplaced = [w.text for w in tables["warnings"] if w.kind == "unplaced_line"]
    assert len(unplaced) == 2
    assert "経営課題1-(3) under 経営課題2" in unplaced[0] and "交通安全教室" in unplaced[1]
