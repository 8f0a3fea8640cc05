"""``hoshin`` command line."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from extract import DEFAULT_ENGINE, ENGINES

from . import __version__
from .batch import BatchOptions, BatchResult, run_batch
from .executors import EXECUTORS
from .output import FolderBusy


def _summary(result: BatchResult, out_dir: Path) -> str:
    skipped = f", {len(result.skipped)} unchanged (skipped)" if result.skipped else ""
    lines = [f"converted {len(result.converted)} document(s), {len(result.errors)} error(s)"
             f"{skipped} → {out_dir}/"]
    for path, doc in result.converted:
        c = doc.counts
        year = f"FY{doc.fiscal_year}" if doc.fiscal_year else "FY?"
        lines.append(
            f"  {path}: {doc.ward or '?'} {year} · {c['issues']} 経営課題, {c['measures']} 施策, "
            f"{c['projects']} 事業 (¥{doc.budget_yen:,}), {c['targets']} 目標, "
            f"{c['activities']} activities, {c['warnings']} warnings"
        )
    return "\n".join(lines)


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="hoshin", description=(
        "Convert Japanese municipal plan PDFs (Osaka ward 運営方針 概要版) into Parquet tables."))
    parser.add_argument("--version", action="version", version=f"hoshin {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    convert = commands.add_parser("convert", help="convert .pdf/.txt files or folders")
    convert.add_argument("inputs", nargs="+", type=Path, metavar="INPUT")
    convert.add_argument("--out", type=Path, required=True, metavar="DIR",
                         help="output folder: one Parquet dataset per table at DIR/<table>/")
    convert.add_argument("--jobs", type=_positive, default=os.cpu_count() or 1, metavar="N",
                         help="documents converted in parallel (default: number of cores)")
    convert.add_argument("--engine", choices=sorted(ENGINES), default=DEFAULT_ENGINE,
                         help=f"PDF reader (default: {DEFAULT_ENGINE}; pdfium is much faster)")
    convert.add_argument("--force", action="store_true",
                         help="reconvert documents whose bytes are unchanged since the last run")
    convert.add_argument("--quiet", action="store_true",
                         help="no progress bar or log lines, no per-document summary")
    convert.add_argument("--executor", choices=EXECUTORS, default="local",
                         help="local process pool, or Dask (pip install 'hoshin[dask]')")
    convert.add_argument("--scheduler", metavar="ADDRESS",
                         help="Dask scheduler address (default: start a local cluster)")
    args = parser.parse_args(argv)

    options = BatchOptions(jobs=args.jobs, engine=args.engine, force=args.force,
                           executor=args.executor, scheduler=args.scheduler,
                           progress=not args.quiet)
    try:
        result = run_batch(args.inputs, args.out, options)
    except FolderBusy as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"interrupted: every document committed so far is in {args.out}/; "
              "run the same command again to finish", file=sys.stderr)
        return 130
    for error in result.errors:
        print(f"error: {error.message}", file=sys.stderr)
    summary = _summary(result, args.out)
    print(summary.splitlines()[0] if args.quiet else summary)
    return 1 if result.errors else 0


if __name__ == "__main__":
    sys.exit(main())
