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


def judge(rows: dict) -> list[Fact]:
    seen = Counter(w.kind for w in rows.get("warnings", []))
    j = _Judge(warned=bool(seen - EXPECTED_WARNINGS))
    (doc,) = rows.get("documents", [])
    for name, expected in facts.DOCUMENT.items():
        j.fact(f"documents.{name}", "", expected, getattr(doc, name))
    for name, expected in facts.DOCUMENT_ENDS.items():
        j.ends(f"documents.{name}", expected, getattr(doc, name))

    issues = {i.issue_no: i for i in rows.get("issues", [])}
    for no, (title, page) in facts.ISSUES.items():
        got = issues.get(no)
        j.fact("issues.title", no, title, got and got.title, absent=got is None)
        j.fact("issues.toc_page", no, page, got and got.toc_page, absent=got is None)
    measures = {(m.issue_no, m.measure_no): m for m in rows.get("measures", [])}
    for key, (title, page) in facts.MEASURES.items():
        got = measures.get(key)
        j.fact("measures.title", key, title, got and got.title, absent=got is None)
        j.fact("measures.toc_page", key, page, got and got.toc_page, absent=got is None)

    projects = {(p.issue_no, p.measure_no, p.project_no): p for p in rows.get("projects", [])}
    for key, expected in facts.BUDGETS.items():
        got = projects.get(key)
        for name, e in zip(("title", "budget_status", "budget_yen"), expected):
            value = got and getattr(got, name)
            if name == "budget_status" and value == "missing":  # the parser's own "not read"
                value = None
            j.fact(f"projects.{name}", key, e, value, absent=got is None)
    j.count("projects.rows", len(facts.BUDGETS), len(rows.get("projects", [])))

    targets = {(t.issue_no, t.measure_no, t.project_no, t.target_no): t for t in rows.get("targets", [])}
    for key, expected in facts.TARGETS.items():
        got = targets.get(key)
        for name, e in zip(facts.TARGET_FIELDS, expected):
            j.fact(f"targets.{name}", key, e, got and getattr(got, name), absent=got is None)
    j.count("targets.rows", len(facts.TARGETS), len(rows.get("targets", [])))

    activities = {(a.issue_no, a.measure_no, a.project_no, a.activity_no): a for a in rows.get("activities", [])}
    for key, expected in facts.ACTIVITIES.items():
        got = activities.get(key)
        for name, e in zip(facts.ACTIVITY_FIELDS, expected):
            j.fact(f"activities.{name}", key, e, got and getattr(got, name), absent=got is None)
    j.count("activities.rows", len(facts.ACTIVITIES), len(rows.get("activities", [])))

    statements = Counter((s.measure_no, s.kind) for s in rows.get("statements", []))
    for key, expected in facts.STATEMENTS.items():
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


def score(seed: int, workdir: Path | None = None) -> Scored:
    """Draw, render, convert and judge one seed."""
    layout = draw(seed)
    pdf, drawn = render(layout)
    with tempfile.TemporaryDirectory(dir=workdir) as tmp:
        path = Path(tmp) / f"layout-{seed}.pdf"
        path.write_bytes(pdf)
        outcome = convert_file(path)
    missed = tuple(unseen(pdf, drawn))
    if not isinstance(outcome, Converted):
        return Scored(layout, (), missed, error=outcome.error.message)
    return Scored(layout, tuple(judge(outcome.rows)), missed)
