"""Parquet output: one dataset folder per table, one file per document.

``OUT/<table>/<doc_id>.parquet`` is readable with
``pyarrow.dataset.dataset(OUT/<table>, partitioning="hive")`` and
``pandas.read_parquet(OUT/<table>)``. A document's files are all written to
hidden temporary names first and renamed into place only once every one is
complete: a reader never sees half a file (dataset readers skip names starting
with a dot), and a full disk or an unwritable folder leaves the previous files
untouched and no temporary behind.
"""
from __future__ import annotations

import errno
import os
from contextlib import suppress
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from .tables import TABLES
from .validate import to_arrow

_KINDS = {errno.ENOSPC: "disk_full", errno.EDQUOT: "disk_full", errno.EACCES: "output_not_writable",
          errno.EPERM: "output_not_writable", errno.EROFS: "output_not_writable"}


class WriteError(Exception):
    """Output could not be written. ``kind`` is a stable code for the errors table."""

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind


def _as_write_error(out_dir: Path, exc: OSError) -> WriteError:
    kind = _KINDS.get(exc.errno, "write_failed")
    where = f" ({exc.filename})" if exc.filename and Path(exc.filename) != out_dir else ""
    return WriteError(kind, f"cannot write to output folder {out_dir}: {exc.strerror or exc}{where}")


def _write_all(out_dir: Path, files: dict[Path, pa.Table]) -> None:
    """Write every file or, on failure, none (WriteError)."""
    staged: list[tuple[Path, Path]] = []
    try:
        for target, table in files.items():
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_name(f".{target.name}.tmp")
            staged.append((tmp, target))
            pq.write_table(table, tmp, compression="zstd")
        for tmp, target in staged:
            os.replace(tmp, target)
    except OSError as exc:
        raise _as_write_error(out_dir, exc) from exc
    finally:
        for tmp, _ in staged:
            with suppress(OSError):
                tmp.unlink(missing_ok=True)


def check_writable(out_dir: Path) -> None:
    """WriteError unless files can be created in ``out_dir`` (created if missing)."""
    probe = out_dir / ".hoshin-write-test.tmp"
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise _as_write_error(out_dir, exc) from exc


def write_rows(out_dir: Path, file_stem: str, rows: dict[str, list]) -> dict[str, int]:
    """Validate and write every table of one document (tables without rows get
    an empty file, so each dataset has its schema). Returns row counts."""
    arrow = {name: to_arrow(name, rows.get(name, [])) for name in TABLES if name != "errors"}
    _write_all(out_dir, {out_dir / name / f"{file_stem}.parquet": table
                         for name, table in arrow.items()})
    return {name: table.num_rows for name, table in arrow.items()}


def write_error(out_dir: Path, file_stem: str, row) -> None:
    _write_all(out_dir, {out_dir / "errors" / f"{file_stem}.parquet": to_arrow("errors", [row])})


def clear_error(out_dir: Path, file_stem: str) -> None:
    try:
        (out_dir / "errors" / f"{file_stem}.parquet").unlink(missing_ok=True)
    except OSError as exc:
        raise _as_write_error(out_dir, exc) from exc
