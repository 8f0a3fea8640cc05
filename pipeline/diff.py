"""Compare two conversions of the same sources: what an analyst would see change.

Works on plain records grouped by source, so one comparison serves two output
folders (``hoshin diff``) and pinned expectations against a fresh conversion
(``hoshin check``). Documents are paired by source file: same name and bytes,
then the same name (an edited file: one document with changed rows, not one
removed and one added), then the same bytes under another name (a rename, not
a change). Rows are paired by their natural key (schemas/tables.py), never by row
order or doc_id; rows sharing a key pair in order of appearance.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from schemas.tables import DOCUMENT_IDENTITY, natural_key, volatile_columns

Record = dict
DEFAULT_BBOX_TOLERANCE = 1.0  # PDF points: engines and versions differ by fractions of a point
LABEL_COLUMNS = ("title", "text", "metric")  # what names a row for a person, first one present


@dataclass(frozen=True)
class Source:
    """One converted source file: its path (relative to its side's folder of
    sources, or its name), the SHA-256 of its bytes, and its rows per table."""
    path: str
    sha256: str | None
    rows: dict[str, list[Record]]


@dataclass(frozen=True)
class Conversion:
    """One side of a comparison. ``columns``: each table's columns, None when
    not known (a pinned table without rows)."""
    sources: list[Source]
    columns: dict[str, tuple[str, ...] | None]


@dataclass(frozen=True)
class FieldChange:
    column: str
    old: Any
    new: Any


@dataclass(frozen=True)
class RowChange:
    key: dict[str, Any]  # the natural key's values
    label: str | None  # the row's title or text
    fields: tuple[FieldChange, ...]


@dataclass(frozen=True)
class TableChanges:
    table: str
    key: tuple[str, ...]  # the columns rows were paired on
    added: tuple[Record, ...] = ()
    removed: tuple[Record, ...] = ()
    changed: tuple[RowChange, ...] = ()


@dataclass(frozen=True)
class DocumentDiff:
    """A document present on both sides (old and new set), added (old None) or
    removed (new None). ``tables`` lists only tables that differ."""
    old: str | None
    new: str | None
    old_sha256: str | None
    new_sha256: str | None
    tables: tuple[TableChanges, ...]

    @property
    def status(self) -> str:
        return "added" if self.old is None else "removed" if self.new is None else "changed"


@dataclass(frozen=True)
class SchemaChange:
    """A table, or a column of a table (``column`` set), present on one side only."""
    table: str
    column: str | None
    only_in: str  # "old" or "new"


@dataclass(frozen=True)
class Diff:
    schema: tuple[SchemaChange, ...]
    documents: tuple[DocumentDiff, ...]  # the documents that differ
    renamed: tuple[tuple[str, str], ...]  # same bytes under another name: not a difference

    @property
    def equal(self) -> bool:
        return not self.schema and not self.documents


def compare(old: Conversion, new: Conversion,
            bbox_tolerance: float = DEFAULT_BBOX_TOLERANCE) -> Diff:
    tables = [t for t in old.columns if t in new.columns]
    schema = [SchemaChange(t, None, "old") for t in old.columns if t not in new.columns]
    schema += [SchemaChange(t, None, "new") for t in new.columns if t not in old.columns]
    compared: dict[str, tuple[str, ...] | None] = {}
    for table in tables:
        ignored = _not_compared(table)
        a, b = old.columns[table], new.columns[table]
        if a is None or b is None:
            compared[table] = None  # whatever columns the rows have
            continue
        schema += [SchemaChange(table, c, "old") for c in a if c not in b and c not in ignored]
        schema += [SchemaChange(table, c, "new") for c in b if c not in a and c not in ignored]
        compared[table] = tuple(c for c in a if c in b and c not in ignored)

    pairs, removed, added = pair_sources(old.sources, new.sources)
    documents = [_document(o, n, compared, bbox_tolerance) for o, n in pairs]
    documents += [_document(o, None, compared, bbox_tolerance) for o in removed]
    documents += [_document(None, n, compared, bbox_tolerance) for n in added]
    renamed = tuple((o.path, n.path) for o, n in pairs
                    if PurePath(o.path).name != PurePath(n.path).name)
    return Diff(tuple(schema), tuple(sorted((d for d in documents if d.tables), key=_order)),
                tuple(sorted(renamed)))


def _order(document: DocumentDiff) -> str:
    return document.new or document.old


def pair_sources(old: list[Source], new: list[Source]
                 ) -> tuple[list[tuple[Source, Source]], list[Source], list[Source]]:
    """(pairs, removed, added): same name and bytes, then same name (edited),
    then same bytes (renamed). Among several candidates, the one sharing the most
    trailing path parts wins (2017/plan.pdf pairs with 2017/plan.pdf)."""
    old_left, new_left = list(old), list(new)
    pairs: list[tuple[Source, Source]] = []

    def same_name(o: Source, n: Source) -> bool:
        return PurePath(o.path).name == PurePath(n.path).name

    def same_bytes(o: Source, n: Source) -> bool:
        return o.sha256 is not None and o.sha256 == n.sha256

    for match in (lambda o, n: same_name(o, n) and same_bytes(o, n), same_name, same_bytes):
        for o in list(old_left):
            candidates = [n for n in new_left if match(o, n)]
            if candidates:
                n = max(candidates, key=lambda n: _shared_tail(o.path, n.path))
                pairs.append((o, n))
                old_left.remove(o)
                new_left.remove(n)
    return pairs, old_left, new_left


def _shared_tail(a: str, b: str) -> int:
    shared = 0
    for x, y in zip(reversed(PurePath(a).parts), reversed(PurePath(b).parts)):
        if x != y:
            break
        shared += 1
    return shared


def _document(old: Source | None, new: Source | None, compared: dict,
              tolerance: float) -> DocumentDiff:
    changes = []
    for table, columns in compared.items():
        a = old.rows.get(table, []) if old else []
        b = new.rows.get(table, []) if new else []
        if a or b:
            found = compare_rows(table, a, b, columns, tolerance)
            if found.added or found.removed or found.changed:
                changes.append(found)
    return DocumentDiff(old and old.path, new and new.path, old and old.sha256, new and new.sha256,
                        tuple(changes))


def compare_rows(table: str, old: list[Record], new: list[Record],
                 columns: tuple[str, ...] | None, tolerance: float) -> TableChanges:
    """One document's rows of one table. ``columns``: those compared (None:
    every column the rows have, but for identity and volatile ones)."""
    if columns is None:
        ignored = _not_compared(table)
        seen = dict.fromkeys(c for r in (*old, *new) for c in r)
        columns = tuple(c for c in seen if c not in ignored)
    key_columns = natural_key(table)
    if key_columns is None:  # a table this version does not know: rows are equal or not
        key_columns = columns

    def keyed(rows: list[Record]) -> dict[tuple, list[Record]]:
        groups: dict[tuple, list[Record]] = defaultdict(list)
        for r in rows:
            groups[tuple(_hashable(r.get(c)) for c in key_columns)].append(r)
        return groups

    def differences(before: Record, after: Record) -> tuple[FieldChange, ...]:
        return tuple(FieldChange(c, before.get(c), after.get(c)) for c in columns
                     if c not in key_columns and not _same(before.get(c), after.get(c), tolerance))

    old_groups, new_groups = keyed(old), keyed(new)
    added, removed, changed = [], [], []
    for key in dict.fromkeys([*old_groups, *new_groups]):
        a, b = old_groups.get(key, []), new_groups.get(key, [])
        # rows sharing a key (a warning repeated on several pages): equal ones
        # pair first, so one that appears or goes does not shift the others
        b_left = list(b)
        a_left = [r for r in a if not _take_equal(r, b_left, differences)]
        for before, after in zip(a_left, b_left):
            changed.append(RowChange(dict(zip(key_columns, key)), label(after),
                                     differences(before, after)))
        removed += a_left[len(b_left):]
        added += b_left[len(a_left):]
    return TableChanges(table, key_columns, tuple(added), tuple(removed), tuple(changed))


def _take_equal(row: Record, candidates: list[Record], differences) -> bool:
    """Remove from ``candidates`` the first row equal to ``row``; whether there was one."""
    for i, candidate in enumerate(candidates):
        if not differences(row, candidate):
            del candidates[i]
            return True
    return False


def _not_compared(table: str) -> set[str]:
    return set(DOCUMENT_IDENTITY) | set(volatile_columns(table))


def _hashable(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


def label(row: Record) -> str | None:
    return next((row[c] for c in LABEL_COLUMNS if row.get(c)), None)


def _same(a: Any, b: Any, tolerance: float) -> bool:
    """Equal; a box (a list of numbers) within ``tolerance`` points per coordinate."""
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b) and all(
            isinstance(x, (int, float)) and isinstance(y, (int, float)) for x, y in zip(a, b)):
        return all(abs(x - y) <= tolerance for x, y in zip(a, b))
    return a == b
