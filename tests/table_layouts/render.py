"""Draw one list's rows (its hand-typed facts) as a budget table in one random ``Layout``.

Columns are as wide as their widest content (the 事業名 column about half its
longest name when ``narrow_names``, the 主な事業内容 column a fixed share that
its prose wraps in); a table wider than the page is shrunk as a whole, as a
spreadsheet printed to the page's width. Each cell's lines are centred on its
row, so a wrapped name prints above and below the row's amounts. Rows run on
over pages; the header is repeated there or not.

The renderer returns what the scorer needs besides the facts: the page each
row was drawn on and the money columns printed.
"""
from __future__ import annotations

import io
import random
from dataclasses import dataclass, field

from tests.facts.budget_tables import load
from tests.pdf_factory import GOTHIC_FILE, MINCHO_FILE, font_file

from .layout import LISTS, MM, Layout

FUNDING = ("国", "県", "地方債", "その他", "一般財源")
TITLES = {"continuing": "R4年度当初予算に計上した主な継続事業", "new": "R4年度当初予算に計上した主な新規事業"}
UNIT_NOTE = "(単位：千円)"
TOTAL = "合計"
MARGIN = 12 * MM
PAD = 0.4  # em: a cell's inner margin on each side
LEADING = 1.3  # em
DESCRIPTION_EM = (16, 8)  # the 主な事業内容 column's width in em, as drawn and at its narrowest
_FULL_WIDTH = str.maketrans("0123456789,.", "０１２３４５６７８９，．")
# the description's prose: each row's own amounts, never the row's amounts
_SPENDING = ("業務委託料", "工事請負費", "補助金", "負担金", "需用費", "備品購入費", "使用料")


@dataclass(frozen=True)
class Column:
    key: str  # no dept code name old new change cost 国 … 一般財源 desc
    header: str  # as printed on one line
    group: str | None = None  # 財源内訳 over the funding sources
    align: str = "left"  # left centre right

    @property
    def money(self) -> bool:
        return self.align == "right"


@dataclass
class Row:
    item_no: str  # 合計 for the total row
    texts: dict[str, list[str]]  # column key → printed lines (before wrapping)
    amounts: dict[str, str]  # column key → printed amount, as the layout prints it


@dataclass
class Drawn:
    pages: dict[str, int] = field(default_factory=dict)  # 番号 (or 合計) → its row's page
    size: float = 0.0  # the body size after shrinking to the page's width


def key_of(cell: dict) -> str:
    """The renderer's column for a typed cell: R3/R4 by year, 増減, 事業費, a funding source."""
    column = cell["column"]
    if cell.get("funding_source"):
        return cell["funding_source"]
    return {"R3": "old", "R4": "new", "増減": "change", "事業費": "cost"}[
        next(k for k in ("R3", "R4", "増減", "事業費") if column.startswith(k))]


def columns(layout: Layout) -> list[Column]:
    unit = "" if layout.unit_note else "(千円)"
    cols = [Column("no", "番号", align="centre"), Column("dept", "主管課", align="centre"),
            Column("code", "款項目", align="centre"), Column("name", "事業名")]
    if layout.list == "continuing":
        years = [Column("old", f"R3年度当初予算額{unit}", align="right"),
                 Column("new", f"R4年度当初予算額{unit}", align="right")]
        cols += (years[::-1] if layout.new_year_first else years) + [Column("change", "増減", align="right")]
        group = "財源内訳"
    else:
        cols.append(Column("cost", f"事業費{unit}", align="right"))
        group = f"財源内訳{unit}"
    if layout.funding:
        cols += [Column(s, s, group, align="right") for s in FUNDING]
    if layout.description:
        cols.append(Column("desc", "主な事業内容"))
    return cols


def _header_lines(column: Column, lines: int) -> list[str]:
    """A money header split over two lines as a narrow cell wraps it: R4年度当初予 / 算額(千円),
    事業費 / (千円)."""
    text = column.header
    if lines == 1 or not column.money or len(text) <= 4:
        return [text]
    head = text.split("(")[0]
    cut = len(head) if "(" in text and len(head) <= 4 else (len(text) + 1) // 2
    return [text[:cut], text[cut:]]


def _printed(printed: str, layout: Layout) -> str:
    if printed[0] in "△▲":
        printed = layout.negative + printed[1:].lstrip()
    return printed


def _amount(yen_thousands: int, layout: Layout) -> str:
    return (layout.negative if yen_thousands < 0 else "") + f"{abs(yen_thousands):,}"


def _prose(layout: Layout, item_no: str, name: str) -> str:
    """A description carrying amounts of its own (…委託料62,437千円等)."""
    r = random.Random(f"{layout.seed}:{item_no}")
    stem = name.split("(")[0].split("\n")[0]
    a, b = r.choice(_SPENDING), r.choice(_SPENDING)
    text = f"{stem}に係る{a}{r.randint(1, 999_999):,}千円、{b}{r.randint(1, 99_999):,}千円等。"
    if r.random() < 0.5:
        text += f"前年度比{layout.negative}{r.randint(1, 9_999):,}千円(R3・{r.randint(1, 999_999):,}千円)。"
    return text


def rows(layout: Layout) -> list[Row]:
    facts = load(LISTS[layout.list])["rows"]
    out = []
    keys = {c.key for c in columns(layout)}
    for fact in facts:
        texts = {"no": [fact["item_no"]], "dept": fact["department"].split("\n"),
                 "code": fact["code"].split("\n"), "name": fact["name"].split("\n")}
        if layout.description:
            texts["desc"] = [_prose(layout, fact["item_no"], fact["name"])]
        amounts = {k: _printed(c["printed"], layout) for c in fact["cells"] if (k := key_of(c)) in keys}
        out.append(Row(fact["item_no"], texts, amounts))
    if layout.total:
        sums: dict[str, int] = {}
        for fact in facts:
            for c in fact["cells"]:
                if (k := key_of(c)) in keys:
                    sums[k] = sums.get(k, 0) + c["yen"] // 1000
        out.append(Row(TOTAL, {"name": [TOTAL]}, {k: _amount(v, layout) for k, v in sums.items()}))
    return out


class _Canvas:
    def __init__(self, layout: Layout):
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont
        from reportlab.pdfgen import canvas

        self.metrics = pdfmetrics
        self.font = "IPAexGothic" if layout.gothic else "IPAexMincho"
        self.bold = "IPAexGothic"
        for name, file in (("IPAexMincho", MINCHO_FILE), ("IPAexGothic", GOTHIC_FILE)):
            if name not in pdfmetrics.getRegisteredFontNames():  # once per process
                pdfmetrics.registerFont(TTFont(name, str(font_file(file))))
        self.width, self.height = layout.page_size
        self.buffer = io.BytesIO()
        self.c = canvas.Canvas(self.buffer, pagesize=(self.width, self.height))
        self.c.setLineWidth(0.6)

    def text_width(self, s: str, size: float, font: str | None = None) -> float:
        return self.metrics.stringWidth(s, font or self.font, size)

    def text(self, x: float, top: float, s: str, size: float, font: str | None = None) -> None:
        self.c.setFont(font or self.font, size)
        self.c.drawString(x, self.height - top - size * 0.88, s)

    def hline(self, x0: float, x1: float, y: float) -> None:
        self.c.line(x0, self.height - y, x1, self.height - y)

    def vline(self, x: float, y0: float, y1: float) -> None:
        self.c.line(x, self.height - y0, x, self.height - y1)


def _wrap(c: _Canvas, s: str, size: float, width: float) -> list[str]:
    lines, line = [], ""
    for ch in s:
        if line and c.text_width(line + ch, size) > width:
            lines.append(line)
            line = ""
        line += ch
    return lines + [line] * bool(line)


class _Table:
    """Column widths and row heights of one layout at its final size."""

    def __init__(self, c: _Canvas, layout: Layout):
        self.c, self.layout = c, layout
        self.cols = columns(layout)
        self.rows = rows(layout)
        for row in self.rows:
            for k, lines in row.texts.items():
                row.texts[k] = [self.digits(s) for s in lines]
            row.amounts = {k: self.digits(v) for k, v in row.amounts.items()}
        available = c.width - 2 * MARGIN
        self.widths = self.widths_at(1.0)
        over = sum(self.widths.values()) * layout.size - available
        if over > 0 and layout.description:  # the prose column gives way first
            self.widths["desc"] = max(DESCRIPTION_EM[1], self.widths["desc"] - over / layout.size)
        self.size = min(layout.size, available / sum(self.widths.values()))
        self.widths = {k: w * self.size for k, w in self.widths.items()}

    def digits(self, s: str) -> str:
        return s.translate(_FULL_WIDTH) if self.layout.full_width_digits else s

    def widths_at(self, size: float) -> dict[str, float]:
        w = self.c.text_width
        out = {}
        for col in self.cols:
            heads = [w(s, size) for s in _header_lines(col, self.layout.header_lines)]
            if col.key == "desc":
                content = DESCRIPTION_EM[0] * size
            elif col.money:
                content = max((w(r.amounts.get(col.key, ""), size) for r in self.rows), default=0)
            else:
                content = max((w(s, size) for r in self.rows for s in r.texts.get(col.key, [])),
                              default=0)
                if col.key == "name" and self.layout.narrow_names:
                    content = content / 2 + size
            out[col.key] = max([content, *heads]) + 2 * PAD * size + 0.05 * size  # no wrap by rounding
        return out

    def cell_lines(self, row: Row, key: str) -> list[str]:
        inner = self.widths[key] - 2 * PAD * self.size
        return [part for s in row.texts.get(key, []) for part in _wrap(self.c, s, self.size, inner)]

    def height(self, row: Row) -> float:
        lines = max((len(self.cell_lines(row, k)) for k in row.texts), default=1)
        return (max(lines, 1) * LEADING + 2 * PAD) * self.size

    @property
    def header_rows(self) -> int:
        return 2 if self.layout.funding or self.layout.header_lines == 2 else 1

    @property
    def header_height(self) -> float:
        return (self.header_rows * LEADING + 2 * PAD) * self.size


def render(layout: Layout) -> tuple[bytes, Drawn]:
    c = _Canvas(layout)
    t = _Table(c, layout)
    size, drawn = t.size, Drawn(size=t.size)
    x0 = (c.width - sum(t.widths.values())) / 2
    edges = [x0]
    for col in t.cols:
        edges.append(edges[-1] + t.widths[col.key])
    x = dict(zip((col.key for col in t.cols), zip(edges, edges[1:])))
    bottom_limit = c.height - MARGIN
    page = 1
    forced = round(layout.break_at * len(t.rows)) if layout.forced_break else None

    def header(top: float) -> float:
        """The header block (and the unit note above it); returns the body's top."""
        if layout.unit_note:
            w = c.text_width(UNIT_NOTE, size)
            c.text(edges[-1] - w, top - 1.4 * size, UNIT_NOTE, size)
        line_h = LEADING * size
        block = t.header_height
        funding = [col for col in t.cols if col.group]
        if funding:  # the group label centred over its columns
            g0, g1 = x[funding[0].key][0], x[funding[-1].key][1]
            label = funding[0].group
            c.text((g0 + g1 - c.text_width(label, size)) / 2, top + PAD * size, label, size)
        for col in t.cols:
            lines = _header_lines(col, layout.header_lines)
            a, b = x[col.key]
            row_top, height = (top + block / 2, block / 2) if col.group else (top, block)
            start = row_top + (height - len(lines) * line_h) / 2
            for i, s in enumerate(lines):
                c.text((a + b - c.text_width(s, size)) / 2, start + i * line_h, s, size)
        if layout.rules == "full grid":
            if funding:
                c.hline(g0, g1, top + block / 2)
        return top + block

    def rules(top: float, header_bottom: float, bottoms: list[float]) -> None:
        """The table's rules on one page, from its top to its last row."""
        end = bottoms[-1] if bottoms else header_bottom
        if layout.rules == "none":
            return
        if layout.rules == "frame and header rule":
            c.c.rect(edges[0], c.height - end, edges[-1] - edges[0], end - top)
            if header_bottom > top:
                c.hline(edges[0], edges[-1], header_bottom)
            return
        for y in {top, header_bottom, *bottoms}:
            c.hline(edges[0], edges[-1], y)
        if layout.rules == "full grid":
            half = top + t.header_height / 2 if header_bottom > top else top
            for col, e in zip(t.cols, edges):
                inner = col.group and col is not next(k for k in t.cols if k.group)
                c.vline(e, half if inner else top, end)
            c.vline(edges[-1], top, end)

    top = MARGIN
    if layout.title:
        c.text(edges[0], top, TITLES[layout.list], size * 1.3, c.bold)
        top += size * 3
    if layout.unit_note:
        top += size * 1.6
    table_top, body_top = top, header(top)
    y, bottoms = body_top, []
    for i, row in enumerate(t.rows):
        h = t.height(row)
        if y + h > bottom_limit or (forced is not None and i == forced and i > 0):
            rules(table_top, body_top, bottoms)
            c.c.showPage()
            c.c.setLineWidth(0.6)
            page += 1
            table_top = MARGIN + (size * 1.6 if layout.unit_note and layout.repeat_header else 0)
            body_top = header(table_top) if layout.repeat_header else table_top
            y, bottoms = body_top, []
        drawn.pages[row.item_no] = page
        for col in t.cols:
            a, b = x[col.key]
            if col.money:
                s = row.amounts.get(col.key)
                if s:
                    _amount_at(c, a, b, y + (h - size) / 2, s, size, layout.negative)
                continue
            lines = t.cell_lines(row, col.key)
            start = y + (h - len(lines) * LEADING * size) / 2 + (LEADING - 1) * size / 2
            for k, s in enumerate(lines):
                left = a + PAD * size
                if col.align == "centre" or row.item_no == TOTAL:
                    left = (a + b - c.text_width(s, size)) / 2
                c.text(left, start + k * LEADING * size, s, size)
        y += h
        bottoms.append(y)
    rules(table_top, body_top, bottoms)
    c.c.showPage()
    c.c.save()
    return c.buffer.getvalue(), drawn


def _amount_at(c: _Canvas, a: float, b: float, top: float, s: str, size: float, mark: str) -> None:
    """Right-aligned; a "△ " mark stands at the cell's left, apart from its digits."""
    right = b - PAD * size
    if mark == "△ " and s.startswith(mark):
        digits = s[len(mark):]
        c.text(a + PAD * size, top, mark[0], size)
        c.text(right - c.text_width(digits, size), top, digits, size)
    else:
        c.text(right - c.text_width(s, size), top, s, size)
