"""Shared helpers for batch tests: distinct copies of the sample, and a dataset snapshot."""
from __future__ import annotations

import json
from pathlib import Path

import pyarrow.dataset as ds

from schemas.parquet import DOCUMENT_TABLES, EMPTY

SAMPLE_PDF = Path(__file__).resolve().parent.parent / "samples" / "minato_h29_gaiyo.pdf"


def distinct_copies(folder: Path, count: int) -> list[Path]:
    """Copies of the sample PDF with a different trailing comment each: same
    content, different bytes, so each is its own document."""
    folder.mkdir(parents=True, exist_ok=True)
    data = SAMPLE_PDF.read_bytes()
    paths = []
    for i in range(count):
        path = folder / f"copy{i:03d}.pdf"
        path.write_bytes(data + f"\n% copy {i}\n".encode())
        paths.append(path)
    return paths


def manifest_lines(out: Path) -> list[dict]:
    """The journal's entry lines, in order (not the ``pending`` lines before an overwrite)."""
    lines = [json.loads(l) for l in (out / "manifest.jsonl").read_text().splitlines()]
    return [line for line in lines if "pending" not in line]


def snapshot(out: Path) -> dict[str, list]:
    """Every table's rows, sorted, and the file names of each dataset."""
    tables = {}
    for name in (*DOCUMENT_TABLES, "errors"):
        folder = out / name
        if not folder.is_dir():
            continue
        rows = ds.dataset(folder, format="parquet").to_table().to_pylist()
        tables[name] = sorted(map(repr, rows))
        tables[name + "/files"] = document_files(folder)
    return tables


def document_files(folder: Path) -> list[str]:
    """The files of a table folder but its empty.parquet (no rows; the schema)."""
    return sorted(p.name for p in folder.iterdir() if p.name != f"{EMPTY}.parquet")


def convert_or_die(path: Path, options):
    """convert_document, except that a file named crash* kills its worker
    process outright, as a segfault in a PDF library would."""
    import os

    from pipeline.convert import convert_document
    if path.name.startswith("crash"):
        os._exit(1)
    return convert_document(path, options)
