"""Batch behaviour: parallel = serial, incremental re-runs, changed files, errors, progress."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from pipeline import manifest
from pipeline.batch import BatchOptions, run_batch
from pipeline.cli import main
from pipeline.output import OutputFolder
from tests.batch_helpers import distinct_copies, document_files, manifest_lines, snapshot


def test_jobs_2_writes_exactly_what_jobs_1_writes(tmp_path):
    inputs = [Path("samples"), *distinct_copies(tmp_path / "in", 3)]
    serial, parallel = tmp_path / "serial", tmp_path / "parallel"
    run_batch(inputs, serial, BatchOptions(jobs=1))
    run_batch(inputs, parallel, BatchOptions(jobs=2))
    assert snapshot(serial)["documents/files"].__len__() == 5
    assert snapshot(serial) == snapshot(parallel)
    order = lambda out: [(e["source"], e["doc_id"]) for e in manifest_lines(out)]
    assert order(serial) == order(parallel)


def test_rerun_skips_unchanged_files_and_force_reconverts(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["convert", "samples", "--out", str(out), "--jobs", "1"]) == 0
    first = manifest_lines(out)
    assert [e["status"] for e in first] == ["ok", "ok"] and first[0]["pages"] == 7
    assert {e["parser_version"] for e in first} == {__import__("pipeline").__version__}
    capsys.readouterr()
    assert main(["convert", "samples", "--out", str(out), "--jobs", "1"]) == 0
    assert "converted 0 document(s), 0 error(s), 2 unchanged (skipped)" in capsys.readouterr().out
    assert manifest_lines(out) == first  # nothing re-committed
    assert main(["convert", "samples", "--out", str(out), "--force", "--jobs", "1"]) == 0
    assert capsys.readouterr().out.startswith("converted 2 document(s), 0 error(s) →")
    assert len(pd.read_parquet(out / "targets")) == 22  # 11 per rendering, not duplicated


def test_changed_file_at_same_path_replaces_its_rows(tmp_path):
    source = tmp_path / "in" / "plan.txt"
    source.parent.mkdir()
    text = Path("samples/minato_h29_gaiyo.txt").read_text(encoding="utf-8")
    assert "7, 486千円" in text  # the 事業 budget this test edits
    source.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    run_batch([source], out, BatchOptions(jobs=1))
    old_id = manifest_lines(out)[0]["doc_id"]

    source.write_text(text.replace("7, 486千円", "7, 999千円"), encoding="utf-8")
    result = run_batch([source], out, BatchOptions(jobs=1))
    assert len(result.converted) == 1 and not result.skipped
    new_id = manifest_lines(out)[-1]["doc_id"]
    assert new_id != old_id
    for table in ("documents", "projects", "targets", "warnings"):
        assert not (out / table / f"{old_id}.parquet").exists()
    projects = pd.read_parquet(out / "projects")
    assert set(projects["doc_id"]) == {new_id} and len(projects) == 8
    assert 7_999_000 in set(projects["budget_yen"]) and 7_486_000 not in set(projects["budget_yen"])
    assert len(pd.read_parquet(out / "documents")) == 1


def test_a_renamed_or_deleted_file_in_an_input_folder_loses_its_rows(tmp_path, capsys):
    """Else a renamed plan counts twice in every budget total."""
    folder = tmp_path / "in"
    folder.mkdir()
    text = Path("samples/minato_h29_gaiyo.txt").read_text(encoding="utf-8")
    (folder / "a.txt").write_text(text, encoding="utf-8")
    (folder / "keep.txt").write_text(text.replace("7, 486千円", "7, 999千円"), encoding="utf-8")
    out = tmp_path / "out"
    run_batch([folder], out, BatchOptions(jobs=1))
    (folder / "a.txt").rename(folder / "b.txt")
    (folder / "b.txt").write_text(text.replace("453千円", "454千円"), encoding="utf-8")

    assert main(["convert", str(folder), "--out", str(out), "--jobs", "1"]) == 0
    summary = capsys.readouterr().out
    assert "1 unchanged (skipped), 1 removed (source gone)" in summary
    assert f"removed the rows of {(folder / 'a.txt').resolve()}" in summary
    docs = pd.read_parquet(out / "documents")
    assert sorted(Path(p).name for p in docs["source_path"]) == ["b.txt", "keep.txt"]
    assert pd.read_parquet(out / "projects")["budget_yen"].sum() == 2 * 64_737_000 + 513_000 + 1_000
    assert {e.source for e in manifest.load(out).values()} == {
        str((folder / n).resolve()) for n in ("b.txt", "keep.txt")}
    # a file given by name is not "gone" because another folder is walked
    run_batch([folder / "b.txt"], out, BatchOptions(jobs=1))
    assert len(pd.read_parquet(out / "documents")) == 2


def test_same_bytes_at_two_paths_keep_their_rows_when_one_changes(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    shutil.copy("samples/minato_h29_gaiyo.txt", a)
    shutil.copy("samples/minato_h29_gaiyo.txt", b)
    out = tmp_path / "out"
    run_batch([a, b], out, BatchOptions(jobs=1))
    shared_id = manifest_lines(out)[0]["doc_id"]
    a.write_text(a.read_text(encoding="utf-8") + "\n追記\n", encoding="utf-8")
    run_batch([a], out, BatchOptions(jobs=1))
    assert (out / "documents" / f"{shared_id}.parquet").exists()  # b still has these bytes
    assert len(pd.read_parquet(out / "documents")) == 2


def test_a_fixed_file_loses_its_error_row_and_a_broken_one_loses_its_old_rows(tmp_path):
    source = tmp_path / "plan.pdf"
    source.write_bytes(b"<html>404 Not Found</html>")
    out = tmp_path / "out"
    assert len(run_batch([source], out, BatchOptions(jobs=1)).errors) == 1
    errors = pd.read_parquet(out / "errors")
    assert list(errors["kind"]) == ["html_not_pdf"] and list(errors["stage"]) == ["extract"]
    entry = manifest_lines(out)[-1]
    assert entry["status"] == "error" and entry["error_kind"] == "html_not_pdf"
    assert entry["sha256"] == __import__("hashlib").sha256(source.read_bytes()).hexdigest()

    shutil.copy("samples/minato_h29_gaiyo.pdf", source)
    assert not run_batch([source], out, BatchOptions(jobs=1)).errors
    assert pd.read_parquet(out / "errors").empty
    assert len(pd.read_parquet(out / "projects")) == 8

    source.write_bytes(b"")  # the file is truncated to nothing: its old rows must go
    assert run_batch([source], out, BatchOptions(jobs=1)).errors[0].kind == "empty_file"
    assert document_files(out / "projects") == []
    assert list(pd.read_parquet(out / "errors")["kind"]) == ["empty_file"]


@pytest.mark.parametrize("kind, keeps", [
    ("worker_crashed", True), ("internal_error", True), ("damaged_pdf", False)])
def test_only_an_error_about_the_bytes_replaces_a_documents_rows(tmp_path, kind, keeps):
    """A worker that died or a parser bug is no verdict on the file: its good rows stay."""
    from pipeline.convert import Outcome
    from schemas.tables import ErrorRow
    source = tmp_path / "plan.txt"
    shutil.copy("samples/minato_h29_gaiyo.txt", source)
    out = tmp_path / "out"
    run_batch([source], out, BatchOptions(jobs=1))
    with OutputFolder(out, "pdfplumber") as folder:
        folder.commit(Outcome(source, None, None, error=ErrorRow(
            str(source), "extract", kind, f"{source}: {kind}", None)))
    assert list(pd.read_parquet(out / "errors")["kind"]) == [kind]
    assert len(pd.read_parquet(out / "projects")) == (8 if keeps else 0)
    assert manifest_lines(out)[-1]["status"] == ("ok" if keeps else "error")


def test_one_bad_document_in_a_parallel_batch(tmp_path, capsys):
    bad = tmp_path / "in" / "b_broken.pdf"
    bad.parent.mkdir()
    bad.write_bytes(b"%PDF-1.4 no objects")
    for name in ("a_good.pdf", "c_good.pdf"):
        shutil.copy("samples/minato_h29_gaiyo.pdf", tmp_path / "in" / name)
    out = tmp_path / "out"
    assert main(["convert", str(tmp_path / "in"), "--out", str(out), "--jobs", "2"]) == 1
    err = capsys.readouterr().err
    assert f"error: {bad}: truncated PDF" in err
    assert [e["status"] for e in manifest_lines(out)] == ["ok", "error", "ok"]
    assert list(pd.read_parquet(out / "errors")["source_path"]) == [str(bad)]


def test_progress_lines_when_not_a_terminal_and_quiet_silences_them(tmp_path, capsys):
    out = tmp_path / "out"
    main(["convert", "samples", "--out", str(out), "--jobs", "1"])
    err = capsys.readouterr().err.splitlines()
    assert err == ["[1/2] converted samples/minato_h29_gaiyo.pdf (7 pages)",
                   "[2/2] converted samples/minato_h29_gaiyo.txt"]
    main(["convert", "samples", "--out", str(out), "--jobs", "1", "--force", "--quiet"])
    captured = capsys.readouterr()
    assert captured.err == "" and captured.out.count("\n") == 1


def test_reconcile_removes_what_the_manifest_does_not_account_for(tmp_path):
    out = tmp_path / "out"
    run_batch([Path("samples/minato_h29_gaiyo.txt")], out, BatchOptions(jobs=1))
    (doc_id,) = [e["doc_id"] for e in manifest_lines(out)]
    # What a killed run can leave: a staging file, an uncommitted document, a torn line.
    staging = out / "projects" / ".0123456789abcdef.parquet.tmp"
    staging.write_bytes(b"half a parquet file")
    orphan = out / "projects" / "0123456789abcdef.parquet"
    shutil.copy(out / "projects" / f"{doc_id}.parquet", orphan)
    with open(out / "manifest.jsonl", "a") as f:
        f.write('{"source": "/x.pdf", "sha256": "ab')
    assert list(manifest.load(out)) == [str(Path("samples/minato_h29_gaiyo.txt").resolve())]
    OutputFolder(out, "pdfplumber").__exit__(None, None, None)
    assert not staging.exists() and not orphan.exists()
    assert (out / "projects" / f"{doc_id}.parquet").exists()
    assert len(manifest_lines(out)) == 1  # compacted, torn line gone


@pytest.mark.parametrize("culprit", [0, 2, 4])
def test_a_worker_that_dies_costs_one_error_row_not_the_batch(tmp_path, culprit):
    from pipeline.convert import ConvertOptions, worker_died
    from pipeline.executors import open_executor, ordered
    from tests.batch_helpers import convert_or_die

    paths = distinct_copies(tmp_path / "in", 5)
    crash = paths[culprit].rename(paths[culprit].with_name("crash.pdf"))
    paths[culprit] = crash
    with open_executor("local", 2) as pool:
        outcomes = list(ordered(pool, convert_or_die, paths, ConvertOptions(), window=4,
                                on_crash=worker_died))
    assert [o.path for o in outcomes] == paths
    kinds = [o.error.kind if o.error else "ok" for o in outcomes]
    assert kinds == ["worker_crashed" if i == culprit else "ok" for i in range(5)]
    assert outcomes[culprit].error.message == (
        f"{crash}: the converting process died (crash or out of memory)")


def test_progress_bar_on_a_terminal_counts_documents_and_pages():
    import io

    from pipeline.progress import Progress

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    screen = Terminal()
    progress = Progress(3, stream=screen)
    progress.skipped(1)
    progress.document("a.pdf", 7, "converted")
    progress.document("b.pdf", 5, "converted")
    progress.close()
    last = screen.getvalue().split("\r")[-1]
    assert last.startswith("[" + "#" * 24 + "] 2/2 docs · 12 pages · ")
    assert "pages/s · ETA 0s" in last and last.endswith("\x1b[K\n")


def test_a_second_run_into_the_same_folder_is_refused_while_one_runs(tmp_path, capsys):
    out = tmp_path / "out"
    with OutputFolder(out, "pdfplumber"):
        assert main(["convert", "samples", "--out", str(out), "--quiet"]) == 2
    assert capsys.readouterr().err == f"error: {out}: another hoshin run is writing to this folder\n"
    assert main(["convert", "samples", "--out", str(out), "--quiet", "--jobs", "1"]) == 0


def test_errors_reads_as_an_empty_table_after_a_clean_run(tmp_path):
    """An analyst's ``read_parquet(out/"errors")`` must not break exactly when all went well."""
    from dataclasses import fields

    from schemas.tables import ErrorRow
    columns = [f.name for f in fields(ErrorRow)]
    out = tmp_path / "out"
    run_batch([Path("samples/minato_h29_gaiyo.txt")], out, BatchOptions(jobs=1))
    errors = pd.read_parquet(out / "errors")
    assert errors.empty and list(errors.columns) == columns

    plan = tmp_path / "plan.pdf"
    plan.write_bytes(b"%PDF-1.4 no objects")
    assert len(run_batch([plan], out, BatchOptions(jobs=1)).errors) == 1
    assert list(pd.read_parquet(out / "errors")["kind"]) == ["truncated_pdf"]
    shutil.copy("samples/minato_h29_gaiyo.pdf", plan)  # fixed
    assert not run_batch([plan], out, BatchOptions(jobs=1)).errors
    errors = pd.read_parquet(out / "errors")
    assert errors.empty and list(errors.columns) == columns


def test_the_empty_errors_file_follows_the_schema(tmp_path):
    """A folder written before a column was added to ErrorRow gets the current columns."""
    import pyarrow as pa
    import pyarrow.parquet as pq
    out = tmp_path / "out"
    (out / "errors").mkdir(parents=True)
    pq.write_table(pa.table({"source_path": pa.array([], pa.string())}), out / "errors" / "empty.parquet")
    with OutputFolder(out, "pdfplumber"):
        pass
    assert list(pd.read_parquet(out / "errors").columns) == ["source_path", "stage", "kind", "message",
                                                             "doc_id"]


def _two_paths_one_document(tmp_path: Path, sample: str) -> tuple[Path, Path, Path, Path]:
    """in/a and in/b with the same bytes, converted into out: one document."""
    folder = tmp_path / "in"
    folder.mkdir()
    a, b = (folder / f"{name}{Path(sample).suffix}" for name in "ab")
    shutil.copy(sample, a)
    shutil.copy(sample, b)
    run_batch([folder], tmp_path / "out", BatchOptions(jobs=1))
    return folder, a, b, tmp_path / "out"


@pytest.mark.parametrize("change", ["changed", "deleted"])
def test_a_document_shared_by_two_paths_names_one_that_still_has_its_bytes(tmp_path, change):
    """Else the report draws the PDF at a path whose file is now another one (or none)."""
    folder, a, b, out = _two_paths_one_document(tmp_path, "samples/minato_h29_gaiyo.pdf")
    (named,) = pd.read_parquet(out / "documents")["source_path"]
    assert named == str(b)  # the last path converted with those bytes
    if change == "changed":
        b.write_bytes(b"%PDF-1.4 no objects")
    else:
        b.unlink()
    run_batch([folder], out, BatchOptions(jobs=1))
    documents = pd.read_parquet(out / "documents")
    assert list(documents["source_path"]) == [str(a.resolve())]
    assert list(documents["page_count"]) == [7]
    assert not [p.name for p in out.rglob(".*")]


def test_a_kill_right_after_a_shared_documents_source_is_gone_leaves_it_named_rightly(
        tmp_path, monkeypatch):
    """The row is rewritten before the commit that drops the named source: after it,
    nothing would ever rewrite it (the remaining source is unchanged, so skipped)."""
    class Killed(BaseException):
        pass

    folder, a, b, out = _two_paths_one_document(tmp_path, "samples/minato_h29_gaiyo.txt")
    b.unlink()
    real = manifest.Journal.commit

    def commit_then_die(self, entry):
        real(self, entry)
        raise Killed
    monkeypatch.setattr(manifest.Journal, "commit", commit_then_die)
    with pytest.raises(Killed):
        run_batch([folder], out, BatchOptions(jobs=1))
    monkeypatch.undo()
    assert run_batch([folder], out, BatchOptions(jobs=1)).skipped == [a]
    assert list(pd.read_parquet(out / "documents")["source_path"]) == [str(a.resolve())]


@pytest.mark.parametrize("damage", ["removed", "damaged"])
def test_a_shared_documents_file_lost_by_hand_is_written_again(tmp_path, damage):
    """Neither stops every later run, and the source that still has the bytes is
    converted again (its documents row is back) instead of being skipped."""
    folder, a, b, out = _two_paths_one_document(tmp_path, "samples/minato_h29_gaiyo.txt")
    (doc_id,) = pd.read_parquet(out / "documents")["doc_id"]
    lost = out / "documents" / f"{doc_id}.parquet"
    if damage == "removed":
        lost.unlink()
    else:
        lost.write_bytes(b"PAR1 not parquet")
    b.unlink()
    result = run_batch([folder], out, BatchOptions(jobs=1))
    assert not result.errors and result.removed == [str(b.resolve())]
    assert [p for p, _ in result.converted] == [a]
    assert list(pd.read_parquet(out / "documents")["doc_id"]) == [doc_id]


def test_every_table_reads_with_its_columns_even_when_every_document_failed(tmp_path):
    from dataclasses import fields

    from schemas.tables import TABLES
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"not a pdf")
    out = tmp_path / "out"
    assert len(run_batch([bad], out, BatchOptions(jobs=1)).errors) == 1
    for name, record in TABLES.items():
        table = pd.read_parquet(out / name)
        assert list(table.columns) == [f.name for f in fields(record)], name
        assert len(table) == (1 if name == "errors" else 0), name


def test_a_folder_given_by_a_path_through_dot_dot_is_walked_hidden_entries_inside_it_are_not(
        tmp_path, monkeypatch):
    from pipeline.batch import discover
    plans = tmp_path / "plans"
    (plans / ".cache").mkdir(parents=True)
    shutil.copy("samples/minato_h29_gaiyo.txt", plans / "a.txt")
    shutil.copy("samples/minato_h29_gaiyo.txt", plans / ".cache" / "b.txt")
    shutil.copy("samples/minato_h29_gaiyo.txt", plans / ".hidden.txt")
    (tmp_path / "work").mkdir()
    monkeypatch.chdir(tmp_path / "work")
    assert list(discover([Path("../plans")])) == [Path("../plans/a.txt")]
