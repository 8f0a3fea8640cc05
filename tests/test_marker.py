"""Markers for new or expanded work on 事業 and 施策 titles: (新) (拡) ≪新規≫ …
→ the marker column; the title keeps them as printed."""
from pathlib import Path

import pytest

from extract import extract_document
from rules.text import normalize_text
from normalize import SourceInfo, to_rows
from extract.headings import without_markers
from rules.headings import PROJECT
from rules.markers import LEADING_MARKER, TRAILING_MARKER
from normalize.marker import title_marker

from .test_structure import BASE


def rows(text: str):
    doc = extract_document(Path("t.txt"), text.encode("utf-8"))
    return to_rows(doc, SourceInfo("d", "t.txt", "0" * 64, "txt", "test"))


@pytest.mark.parametrize("printed, word", [
    ("(新)地域防災リーダーの育成", "新"), ("（新）地域防災リーダーの育成", "新"),
    ("（拡）見守り支援", "拡"), ("【新規】見守り支援", "新規"), ("≪拡充≫見守り支援", "拡充"),
])
def test_leading_marker_pattern(printed, word):
    assert LEADING_MARKER.search(normalize_text(printed)).group("word") == word


@pytest.mark.parametrize("printed, word", [
    ("子育て支援事業≪新規≫", "新規"), ("子育て支援事業（新）", "新"), ("見守り支援【拡充】", "拡充"),
    ("見守り支援《拡》", "拡"),
])
def test_trailing_marker_pattern(printed, word):
    assert TRAILING_MARKER.search(normalize_text(printed)).group("word") == word


@pytest.mark.parametrize("title, marker", [
    ("(新)地域防災リーダーの育成", "new"),
    ("子育て支援事業≪新規≫", "new"),
    ("（拡）見守り支援", "expanded"),
    ("【拡充】見守り支援", "expanded"),
    ("(新規)見守り支援(新)", "new"),        # marked twice, the same way
    ("(新)見守り支援(拡)", None),            # marked both ways: not guessed
    ("見守り(新)支援", None),               # inside the title: part of its name
    ("(仮称)新拠点の整備", None),
    ("新たな担い手の育成", None),
    ("見守り支援(拡大)", None),              # not a marker word
    ("コミュニティ育成支援", None),
])
def test_title_marker(title, marker):
    assert title_marker(normalize_text(title)) == marker


def test_marked_project_and_measure_titles_fill_the_column_and_keep_the_marker():
    toc_and_issue, _, _ = BASE.rpartition("1 地域の活性化\n")  # the body's heading, not the 目次's
    text = toc_and_issue + "1 （拡）地域の活性化\n\n" + (
        "1) 見守り支援 【予算額 1,234千円】\n\n"
        "2) (新)地域防災リーダーの育成 【予算額 1,200千円】\n\n"
        "3) 子育て支援事業≪新規≫\n【予算額 500千円】\n\n"
        "目 標 参加者数：100人（新規）\n")
    tables = rows(text)
    (measure,) = tables["measures"]
    assert (measure.title, measure.marker) == ("(拡)地域の活性化", "expanded")
    assert [(p.title, p.marker, p.budget_yen) for p in tables["projects"]] == [
        ("見守り支援", None, 1_234_000),
        ("(新)地域防災リーダーの育成", "new", 1_200_000),
        ("子育て支援事業≪新規≫", "new", 500_000),
    ]
    (target,) = tables["targets"]
    assert target.is_new  # the 目標's (新規) is the target's, not a project marker


def test_a_new_target_does_not_mark_its_project():
    tables = rows(BASE + "1) 見守り支援 【予算額 1千円】\n\n目 標 訪問回数：年2回以上（新規）\n")
    (project,) = tables["projects"]
    assert project.marker is None
    assert tables["targets"][0].is_new


@pytest.mark.parametrize("printed, marker, no, title", [
    ("(新) 2) 地域防災リーダーの育成", "(新) ", "2", "地域防災リーダーの育成"),
    ("≪新規≫ (3) 子育て支援", "≪新規≫ ", "3", "子育て支援"),
    ("2) (新)地域防災リーダーの育成", None, "2", "(新)地域防災リーダーの育成"),
])
def test_project_pattern_takes_a_marker_before_the_number(printed, marker, no, title):
    m = PROJECT.match(normalize_text(printed) if marker is None else printed)
    assert (m.group("marker"), m.group("no"), m.group("title")) == (marker, no, title)


def test_a_marker_after_the_budget_marks_the_project_and_the_budget_is_read():
    tables = rows(BASE + "1) 子育て支援事業 【予算額 1,000千円】≪新規≫\n")
    assert [(p.title, p.marker, p.budget_yen) for p in tables["projects"]] == [
        ("子育て支援事業≪新規≫", "new", 1_000_000)]


def test_a_marker_before_the_number_marks_the_project_and_stays_in_its_title():
    tables = rows(BASE + "1) 見守り支援 【予算額 1,234千円】\n\n"
                         "（新） 2) 地域防災リーダーの育成 【予算額 1,200千円】\n")
    assert [(p.project_no, p.title, p.marker, p.budget_yen) for p in tables["projects"]] == [
        (1, "見守り支援", None, 1_234_000), (2, "(新)地域防災リーダーの育成", "new", 1_200_000)]


def test_the_toc_and_the_body_may_mark_a_title_differently():
    toc_and_issue, _, _ = BASE.rpartition("1 地域の活性化\n")  # the 目次 says 地域の活性化
    tables = rows(toc_and_issue + "1 （拡）地域の活性化\n\n1) 見守り支援 【予算額 1千円】\n")
    assert tables["measures"][0].marker == "expanded"
    assert not [w for w in tables.get("warnings", []) if w.kind == "toc_title_mismatch"]


def test_without_markers():
    assert without_markers("(拡)地域の活性化") == without_markers("地域の活性化≪新規≫") == "地域の活性化"
    assert without_markers("見守り(新)支援") == "見守り(新)支援"  # inside: part of the name
