"""Golden expectations for the files in samples/.

``samples/expected/<file name>.yaml`` holds every table's records for one
sample, Japanese unescaped. Columns that no person can check by eye against
the printed page (boxes, raw text, paths, parser version) are left out; the
tests check those separately.

Regenerate after an intended parser change with ``make golden``, then read
the diff against the document before committing it: the expectations are a
person's statement of what the document says.
"""
from __future__ import annotations

import argparse
from dataclasses import asdict
from pathlib import Path

import yaml

from pipeline.convert import Converted, convert_file
from schemas.tables import TABLES

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
EXPECTED = SAMPLES / "expected"
UNCHECKED_COLUMNS = {"bbox", "budget_bbox", "raw_text", "source_path", "parser_version"}


def sample_files() -> list[Path]:
    return sorted(p for p in SAMPLES.iterdir() if p.suffix in (".pdf", ".txt"))


def expected_path(sample: Path) -> Path:
    return EXPECTED / f"{sample.name}.yaml"


# Columns that differ between renderings of the same content (pages, identity).
LAYOUT_COLUMNS = {"doc_id", "source_sha256", "source_format", "page", "printed_page", "page_count"}


def records(sample: Path) -> dict[str, list[dict]]:
    """Every table's records for a file (a sample under the root, or any other path)."""
    outcome = convert_file(sample.relative_to(ROOT) if sample.is_relative_to(ROOT) else sample)
    assert isinstance(outcome, Converted), outcome
    return {
        table: [
            {k: v for k, v in asdict(row).items() if k not in UNCHECKED_COLUMNS}
            for row in outcome.rows.get(table, [])
        ]
        for table in TABLES
        if table != "errors"
    }


def without(tables: dict[str, list[dict]], columns: set[str]) -> dict[str, list[dict]]:
    return {t: [{k: v for k, v in r.items() if k not in columns} for r in rows]
            for t, rows in tables.items()}


def dump(data: dict) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=120)


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="rewrite samples/expected/")
    args = parser.parse_args()
    for sample in sample_files():
        text = dump(records(sample))
        target = expected_path(sample)
        if args.write:
            target.write_text(text, encoding="utf-8")
            print(f"wrote {target.relative_to(ROOT)}: review it against {sample.name}")
        else:
            print(text)


if __name__ == "__main__":
    import os
    os.chdir(ROOT)
    main()
