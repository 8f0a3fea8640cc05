"""``hoshin`` command line."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from schemas import WriteError
from schemas.dictionary import data_dictionary

from . import __version__
from .batch import BatchResult, run_batch
from .inspect import inspect_file
from .report import write_report


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
    commands.add_parser("schema", help="print the data dictionary (tables, columns, types)")
    inspect = commands.add_parser("inspect", help="print the parsed tree of one file, with pages")
    inspect.add_argument("file", type=Path, metavar="FILE")
    report = commands.add_parser("report", help="write an HTML quality report of an output folder")
    report.add_argument("out", type=Path, metavar="OUT", help="folder written by hoshin convert")
    report.add_argument("--html", type=Path, required=True, metavar="FILE")
    args = parser.parse_args(argv)

    if args.command == "schema":
        sys.stdout.write(data_dictionary())
        return 0
    if args.command == "inspect":
        text, error = inspect_file(args.file)
        if error:
            print(f"error: {error}", file=sys.stderr)
            return 1
        print(text)
        return 0
    if args.command == "report":
        if not (args.out / "documents").is_dir():
            print(f"error: {args.out}: no documents/ table here; run hoshin convert first", file=sys.stderr)
            return 1
        summary = write_report(args.out, args.html)
        for problem in summary.problems:
            print(f"note: {problem}", file=sys.stderr)
        print(f"wrote {args.html}: {summary.documents} document(s), {summary.page_images} page image(s)")
        return 0
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
