"""The ◆計画 block: its headers (rules.headings.PLAN_HEADERS) and the text under each.

A header may wrap in a narrow column (``港区の使命（どのような役割を担うの`` /
``か）``, ``…基本的な考え方`` / ``（区長の方針）``): the lines of one paragraph
set alike (a soft wrap, same size and face) are read as one header when
together they make one, whether the first part alone made none or a shorter one.
"""
from __future__ import annotations

from dataclasses import replace

from .headings import PLAN_HEADERS
from .lines import Line


def _set_alike(line: Line, before: Line) -> bool:
    """``line`` carries on ``before``: same face and size, and a soft wrap or set
    right under it (same left edge, less than a line's gap between)."""
    if line.bold != before.bold or (line.size and before.size and abs(line.size - before.size) >= 0.3):
        return False
    if line.wrapped:
        return True
    if not (line.bbox and before.bbox and line.page == before.page and line.size):
        return False
    return (abs(line.bbox[0] - before.bbox[0]) < line.size
            and 0 <= line.bbox[1] - before.bbox[3] < 0.8 * line.size)


class PlanBlock:
    def __init__(self) -> None:
        self.fields: dict[str, list[Line]] = {}
        self.field: str | None = None
        self.header: list[Line] = []  # the lines of the open field's header
        self.paragraph: list[Line] = []  # the lines of the paragraph being read, set alike

    def feed(self, line: Line) -> bool:
        """Place ``line``; False when no header has been seen yet."""
        joined = self.paragraph and _set_alike(line, self.paragraph[-1])
        self.paragraph = [*self.paragraph, line] if joined else [line]
        for start in range(len(self.paragraph)):  # the header may open on any of its lines
            if self._header(self.paragraph[start:]):
                self.paragraph = self.paragraph[start:]
                return True
        if self.field is None:
            return False
        self.fields[self.field].append(line)
        return True

    def _header(self, lines: list[Line]) -> bool:
        text = "".join(l.text for l in lines)
        earlier = lines[:-1]
        for name, pattern in PLAN_HEADERS:
            if not (m := pattern.match(text)):
                continue
            rest = m.group("rest").strip()
            if name in self.fields:  # only the open field's header, carried on
                if rest or not (earlier and name == self.field and earlier == self.header):
                    continue
            elif earlier and self.fields.get(self.field, [])[-len(earlier):] != earlier:
                continue
            if earlier and self.field is not None and name not in self.fields:
                del self.fields[self.field][-len(earlier):]  # not the open field's text: a header
            self.field, self.header = name, lines
            self.fields[name] = [replace(lines[-1], raw=rest, text="")] if rest else []
            return True
        return False
