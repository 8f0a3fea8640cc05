"""``hoshin inspect FILE``: the parsed tree of one document, in the terminal.

経営課題 → 施策 → 事業 (budget) → 目標 (value, unit, baseline), each with its
page, then the warnings: what an analyst checks against the PDF side by side.
"""
from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

from extract import DEFAULT_ENGINE

from .convert import Converted, convert_file
from .document_view import DocumentView, budget_sum, target_value, total_check, where, yen


def _budget(p: dict) -> str:
    if p["budget_status"] == "amount":
        return yen(p["budget_yen"])
    return "budget: none (dash)" if p["budget_status"] == "none" else "budget: MISSING"


def _printed_total(row: dict, summed: int) -> str:
    check = total_check(row, summed)
    return "" if check is None else f", printed total {yen(row['budget_total_yen'])}: {check}"


def render_tree(view: DocumentView) -> str:
    out = [view.title_line(),
           f"事業 budgets: {yen(view.total_budget())}"
           f"{_printed_total(view.document, view.total_budget())}"]
    for issue in view.issues:
        n = issue["issue_no"]
        out.append(f"経営課題{n} {issue['title']}  [{where(issue)}]  "
                   f"Σ事業 {budget_sum(len(view.issue_projects(n)), view.issue_budget(n))}"
                   f"{_printed_total(issue, view.issue_budget(n))}")
        for measure in view.measures.get(n, []):
            m = measure["measure_no"]
            out.append(f"  施策{n}-{m} {measure['title']}  [{where(measure)}]")
            for t in view.targets.get((n, m, None), []):  # stated for the 施策/戦略 itself
                out.append(f"    {t['indicator_kind']}{t['target_no']} {t['metric'] or t['text']}")
                out.append(f"             → {target_value(t)}  [{where(t)}]")
            for p in view.projects.get((n, m), []):
                key = (n, m, p["project_no"])
                out.append(f"    事業{p['project_no']}) {p['title']}  {_budget(p)}  [{where(p)}]")
                for t in view.targets.get(key, []):
                    out.append(f"      目標{t['target_no']} {t['metric'] or t['text']}")
                    out.append(f"             → {target_value(t)}  [{where(t)}]")
    tables = view.budget_tables()
    if tables:
        out.append(f"budget tables ({len(tables)}):")
        out += [f"  table {t['table_no']} p.{t['page']} {t['title'] or '(no title)'}: "
                f"{t['rows']} rows, {t['cells']} money cells" for t in tables]
    out.append(f"warnings ({len(view.warnings)}):")
    out += [f"  [{where(w)}] {w['kind']}: {w['text']}" for w in view.warnings]
    return "\n".join(out)


def inspect_file(path: Path, engine: str = DEFAULT_ENGINE) -> tuple[str, str | None]:
    """(tree text, None) or ("", error message); ``engine`` reads a PDF."""
    outcome = convert_file(path, engine=engine)
    if not isinstance(outcome, Converted):
        return "", outcome.error.message
    tables = {name: [asdict(r) for r in rows] for name, rows in outcome.rows.items()}
    return render_tree(DocumentView.of(tables)), None
