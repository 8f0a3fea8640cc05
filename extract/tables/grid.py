"""Table rules from drawn paths: horizontal and vertical segments.

Both engines hand over the boxes of drawn paths and rects (``PageGlyphs.paths``, ``page_cells.Path``).
A thin box is a rule; a larger stroked box is a cell outline, whose four sides
are rules (a larger box only filled is a shading or a background, no rule). Segments on one line that touch are merged, so a border
drawn cell by cell becomes one rule.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..page_cells import Path

THIN = 3.0  # pt: a box this thin is a line
TOUCH = 3.0  # pt: segments this close continue each other


@dataclass(frozen=True)
class Segment:
    at: float  # y of a horizontal rule, x of a vertical one
    start: float
    end: float

    def covers(self, v: float, slack: float = TOUCH) -> bool:
        return self.start - slack <= v <= self.end + slack


def _merged(segments: list[Segment]) -> list[Segment]:
    out: list[Segment] = []
    for s in sorted(segments, key=lambda s: (round(s.at / TOUCH), s.start)):
        last = out[-1] if out else None
        if last and abs(last.at - s.at) <= TOUCH and s.start <= last.end + TOUCH:
            out[-1] = Segment(last.at, last.start, max(last.end, s.end))
        else:
            out.append(s)
    return out


@dataclass(frozen=True)
class Grid:
    horizontal: list[Segment]
    vertical: list[Segment]

    @classmethod
    def of(cls, paths: list[Path]) -> "Grid":
        h: list[Segment] = []
        v: list[Segment] = []
        for x0, top, x1, bottom, stroked in paths:
            width, height = x1 - x0, bottom - top
            if width > THIN and height <= THIN:
                h.append(Segment((top + bottom) / 2, x0, x1))
            elif height > THIN and width <= THIN:
                v.append(Segment((x0 + x1) / 2, top, bottom))
            elif width > THIN and height > THIN and stroked:
                h += [Segment(top, x0, x1), Segment(bottom, x0, x1)]
                v += [Segment(x0, top, bottom), Segment(x1, top, bottom)]
        return cls(_merged(h), _merged(v))

    def cuts_at(self, y: float, x0: float = float("-inf"), x1: float = float("inf")) -> list[float]:
        """x of the vertical rules crossing height ``y`` between x0 and x1."""
        return sorted({round(s.at, 1) for s in self.vertical
                       if s.start < y < s.end and x0 - TOUCH <= s.at <= x1 + TOUCH})

    def rules_between(self, top: float, bottom: float, x0: float, x1: float,
                      share: float) -> list[float]:
        """y of horizontal rules in (top, bottom) that cover ``share`` of [x0, x1]."""
        width = x1 - x0
        return sorted({round(s.at, 1) for s in self.horizontal if top < s.at < bottom
                       and min(s.end, x1) - max(s.start, x0) >= share * width})

    def up_from(self, x: float, y: float) -> float:
        """How far the vertical rule at ``x`` runs up from ``y`` without a break."""
        start = y
        for s in sorted((s for s in self.vertical if abs(s.at - x) <= TOUCH), key=lambda s: -s.end):
            if s.end >= start - TOUCH and s.start < start:
                start = s.start
        return start

    def down_from(self, x: float, y: float) -> float:
        """How far the vertical rule at ``x`` runs down from ``y`` without a break."""
        end = y
        for s in sorted((s for s in self.vertical if abs(s.at - x) <= TOUCH), key=lambda s: s.start):
            if s.start <= end + TOUCH and s.end > end:
                end = s.end
        return end
