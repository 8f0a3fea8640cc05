"""hoshin convert end to end: Parquet datasets readable by pyarrow and pandas."""
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pyarrow.dataset as ds

from pipeline.cli import main


def test_convert_samples_into_readable_datasets(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["convert", "samples", "--out", str(out)]) == 0
    summary = capsys.readouterr().out
    assert "converted 2 document(s), 0 error(s)" in summary
    projects = ds.dataset(out / "projects", partitioning="hive").to_table().to_pandas()
    assert len(projects) == 16 and projects["budget_yen"].sum() == 2 * 64_737_000
    docs = pd.read_parquet(out / "documents")
    assert sorted(docs["source_format"]) == ["pdf", "txt"]
    assert set(docs["fiscal_year"]) == {2017}


def test_rerun_replaces_rows_instead_of_duplicating(tmp_path):
    out = tmp_path / "out"
    for _ in range(2):
        assert main(["convert", "samples/minato_h29_gaiyo.pdf", "--out", str(out)]) == 0
    assert len(pd.read_parquet(out / "targets")) == 11


def test_bad_file_gets_an_error_row_and_the_rest_is_written(tmp_path, capsys):
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"<html>404 Not Found</html>")
    good = tmp_path / "good.pdf"
    shutil.copy("samples/minato_h29_gaiyo.pdf", good)
    out = tmp_path / "out"
    assert main(["convert", str(bad), str(good), "--out", str(out)]) == 1
    captured = capsys.readouterr()
    (line,) = [l for l in captured.err.splitlines() if l.startswith("error:")]
    assert str(bad) in line and "HTML page saved as .pdf" in line
    errors = pd.read_parquet(out / "errors")
    assert list(errors["kind"]) == ["html_not_pdf"] and list(errors["source_path"]) == [str(bad)]
    assert len(pd.read_parquet(out / "projects")) == 8


def test_console_script_is_installed():
    exe = shutil.which("hoshin") or str(__import__("pathlib").Path(sys.executable).parent / "hoshin")
    result = subprocess.run([exe, "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.startswith("hoshin ")


def test_a_closed_pipe_ends_quietly():
    """``hoshin inspect FILE | head``: the reader has gone before the output is
    written (here: closed from the start, so the write always fails)."""
    exe = shutil.which("hoshin") or str(__import__("pathlib").Path(sys.executable).parent / "hoshin")
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = subprocess.run([exe, "inspect", "samples/minato_h29_gaiyo.pdf"], stdout=write_end,
                                stderr=subprocess.PIPE, text=True)
    finally:
        os.close(write_end)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "BrokenPipe" not in result.stderr


def test_the_summary_of_a_budget_book_counts_its_budget_lines_not_missing_plan_parts():
    from pipeline.batch import BatchResult
    from pipeline.cli import _summary
    from pipeline.convert import DocumentSummary
    none = dict(issues=0, measures=0, projects=0, targets=0, activities=0)
    result = BatchResult(converted=[
        (Path("book.pdf"), DocumentSummary({**none, "budget_lines": 6129, "warnings": 9}, None, 2024, 0, 612)),
        (Path("slides.pdf"), DocumentSummary({**none, "warnings": 3}, None, None, 0, 31))])
    lines = _summary(result, Path("out")).splitlines()
    assert lines[1] == "  book.pdf: ? FY2024 · 6,129 budget lines, 9 warnings"
    assert lines[2].endswith("3 warnings  [no 経営課題 found: not a 運営方針 概要版? see warnings]")


def test_a_folder_without_inputs_is_said(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    assert main(["convert", str(tmp_path / "empty"), "--out", str(tmp_path / "out")]) == 0
    assert f"note: {tmp_path / 'empty'}: no .pdf or .txt file in this folder" in capsys.readouterr().err
