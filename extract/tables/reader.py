"""Read budget tables off one page: header by vocabulary, columns, rows by geometry.

A table is found by its header line: a line whose cells include a money
header (予算額, 補正額, 増減, …) and at least one more known header. Ruled
tables (the usual case) are read from their rules: the header block lies
between the rules around that line, columns are the vertical rules just under
the header, rows the horizontal rules of the body; a cell's text is every
glyph inside its box, so a name that wraps above and below the amounts stays
in its row. A table without rules falls back to alignment: columns part in
the body's gutters between header cells, one row per line holding an amount,
and an amount whose column is not sure is no amount (a warning).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from typing import Callable

from rules.budget_tables import (AMOUNT_IN_LABEL, AMOUNT_LINE, FUNDING_SOURCE, HEADER_HINT, LONE_MARK, MONEY_HINT,
                                 ROW_NUMBER, SIDE_TITLE, SUB_ROW, TITLE_AMOUNT, Role, carried_title, header_role,
                                 unit_of)
from rules.text import normalize_text

from ..glyphs import evenly_spaced
from ..lines import BBox
from ..page_cells import X0, Path, box_of, contains
from .grid import Grid

FULL = 0.8  # share of the table's width a rule must cover to close the header
ROW_RULE = 0.5  # … to separate two body rows
TOUCH_GAP = 2.0  # pt: a rule reaching this near a vertical one joins it
TITLE_REACH = 40.0  # pt above the table where its title or unit note may be printed
EDGE_TIE = 0.1  # pt: a line's middle this near a row edge is on it (the engines' coordinates differ by less)


@dataclass(frozen=True)
class Column:
    x0: float
    x1: float
    header: str  # as printed (tidy), lines joined: R3年度当初予算額(千円)
    group: str | None  # label of a header cell spanning several columns: 財源内訳
    role: Role | None
    printed: tuple[float, float] | None = None  # the header's own extent, in a table without column rules


@dataclass(frozen=True)
class Cell:
    column: int
    text: str  # tidy, wrapped lines joined
    raw: str  # lines as extracted, joined by newlines
    bbox: BBox
    # why the amount's column is not sure (a table without column rules): no amount, a warning
    doubt: str | None = None


@dataclass(frozen=True)
class TableRow:
    cells: dict[int, Cell]
    bbox: BBox
    # cells a rule splits off the first column in the body only: a label merged over the rows
    # it names (内訳, 企業会計), read over its whole height, and the row's number (1, 2 of a 内訳)
    label: str | None = None
    number: str | None = None
    # amounts printed in a code or department cell: no label (a 目's sum in the cell over its 事項 rows)
    aside: tuple[Cell, ...] = ()


@dataclass(frozen=True)
class Table:
    page: int
    bbox: BBox
    header: str  # the header line as printed
    title: str | None
    unit: str | None
    columns: tuple[Column, ...] = ()
    rows: tuple[TableRow, ...] = ()
    problem: str | None = None  # why it cannot be read: one unreadable_table warning
    consumed: tuple[BBox, ...] = field(default=())  # boxes of the page lines it holds


@dataclass
class _Line:
    glyphs: list[dict]
    top: float
    bottom: float
    x0: float
    x1: float
    mid: float = field(init=False)  # asked for by every band of every table: computed once

    def __post_init__(self):
        self.mid = (self.top + self.bottom) / 2

    @classmethod
    def of(cls, glyphs: list[dict]) -> "_Line":
        x0, top, x1, bottom = box_of(glyphs)
        return cls(glyphs, top, bottom, x0, x1)


def _raw(glyphs: list[dict]) -> str:
    """Glyphs left to right, a space at a gap wider than a fifth of an em."""
    out, prev = [], None
    for g in sorted(glyphs, key=X0):
        if prev is not None and g["x0"] - prev["x1"] > g["size"] / 5:
            out.append(" ")
        out.append(g["text"])
        prev = g
    return "".join(out)


def _split(line: _Line, cuts: list[float]) -> list[tuple[list[dict], tuple[float, float]]]:
    """A line's glyphs cut at rules (``cuts``), or else at gaps wider than an
    em; each part with its extent (between its rules, else its glyphs')."""
    if cuts:
        by_slot: dict[int, list[dict]] = {}
        for g in line.glyphs:
            centre = (g["x0"] + g["x1"]) / 2
            by_slot.setdefault(bisect_left(cuts, centre), []).append(g)  # the cuts left of it
        edges = [float("-inf"), *cuts, float("inf")]
        return [(by_slot[k], (max(edges[k], line.x0), min(edges[k + 1], line.x1)))
                if k in (0, len(cuts)) else (by_slot[k], (edges[k], edges[k + 1]))
                for k in sorted(by_slot)]
    parts: list[list[dict]] = []
    for g in sorted(line.glyphs, key=X0):
        if parts and g["x0"] - parts[-1][-1]["x1"] <= g["size"]:
            parts[-1].append(g)
        else:
            parts.append([g])
    return [(p, (box[0], box[2])) for p, box in zip(parts, map(box_of, parts))]


def _solid_runs(glyphs: list[dict]) -> list[list[dict]]:
    """Glyphs set solid (R3年度当初予算額) cut at a gap far wider than their own
    spacing; evenly spaced glyphs (財 源 内 訳) stay one."""
    gaps = sorted(b["x0"] - a["x1"] for a, b in zip(glyphs, glyphs[1:]))
    if not gaps:
        return [glyphs]
    wide = max(glyphs[0]["size"] / 3, 3 * max(gaps[len(gaps) // 2], 0.0))
    runs = [[glyphs[0]]]
    for a, b in zip(glyphs, glyphs[1:]):
        if b["x0"] - a["x1"] > wide:
            runs.append([])
        runs[-1].append(b)
    return runs


def _header_roles(cells: list[str]) -> list[Role]:
    return [r for r in map(header_role, cells) if r]


def _is_header(cells: list[str]) -> bool:
    """Two known headers, one of them money; or two 給与費明細書 headers (read as unreadable)."""
    roles = _header_roles(cells)
    return len(roles) >= 2 and any(r.kind == "money" for r in roles) or sum(
        r.kind == "payroll" for r in roles) >= 2


def _names_funding(cells: list[str]) -> bool:
    """A header row of funding sources alone (国県支出金 地方債 その他): the 財源内訳
    half of a table, printed apart from its amounts (on a spread's right page)."""
    return sum(FUNDING_SOURCE.match(c.replace(" ", "")) is not None for c in cells) >= 2


class _Page:
    def __init__(self, rows: list[list[dict]], paths: list[Path], page: int):
        self.page = page
        self.grid = Grid.of(paths)
        self.lines = [_Line.of(g) for g in rows]
        self.used: set[int] = set()  # lines inside a table read already
        self.noted: list[BBox] = []  # title and unit lines above a table

    def cells(self, line: _Line, x0=float("-inf"), x1=float("inf")
              ) -> list[tuple[list[dict], tuple[float, float]]]:
        return _split(line, self.grid.cuts_at(line.mid, x0, x1))

    def header_cells(self, line: _Line) -> list[list[dict]]:
        """A header line's cells: between the rules crossing it, or at its gaps where fewer
        than three cross it (a frame's two sides alone cut no column apart), a run set solid
        also at a gap far wider than its own spacing (two headers under an em apart)."""
        if len(self.grid.cuts_at(line.mid)) < 3:
            return [r for c, _ in _split(line, []) for r in _solid_runs(c)]
        return [c for c, _ in self.cells(line)]

    def tables(self, previous: Table | None) -> list[Table]:
        found = []
        for i, line in enumerate(self.lines):
            if i in self.used:
                continue
            if not HEADER_HINT.search("".join(g["text"] for g in line.glyphs)):
                continue  # cheap: most lines name no money or funding column
            texts = [normalize_text(_raw(c)) for c in self.header_cells(line)]
            if _is_header(texts) or (_names_funding(texts) and len(self.grid.cuts_at(line.mid)) >= 3):
                found.append(self.read(line, " ".join(texts)))
                found += self.beside(line, found[-1])
        found = _units_beside(_spreads_joined(found))
        if found and previous is not None:  # a title printed on the table's first page only
            found[0] = replace(found[0], title=carried_title(found[0].title, previous.title))
        for k in range(1, len(found)):  # a second table titled only by its account (【企業会計】)
            if found[k].title and SIDE_TITLE.match(found[k].title):
                found[k] = replace(found[k], title=carried_title(found[k].title, found[k - 1].title))
        found = self.boxes_between(found)
        last, below = (found[-1], found[-1].bbox[3]) if found else (previous, 0.0)
        while last is not None and last.columns and not last.problem and (
                t := self.continued(last, below)):
            found.append(t)
            last, below = t, t.bbox[3]
        return found

    def beside(self, line: _Line, table: Table) -> list[Table]:
        """The table whose header shares ``line`` right of ``table``: a spread printed on
        one page (補正予算整理表: 第3回 … 第7回 beside 当初予算 | 第1回 | 第2回)."""
        rest = [g for g in line.glyphs if (g["x0"] + g["x1"]) / 2 > table.bbox[2] + TOUCH_GAP]
        if not rest:
            return []
        part = _Line.of(rest)
        texts = [normalize_text(_raw(c)) for c, _ in self.cells(part)]
        return [self.read(part, " ".join(texts))] if _is_header(texts) else []

    def boxes_between(self, found: list[Table]) -> list[Table]:
        """A box printed between two tables with headers continues the one above it, as one
        below the last table does (Nobeoka p.8: 一般会計合計 under その他事務事業合計, above 【企業会計】)."""
        out = []
        for table, after in zip(found, found[1:]):
            out.append(table)
            if table.columns and not table.problem and (box := self.continued(table, table.bbox[3])) and (
                    box.bbox[3] <= after.bbox[1] + TOUCH_GAP):
                out.append(box)
        return out + found[-1:]

    def continued(self, previous: Table, below: float) -> Table | None:
        """A table without a header of its own below ``below``, continuing the one
        before (on this page or the page before): the same vertical rules at the
        same places (a rule splitting the first column may be added: a label column of
        its own). A box below it on the same page may keep some of them only: each of its
        cells is the column it starts in, widened over the ones it spans (補正額合計 over
        会計名 and 補正前, its amount under 補正額)."""
        edges = [previous.columns[0].x0, *(c.x1 for c in previous.columns)]
        left = [s for s in self.grid.vertical if abs(s.at - edges[0]) <= 2 and s.end - s.start > 10
                and s.start > below + 1]
        if not left:
            return None
        top = min(s.start for s in left)
        columns = _columns_kept(self.grid.cuts_at(top + 3, edges[0], edges[-1]), previous.columns)
        if not columns or (len(columns) < len(previous.columns) and previous.page != self.page):
            return None
        bottom = self.grid.down_from(edges[0], top)
        x0, x1 = edges[0], columns[-1].x1
        body = self.within(top, bottom, x0, x1)
        rows = self.rows(list(columns), body, top, bottom, x0, x1, True)
        rows, printed_unit = _without_unit_line(rows, list(columns))
        if not rows:
            return None
        title, unit = self.title_and_unit(top, x0, x1)  # its own 款/項 heading, if printed
        consumed = tuple((l.x0, l.top, l.x1, l.bottom) for l in body) + tuple(self.noted)
        self.noted = []
        return Table(self.page, (x0, top, x1, bottom), previous.header, title or previous.title,
                     unit or printed_unit or previous.unit, columns, tuple(rows),
                     consumed=consumed)

    # -- frame ---------------------------------------------------------------
    def read(self, head: _Line, header_text: str) -> Table:
        cuts = self.frame(self.grid.cuts_at(head.mid), head)
        ruled = len(cuts) >= 3
        if ruled:
            x0, x1 = cuts[0], cuts[-1]
            above = [y for y in self.grid.rules_between(0, head.mid, x0, x1, FULL)]
            below = self.grid.rules_between(head.mid, float("inf"), x0, x1, FULL)
            # the header block reaches up to the table's top: a group label (財源内訳)
            # may sit over a rule of its own
            top = min(above[-1] if above else head.top, self.grid.up_from(x0, head.mid))
            header_bottom = below[0] if below else head.bottom
            bottom = self.grid.down_from(x0, header_bottom)
            # a column may start under the first body row (項 under a 款 row spanning both):
            # the header's own rules count too
            columns_at = sorted({*self.grid.cuts_at(header_bottom + 3, x0, x1),
                                 *self.grid.cuts_at(head.mid, x0, x1)})
        else:
            x0, x1 = head.x0, head.x1
            top, header_bottom = head.top, self.unruled_header_bottom(head)
            bottom = self.unruled_bottom(header_bottom, x0, x1)
            columns_at = []
        header_lines = self.within(top, header_bottom + 0.1, x0, x1)
        body_lines = self.within(header_bottom, bottom, x0, x1)
        bbox = (x0, top, x1, bottom)
        title, unit = self.title_and_unit(top, x0, x1)
        consumed = tuple((l.x0, l.top, l.x1, l.bottom) for l in (*header_lines, *body_lines))
        consumed += tuple(self.noted)
        self.noted = []
        if not ruled:
            columns = self.unruled_columns(head, body_lines, x0, x1)
        else:
            columns = _sub_row_labels(self.ruled_columns(columns_at, header_lines), body_lines)
        unit = unit or next((u for c in columns if (u := unit_of(c.header))), None) or next(
            (u for c in columns if c.group and (u := unit_of(c.group))), None)
        table = Table(self.page, bbox, header_text, title, unit, tuple(columns), consumed=consumed)
        if any(c.role and c.role.kind == "payroll" for c in columns):
            return _unreadable(table, "a 給与費明細書 table (職員数, 給料, 手当): persons and pay, not budget amounts")
        if not any(c.role and c.role.kind == "money" for c in columns):
            return _unreadable(table, "no money column under the header")
        rows = self.rows(columns, body_lines, header_bottom, bottom, x0, x1, ruled)
        rows, printed_unit = _without_unit_line(rows, columns)
        unit = unit or printed_unit
        if not rows:  # a body printing nothing but its units: the left page of a spread whose 節 go on
            return table  # beside it (Fuji book p.74), read and empty, not unreadable
        return Table(self.page, bbox, header_text, title, unit, tuple(columns), tuple(rows),
                     consumed=consumed)

    def within(self, top: float, bottom: float, x0: float, x1: float) -> list[_Line]:
        """The parts of the page's lines inside a box (a line may run on into
        the table beside it); lines wholly inside are used up."""
        out = []
        for i, l in enumerate(self.lines):
            if not top < l.mid < bottom:
                continue
            inside = [g for g in l.glyphs if x0 - 2 <= (g["x0"] + g["x1"]) / 2 <= x1 + 2]
            if len(inside) == len(l.glyphs):
                out.append(l)
                self.used.add(i)
            elif inside:
                out.append(_Line.of(inside))
        return out

    def frame(self, cuts: list[float], head: _Line) -> list[float]:
        """The vertical rules of the header's own table: two tables side by side
        (a book's spread) are cut apart where no horizontal rule spans the gap."""
        groups: list[list[float]] = []
        for x in cuts:
            if groups and any(s.start <= groups[-1][-1] + TOUCH_GAP and s.end >= x - TOUCH_GAP
                              for s in self.grid.horizontal):
                groups[-1].append(x)
            else:
                groups.append([x])
        money = [c for c, _ in self.cells(head) if header_role(normalize_text(_raw(c)))]
        anchor = (box_of(money[0])[0] + box_of(money[0])[2]) / 2 if money else head.x0
        return next((g for g in groups if g[0] <= anchor <= g[-1]), [])

    def title_and_unit(self, top: float, x0: float, x1: float) -> tuple[str | None, str | None]:
        """The lines printed above the table (its title, joined top to bottom)
        and a unit note among them. Lines are taken upwards while each lies
        within TITLE_REACH of the one below it."""
        titles: list[str] = []
        unit = None
        reach = top
        for l in sorted((l for l in self.lines if l.bottom <= top + 1 and l.x1 > x0 and l.x0 < x1),
                        key=lambda l: -l.bottom):
            i = self.lines.index(l)
            if i in self.used or reach - l.bottom > TITLE_REACH:
                break
            reach = l.top
            text = normalize_text(_raw(l.glyphs))
            if (u := unit_of(text)) and unit is None:
                unit = u
                text = text[:text.find("(")].strip() if "(" in text else ""
            text = TITLE_AMOUNT.sub("", text)
            if text:
                titles.insert(0, text)
            self.used.add(i)
            self.noted.append((l.x0, l.top, l.x1, l.bottom))
        return " ".join(titles) or None, unit

    def unruled_header_bottom(self, head: _Line) -> float:
        bottom = head.bottom
        for l in self.lines:
            if l.top > bottom and l.top - bottom < (head.bottom - head.top) and not any(
                    g["text"].isdigit() for g in l.glyphs):
                bottom = l.bottom
        return bottom

    def unruled_bottom(self, header_bottom: float, x0: float, x1: float) -> float:
        """Down to the first gap of three line heights."""
        bottom = header_bottom
        for l in self.lines:
            if l.mid <= header_bottom:
                continue
            if l.top - bottom > 3 * (l.bottom - l.top) or l.x0 < x0 - 20:
                break
            bottom = l.bottom
        return bottom + 1

    # -- columns -------------------------------------------------------------
    def ruled_columns(self, cuts: list[float], header_lines: list[_Line]) -> list[Column]:
        spans = list(zip(cuts, cuts[1:]))
        headers: list[list[str]] = [[] for _ in spans]
        groups: list[list[str]] = [[] for _ in spans]
        for line in sorted(header_lines, key=lambda l: l.top):
            for cell, (c0, c1) in self.cells(line, spans[0][0], spans[-1][1]):
                inside = [k for k, (a, b) in enumerate(spans) if c0 < b - 1 and c1 > a + 1]
                under = [k for k, (a, b) in enumerate(spans) if a >= c0 - 3 and b <= c1 + 3]
                target = headers if len(inside) == 1 and len(under) <= 1 else groups
                for k in (inside if len(inside) == 1 else under or inside):
                    target[k].append(_raw(cell))
        return [_column(a, b, "".join(h), "".join(g) or None)
                for (a, b), h, g in zip(spans, headers, groups)]

    def unruled_columns(self, head: _Line, body: list[_Line], x0: float, x1: float) -> list[Column]:
        """A column per header cell, two parted in the widest gap the body leaves between
        their centres (a name set flush left under a centred header starts left of halfway)."""
        cells = self.header_cells(head)
        boxes = [box_of(c) for c in cells]
        glyphs = [(g["x0"], g["x1"]) for l in body for g in l.glyphs]
        edges = [x0 - 1] + [_gutter(glyphs, (a[0] + a[2]) / 2, (b[0] + b[2]) / 2, (a[2] + b[0]) / 2)
                            for a, b in zip(boxes, boxes[1:])] + [x1 + 1]
        return [replace(_column(edges[k], edges[k + 1], _raw(c), None), printed=(b[0], b[2]))
                for k, (c, b) in enumerate(zip(cells, boxes))]

    # -- rows ----------------------------------------------------------------
    def rows(self, columns: list[Column], lines: list[_Line], top: float, bottom: float,
             x0: float, x1: float, ruled: bool) -> list[TableRow]:
        if ruled:
            edges = [top, *self.grid.rules_between(top + 1, bottom - 1, x0, x1, ROW_RULE), bottom]
            ruled_bands = list(zip(edges, edges[1:]))  # each may be a ruled block of unruled rows
            bands = [band for (b0, b1), block in zip(ruled_bands, _in_bands(lines, ruled_bands))
                     for band in _bands_by_amounts(columns, block, b0, b1) or [(b0, b1)]]
        else:
            bands = _bands_by_amounts(columns, lines, top, bottom)
        doubts = {} if ruled else self.unplaced_amounts(columns, bands, x0, x1)
        rows: list[TableRow] = []
        for n, ((b0, b1), in_band) in enumerate(zip(bands, _in_bands(lines, bands))):
            label = number = None
            if ruled:
                in_band, label, number = self.first_column_parts(columns[0], in_band, lines, b0, b1)
            cells = _cells(columns, in_band, self.spans(columns, (b0 + b1) / 2) if ruled else None)
            if doubts:
                cells = {k: replace(c, doubt=doubts.get((n, k))) for k, c in cells.items()}
            aside: tuple[Cell, ...] = ()
            if cells and ruled:
                cells, aside = self.amounts_aside(columns, rows[-1] if rows else None, b0, cells)
            if cells and rows and ruled:
                cells = {**self.merged_from_above(columns, rows[-1], b0), **cells}
            if cells:
                rows.append(TableRow(cells, (x0, b0, x1, b1), label, number, aside))
        return rows

    def unplaced_amounts(self, columns: list[Column], bands: list[tuple[float, float]], x0: float,
                         x1: float) -> dict[tuple[int, int], str]:
        """Without column rules, the money cells (band, column) whose amount may be
        another column's, and why. Read on the page's whole lines (a number may run past
        the table's side), its glyphs placed as the cells place them: a run set solid
        holding a digit must lie in one column (the edge between centred headers cuts
        10|0), a negative mark set apart from its digits may fall in the column before (△ |
        178,895), a cell holds one number per line (a stray 5 beside 0 reads 05), and a
        column's numbers one stack, under its header (a column the header lacks gives its
        amounts to the next)."""
        slots, money = _Slots(columns), {k for k, c in enumerate(columns) if not _text_column(c)}
        doubts: dict[tuple[int, int], str] = {}
        stacks: dict[int, list[tuple[int, float, float]]] = {}  # column → (band, x0, x1) of its numbers
        across = [l for l in self.lines if l.x1 > x0 and l.x0 < x1]
        for n, in_band in enumerate(_in_bands(across, bands)):
            for line in in_band:
                placed = {id(g): k for g, k in _captions_kept_whole(line.glyphs, slots)}
                runs = _runs(line.glyphs)
                for i, run in enumerate(runs):
                    text, at = _raw(run), {placed[id(g)] for g in run}
                    if _has_digit(run) and len(at) > 1:
                        doubts |= {(n, k): f"{text!r} is cut by the edge of its column" for k in at & money}
                    elif LONE_MARK.match(text) and i + 1 < len(runs) and (
                            at != (digits := {placed[id(g)] for g in runs[i + 1]})):  # the digits it marks
                        doubts |= {(n, k): f"a {text} in another column than its digits" for k in (at | digits) & money}
                held: dict[int, int] = {}
                for word in (w for w, _ in _split(line, []) if _has_digit(w)):
                    at = {placed[id(g)] for g in word if _has_digit([g])} & money
                    for k in at:
                        held[k] = held.get(k, 0) + 1
                    if len(at) == 1:
                        k = at.pop()
                        inside = [g for g in word if placed[id(g)] == k]
                        stacks.setdefault(k, []).append((n, inside[0]["x0"], inside[-1]["x1"]))
                doubts |= {(n, k): "two numbers on one line of the cell" for k, c in held.items() if c > 1}
        for k, spans in stacks.items():  # the column's own: the one stack under its header
            piles = _piles([(a, b) for _, a, b in spans])
            head = columns[k].printed
            own = [p for p in piles if head and p[0] < head[1] and p[1] > head[0]]
            for n, a, b in spans:
                if len(piles) > 1 and not (len(own) == 1 and own[0][0] <= a and b <= own[0][1]):
                    doubts[(n, k)] = "a number apart from the stack under its column's header (a column the header lacks)"
        return doubts

    def first_column_parts(self, first: Column, band: list[_Line], lines: list[_Line], b0: float, b1: float
                           ) -> tuple[list[_Line], str | None, str | None]:
        """The band's lines without the cells that rules drawn in the body only split
        off the first column, the label among them and the row's number (内 | 1 | 物価高騰対策事業,
        企 | 水道事業): a part holding a number is the row's, any other is a label merged
        over the rows beside it, read down the rule closing it."""
        mid = (b0 + b1) / 2
        inner = [x for x in self.grid.cuts_at(mid, first.x0, first.x1)
                 if first.x0 + TOUCH_GAP < x < first.x1 - TOUCH_GAP]
        if not inner or not _text_column(first):
            return band, None, None
        label = number = None
        for a, b in zip([first.x0, *inner], inner):
            text = _text_between(band, a, b)
            if ROW_NUMBER.match(text):
                number = text
            elif text:
                top, bottom = self.grid.up_from(b, mid), self.grid.down_from(b, mid)
                label = _text_between([l for l in lines if top < l.mid < bottom], a, b)
        kept = [[g for g in l.glyphs if (g["x0"] + g["x1"]) / 2 > inner[-1]] for l in band]
        return [_Line.of(gs) for gs in kept if gs], label, number

    def amounts_aside(self, columns: list[Column], above: TableRow | None, y: float, cells: dict[int, Cell]
                      ) -> tuple[dict[int, Cell], tuple[Cell, ...]]:
        """A code or department cell printing an amount alone is no label: the 目's sum printed
        low in the cell spanning its 事項 rows (Nobeoka p.10: (1) 社会教育総務費 over 7,618, beside
        5,118 and 2,500). It is set aside; the row keeps the cell of the row above when no rule
        parts them in that column (one ruled cell over both)."""
        out, aside = dict(cells), []
        for k, cell in cells.items():
            if columns[k].role and columns[k].role.kind in ("code", "department") and AMOUNT_IN_LABEL.match(cell.text):
                aside.append(cell)
                del out[k]
                if above and k in above.cells and not self.grid.rules_between(
                        y - TOUCH_GAP, y + TOUCH_GAP, columns[k].x0, columns[k].x1, ROW_RULE):
                    out[k] = above.cells[k]
        return out, tuple(aside)

    def merged_from_above(self, columns: list[Column], above: TableRow, y: float) -> dict[int, Cell]:
        """The 款・項・目 and department cells of the row above that run on into
        the row starting at ``y``: a rule is drawn there, but not under them."""
        if not self.grid.rules_between(y - TOUCH_GAP, y + TOUCH_GAP, columns[0].x0, columns[-1].x1, 0.2):
            return {}
        return {k: cell for k, cell in above.cells.items()
                if columns[k].role and columns[k].role.kind in ("code", "department")
                and not self.grid.rules_between(y - TOUCH_GAP, y + TOUCH_GAP, columns[k].x0,
                                                columns[k].x1, 0.5)}

    def spans(self, columns: list[Column], y: float) -> list[int]:
        """The column each column's text belongs to at height ``y``: a text column
        without its left rule there is merged with the one before (a 款 cell spanning
        款 and 項); an amount's column is always its own."""
        cuts = self.grid.cuts_at(y, columns[0].x0, columns[-1].x1)
        owner = list(range(len(columns)))
        for k in range(1, len(columns)):
            if (_text_column(columns[k]) and _text_column(columns[k - 1])
                    and not any(abs(c - columns[k].x0) <= TOUCH_GAP for c in cuts)):
                owner[k] = owner[k - 1]
        for k in set(owner):  # a label spanning 番号 … 事業名 (a total row) is the row's name
            span = [j for j, o in enumerate(owner) if o == k]
            name = next((j for j in span if columns[j].role and columns[j].role.kind == "name"), k)
            owner = [name if o == k else o for o in owner]
        return owner


def _in_bands(lines: list[_Line], bands: list[tuple[float, float]]) -> list[list[_Line]]:
    """The lines whose middle lies inside each band, in order (bands top to bottom, apart).
    A middle on the edge of two bands (within ``EDGE_TIE``) is the upper one's: evenly
    spaced lines put the second line of a wrapped name (時間外勤務手 | 当, Fuji book p.177)
    halfway between the amounts that make the edge, and it continues the name above."""
    starts = [b0 for b0, _ in bands]
    out: list[list[_Line]] = [[] for _ in bands]
    for line in lines:
        # the last band starting above it, a tie included (or the first band)
        k = max(bisect_left(starts, line.mid - EDGE_TIE) - 1, 0)
        if bands and bands[k][0] - EDGE_TIE <= line.mid <= bands[k][1] + EDGE_TIE:
            out[k].append(line)
    return out


def _spreads_joined(tables: list[Table]) -> list[Table]:
    """A 財源内訳 half printed beside the table it funds (a spread: the rows
    run on across both halves) is that table's right-hand columns: its rows
    join the row they share a height with."""
    out: list[Table] = []
    for t in tables:
        left = next((s for s in out if not t.problem and not s.problem and _funding_only(t)
                     and s.bbox[2] <= t.bbox[0] + TOUCH_GAP
                     and min(s.bbox[3], t.bbox[3]) - max(s.bbox[1], t.bbox[1]) > 0), None)
        if left is None:
            out.append(t)
            continue
        shift = len(left.columns)
        rows = [replace(r, cells=dict(r.cells)) for r in left.rows]
        for r in t.rows:
            cells = {k + shift: replace(c, column=k + shift) for k, c in r.cells.items()}
            mid = (r.bbox[1] + r.bbox[3]) / 2
            at = next((i for i, l in enumerate(rows) if l.bbox[1] <= mid <= l.bbox[3]), None)
            if at is None:
                rows.append(TableRow(cells, r.bbox))
            else:
                rows[at] = replace(rows[at], cells={**rows[at].cells, **cells}, bbox=_union(rows[at].bbox, r.bbox))
        out[out.index(left)] = replace(
            left, bbox=_union(left.bbox, t.bbox), header=f"{left.header} {t.header}",
            columns=left.columns + t.columns, rows=tuple(sorted(rows, key=lambda r: r.bbox[1])),
            consumed=left.consumed + t.consumed)
    return out


def _columns_kept(cuts: list[float], columns: tuple[Column, ...]) -> tuple[Column, ...] | None:
    """The columns of a frame whose vertical rules (``cuts``) are the first column's left rule
    and some of the columns' rules, in order; rules inside the first column are no column's. A
    column widened over others is a text column (a label spanning amounts' columns), never an
    amount's. None: the frame is not these columns'."""
    edges = [columns[0].x0, *(c.x1 for c in columns)]
    kept = [next((k for k, e in enumerate(edges) if abs(e - x) <= 2), None) for x in cuts
            if not columns[0].x0 + TOUCH_GAP < x < columns[0].x1 - TOUCH_GAP]
    if len(kept) < 3 or None in kept or kept[0] != 0:
        return None
    # a label widened over 番号 … 事業名 is the name column's (一般会計合計 over No, 款・項・目, 事業名, 概要)
    out = tuple(replace(next((c for c in columns[a:b] if c.role and c.role.kind == "name"), columns[a]),
                        x0=columns[a].x0, x1=columns[b - 1].x1) for a, b in zip(kept, kept[1:]))
    if any(b - a > 1 and not _text_column(columns[a]) for a, b in zip(kept, kept[1:])):
        return None
    return out


def _units_beside(tables: list[Table]) -> list[Table]:
    """A spread printed on one page says its unit over its right half only ((単位 千円) over
    第3回 … 第7回 of a 補正予算整理表): the half beside it, its top at the same height, shares it."""
    return [t if t.unit else replace(t, unit=next(
        (s.unit for s in tables if s.unit and s.bbox[0] >= t.bbox[2] - TOUCH_GAP
         and abs(s.bbox[1] - t.bbox[1]) <= 2 * TOUCH_GAP), None)) for t in tables]


def _piles(spans: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Extents overlapping one another joined: the stacks a column's amounts form."""
    piles: list[tuple[float, float]] = []
    for a, b in sorted(spans):
        if piles and a < piles[-1][1]:
            piles[-1] = (piles[-1][0], max(piles[-1][1], b))
        else:
            piles.append((a, b))
    return piles


def _gutter(glyphs: list[tuple[float, float]], left: float, right: float, halfway: float) -> float:
    """The middle of the widest stretch between ``left`` and ``right`` that no glyph
    covers (``halfway`` when glyphs cover it all)."""
    best, at, mid = 0.0, left, halfway
    for g0, g1 in sorted(g for g in glyphs if g[1] > left and g[0] < right):
        if g0 - at > best:
            best, mid = g0 - at, (at + g0) / 2
        at = max(at, g1)
    if right - at > best:
        mid = (at + right) / 2
    return mid


def _funding_only(table: Table) -> bool:
    return all(c.role is None or c.role.basis == "funding" for c in table.columns)


def _union(a: BBox, b: BBox) -> BBox:
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))


def _text_column(column: Column) -> bool:
    return not (column.role and column.role.kind == "money")


def _without_unit_line(rows: list[TableRow], columns: list[Column]
                       ) -> tuple[list[TableRow], str | None]:
    """A 千円 printed above the first amount of each money column is the
    table's unit, not part of the cell."""
    if not rows:
        return rows, None
    first, unit, cells = rows[0], None, dict(rows[0].cells)
    for k, cell in first.cells.items():
        head, _, rest = cell.raw.partition("\n")
        if columns[k].role and columns[k].role.kind == "money" and (
                u := unit_of(normalize_text(head))):
            unit = u
            if rest:
                cells[k] = Cell(k, normalize_text(rest.replace("\n", "")), rest, cell.bbox)
            else:  # a column empty in the first row: only its unit is printed
                del cells[k]
    return [replace(first, cells=cells)] * bool(cells) + rows[1:], unit  # a row of units only goes


def _column(x0: float, x1: float, header_raw: str, group_raw: str | None) -> Column:
    header = normalize_text(header_raw).replace(" ", "")
    group = group_raw and normalize_text(group_raw).replace(" ", "")
    if not header and group and (role := header_role(group)):  # named by the cell over it alone
        return Column(x0, x1, group, group, role)
    return Column(x0, x1, header, group, header_role(header, group))


def _sub_row_labels(columns: list[Column], lines: list[_Line]) -> list[Column]:
    """A column whose every body line reads 補正 or 現計 labels its rows' basis (補正予算整理表),
    whatever the header cell over it says (当初予算 spans it and the amounts beside it)."""
    slots = _Slots(columns)
    seen: set[int] = set()
    failed: set[int] = set()  # a column with one line that is no such label is none: not looked at again
    for line in lines:
        by_column: dict[int, list[dict]] = {}
        for g, k in zip(line.glyphs, slots.of(line.glyphs)):
            if k is not None and k not in failed:
                by_column.setdefault(k, []).append(g)
        for k, gs in by_column.items():
            seen.add(k)
            if not SUB_ROW.match(normalize_text(_raw(gs))):
                failed.add(k)
    labelled = seen - failed
    return [replace(c, role=Role("sub_row")) if k in labelled else c for k, c in enumerate(columns)]


def _unreadable(table: Table, why: str) -> Table:
    return Table(table.page, table.bbox, table.header, table.title, table.unit, table.columns,
                 problem=why, consumed=table.consumed)


class _Slots:
    """The column each glyph's centre falls in (None: outside them all). Asked
    a line at a time: every body glyph of a budget book is placed three times."""

    def __init__(self, columns: list[Column]):
        self._starts = [c.x0 for c in columns]
        self._ends = [c.x1 for c in columns]

    def of(self, glyphs: list[dict]) -> list[int | None]:
        return self._at([(g["x0"] + g["x1"]) / 2 for g in glyphs])

    def spanned(self, glyphs: list[dict]) -> int | None:
        """The column the centre of the glyphs' whole run falls in."""
        return self._at([(glyphs[0]["x0"] + glyphs[-1]["x1"]) / 2])[0]

    def _at(self, centres: list[float]) -> list[int | None]:
        starts, ends = self._starts, self._ends
        ks = [bisect_right(starts, c) - 1 for c in centres]
        return [k if k >= 0 and c < ends[k] else None for k, c in zip(ks, centres)]


def _cells(columns: list[Column], lines: list[_Line], owner: list[int] | None = None
           ) -> dict[int, Cell]:
    """The text of each column over ``lines``; a glyph filled white is not
    printed (white on the white cell: a number kept for a spreadsheet formula)."""
    slots = _Slots(columns)
    white: dict = {}  # fill colour → _white: a table has a few colours, its glyphs many
    parts: dict[int, list[list[dict]]] = {}
    for line in sorted(lines, key=lambda l: l.top):
        by_column: dict[int, list[dict]] = {}
        for g, k in _captions_kept_whole(line.glyphs, slots):
            if k is None:
                continue
            colour = g.get("non_stroking_color")
            if (is_white := white.get(colour)) is None:
                is_white = white[colour] = _white(colour)
            if not is_white:
                by_column.setdefault(owner[k] if owner else k, []).append(g)
        for k, gs in by_column.items():
            parts.setdefault(k, []).append(gs)
    cells = {}
    for k, chunks in sorted(parts.items()):
        raws = [_raw(c) for c in chunks]
        # a name set 均等割付 drops its gaps, Latin letters too (市 庁 舎 E S C O 事 業); a code's
        # (2 1 3: 款 項 目) and an amount's stay
        named = columns[k].role is not None and columns[k].role.kind == "name"
        solid = [r.replace(" ", "") if named and evenly_spaced(c) else r for r, c in zip(raws, chunks)]
        cells[k] = Cell(k, normalize_text("".join(solid)), "\n".join(raws),
                        box_of([g for c in chunks for g in c]))
    return cells


def _text_between(lines: list[_Line], x0: float, x1: float) -> str:
    """The tidy text of the lines' glyphs centred between x0 and x1, top to bottom."""
    parts = [[g for g in l.glyphs if x0 < (g["x0"] + g["x1"]) / 2 < x1] for l in sorted(lines, key=lambda l: l.top)]
    return normalize_text("".join(_raw(p) for p in parts if p)).replace(" ", "")


def _runs(glyphs: list[dict]) -> list[list[dict]]:
    """Glyphs left to right, in runs set solid (gaps under a fifth of an em)."""
    runs: list[list[dict]] = []
    for g in sorted(glyphs, key=X0):
        if runs and g["x0"] - runs[-1][-1]["x1"] <= g["size"] / 5:
            runs[-1].append(g)
        else:
            runs.append([g])
    return runs


def _has_digit(glyphs: list[dict]) -> bool:
    return any(c.isdigit() for g in glyphs for c in g["text"])


def _captions_kept_whole(glyphs: list[dict], slots: _Slots) -> list[tuple[dict, int | None]]:
    """Each glyph with its column; a run of words set solid (no gap, no digit)
    across column rules is a caption of the cell its centre lies in (社会福祉事業基金繰入金
    over the その他 amount, spilling into the cells beside it)."""
    runs = _runs(glyphs)
    placed = slots.of([g for run in runs for g in run])  # the whole line at once, cut per run below
    out, start = [], 0
    for run in runs:
        at, start = placed[start:start + len(run)], start + len(run)
        if len(set(at)) > 1 and not _has_digit(run) and (k := slots.spanned(run)) is not None:
            at = [k] * len(run)
        out += zip(run, at)
    return out


def _white(colour) -> bool:
    """A fill colour that is white: gray 1, RGB 1 1 1 or CMYK 0 0 0 0."""
    if not colour or not isinstance(colour, (tuple, list)):
        return False
    return all(c <= 0.01 for c in colour) if len(colour) == 4 else all(c >= 0.99 for c in colour)


def _bands_by_amounts(columns: list[Column], lines: list[_Line], top: float,
                      bottom: float) -> list[tuple[float, float]]:
    """Without rules: a row per line holding a digit in the first money column, its band
    halfway to the next such line; none unless there are two such lines."""
    if len(lines) < 2:  # no two lines, no two rows
        return []
    first = next((k for k, c in enumerate(columns) if c.role and c.role.kind == "money"), None)
    # anchored on the first money column: a 財源 cell stacking two amounts (債)/他)) is one row,
    # an amount with a note under it (ただし、…5.0%の利息を限度に…) too
    slots = _Slots(columns)
    anchors = sorted(l.mid for l in lines
                     if _prints_amount([g for g, k in zip(l.glyphs, slots.of(l.glyphs)) if k == first]))
    if len(anchors) < 2:
        return []
    edges = [top] + [(a + b) / 2 for a, b in zip(anchors, anchors[1:])] + [bottom]
    return list(zip(edges, edges[1:]))


def _prints_amount(glyphs: list[dict]) -> bool:
    return bool(glyphs) and AMOUNT_LINE.match(normalize_text(_raw(glyphs))) is not None


def find_tables(rows: list[list[dict]], paths: Callable[[], list[Path]], page: int,
                previous: Table | None = None) -> list[Table]:
    """The budget tables of one page (readable or not), top to bottom, from its
    text rows (``text_rows.text_lines`` of its deduplicated glyphs);
    ``previous`` (the last table of the page before) may continue here.
    ``paths`` gives the page's drawn paths, asked for only on a page with a header word."""
    if previous is None and not MONEY_HINT.search("".join(g["text"] for row in rows for g in row)):
        return []  # most pages of a book: no header word, no work
    return _Page(rows, paths(), page).tables(previous)


HOLD_MARGIN = 1.0  # pt round a table's boxes: a line's centre this far out is still the table's


def holds(table: Table, box: BBox | None) -> bool:
    """A page line whose centre lies in the table or one of its lines."""
    if box is None:
        return False
    x, y = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return any(b[0] - HOLD_MARGIN <= x <= b[2] + HOLD_MARGIN and b[1] - HOLD_MARGIN <= y <= b[3] + HOLD_MARGIN
               for b in (table.bbox, *table.consumed))


def holds_row(tables: list[Table], box: BBox) -> bool:
    """A text row (its glyphs' ``box``) lying wholly in one table's box: every line
    made of them is one ``holds`` keeps out of the text, so none need be made."""
    return any(contains((b[0] - HOLD_MARGIN, b[1] - HOLD_MARGIN, b[2] + HOLD_MARGIN, b[3] + HOLD_MARGIN), box)
               for b in (t.bbox for t in tables))
