"""Lines with provenance: the unit every reader produces and the tree is built from."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Iterable

from rules.text import canonical, normalize_text, tidy

BBox = tuple[float, float, float, float]  # x0, top, x1, bottom in PDF points


@dataclass(frozen=True)
class Line:
    raw: str  # as the reader got it (PDF glyphs or the text file's line)
    page: int | None  # 1-based page index; None when the source has no pages
    printed_page: int | None = None  # number printed in the page footer, if any
    bbox: BBox | None = None
    size: float | None = None  # dominant font size, PDF only
    bold: bool = False  # heading face (Gothic/Bold) or markdown ** in text input
    wrapped: bool = False  # soft continuation of the previous line (no paragraph break)
    cell: str | None = None  # label of the table cell this line sits in, e.g. "目標"
    extent: BBox | None = None  # a label's: the ruled cell its lines sit in, when drawn
    text: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        if not self.text:
            object.__setattr__(self, "text", tidy(self.spaced))

    @cached_property  # every heading pattern is tried on it
    def spaced(self) -> str:
        """Canonical text with layout spaces kept (for label and number boundaries)."""
        return canonical(self.raw)


def union_bbox(boxes: Iterable[BBox | None]) -> BBox | None:
    boxes = [b for b in boxes if b is not None]
    if not boxes:
        return None
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


@dataclass(frozen=True)
class Span:
    """A logical item (paragraph, bullet, target) made of one or more lines.

    ``text`` is the item's own text; it may be a slice of the lines' text when
    one line holds two items (two 目標 separated only by their baselines).
    """

    text: str
    lines: tuple[Line, ...]

    @classmethod
    def of(cls, lines: Iterable[Line]) -> "Span":
        lines = tuple(lines)
        return cls(join_text(lines), lines)

    @property
    def raw(self) -> str:
        return "\n".join(line.raw for line in self.lines)

    @property
    def page(self) -> int | None:
        return self.lines[0].page if self.lines else None

    @property
    def printed_page(self) -> int | None:
        return self.lines[0].printed_page if self.lines else None

    @property
    def bbox(self) -> BBox | None:
        """Union of the boxes on the span's first page."""
        return union_bbox(line.bbox for line in self.lines if line.page == self.page)


def join_text(lines: Iterable[Line]) -> str:
    """Join wrapped lines. Japanese wraps anywhere, even inside numbers
    (``２７０`` / ``０人``), so lines are joined without a separator. The raw
    text is joined before it is normalized: a line may open with the 長音 of
    the word the wrap split (``コミュニケ`` / ``ーション``), which alone would
    read as a dash."""
    return normalize_text("".join(line.raw for line in lines))
