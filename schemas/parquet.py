"""Parquet output: one dataset folder per table, one file per document.

``OUT/<table>/<doc_id>.parquet`` is readable with
``pyarrow.dataset.dataset(OUT/<table>, partitioning="hive")`` and
``pandas.read_parquet(OUT/<table>)``. A document's files are first all written
under hidden staging names (dataset readers skip names starting with a dot)
and then renamed into place, so a reader never sees half a file; a full disk
or an unwritable folder while staging leaves the previous files untouched and
no staging file behind (WriteError). The caller decides when to publish and
keeps the record of what is committed.

Renaming several files is not atomic, so before a publish replaces files in
place, ``back_up`` keeps their old bytes under hidden backup names (hard
links), and ``roll_back`` can undo a publish cut short at any rename.
"""
from __future__ import annotations

import errno
import os
import shutil
from contextlib import suppress
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from .tables import TABLES
from .validate import to_arrow

DOCUMENT_TABLES = tuple(name for name in TABLES if name != "errors")
EMPTY = "empty"  # <table>/empty.parquet: no rows; neither a doc_id nor a path key (16 hex digits)
Staged = list[tuple[Path, Path]]  # (staging file, final file)
# A file that is missing or not Parquet (ArrowInvalid is a ValueError)
_UNREADABLE = (OSError, ValueError, pa.ArrowException)

_KINDS = {errno.ENOSPC: "disk_full", errno.EDQUOT: "disk_full", errno.EACCES: "output_not_writable",
          errno.EPERM: "output_not_writable", errno.EROFS: "output_not_writable"}


class WriteError(Exception):
    """Output could not be written. ``kind`` is a stable code for the errors table."""

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind


def as_write_error(out_dir: Path, exc: OSError) -> WriteError:
    kind = _KINDS.get(exc.errno, "write_failed")
    where = f" ({exc.filename})" if exc.filename and Path(exc.filename) != out_dir else ""
    return WriteError(kind, f"cannot write to output folder {out_dir}: {exc.strerror or exc}{where}")


def check_writable(out_dir: Path) -> None:
    """WriteError unless files can be created in ``out_dir`` (created if missing)."""
    probe = out_dir / ".hoshin-write-test.tmp"
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise as_write_error(out_dir, exc) from exc


def document_tables(rows: dict[str, list]) -> dict[str, pa.Table]:
    """Validated Arrow tables of one document; tables without rows are empty
    (each document writes every table, so each dataset has its schema)."""
    return {name: to_arrow(name, rows.get(name, [])) for name in DOCUMENT_TABLES}


def error_table(row) -> pa.Table:
    return to_arrow("errors", [row])


def write_empty_tables(out_dir: Path) -> None:
    """Give every table a file without rows, so that each dataset reads (as an
    empty table with its columns) instead of raising: ``errors/`` after a clean
    run, every other table after a run in which every document failed. Written
    only when missing or when the schema has changed."""
    for name in TABLES:
        empty = to_arrow(name, [])
        with suppress(*_UNREADABLE):
            if pq.read_schema(table_file(out_dir, name, EMPTY)).equals(_as_stored(empty),
                                                                       check_metadata=True):
                continue
        write(out_dir, EMPTY, {name: empty})


def _as_stored(table: pa.Table) -> pa.Schema:
    """The schema a Parquet file of ``table`` reads back with (Parquet names a
    list's items "element", Arrow "item")."""
    sink = pa.BufferOutputStream()
    with pq.ParquetWriter(sink, table.schema):  # nothing but the schema, in memory
        pass
    return pq.read_schema(pa.BufferReader(sink.getvalue()))


def set_column(out_dir: Path, table: str, file_stem: str, column: str, value) -> None:
    """Rewrite one file with ``column`` set to ``value`` in every row (WriteError)."""
    final = table_file(out_dir, table, file_stem)
    try:
        rows = pq.read_table(final)
    except OSError as exc:
        raise as_write_error(out_dir, exc) from exc
    i = rows.schema.get_field_index(column)
    field = rows.schema.field(i)
    write(out_dir, file_stem, {table: rows.set_column(i, field, pa.array([value] * rows.num_rows,
                                                                         field.type))})


def readable(out_dir: Path, table: str, file_stem: str) -> bool:
    """The file is there and its footer reads as Parquet."""
    try:
        pq.read_schema(table_file(out_dir, table, file_stem))
    except _UNREADABLE:
        return False
    return True


def read_column(out_dir: Path, table: str, file_stem: str, column: str) -> list | None:
    """The column's values, or None when the file is missing or unreadable."""
    try:
        return pq.read_table(table_file(out_dir, table, file_stem), columns=[column])[column].to_pylist()
    except _UNREADABLE:
        return None


def table_file(out_dir: Path, table: str, file_stem: str) -> Path:
    return out_dir / table / f"{file_stem}.parquet"


def staging_file(final: Path) -> Path:
    return final.with_name(f".{final.name}.tmp")


def is_staging_file(path: Path) -> bool:
    return path.name.startswith(".") and path.name.endswith(".parquet.tmp")


def backup_file(final: Path) -> Path:
    return final.with_name(f".{final.name}.bak")


def is_backup_file(path: Path) -> bool:
    return path.name.startswith(".") and path.name.endswith(".parquet.bak")


def back_up(staged: Staged) -> list[Path]:
    """Keep the files ``staged`` would replace under their backup names; returns
    those files. On failure (OSError) no backup is left behind."""
    replaced: list[Path] = []
    try:
        for _, final in staged:
            if final.exists():
                replaced.append(final)
                _keep_copy(final, backup_file(final))
    except OSError:
        drop_backups(replaced)
        raise
    return replaced


def _keep_copy(final: Path, backup: Path) -> None:
    backup.unlink(missing_ok=True)
    try:
        os.link(final, backup)  # the old file itself: no bytes copied, same inode
    except OSError:
        shutil.copy2(final, backup)  # a file system without hard links


def roll_back(staged: Staged, replaced: list[Path]) -> None:
    """Undo a publish cut short: a file already renamed into place (its staging
    file is gone) gets its backup back, or is removed if it replaced nothing.
    Safe to repeat, and at any point of ``back_up`` or ``publish``."""
    for tmp, final in staged:
        if not tmp.exists():
            if final in replaced:
                with suppress(FileNotFoundError):  # restored by an earlier attempt
                    os.replace(backup_file(final), final)
            else:
                final.unlink(missing_ok=True)
    drop_backups(replaced)


def drop_backups(replaced: list[Path]) -> None:
    for final in replaced:
        backup_file(final).unlink(missing_ok=True)


def stage(out_dir: Path, file_stem: str, tables: dict[str, pa.Table]) -> Staged:
    """Write ``tables`` under staging names, all or none (WriteError); nothing
    is visible to readers yet. ``documents`` is published last, so a document
    row means its items are in place."""
    staged: Staged = []
    try:
        for name in sorted(tables, key=lambda n: n == "documents"):
            final = table_file(out_dir, name, file_stem)
            final.parent.mkdir(parents=True, exist_ok=True)
            staged.append((staging_file(final), final))
            pq.write_table(tables[name], staged[-1][0], compression="zstd")
    except OSError as exc:
        discard(staged)
        raise as_write_error(out_dir, exc) from exc
    return staged


def write(out_dir: Path, file_stem: str, tables: dict[str, pa.Table]) -> None:
    """Stage and publish at once, leaving no staging file on failure (WriteError)."""
    staged = stage(out_dir, file_stem, tables)
    try:
        publish(staged)
    except OSError as exc:
        discard(staged)
        raise as_write_error(out_dir, exc) from exc


def publish(staged: Staged) -> None:
    for tmp, final in staged:
        os.replace(tmp, final)


def discard(staged: Staged) -> None:
    for tmp, _ in staged:
        with suppress(OSError):
            tmp.unlink(missing_ok=True)


def remove(out_dir: Path, tables: tuple[str, ...], file_stem: str) -> None:
    for name in tables:
        table_file(out_dir, name, file_stem).unlink(missing_ok=True)
