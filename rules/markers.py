"""Markers for new or expanded work on a 事業 / 施策 / 具体的取組 title, and list bullets.

Seen: (新) (拡) ≪新規≫, full width （新）（拡）; 【新規】【拡充】 are read too. Only a
marker that opens or closes the title counts (normalize.marker).
"""
from __future__ import annotations

import regex

from .rule import rule

MARKER_KINDS = {"新": "new", "新規": "new", "拡": "expanded", "拡充": "expanded"}
_MARKER_WORD = "|".join(sorted(MARKER_KINDS, key=len, reverse=True))


def _marker(word: str) -> str:
    return "|".join(rf"{regex.escape(o)}{word}{regex.escape(c)}" for o, c in ("()", "【】", "≪≫", "《》"))


# Any marker, for patterns that allow one before a number or after a budget
ANY_MARKER = _marker(f"(?:{_MARKER_WORD})")

LEADING_MARKER = rule(
    rf"^(?:{_marker(f'(?P<word>{_MARKER_WORD})')})",
    examples=(("（新）地域防災リーダーの育成", {"word": "新"}), ("【拡充】見守り支援", {"word": "拡充"})),
    refuses=("新規事業の検討", "（仮称）新拠点"),
)
TRAILING_MARKER = rule(
    rf"(?:{_marker(f'(?P<word>{_MARKER_WORD})')})$",
    examples=(("子育て支援事業≪新規≫", {"word": "新規"}), ("見守り支援（拡）", {"word": "拡"}),
              ("見守り支援《新規》", {"word": "新規"})),
    refuses=("見守り支援（再掲）", "（新）が付いた事業の一覧です"),
    how="search",
)
# A list item; ◆ is not one (◆計画 is a section marker, matched first).
BULLET = rule(
    r"^[・●○◎■□◇▪•]",
    examples=("・広報研修会の開催：2回。", "●地域の見守り", "○相談窓口", "■防災訓練"),
    refuses=("◆計画", "1) コミュニティ育成支援"),
)
