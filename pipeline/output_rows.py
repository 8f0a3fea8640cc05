"""An output folder read back for comparison: its sources and their rows.

The manifest says which source files the folder holds and which document (or
error) each one committed; every table file is read with its own schema, so a
folder written by another hoshin version, with other tables or columns, reads
as it is.
"""
from __future__ import annotations

import os
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from schemas.parquet import EMPTY, table_file
from schemas.tables import TABLES

from . import manifest
from .convert import path_key
from .diff import Conversion, Source


class NotAnOutput(Exception):
    """The folder is not one ``hoshin convert`` wrote, or cannot be read."""


def read_output(folder: Path) -> Conversion:
    if not folder.is_dir():
        raise NotAnOutput(f"{folder}: no such folder")
    if not (folder / "documents").is_dir() or not (folder / manifest.MANIFEST).is_file():
        raise NotAnOutput(f"{folder}: not a hoshin output folder (no documents/ table or "
                          f"{manifest.MANIFEST}); write one with `hoshin convert FILES --out {folder}`")
    columns = {table: _read_schema(folder, table) for table in _tables(folder)}
    entries = [e for e in manifest.load(folder).values() if e.status in ("ok", "error")]
    shown = _shown_paths([e.source for e in entries])
    sources = []
    for entry in entries:
        rows = {table: [] for table in columns}
        if entry.status == "ok":
            for table in columns:
                if table != "errors":
                    rows[table] = _read_rows(table_file(folder, table, entry.doc_id))
        if "errors" in columns:  # its committed error, or this run's failure beside its rows
            key = path_key(Path(entry.source))
            rows["errors"] = [r for stem in (key, f"{key}.this-run")
                              for r in _read_rows(table_file(folder, "errors", stem))]
        sources.append(Source(shown[entry.source], entry.sha256, rows))
    return Conversion(sources, columns)


def _tables(folder: Path) -> list[str]:
    """Table folders (those holding Parquet files), the known ones in their documented order."""
    found = {d.name for d in folder.iterdir() if d.is_dir() and any(d.glob("*.parquet"))}
    return [t for t in TABLES if t in found] + sorted(found - set(TABLES))


def _read_schema(folder: Path, table: str) -> tuple[str, ...]:
    """The table's columns: those of its empty.parquet, else of any of its files."""
    path = table_file(folder, table, EMPTY)
    if not path.is_file():
        path = min((folder / table).glob("*.parquet"))
    try:
        return tuple(pq.read_schema(path).names)
    except (OSError, ValueError, pa.ArrowException) as exc:
        raise NotAnOutput(f"{path}: unreadable ({exc})") from exc


def _read_rows(path: Path) -> list[dict]:
    """A missing file holds no rows (a failed source has none); a damaged one is bad input."""
    if not path.exists():
        return []
    try:
        return pq.read_table(path).to_pylist()
    except (OSError, ValueError, pa.ArrowException) as exc:
        raise NotAnOutput(f"{path}: unreadable ({exc})") from exc


def _shown_paths(sources: list[str]) -> dict[str, str]:
    """Each source relative to the folder all of them are in (absolute in the
    manifest), so two outputs converted from different places read alike."""
    if not sources:
        return {}
    root = os.path.commonpath([os.path.dirname(s) for s in sources])
    return {s: os.path.relpath(s, root) for s in sources}
