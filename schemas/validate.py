"""Validation of rows against the table definitions, before anything is written."""
from __future__ import annotations

from collections import Counter
from typing import Iterable

import pyarrow as pa

from .tables import PRIMARY_KEYS, arrow_schema, columns


class ValidationError(ValueError):
    pass


def to_arrow(table: str, rows: Iterable) -> pa.Table:
    """Rows (records of the table's type) → an Arrow table of exactly its schema.

    Raises ValidationError naming the table and column for a null in a
    required column, a value outside the allowed set, or a duplicate key.
    """
    rows = list(rows)
    # column by column: dataclasses.asdict deep-copies every row and was a
    # tenth of a pdfium run
    data = {f.name: [getattr(r, f.name) for r in rows] for f in columns(table)}
    problems: list[str] = []
    for f in columns(table):
        values = data[f.name]
        if not f.metadata["nullable"] and any(v is None for v in values):
            problems.append(f"{table}.{f.name}: null in a required column")
        allowed = f.metadata["allowed"]
        if allowed is not None:
            bad = sorted({v for v in values if v is not None and v not in allowed})
            if bad:
                problems.append(f"{table}.{f.name}: {bad} not in {list(allowed)}")
    key = PRIMARY_KEYS.get(table)
    if key:
        dupes = [k for k, n in Counter(zip(*(data[c] for c in key))).items() if n > 1]
        if dupes:
            problems.append(f"{table}: duplicate key {dict(zip(key, dupes[0]))}")
    if problems:
        raise ValidationError("; ".join(problems))
    try:
        return pa.Table.from_pydict(data, schema=arrow_schema(table))
    except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:
        raise ValidationError(f"{table}: {exc}") from exc
