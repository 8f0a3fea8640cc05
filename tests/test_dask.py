"""``--executor dask`` runs the same per-document function on a Dask cluster."""
from pathlib import Path

import pytest

pytest.importorskip("distributed", reason="the dask extra is not installed (pip install 'hoshin[dask]')")

from pipeline.batch import BatchOptions, run_batch  # noqa: E402
from pipeline.cli import main  # noqa: E402
from tests.batch_helpers import distinct_copies, manifest_lines, snapshot  # noqa: E402


def test_dask_local_cluster_writes_what_the_process_pool_writes(tmp_path):
    inputs = [Path("samples"), *distinct_copies(tmp_path / "in", 2)]
    bad = tmp_path / "in" / "broken.pdf"
    bad.write_bytes(b"not a pdf")
    local, dask = tmp_path / "local", tmp_path / "dask"
    run_batch([*inputs, bad], local, BatchOptions(jobs=2))
    assert main(["convert", *map(str, inputs), str(bad), "--out", str(dask), "--jobs", "2",
                 "--executor", "dask", "--quiet"]) == 1  # the broken file is an error row
    assert snapshot(local) == snapshot(dask)
    assert len(snapshot(dask)["documents/files"]) == 4
    assert [e["status"] for e in manifest_lines(dask)] == ["ok"] * 4 + ["error"]


def test_dask_cluster_given_by_scheduler_address(tmp_path):
    from distributed import LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster:
        assert main(["convert", "samples", "--out", str(tmp_path / "out"), "--executor", "dask",
                     "--scheduler", cluster.scheduler_address, "--quiet"]) == 0
    assert [e["status"] for e in manifest_lines(tmp_path / "out")] == ["ok", "ok"]
