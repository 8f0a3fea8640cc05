"""``hoshin diff``, ``hoshin expect`` and ``hoshin check``: real edits of the
sample text, converted and compared, and the exit codes (0 equal, 1
different, 2 bad input)."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest
import yaml

from pipeline.cli import main
from pipeline.diff import Conversion, Source, compare, compare_rows
from pipeline.pinned import check
from tests.golden import SAMPLES

TEXT = SAMPLES / "minato_h29_gaiyo.txt"
PDF = SAMPLES / "minato_h29_gaiyo.pdf"
BUDGET = "【予算額 11,686千円】"  # 事業1) コミュニティ育成支援, page 3 of the sample
TARGET_1_2_4 = "目 標 新たに社会的ビジネスを活用して地域課題の解決に向けて取組む地域：1地域以上（新規）\n"
ADDED_TARGET = "社会的ビジネスの説明会に参加した団体：10団体以上（28年度：6団体）\n"


EDITED_BUDGET = [
    "minato_h29_gaiyo.txt (file changed)",
    "  projects: 1 changed",
    "    ~ issue_no 1 · measure_no 1 · project_no 1  コミュニティ育成支援",
    "        budget_yen: 11,686,000 → 12,000,000",
    "        budget_raw: 【予算額 11,686千円】 → 【予算額 12,000千円】",
    "1 document(s) differ: 1 changed",
]


def edited(folder: Path, name: str, old: str, new: str) -> Path:
    """A copy of the sample text with one passage replaced."""
    text = TEXT.read_text(encoding="utf-8")
    assert text.count(old) == 1
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def converted(out: Path, *inputs: Path) -> Path:
    assert main(["convert", *map(str, inputs), "--out", str(out), "--quiet"]) == 0
    return out


def diff(capsys, *args: str) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["diff", *args])
    return code, capsys.readouterr().out


@pytest.fixture(scope="module")
def sample_out(tmp_path_factory):
    """The sample text, copied into a folder of its own and converted."""
    folder = tmp_path_factory.mktemp("plans")
    shutil.copy(TEXT, folder / TEXT.name)
    return converted(tmp_path_factory.mktemp("out") / "old", folder)


def test_one_edited_budget_is_that_project_and_nothing_else(sample_out, tmp_path, capsys):
    """The issue's acceptance scenario: 11,686千円 → 12,000千円 in the text,
    reconverted; the budget as printed changes with it, and nothing else does."""
    plan = edited(tmp_path / "plans", TEXT.name, "11,686千円", "12,000千円")
    new = converted(tmp_path / "new", plan)
    code, out = diff(capsys, str(sample_out), str(new))
    assert code == 1
    assert out.splitlines() == EDITED_BUDGET


def test_the_readme_shows_that_diff():
    readme = (SAMPLES.parent / "README.md").read_text(encoding="utf-8")
    assert "\n".join(["$ hoshin diff out-before out-after", *EDITED_BUDGET]) in readme


def test_a_folder_against_itself_is_no_differences(sample_out, capsys):
    assert diff(capsys, str(sample_out), str(sample_out)) == (0, "no differences\n")


def test_an_added_target_is_one_added_row(sample_out, tmp_path, capsys):
    plan = edited(tmp_path / "plans", TEXT.name, TARGET_1_2_4, TARGET_1_2_4 + ADDED_TARGET)
    code, out = diff(capsys, "--format", "json", str(sample_out), str(converted(tmp_path / "new", plan)))
    assert code == 1
    result = json.loads(out)
    (document,) = result["documents"]
    assert document["status"] == "changed" and document["old"] == document["new"] == TEXT.name
    (targets,) = document["tables"]
    assert targets["table"] == "targets" and not targets["removed"] and not targets["changed"]
    (row,) = targets["added"]
    assert (row["issue_no"], row["measure_no"], row["project_no"], row["target_no"]) == (1, 2, 4, 2)
    assert (row["value"], row["unit"], row["comparator"], row["baseline_value"]) == (10, "団体", ">=", 6)


def test_a_removed_file_is_a_removed_document(tmp_path, capsys):
    both = tmp_path / "both"
    both.mkdir()
    for sample in (TEXT, PDF):
        shutil.copy(sample, both / sample.name)
    old = converted(tmp_path / "old", both)
    (both / PDF.name).unlink()
    new = converted(tmp_path / "new", both)
    code, out = diff(capsys, str(old), str(new))
    assert code == 1
    assert out.splitlines()[0].startswith("minato_h29_gaiyo.pdf: removed (rows: documents 1, issues 6, "
                                          "measures 22, projects 8, targets 11")
    assert out.splitlines()[-1] == "1 document(s) differ: 1 removed"


def test_a_renamed_file_with_the_same_bytes_is_no_change(sample_out, tmp_path, capsys):
    (tmp_path / "plans").mkdir()
    shutil.copy(TEXT, tmp_path / "plans" / "港区_H29.txt")
    code, out = diff(capsys, str(sample_out), str(converted(tmp_path / "new", tmp_path / "plans")))
    assert code == 0
    assert out == "no differences (1 file(s) renamed, same bytes: minato_h29_gaiyo.txt → 港区_H29.txt)\n"


def test_the_markdown_comment_tabulates_each_changed_field(sample_out, tmp_path, capsys):
    plan = edited(tmp_path / "plans", TEXT.name, "11,686千円", "12,000千円")
    code, out = diff(capsys, "--format", "markdown", str(sample_out), str(converted(tmp_path / "new", plan)))
    assert code == 1
    assert ("| issue_no 1 · measure_no 1 · project_no 1  コミュニティ育成支援 | budget_yen | "
            "11,686,000 | 12,000,000 |") in out.splitlines()


def test_a_folder_that_is_no_output_is_bad_input(sample_out, tmp_path, capsys):
    (tmp_path / "plans").mkdir()
    for folder, reason in ((tmp_path / "plans", "not a hoshin output folder"),
                           (tmp_path / "nowhere", "no such folder")):
        capsys.readouterr()
        assert main(["diff", str(sample_out), str(folder)]) == 2
        err = capsys.readouterr().err
        assert err.startswith(f"error: {folder}: {reason}") and err.count("\n") == 1


def test_a_column_only_one_version_writes_is_reported_not_a_crash(sample_out, tmp_path, capsys):
    """An output of an older hoshin, simulated by dropping a column from every
    documents file: the column is named once, the rows compare on the rest."""
    old = tmp_path / "older"
    shutil.copytree(sample_out, old)
    for f in (old / "documents").glob("*.parquet"):
        pq.write_table(pq.read_table(f).drop_columns(["published"]), f)
    code, out = diff(capsys, str(old), str(sample_out))
    assert code == 1
    assert out.splitlines() == ["column documents.published only in NEW",
                                "1 schema difference(s)"]


# -- the comparison on plain records ----------------------------------------------

def side(rows: dict[str, list[dict]], name: str = "plan.pdf", sha: str = "aa") -> Conversion:
    columns = {t: tuple(dict.fromkeys(c for r in rs for c in r)) for t, rs in rows.items()}
    return Conversion([Source(name, sha, rows)], columns)


def project(no: int | None, budget: int, bbox: list[float], doc_id: str = "aa") -> dict:
    return {"doc_id": doc_id, "issue_no": 1, "measure_no": 1, "project_no": no, "title": f"事業{no}",
            "budget_yen": budget, "bbox": bbox, "parser_version": "0.1.0"}


def test_rows_pair_by_natural_key_not_by_order_or_doc_id():
    old = [project(1, 100, [0, 0, 10, 10]), project(2, 200, [0, 20, 10, 30])]
    new = [project(2, 200, [0, 20, 10, 30], "bb"), project(1, 150, [0, 0, 10, 10], "bb")]
    found = compare_rows("projects", old, new, None, 1.0)
    assert not found.added and not found.removed
    (change,) = found.changed
    assert change.key == {"issue_no": 1, "measure_no": 1, "project_no": 1}
    assert [(f.column, f.old, f.new) for f in change.fields] == [("budget_yen", 100, 150)]


def test_boxes_compare_within_the_tolerance():
    old, new = [project(1, 100, [0, 0, 10, 10])], [project(1, 100, [0.6, 0, 10, 9.4])]
    assert not compare_rows("projects", old, new, None, 1.0).changed
    (change,) = compare_rows("projects", old, new, None, 0.5).changed
    assert [f.column for f in change.fields] == ["bbox"]


def test_rows_with_a_null_key_pair_in_order():
    old = [project(None, 100, None), project(None, 200, None)]
    new = [project(None, 100, None), project(None, 250, None), project(None, 300, None)]
    found = compare_rows("projects", old, new, None, 1.0)
    assert [r["budget_yen"] for r in found.added] == [300] and not found.removed
    assert [(f.old, f.new) for c in found.changed for f in c.fields] == [(200, 250)]


def test_a_warning_that_moved_page_is_changed_not_replaced():
    old = [{"doc_id": "aa", "kind": "unplaced_line", "text": "x", "page": 3}]
    new = [{"doc_id": "aa", "kind": "unplaced_line", "text": "x", "page": 4}]
    (change,) = compare_rows("warnings", old, new, None, 1.0).changed
    assert change.key == {"kind": "unplaced_line", "text": "x"}


def test_documents_of_the_same_name_pair_by_their_folders():
    """2017/plan.pdf and 2018/plan.pdf: each pairs with its own year."""
    def conversion(budgets: dict[str, int]) -> Conversion:
        return Conversion([Source(f"{year}/plan.pdf", f"{year}-{b}", {"projects": [project(1, b, None)]})
                           for year, b in budgets.items()], {"projects": None})
    result = compare(conversion({"2017": 100, "2018": 200}), conversion({"2018": 200, "2017": 150}))
    (document,) = result.documents
    assert document.old == document.new == "2017/plan.pdf"


def test_a_table_only_one_side_has_is_a_schema_difference():
    old = side({"projects": [project(1, 100, None)]})
    new = side({"projects": [project(1, 100, None)], "budget_lines": [{"doc_id": "aa", "row_no": 1}]})
    result = compare(old, new)
    assert [(c.table, c.column, c.only_in) for c in result.schema] == [("budget_lines", None, "new")]
    assert not result.documents and not result.equal


# -- pinned expectations ---------------------------------------------------------

@pytest.fixture
def pinned(tmp_path, capsys):
    plans = tmp_path / "plans"
    plans.mkdir()
    shutil.copy(TEXT, plans / TEXT.name)
    assert main(["expect", str(plans), "--expected", str(tmp_path / "expected")]) == 0
    capsys.readouterr()
    return plans, tmp_path / "expected"


def test_check_passes_right_after_expect(pinned, capsys):
    plans, expected = pinned
    assert main(["check", str(plans), "--expected", str(expected)]) == 0
    assert capsys.readouterr().out == "no differences\n"


def test_the_expectation_is_readable_yaml(pinned):
    text = (pinned[1] / f"{TEXT.name}.yaml").read_text(encoding="utf-8")
    assert "title: コミュニティ育成支援" in text and "budget_raw: 【予算額 11,686千円】" in text
    assert "bbox" not in text and "raw_text" not in text and "parser_version" not in text


def test_a_value_the_parser_now_reads_differently_fails_the_check(pinned, capsys):
    """As after a parser change: the pinned budget of 事業1-1-1 no longer matches."""
    plans, expected = pinned
    path = expected / f"{TEXT.name}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    (row,) = [p for p in data["projects"] if (p["measure_no"], p["project_no"]) == (1, 1)]
    row["budget_yen"] = 11_868_000
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert main(["check", str(plans), "--expected", str(expected)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "minato_h29_gaiyo.txt",
        "  projects: 1 changed",
        "    ~ issue_no 1 · measure_no 1 · project_no 1  コミュニティ育成支援",
        "        budget_yen: 11,868,000 → 11,686,000",
        "1 document(s) differ: 1 changed",
    ]


def test_a_file_without_expectation_and_an_expectation_without_file_differ(pinned, tmp_path):
    plans, expected = pinned
    (plans / TEXT.name).rename(plans / "renamed_and_edited.txt")
    (plans / "renamed_and_edited.txt").write_text(BUDGET, encoding="utf-8")
    result = check([plans / "renamed_and_edited.txt"], expected)
    assert sorted(d.status for d in result.documents) == ["added", "removed"]


def test_check_without_an_expectations_folder_or_files_is_bad_input(tmp_path, capsys):
    assert main(["check", str(TEXT), "--expected", str(tmp_path / "none")]) == 2
    assert "hoshin expect" in capsys.readouterr().err
    (tmp_path / "empty").mkdir()
    for command in ("expect", "check"):
        assert main([command, str(tmp_path / "empty"), "--expected", str(tmp_path)]) == 2
        assert capsys.readouterr().err == f"error: no .pdf or .txt file in {tmp_path / 'empty'}\n"


def test_an_edited_file_beside_a_copy_of_its_old_bytes_pairs_by_name():
    """plan.pdf edited, and its old bytes kept as copy.pdf: plan.pdf changed, copy.pdf added."""
    old = Conversion([Source("plan.pdf", "x", {"projects": [project(1, 100, None)]})], {"projects": None})
    new = Conversion([Source("plan.pdf", "y", {"projects": [project(1, 150, None)]}),
                      Source("copy.pdf", "x", {"projects": [project(1, 100, None)]})], {"projects": None})
    result = compare(old, new)
    assert [(d.old, d.new, d.status) for d in result.documents] == [
        (None, "copy.pdf", "added"), ("plan.pdf", "plan.pdf", "changed")]
    assert not result.renamed


def test_a_repeated_warning_that_appears_on_one_more_page_is_one_added_row():
    """Equal rows pair first: the new page-2 copy does not shift pages 3 and 4."""
    def warnings(*pages: int) -> list[dict]:
        return [{"doc_id": "aa", "kind": "unplaced_line", "text": "参事補参事", "page": p} for p in pages]
    found = compare_rows("warnings", warnings(3, 4), warnings(2, 3, 4), None, 1.0)
    assert [r["page"] for r in found.added] == [2] and not found.removed and not found.changed
