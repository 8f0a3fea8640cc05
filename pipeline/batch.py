"""Run conversions over many inputs and write each document's tables."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterable, Iterator

from extract import READERS
from schemas import ValidationError, WriteError, check_writable, clear_error, write_error, write_rows
from schemas.tables import ErrorRow

from .convert import Converted, convert_file, path_key


def discover(inputs: Iterable[Path]) -> Iterator[Path]:
    """Input files (.pdf/.txt) from files and folders, folders walked in name order."""
    for item in inputs:
        if item.is_dir():
            yield from sorted(p for p in item.rglob("*")
                              if p.is_file() and p.suffix.lower() in READERS
                              and not any(part.startswith(".") for part in p.parts))
        else:
            yield item


@dataclass
class DocumentSummary:
    path: Path
    counts: dict[str, int]
    ward: str | None
    fiscal_year: int | None
    budget_yen: int


@dataclass
class BatchResult:
    converted: list[DocumentSummary] = field(default_factory=list)
    errors: list[ErrorRow] = field(default_factory=list)


def run_batch(inputs: Iterable[Path], out_dir: Path, *, max_pages: int | None = None,
              timeout: float | None = None) -> BatchResult:
    """Convert and write every input. Raises WriteError before converting anything
    when ``out_dir`` cannot be written."""
    check_writable(out_dir)
    result = BatchResult()
    for path in discover(inputs):
        outcome = convert_file(path, max_pages=max_pages, timeout=timeout)
        if isinstance(outcome, Converted):
            try:
                counts = write_rows(out_dir, outcome.source.doc_id, outcome.rows)
                clear_error(out_dir, path_key(path))
            except ValidationError as exc:
                outcome = ErrorRow(str(path), "validate", "invalid_rows", f"{path}: {exc}",
                                   outcome.source.doc_id)
            except WriteError as exc:  # the document's previous files are left as they were
                outcome = ErrorRow(str(path), "write", exc.kind, f"{path}: {exc}",
                                   outcome.source.doc_id)
            else:
                document = outcome.rows["documents"][0]
                result.converted.append(DocumentSummary(
                    path, counts, document.ward, document.fiscal_year,
                    sum(p.budget_yen or 0 for p in outcome.rows.get("projects", []))))
                continue
        error = outcome if isinstance(outcome, ErrorRow) else outcome.error
        try:
            write_error(out_dir, path_key(path), error)
        except WriteError as exc:
            error = replace(error, message=f"{error.message} (not recorded in errors/: {exc})")
        result.errors.append(error)
    return result
