"""Draw the sample's content in one random ``Layout``, with pdf_factory's primitives.

The 令和 and 様式2 layouts draw the same blocks as those forms print them
(``in_template``; the hand-written tests/fixtures/templates say the same), with
every axis that applies to them.

Unlike pdf_factory's fixed pages, text here flows: a block that does not fit
goes on to a new page, so a small or landscape page breaks where the content
happens to reach its bottom. Each seed page of the sample (cover, 目次, 計画,
経営課題, each 施策) still starts a new page, as in the sample.

The renderer notes what it drew that a reader must see (``shown``) or must not
see (``hidden``), so a layout that silently lost its variation is caught
(``tests.layouts.score.check_shown``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from tests.pdf_factory import _INDICATOR_LABEL, Block, Style, _bare_amount, _TemplateRenderer, seed_pages

from .layout import MM, Layout

SEED = Path(__file__).resolve().parents[2] / "samples" / "minato_h29_gaiyo.txt"
BUDGET_CAPTION = "予算額"
NO_LINE_START = set("、。，．,.）)」』】〕・：:；;ー々ゝゞぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮ％%")
NO_LINE_END = set("（(「『【〔")
BUDGET_YEAR = "29年度"  # the sample's fiscal year as the forms print it: （29年度予算額）, 予算額（29年度）
RECOGNITION, MAIN_STRATEGY = "課題認識", "主な戦略"  # 令和: the 経営課題's two sections
# 様式2: the label cells of a 具体的取組's table, after its number | title row
FORM_BUDGET, FORM_CONTENT, FORM_TARGET = f"予算額（{BUDGET_YEAR}）", "取組内容", "目標（プロセス指標）"
# a heading's number and its title: 1 title, 戦略1-1 title, 【戦略1-1】title
_NUMBER_TITLE = re.compile(r"^(【[^】]+】|\S+ )\s*(.*)$")


@dataclass
class Form:
    """様式2: one 具体的取組 as a ruled table of label | value rows."""
    rows: list[tuple[str, list[str]]]
    lines: list[str]  # its 目標's lines (the last row's values)
    kind: str = "form"


def in_template(pages: list[list[Block]], template: str) -> list[list[Block | Form]]:
    """The sample's blocks as the ``template`` prints them (see tests/fixtures/templates,
    the same content written by hand): numbers in the form's style, 令和's two
    sections, 様式2's tables. The 概要版 is the sample itself."""
    if template == "gaiyo":
        return pages
    reiwa = template == "reiwa"
    out: list[list[Block | Form]] = []
    issue = measure = project = 0
    issue_title = ""
    for blocks in pages:
        page: list[Block | Form] = []
        for b in blocks:
            if b.kind == "toc" and (m := re.match(r"経営課題(\d+) (.*)", b.text)):
                issue = int(m.group(1))
                title = b.text if reiwa else f"【経営課題{issue}】 {m.group(2)}"
                page.append(Block("toc", title, level=b.level, page_no=b.page_no))
            elif b.kind == "toc" and b.level == 1:
                no, title = _NUMBER_TITLE.match(b.text).groups()
                number = f"戦略{issue}-{no.strip()} " if reiwa else f"【戦略{issue}-{no.strip()}】"
                page.append(Block("toc", number + title, level=1, page_no=b.page_no))
            elif b.kind == "caption" and b.text == "◆計画" and not reiwa:
                page.append(Block("caption", "様式1"))
            elif b.kind == "issue":
                _, no, issue_title = b.text.split(" ", 2)
                issue, measure = int(no), 0
                if not reiwa:
                    page.append(Block("caption", "様式2"))
                page.append(Block("issue", f"【経営課題{issue}】{issue_title}"))
                if reiwa:
                    page.append(Block("subheading", RECOGNITION))
            elif b.kind in ("para", "bullet") and any(x.kind == "issue" for x in page):
                # the 経営課題's own text: 令和 heads its 主な戦略 (the 概要版 repeats the title
                # there); 様式2 prints only the 課題 bullets
                if b.kind == "bullet":
                    page.append(b)
                elif reiwa:
                    page.append(Block("subheading", MAIN_STRATEGY) if b.text == issue_title else b)
            elif b.kind == "measure":
                no, title = _NUMBER_TITLE.match(b.text).groups()
                measure, project = int(no), 0
                page.append(Block("measure", f"戦略{issue}-{measure} {title}" if reiwa
                                  else f"【戦略{issue}-{measure}】{title}"))
            elif b.kind == "project":
                project += 1
                title = b.text.split(" ", 1)[1]
                number = f"具体的取組{issue}-{measure}-{project}"
                amount = _bare_amount(b.budget) if b.budget else ""
                if reiwa:
                    page.append(Block("project", f"{number} {title}",
                                      budget=f"（{BUDGET_YEAR}予算額）{amount}" if b.budget else None))
                else:
                    page.append(Form([(number, [title]), (FORM_BUDGET, [amount])], []))
            elif not reiwa and page and isinstance(page[-1], Form):  # the 具体的取組's cells
                form = page[-1]
                if b.kind == "target":
                    form.rows.append((FORM_TARGET, list(b.lines)))
                    form.lines = list(b.lines)
                elif form.rows[-1][0] == FORM_CONTENT:
                    form.rows[-1][1].append(b.text)
                else:
                    form.rows.append((FORM_CONTENT, [b.text]))
            else:
                page.append(b)
        out.append(page)
    return out


@dataclass
class Drawn:
    """What a layout's PDF must show (and must not) for its variations to be real."""
    shown: set[str] = field(default_factory=set)
    hidden: set[str] = field(default_factory=set)
    breaks: list[str] = field(default_factory=list)  # the forced page breaks it made


class LayoutRenderer(_TemplateRenderer):
    def __init__(self, layout: Layout):
        w, h = layout.page_size
        super().__init__(Style(
            full_width_digits=layout.full_width_digits, dash=layout.dash,
            bold_strikes=3 if layout.heading == "overprinted bold" else 1,
            cid_fonts=layout.font.startswith("CID"), even_spacing=layout.even_spacing,
            page_height=h, page_width=w))
        if layout.font.endswith("gothic"):
            self.mincho = self.gothic  # the body font; headings are always gothic
        self.l, self.w, self.h = layout, w, h
        width = layout.text_width_mm * MM
        self.x0 = 10 * MM + (w - width - 20 * MM) * layout.left_share
        self.x1 = self.x0 + width
        self.furniture_top = layout.top_margin_mm * MM - 12
        self.top0 = layout.top_margin_mm * MM + 6
        self.bottom = h - 22 * MM
        self.size = layout.body_size
        self.leading = round(self.size * 1.5, 2)
        self.printed_no: int | None = None
        self.seed_page = 0
        self.drawn = Drawn()
        self.break_project: Form | None = None  # 様式2: the table a forced break falls in
        self.c.setLineWidth(0.5)

    def wrap(self, s: str, font: str, size: float, width: float, *, split: bool = False) -> list[str]:
        """Wrapped as a Japanese typesetter does (禁則処理): no line opens with a closing
        bracket, a comma, a stop or a middle dot, none ends with an opening bracket."""
        lines = super().wrap(s, font, size, width, split=split)
        for i in range(len(lines) - 1):
            while len(lines[i]) > 1 and (lines[i + 1][:1] in NO_LINE_START or lines[i][-1] in NO_LINE_END):
                lines[i], lines[i + 1] = lines[i][:-1], lines[i][-1] + lines[i + 1]
        return lines

    # -- pages -------------------------------------------------------------
    def need(self, height: float) -> None:
        """Start a new page unless ``height`` more fits on this one."""
        if self.top + height > self.bottom and self.top > self.top0:
            self.new_page()

    def new_page(self) -> None:
        self.furniture()
        self.c.showPage()
        self.c.setLineWidth(0.5)
        if self.printed_no is not None:
            self.printed_no += 1
        self.top = self.top0

    # 様式2 tables (pdf_factory's cell_rows) flow on this layout's pages
    def form_geometry(self) -> tuple[float, float, float, float, float]:
        label_w = max(self.width(label, self.gothic, self.size) for label in (FORM_BUDGET, FORM_TARGET))
        return self.x0, self.x0 + label_w + self.size, self.x1, self.size, self.leading

    def room(self, height: float) -> bool:
        return self.top + height <= self.bottom or self.top <= self.top0

    def next_sheet(self) -> None:
        self.new_page()

    def furniture(self) -> None:
        """Running header and printed page number, each in its corner."""
        l = self.l
        items = []
        if l.running_header and self.seed_page > 0:
            items.append((l.header_corner, l.running_header, 8.0))
            self.drawn.shown.add(self.digits(l.running_header))
        if self.printed_no is not None:
            label = l.page_number_form.format(self.printed_no)
            items.append((l.page_number_corner, label, 9.0))
            self.drawn.shown.add(self.digits(label))
        used: dict[str, int] = {}
        for corner, s, size in items:
            row = used.get(corner, 0)  # a header and a number sharing a corner: two rows,
            used[corner] = row + 1  # the second one further from the body
            if corner.startswith("top"):
                top = self.furniture_top - row * 11
            else:
                top = self.h - 14 * MM + row * 11
            w = self.width(self.digits(s), self.mincho, size)
            x = {"left": self.x0, "centre": (self.x0 + self.x1 - w) / 2,
                 "right": self.x1 - w}[corner.split("-")[1]]
            self.text(x, top, s, self.mincho, size)

    # -- headings ----------------------------------------------------------
    def spread_width(self, s: str, font: str, size: float, spread: float) -> float:
        return self.width(self.digits(s), font, size) + spread * len(s)

    def fit(self, s: str, font: str, size: float, width: float, spread: float = 0.0) -> list[str]:
        """``s`` wrapped to ``width``; spread text wraps earlier by its extra space."""
        return self.wrap(s, font, size, width / (1 + spread / size) if spread else width)

    def heading_lines(self, x: float, x_right: float, number: str, title: str,
                      size: float) -> list[tuple[float, str, str]]:
        """(x, number part, title part) per printed line of a heading wrapped at ``x_right``."""
        spread = self.spread(size)
        nw = self.width(self.digits(number), self.gothic, size)
        parts = self.fit(title, self.gothic, size, x_right - x - nw, spread)
        return [(x if i == 0 else x + nw, number if i == 0 else "", p) for i, p in enumerate(parts)]

    def heading(self, x: float, top: float, s: str, size: float, spread: float = 0.0) -> float:
        banner = self.l.heading == "banner"
        if banner:
            self.c.setFillGray(1)  # white on the dark banner
        end = self.text(x, top, s, self.gothic, size, strikes=self.s.bold_strikes,
                        spread=spread, stroked=self.l.heading == "bold face")
        if banner:
            self.c.setFillGray(0)
        return end

    def decorated(self, lines: list[tuple[float, str, str]], size: float, x_left: float,
                  x_right: float, *, spread_title: bool = True) -> float:
        """Draw a heading's lines with the layout's decoration; returns the last line's end."""
        step = size * 1.45
        height = step * len(lines)
        y_bottom = self.h - self.top - height + 0.15 * size
        deco = self.l.heading
        if deco == "banner":
            self.c.setFillGray(0.3)
            self.c.rect(x_left - 3, y_bottom, x_right - x_left + 6, height, stroke=0, fill=1)
            self.c.setFillGray(0)
        elif deco == "box":
            self.c.rect(x_left - 3, y_bottom, x_right - x_left + 6, height, stroke=1, fill=0)
        end = x_left
        for i, (x, number, title) in enumerate(lines):
            top = self.top + i * step + 0.2 * size
            end = self.heading(x, top, number, size) if number else x
            end = self.heading(end, top, title, size, self.spread(size) if spread_title else 0.0)
            if deco == "underline":
                y = self.h - top - size * 1.12
                self.c.line(x, y, end, y)
        self.top += height + 0.4 * size
        return end

    # -- blocks ------------------------------------------------------------
    def lines_block(self, lines: list[str], x: float, width: float, font: str,
                    size: float, *, hang: float = 0.0) -> None:
        """Body lines, each moved to a new page when the page is full; justified
        lines (両端揃え) are spread to the edge but for a paragraph's last."""
        for i, line in enumerate(lines):
            self.need(self.leading)
            x_line = x + (hang if i else 0.0)
            spread = 0.0
            if self.l.justified and i < len(lines) - 1 and len(line) > 1:
                spread = (width - (hang if i else 0) - self.width(line, font, size)) / (len(line) - 1)
            self.text(x_line, self.top, line, font, size, spread=max(spread, 0.0))
            self.top += self.leading

    def paragraph(self, s: str, x: float, hang: float = 0.0) -> None:
        width = self.x1 - x
        lines = self.wrap(s, self.mincho, self.size, width - hang)
        self.lines_block(lines, x, width, self.mincho, self.size, hang=hang)
        self.top += 2

    def cover(self, block: Block) -> None:
        big = not ("月" in block.text or "役所" in block.text)
        size = 28 if big else 16
        if big and self.top < self.h * 0.28:
            self.top = self.h * 0.28
        if not big and self.top < self.h * 0.72:
            self.top = self.h * 0.72
        t = block.text.replace(" ", "") if self.l.even_spacing else block.text
        w = self.spread_width(t, self.gothic, size, self.spread(size))
        self.text((self.x0 + self.x1 - w) / 2, self.top, t, self.gothic, size, spread=self.spread(size))
        self.top += size * 1.6

    def caption(self, block: Block) -> None:
        size = self.size * (1.35 if block.text == "◆計画" else 1.15)
        lines = self.heading_lines(self.x0, self.x1, "", block.text, size)
        if block.text != "◆計画" and len(lines) == 1:  # centred over the text
            w = self.spread_width(block.text, self.gothic, size, self.spread(size))
            lines = [((self.x0 + self.x1 - w) / 2, "", block.text)]
        self.need(size * 1.45 * len(lines) + self.leading)
        # 様式1 / 様式2: a form's tag, never spread as headings are
        self.decorated(lines, size, self.x0, self.x1, spread_title=not block.text.startswith("様式"))
        self.top += 4

    def numbered_heading(self, text: str, size: float, x: float) -> None:
        number, title = _NUMBER_TITLE.match(text).groups()
        lines = self.heading_lines(x, self.x1, number, title, size)
        self.need(size * 1.45 * len(lines) + 2 * self.leading)
        self.decorated(lines, size, self.x0, self.x1)
        self.top += 6

    def issue(self, block: Block) -> None:
        # 経営課題 1 区民主体のまちづくり / 【経営課題1】区民主体のまちづくり: the number stays unspread
        m = re.match(r"(経営課題 \d+ |【経営課題\d+】)(.*)", block.text)
        size = self.size * 1.4
        if self.l.template == "reiwa":  # the banner alone, the title on the line below it
            lines = [(self.x0 + 6, m.group(1), "")]
            lines += [(x, "", t) for x, _, t in self.heading_lines(self.x0 + 6, self.x1, "", m.group(2), size)]
        else:
            lines = self.heading_lines(self.x0 + 6, self.x1, m.group(1), m.group(2), size)
        self.need(self.size * 2 * len(lines) + 2 * self.leading)
        self.decorated(lines, size, self.x0, self.x1)
        self.top += 8

    def subheading(self, block: Block) -> None:
        """令和: 課題認識 / 主な戦略 over the 経営課題's text."""
        size = self.size * 1.15
        lines = self.heading_lines(self.x0 + 4, self.x1, "", block.text, size)
        self.need(size * 1.45 + 2 * self.leading)
        self.decorated(lines, size, self.x0, self.x1)
        self.top += 4

    def measure(self, block: Block) -> None:
        self.numbered_heading(block.text, self.size * 1.25, self.x0 + 4)

    # -- 事業 and its budget -------------------------------------------------
    def project(self, block: Block) -> None:
        l, size = self.l, round(self.size * 1.05, 2)
        number, title = block.text.split(" ", 1)
        budget = block.budget
        x, step = self.x0 + 4, size * 1.45
        self.need(step * 2 + self.leading * 3)
        if l.template == "reiwa":  # （29年度予算額）11,686千円 on the line below the heading
            self.decorated(self.heading_lines(x, self.x1, number + " ", title, size), size, self.x0, self.x1)
            if budget:
                self.paragraph(budget, x)
                self.drawn.shown.add(self.digits(budget))
                self.drawn.hidden.add("【予算額")
            return
        if budget is None:
            self.decorated(self.heading_lines(x, self.x1, number + " ", title, size), size, self.x0, self.x1)
            return
        amount = _bare_amount(budget)
        bare = budget.strip("【】")
        if l.budget in ("inline bracket", "bracket at right edge", "bracketless"):
            shown = bare if l.budget == "bracketless" else budget
            bw = self.width(self.digits(shown), self.gothic, size)
            lines = self.heading_lines(x, self.x1 - bw - size, number + " ", title, size)
            fits = len(lines) == 1
            if not fits:
                lines = self.heading_lines(x, self.x1, number + " ", title, size)
            top = self.top
            end = self.decorated(lines, size, self.x0, self.x1)
            if fits and l.budget == "inline bracket":
                self.heading(end + size * 0.5, top + 0.2 * size, shown, size)
            elif fits:
                self.heading(self.x1 - bw, top + 0.2 * size, shown, size)
            else:  # no room on the heading's line: the bracket goes on the next one
                self.budget_line(shown, size, right=l.budget != "inline bracket", x=x)
            self.drawn.shown.add(self.digits(shown))
            if l.budget == "bracketless":
                self.drawn.hidden.add("【予算額")
        elif l.budget == "next line":
            self.decorated(self.heading_lines(x, self.x1, number + " ", title, size), size, self.x0, self.x1)
            self.budget_line(budget, size, right=True, x=x)
            self.drawn.shown.add(self.digits(budget))
        elif l.budget in ("right-aligned column", "captioned cell"):
            self.budget_cell(number, title, amount, size, x, captioned=l.budget == "captioned cell")
        else:  # label/value row: 予算額 | 11,686千円, two ruled cells under the heading
            self.decorated(self.heading_lines(x, self.x1, number + " ", title, size), size, self.x0, self.x1)
            self.label_value_row(amount)

    def budget_line(self, s: str, size: float, *, right: bool, x: float) -> None:
        w = self.width(self.digits(s), self.gothic, size)
        self.heading(self.x1 - w if right else x + size, self.top, s, size)
        self.top += size * 1.6

    def budget_cell(self, number: str, title: str, amount: str, size: float, x: float, *,
                    captioned: bool) -> None:
        """A ruled cell right of the heading holding the bare amount, right-aligned:
        under a 予算額 header cell (a column), or with a small 予算額 caption in its corner."""
        aw = self.width(self.digits(amount), self.mincho, self.size)
        cw = max(aw + 12, self.size * 7)
        cx0 = self.x1 - cw
        if not captioned:  # the column's header cell above the amount's cell
            self.top += self.size * 1.4
        lines = self.heading_lines(x, cx0 - size, number + " ", title, size)
        top = self.top
        cap = self.size * 0.65
        height = max(len(lines) * size * 1.45, (cap + self.size * 1.5) if captioned else 0) + 4
        y_bottom = self.h - top - height
        self.c.rect(cx0, y_bottom, cw, height)
        if captioned:
            self.text(cx0 + 2, top + 1, BUDGET_CAPTION, self.gothic, cap)
        else:
            hh = self.size * 1.3
            self.c.rect(cx0, y_bottom + height, cw, hh)
            hw = self.width(BUDGET_CAPTION, self.gothic, self.size * 0.8)
            self.text(cx0 + (cw - hw) / 2, top - hh + 2, BUDGET_CAPTION, self.gothic, self.size * 0.8)
        self.text(self.x1 - 4 - aw, top + height - self.size * 1.25, amount, self.mincho, self.size)
        self.decorated(lines, size, self.x0, cx0 - size / 2)
        self.top = max(self.top, top + height + 4)
        self.drawn.shown |= {BUDGET_CAPTION, self.digits(amount)}
        self.drawn.hidden.add("【予算額")

    def label_value_row(self, amount: str) -> None:
        size = self.size
        x = self.x0 + 2 * size
        lw = self.width(BUDGET_CAPTION, self.gothic, size) + size
        aw = self.width(self.digits(amount), self.mincho, size)
        vw = max(aw + size, size * 8)
        height = size * 1.6
        y_bottom = self.h - self.top - height
        self.c.rect(x, y_bottom, lw, height)
        self.c.rect(x + lw, y_bottom, vw, height)
        self.text(x + size / 2, self.top + size * 0.3, BUDGET_CAPTION, self.gothic, size)
        self.text(x + lw + vw - size / 2 - aw, self.top + size * 0.3, amount, self.mincho, size)
        self.top += height + 6
        self.drawn.shown |= {BUDGET_CAPTION, self.digits(amount)}
        self.drawn.hidden.add("【予算額")

    # -- 目標 ---------------------------------------------------------------
    def target(self, block: Block, split_after: int | None) -> None:
        """The 目標 label and its lines, placed as the layout says; ``split_after``
        printed lines, the rest goes on the next page (a break inside the block)."""
        l, size = self.l, self.size
        label = l.label if l.template == "gaiyo" else _INDICATOR_LABEL
        lw = self.spread_width(label, self.gothic, size * 1.05, self.spread(size))
        if l.label_place == "left cell":
            tx0 = self.x0 + lw + size * 1.6
        elif l.label_place == "above":
            tx0 = self.x0 + size
        else:  # inline: the label opens the first line, the text hangs after it
            tx0 = self.x0 + lw + size
        width = self.x1 - tx0 - (6 if l.label_place == "left cell" else 0)
        printed: list[tuple[str, bool]] = []  # (text, ends its source line)
        for line in block.lines:
            parts = self.wrap(line, self.mincho, size, width)
            printed += [(p, k == len(parts) - 1) for k, p in enumerate(parts)]
        self.drawn.shown.add(re.sub(r"\s", "", label))
        chunks = [printed] if split_after is None else [printed[:split_after], printed[split_after:]]
        for n, chunk in enumerate(chunks):
            if n:
                self.drawn.breaks.append(f"inside 目標 after {split_after} lines")
                self.new_page()
            self.target_chunk(chunk, tx0, width, label if n == 0 else None, lw)

    def target_chunk(self, printed: list[tuple[str, bool]], tx0: float, width: float,
                     label: str | None, lw: float) -> None:
        l, size = self.l, self.size
        step = size * 1.5
        label_size = size * 1.05
        above = l.label_place == "above" and label is not None
        height = len(printed) * step + 8 + (step if above else 0)
        self.need(height)
        top0 = self.top
        if l.label_place == "left cell":
            bottom_y = self.h - top0 - height
            self.c.rect(self.x0, bottom_y, self.x1 - self.x0, height)
            self.c.rect(self.x0, bottom_y, tx0 - self.x0 - size * 0.6, height)
            if label:
                cx = (self.x0 + tx0 - size * 0.6 - lw) / 2
                self.heading(cx, top0 + height / 2 - label_size / 2, label, label_size, self.spread(size))
        elif label:
            self.heading(self.x0, top0 + 4, label, label_size, self.spread(size))
        first = top0 + 4 + (step if above else 0)
        for i, (line, last) in enumerate(printed):
            spread = 0.0
            if self.l.justified and not last and len(line) > 1:
                spread = max(0.0, (width - self.width(line, self.mincho, size)) / (len(line) - 1))
            self.text(tx0, first + i * step, line, self.mincho, size, spread=spread)
        self.top = top0 + height + 8

    # -- 様式2 -----------------------------------------------------------------
    def form(self, form: Form, split_after: int | None) -> None:
        """A 具体的取組's ruled table; a forced break turns the page after its number |
        title row ("inside 事業") or after the 目標 cell's first printed line."""
        rows = form.rows
        if form is self.break_project:
            self.cell_rows(rows[:1])
            self.drawn.breaks.append(f"inside 事業 {rows[0][0]}")
            self.new_page()
            rows = rows[1:]
        if split_after is not None and rows[-1][0] == FORM_TARGET:
            _, label_x1, x1, size, _ = self.form_geometry()
            printed = [p for v in rows[-1][1] for p in self.wrap(v, self.mincho, size, x1 - label_x1 - 8)]
            self.cell_rows([*rows[:-1], (FORM_TARGET, printed[:split_after])])
            self.drawn.breaks.append(f"inside 目標 after {split_after} lines")
            self.new_page()
            rows = [("", printed[split_after:])]
        self.cell_rows(rows)
        self.top += 12
        self.drawn.shown |= {self.digits(label) for label, _ in form.rows[1:]}
        self.drawn.hidden.add("【予算額")

    # -- 目次 ----------------------------------------------------------------
    def toc_head(self, block: Block) -> None:
        size = self.size * 1.7
        w = self.width(block.text, self.gothic, size)
        self.heading((self.x0 + self.x1 - w) / 2, self.top, block.text, size)
        self.top += size * 2.8

    def toc(self, block: Block) -> None:
        l = self.l
        style = l.contents
        level0 = block.level == 0
        font, size = (self.gothic, self.size * 1.05) if level0 else (self.mincho, self.size)
        x = self.x0 if level0 else self.x0 + 2.5 * size
        page_no = self.digits(block.page_no)
        pw = self.width(page_no, font, size)
        right = self.x1
        if style == "ruled table":
            col = size * 3.5
            lines = self.wrap(block.text, font, size, right - col - x - 6)
            height = len(lines) * size * 1.4 + 6
            self.need(height)
            y_bottom = self.h - self.top - height
            self.c.rect(self.x0, y_bottom, right - self.x0, height)
            self.c.line(right - col, y_bottom, right - col, y_bottom + height)
            for i, line in enumerate(lines):
                self.text(x + 3, self.top + 3 + i * size * 1.4, line, font, size)
            self.text(right - col / 2 - pw / 2, self.top + 3 + (len(lines) - 1) * size * 1.4,
                      page_no, font, size)
            self.top += height
            self.drawn.hidden.add("・・")
            return
        if style == "long titles overflow":  # one line each, however long: the number follows
            column = self.x0 + (self.x1 - self.x0) * 0.6
            end = self.text(x, self.top, block.text, font, size)
            number_x = max(column - pw, end + size * 2)
            number_x = min(number_x, self.w - 4 * MM - pw)  # pushed past the column, never off the page
            dots = int((number_x - end - size) / size)
            if dots > 0:
                self.text(end + size / 2, self.top, "・" * dots, font, size)
            self.text(number_x, self.top, page_no, font, size)
            self.top += size * 1.9
            return
        if style == "long titles wrap":  # a narrow title column: long titles take two lines
            lines = self.wrap(block.text, font, size, (self.x1 - self.x0) * 0.45)
        else:
            lines = self.wrap(block.text, font, size, right - x - pw - 3 * size)
        self.need(len(lines) * size * 1.5)
        for i, line in enumerate(lines):
            end = self.text(x + (size if i else 0), self.top, line, font, size)
            if i < len(lines) - 1:
                self.top += size * 1.5
        if style != "bare page numbers":
            dots = int((right - pw - end - size) / size)
            self.text(end + size / 2, self.top, "・" * max(dots, 2), font, size)
            self.drawn.shown.add("・・")
        else:
            self.drawn.hidden.add("・・")
        self.text(right - pw, self.top, page_no, font, size)
        self.top += size * 1.9

    # -- the document ------------------------------------------------------
    def document(self, pages: list[list[Block | Form]]) -> None:
        l = self.l
        projects = [b for p in pages for b in p if b.kind in ("project", "form")]
        targets = [b for p in pages for b in p if b.kind in ("target", "form") and b.lines
                   and (len(b.lines) > 1 or len(b.lines[0]) > 80)]  # always two printed lines or more
        break_project = break_target = None
        if l.page_break == "inside 事業":
            break_project = projects[min(int(l.break_at * len(projects)), len(projects) - 1)]
        elif l.page_break == "inside 目標":
            break_target = targets[min(int(l.break_at * len(targets)), len(targets) - 1)]
        self.break_project = break_project
        for index, blocks in enumerate(pages):
            if index:
                self.new_page()
            self.seed_page = index
            if index == 2:
                self.printed_no = 1  # the 計画 page is page 1, as the 目次 says
            after_break_project = None
            for block in blocks:
                if after_break_project is not None and block.kind != "project":
                    # the page turns between the 事業's heading and its first paragraph
                    self.drawn.breaks.append(f"inside 事業 {after_break_project.text}")
                    self.new_page()
                after_break_project = None
                self.block(block, split_after=1 if block is break_target else None)
                if block is break_project and block.kind == "project":
                    after_break_project = block
        self.furniture()
        self.c.showPage()

    def block(self, block: Block | Form, split_after: int | None) -> None:
        k = block.kind
        if k == "target":
            self.target(block, split_after)
        elif k == "form":
            self.form(block, split_after)
        elif k == "bullet":
            self.paragraph(block.text, self.x0 + 4, hang=self.size)
        elif k == "para":
            self.paragraph(block.text, self.x0)
        else:
            getattr(self, k)(block)


def render(layout: Layout) -> tuple[bytes, Drawn]:
    """The sample's content drawn in ``layout``, and what the PDF must show."""
    r = LayoutRenderer(layout)
    r.top = r.top0
    r.document(in_template([p for p in seed_pages(SEED.read_text(encoding="utf-8")) if p], layout.template))
    r.c.save()
    return r.buffer.getvalue(), r.drawn
