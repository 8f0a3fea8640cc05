"""The output folder as a set of committed documents.

Per document, in this order: its table files are written under hidden staging
names, renamed into place (``documents`` last), then its manifest line is
appended — the commit point — and only then are the files it supersedes
(an older version of the same source, or the source's old error) removed.
When the renames replace files already in place (same doc_id: ``--force``, a
new parser version), the old files are first kept under hidden backup names
and a ``pending`` journal line is written, so a publish cut short can be
undone. A run killed between any two steps leaves complete Parquet files and
a manifest whose every entry has its files. What it may leave beyond that —
a half-renamed overwrite, staging and backup files, files of a document not
yet committed, superseded files not yet removed — is put right by
``reconcile`` when the next run opens the folder: each document is then
wholly its committed version.
"""
from __future__ import annotations

import fcntl
import hashlib
from collections import Counter
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

from schemas.parquet import (DOCUMENT_TABLES, EMPTY, WriteError, as_write_error, back_up, discard,
                             drop_backups, error_table, is_backup_file, is_staging_file, publish,
                             read_column, readable, remove, roll_back, set_column, stage,
                             staging_file, write, write_empty_tables)
from schemas.tables import ErrorRow

from . import __version__, manifest
from .convert import Outcome, path_key
from .manifest import Entry


LOCK = "manifest.lock"

# Error kinds that say nothing about a source's bytes: this run's limits
# (--timeout, --max-pages), a worker process that died (a crash or out of
# memory), a fault of this parser version (internal_error, invalid_rows). A
# source committed "ok" from the very bytes it still has keeps its rows and
# entry; its error row is this run's only, like a write failure's. Every other
# kind (damaged_pdf, encrypted, not_a_pdf, empty_file, no_text,
# unreadable_file, ...), and any error on a file whose bytes changed, replaces
# its old rows: they no longer describe the file.
NOT_ABOUT_THE_BYTES = frozenset({"timeout", "too_many_pages", "worker_crashed", "internal_error",
                                 "invalid_rows"})


def source_key(path: Path) -> str:
    return str(path.resolve())


def sha256_of(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None  # the conversion reports why


def reconcile(out_dir: Path, entries: dict[str, Entry], pending: manifest.Pending | None) -> None:
    """Undo the publish a killed run left unfinished (``pending``), then remove
    every file the manifest does not account for."""
    if pending is not None:
        finals = [out_dir / name for name in pending.files]
        roll_back([(staging_file(f), f) for f in finals],
                  [out_dir / name for name in pending.replaced])
    live_docs = {e.doc_id for e in entries.values() if e.status == "ok"} | {EMPTY}
    live_errors = {path_key(Path(e.source)) for e in entries.values() if e.status == "error"} | {EMPTY}
    for table in (*DOCUMENT_TABLES, "errors"):
        folder = out_dir / table
        if not folder.is_dir():
            continue
        keep = live_errors if table == "errors" else live_docs
        for f in folder.iterdir():
            if is_staging_file(f) or is_backup_file(f) or (f.suffix == ".parquet" and f.stem not in keep):
                f.unlink()


class FolderBusy(Exception):
    pass


class OutputFolder:
    """One run's hold on an output folder. Runs exclude each other (a lock
    file): a second run's ``reconcile`` would delete the first one's work."""

    def __init__(self, out_dir: Path, engine: str):
        self.dir, self.engine = out_dir, engine
        out_dir.mkdir(parents=True, exist_ok=True)
        self._lock = open(out_dir / LOCK, "a")  # "a": an existing lock file is left as it is
        try:
            fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self._lock.close()
            raise FolderBusy(f"{out_dir}: another hoshin run is writing to this folder") from None
        self.entries, pending = manifest.read(out_dir)
        self._users = Counter(e.doc_id for e in self.entries.values() if e.status == "ok")
        reconcile(out_dir, self.entries, pending)
        write_empty_tables(out_dir)
        if not manifest.is_compact(out_dir, self.entries):
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
                and entry.sha256 == sha256_of(path)
                and readable(self.dir, "documents", entry.doc_id))  # not lost or damaged since

    def commit(self, outcome: Outcome) -> Outcome:
        """Write and commit one document's tables, or its error row. Returns the
        outcome as committed: a document whose files cannot be written is an
        error (stage ``write``) that leaves the source's previous rows and
        manifest entry as they were, and so does an error NOT_ABOUT_THE_BYTES;
        an error row that cannot be written says so in its message."""
        if outcome.tables is not None:
            try:
                self._commit(outcome, outcome.doc_id, outcome.tables, "ok")
                return outcome
            except WriteError as exc:
                error = ErrorRow(str(outcome.path), "write", exc.kind, f"{outcome.path}: {exc}",
                                 outcome.doc_id)
                return self._record_uncommitted(replace(outcome, tables=None, summary=None,
                                                        error=error))
        previous = self.entries.get(source_key(outcome.path))
        if (previous and previous.status == "ok" and outcome.error.kind in NOT_ABOUT_THE_BYTES
                and previous.sha256 == sha256_of(outcome.path)):
            return self._record_uncommitted(outcome)
        try:
            self._commit(outcome, path_key(Path(source_key(outcome.path))),
                         {"errors": error_table(outcome.error)}, "error")
        except WriteError as exc:
            return _unrecorded(outcome, exc)
        return outcome

    def _commit(self, outcome: Outcome, stem: str, tables: dict, status: str) -> None:
        self._hand_over(self.entries.get(source_key(outcome.path)),
                        outcome.doc_id if status == "ok" else None)
        staged = stage(self.dir, stem, tables)
        replaced: list[Path] = []
        try:
            replaced = back_up(staged)
            if replaced:
                self._journal.pending(self._names(f for _, f in staged), self._names(replaced))
            publish(staged)
            entry = self._entry(outcome, status)
            self._journal.commit(entry)
        except manifest.JournalUnknown:
            raise  # the line may be in: undoing the files could contradict it; the next open decides
        except OSError as exc:
            # The journal holds no line of this commit (a failed append is cut
            # back), so the files are put back. A failed rollback raises
            # (OSError): the run stops with the pending line last, and the next
            # run's open rolls back.
            roll_back(staged, replaced)
            discard(staged)
            raise as_write_error(self.dir, exc) from exc
        drop_backups(replaced)
        previous = self.entries.get(entry.source)
        self.entries[entry.source] = entry
        if status == "ok":
            self._users[entry.doc_id] += 1
        if previous is not None:
            self._drop(previous, entry)

    def _names(self, files) -> list[str]:
        return [str(f.relative_to(self.dir)) for f in files]

    def _entry(self, outcome: Outcome, status: str) -> Entry:
        failed = status == "error"
        return Entry(
            source=source_key(outcome.path), sha256=outcome.sha256 or sha256_of(outcome.path),
            doc_id=outcome.doc_id, parser_version=__version__, engine=self.engine, status=status,
            converted_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
            pages=None if failed else outcome.summary.pages,
            error_kind=outcome.error.kind if failed else None)

    def _record_uncommitted(self, failed: Outcome) -> Outcome:
        """An errors/ row for this run only, not committed: the failure is the
        folder's or the run's, not a verdict on the document, so the source keeps
        its committed rows and entry (a committed error row too: this one has a
        file of its own). The next run's open removes the row; that run converts
        the source again unless the committed rows are current."""
        stem = f"{path_key(Path(source_key(failed.path)))}.this-run"
        try:
            write(self.dir, stem, {"errors": error_table(failed.error)})
        except WriteError as again:
            return _unrecorded(failed, again)
        return failed

    def forget_missing(self, folders: list[Path]) -> list[str]:
        """Sources committed from under ``folders`` whose file is gone (deleted,
        renamed): their rows are removed, else a renamed plan counts twice."""
        roots = [folder.resolve() for folder in folders]
        gone = [e for source, e in self.entries.items()
                if any(Path(source).is_relative_to(root) for root in roots) and not Path(source).exists()]
        for previous in gone:
            entry = replace(previous, status="gone",
                            converted_at=datetime.now(timezone.utc).isoformat(timespec="seconds"))
            self._hand_over(previous, None)
            try:
                self._journal.commit(entry)
            except OSError as exc:
                raise as_write_error(self.dir, exc) from exc
            del self.entries[previous.source]
            self._drop(previous, entry)
        return [e.source for e in gone]

    def _hand_over(self, previous: Entry | None, doc_id: str | None) -> None:
        """Before ``previous.source`` is committed as no longer holding its
        document's bytes (it changed, failed or is gone; ``doc_id`` is what it
        holds now): if another source still has those bytes, the documents row
        they share must name one of them, not a file that no longer matches it
        (the report would draw the wrong PDF). Done before that commit, so a
        kill at any point leaves the row naming a source that, by the
        manifest, has those bytes."""
        if (previous is None or previous.status != "ok" or previous.doc_id == doc_id
                or self._users[previous.doc_id] < 2):  # no other source: it goes (``_drop``)
            return
        heirs = [e.source for e in self.entries.values()
                 if e.status == "ok" and e.doc_id == previous.doc_id and e.source != previous.source]
        named = read_column(self.dir, "documents", previous.doc_id, "source_path")
        if named is None or len(named) != 1:
            return  # missing or damaged (by hand): the heir reconverts, see ``unchanged``
        if source_key(Path(named[0])) not in heirs:
            set_column(self.dir, "documents", previous.doc_id, "source_path", heirs[0])

    def _drop(self, previous: Entry, current: Entry) -> None:
        """Remove what ``current`` supersedes: the source's old error, or its old
        document unless another source has the same bytes."""
        if previous.status == "error" and current.status != "error":
            remove(self.dir, ("errors",), path_key(Path(previous.source)))
        if previous.status == "ok":
            self._users[previous.doc_id] -= 1
            if self._users[previous.doc_id] == 0:
                remove(self.dir, DOCUMENT_TABLES, previous.doc_id)


def _unrecorded(outcome: Outcome, exc: Exception) -> Outcome:
    error = outcome.error
    return replace(outcome, error=replace(
        error, message=f"{error.message} (not recorded in errors/: {exc})"))
