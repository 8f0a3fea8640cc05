"""Convert one file: read → extract → normalize → validated rows/tables. Pure: no output written."""
from __future__ import annotations

import gc
import hashlib
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa

from extract import DEFAULT_ENGINE, ExtractError, extract_document
from normalize import SourceInfo, Tables, to_rows
from schemas import ValidationError
from schemas.parquet import document_tables
from schemas.tables import ErrorRow

from . import __version__
from .deadline import DocumentTimeout, within


@dataclass(frozen=True)
class Converted:
    source: SourceInfo
    rows: Tables


@dataclass(frozen=True)
class Failed:
    error: ErrorRow


def path_key(path: Path) -> str:
    """File stem for a source's error file: stable per path, whatever its bytes."""
    return hashlib.sha256(str(path).encode()).hexdigest()[:16]


def convert_file(path: Path, *, engine: str = DEFAULT_ENGINE, max_pages: int | None = None,
                 timeout: float | None = None) -> Converted | Failed:
    """Convert one file; never raises, so one bad file cannot stop a batch.
    ``max_pages`` and ``timeout`` (seconds) bound the work."""
    at = _Stage(path)

    def convert() -> Converted:  # the body the time limit applies to
        data = path.read_bytes()
        sha = hashlib.sha256(data).hexdigest()
        at.doc_id = sha[:16]
        source = SourceInfo(doc_id=at.doc_id, path=str(path), sha256=sha,
                            format=path.suffix.lower().lstrip("."), parser_version=__version__)
        at.stage = "extract"
        tree = extract_document(path, data, max_pages, engine)
        at.stage = "normalize"
        return Converted(source, to_rows(tree, source))

    try:
        return within(timeout, convert)
    except DocumentTimeout:
        return at.failed("timeout", f"{path}: stopped after {timeout:g} s during {at.stage} "
                                    "(the --timeout limit)")
    except ExtractError as exc:
        return at.failed(exc.kind, str(exc))
    except OSError as exc:
        return at.failed("unreadable_file", f"{path}: {exc.strerror or exc}")
    except Exception as exc:  # a parser bug must not stop the batch; it is reported
        return at.failed("internal_error", f"{path}: {type(exc).__name__}: {exc}".splitlines()[0])


@dataclass
class _Stage:
    """How far a conversion got: the stage and doc_id its error row names."""
    path: Path
    stage: str = "read"
    doc_id: str | None = None

    def failed(self, kind: str, message: str) -> Failed:
        return Failed(ErrorRow(str(self.path), self.stage, kind, message, self.doc_id))


@dataclass(frozen=True)
class DocumentSummary:
    counts: dict[str, int]
    ward: str | None
    fiscal_year: int | None
    budget_yen: int
    pages: int | None


@dataclass(frozen=True)
class Outcome:
    """What one document's conversion hands back to the writer: validated
    Arrow tables, or the error row. Small and picklable, for any executor."""
    path: Path
    sha256: str | None
    doc_id: str | None
    tables: dict[str, pa.Table] | None = None
    summary: DocumentSummary | None = None
    error: ErrorRow | None = None


@dataclass(frozen=True)
class ConvertOptions:
    engine: str = DEFAULT_ENGINE
    max_pages: int | None = None
    timeout: float | None = None  # seconds per document


# Objects allocated between two runs of the cyclic garbage collector's youngest
# generation while a document converts (Python's default: 700).
YOUNG_COLLECTION_THRESHOLD = 10_000


_converting = 0  # conversions running in this process (a Dask worker may run several in threads)
_saved_threshold: tuple[int, ...] = ()
_threshold_lock = threading.Lock()


@contextmanager
def _fewer_collections():
    """A conversion allocates a few hundred thousand glyph dicts, lines and cells,
    nearly none of them in a reference cycle, and keeps most of them to the end:
    at the default threshold the collector walks them some 480 times in the 612-page
    book (0.34 s, 5 % of the run); at this one 16 times (0.07 s). The process's own
    setting is back when the last conversion running in it ends."""
    global _converting, _saved_threshold
    with _threshold_lock:
        if _converting == 0:
            _saved_threshold = gc.get_threshold()
            gc.set_threshold(YOUNG_COLLECTION_THRESHOLD, *_saved_threshold[1:])
        _converting += 1
    try:
        yield
    finally:
        with _threshold_lock:
            _converting -= 1
            if _converting == 0:
                gc.set_threshold(*_saved_threshold)


def convert_document(path: Path, options: ConvertOptions = ConvertOptions()) -> Outcome:
    """The per-document unit of a batch: convert and validate, write nothing.
    Top-level and pure, so a process pool or a Dask worker can run it."""
    with _fewer_collections():
        return _converted(path, options)


def _converted(path: Path, options: ConvertOptions) -> Outcome:
    outcome = convert_file(path, engine=options.engine, max_pages=options.max_pages,
                           timeout=options.timeout)
    if isinstance(outcome, Failed):
        return Outcome(path, None, outcome.error.doc_id, error=outcome.error)
    source, rows = outcome.source, outcome.rows
    try:
        tables = document_tables(rows)
    except ValidationError as exc:
        return Outcome(path, source.sha256, source.doc_id, error=ErrorRow(
            str(path), "validate", "invalid_rows", f"{path}: {exc}", source.doc_id))
    document = rows["documents"][0]
    summary = DocumentSummary(
        {name: table.num_rows for name, table in tables.items()}, document.ward,
        document.fiscal_year, sum(p.budget_yen or 0 for p in rows.get("projects", [])),
        document.page_count)
    return Outcome(path, source.sha256, source.doc_id, tables, summary)


def worker_died(path: Path) -> Outcome:
    """The outcome of a document whose worker process died converting it."""
    return Outcome(path, None, None, error=ErrorRow(
        str(path), "extract", "worker_crashed",
        f"{path}: the converting process died (crash or out of memory)", None))
