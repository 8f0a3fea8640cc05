"""The output tables: one record type per table, the single source of truth.

Each field carries its Arrow type, a one-line description and, where the
values are a closed set, the allowed values. The Arrow schemas, validation and
the data dictionary are all generated from these definitions.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

import pyarrow as pa

BBOX = pa.list_(pa.float64(), 4)


def col(arrow_type: pa.DataType, doc: str, *, nullable: bool = True,
        allowed: tuple[Any, ...] | None = None, default: Any = None):
    meta = {"arrow": arrow_type, "doc": doc, "nullable": nullable, "allowed": allowed}
    return field(default=default, metadata=meta)


def key(arrow_type: pa.DataType, doc: str, *, allowed: tuple[Any, ...] | None = None):
    """A column that is never null (keys and required values); no default."""
    return field(metadata={"arrow": arrow_type, "doc": doc, "nullable": False, "allowed": allowed})


BUDGET_STATUSES = ("amount", "none", "missing")
COMPARATORS = (">=", "<=", ">", "<")
MARKERS = ("new", "expanded")
STATEMENT_KINDS = ("challenge", "strategy", "strategy_projects", "strategy_summary", "policy",
                   "recognition", "main_strategy")
TEMPLATES = ("gaiyo", "reiwa", "youshiki", "unknown")
INDICATOR_KINDS = ("target", "outcome", "process")


_DOC_ID = "Stable document id: the first 16 hex digits of the source file's SHA-256"
_PAGE = "1-based page index in the source PDF (null for text input without page breaks)"
_PRINTED = "Page number printed in the page footer, if the page shows one"
_BBOX = "Box on the page in PDF points [x0, top, x1, bottom] (null for text input)"
_RAW = "The source lines as extracted, before normalization (provenance)"
_MARKER = ("New or expanded work, as marked at the start or end of the title: new for (新) ≪新規≫ "
           "【新規】, expanded for (拡) 【拡充】; null when unmarked (title keeps the marker as printed)")


@dataclass(frozen=True)
class DocumentRow:
    """One converted file: its identity, cover and ◆計画."""

    doc_id: str = key(pa.string(), _DOC_ID)
    source_path: str = key(pa.string(), "Path of the converted file as given on the command line")
    source_sha256: str = key(pa.string(), "SHA-256 of the source file's bytes")
    source_format: str = key(pa.string(), "Input format: pdf or txt")
    parser_version: str = key(pa.string(), "Version of hoshin that produced the rows")
    municipality: str | None = col(pa.string(), "City (市) that issued the plan, e.g. 大阪市")
    ward: str | None = col(pa.string(), "Ward (区) the plan is for, e.g. 港区")
    title: str | None = col(pa.string(), "Document title from the cover, e.g. 港区運営方針 概要版")
    fiscal_year: int | None = col(pa.int32(), "Gregorian start year of the plan's 年度 (平成29年度 → 2017)")
    fiscal_year_label: str | None = col(pa.string(), "The 年度 as printed on the cover, e.g. 平成29年度")
    published: str | None = col(pa.string(), "Publication date as printed, e.g. 平成29年6月")
    page_count: int | None = col(pa.int32(), "Pages in the source (null for text without page breaks)")
    vision: str | None = col(pa.string(), "区の目標 (what the ward aims for) from the ◆計画 block")
    mission: str | None = col(pa.string(), "区の使命 (the ward office's role) from the ◆計画 block")
    policy: str | None = col(pa.string(), "区長の方針 (the ward mayor's basic policy) from the ◆計画 block")
    budget_total_yen: int | None = col(pa.int64(), "Ward budget total as the document prints it "
                                                   "(予算額合計 N千円); null when none is printed")
    budget_total_raw: str | None = col(pa.string(), "The printed ward total line, as read")
    template: str | None = col(pa.string(), "Layout the plan is printed in: gaiyo (概要版), reiwa "
                                            "(R5-onward: 【経営課題1】, 戦略1-1, アウトカム指標), youshiki "
                                            "(様式1/様式2 tables), unknown (a warning names what was found)",
                               allowed=TEMPLATES)


@dataclass(frozen=True)
class IssueRow:
    """One 経営課題 (management issue)."""

    doc_id: str = key(pa.string(), _DOC_ID)
    issue_no: int = key(pa.int32(), "経営課題 number")
    title: str = key(pa.string(), "経営課題 title")
    page: int | None = col(pa.int32(), "Page of the heading in the body (null if only the 目次 names it)")
    printed_page: int | None = col(pa.int32(), _PRINTED)
    toc_page: int | None = col(pa.int32(), "Page number the 目次 gives (null if the 目次 does not list it)")
    bbox: list | None = col(BBOX, _BBOX)
    budget_total_yen: int | None = col(pa.int64(), "Budget total the document prints for this 経営課題 "
                                                   "((29年度予算額 N千円)); null when none is printed")
    budget_total_raw: str | None = col(pa.string(), "The printed 経営課題 total, as read")


@dataclass(frozen=True)
class MeasureRow:
    """One 施策 (measure) of a 経営課題."""

    doc_id: str = key(pa.string(), _DOC_ID)
    issue_no: int = key(pa.int32(), "経営課題 number")
    measure_no: int = key(pa.int32(), "施策 number within the 経営課題")
    title: str = key(pa.string(), "施策 title")
    marker: str | None = col(pa.string(), _MARKER, allowed=MARKERS)
    page: int | None = col(pa.int32(), "Page of the heading in the body (null if only the 目次 names it)")
    printed_page: int | None = col(pa.int32(), _PRINTED)
    toc_page: int | None = col(pa.int32(), "Page number the 目次 gives (null if the 目次 does not list it)")
    bbox: list | None = col(BBOX, _BBOX)


@dataclass(frozen=True)
class ProjectRow:
    """One 事業 (project) of a 施策, with its budget."""

    doc_id: str = key(pa.string(), _DOC_ID)
    issue_no: int = key(pa.int32(), "経営課題 number")
    measure_no: int = key(pa.int32(), "施策 number within the 経営課題")
    project_no: int = key(pa.int32(), "事業 number within the 施策, as printed in N)")
    title: str = key(pa.string(), "事業 title")
    budget_status: str = key(pa.string(), "amount: budget_yen holds it; none: printed as a dash; "
                                          "missing: no amount found or unreadable (see warnings)",
                             allowed=BUDGET_STATUSES)
    marker: str | None = col(pa.string(), _MARKER, allowed=MARKERS)
    description: str | None = col(pa.string(), "The 事業's description paragraphs, joined by newlines")
    budget_yen: int | None = col(pa.int64(), "Budget in yen (【予算額 11,686千円】 → 11686000); "
                                             "null unless budget_status is amount")
    budget_raw: str | None = col(pa.string(), "The budget bracket as printed, e.g. 【予算額 11,686千円】")
    budget_fiscal_year: int | None = col(pa.int32(), "Gregorian fiscal year of the budget: the year its "
                                                     "label names ((29年度予算額) → 2017), else the plan's")
    page: int | None = col(pa.int32(), _PAGE)
    printed_page: int | None = col(pa.int32(), _PRINTED)
    bbox: list | None = col(BBOX, "Box of the 事業 heading line. " + _BBOX)
    budget_bbox: list | None = col(BBOX, "Box of the line holding the budget. " + _BBOX)


@dataclass(frozen=True, kw_only=True)  # nullable key columns come first: keyword-only
class TargetRow:
    """One 目標 (target) entry of a 事業, with value, unit and baseline."""

    doc_id: str = key(pa.string(), _DOC_ID)
    # Key columns that may be null: a target is keyed by where it is stated; the
    # key (with null as a value of its own) is still unique per document.
    issue_no: int | None = col(pa.int32(), "経営課題 number; null for a target the generic rules found "
                                           "in a document of another family (no 経営課題/施策/事業 to place it in)")
    measure_no: int | None = col(pa.int32(), "施策/戦略 number within the 経営課題 (戦略1-1 → 1); "
                                             "null for a generic target")
    project_no: int | None = col(pa.int32(), "事業/具体的取組 number within the 施策 (具体的取組1-1-2 → 2); "
                                             "null for an indicator stated for the 施策/戦略 itself and "
                                             "for a generic target")
    target_no: int = key(pa.int32(), "1-based position of the 目標 within its 事業 (or 戦略) "
                                     "(of a generic target: within the document)")
    text: str = key(pa.string(), "The 目標 as printed (normalized: NFKC, layout spaces removed); "
                                 "a generic KPI table row reads `metric 現状値(year):v 目標値(year):v`")
    cumulative: bool = key(pa.bool_(), "True when the value is a running total (延べ)")
    indicator_kind: str = key(pa.string(), "What the label calls it: target (目標), outcome (アウトカム指標), "
                                           "process (プロセス指標, 目標(プロセス指標))", allowed=INDICATOR_KINDS)
    is_new: bool = key(pa.bool_(), "True when the 目標 is marked (新規): new, so no baseline")
    metric: str | None = col(pa.string(), "What is counted: the text before the value")
    value: float | None = col(pa.float64(), "Target value (80%以上 → 80); null when none could be read")
    unit: str | None = col(pa.string(), "Unit of value, e.g. %, 人, 団体・個人, 回/年")
    comparator: str | None = col(pa.string(), "以上 >=, 以下/以内 <=, 超 >, 未満 <; null for an exact value",
                                 allowed=COMPARATORS)
    baseline_fiscal_year: int | None = col(pa.int32(), "Gregorian year of the prior-year baseline "
                                                       "((28年度：…) in a 平成29年度 plan → 2016)")
    baseline_value: float | None = col(pa.float64(), "Baseline value; null unless the baseline "
                                                     "holds exactly one quantity")
    baseline_unit: str | None = col(pa.string(), "Unit of baseline_value")
    baseline_text: str | None = col(pa.string(), "The baseline bracket's content as printed, "
                                                 "e.g. 28年度:74団体・個人 (generic target: "
                                                 "year:現状値, - when none is given)")
    page: int | None = col(pa.int32(), _PAGE)
    printed_page: int | None = col(pa.int32(), _PRINTED)
    bbox: list | None = col(BBOX, _BBOX)
    raw_text: str | None = col(pa.string(), _RAW)


@dataclass(frozen=True)
class ActivityRow:
    """One ・ activity line under a 事業."""

    doc_id: str = key(pa.string(), _DOC_ID)
    issue_no: int = key(pa.int32(), "経営課題 number")
    measure_no: int = key(pa.int32(), "施策 number within the 経営課題")
    project_no: int = key(pa.int32(), "事業 number within the 施策")
    activity_no: int = key(pa.int32(), "1-based position of the ・ line within its 事業")
    text: str = key(pa.string(), "The activity line (・…) as printed, normalized")
    value: float | None = col(pa.float64(), "Planned quantity after the colon (年4回以上 → 4), if any")
    unit: str | None = col(pa.string(), "Unit of value, e.g. 回/年, 回/地域, 地域")
    comparator: str | None = col(pa.string(), "以上 >=, 以下/以内 <=, 超 >, 未満 <; null for an exact value",
                                 allowed=COMPARATORS)
    page: int | None = col(pa.int32(), _PAGE)
    printed_page: int | None = col(pa.int32(), _PRINTED)
    bbox: list | None = col(BBOX, _BBOX)
    raw_text: str | None = col(pa.string(), _RAW)


@dataclass(frozen=True)
class StatementRow:
    """One 課題 / 戦略 / 取組方針 paragraph."""

    doc_id: str = key(pa.string(), _DOC_ID)
    issue_no: int = key(pa.int32(), "経営課題 number")
    statement_no: int = key(pa.int32(), "1-based position among the statements of the same owner and kind")
    kind: str = key(pa.string(), "challenge: 課題 bullet of a 経営課題; strategy / strategy_projects / "
                                 "strategy_summary: its 戦略 title, main projects and summary; "
                                 "policy: 取組方針 bullet of a 施策; recognition / main_strategy: "
                                 "paragraphs under a 課題認識 / 主な戦略 label (令和 template)",
                   allowed=STATEMENT_KINDS)
    text: str = key(pa.string(), "The statement, normalized")
    measure_no: int | None = col(pa.int32(), "施策 number; null for statements of the 経営課題 itself")
    page: int | None = col(pa.int32(), _PAGE)
    printed_page: int | None = col(pa.int32(), _PRINTED)
    bbox: list | None = col(BBOX, _BBOX)
    raw_text: str | None = col(pa.string(), _RAW)


BUDGET_BASES = ("initial", "current", "supplementary", "revised", "settled", "change", "funding",
                "exemption", "limit", "spent", "scheduled", "balance", "borrowing", "repayment")
BUDGET_LEVELS = ("kan", "kou", "moku", "setsu", "item", "breakdown", "subtotal", "total")


@dataclass(frozen=True, kw_only=True)  # a nullable level among the key columns: keyword-only
class BudgetLineRow:
    """One money cell of a budget table (tidy: one amount per row)."""

    doc_id: str = key(pa.string(), _DOC_ID)
    table_no: int = key(pa.int32(), "1-based position of the table in the document")
    row_no: int = key(pa.int32(), "1-based position of the row in its table (header excluded)")
    level: str | None = col(pa.string(), "Where the row sits, so that one level is summed at a time: kan / "
                                         "kou / moku / setsu (a 款, 項, 目, 節 row: by the 款/項/目 column or 節 "
                                         "区分 holding its numbered name), item (a row of a list, e.g. a 事業 "
                                         "with its 款項目), breakdown (an unnumbered or 1)-numbered row under a "
                                         "numbered one: part of it, 管理職手当 under 3 職員手当等), subtotal (小計), "
                                         "total (計, 合計, 歳出合計); null: the row's name or code was not read "
                                         "(its column got no role), so it is in no level's sum",
                            allowed=BUDGET_LEVELS)
    column_no: int = key(pa.int32(), "1-based position of the column in its table (a 財源 cell "
                                     "printing two marked sources, 債) and 他), gives two rows)")
    page: int = key(pa.int32(), _PAGE)
    column: str = key(pa.string(), "The column header as printed (NFKC, spaces removed), lines "
                                   "joined, e.g. R4年度当初予算額(千円), 補正額, 国")
    basis: str = key(pa.string(), "What the amount is: initial (当初予算額, 本年度/前年度予算額, 事業費), "
                                  "current (補正前, 現計予算額), supplementary (補正額), revised "
                                  "(補正後, 計), settled (決算額), change (増減, 比較), funding "
                                  "(a 財源内訳 cell), exemption (減免額: revenue a 企業会計 waives), limit "
                                  "(限度額 of a 債務負担行為 or 地方債), spent (支出(見込)額 up to a year's end), "
                                  "scheduled (支出予定額 from a year on), balance (地方債 現在高 at a year's end), "
                                  "borrowing (起債見込額), repayment (元金償還見込額)", allowed=BUDGET_BASES)
    amount_yen: int = key(pa.int64(), "The amount in yen, exact (△1,234 千円 → -1234000)")
    amount_raw: str = key(pa.string(), "The money cell as printed")
    table_title: str | None = col(pa.string(), "The line printed above the table, e.g. "
                                               "R4年度当初予算に計上した主な継続事業")
    item_no: str | None = col(pa.string(), "番号 / No. of the row, as printed")
    code: str | None = col(pa.string(), "款項目 / 科目 of the row as printed (NFKC: ２．１．１ → 2.1.1)")
    department: str | None = col(pa.string(), "主管課 / 担当課 of the row")
    name: str | None = col(pa.string(), "事業名 / 名称 / 会計名 of the row, wrapped lines joined (a row on the "
                                        "right-hand page of a spread, which prints no names: the left-hand row's "
                                        "beside it, as its 番号 and code)")
    fiscal_year: int | None = col(pa.int32(), "Gregorian year the column names (R4年度当初予算額 → "
                                              "2022, 本年度 → the document's year); in a table whose columns name "
                                              "no year, its budget (金額, 補正額) has the one year its title "
                                              "names, else the document's; a funding cell takes the year of "
                                              "the amount it funds")
    funding_source: str | None = col(pa.string(), "For a 財源内訳 cell: 国, 県, 地方債, その他, "
                                                   "一般財源, 国県支出金, …; else null")
    bbox: list | None = col(BBOX, "Box of the row (the cell boxes' union across the table). " + _BBOX)
    raw_text: str | None = col(pa.string(), "The row's cells as extracted, ' | ' between cells")
    period: str | None = col(pa.string(), "The 期間 printed for the amount, as printed (債務負担行為: "
                                           "7年度から9年度まで; the one under the amount's own header group "
                                           "when the table prints several); else null")


@dataclass(frozen=True, kw_only=True)  # a nullable issue_no among the key columns: keyword-only
class BudgetTotalRow:
    """One budget total the plan prints for the ward or a 経営課題, each year's line its own row."""

    doc_id: str = key(pa.string(), _DOC_ID)
    issue_no: int | None = col(pa.int32(), "経営課題 the total is printed for ((29年度予算額 N千円) under "
                                           "its heading); null for the ward's (予算額合計 on the ◆計画 page)")
    total_no: int = key(pa.int32(), "1-based position among the totals printed for the same 経営課題 "
                                    "(or the ward)")
    fiscal_year: int | None = col(pa.int32(), "Gregorian year the line names (27年度決算額 → 2015), else "
                                              "the plan's")
    basis: str = key(pa.string(), "What the amount is: initial (予算額, 予算額合計) or settled (決算額, "
                                  "決算見込額)", allowed=("initial", "settled"))
    amount_yen: int = key(pa.int64(), "The amount in yen as printed (12百万円 → 12000000: exact to the "
                                      "printed unit only)")
    amount_raw: str = key(pa.string(), "The amount as printed, e.g. 64,737千円")
    compared: bool = key(pa.bool_(), "True for the plan's own year's budget, compared with the sum of the "
                                     "事業 budgets at the printed precision (a difference is a "
                                     "budget_total_mismatch warning); false for other years and 決算 lines")
    page: int | None = col(pa.int32(), _PAGE)
    printed_page: int | None = col(pa.int32(), _PRINTED)
    bbox: list | None = col(BBOX, _BBOX)
    raw_text: str | None = col(pa.string(), _RAW)


@dataclass(frozen=True)
class WarningRow:
    """One thing the parser noticed and could not place or read."""

    doc_id: str = key(pa.string(), _DOC_ID)
    kind: str = key(pa.string(), "What was noticed, e.g. unplaced_line, toc_entry_not_in_body, "
                                 "unreadable_budget, target_without_value")
    text: str = key(pa.string(), "The line or entry concerned, with detail")
    page: int | None = col(pa.int32(), _PAGE)


@dataclass(frozen=True)
class ErrorRow:
    """One file that could not be converted."""

    source_path: str = key(pa.string(), "Path of the file that could not be converted")
    stage: str = key(pa.string(), "Where it failed: read, extract, normalize or write")
    kind: str = key(pa.string(), "Stable error code, e.g. not_a_pdf, encrypted, empty_file")
    message: str = key(pa.string(), "One line naming the file and the reason")
    doc_id: str | None = col(pa.string(), "Document id when the file could be read, else null")


# Table name → record type, in the order they are documented and written.
TABLES: dict[str, type] = {
    "documents": DocumentRow,
    "issues": IssueRow,
    "measures": MeasureRow,
    "projects": ProjectRow,
    "targets": TargetRow,
    "activities": ActivityRow,
    "statements": StatementRow,
    "budget_lines": BudgetLineRow,
    "budget_totals": BudgetTotalRow,
    "warnings": WarningRow,
    "errors": ErrorRow,
}

# Columns that identify a row; validation rejects duplicates.
PRIMARY_KEYS: dict[str, tuple[str, ...]] = {
    "documents": ("doc_id",),
    "issues": ("doc_id", "issue_no"),
    "measures": ("doc_id", "issue_no", "measure_no"),
    "projects": ("doc_id", "issue_no", "measure_no", "project_no"),
    "targets": ("doc_id", "issue_no", "measure_no", "project_no", "target_no"),
    "activities": ("doc_id", "issue_no", "measure_no", "project_no", "activity_no"),
    "statements": ("doc_id", "issue_no", "measure_no", "kind", "statement_no"),
    "budget_lines": ("doc_id", "table_no", "row_no", "column_no", "funding_source"),
    "budget_totals": ("doc_id", "issue_no", "total_no"),
}

# Comparing two conversions (`hoshin diff`, `hoshin check`): documents are
# paired by source file, then rows by their natural key, never by row order.
# The natural key is the primary key without the document's identity, or for a
# table without one the columns below (a warning has no number: it is its kind
# and text). Identity columns follow the file's bytes and are shown once per
# document; volatile columns differ between runs on the same bytes (paths as
# given, the parser's version, a message naming the path) and are not compared.
DOCUMENT_IDENTITY: tuple[str, ...] = ("doc_id", "source_sha256")
VOLATILE_COLUMNS: tuple[str, ...] = ("source_path", "parser_version")
VOLATILE_IN_TABLE: dict[str, tuple[str, ...]] = {"errors": ("message",)}
UNKEYED_NATURAL_KEYS: dict[str, tuple[str, ...]] = {"warnings": ("kind", "text"),
                                                     "errors": ("stage", "kind")}


def natural_key(table: str) -> tuple[str, ...] | None:
    """The columns pairing a row of ``table`` across two conversions of one
    source (() for documents: one row per source); None for a table unknown to
    this version, whose rows can only be equal or not."""
    if table in PRIMARY_KEYS:
        return tuple(c for c in PRIMARY_KEYS[table] if c not in DOCUMENT_IDENTITY)
    return UNKEYED_NATURAL_KEYS.get(table)


def volatile_columns(table: str) -> tuple[str, ...]:
    return VOLATILE_COLUMNS + VOLATILE_IN_TABLE.get(table, ())


def columns(table: str):
    """The fields of a table's record type, in order."""
    return fields(TABLES[table])


def arrow_schema(table: str) -> pa.Schema:
    return pa.schema(
        [
            pa.field(f.name, f.metadata["arrow"], nullable=f.metadata["nullable"],
                     metadata={"description": f.metadata["doc"]})
            for f in columns(table)
        ],
        metadata={"table": table},
    )
