"""Markers for new or expanded work printed on a 事業 or 施策 title.

Seen: (新) (拡) ≪新規≫, full width （新）（拡）; 【新規】【拡充】 are read too.
Only a marker that opens or closes the title counts: a (新規) inside a 目標 or a
description is another thing (a target without a baseline), and a bracket in
the middle of a title is part of its name.
"""
from __future__ import annotations

import regex

MARKER_KINDS = {"新": "new", "新規": "new", "拡": "expanded", "拡充": "expanded"}
_WORD = "|".join(sorted(MARKER_KINDS, key=len, reverse=True))
_BRACKETED = rf"\((?P<word>{_WORD})\)|【(?P<word>{_WORD})】|≪(?P<word>{_WORD})≫|《(?P<word>{_WORD})》"
# (新)地域防災リーダーの育成 / 子育て支援事業≪新規≫ (tidy text: （新） is already (新))
LEADING_MARKER = regex.compile(rf"^(?:{_BRACKETED})")
TRAILING_MARKER = regex.compile(rf"(?:{_BRACKETED})$")


def title_marker(title: str) -> str | None:
    """new / expanded for a title marked so at its start or end; None when it is
    unmarked or marked both ways (the title keeps the markers as printed)."""
    kinds = {MARKER_KINDS[m.group("word")]
             for pattern in (LEADING_MARKER, TRAILING_MARKER) if (m := pattern.search(title))}
    return kinds.pop() if len(kinds) == 1 else None
