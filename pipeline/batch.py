"""Run conversions over many inputs and commit each document's tables.

Workers (``convert_document``) only compute; this process is the single
writer, so commits to the output folder and its manifest need no locking and
happen in input order whatever the number of workers.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from extract import DEFAULT_ENGINE, READERS
from schemas import check_writable
from schemas.tables import ErrorRow

from .convert import ConvertOptions, DocumentSummary, convert_document, worker_died
from .executors import open_executor, ordered
from .output import OutputFolder
from .progress import Progress


def discover(inputs: Iterable[Path]) -> Iterator[Path]:
    """Input files (.pdf/.txt) from files and folders, folders walked in name order;
    hidden files and folders inside a folder are passed over (not the folder's own
    path: ../plans is no hidden folder)."""
    for item in inputs:
        if item.is_dir():
            yield from sorted(p for p in item.rglob("*")
                              if p.is_file() and p.suffix.lower() in READERS
                              and not any(part.startswith(".") for part in p.relative_to(item).parts))
        else:
            yield item


@dataclass(frozen=True)
class BatchOptions:
    jobs: int = os.cpu_count() or 1
    engine: str = DEFAULT_ENGINE
    max_pages: int | None = None  # a longer PDF is an error row
    timeout: float | None = None  # seconds per document; a slower one is an error row
    force: bool = False  # reconvert documents whose bytes are unchanged
    executor: str = "local"
    scheduler: str | None = None  # Dask scheduler address; None starts a local cluster
    progress: bool = False


@dataclass
class BatchResult:
    converted: list[tuple[Path, DocumentSummary]] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)
    errors: list[ErrorRow] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)  # sources gone from an input folder


def run_batch(inputs: Iterable[Path], out_dir: Path,
              options: BatchOptions = BatchOptions()) -> BatchResult:
    """Convert and commit every input. Raises WriteError before converting
    anything when ``out_dir`` cannot be written."""
    check_writable(out_dir)
    result = BatchResult()
    convert = ConvertOptions(options.engine, options.max_pages, options.timeout)
    inputs = list(inputs)
    with OutputFolder(out_dir, options.engine) as output:
        result.removed = output.forget_missing([p for p in inputs if p.is_dir()])
        todo: list[Path] = []
        for path in discover(inputs):
            (todo if options.force or not output.unchanged(path) else result.skipped).append(path)
        progress = Progress(len(todo) + len(result.skipped), enabled=options.progress)
        progress.skipped(len(result.skipped))
        jobs = min(options.jobs, len(todo))  # no idle workers to start for a short batch
        if not todo:
            return result
        try:
            with open_executor(options.executor, jobs, options.scheduler) as executor:
                for outcome in ordered(executor, convert_document, todo, convert,
                                       window=2 * jobs, on_crash=worker_died):
                    outcome = output.commit(outcome)
                    if outcome.error is None:
                        result.converted.append((outcome.path, outcome.summary))
                    else:
                        result.errors.append(outcome.error)
                    progress.document(outcome.path, outcome.summary and outcome.summary.pages,
                                      "converted" if outcome.error is None else "FAILED")
        finally:
            progress.close()
    return result
