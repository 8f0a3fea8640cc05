"""Failures counted per axis value, so a weakness reads as
"budget placement = captioned cell: 14/200 layouts had a failing fact".

The counting is the same for every random-layout generator (tests/layouts/ for
the 運営方針 plans, tests/table_layouts/ for budget tables): each hands its own
``Axes`` (its axes, the facts each axis can spoil, the fields never to be wrong).
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .layout import AXES, AXIS_FACTS
from .score import NEVER_WRONG, Scored


@dataclass(frozen=True)
class Axes:
    values: dict[str, Callable]  # axis name → the value a layout has on it
    own_facts: dict[str, tuple[str, ...]]  # axis → field prefixes it can spoil directly (else all)
    never_wrong: frozenset[str] | None  # fields never to be wrong; None: every field
    never_wrong_label: str  # how the table names them


PLANS = Axes(AXES, AXIS_FACTS, frozenset(NEVER_WRONG), "wrong budget_yen/target value/baseline")
STATUSES = ("wrong", "extra", "silent", "missing")


def never_wrong_violations(results: Iterable[Scored], axes: Axes = PLANS) -> list[str]:
    """Every wrong value of a field that must never be wrong, with its seed."""
    return [f"seed {r.layout.seed}: {f}" for r in results for f in r.failed
            if f.status == "wrong" and (axes.never_wrong is None or f.field in axes.never_wrong)]


def failing(result: Scored) -> bool:
    return bool(result.error or result.failed)


def summary(results: list[Scored], axes: Axes = PLANS) -> dict[str, float]:
    facts = sum(len(r.facts) for r in results if not r.error)
    per_layout = max((len(r.facts) for r in results if not r.error), default=0)
    total = facts + per_layout * sum(1 for r in results if r.error)  # a failed conversion loses all
    right = sum(len(r.facts) - len(r.failed) for r in results if not r.error)
    return {"layouts": len(results), "facts": total, "right": right,
            "right_share": right / total if total else 0.0,
            "failing_layouts": sum(failing(r) for r in results),
            "errors": sum(bool(r.error) for r in results),
            "unseen": sum(bool(r.unseen) for r in results),
            "never_wrong": len(never_wrong_violations(results, axes))}


@dataclass(frozen=True)
class AxisValue:
    failing: int  # layouts with a failing fact of the axis's own
    layouts: int
    facts_failed: int  # of the axis's own facts, over those layouts
    facts: int

    @property
    def right_share(self) -> float:
        return 1 - self.facts_failed / self.facts if self.facts else 1.0  # none of its own: none lost


def axis_counts(results: list[Scored], axes: Axes = PLANS) -> dict[str, dict[str, AxisValue]]:
    """axis → value → its counts; an axis's own facts are those ``axes.own_facts`` names
    (else all), and a failed conversion fails them all."""
    per_layout = max((len(r.facts) for r in results if not r.error), default=0)
    counts: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0, 0, 0]))
    for r in results:
        for axis, value_of in axes.values.items():
            own = axes.own_facts.get(axis, ("",))
            facts = [f for f in r.facts if f.field.startswith(own)]
            failed = sum(f.status != "right" for f in facts)
            total = len(facts) if not r.error else per_layout
            if r.error:
                failed = total
            cell = counts[axis][value_of(r.layout)]
            for k, add in enumerate((failed > 0, 1, failed, total)):
                cell[k] += add
    return {a: {v: AxisValue(*c) for v, c in sorted(vals.items())} for a, vals in counts.items()}


def floor_breaches(results: list[Scored], floor: float, known_failures: dict, axes: Axes = PLANS
                   ) -> tuple[list[str], list[str]]:
    """The axis values below ``floor`` of their facts right that ``known_failures`` does
    not declare, and the declared ones now at or above it (the list is out of date)."""
    below, recovered = [], []
    for axis, values in axis_counts(results, axes).items():
        for value, counts in values.items():
            line = f"{axis} = {value}: {counts.right_share:.3f} of {counts.facts} facts right"
            if (axis, value) in known_failures:
                if counts.right_share >= floor:
                    recovered.append(line)
            elif counts.right_share < floor:
                below.append(line)
    return below, recovered


def render_table(results: list[Scored], axes: Axes = PLANS) -> str:
    s = summary(results, axes)
    seeds = sorted(r.layout.seed for r in results)
    out = [f"{s['layouts']} random layouts (seeds {seeds[0]}-{seeds[-1]}): "
           f"{s['right']}/{s['facts']} facts right ({100 * s['right_share']:.2f} %); "
           f"{s['failing_layouts']} layouts with a failing fact; {s['errors']} conversions failed; "
           f"{s['never_wrong']} {axes.never_wrong_label}; "
           f"{s['unseen']} layouts not showing a drawn variation", ""]
    statuses = Counter((f.field, f.status) for r in results for f in r.failed)
    if statuses:
        out.append("failed facts by field (missing = null with a warning, silent = null without one, "
                   "extra = read but not in the facts):")
        for field in sorted({f for f, _ in statuses}):
            parts = ", ".join(f"{statuses[field, st]} {st}" for st in STATUSES if statuses[field, st])
            out.append(f"  {field}: {parts}")
        out.append("")
    out.append("per axis value: layouts with a failing fact / layouts (share of facts failed); "
               "facts are the axis's own where it has some (" + ", ".join(
                   f"{a}: {' '.join(p.rstrip('.') for p in f)}" for a, f in axes.own_facts.items()) + ")")
    for axis, values in axis_counts(results, axes).items():
        for value, c in values.items():
            out.append(f"  {axis} = {value}: {c.failing}/{c.layouts} "
                       f"({100 * (1 - c.right_share):.1f} % of {c.facts} facts)")
    wrong = never_wrong_violations(results, axes)
    if wrong:
        out += ["", f"{axes.never_wrong_label} (must never happen):", *wrong[:50]]
    return "\n".join(out) + "\n"
