"""Parquet output: one dataset folder per table, one file per document.

``OUT/<table>/<doc_id>.parquet`` is readable with
``pyarrow.dataset.dataset(OUT/<table>, partitioning="hive")`` and
``pandas.read_parquet(OUT/<table>)``. Files are written to a hidden temporary
name and renamed into place, so a reader never sees half a file (dataset
readers skip names starting with a dot).
"""
from __future__ import annotations

import os
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from .tables import TABLES
from .validate import to_arrow


def _atomic_write(table: pa.Table, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.tmp")
    try:
        pq.write_table(table, tmp, compression="zstd")
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


def write_rows(out_dir: Path, file_stem: str, rows: dict[str, list]) -> dict[str, int]:
    """Validate and write every table of one document (tables without rows get
    an empty file, so each dataset has its schema). Returns row counts."""
    arrow = {name: to_arrow(name, rows.get(name, [])) for name in TABLES if name != "errors"}
    for name, table in arrow.items():
        _atomic_write(table, out_dir / name / f"{file_stem}.parquet")
    return {name: table.num_rows for name, table in arrow.items()}


def write_error(out_dir: Path, file_stem: str, row) -> None:
    _atomic_write(to_arrow("errors", [row]), out_dir / "errors" / f"{file_stem}.parquet")


def clear_error(out_dir: Path, file_stem: str) -> None:
    (out_dir / "errors" / f"{file_stem}.parquet").unlink(missing_ok=True)
