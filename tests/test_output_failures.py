"""An unusable output folder or a full disk: a clear error, the previous dataset intact."""
import errno
import os
import shutil
import subprocess
import uuid

import pandas as pd
import pyarrow.parquet as pq
import pytest

import schemas.parquet
from pipeline.cli import main
from tests.conftest import SAMPLES

PDF, TXT = str(SAMPLES / "minato_h29_gaiyo.pdf"), str(SAMPLES / "minato_h29_gaiyo.txt")


def _snapshot(out):
    """Every file under ``out`` with its inode, mtime and bytes: a rename or rewrite changes it."""
    return {p.relative_to(out): (p.stat().st_ino, p.stat().st_mtime_ns, p.read_bytes())
            for p in sorted(out.rglob("*")) if p.is_file()}


def _error_lines(capsys):
    return [l for l in capsys.readouterr().err.splitlines() if l.startswith("error:")]


def test_output_path_that_is_a_file_is_refused_before_converting(tmp_path, capsys):
    blocker = tmp_path / "out"
    blocker.write_text("not a folder")
    assert main(["convert", PDF, "--out", str(blocker / "dataset")]) == 2
    (line,) = _error_lines(capsys)
    assert str(blocker / "dataset") in line and "Not a directory" in line
    assert blocker.read_text() == "not a folder"


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores permission bits, so a read-only "
                                              "folder cannot be simulated with chmod")
def test_read_only_output_folder_is_refused(tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    out.chmod(0o555)
    try:
        assert main(["convert", PDF, "--out", str(out)]) == 2
    finally:
        out.chmod(0o755)
    (line,) = _error_lines(capsys)
    assert str(out) in line and "Permission denied" in line


def _disk_fills_after(monkeypatch, writes: int):
    """Parquet writes succeed ``writes`` times, then the disk is full."""
    real, calls = pq.write_table, []

    def write_table(table, where, **kwargs):
        calls.append(where)
        if len(calls) > writes:
            with open(where, "wb") as partial:  # a full disk leaves a partial file behind
                partial.write(b"PAR1")
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(table, where, **kwargs)

    monkeypatch.setattr(schemas.parquet.pq, "write_table", write_table)


def test_disk_full_mid_document_leaves_the_previous_files_untouched(tmp_path, monkeypatch, capsys):
    out = tmp_path / "out"
    assert main(["convert", PDF, TXT, "--out", str(out)]) == 0
    before = _snapshot(out)
    capsys.readouterr()
    _disk_fills_after(monkeypatch, writes=3)  # the 4th of the PDF's 10 tables fails
    # --force: unchanged documents would be skipped without writing anything
    assert main(["convert", PDF, TXT, "--out", str(out), "--force"]) == 1
    lines = _error_lines(capsys)
    assert len(lines) == 2 and all("No space left on device" in l for l in lines)
    assert PDF in lines[0] and TXT in lines[1]
    assert _snapshot(out) == before  # no file replaced, none added, no temporary left
    monkeypatch.undo()
    assert len(pd.read_parquet(out / "projects")) == 16


def test_disk_full_after_the_first_document_keeps_it_whole(tmp_path, monkeypatch, capsys):
    out = tmp_path / "out"
    # exactly the 11 tables' empty files (written on opening the folder) and the first document's 10 fit
    _disk_fills_after(monkeypatch, writes=11 + 10)
    assert main(["convert", PDF, TXT, "--out", str(out)]) == 1
    (line,) = _error_lines(capsys)
    assert TXT in line and "No space left on device" in line and "not recorded in errors/" in line
    monkeypatch.undo()
    assert list(pd.read_parquet(out / "documents")["source_path"]) == [PDF]
    assert len(pd.read_parquet(out / "projects")) == 8
    assert not [p for p in out.rglob(".*")]


@pytest.fixture
def tiny_disk(tmp_path):
    """A real 256 KB tmpfs, so the disk genuinely fills."""
    mount = tmp_path / f"disk-{uuid.uuid4().hex[:6]}"
    mount.mkdir()
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("filling a real disk needs root to mount a small tmpfs")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mount)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=True)


def test_a_really_full_disk(tiny_disk, capsys):
    out = tiny_disk / "out"
    assert main(["convert", PDF, "--out", str(out)]) == 0
    before = _snapshot(out)
    free = shutil.disk_usage(tiny_disk).free
    (tiny_disk / "filler").write_bytes(b"\0" * (free - 8192))  # two pages left
    capsys.readouterr()
    assert main(["convert", PDF, TXT, "--out", str(out), "--force"]) == 1
    lines = _error_lines(capsys)
    assert len(lines) == 2 and all("No space left on device" in l for l in lines)
    after = _snapshot(out)
    assert {f: v for f, v in after.items() if f in before} == before
    assert all(f.parts[0] == "errors" for f in after.keys() - before.keys())
    # the small error rows may still fit; those that were written say why
    if (out / "errors").is_dir():
        assert set(pd.read_parquet(out / "errors")["kind"]) == {"disk_full"}


@pytest.mark.parametrize("code, kind", [
    (errno.ENOSPC, "disk_full"), (errno.EDQUOT, "disk_full"), (errno.EACCES, "output_not_writable"),
    (errno.EROFS, "output_not_writable"), (errno.EIO, "write_failed"),
])
def test_write_failures_get_a_stable_kind(tmp_path, monkeypatch, code, kind):
    def fail(table, where, **kwargs):
        raise OSError(code, os.strerror(code), str(where))

    monkeypatch.setattr(schemas.parquet.pq, "write_table", fail)
    with pytest.raises(schemas.parquet.WriteError) as caught:
        schemas.parquet.stage(tmp_path, "doc", schemas.parquet.document_tables({}))
    assert caught.value.kind == kind and os.strerror(code) in str(caught.value)
    assert not list(tmp_path.rglob("*.parquet")) and not list(tmp_path.rglob(".*"))


def test_a_failed_write_does_not_overwrite_the_sources_committed_error_row(tmp_path, monkeypatch, capsys):
    plan = tmp_path / "plan.txt"
    plan.write_bytes(b"")  # committed as an error: empty_file
    out = tmp_path / "out"
    assert main(["convert", str(plan), "--out", str(out), "--quiet"]) == 1
    plan.write_bytes((SAMPLES / "minato_h29_gaiyo.txt").read_bytes())  # fixed, but its tables do not fit
    real = pq.write_table

    def write_table(table, where, **kwargs):
        if "errors" not in str(where):  # an error row still fits
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(table, where, **kwargs)
    monkeypatch.setattr(schemas.parquet.pq, "write_table", write_table)
    assert main(["convert", str(plan), "--out", str(out), "--quiet"]) == 1
    monkeypatch.undo()
    errors = pd.read_parquet(out / "errors").sort_values("kind")
    # the committed verdict on the file as committed, and this run's failure beside it
    assert list(errors["kind"]) == ["disk_full", "empty_file"]
