"""The output folder as a set of committed documents.

Per document, in this order: its table files are written under hidden staging
names, renamed into place (``documents`` last), then its manifest line is
appended — the commit point — and only then are the files it supersedes
(an older version of the same source, or the source's old error) removed.
A run killed between any two steps leaves complete Parquet files and a
manifest whose every entry has its files. What it may leave beyond that —
staging files, files of a document not yet committed, superseded files not
yet removed — is removed by ``reconcile`` when the next run opens the folder.
"""
from __future__ import annotations

import fcntl
import hashlib
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

from schemas.parquet import (DOCUMENT_TABLES, discard, error_table, is_staging_file, publish,
                             remove, stage)

from . import __version__, manifest
from .convert import Outcome, path_key
from .manifest import Entry


def source_key(path: Path) -> str:
    return str(path.resolve())


def sha256_of(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None  # the conversion reports why


def reconcile(out_dir: Path, entries: dict[str, Entry]) -> None:
    """Remove every file the manifest does not account for."""
    live_docs = {e.doc_id for e in entries.values() if e.status == "ok"}
    live_errors = {path_key(Path(e.source)) for e in entries.values() if e.status == "error"}
    for table in (*DOCUMENT_TABLES, "errors"):
        folder = out_dir / table
        if not folder.is_dir():
            continue
        keep = live_errors if table == "errors" else live_docs
        for f in folder.iterdir():
            if is_staging_file(f) or (f.suffix == ".parquet" and f.stem not in keep):
                f.unlink()


class FolderBusy(Exception):
    pass


class OutputFolder:
    """One run's hold on an output folder. Runs exclude each other (a lock
    file): a second run's ``reconcile`` would delete the first one's work."""

    def __init__(self, out_dir: Path, engine: str):
        self.dir, self.engine = out_dir, engine
        out_dir.mkdir(parents=True, exist_ok=True)
        self._lock = open(out_dir / ".lock", "w")
        try:
            fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self._lock.close()
            raise FolderBusy(f"{out_dir}: another hoshin run is writing to this folder") from None
        self.entries = manifest.load(out_dir)
        self._users = Counter(e.doc_id for e in self.entries.values() if e.status == "ok")
        reconcile(out_dir, self.entries)
        manifest.rewrite(out_dir, self.entries)
        self._journal = manifest.Journal(out_dir)

    def __enter__(self) -> "OutputFolder":
        return self

    def __exit__(self, *exc) -> None:
        self._journal.close()
        self._lock.close()  # releases the lock

    def unchanged(self, path: Path) -> bool:
        """Committed from these very bytes by this parser version."""
        entry = self.entries.get(source_key(path))
        return (entry is not None and entry.status == "ok" and entry.parser_version == __version__
                and entry.sha256 == sha256_of(path))

    def commit(self, outcome: Outcome) -> None:
        key = source_key(outcome.path)
        failed = outcome.tables is None
        stem = path_key(Path(key)) if failed else outcome.doc_id
        staged = stage(self.dir, stem, {"errors": error_table(outcome.error)} if failed
                       else outcome.tables)
        try:
            publish(staged)
        except BaseException:
            discard(staged)
            raise
        entry = Entry(
            source=key, sha256=outcome.sha256 or sha256_of(outcome.path), doc_id=outcome.doc_id,
            parser_version=__version__, engine=self.engine,
            status="error" if failed else "ok",
            converted_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
            pages=None if failed else outcome.summary.pages,
            error_kind=outcome.error.kind if failed else None)
        previous = self.entries.get(key)
        self._journal.commit(entry)
        self.entries[key] = entry
        if not failed:
            self._users[entry.doc_id] += 1
        if previous is not None:
            self._drop(previous, entry)

    def _drop(self, previous: Entry, current: Entry) -> None:
        """Remove what ``current`` supersedes: the source's old error, or its old
        document unless another source has the same bytes."""
        if previous.status == "error" and current.status == "ok":
            remove(self.dir, ("errors",), path_key(Path(previous.source)))
        if previous.status == "ok":
            self._users[previous.doc_id] -= 1
            if self._users[previous.doc_id] == 0:
                remove(self.dir, DOCUMENT_TABLES, previous.doc_id)
