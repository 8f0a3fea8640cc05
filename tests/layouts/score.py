"""Convert one layout's PDF and compare it, field by field, with the facts typed
by hand from the sample (tests/facts/sample.py) — never with another layout's output.

Each fact comes out ``right``; ``missing`` (null or absent, and the document has
a warning beyond the sample's own); ``silent`` (null or absent with no such
warning: a loss nobody would notice); or ``wrong`` (a different non-null value).
``NEVER_WRONG`` fields must not be wrong in any layout.
"""
from __future__ import annotations

import re
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from pipeline.convert import Converted, convert_file
from tests.facts import sample as facts

from .layout import Layout, draw
from .render import Drawn, render

NEVER_WRONG = {"projects.budget_yen", "targets.value", "targets.baseline_fiscal_year",
               "targets.baseline_value", "targets.baseline_unit"}
# the sample's own warnings: the 目次 names pages the seed text does not hold
EXPECTED_WARNINGS = Counter({"toc_entry_not_in_body": facts.TOC_ENTRIES_NOT_IN_BODY})


@dataclass(frozen=True)
class Fact:
    field: str  # table.column, e.g. projects.budget_yen
    key: str  # whose: 1-1-1
    status: str  # right missing silent wrong
    expected: object = None
    got: object = None

    def __str__(self) -> str:
        return f"{self.status}: {self.field} {self.key}: expected {self.expected!r}, got {self.got!r}"


@dataclass(frozen=True)
class Scored:
    layout: Layout
    facts: tuple[Fact, ...]
    unseen: tuple[str, ...]  # variations the PDF does not show (a renderer fault)
    error: str | None = None  # the conversion failed outright

    @property
    def failed(self) -> list[Fact]:
        return [f for f in self.facts if f.status != "right"]


def _same(expected: object, got: object) -> bool:
    if isinstance(expected, (int, float)) and not isinstance(expected, bool) and isinstance(got, (int, float)):
        return abs(expected - got) < 1e-9
    return expected == got


def _key(key: tuple) -> str:
    return "-".join(str(k) for k in key) if isinstance(key, tuple) else str(key)


class _Judge:
    def __init__(self, warned: bool):
        self.warned, self.facts = warned, []

    def fact(self, field: str, key: object, expected: object, got: object, *,
             absent: bool = False) -> None:
        if not absent and _same(expected, got):
            status = "right"
        elif absent or got is None:
            status = "missing" if self.warned else "silent"
        else:
            status = "wrong"
        self.facts.append(Fact(field, _key(key), status, expected, None if absent else got))

    def count(self, field: str, expected: int, got: int) -> None:
        """A row count: fewer rows are lost facts, more are invented ones."""
        self.fact(field, "rows", expected, None if got < expected else got)

    def ends(self, field: str, expected: tuple[str, str], got: str | None) -> None:
        head, tail = expected
        self.fact(field, "ends", expected, (head, tail) if got and got.startswith(head)
                  and got.endswith(tail) else got)

    def table(self, name: str, rows: list, keys: tuple[str, ...], expected: dict,
              fields: tuple[str, ...], *, count: bool = True) -> None:
        """Each expected row, found by its key columns, field by field."""
        found = {tuple(getattr(r, k) for k in keys): r for r in rows}
        for key, values in expected.items():
            got = found.get(key if isinstance(key, tuple) else (key,))
            for field, e in zip(fields, values):
                value = getattr(got, field) if got is not None else None
                if field == "budget_status" and value == "missing":  # the parser's own "not read"
                    value = None
                self.fact(f"{name}.{field}", key, e, value, absent=got is None)
        if count:
            self.count(f"{name}.rows", len(expected), len(rows))


PROJECT = ("issue_no", "measure_no", "project_no")


def judge(rows: dict, template: str) -> list[Fact]:
    """The facts of a conversion of the sample's content drawn in ``template``: the same
    but for the template itself and the kinds of the 経営課題's statements."""
    seen = Counter(w.kind for w in rows.get("warnings", []))
    j = _Judge(warned=bool(seen - EXPECTED_WARNINGS))
    (doc,) = rows.get("documents", [])
    j.fact("documents.template", "", template, doc.template)
    for name, expected in facts.DOCUMENT.items():
        j.fact(f"documents.{name}", "", expected, getattr(doc, name))
    for name, expected in facts.DOCUMENT_ENDS.items():
        j.ends(f"documents.{name}", expected, getattr(doc, name))
    # the 目次 also names 経営課題 and 施策 the body does not hold: no row count
    j.table("issues", rows.get("issues", []), ("issue_no",), facts.ISSUES, ("title", "toc_page"),
            count=False)
    j.table("measures", rows.get("measures", []), ("issue_no", "measure_no"), facts.MEASURES,
            ("title", "toc_page"), count=False)
    j.table("projects", rows.get("projects", []), PROJECT, facts.BUDGETS,
            ("title", "budget_status", "budget_yen"))
    j.table("targets", rows.get("targets", []), (*PROJECT, "target_no"), facts.TARGETS,
            facts.TARGET_FIELDS)
    j.table("activities", rows.get("activities", []), (*PROJECT, "activity_no"), facts.ACTIVITIES,
            facts.ACTIVITY_FIELDS)
    statements = Counter((s.measure_no, s.kind) for s in rows.get("statements", []))
    for key, expected in facts.TEMPLATE_STATEMENTS[template].items():
        got = statements.get(key, 0)
        j.fact("statements.count", key, expected, None if got < expected else got)
    return j.facts


# a dash reads back as whatever the font maps it to (CID fonts: U+2212 for ー and －)
_DASHES = str.maketrans({"ー": "-", "－": "-", "\u2212": "-"})


def _flat(s: str) -> str:
    return re.sub(r"\s", "", s).translate(_DASHES)


def unseen(pdf: bytes, drawn: Drawn) -> list[str]:
    """Marks the renderer drew that the PDF's text layer lacks, and marks it
    must lack but has: cheap (PDFium's text), so every layout is checked."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    try:
        text = _flat("".join(page.get_textpage().get_text_range() for page in doc))
    finally:
        doc.close()
    return sorted([f"not shown: {m}" for m in drawn.shown if _flat(m) not in text]
                  + [f"shown: {m}" for m in drawn.hidden if _flat(m) in text])


def drawn_and_converted(seed: int, draw, render, stem: str, workdir: Path | None):
    """One seed drawn, rendered to ``<stem>-<seed>.pdf`` and converted, for any
    generator: (layout, pdf, drawn, outcome); pdf is None and outcome the reason when
    rendering fails (a generator fault is reported with its seed, never stops a run)."""
    layout = draw(seed)
    try:
        pdf, drawn = render(layout)
    except Exception as exc:
        return layout, None, None, f"render failed: {type(exc).__name__}: {exc}"
    with tempfile.TemporaryDirectory(dir=workdir) as tmp:
        path = Path(tmp) / f"{stem}-{seed}.pdf"
        path.write_bytes(pdf)
        return layout, pdf, drawn, convert_file(path)


def score(seed: int, workdir: Path | None = None) -> Scored:
    """Draw, render, convert and judge one seed."""
    layout, pdf, drawn, outcome = drawn_and_converted(seed, draw, render, "layout", workdir)
    if pdf is None:
        return Scored(layout, (), (), error=outcome)
    missed = tuple(unseen(pdf, drawn))
    if not isinstance(outcome, Converted):
        return Scored(layout, (), missed, error=outcome.error.message)
    return Scored(layout, tuple(judge(outcome.rows, layout.template)), missed)
