"""The data dictionary, generated from the table definitions in tables.py.

``hoshin schema`` prints it and ``make docs`` writes it to
docs/data-dictionary.md; a test keeps the committed file equal to this text.
"""
from __future__ import annotations

import inspect

import pyarrow as pa

from .tables import PRIMARY_KEYS, TABLES, columns

HEADER = """# hoshin data dictionary

Generated from `schemas/tables.py` by `make docs` (`hoshin schema`); do not edit by hand.
Each table is a Parquet dataset at `OUT/<table>/`, one file per document (`<doc_id>.parquet`).
Boxes are `[x0, top, x1, bottom]` in PDF points, origin at the top-left of the page.
"""


def arrow_type_name(arrow_type: pa.DataType) -> str:
    """Short type names for readers: a 4-float box reads ``float64[4]``."""
    if pa.types.is_fixed_size_list(arrow_type):
        return f"{arrow_type_name(arrow_type.value_type)}[{arrow_type.list_size}]"
    return {"double": "float64", "bool": "boolean"}.get(str(arrow_type), str(arrow_type))


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def table_section(table: str) -> str:
    record = TABLES[table]
    key = PRIMARY_KEYS.get(table)
    lines = [f"## `{table}`", "", inspect.cleandoc(record.__doc__ or "")]
    if key:
        lines += ["", "Key: " + ", ".join(f"`{c}`" for c in key)]
    lines += ["", "| column | type | null | description |", "|---|---|---|---|"]
    for f in columns(table):
        meta = f.metadata
        doc = meta["doc"]
        if meta["allowed"]:
            doc += " — one of " + ", ".join(f"`{v}`" for v in meta["allowed"])
        lines.append(f"| `{f.name}` | {arrow_type_name(meta['arrow'])} | "
                     f"{'yes' if meta['nullable'] else 'no'} | {_cell(doc)} |")
    return "\n".join(lines)


def data_dictionary() -> str:
    """The whole dictionary as Markdown, tables in output order."""
    return "\n\n".join([HEADER.rstrip("\n"), *(table_section(t) for t in TABLES)]) + "\n"
