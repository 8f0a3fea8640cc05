"""Document tree → typed table rows (the records defined in schemas.tables)."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace

import regex

from extract.kpi import KpiRow
from extract.lines import Span
from extract.tree import Document, Indicator, ManagementIssue, Project
from schemas.tables import (
    ActivityRow, BudgetTotalRow, DocumentRow, IssueRow, MeasureRow, ProjectRow, StatementRow, TargetRow, WarningRow,
)

from .budget_lines import budget_lines
from .budget import BudgetTotal, parse_budget, parse_budget_total, totals_agree
from rules.budgets import BUDGET_IN_BRACKET, BUDGET_WORD
from rules.eras import parse_fiscal_year
from .marker import title_marker
from .quantity import parse_quantity, quantity_after_colon
from .target import parse_target

# 大阪市港区役所 → 大阪市, 港区
ISSUER = regex.compile(r"^(?P<city>\p{Han}+?[都道府県市町村])(?P<ward>\p{Han}+?区)?(?:役所|役場)$")
# The budget closing a heading's raw line: 1) … 【予算額 11,686千円】, or without brackets
# 1) … 予算額 １１，６８６千円 (from the last budget word on; raw digits may be full-width).
# A budget read from a label and the value after it ends with the value: its raw is both lines.
_RAW_BUDGET_BRACKET = regex.compile(
    rf"(?:{BUDGET_IN_BRACKET}|{BUDGET_WORD}(?![^\n]*{BUDGET_WORD})[^【】()（）\n]*)\s*$")
# 港区運営方針 → 港区
TITLE_WARD = regex.compile(r"^(?P<ward>\p{Han}{1,4}?区)(?=運営方針|\s)")


@dataclass(frozen=True)
class SourceInfo:
    doc_id: str
    path: str
    sha256: str
    format: str
    parser_version: str


Tables = dict[str, list]


def _bbox(span: Span | None) -> list[float] | None:
    box = span.bbox if span else None
    return [round(v, 2) for v in box] if box else None


def _budget_raw(span: Span | None) -> str | None:
    """The budget bracket as printed (raw), without the heading text around it."""
    if span is None:
        return None
    m = _RAW_BUDGET_BRACKET.search(span.raw)
    return m.group() if m else span.raw


def _issuer(doc: Document) -> tuple[str | None, str | None]:
    city = ward = None
    if doc.cover.organization and (m := ISSUER.match(doc.cover.organization)):
        city, ward = m.group("city"), m.group("ward")
    if ward is None and doc.cover.title and (m := TITLE_WARD.match(doc.cover.title)):
        ward = m.group("ward")
    author = doc.metadata.get("Author", "")
    if city is None and regex.fullmatch(r"\p{Han}+?[都道府県市町村]", author):
        city = author
    return city, ward


def strategy_kind(index: int, span: Span) -> str:
    """戦略 summary paragraphs: its title first, then the list of main 事業
    (ends with 他, "and others"), then the summary text."""
    if index == 0:
        return "strategy"
    return "strategy_projects" if span.text.endswith("他") else "strategy_summary"


class _Rows:
    def __init__(self, doc: Document, source: SourceInfo):
        self.doc, self.source, self.doc_id = doc, source, source.doc_id
        self.year = parse_fiscal_year(doc.cover.fiscal_year_label or doc.metadata.get("Title", ""))
        self.tables: Tables = defaultdict(list)

    def warn(self, kind: str, text: str, page: int | None) -> None:
        self.tables["warnings"].append(WarningRow(self.doc_id, kind, text, page))

    def document(self) -> None:
        doc, cover = self.doc, self.doc.cover
        city, ward = _issuer(doc)
        plan = doc.plan
        self.tables["documents"].append(DocumentRow(
            doc_id=self.doc_id, source_path=self.source.path, source_sha256=self.source.sha256,
            source_format=self.source.format, parser_version=self.source.parser_version,
            municipality=city, ward=ward, title=cover.title, fiscal_year=self.year,
            fiscal_year_label=cover.fiscal_year_label, published=cover.published,
            page_count=doc.page_count,
            vision=plan.vision and plan.vision.text, mission=plan.mission and plan.mission.text,
            policy=plan.policy and plan.policy.text, template=doc.template,
        ))
        if self.year is None:
            self.warn("no_fiscal_year", "no 年度 found on the cover: baseline years cannot be resolved",
                      None)

    def statement(self, issue_no: int, measure_no: int | None, kind: str, no: int, span: Span):
        self.tables["statements"].append(StatementRow(
            doc_id=self.doc_id, issue_no=issue_no, statement_no=no, kind=kind, text=span.text,
            measure_no=measure_no, page=span.page, printed_page=span.printed_page,
            bbox=_bbox(span), raw_text=span.raw))

    def printed_total(self, spans: list[Span], owner: str, projects: list[ProjectRow],
                      issue_no: int | None = None) -> BudgetTotal | None:
        """Every readable printed total becomes a budget_totals row; the budget
        for the plan's own year is checked against the sum of its 事業 budgets.
        Totals of other years and 決算 lines are not compared; two differing
        totals for the plan's year are reported, not chosen."""
        read, totals = [], []
        for span in spans:
            total = parse_budget_total(span.text)
            if total.yen is None:
                self.warn("unreadable_budget_total", f"{owner}: {span.text}", span.page)
                continue
            year = parse_fiscal_year(total.year_text, self.year) if total.year_text else self.year
            read.append((total, span, year))
            if total.basis == "initial" and (total.year_text is None or (
                    self.year is not None and year == self.year)):
                totals.append((total, span))  # a named year counts only when the plan's is known
        compared = None
        if len({t.yen for t, _ in totals}) > 1:
            self.warn("ambiguous_budget_total",
                      f"{owner}: " + " / ".join(t.raw for t, _ in totals), totals[0][1].page)
        elif totals:
            compared, span = totals[0]
            summed = sum(p.budget_yen or 0 for p in projects)
            if not totals_agree(compared, summed):
                unread = sum(p.budget_status == "missing" for p in projects)
                note = f", {unread} 事業 without a readable budget" if unread else ""
                self.warn("budget_total_mismatch",
                          f"{owner}: printed total ¥{compared.yen:,} ({compared.raw}) ≠ sum of "
                          f"{len(projects)} 事業 budgets ¥{summed:,}{note}", span.page)
        for no, (total, span, year) in enumerate(read, 1):
            self.tables["budget_totals"].append(BudgetTotalRow(
                doc_id=self.doc_id, issue_no=issue_no, total_no=no, fiscal_year=year, basis=total.basis,
                amount_yen=total.yen, amount_raw=total.amount, compared=total is compared,
                page=span.page, printed_page=span.printed_page, bbox=_bbox(span), raw_text=span.raw))
        return compared

    def document_total(self) -> None:
        total = self.printed_total(self.doc.budget_totals, "ward total", self.tables["projects"])
        if total:
            (document,) = self.tables["documents"]
            self.tables["documents"] = [replace(document, budget_total_yen=total.yen,
                                                budget_total_raw=total.raw)]

    def issue(self, issue: ManagementIssue) -> None:
        for no, span in enumerate(issue.challenges, 1):
            self.statement(issue.number, None, "challenge", no, span)
        counters: dict[str, int] = defaultdict(int)
        for index, span in enumerate(issue.strategy):
            kind = strategy_kind(index, span)
            counters[kind] += 1
            self.statement(issue.number, None, kind, counters[kind], span)
        for kind, spans in issue.sections.items():
            for no, span in enumerate(spans, 1):
                self.statement(issue.number, None, kind, no, span)
        for measure in issue.measures:
            h = measure.heading
            self.tables["measures"].append(MeasureRow(
                doc_id=self.doc_id, issue_no=issue.number, measure_no=measure.number,
                title=measure.title, marker=title_marker(measure.title),
                page=h and h.page, printed_page=h and h.printed_page,
                toc_page=measure.toc and measure.toc.page, bbox=_bbox(h)))
            for no, span in enumerate(measure.policies, 1):
                self.statement(issue.number, measure.number, "policy", no, span)
            for project in measure.projects:
                self.project(issue.number, measure.number, project)
            keys = dict(doc_id=self.doc_id, issue_no=issue.number, measure_no=measure.number, project_no=None)
            self.targets(keys, measure.targets)
        total = self.printed_total(issue.budget_totals, f"経営課題{issue.number} {issue.title}",
                                   [p for p in self.tables["projects"] if p.issue_no == issue.number],
                                   issue.number)
        h = issue.heading
        self.tables["issues"].append(IssueRow(
            doc_id=self.doc_id, issue_no=issue.number, title=issue.title,
            page=h and h.page, printed_page=h and h.printed_page,
            toc_page=issue.toc and issue.toc.page, bbox=_bbox(h),
            budget_total_yen=total and total.yen, budget_total_raw=total and total.raw))

    def project(self, issue_no: int, measure_no: int, project: Project) -> None:
        keys = dict(doc_id=self.doc_id, issue_no=issue_no, measure_no=measure_no,
                    project_no=project.number)
        h = project.heading
        printed = project.budget
        budget = parse_budget(printed, self.year)
        if budget.problem:
            kind = "missing_budget" if printed is None else "unreadable_budget"
            self.warn(kind, f"事業{issue_no}-{measure_no}-{project.number} {project.title}: "
                            f"{budget.problem}", (printed.span if printed else h).page)
        self.tables["projects"].append(ProjectRow(
            **keys, title=project.title, marker=title_marker(project.title),
            budget_status=budget.status,
            description="\n".join(s.text for s in project.description) or None,
            budget_yen=budget.yen, budget_raw=_budget_raw(printed and printed.span),
            budget_fiscal_year=budget.fiscal_year,
            page=h.page, printed_page=h.printed_page, bbox=_bbox(h),
            budget_bbox=_bbox(printed and printed.span)))
        for no, span in enumerate(project.activities, 1):
            _, q = quantity_after_colon(span.text)
            self.tables["activities"].append(ActivityRow(
                **keys, activity_no=no, text=span.text, value=q and q.value, unit=q and q.unit,
                comparator=q and q.comparator, page=span.page, printed_page=span.printed_page,
                bbox=_bbox(span), raw_text=span.raw))
        self.targets(keys, project.targets)

    def targets(self, keys: dict, indicators: list[Indicator]) -> None:
        """目標 / 指標 rows of a 事業 (or of a 戦略 itself: project_no null)."""
        for no, indicator in enumerate(indicators, 1):
            span = indicator.span
            t = parse_target(span.text, self.year)
            q, b = t.quantity, t.baseline
            if q is None:
                self.warn("target_without_value", span.text, span.page)
            self.tables["targets"].append(TargetRow(
                **keys, target_no=no, indicator_kind=indicator.kind, text=span.text,
                cumulative=bool(q and q.cumulative),
                is_new=t.is_new, metric=t.metric, value=q and q.value, unit=q and q.unit,
                comparator=q and q.comparator,
                baseline_fiscal_year=b and b.fiscal_year,
                baseline_value=b and b.quantity and b.quantity.value,
                baseline_unit=b and b.quantity and b.quantity.unit,
                baseline_text=b and b.text, page=span.page, printed_page=span.printed_page,
                bbox=_bbox(span), raw_text=span.raw))


    def generic_target(self, no: int, kpi: KpiRow) -> None:
        """A target the generic rules found (another family): no 事業 to hang it on."""
        q, b = parse_quantity(kpi.target), kpi.baseline and parse_quantity(kpi.baseline)
        span = kpi.span
        if q is None:
            self.warn("target_without_value", kpi.text, span.page)
        self.tables["targets"].append(TargetRow(
            doc_id=self.doc_id, issue_no=None, measure_no=None, project_no=None, target_no=no,
            indicator_kind="target",
            text=kpi.text, cumulative=bool(q and q.cumulative), is_new=False, metric=kpi.metric,
            value=q and q.value, unit=q and q.unit, comparator=q and q.comparator,
            baseline_fiscal_year=kpi.baseline_year and parse_fiscal_year(kpi.baseline_year, self.year),
            baseline_value=b and b.value, baseline_unit=b and b.unit,
            baseline_text=f"{kpi.baseline_year or ''}:{kpi.baseline or '-'}",
            page=span.page, printed_page=span.printed_page, bbox=_bbox(span), raw_text=span.raw))


def to_rows(doc: Document, source: SourceInfo) -> Tables:
    """All table rows of one document, including its warnings."""
    rows = _Rows(doc, source)
    rows.document()
    for note in doc.notes:
        rows.warn(note.kind, note.text, note.page)
    for issue in doc.issues:
        rows.issue(issue)
    rows.document_total()
    for no, kpi in enumerate(doc.kpis, 1):
        rows.generic_target(no, kpi)
    lines, warnings = budget_lines(doc.tables, rows.doc_id, rows.year)
    if lines:
        rows.tables["budget_lines"] += lines
    rows.tables["warnings"] += warnings
    return dict(rows.tables)
