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


def test_a_document_that_kills_dask_workers_costs_one_error_row(tmp_path):
    from distributed import LocalCluster

    from pipeline.convert import ConvertOptions, worker_died
    from pipeline.executors import open_executor, ordered
    from tests.batch_helpers import convert_or_die

    paths = distinct_copies(tmp_path / "in", 3)
    crash = paths[1].rename(paths[1].with_name("crash.pdf"))
    paths[1] = crash
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster:
        with open_executor("dask", 2, cluster.scheduler_address) as client:
            outcomes = list(ordered(client, convert_or_die, paths, ConvertOptions(), window=4,
                                    on_crash=worker_died))
    assert [o.error.kind if o.error else "ok" for o in outcomes] == ["ok", "worker_crashed", "ok"]


def test_timeout_stops_a_document_in_a_dask_worker_thread(tmp_path):
    from tests.pdfbuild import build_pdf
    from tests.test_limits import HEAVY_PAGE

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "slow.pdf").write_bytes(build_pdf([HEAVY_PAGE]))
    out = tmp_path / "out"
    assert main(["convert", str(tmp_path / "in"), "--out", str(out), "--executor", "dask",
                 "--jobs", "1", "--timeout", "1", "--quiet"]) == 1
    assert [(e["status"], e["error_kind"]) for e in manifest_lines(out)] == [("error", "timeout")]
