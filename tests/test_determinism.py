"""Converting the same input twice gives identical tables and identical files,
whatever Python's hash seed (set iteration order must not leak into the output)."""
import os
import subprocess
import sys

import pandas as pd

from tests.conftest import ROOT, SAMPLES


def _convert(out, hash_seed: str) -> None:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    subprocess.run([sys.executable, "-m", "pipeline.cli", "convert", str(SAMPLES), "--out", str(out)],
                   cwd=ROOT, env=env, check=True, capture_output=True)


def _files(out):
    """The table files (the manifest records when each document was converted)."""
    return {p.relative_to(out): p.read_bytes() for p in sorted(out.rglob("*.parquet"))}


def test_two_conversions_are_identical(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    _convert(first, "1")
    _convert(second, "2")
    files = _files(first)
    assert len(files) == 2 * 10 + 11  # two documents, ten tables each, and each table's empty file
    for name in files:
        pd.testing.assert_frame_equal(pd.read_parquet(first / name), pd.read_parquet(second / name))
    assert files == _files(second)
