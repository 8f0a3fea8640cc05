"""`make layouts N=2000`: score N seeded layouts on two processes and print
the per-axis table (also written to bench/results/layouts.txt).

`python -m tests.layouts.run --seed 17 --pdf /tmp/17.pdf` shows one layout:
its axis values, its failing facts, and the PDF to look at.
"""
from __future__ import annotations

import argparse
import multiprocessing
import time
from collections.abc import Callable
from pathlib import Path

from .layout import draw
from .render import render
from .score import Scored, score
from .table import PLANS, Axes, render_table

ROOT = Path(__file__).resolve().parents[2]


def score_many(seeds: range, jobs: int, progress: Callable[[list[Scored]], None] | None = None,
               every: int = 250, scorer: Callable[[int], Scored] = score) -> list[Scored]:
    """Score every seed (``scorer``: a module-level function, for the worker processes);
    ``progress`` sees the results so far every ``every`` layouts."""
    results: list[Scored] = []
    with multiprocessing.get_context("spawn").Pool(jobs) as pool:
        for result in pool.imap_unordered(scorer, seeds, chunksize=4):
            results.append(result)
            if progress and len(results) % every == 0 and len(results) < len(seeds):
                progress(results)
    return sorted(results, key=lambda r: r.layout.seed)


def cli(doc: str, scorer: Callable[[int], Scored], pdf_of: Callable[[int], bytes], axes: Axes,
        out: Path) -> None:
    """The command line of a random-layout generator: -n N layouts, or --seed S alone."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("-n", type=int, default=200, help="layouts to score")
    parser.add_argument("--start", type=int, default=0, help="first seed")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--out", type=Path, default=out)
    parser.add_argument("--seed", type=int, help="show one layout instead")
    parser.add_argument("--pdf", type=Path, help="with --seed: write its PDF here")
    args = parser.parse_args()
    if args.seed is not None:
        result = scorer(args.seed)
        print(result.layout)
        print("\n".join([*map(str, result.failed), *result.unseen, result.error or ""]).strip())
        if args.pdf:
            args.pdf.write_bytes(pdf_of(args.seed))
        return
    started = time.monotonic()
    args.out.parent.mkdir(parents=True, exist_ok=True)

    def partial(results: list[Scored]) -> None:  # a long run cut short still leaves its table
        args.out.write_text(f"partial: {len(results)} of {args.n} layouts\n"
                            + render_table(results, axes), encoding="utf-8")

    results = score_many(range(args.start, args.start + args.n), args.jobs, partial, scorer=scorer)
    table = render_table(results, axes)
    took = f"({time.monotonic() - started:.0f} s on {args.jobs} processes)\n"
    print(table + took, end="")
    args.out.write_text(table + took, encoding="utf-8")


def _pdf(seed: int) -> bytes:
    return render(draw(seed))[0]


if __name__ == "__main__":
    cli(__doc__, score, _pdf, PLANS, ROOT / "bench" / "results" / "layouts.txt")
