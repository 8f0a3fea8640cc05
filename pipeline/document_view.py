"""One document's rows regrouped as its tree, for people to read (inspect, report).

Works on plain records (dicts), so the same view serves rows fresh from the
converter and rows read back from Parquet. Nothing is parsed here: it only
groups, sums and formats what the tables hold.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from normalize.budget import parse_budget_total, totals_agree

Record = dict


@dataclass
class DocumentView:
    document: Record
    issues: list[Record]
    measures: dict[int, list[Record]] = field(default_factory=dict)  # by issue_no
    projects: dict[tuple[int, int], list[Record]] = field(default_factory=dict)
    targets: dict[tuple[int, int, int], list[Record]] = field(default_factory=dict)
    activities: dict[tuple[int, int, int], list[Record]] = field(default_factory=dict)
    warnings: list[Record] = field(default_factory=list)
    budget_lines: list[Record] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    @classmethod
    def of(cls, tables: dict[str, list[Record]]) -> "DocumentView":
        """``tables``: table name → this document's records."""
        def grouped(name: str, key: tuple[str, ...]) -> dict:
            groups = defaultdict(list)
            for r in tables.get(name, []):
                groups[tuple(r[k] for k in key) if len(key) > 1 else r[key[0]]].append(r)
            return dict(groups)

        (document,) = tables["documents"]
        return cls(
            document=document,
            issues=list(tables.get("issues", [])),
            measures=grouped("measures", ("issue_no",)),
            projects=grouped("projects", ("issue_no", "measure_no")),
            targets=grouped("targets", ("issue_no", "measure_no", "project_no")),
            activities=grouped("activities", ("issue_no", "measure_no", "project_no")),
            warnings=list(tables.get("warnings", [])),
            budget_lines=list(tables.get("budget_lines", [])),
            counts={name: len(rows) for name, rows in tables.items()},
        )

    def budget_tables(self) -> list[dict]:
        """One summary per budget table read: number, page, title, rows, money
        cells and the union of its rows' boxes."""
        tables: dict[int, dict] = {}
        for line in self.budget_lines:
            t = tables.setdefault(line["table_no"], {
                "table_no": line["table_no"], "page": line["page"], "title": line["table_title"],
                "rows": set(), "cells": 0, "bbox": line["bbox"]})
            t["rows"].add(line["row_no"])
            t["cells"] += 1
            if line["bbox"] and t["bbox"]:
                b = t["bbox"]
                t["bbox"] = [min(b[0], line["bbox"][0]), min(b[1], line["bbox"][1]),
                             max(b[2], line["bbox"][2]), max(b[3], line["bbox"][3])]
        return [{**t, "rows": len(t["rows"])} for _, t in sorted(tables.items())]

    def issue_projects(self, issue_no: int) -> list[Record]:
        return [p for m in self.measures.get(issue_no, [])
                for p in self.projects.get((issue_no, m["measure_no"]), [])]

    def issue_budget(self, issue_no: int) -> int:
        """Sum of the 事業 budgets read as amounts (none/missing count as 0)."""
        return sum(p["budget_yen"] or 0 for p in self.issue_projects(issue_no))

    def total_budget(self) -> int:
        return sum(self.issue_budget(i["issue_no"]) for i in self.issues)

    def unread_budgets(self, issue_no: int | None = None) -> int:
        """事業 whose budget is missing: a sum that silently skips them would mislead."""
        issues = [issue_no] if issue_no is not None else [i["issue_no"] for i in self.issues]
        return sum(p["budget_status"] == "missing" for n in issues for p in self.issue_projects(n))

    def title_line(self) -> str:
        d = self.document
        year = f"FY{d['fiscal_year']}" if d["fiscal_year"] else "FY?"
        label = f" ({d['fiscal_year_label']})" if d["fiscal_year_label"] else ""
        pages = f"{d['page_count']} pages" if d["page_count"] else "no pages"
        return (f"{d['source_path']}: {d['title'] or '(no title)'} · {d['ward'] or '?'} "
                f"{year}{label} · {pages} · template {d.get('template') or '?'} · doc_id {d['doc_id']}")


def total_check(owner: Record, summed: int) -> str | None:
    """Verdict on a printed total (issues or documents row) against the 事業 sum,
    by the conversion's own rule (at the printed precision); None if none is printed."""
    if owner.get("budget_total_yen") is None:
        return None
    return "agrees" if totals_agree(parse_budget_total(owner["budget_total_raw"]), summed) else "MISMATCH"


def yen(value: int | None) -> str:
    return "—" if value is None else f"¥{value:,}"


def budget_sum(projects: int, summed: int) -> str:
    """A sum over no 事業 is shown as — (nothing was read), never as ¥0."""
    return yen(summed) if projects else "—"


def where(row: Record, with_toc: bool = True) -> str:
    """p.5 (printed 3) — the page index first, as a PDF viewer counts —
    and, for headings, the page the 目次 gives."""
    if row.get("page") is None:
        text = "no page"
    else:
        printed = f" (printed {row['printed_page']})" if row.get("printed_page") is not None else ""
        text = f"p.{row['page']}{printed}"
    if with_toc and row.get("toc_page") is not None:
        text += f", 目次 p.{row['toc_page']}"
    return text


def _number(v: float) -> str:
    return f"{v:g}"


def target_value(t: Record) -> str:
    """80 % >= · baseline 2016: 81.1 %  (or what is known of it)."""
    if t["value"] is None:
        value = "no value read"
    else:
        value = f"{_number(t['value'])} {t['unit'] or ''}".rstrip()
        if t["comparator"]:
            value += f" {t['comparator']}"
        if t["cumulative"]:
            value += " (延べ)"
    if t["is_new"]:
        baseline = "new (no baseline)"
    elif t["baseline_value"] is not None:
        baseline = (f"baseline {t['baseline_fiscal_year'] or '?'}: "
                    f"{_number(t['baseline_value'])} {t['baseline_unit'] or ''}").rstrip()
    elif t["baseline_text"]:
        baseline = f"baseline ({t['baseline_text']})"
    else:
        baseline = "no baseline"
    return f"{value} · {baseline}"
