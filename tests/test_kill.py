"""A real run killed mid-batch (SIGKILL, Ctrl-C) leaves the dataset readable and
the manifest consistent, and running the same command again finishes the job."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pyarrow.dataset as ds
import pytest

from pipeline import manifest
from pipeline.batch import BatchOptions, run_batch
from schemas.parquet import DOCUMENT_TABLES
from tests.batch_helpers import distinct_copies, document_files

ROOT = Path(__file__).resolve().parent.parent
COPIES = 24
EARLIER = 5  # documents committed by an earlier, complete run


def _committed(out: Path) -> set[str]:
    return {e.doc_id for e in manifest.load(out).values() if e.status == "ok"}


def _assert_consistent(out: Path) -> set[str]:
    """Every table readable; every committed document has all its files."""
    committed = _committed(out)
    for table in DOCUMENT_TABLES:
        ds.dataset(out / table, format="parquet").to_table()  # raises on a broken file
        for doc_id in committed:
            assert (out / table / f"{doc_id}.parquet").exists(), (table, doc_id)
    return committed


def _start(inputs: Path, out: Path) -> subprocess.Popen:
    command = [sys.executable, "-m", "pipeline.cli", "convert", str(inputs), "--out", str(out),
               "--jobs", "2", "--quiet"]
    return subprocess.Popen(command, cwd=ROOT, start_new_session=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _wait_for_commits(out: Path, count: int, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + 120
    while len((out / "manifest.jsonl").read_text().splitlines()) < count:
        assert proc.poll() is None, "the run ended before it could be interrupted"
        assert time.monotonic() < deadline
        time.sleep(0.01)


@pytest.mark.parametrize("signal_, after", [
    (signal.SIGKILL, 0), (signal.SIGKILL, 1), (signal.SIGKILL, 12), (signal.SIGINT, 6)],
    ids=["SIGKILL-before-first-commit", "SIGKILL-after-1", "SIGKILL-after-12", "SIGINT-after-6"])
def test_killed_run_then_rerun(tmp_path, signal_, after):
    inputs = tmp_path / "in"
    paths = distinct_copies(inputs, COPIES)
    out = tmp_path / "out"
    run_batch(paths[:EARLIER], out, BatchOptions(jobs=1))
    earlier = _committed(out)

    proc = _start(inputs, out)
    _wait_for_commits(out, EARLIER + after, proc)
    os.killpg(proc.pid, signal_)
    _, err = proc.communicate(timeout=60)
    if signal_ == signal.SIGKILL:
        assert proc.returncode == -signal.SIGKILL
    else:
        assert proc.returncode == 130 and b"run the same command again" in err

    committed = _assert_consistent(out)
    assert earlier <= committed and len(committed) < COPIES  # stopped part-way
    assert earlier <= set(pd.read_parquet(out / "documents")["doc_id"])

    rerun = _start(inputs, out)
    stdout, _ = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, stdout
    assert f"{len(committed)} unchanged (skipped)".encode() in stdout
    committed = _assert_consistent(out)
    assert len(committed) == COPIES
    documents = pd.read_parquet(out / "documents")
    assert sorted(documents["doc_id"]) == sorted(committed)  # each document once
    assert len(pd.read_parquet(out / "targets")) == 11 * COPIES
    for table in DOCUMENT_TABLES:
        assert document_files(out / table) == sorted(
            f"{d}.parquet" for d in committed)  # no staging or orphan files left
