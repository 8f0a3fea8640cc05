"""Pinned expectations: ``hoshin expect`` and ``hoshin check``.

``DIR/<file name>.yaml`` holds every table's records for one source, Japanese
unescaped, columns in their table's order and rows in the order they were
read: the columns a person can check against the printed page. Boxes, raw text
and volatile columns (paths, parser version) are left out. ``check`` converts
the files again and compares them with the pinned records through the same
comparison as ``hoshin diff`` (pipeline/diff.py). hoshin's own samples are
pinned this way in samples/expected/ (``make golden``).
"""
from __future__ import annotations

from dataclasses import asdict, fields
from pathlib import Path

import yaml

from extract import DEFAULT_ENGINE
from schemas.tables import BBOX, TABLES, volatile_columns

from .convert import Converted, convert_file
from .diff import Conversion, Diff, Source, compare

SUFFIX = ".yaml"
UNCHECKED = ("raw_text",)  # provenance, as extracted; the normalized text is pinned


class PinError(Exception):
    """The files or the expectations folder cannot be used as given."""


def checked_columns(table: str) -> tuple[str, ...]:
    """The columns of ``table`` a pinned expectation holds."""
    return tuple(f.name for f in fields(TABLES[table])
                 if f.name not in UNCHECKED and f.name not in volatile_columns(table)
                 and f.metadata["arrow"] != BBOX)


def records(path: Path, engine: str = DEFAULT_ENGINE) -> dict[str, list[dict]]:
    """The pinned records of one file, converted now: every table but errors,
    or only ``errors`` when the file cannot be converted."""
    outcome = convert_file(path, engine=engine)
    if not isinstance(outcome, Converted):
        return {"errors": [_checked("errors", asdict(outcome.error))]}
    return {table: [_checked(table, asdict(row)) for row in outcome.rows.get(table, [])]
            for table in TABLES if table != "errors"}


def _checked(table: str, row: dict) -> dict:
    return {c: row[c] for c in checked_columns(table)}


def expectation(expected_dir: Path, source: Path) -> Path:
    return expected_dir / f"{source.name}{SUFFIX}"


def dump(data: dict[str, list[dict]]) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=120)


def load(path: Path) -> dict[str, list[dict]]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise PinError(f"{path}: cannot read the expectation ({exc})") from exc
    if not isinstance(data, dict) or not all(isinstance(rows, list) for rows in data.values()):
        raise PinError(f"{path}: not a pinned expectation (a table name → list of rows mapping)")
    return data


def _unique_names(files: list[Path]) -> None:
    seen: dict[str, Path] = {}
    for f in files:
        if f.name in seen:
            raise PinError(f"{seen[f.name]} and {f}: one expectations folder pins files by name; "
                           "pin these two into separate folders")
        seen[f.name] = f


def expect(files: list[Path], expected_dir: Path, engine: str = DEFAULT_ENGINE) -> list[Path]:
    """Write each file's expectation; returns the files written."""
    _unique_names(files)
    expected_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for f in files:
        target = expectation(expected_dir, f)
        target.write_text(dump(records(f, engine)), encoding="utf-8")
        written.append(target)
    return written


def check(files: list[Path], expected_dir: Path, engine: str = DEFAULT_ENGINE) -> Diff:
    """The files converted now against their expectations. A file without one
    is an added document, an expectation without its file a removed one."""
    _unique_names(files)
    if not expected_dir.is_dir():
        raise PinError(f"{expected_dir}: no such folder; pin the files first with "
                       f"`hoshin expect FILES --expected {expected_dir}`")
    pinned = sorted(expected_dir.glob(f"*{SUFFIX}"))
    old = _conversion([(p.name[:-len(SUFFIX)], load(p)) for p in pinned])
    new = _conversion([(f.name, records(f, engine)) for f in files])
    return compare(old, new)


def _conversion(pinned: list[tuple[str, dict[str, list[dict]]]]) -> Conversion:
    """Pinned records as one side of a comparison; a table's columns are known
    from its rows (every table but errors is written, rows or not)."""
    columns: dict[str, tuple[str, ...] | None] = {t: None for t in TABLES}
    sources = []
    for name, tables in pinned:
        for table, rows in tables.items():
            if rows:
                columns[table] = tuple(dict.fromkeys([*(columns.get(table) or ()), *rows[0]]))
            else:
                columns.setdefault(table, None)
        documents = tables.get("documents") or [{}]
        sources.append(Source(name, documents[0].get("source_sha256"), tables))
    return Conversion(sources, columns)
