"""The output folder's manifest: which source's rows are committed, from which bytes.

``OUT/manifest.jsonl`` is an append-only journal, one JSON object per line;
the last line for a source wins. Appending one line is the commit point of a
document: its table files are already in place when the line is written, so
every entry names files that exist. A run killed mid-append leaves at most a
torn last line, which is ignored (that document is simply not committed).
Each run starts by compacting the journal to one line per source.

A publish that replaces files already in place (``--force``, a new parser
version, a second source with the same bytes) is preceded by a ``pending``
line naming the files it writes and those it replaces (their old bytes are
kept under backup names). A pending line that is the journal's last valid
line belongs to a publish that never committed: ``read`` returns it and the
next run's open rolls that publish back.
"""
from __future__ import annotations

import errno
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


@dataclass(frozen=True)
class Pending:
    """A publish about to replace files in place; paths relative to the output folder."""
    files: list[str]  # every file the publish renames into place
    replaced: list[str]  # those of them that existed: their backups hold the old bytes


def _records(out_dir: Path) -> list[Entry | Pending]:
    try:
        text = (out_dir / MANIFEST).read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    records: list[Entry | Pending] = []
    for line in text.splitlines():
        try:
            fields = json.loads(line)
            pending = fields.pop("pending", None) if isinstance(fields, dict) else None
            records.append(Pending(**pending) if pending is not None else Entry(**fields))
        except (ValueError, TypeError):  # torn last line of a killed run
            continue
    return records


def read(out_dir: Path) -> tuple[dict[str, Entry], Pending | None]:
    """The committed entries, one per source, and the publish the last run
    started and did not commit (it was killed), if any: the journal read once."""
    records = _records(out_dir)
    entries: dict[str, Entry] = {}
    for entry in records:
        if isinstance(entry, Pending):
            continue
        if entry.status == "gone":
            entries.pop(entry.source, None)
        else:
            entries[entry.source] = entry
    unfinished = records[-1] if records and isinstance(records[-1], Pending) else None
    return entries, unfinished


def load(out_dir: Path) -> dict[str, Entry]:
    return read(out_dir)[0]


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


class JournalUnknown(OSError):
    """An append failed and could not be undone: whether its line is in the
    journal is unknown until the next run reads it, so nothing may act on
    either outcome now (the run stops; the next open decides)."""


class Journal:
    """Append-only writer; each ``commit`` is on disk when it returns, or not
    in the journal at all when it raises a plain OSError."""

    def __init__(self, out_dir: Path):
        self._fd = os.open(out_dir / MANIFEST, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)

    def commit(self, entry: Entry) -> None:
        self._append(_line(entry))

    def pending(self, files: list[str], replaced: list[str]) -> None:
        self._append(json.dumps({"pending": {"files": files, "replaced": replaced}}) + "\n")

    def _append(self, line: str) -> None:
        """Unbuffered, so a failed write is not retried later behind the next
        line; on failure the journal is cut back to where it was."""
        data = line.encode("utf-8")
        size = os.fstat(self._fd).st_size
        try:
            if os.write(self._fd, data) != len(data):
                raise OSError(errno.ENOSPC, "short write to the manifest")
            os.fsync(self._fd)
        except OSError as exc:
            try:
                os.ftruncate(self._fd, size)
                os.fsync(self._fd)
            except OSError as again:
                raise JournalUnknown(again.errno, f"{exc}; undoing it failed too: {again}") from exc
            raise

    def close(self) -> None:
        os.close(self._fd)
