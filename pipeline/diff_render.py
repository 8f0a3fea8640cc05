"""A comparison (pipeline/diff.py) for people and tools: text for a terminal,
Markdown for a pull-request comment, JSON for programs."""
from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from .diff import Diff, DocumentDiff, RowChange, TableChanges, label

FORMATS = ("text", "markdown", "json")
WIDE = 60  # a text value longer than this is shown on lines of its own
SHORT = 40  # characters of a row's title kept in its label


def render(diff: Diff, fmt: str) -> str:
    return {"text": text, "markdown": markdown, "json": as_json}[fmt](diff)


def value(column: str, v: Any) -> str:
    """A cell for people: yen with separators, whole floats without .0, boxes to 0.1 pt."""
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int) and column.endswith("_yen"):
        return f"{v:,}"
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() else repr(v)
    if isinstance(v, list):
        return "[" + ", ".join(f"{x:.1f}" if isinstance(x, float) else str(x) for x in v) + "]"
    return str(v)


def row_label(key: dict[str, Any], name: str | None) -> str:
    """The row's key (a warning's is its text) and its title, each cut to SHORT characters."""
    where = " · ".join(f"{k} {_short(value(k, v))}" for k, v in key.items())
    if name and name not in key.values():
        return f"{where}  {_short(name)}" if where else _short(name)
    return where


def _short(text: str) -> str:
    return text if len(text) <= SHORT else text[:SHORT] + "…"


def _row(table: TableChanges, row: dict) -> str:
    """An added or removed row, named like a changed one."""
    return row_label({c: row.get(c) for c in table.key}, label(row))


def _counts(table: TableChanges) -> str:
    parts = [f"{len(table.added)} added" if table.added else "",
             f"{len(table.removed)} removed" if table.removed else "",
             f"{len(table.changed)} changed" if table.changed else ""]
    return ", ".join(p for p in parts if p)


def _rows_in(document: DocumentDiff) -> str:
    return "rows: " + ", ".join(f"{t.table} {len(t.added) + len(t.removed)}" for t in document.tables)


def _heading(document: DocumentDiff) -> str:
    if document.status == "added":
        return f"{document.new}: added ({_rows_in(document)})"
    if document.status == "removed":
        return f"{document.old}: removed ({_rows_in(document)})"
    name = document.new if document.old == document.new else f"{document.old} → {document.new}"
    edited = " (file changed)" if document.old_sha256 != document.new_sha256 else ""
    return f"{name}{edited}"


def _schema_line(change) -> str:
    what = f"column {change.table}.{change.column}" if change.column else f"table {change.table}"
    return f"{what} only in {change.only_in.upper()}"


def summary(diff: Diff) -> str:
    renamed = (f" ({len(diff.renamed)} file(s) renamed, same bytes: "
               + ", ".join(f"{a} → {b}" for a, b in diff.renamed) + ")") if diff.renamed else ""
    if diff.equal:
        return f"no differences{renamed}"
    by_status = {s: sum(d.status == s for d in diff.documents) for s in ("changed", "added", "removed")}
    statuses = ", ".join(f"{n} {s}" for s, n in by_status.items() if n)
    parts = [f"{len(diff.documents)} document(s) differ: {statuses}" if diff.documents else "",
             f"{len(diff.schema)} schema difference(s)" if diff.schema else ""]
    return "; ".join(p for p in parts if p) + renamed


# -- text -----------------------------------------------------------------------

def text(diff: Diff) -> str:
    if diff.equal:
        return summary(diff)
    lines = [_schema_line(c) for c in diff.schema]
    for document in diff.documents:
        lines.append(_heading(document))
        if document.status != "changed":
            continue
        for table in document.tables:
            lines.append(f"  {table.table}: {_counts(table)}")
            lines += [f"    - {_row(table, r)}" for r in table.removed]
            lines += [f"    + {_row(table, r)}" for r in table.added]
            for change in table.changed:
                lines.append(f"    ~ {row_label(change.key, change.label)}")
                lines += _field_lines(change)
    lines.append(summary(diff))
    return "\n".join(lines)


def _field_lines(change: RowChange) -> list[str]:
    out = []
    for f in change.fields:
        old, new = value(f.column, f.old), value(f.column, f.new)
        if max(len(old), len(new)) > WIDE or "\n" in old + new:
            out += [f"        {f.column}:", *(f"          - {line}" for line in old.splitlines()),
                    *(f"          + {line}" for line in new.splitlines())]
        else:
            out.append(f"        {f.column}: {old} → {new}")
    return out


# -- markdown -------------------------------------------------------------------

def _cell(s: str) -> str:
    return s.replace("|", "\\|").replace("\n", "<br>")


def markdown(diff: Diff) -> str:
    lines = [f"**hoshin**: {summary(diff)}"]
    if diff.schema:
        lines += ["", *(f"- {_schema_line(c)}" for c in diff.schema)]
    for document in diff.documents:
        lines += ["", f"### {_cell(_heading(document))}"]
        if document.status != "changed":
            continue
        for table in document.tables:
            lines += ["", f"**{table.table}**: {_counts(table)}", ""]
            lines += [f"- removed: {_cell(_row(table, r))}" for r in table.removed]
            lines += [f"- added: {_cell(_row(table, r))}" for r in table.added]
            if table.changed:
                if table.added or table.removed:
                    lines.append("")
                lines += ["| row | column | old | new |", "|---|---|---|---|"]
                lines += [f"| {_cell(row_label(c.key, c.label))} | {f.column} | "
                          f"{_cell(value(f.column, f.old))} | {_cell(value(f.column, f.new))} |"
                          for c in table.changed for f in c.fields]
    return "\n".join(lines)


# -- json -----------------------------------------------------------------------

def as_json(diff: Diff) -> str:
    data = {"equal": diff.equal, **asdict(diff)}
    for document, out in zip(diff.documents, data["documents"]):
        out["status"] = document.status
    return json.dumps(data, ensure_ascii=False, indent=2)
