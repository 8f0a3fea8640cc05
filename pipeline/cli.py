"""``hoshin`` command line."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from schemas import WriteError

from . import __version__
from .batch import BatchResult, run_batch


def _summary(result: BatchResult, out_dir: Path) -> str:
    lines = [f"converted {len(result.converted)} document(s), {len(result.errors)} error(s) → {out_dir}/"]
    for doc in result.converted:
        c = doc.counts
        year = f"FY{doc.fiscal_year}" if doc.fiscal_year else "FY?"
        lines.append(
            f"  {doc.path}: {doc.ward or '?'} {year} · {c['issues']} 経営課題, {c['measures']} 施策, "
            f"{c['projects']} 事業 (¥{doc.budget_yen:,}), {c['targets']} 目標, "
            f"{c['activities']} activities, {c['warnings']} warnings"
            + ("  [no 経営課題 found: not a 運営方針 概要版? see warnings]" if not c["issues"] else "")
        )
    return "\n".join(lines)


def _positive(number_type):
    def parse(text: str):
        value = number_type(text)
        if value <= 0:
            raise argparse.ArgumentTypeError(f"must be greater than 0: {text}")
        return value
    return parse


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="hoshin", description=(
        "Convert Japanese municipal plan PDFs (Osaka ward 運営方針 概要版) into Parquet tables."))
    parser.add_argument("--version", action="version", version=f"hoshin {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    convert = commands.add_parser("convert", help="convert .pdf/.txt files or folders")
    convert.add_argument("inputs", nargs="+", type=Path, metavar="INPUT")
    convert.add_argument("--out", type=Path, required=True, metavar="DIR",
                         help="output folder: one Parquet dataset per table at DIR/<table>/")
    convert.add_argument("--max-pages", type=_positive(int), metavar="N",
                         help="refuse a PDF (or paged text) of more than N pages with an error row")
    convert.add_argument("--timeout", type=_positive(float), metavar="SECONDS",
                         help="stop converting a document after SECONDS, with an error row")
    args = parser.parse_args(argv)

    try:
        result = run_batch(args.inputs, args.out, max_pages=args.max_pages, timeout=args.timeout)
    except WriteError as exc:  # the output folder is unusable: nothing was converted
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for error in result.errors:
        print(f"error: {error.message}", file=sys.stderr)
    print(_summary(result, args.out))
    return 1 if result.errors else 0


if __name__ == "__main__":
    sys.exit(main())
