"""``hoshin`` command line."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from extract import DEFAULT_ENGINE, ENGINES
from schemas import WriteError
from schemas.dictionary import data_dictionary

from . import __version__
from .batch import BatchOptions, BatchResult, discover, run_batch
from .diff import DEFAULT_BBOX_TOLERANCE, compare
from .diff_render import FORMATS, render
from .executors import EXECUTORS
from .inspect import inspect_file
from .output import FolderBusy
from .output_rows import NotAnOutput, read_output
from .pinned import PinError, check, expect
from .report import write_pictures, write_report


def _summary(result: BatchResult, out_dir: Path) -> str:
    skipped = f", {len(result.skipped)} unchanged (skipped)" if result.skipped else ""
    removed = f", {len(result.removed)} removed (source gone)" if result.removed else ""
    lines = [f"converted {len(result.converted)} document(s), {len(result.errors)} error(s)"
             f"{skipped}{removed} → {out_dir}/"]
    for path, doc in result.converted:
        c = doc.counts
        year = f"FY{doc.fiscal_year}" if doc.fiscal_year else "FY?"
        plan = (f"{c['issues']} 経営課題, {c['measures']} 施策, {c['projects']} 事業 (¥{doc.budget_yen:,}), "
                f"{c['targets']} 目標, {c['activities']} activities")
        lines_read = c.get("budget_lines", 0)
        budget = f"{lines_read:,} budget lines" if lines_read else ""
        # a budget book is no plan: its tables are what it holds
        parts = [plan, budget] if c["issues"] else [budget or plan]
        hint = "" if c["issues"] or lines_read else "  [no 経営課題 found: not a 運営方針 概要版? see warnings]"
        lines.append(f"  {path}: {doc.ward or '?'} {year} · "
                     + ", ".join(p for p in parts if p) + f", {c['warnings']} warnings{hint}")
    lines += [f"  removed the rows of {source}: no longer in its input folder" for source in result.removed]
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
    convert.add_argument("--jobs", type=_positive(int), default=os.cpu_count() or 1, metavar="N",
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
    convert.add_argument("--max-pages", type=_positive(int), metavar="N",
                         help="refuse a PDF (or paged text) of more than N pages with an error row")
    convert.add_argument("--timeout", type=_positive(float), metavar="SECONDS",
                         help="stop converting a document after SECONDS, with an error row")
    commands.add_parser("schema", help="print the data dictionary (tables, columns, types)")
    inspect = commands.add_parser("inspect", help="print the parsed tree of one file, with pages")
    inspect.add_argument("file", type=Path, metavar="FILE")
    inspect.add_argument("--engine", choices=sorted(ENGINES), default=DEFAULT_ENGINE,
                         help=f"PDF reader (default: {DEFAULT_ENGINE})")
    report = commands.add_parser("report", help="write an HTML quality report of an output folder")
    report.add_argument("out", type=Path, metavar="OUT", help="folder written by hoshin convert")
    report.add_argument("--html", type=Path, metavar="FILE", help="the HTML report")
    report.add_argument("--png", type=Path, metavar="DIR",
                        help="also (or only) each page with items, boxes drawn in, as PNG files in DIR")
    diff = commands.add_parser("diff", help="compare two output folders table by table "
                                            "(exit 0 equal, 1 different, 2 bad input)")
    diff.add_argument("old", type=Path, metavar="OLD_DIR")
    diff.add_argument("new", type=Path, metavar="NEW_DIR")
    diff.add_argument("--bbox-tolerance", type=float, default=DEFAULT_BBOX_TOLERANCE, metavar="PT",
                      help=f"boxes within PT points are equal (default: {DEFAULT_BBOX_TOLERANCE:g})")
    pins = {name: commands.add_parser(name, help=helptext) for name, helptext in (
        ("expect", "pin what FILES convert to now: one YAML per file in DIR"),
        ("check", "convert FILES again and compare with their pinned expectations "
                  "(exit 0 equal, 1 different, 2 bad input)"))}
    for command in pins.values():
        command.add_argument("files", nargs="+", type=Path, metavar="FILE",
                             help=".pdf/.txt files or folders of them")
        command.add_argument("--expected", type=Path, required=True, metavar="DIR",
                             help="folder of pinned expectations (<file name>.yaml)")
        command.add_argument("--engine", choices=sorted(ENGINES), default=DEFAULT_ENGINE,
                             help=f"PDF reader (default: {DEFAULT_ENGINE})")
    for command in (diff, pins["check"]):
        command.add_argument("--format", choices=FORMATS, default="text",
                             help="text for a terminal, markdown for a pull request, json for tools")
    args = parser.parse_args(argv)

    if args.command in ("diff", "expect", "check"):
        return _compare(args)
    if args.command == "schema":
        sys.stdout.write(data_dictionary())
        return 0
    if args.command == "inspect":
        text, error = inspect_file(args.file, args.engine)
        if error:
            print(f"error: {error}", file=sys.stderr)
            return 1
        print(text)
        return 0
    if args.command == "report":
        if not (args.out / "documents").is_dir():
            print(f"error: {args.out}: no documents/ table here; run hoshin convert first", file=sys.stderr)
            return 1
        if not (args.html or args.png):
            print("error: report: give --html FILE, --png DIR or both", file=sys.stderr)
            return 2
        if args.html:
            summary = write_report(args.out, args.html)
            for problem in summary.problems:
                print(f"note: {problem}", file=sys.stderr)
            print(f"wrote {args.html}: {summary.documents} document(s), {summary.page_images} page image(s)")
        if args.png:
            pictures, problems = write_pictures(args.out, args.png)
            for problem in problems if not args.html else ():  # said once already
                print(f"note: {problem}", file=sys.stderr)
            print(f"wrote {len(pictures)} page picture(s) to {args.png}")
        return 0

    options = BatchOptions(jobs=args.jobs, engine=args.engine, max_pages=args.max_pages,
                           timeout=args.timeout, force=args.force, executor=args.executor,
                           scheduler=args.scheduler, progress=not args.quiet)
    for folder in (item for item in args.inputs if item.is_dir()):
        if next(discover([folder]), None) is None:
            print(f"note: {folder}: no .pdf or .txt file in this folder", file=sys.stderr)
    try:
        result = run_batch(args.inputs, args.out, options)
    except (WriteError, FolderBusy) as exc:  # the output folder is unusable: nothing converted
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:  # not even a failed write could be undone: the next run's open will
        print(f"error: {args.out}: {exc}; stopped, the next run repairs the folder", file=sys.stderr)
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


def _compare(args: argparse.Namespace) -> int:
    """diff, expect and check: exit 0 equal (or pinned), 1 different, 2 bad input."""
    try:
        if args.command == "diff":
            result = compare(read_output(args.old), read_output(args.new), args.bbox_tolerance)
        else:
            files = list(discover(args.files))
            if missing := [f for f in files if not f.is_file()]:
                raise PinError(f"{missing[0]}: no such file")
            if not files:
                raise PinError(f"no .pdf or .txt file in {', '.join(map(str, args.files))}")
            if args.command == "expect":
                written = expect(files, args.expected, args.engine)
                print(f"pinned {len(written)} file(s) in {args.expected}/: review them against the documents")
                return 0
            result = check(files, args.expected, args.engine)
    except (NotAnOutput, PinError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(render(result, args.format))
    return 0 if result.equal else 1


def run() -> None:
    """Console entry point. A reader that closes the pipe early
    (``hoshin inspect FILE | head``) ends the output quietly, not with a traceback."""
    try:
        code = main()
        sys.stdout.flush()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = 1
    sys.exit(code)


if __name__ == "__main__":
    run()
