"""The document tree of a 運営方針 概要版: what the structure stage hands to normalize.

Values are still text here (with their lines); normalize types them.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .budgets import PrintedBudget
from .kpi import KpiRow
from .lines import Line, Span
from .tables import Table


@dataclass(frozen=True)
class Note:
    """Something the parser noticed and the user must be able to see (→ warnings)."""

    kind: str
    text: str
    page: int | None = None


@dataclass(frozen=True)
class TocEntry:
    kind: str  # "plan" | "issue" | "measure" | "other"
    title: str
    page: int | None  # printed page number the 目次 gives (None: unreadable, with a note)
    issue_no: int | None = None
    measure_no: int | None = None
    line: Line | None = None


@dataclass
class Cover:
    lines: list[Line] = field(default_factory=list)
    fiscal_year_label: str | None = None  # 平成29年度
    published: str | None = None  # 平成29年6月
    organization: str | None = None  # 大阪市港区役所
    title: str | None = None  # 港区運営方針 概要版
    unplaced: list[Line] = field(default_factory=list)  # cover lines that are not title-like


@dataclass
class Plan:
    """◆計画: the ward's 目標 (vision), 使命 (mission) and 区長の方針 (policy)."""

    vision: Span | None = None
    mission: Span | None = None
    policy: Span | None = None


@dataclass(frozen=True)
class Indicator:
    """A 目標 entry and what its label calls it: target (目標), outcome
    (アウトカム指標) or process (プロセス指標)."""

    span: Span
    kind: str = "target"

    @property
    def text(self) -> str:
        return self.span.text


@dataclass
class Project:
    """事業 ``N) title 【予算額 …】`` or 具体的取組 ``1-1-1 title``."""

    number: int
    title: str
    heading: Span
    budget: PrintedBudget | None = None  # None when no budget is printed
    description: list[Span] = field(default_factory=list)
    activities: list[Span] = field(default_factory=list)  # ・ lines
    targets: list[Indicator] = field(default_factory=list)  # 目標 / 指標 entries


@dataclass
class Measure:
    """施策 ``N title`` or 戦略 ``1-1 title``."""

    number: int
    title: str
    heading: Span | None  # None when only the 目次 names it
    toc: TocEntry | None = None
    policies: list[Span] = field(default_factory=list)  # 取組方針 bullets
    projects: list[Project] = field(default_factory=list)
    targets: list[Indicator] = field(default_factory=list)  # indicators stated for the 戦略 itself


@dataclass
class ManagementIssue:
    """経営課題 ``N title``."""

    number: int
    title: str
    heading: Span | None
    toc: TocEntry | None = None
    challenges: list[Span] = field(default_factory=list)  # 課題 bullets
    strategy: list[Span] = field(default_factory=list)  # 戦略 summary paragraphs
    # paragraphs under a section label (令和: 課題認識 → recognition, 主な戦略 → main_strategy)
    sections: dict[str, list[Span]] = field(default_factory=dict)
    measures: list[Measure] = field(default_factory=list)
    budget_totals: list[Span] = field(default_factory=list)  # printed (29年度予算額 N千円) lines


@dataclass
class Document:
    cover: Cover
    toc: list[TocEntry]
    plan: Plan
    issues: list[ManagementIssue]
    notes: list[Note]
    page_count: int | None
    metadata: dict[str, str] = field(default_factory=dict)
    budget_totals: list[Span] = field(default_factory=list)  # printed ward totals (予算額合計 N千円)
    kpis: list[KpiRow] = field(default_factory=list)  # generic rules, other families only
    template: str = "unknown"  # gaiyo | reiwa | youshiki | unknown (extract.template)
    tables: tuple[Table, ...] = ()  # budget tables (extract.tables), read off the page geometry
