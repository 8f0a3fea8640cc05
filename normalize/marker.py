"""Markers for new or expanded work printed on a 事業 or 施策 title.

Seen: (新) (拡) ≪新規≫, full width （新）（拡）; 【新規】【拡充】 are read too.
Only a marker that opens or closes the title counts: a (新規) inside a 目標 or a
description is another thing (a target without a baseline), and a bracket in
the middle of a title is part of its name.
"""
from __future__ import annotations

from rules.markers import LEADING_MARKER, MARKER_KINDS, TRAILING_MARKER


def title_marker(title: str) -> str | None:
    """new / expanded for a title marked so at its start or end; None when it is
    unmarked or marked both ways (the title keeps the markers as printed)."""
    kinds = {MARKER_KINDS[m.group("word")]
             for pattern in (LEADING_MARKER, TRAILING_MARKER) if (m := pattern.search(title))}
    return kinds.pop() if len(kinds) == 1 else None
