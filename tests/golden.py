"""hoshin's own samples and their pinned expectations (samples/expected/).

The expectations are written and checked by pipeline/pinned.py, the code
behind ``hoshin expect`` and ``hoshin check``: ``make golden`` is
``hoshin expect samples --expected samples/expected``. After an intended
parser change, run it, then read the diff against the document before
committing: the expectations are a person's statement of what the document says.
"""
from __future__ import annotations

from pathlib import Path

from pipeline.batch import discover
from pipeline.pinned import records

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
EXPECTED = SAMPLES / "expected"

# Columns that differ between renderings of the same content (pages, identity).
LAYOUT_COLUMNS = {"doc_id", "source_sha256", "source_format", "page", "printed_page", "page_count"}

__all__ = ["EXPECTED", "LAYOUT_COLUMNS", "SAMPLES", "records", "sample_files", "without"]


def sample_files() -> list[Path]:
    return list(discover([SAMPLES]))


def without(tables: dict[str, list[dict]], columns: set[str]) -> dict[str, list[dict]]:
    return {t: [{k: v for k, v in r.items() if k not in columns} for r in rows]
            for t, rows in tables.items()}
