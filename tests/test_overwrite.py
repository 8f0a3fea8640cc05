"""Replacing a document's files in place (a new parser version, ``--force``) is all
or none: after a run killed between any two of its renames, the next run's open
leaves every table of that document wholly the old version or wholly the new one,
with the manifest entry to match."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pandas as pd
import pytest

import pipeline.convert
import pipeline.output
from pipeline import manifest
from pipeline.batch import BatchOptions, run_batch
from pipeline.output import OutputFolder
from schemas.parquet import DOCUMENT_TABLES
from tests.batch_helpers import manifest_lines

OLD, NEW = pipeline.__version__, "9.9.9-test"


class Killed(BaseException):
    """Stands for SIGKILL: no ``except Exception``/``except OSError`` handler runs."""


def _files(out: Path, doc_id: str) -> dict[str, tuple]:
    """Each table file of the document: inode, mtime and bytes (a rename or rewrite changes them)."""
    files = {t: out / t / f"{doc_id}.parquet" for t in DOCUMENT_TABLES}
    return {t: (f.stat().st_ino, f.stat().st_mtime_ns, f.read_bytes()) for t, f in files.items()}


def _kill_at(monkeypatch, point: str) -> None:
    if point.startswith("rename"):  # after that many of the publish's renames
        real, done = os.replace, []
        allowed = int(point.split()[1])

        def replace(src, dst):
            if len(done) == allowed:
                raise Killed
            done.append(dst)
            real(src, dst)
        monkeypatch.setattr(os, "replace", replace)
    elif point == "commit":  # every file renamed, the manifest line not yet written
        monkeypatch.setattr(manifest.Journal, "commit", lambda self, entry: _raise(Killed))
    else:  # committed; the old files' backups not yet removed
        monkeypatch.setattr(pipeline.output, "drop_backups", lambda replaced: _raise(Killed))


def _raise(exc):
    raise exc


@pytest.mark.parametrize("point, survivor", [
    ("rename 0", "old"), ("rename 1", "old"), ("rename 4", "old"), ("rename 7", "old"),
    ("commit", "old"), ("backups", "new")])
def test_a_new_parser_version_killed_mid_publish_leaves_one_whole_version(
        tmp_path, monkeypatch, point, survivor):
    source = tmp_path / "plan.txt"
    shutil.copy("samples/minato_h29_gaiyo.txt", source)
    out = tmp_path / "out"
    run_batch([source], out, BatchOptions(jobs=1))
    (entry,) = manifest_lines(out)
    doc_id = entry["doc_id"]
    old = _files(out, doc_id)

    for module in (pipeline.convert, pipeline.output):
        monkeypatch.setattr(module, "__version__", NEW)
    with monkeypatch.context() as patch:
        _kill_at(patch, point)
        with pytest.raises(Killed):
            run_batch([source], out, BatchOptions(jobs=1))

    with OutputFolder(out, "pdfplumber"):  # what the next run's open does
        pass
    now = _files(out, doc_id)
    kept = [t for t in DOCUMENT_TABLES if now[t] == old[t]]
    assert kept == (list(DOCUMENT_TABLES) if survivor == "old" else [])
    (committed,) = manifest.load(out).values()
    assert committed.parser_version == (OLD if survivor == "old" else NEW)
    assert list(pd.read_parquet(out / "documents")["parser_version"]) == [committed.parser_version]
    assert not [p.name for p in out.rglob(".*")]  # no backup or staging file left
    assert len(manifest_lines(out)) == 1

    result = run_batch([source], out, BatchOptions(jobs=1))  # the re-run finishes the job
    assert (len(result.converted), len(result.skipped)) == ((1, 0) if survivor == "old" else (0, 1))
    assert manifest.load(out)[committed.source].parser_version == NEW


@pytest.mark.parametrize("failing, code", [(1, 1), (None, 2)], ids=["once", "from-then-on"])
def test_a_publish_that_fails_mid_way_puts_the_old_files_back(tmp_path, monkeypatch, capsys,
                                                              failing, code):
    """Not a kill: the publish's 4th rename fails (OSError). Once: the document keeps
    its old files, the run goes on (exit 1). From then on, so that even putting the
    old files back fails: the run stops (exit 2) and the next run's open puts them back."""
    from pipeline.cli import main
    source = tmp_path / "plan.txt"
    shutil.copy("samples/minato_h29_gaiyo.txt", source)
    out = tmp_path / "out"
    run_batch([source], out, BatchOptions(jobs=1))
    doc_id = manifest_lines(out)[0]["doc_id"]
    old, entries = _files(out, doc_id), manifest.load(out)
    real, calls = os.replace, []

    def replace(src, dst):
        calls.append(dst)
        if len(calls) >= 4 and len(calls) - 4 < (failing or len(calls)):
            raise OSError(5, "Input/output error", str(dst))
        real(src, dst)
    monkeypatch.setattr(os, "replace", replace)
    assert main(["convert", str(source), "--out", str(out), "--force", "--quiet"]) == code
    monkeypatch.undo()
    assert "Input/output error" in capsys.readouterr().err
    with OutputFolder(out, "pdfplumber"):
        pass
    assert _files(out, doc_id) == old and manifest.load(out) == entries
    assert not [p.name for p in out.rglob(".*")]


def test_without_hard_links_the_backups_are_copies(tmp_path, monkeypatch):
    """Some file systems (FAT, some network shares) refuse hard links."""
    def link(src, dst):
        raise OSError(1, "Operation not permitted")
    source = tmp_path / "plan.txt"
    shutil.copy("samples/minato_h29_gaiyo.txt", source)
    out = tmp_path / "out"
    run_batch([source], out, BatchOptions(jobs=1))
    doc_id = manifest_lines(out)[0]["doc_id"]
    old = {t: v[1:] for t, v in _files(out, doc_id).items()}  # mtime and bytes: a copy is a new inode
    monkeypatch.setattr(os, "link", link)
    for module in (pipeline.convert, pipeline.output):
        monkeypatch.setattr(module, "__version__", NEW)
    _kill_at(monkeypatch, "rename 4")
    with pytest.raises(Killed):
        run_batch([source], out, BatchOptions(jobs=1))
    monkeypatch.undo()
    with OutputFolder(out, "pdfplumber"):
        pass
    assert {t: v[1:] for t, v in _files(out, doc_id).items()} == old


KILL_AFTER_3_RENAMES = """
import os, signal, sys
from pathlib import Path
import pipeline.convert, pipeline.output
from pipeline.batch import BatchOptions, run_batch
for module in (pipeline.convert, pipeline.output):
    module.__version__ = sys.argv[3]
real, done = os.replace, []
def replace(src, dst):
    if len(done) == 3:
        os.kill(os.getpid(), signal.SIGKILL)
    done.append(dst)
    real(src, dst)
os.replace = replace
run_batch([Path(sys.argv[1])], Path(sys.argv[2]), BatchOptions(jobs=1))
"""


def test_a_real_sigkill_between_renames(tmp_path):
    """The same with a real SIGKILL: no finally block, no file closed, the lock dropped by the OS."""
    import signal
    import subprocess
    import sys
    source = tmp_path / "plan.txt"
    shutil.copy("samples/minato_h29_gaiyo.txt", source)
    out = tmp_path / "out"
    run_batch([source], out, BatchOptions(jobs=1))
    doc_id = manifest_lines(out)[0]["doc_id"]
    old = _files(out, doc_id)
    killed = subprocess.run([sys.executable, "-c", KILL_AFTER_3_RENAMES, str(source), str(out), NEW],
                            cwd=Path(__file__).resolve().parent.parent)
    assert killed.returncode == -signal.SIGKILL
    mixed = _files(out, doc_id)  # killed mid-publish indeed: 3 tables new, 5 old
    assert sum(mixed[t] != old[t] for t in DOCUMENT_TABLES) == 3
    result = run_batch([source], out, BatchOptions(jobs=1))
    assert len(result.skipped) == 1 and _files(out, doc_id) == old
    assert not [p.name for p in out.rglob(".*")]
