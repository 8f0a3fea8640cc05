"""A manifest append that fails is all or nothing: either the journal holds no
line of it (the files are put back and the run goes on) or, when even cutting
the journal back fails, the run stops without undoing anything, and the next
run's open reads what the journal holds. Never an entry whose files were undone."""
from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import pandas as pd
import pytest

from pipeline import manifest
from pipeline.batch import BatchOptions, run_batch
from pipeline.cli import main
from tests.conftest import SAMPLES


def _fail_manifest_fsync(monkeypatch, times: int | None) -> None:
    """fsync of manifest.jsonl reports EIO (after write() succeeded): the first
    ``times`` calls, or every call when None."""
    real, calls = os.fsync, []

    def fsync(fd):
        if os.readlink(f"/proc/self/fd/{fd}").endswith(manifest.MANIFEST):
            calls.append(fd)
            if times is None or len(calls) <= times:
                raise OSError(errno.EIO, "Input/output error")
        real(fd)
    monkeypatch.setattr(os, "fsync", fsync)


def _every_entry_has_its_files(out: Path) -> None:
    for entry in manifest.load(out).values():
        if entry.status == "ok":
            assert (out / "documents" / f"{entry.doc_id}.parquet").exists(), entry


@pytest.fixture
def revised(tmp_path):
    """A converted plan, then revised (new bytes, new doc_id)."""
    src, out = tmp_path / "plan.txt", tmp_path / "out"
    shutil.copy(SAMPLES / "minato_h29_gaiyo.txt", src)
    run_batch([src], out, BatchOptions(jobs=1))
    src.write_text(src.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    return src, out


def test_a_commit_line_whose_fsync_fails_is_cut_back_and_the_files_undone(revised, monkeypatch):
    src, out = revised
    _fail_manifest_fsync(monkeypatch, times=1)
    result = run_batch([src], out, BatchOptions(jobs=1))
    assert [(e.stage, e.kind) for e in result.errors] == [("write", "write_failed")]
    monkeypatch.undo()
    again = run_batch([src], out, BatchOptions(jobs=1))  # not "unchanged": nothing was committed
    assert len(again.converted) == 1 and not again.skipped
    _every_entry_has_its_files(out)
    assert len(pd.read_parquet(out / "documents")) == 1


def test_when_the_journal_cannot_be_cut_back_the_run_stops_and_the_next_open_decides(
        revised, monkeypatch, capsys):
    src, out = revised
    _fail_manifest_fsync(monkeypatch, times=None)
    assert main(["convert", str(src), "--out", str(out), "--jobs", "1", "--quiet"]) == 2
    assert "the next run repairs the folder" in capsys.readouterr().err
    monkeypatch.undo()
    _every_entry_has_its_files(out)  # the open alone leaves it consistent
    assert main(["convert", str(src), "--out", str(out), "--jobs", "1", "--quiet"]) == 0
    _every_entry_has_its_files(out)
    (entry,) = manifest.load(out).values()
    assert list(pd.read_parquet(out / "documents")["doc_id"]) == [entry.doc_id]


def test_a_failed_write_is_not_retried_behind_the_next_line(tmp_path, monkeypatch):
    out = tmp_path / "out"
    out.mkdir()
    journal = manifest.Journal(out)
    real = os.write
    monkeypatch.setattr(os, "write", lambda fd, data: (_ for _ in ()).throw(
        OSError(errno.ENOSPC, "No space left on device")))
    with pytest.raises(OSError):
        journal.pending(["documents/a.parquet"], [])
    monkeypatch.setattr(os, "write", real)
    journal.pending(["documents/b.parquet"], [])
    journal.close()
    assert (out / manifest.MANIFEST).read_text() == \
        '{"pending": {"files": ["documents/b.parquet"], "replaced": []}}\n'
