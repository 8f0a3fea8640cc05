"""The output folder's manifest: which source's rows are committed, from which bytes.

``OUT/manifest.jsonl`` is an append-only journal, one JSON object per line;
the last line for a source wins. Appending one line is the commit point of a
document: its table files are already in place when the line is written, so
every entry names files that exist. A run killed mid-append leaves at most a
torn last line, which is ignored (that document is simply not committed).
Each run starts by compacting the journal to one line per source.
"""
from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

MANIFEST = "manifest.jsonl"


@dataclass(frozen=True)
class Entry:
    source: str  # absolute path of the source file: the journal's key
    sha256: str | None  # None when the file could not be read
    doc_id: str | None  # None when the file could not be read
    parser_version: str
    engine: str
    status: str  # "ok", "error", or "gone": the source no longer exists, its rows are removed
    converted_at: str  # UTC, ISO 8601
    pages: int | None = None
    error_kind: str | None = None


def load(out_dir: Path) -> dict[str, Entry]:
    entries: dict[str, Entry] = {}
    try:
        text = (out_dir / MANIFEST).read_text(encoding="utf-8")
    except FileNotFoundError:
        return entries
    for line in text.splitlines():
        try:
            entry = Entry(**json.loads(line))
        except (ValueError, TypeError):  # torn last line of a killed run
            continue
        if entry.status == "gone":
            entries.pop(entry.source, None)
        else:
            entries[entry.source] = entry
    return entries


def _line(entry: Entry) -> str:
    return json.dumps(asdict(entry), ensure_ascii=False) + "\n"


def is_compact(out_dir: Path, entries: dict[str, Entry]) -> bool:
    """One valid line per source already (a folder not written to stays untouched)."""
    try:
        text = (out_dir / MANIFEST).read_text(encoding="utf-8")
    except FileNotFoundError:
        return False
    return text.endswith("\n") and text.count("\n") == len(entries)


def rewrite(out_dir: Path, entries: dict[str, Entry]) -> None:
    """Replace the journal by one line per source, atomically."""
    out_dir.mkdir(parents=True, exist_ok=True)
    tmp = out_dir / f".{MANIFEST}.tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.writelines(_line(e) for e in entries.values())
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, out_dir / MANIFEST)


class Journal:
    """Append-only writer; each ``commit`` is on disk when it returns."""

    def __init__(self, out_dir: Path):
        self._file = open(out_dir / MANIFEST, "a", encoding="utf-8")

    def commit(self, entry: Entry) -> None:
        self._file.write(_line(entry))
        self._file.flush()
        os.fsync(self._file.fileno())

    def close(self) -> None:
        self._file.close()
