"""Render the sample's content as a 概要版 PDF, one layout variation at a time.

The content is read from the seed text (samples/minato_h29_gaiyo.txt), so every
fixture says the same thing as the plain sample; only the rendering varies
(see ``Style``). Fonts: IPAex (Debian fonts-ipaexfont, IPA Font License),
embedded; or reportlab's non-embedded CID fonts for the CID variation.
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path

FONT_DIRS = [Path("/usr/share/fonts/opentype/ipaexfont-mincho"),
             Path("/usr/share/fonts/opentype/ipaexfont-gothic"),
             Path("/usr/share/fonts/truetype/ipaexfont")]
MINCHO_FILE, GOTHIC_FILE = "ipaexm.ttf", "ipaexg.ttf"

PAGE_W, PAGE_H = 595.2756, 841.8898
LEFT, RIGHT = 56.7, 538.6
BODY, LEADING = 10.5, 15.2
CELL_X0, LABEL_X1, CELL_TEXT_X = 57.0, 102.0, 108.0


def font_file(name: str) -> Path | None:
    return next((d / name for d in FONT_DIRS if (d / name).exists()), None)


def fonts_available() -> bool:
    return font_file(MINCHO_FILE) is not None and font_file(GOTHIC_FILE) is not None


# -- content ----------------------------------------------------------------
@dataclass
class Block:
    kind: str  # cover toc_head toc caption para bullet issue measure project target
    text: str = ""
    budget: str | None = None  # project: the 【予算額 …】 bracket
    lines: list[str] = field(default_factory=list)  # target: its printed lines
    level: int = 0  # toc: 0 issue/plan, 1 measure
    page_no: str = ""  # toc: the page number it gives


_LIST_MARKER = re.compile(r"^\s*(?:[-*+]\s+)+")
_PROJECT = re.compile(r"^(\d+\).*?)\s*(【[^】]*予算額[^】]*】)?$")
_MEASURE = re.compile(r"^\d+ \S")
_TARGET = re.compile(r"^目 標\s*(.*)$")


def _clean(line: str) -> str:
    return _LIST_MARKER.sub("", line).replace("**", "").strip()


def seed_pages(seed: str) -> list[list[Block]]:
    """The seed text as pages of blocks, paged like the plain sample."""
    pages: list[list[Block]] = [[]]
    target: Block | None = None
    in_plan = False
    for source in seed.splitlines():
        text = _clean(source)
        if not text:
            continue
        if text == "も く じ" or text == "◆計画" or text.startswith("経営課題 ") or (
                _MEASURE.match(text) and "\t" not in text):
            pages.append([])
            target = None
        page = pages[-1]
        in_plan = in_plan or text == "◆計画"
        if "\t" in text:
            title, leader = text.split("\t")
            page.append(Block("toc", title, level=0 if title.startswith(("経営課題", "計画")) else 1,
                              page_no=leader.split()[-1]))
        elif text == "も く じ":
            page.append(Block("toc_head", text))
        elif text.startswith("経営課題 "):
            page.append(Block("issue", text))
        elif _MEASURE.match(text) and in_plan:
            page.append(Block("measure", text))
        elif m := _PROJECT.match(text):
            page.append(Block("project", m.group(1), budget=m.group(2)))
            target = None
        elif m := _TARGET.match(text):
            target = Block("target", lines=[m.group(1)] if m.group(1) else [])
            page.append(target)
        elif target is not None:
            target.lines.append(text)
        elif not in_plan:
            page.append(Block("cover", text))
        elif text == "◆計画" or text.endswith("のか）"):
            page.append(Block("caption", text))
        else:
            page.append(Block("bullet" if text.startswith("・") else "para", text))
    return pages


# -- style ------------------------------------------------------------------
@dataclass(frozen=True)
class Style:
    """One layout variation; the defaults reproduce the plain sample."""

    full_width_digits: bool = False  # 1: ２９年度, １１，６８６千円
    # 2: title (right of the heading) | below | cell (予算額 column) | caption (one ruled cell right
    # of the title, a small 予算額 caption in its corner) | label (a 予算額（予算科目）
    # label under the heading, the amount and its account under the label) | label-apart
    # (【予算額（予算科目）】 left, the amount right-aligned on the next line: not under it)
    budget: str = "title"
    labels: tuple[str, ...] = ("目 標",)  # 3: label forms, cycled over the target cells
    target_caption: bool = False  # 3: instead, a small 目標 caption in the corner of one ruled cell
    label_above: bool = False  # 3: instead, the label on its own line over its text, no cell
    target_page_turn: bool = False  # 3: the first 目標 cell is cut by a page turn after its first line
    running_header: str | None = None  # 4: drawn at the top of every page
    footer: str = "- {} -"  # 4: printed page number format
    cell_text_right: float = 530.0  # 5: right edge of the 目標 cell's text (narrow columns)
    split_inside_numbers: bool = False  # 5: wrap inside numbers, units and brackets
    bold_strikes: int = 1  # 6: times each heading glyph is drawn (fake bold)
    cid_fonts: bool = False  # 7: non-embedded HeiseiMin-W3 / HeiseiKakuGo-W5
    dash: str = "ー"  # 7: the glyph a producer uses for a dash in an amount
    even_spacing: bool = False  # 8: 均等割付 of headings, labels and the cover
    scanned_page: bool = False  # 9: a page with an image and no text layer, after the 目次
    # 10: 目次 entries of 経営課題 set at this size; a title too long for its leaders either
    # pushes its page number past the right edge ("push": …まちづくり 23 ・・) or wraps ("wrap")
    toc_issue_size: float = 11.0
    toc_overflow: str = "push"
    page_height: float = PAGE_H
    page_width: float = PAGE_W


_FULL_WIDTH = str.maketrans({**{str(d): chr(0xFF10 + d) for d in range(10)}, ",": "，", "%": "％"})
# A wrap point that splits a number (２７|０), a unit (以|上) or follows an open bracket.
_HARD_SPLIT = re.compile(r"\d\d|\d[^\d\s（(]|以上|[（(].")


ACCOUNT = "（区政推進費）"  # the 予算科目 printed after the amount under a 予算額（予算科目） label


def _bare_amount(bracket: str) -> str:
    """【予算額： ー千円】 → ー千円: the amount as a table cell prints it."""
    return re.sub(r"^【予算額[：:]?\s*|】$", "", bracket)


class _Renderer:
    def __init__(self, style: Style):
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont
        from reportlab.pdfbase.ttfonts import TTFont
        from reportlab.pdfgen import canvas

        self.s, self.metrics = style, pdfmetrics
        if style.cid_fonts:
            self.mincho, self.gothic = "HeiseiMin-W3", "HeiseiKakuGo-W5"
            fonts = {name: lambda name=name: UnicodeCIDFont(name) for name in (self.mincho, self.gothic)}
        else:
            self.mincho, self.gothic = "IPAexMincho", "IPAexGothic"
            fonts = {self.mincho: lambda: TTFont(self.mincho, str(font_file(MINCHO_FILE))),
                     self.gothic: lambda: TTFont(self.gothic, str(font_file(GOTHIC_FILE)))}
        for name, load in fonts.items():  # once per process: parsing a TTF is most of a render
            if name not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(load())
        self.buffer = io.BytesIO()
        self.c = canvas.Canvas(self.buffer, pagesize=(style.page_width, style.page_height))
        self.c.setAuthor("大阪市")
        self.c.setTitle("平成29年度港区運営方針概要版")
        self.label_index = 0
        self.top = 0.0
        self.number: int | None = None  # the page's printed number

    # primitives; ``top`` is distance from the page top to the text's top
    def text(self, x: float, top: float, s: str, font: str, size: float, *,
             strikes: int = 1, spread: float = 0.0, stroked: bool = False) -> float:
        """Draw ``s``; returns its right edge. ``spread`` adds space between characters;
        ``stroked`` outlines each glyph too (render mode 2: a bold face without a bold font)."""
        s = self.digits(s)
        y = self.s.page_height - top - size * 0.88
        for k in range(strikes):
            t = self.c.beginText(x + 0.15 * k, y + 0.1 * k)
            t.setFont(font, size)
            t.setCharSpace(spread)
            if stroked:
                t.setTextRenderMode(2)
            t.textOut(s)
            if stroked:  # the render mode is graphics state: it would outlast this text object
                t.setTextRenderMode(0)
            self.c.drawText(t)
        return x + self.width(s, font, size) + spread * len(s)

    def digits(self, s: str) -> str:
        s = s.replace("ー千円", f"{self.s.dash}千円")
        return s.translate(_FULL_WIDTH) if self.s.full_width_digits else s

    def width(self, s: str, font: str, size: float) -> float:
        return self.metrics.stringWidth(s, font, size)

    def heading(self, x: float, top: float, s: str, size: float) -> float:
        return self.text(x, top, s, self.gothic, size, strikes=self.s.bold_strikes)

    def spread(self, size: float) -> float:
        """均等割付: extra space between characters (no space glyphs are drawn)."""
        return 0.35 * size if self.s.even_spacing else 0.0

    def spread_heading(self, x: float, top: float, s: str, size: float) -> float:
        return self.text(x, top, s, self.gothic, size, strikes=self.s.bold_strikes,
                         spread=self.spread(size))

    def wrap(self, s: str, font: str, size: float, width: float, *, split: bool = False) -> list[str]:
        s = self.digits(s)
        lines, start = [], 0
        while start < len(s):
            end = start + 1
            while end < len(s) and self.width(s[start:end + 1], font, size) <= width:
                end += 1
            if split and end < len(s):
                for k in range(end, max(start + 1, end - 2), -1):
                    if _HARD_SPLIT.match(s, k - 1) and not s[k - 1].isspace():
                        end = k
                        break
            lines.append(s[start:end])
            start = end
        return lines

    # blocks
    def paragraph(self, s: str, x: float, hang: float = 0.0) -> None:
        for i, line in enumerate(self.wrap(s, self.mincho, BODY, RIGHT - x - hang)):
            self.text(x + (hang if i else 0), self.top, line, self.mincho, BODY)
            self.top += LEADING
        self.top += 2

    def target_cell(self, lines: list[str]) -> None:
        s = self.s
        width = s.cell_text_right - CELL_TEXT_X
        printed = []  # (text, ends its source line)
        for line in lines:
            parts = self.wrap(line, self.mincho, BODY, width, split=s.split_inside_numbers)
            printed += [(part, k == len(parts) - 1) for k, part in enumerate(parts)]
        label = s.labels[self.label_index % len(s.labels)]
        if s.target_page_turn and self.label_index == 0 and len(printed) > 1:
            # the cell's first line and its label end the page; its other lines open the next
            self.target_chunk(printed[:1], width, label)
            self.end_page()
            self.start_page()
            printed, label = printed[1:], None
        self.label_index += 1
        self.target_chunk(printed, width, label)

    def target_chunk(self, printed: list[tuple[str, bool]], width: float, label: str | None) -> None:
        s = self.s
        top0 = self.top
        if s.label_above:  # the label on its own line, the text under it an em in
            if label:
                self.spread_heading(LEFT, top0, label, 11)
                top0 += 16
            height = len(printed) * 15.75
            text_x, text_top = LEFT + BODY, top0
        elif s.target_caption:  # one ruled cell, a small 目標 caption in its top-left corner
            height = len(printed) * 15.75 + 16
            self.c.rect(CELL_X0, s.page_height - top0 - height, RIGHT - CELL_X0, height)
            self.text(CELL_X0 + 2, top0 + 1.5, "目標", self.gothic, 6.5)
            text_x, text_top = CELL_X0 + 6, top0 + 12
        else:
            height = len(printed) * 15.75 + 8
            bottom_y = s.page_height - top0 - height
            self.c.rect(CELL_X0, bottom_y, RIGHT - CELL_X0, height)
            self.c.rect(CELL_X0, bottom_y, LABEL_X1 - CELL_X0, height)
            if label:
                label_w = self.width(label, self.gothic, 11) + self.spread(11) * (len(label) - 1)
                self.spread_heading((CELL_X0 + LABEL_X1 - label_w) / 2, top0 + height / 2 - 5.5, label, 11)
            text_x, text_top = CELL_TEXT_X, top0 + 4
        for i, (line, last) in enumerate(printed):
            # justified: a line broken early is spread to the cell's edge (両端揃え)
            short = width - self.width(line, self.mincho, BODY)
            spread = short / (len(line) - 1) if not last and len(line) > 1 else 0.0
            self.text(text_x, text_top + i * 15.75, line, self.mincho, BODY, spread=spread)
        self.top = top0 + height + 12

    def project(self, block: Block) -> None:
        s = self.s
        number, title = block.text.split(" ", 1)
        self.spread_heading(self.heading(60.7, self.top, number + " ", 11), self.top, title, 11)
        if block.budget is None:
            pass
        elif s.budget == "title":
            w = self.width(self.digits(block.budget), self.gothic, 11)
            self.heading(RIGHT - w, self.top, block.budget, 11)
        elif s.budget == "below":
            self.top += 16
            w = self.width(self.digits(block.budget), self.gothic, 11)
            self.heading(RIGHT - w, self.top, block.budget, 11)
        elif s.budget in ("label", "label-apart"):
            label = "予 算 額（予算科目）" if s.budget == "label" else "【予算額（予算科目）】"
            value = _bare_amount(block.budget) + ACCOUNT
            self.top += 16
            self.heading(72.0, self.top, label, BODY)
            self.top += 16
            x = 72.0 if s.budget == "label" else RIGHT - self.width(self.digits(value), self.mincho, BODY)
            self.text(x, self.top, value, self.mincho, BODY)
        elif s.budget == "caption":  # one ruled cell right of the title: a small 予算額 caption
            value = _bare_amount(block.budget)  # in its top-left corner, the bare amount right-aligned
            x0 = 430.0
            self.c.rect(x0, s.page_height - self.top - 14, RIGHT - x0, 24)
            self.text(x0 + 2, self.top - 9, "予算額", self.gothic, 6.5)
            w = self.width(self.digits(value), self.mincho, BODY)
            self.text(RIGHT - 3 - w, self.top + 1, value, self.mincho, BODY)
        elif s.budget == "row":  # a ruled row under the heading: 予算額 in a label cell,
            value = _bare_amount(block.budget)  # the bare amount right-aligned in the cell beside it
            self.top += 17
            base = s.page_height - self.top - 14
            self.c.rect(72.0, base, 130.0 - 72.0, 18)
            self.c.rect(130.0, base, 300.0 - 130.0, 18)
            self.heading(76.0, self.top, "予算額", BODY)
            w = self.width(self.digits(value), self.mincho, BODY)
            self.text(300.0 - 4 - w, self.top, value, self.mincho, BODY)
        else:  # a 予算額 column: header cell above, the bare amount in the heading's row
            value = _bare_amount(block.budget)
            x0 = 440.0
            base = s.page_height - self.top
            self.c.rect(x0, base + 4, RIGHT - x0, 16)
            self.c.rect(x0, base - 14, RIGHT - x0, 18)
            hw = self.width("予算額", self.gothic, 9)
            self.text((x0 + RIGHT - hw) / 2, self.top - 15, "予算額", self.gothic, 9)
            w = self.width(self.digits(value), self.mincho, BODY)
            self.text(RIGHT - 3 - w, self.top, value, self.mincho, BODY)
        self.top += 21

    def toc_entry(self, block: Block) -> None:
        s = self.s
        x, font, size = ((LEFT, self.gothic, s.toc_issue_size) if block.level == 0
                         else (90.7, self.mincho, BODY))
        page_no = self.digits(block.page_no)
        pw = self.width(page_no, font, size)
        title = block.text
        if s.toc_overflow == "wrap" and x + self.width(title, font, size) > RIGHT - pw - 3 * size:
            head = self.wrap(title, font, size, RIGHT - pw - 3 * size - x)[0]
            self.text(x, self.top, head, font, size)
            self.top += size + 6
            x, title = x + self.width("経営課題1 ", font, size), title[len(head):]
        end = self.text(x, self.top, title, font, size)
        dots = int((RIGHT - pw - end - 8) / size)
        if dots >= 2:
            self.text(end + 4, self.top, "・" * dots, font, size)
            self.text(RIGHT - pw, self.top, page_no, font, size)
        else:  # the tab stop is passed: the number follows the title, the leaders it
            after = self.text(end + size / 2, self.top, page_no, font, size)
            self.text(after + size / 2, self.top, "・・", font, size)
        self.top += 20

    def start_page(self) -> None:
        self.top = 72.0
        if self.s.running_header:
            self.text(LEFT, 28, self.s.running_header, self.mincho, 8)

    def end_page(self) -> None:
        if self.number is not None:
            label = self.digits(self.s.footer.format(self.number))
            self.text((PAGE_W - self.width(label, self.mincho, 9)) / 2, self.s.page_height - 42,
                      label, self.mincho, 9)
        self.c.showPage()

    def page(self, blocks: list[Block], number: int | None) -> None:
        s = self.s
        self.number = number
        self.start_page()
        for block in blocks:
            k = block.kind
            if k == "cover":
                size = 16 if ("月" in block.text or "役所" in block.text) else 28
                if self.top < 200:
                    self.top = 245
                if size == 16 and self.top < 640:
                    self.top = 642
                t = block.text.replace(" ", "") if s.even_spacing else block.text
                w = self.width(self.digits(t), self.gothic, size) + self.spread(size) * len(t)
                self.spread_heading((PAGE_W - w) / 2, self.top, t, size)
                self.top += size * 1.6
            elif k == "toc_head":
                self.heading((PAGE_W - self.width(block.text, self.gothic, 18)) / 2, self.top,
                             block.text, 18)
                self.top += 50
            elif k == "toc":
                self.toc_entry(block)
            elif k == "caption":
                size = 14 if block.text == "◆計画" else 12
                x = LEFT if size == 14 else (PAGE_W - self.width(block.text, self.gothic, size)) / 2
                self.heading(x, self.top, block.text, size)
                self.top += 22
            elif k == "issue":
                self.heading(64.7, self.top, block.text, 15)
                self.top += 31
            elif k == "measure":
                no, title = block.text.split(" ", 1)
                self.spread_heading(self.heading(62.6, self.top, no + " ", 13), self.top, title, 13)
                self.top += 30
            elif k == "project":
                self.project(block)
            elif k == "target":
                self.target_cell(block.lines)
            elif k == "bullet":
                self.paragraph(block.text, 60.7, hang=10.5)
            else:
                self.paragraph(block.text, LEFT)
        self.end_page()

    def scanned_page(self) -> None:
        """A page that is only an image (a scan): no text layer."""
        from reportlab.lib.utils import ImageReader
        import struct
        import zlib

        def chunk(kind: bytes, data: bytes) -> bytes:
            return struct.pack(">I", len(data)) + kind + data + struct.pack(
                ">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

        w = h = 8
        raw = b"".join(b"\x00" + bytes((x * 31 + y * 17) % 256 for x in range(w)) for y in range(h))
        png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0))
               + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
        self.c.drawImage(ImageReader(io.BytesIO(png)), LEFT, 100, RIGHT - LEFT, 600)
        self.c.showPage()


def render(seed: str, style: Style = Style()) -> bytes:
    """The seed's content as a PDF in the given style."""
    r = _Renderer(style)
    pages = [p for p in seed_pages(seed) if p]
    # cover and 目次 carry no printed number; the 計画 page is page 1 (as the 目次 says)
    for index, blocks in enumerate(pages):
        r.page(blocks, index - 1 if index >= 2 else None)
        if index == 1 and style.scanned_page:  # an unnumbered scan between 目次 and 計画
            r.scanned_page()
    r.c.save()
    return r.buffer.getvalue()


# -- the other templates (令和, 様式2): a text fixture of tests/fixtures/templates as a PDF --
# 様式2 label cells: label | value, the label at the top of its cell (the row's first line)
_YOUSHIKI_LABEL = re.compile(r"^(具体的取組\d+-\d+-\d+|予算額（\d+年度）|取組内容|目標（プロセス指標）)\s*(.*)$")
# headings of both templates, drawn in the heading face
_TEMPLATE_HEADING = re.compile(r"^(【経営課題\d+】|戦略\d+-\d+ |【戦略\d+-\d+】|具体的取組\d+-\d+-\d+ |課題認識$|"
                               r"主な戦略$|◆計画$|様式\d$|目次$|.*のか）$|.*（区長の方針）$)")
_INDICATOR_LABEL = "アウトカム指標"  # 令和: a label cell left of the indicators, centred on them
YOUSHIKI_LABEL_X1, REIWA_LABEL_X1 = 175.0, 140.0


class _TemplateRenderer(_Renderer):
    # 様式2 table geometry: (left edge, label cell's right edge, right edge, text size, line step)
    def form_geometry(self) -> tuple[float, float, float, float, float]:
        return CELL_X0, YOUSHIKI_LABEL_X1, RIGHT, BODY, 15.75

    def room(self, height: float) -> bool:
        """Whether ``height`` more fits on this sheet."""
        return self.top + height <= PAGE_H - 60

    def next_sheet(self) -> None:
        self.c.showPage()
        self.top = 72.0

    def cell_rows(self, rows: list[tuple[str, list[str]]]) -> None:
        """様式2: one ruled table of label | value rows (a 具体的取組). A row that does
        not fit goes on to the next sheet; one taller than a sheet is split there,
        its label cell left empty on the sheet it goes on to."""
        x0, label_x1, x1, size, step = self.form_geometry()
        for label, values in rows:
            lines = [part for v in values for part in self.wrap(v, self.mincho, size, x1 - label_x1 - 8)]
            if not self.room(max(1, len(lines)) * step + 8):
                self.next_sheet()
            while True:
                fit = len(lines)
                while fit > 1 and not self.room(fit * step + 8):
                    fit -= 1
                height = max(1, fit) * step + 8
                y = self.s.page_height - self.top - height
                self.c.rect(x0, y, x1 - x0, height)
                self.c.rect(x0, y, label_x1 - x0, height)
                if label:
                    self.text(x0 + 4, self.top + 4, label, self.gothic, size, strikes=self.s.bold_strikes)
                for i, line in enumerate(lines[:fit]):
                    self.text(label_x1 + 4, self.top + 4 + i * step, line, self.mincho, size)
                self.top += height
                lines, label = lines[fit:], ""
                if not lines:
                    break
                self.next_sheet()

    def indicator_cell(self, lines: list[str]) -> None:
        """令和: the アウトカム指標 label cell, its indicators right of it."""
        printed = [part for line in lines
                   for part in self.wrap(line, self.mincho, BODY, RIGHT - REIWA_LABEL_X1 - 10)]
        height = len(printed) * 15.75 + 8
        y = PAGE_H - self.top - height
        self.c.rect(CELL_X0, y, RIGHT - CELL_X0, height)
        self.c.rect(CELL_X0, y, REIWA_LABEL_X1 - CELL_X0, height)
        self.heading(CELL_X0 + 4, self.top + height / 2 - 5.5, _INDICATOR_LABEL, BODY)
        for i, line in enumerate(printed):
            self.text(REIWA_LABEL_X1 + 6, self.top + 4 + i * 15.75, line, self.mincho, BODY)
        self.top += height + 12

    def toc_row(self, title: str, page_no: str) -> None:
        """令和: the 目次 as a ruled two-column table (title cell | page cell)."""
        y = PAGE_H - self.top - 18
        self.c.rect(LEFT, y, 420, 18)
        self.c.rect(LEFT + 420, y, RIGHT - LEFT - 420, 18)
        font = self.gothic if title.startswith("経営課題") else self.mincho
        self.text(LEFT + (4 if font == self.gothic else 20), self.top + 3, title, font, BODY)
        self.text(RIGHT - 8 - self.width(page_no, font, BODY), self.top + 3, page_no, font, BODY)
        self.top += 18

    def fixture_page(self, paragraphs: list[list[str]], number: int | None, cover: bool) -> None:
        self.top = 72.0 if not cover else 245.0
        if self.cells:
            paragraphs = _cell_tables(paragraphs)
        for para in paragraphs:
            if self.top > PAGE_H - 90:  # continue on a new page (same printed number: a sheet)
                self.c.showPage()
                self.top = 72.0
            if cover:
                for line in para:
                    self.heading((PAGE_W - self.width(line, self.gothic, 24)) / 2, self.top, line, 24)
                    self.top += 40
                self.top = max(self.top, 600)
                continue
            if self.cells and _YOUSHIKI_LABEL.match(para[0]):
                rows: list[tuple[str, list[str]]] = []
                for line in para:
                    if m := _YOUSHIKI_LABEL.match(line):
                        rows.append((m.group(1), [m.group(2)] if m.group(2) else []))
                    else:
                        rows[-1][1].append(line)
                self.cell_rows(rows)
                self.top += 12
                continue
            if para[0] == _INDICATOR_LABEL:
                self.indicator_cell(para[1:])
                continue
            for line in para:
                if (m := re.match(r"^([^\t]*\S) (\d+)$", line)) and self.toc:  # a tab: leaders
                    self.toc_row(m.group(1), m.group(2))
                elif "\t" in line and self.toc:
                    title, leader = line.split("\t")
                    end = self.text(LEFT, self.top, title, self.gothic, BODY)
                    page_no = leader.split()[-1]
                    pw = self.width(page_no, self.gothic, BODY)
                    self.text(end + 4, self.top, "・" * int((RIGHT - pw - end - 8) / BODY), self.gothic, BODY)
                    self.text(RIGHT - pw, self.top, page_no, self.gothic, BODY)
                    self.top += 18
                elif _TEMPLATE_HEADING.match(line) or line == para[0] and len(para) == 1 and self.after_banner:
                    self.heading(LEFT, self.top, line, 13)
                    self.top += 24
                elif line.startswith("・"):
                    self.paragraph(line, 60.7, hang=10.5)
                else:
                    self.paragraph(line, LEFT)
                self.after_banner = line.startswith("【経営課題") and line.endswith("】")
            self.top += 6
        if number is not None:
            label = f"- {number} -"
            self.text((PAGE_W - self.width(label, self.mincho, 9)) / 2, PAGE_H - 42, label, self.mincho, 9)
        self.c.showPage()


def _cell_tables(paragraphs: list[list[str]]) -> list[list[str]]:
    """様式2: a 具体的取組 table holds every line up to the next heading, its
    later paragraphs too (a blank line in a cell does not end the table)."""
    out: list[list[str]] = []
    in_table = False
    for para in paragraphs:
        for k, line in enumerate(para):
            if _YOUSHIKI_LABEL.match(line) and (not in_table or line.startswith("具体的取組")):
                out.append([line])
                in_table = True
            elif in_table and not _TEMPLATE_HEADING.match(line):
                out[-1].append(line)
            else:
                if in_table or k == 0:
                    out.append([])
                out[-1].append(line)
                in_table = False
    return out


def render_fixture(text: str, cells: bool = False) -> bytes:
    """A text fixture (form feeds between pages, blank lines between paragraphs,
    ``- `` list markers) drawn as the template it is written in; ``cells``: the
    様式2 label | value rows as ruled tables."""
    r = _TemplateRenderer(Style())
    r.after_banner, r.cells = False, cells
    for index, page in enumerate(text.split("\f")):
        paragraphs, para = [], []
        for source in page.splitlines() + [""]:
            line = _clean(source)
            if line:
                para.append(line)
            elif para:
                paragraphs.append(para)
                para = []
        r.toc = any(p[0] == "目次" for p in paragraphs)
        r.fixture_page(paragraphs, index - 1 if index >= 2 else None, cover=index == 0)
    r.c.save()
    return r.buffer.getvalue()
