"""The sample's content as real producers draw it: a Word document and an Excel
workbook, made the way a ward clerk makes them, printed to PDF by LibreOffice.

The content is the sample's text (samples/minato_h29_gaiyo.txt, read into pages of
blocks by tests/pdf_factory.seed_pages, paged like the sample); only the producer
differs. ``python -m tests.producers.build`` (``make producers``) writes
tests/fixtures/producers/{word,excel}.pdf; it needs soffice, python-docx and
openpyxl, which `make test` does not: the PDFs are committed.
"""
from __future__ import annotations

import hashlib
import math
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from datetime import datetime
from pathlib import Path

from tests.pdf_factory import Block, _bare_amount, seed_pages

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "minato_h29_gaiyo.txt"
FIXTURES = ROOT / "tests" / "fixtures" / "producers"
MINCHO, GOTHIC = "IPAexMincho", "IPAexGothic"
RUNNING_HEADER = "平成29年度 港区運営方針（概要版）"
FIXED_DATE = datetime(2017, 6, 1)  # the files carry a date; a fixed one keeps them the same


def content() -> list[list[Block]]:
    return [page for page in seed_pages(SAMPLE.read_text(encoding="utf-8")) if page]


def _is_caption(block: Block) -> bool:
    """A short para that is no sentence: a header of the ◆計画 page or the 戦略's title."""
    return block.kind == "caption" or (block.kind == "para" and not block.text.endswith(("。", "他")))


# -- Word -----------------------------------------------------------------------
def word(pages: list[list[Block]], path: Path) -> None:
    """A .docx: headings as styled paragraphs, a 目次 by tab stops with dot leaders,
    the budget right-aligned by a tab stop, 目標 as a two-column table, page numbers
    from a PAGE field in the body section's footer."""
    from docx import Document
    from docx.enum.section import WD_SECTION
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt, RGBColor

    doc = Document()
    doc.core_properties.created = doc.core_properties.modified = FIXED_DATE
    doc.core_properties.title, doc.core_properties.author = "港区運営方針 概要版", "港区役所"
    width = Mm(210 - 2 * 20)

    def fonts(rpr_owner, face: str) -> None:
        """The face for Latin and East Asian text (w:rFonts w:eastAsia)."""
        rpr_owner.font.name = face
        rpr_owner.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), face)

    def style(name: str, face: str, size: float, *, bold=False, before=0, after=0, base="Normal"):
        s = doc.styles[name] if name in [x.name for x in doc.styles] else doc.styles.add_style(name, 1)
        if name != "Normal":
            s.base_style = doc.styles[base]
        s.font.size, s.font.bold, s.font.color.rgb = Pt(size), bold, RGBColor(0, 0, 0)
        fonts(s, face)
        pf = s.paragraph_format
        pf.space_before, pf.space_after, pf.line_spacing = Pt(before), Pt(after), 1.15
        return s

    style("Normal", MINCHO, 10)
    for name, size, before in (("Heading 1", 13, 0), ("Heading 2", 12, 0), ("Heading 3", 10.5, 8)):
        s = style(name, GOTHIC, size, bold=False, before=before, after=4)
        s.font.italic = False
    style("Cover", GOTHIC, 20)
    style("Caption Gothic", GOTHIC, 10.5, before=6, after=2)
    doc.styles["Heading 1"].paragraph_format.page_break_before = True
    doc.styles["Heading 2"].paragraph_format.page_break_before = True

    def shade(element, fill: str) -> None:
        shd = OxmlElement("w:shd")
        shd.set(qn("w:val"), "clear"), shd.set(qn("w:color"), "auto"), shd.set(qn("w:fill"), fill)
        element.append(shd)

    def border(paragraph, side: str, colour: str, size: int) -> None:
        pbdr = OxmlElement("w:pBdr")
        edge = OxmlElement(f"w:{side}")
        for key, value in (("val", "single"), ("sz", str(size)), ("space", "1"), ("color", colour)):
            edge.set(qn(f"w:{key}"), value)
        pbdr.append(edge)
        paragraph._p.get_or_add_pPr().append(pbdr)

    def para(container, text: str, style_name="Normal", *, align=None, face=None, hanging=False):
        p = container.add_paragraph(style=style_name)
        run = p.add_run(text)
        fonts(run, face or (MINCHO if style_name == "Normal" else GOTHIC))
        if align is not None:
            p.alignment = align
        if hanging:  # ・ bullets hang: the text's wrap lines start under the text, not the ・
            p.paragraph_format.left_indent, p.paragraph_format.first_line_indent = Pt(10), Pt(-10)
        return p

    def page_field(paragraph) -> None:
        for kind, text in (("begin", None), (None, "PAGE"), ("separate", None), (None, "1"),
                           ("end", None)):
            run = paragraph.add_run()
            fonts(run, MINCHO)
            if kind:
                fld = OxmlElement("w:fldChar")
                fld.set(qn("w:fldCharType"), kind)
                run._r.append(fld)
            elif text == "PAGE":
                instr = OxmlElement("w:instrText")
                instr.set(qn("xml:space"), "preserve")
                instr.text = " PAGE "
                run._r.append(instr)
            else:
                run.text = text

    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(20)
    section.top_margin = section.bottom_margin = Mm(25)
    cover, toc, *body = pages

    # cover: centred, the title large, the date and office low on the page
    for block in cover:
        big = block.text == "港区運営方針"
        p = para(doc, block.text, "Cover", align=WD_ALIGN_PARAGRAPH.CENTER)
        p.runs[0].font.size = Pt(28 if big else 16)
        if block.text.startswith("平成") and "年度" in block.text:
            p.paragraph_format.space_before = Pt(220)
        if block.text.endswith("月"):
            p.paragraph_format.space_before = Pt(260)
    # 目次: title … leaders … page by a right tab stop with dot leaders
    for block in toc:
        if block.kind == "toc_head":
            p = para(doc, block.text, "Caption Gothic", align=WD_ALIGN_PARAGRAPH.CENTER)
            p.paragraph_format.page_break_before, p.paragraph_format.space_after = True, Pt(18)
            p.runs[0].font.size = Pt(14)
            continue
        p = para(doc, f"{block.text}\t{block.page_no}",
                 "Caption Gothic" if block.level == 0 else "Normal")
        p.paragraph_format.space_before = Pt(4 if block.level == 0 else 0)
        p.paragraph_format.left_indent = Pt(0 if block.level == 0 else 14)
        p.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)

    # the body: its own section, numbered from 1 (the ◆計画 page), header and footer
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    number_type = OxmlElement("w:pgNumType")
    number_type.set(qn("w:start"), "1")
    section._sectPr.append(number_type)
    for part in (section.header, section.footer):
        part.is_linked_to_previous = False
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = header.add_run(RUNNING_HEADER)
    fonts(run, MINCHO)
    run.font.size = Pt(8)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("- ")
    page_field(footer)
    footer.add_run(" -")
    for run in footer.runs:
        fonts(run, MINCHO)
    for part in (doc.sections[0].header, doc.sections[0].footer):  # the cover is not numbered
        part.is_linked_to_previous = False

    for page in body:
        for block in page:
            if block.kind == "issue":
                p = para(doc, block.text, "Heading 1")
                p.runs[0].font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
                shade(p._p.get_or_add_pPr(), "1F4E9A")
            elif block.kind == "measure":
                p = para(doc, block.text, "Heading 2")
                border(p, "bottom", "1F4E9A", 8)
            elif block.kind == "project":
                p = para(doc, f"{block.text}\t{block.budget}", "Heading 3")
                p.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
            elif block.kind == "target":
                table = doc.add_table(rows=1, cols=2)
                table.style = doc.styles["Table Grid"]
                table.autofit = False
                label, text = table.rows[0].cells
                for column, cell, w in zip(table.columns, (label, text), (Mm(16), width - Mm(16))):
                    column.width = cell.width = w  # LibreOffice reads the grid's, Word the cell's
                label.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
                shade(label._tc.get_or_add_tcPr(), "E7E6E6")
                label.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
                fonts(label.paragraphs[0].add_run("目 標"), GOTHIC)
                first = text.paragraphs[0]
                for i, line in enumerate(block.lines):
                    p = first if i == 0 else text.add_paragraph()
                    fonts(p.add_run(line), MINCHO)
                    if line.startswith("・"):
                        p.paragraph_format.left_indent = Pt(10)
                        p.paragraph_format.first_line_indent = Pt(-10)
                doc.add_paragraph().paragraph_format.space_after = Pt(4)  # Word needs one after a table
            elif _is_caption(block):
                centred = block.text != "◆計画"
                p = para(doc, block.text, "Caption Gothic",
                         align=WD_ALIGN_PARAGRAPH.CENTER if centred else None)
                if not centred:
                    p.runs[0].font.size = Pt(13)
            else:
                para(doc, block.text, hanging=block.kind == "bullet",
                     align=WD_ALIGN_PARAGRAPH.JUSTIFY)
    doc.save(path)


# -- Excel ----------------------------------------------------------------------
COLUMNS = 36  # the 様式 grid: narrow columns, titles and text in merged cells
COLUMN_WIDTH = 2.0  # characters: ~14 pt, 36 of them fill A4's width between 15 mm margins
COLUMN_PT = 14.25


def _lines(text: str, columns: int, size: float) -> int:
    """Lines a wrapped cell of ``columns`` grid columns needs at ``size`` pt (full-width
    glyphs one em, others half), with a little slack as LibreOffice's wrap needs."""
    ems = sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.55 for c in text)
    return max(1, math.ceil(ems / (columns * COLUMN_PT / size - 1.5)))


def excel(pages: list[list[Block]], path: Path) -> None:
    """An .xlsx in the 様式 way: sheets of narrow columns, merged wrapped cells, thin
    borders around 目標 and 予算額, the 目標 label stacked vertically in its narrow cell,
    a page break per page of the sample, A4 fit to width."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.pagebreak import Break

    wb = Workbook()
    wb.properties.created = wb.properties.modified = FIXED_DATE
    wb.properties.creator = "港区役所"
    thin = Side(style="thin")
    grey = PatternFill("solid", fgColor="E7E6E6")
    band = PatternFill("solid", fgColor="1F4E9A")

    def sheet(title: str, numbered: bool):
        ws = wb.active if wb.active.title == "Sheet" else wb.create_sheet()
        ws.title = title
        for c in range(1, COLUMNS + 1):
            ws.column_dimensions[get_column_letter(c)].width = COLUMN_WIDTH
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.orientation = "portrait"
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
        ws.page_margins.left = ws.page_margins.right = 0.6
        ws.page_margins.top = ws.page_margins.bottom = 0.8
        ws.print_options.horizontalCentered = True
        ws.sheet_view.showGridLines = False
        if numbered:
            ws.oddHeader.right.text, ws.oddHeader.right.size = RUNNING_HEADER, 8
            ws.oddHeader.right.font = MINCHO
            ws.oddFooter.center.text, ws.oddFooter.center.font = "- &P -", MINCHO
            ws.page_setup.firstPageNumber, ws.page_setup.useFirstPageNumber = 1, True
        return ws

    class Grid:
        def __init__(self, ws):
            self.ws, self.row = ws, 1

        def cell(self, first: int, last: int, text: str, *, face=MINCHO, size=10.0, bold=False,
                 align="left", valign="top", rows: int = 1, fill=None, colour="000000",
                 box=False, height: float | None = None, rotation: int = 0) -> None:
            """Text in columns first..last (1-based) of the current row, over ``rows`` rows."""
            ws, top = self.ws, self.row
            bottom = top + rows - 1
            c = ws.cell(top, first, text)
            c.font = Font(name=face, size=size, bold=bold, color=colour)
            c.alignment = Alignment(horizontal=align, vertical=valign, wrap_text=True,
                                    text_rotation=rotation)
            if last > first or rows > 1:
                ws.merge_cells(start_row=top, start_column=first, end_row=bottom, end_column=last)
            if fill is not None:
                for r in range(top, bottom + 1):
                    for col in range(first, last + 1):
                        ws.cell(r, col).fill = fill
            if box:
                _outline(ws, top, bottom, first, last, thin)
            if height is None:
                height = _lines(text, last - first + 1, size) * size * 1.45 + 3
            for r in range(top, bottom + 1):
                current = ws.row_dimensions[r].height or 0
                ws.row_dimensions[r].height = max(current, height / rows)

        def text(self, text: str, **kw) -> None:
            self.cell(1, COLUMNS, text, **kw)
            self.next()

        def next(self, gap: float | None = None) -> None:
            self.row += 1
            if gap:
                self.ws.row_dimensions[self.row].height = gap
                self.row += 1

        def page_break(self) -> None:
            self.ws.row_breaks.append(Break(id=self.row - 1))

        def close(self) -> None:
            self.ws.print_area = f"A1:{get_column_letter(COLUMNS)}{self.row - 1}"

    cover, toc, *body = pages
    front = Grid(sheet("表紙・目次", numbered=False))
    for block in cover:
        big = block.text == "港区運営方針"
        if block.text.startswith("平成") and "年度" in block.text:
            front.next(gap=200)
        if block.text.endswith("月"):
            front.next(gap=240)
        front.text(block.text, face=GOTHIC, size=28 if big else 16, align="center",
                   valign="center", height=44 if big else 28)
    front.page_break()
    for block in toc:
        if block.kind == "toc_head":
            front.text(block.text, face=GOTHIC, size=14, align="center", height=40)
            continue
        first = 1 if block.level == 0 else 3
        face = GOTHIC if block.level == 0 else MINCHO
        front.cell(first, COLUMNS - 3, block.text, face=face, size=10.5, height=19)
        front.cell(COLUMNS - 2, COLUMNS, block.page_no, face=MINCHO, size=10.5, align="right")
        front.next()
    front.close()

    grid = Grid(sheet("本文", numbered=True))
    for page in body:
        for block in page:
            if block.kind == "issue":
                grid.text(block.text, face=GOTHIC, size=13, fill=band, colour="FFFFFF",
                          valign="center", height=24)
                grid.next(gap=6)
            elif block.kind == "measure":
                grid.cell(1, COLUMNS, block.text, face=GOTHIC, size=12, valign="center", height=24)
                for col in range(1, COLUMNS + 1):
                    grid.ws.cell(grid.row, col).border = Border(bottom=Side(style="medium",
                                                                           color="1F4E9A"))
                grid.next(gap=6)
            elif block.kind == "project":
                # the title left, the 予算額 in its own bordered cell right of it: a small
                # caption line over the amount
                split = COLUMNS - 10
                grid.cell(1, split - 1, block.text, face=GOTHIC, size=10.5, valign="center",
                          rows=2, height=30)
                grid.cell(split, COLUMNS, "予算額", size=8, height=12)
                grid.next()
                grid.cell(split, COLUMNS, _bare_amount(block.budget), size=10.5, align="right",
                          height=18)
                _outline(grid.ws, grid.row - 1, grid.row, split, COLUMNS, thin)
                grid.next()
            elif block.kind == "target":
                text = "\n".join(block.lines)
                lines = max(2, sum(_lines(line, COLUMNS - 2, 10) for line in block.lines))  # 目 over 標
                height = lines * 10 * 1.45 + 6
                # the label stacked (縦書き, Excel's text rotation 255) in a narrow cell
                grid.cell(1, 2, "目標", face=GOTHIC, size=10, align="center", valign="center",
                          fill=grey, box=True, height=height, rotation=255)
                grid.cell(3, COLUMNS, text, box=True, height=height)
                grid.next(gap=10)
            elif _is_caption(block):
                centred = block.text != "◆計画"
                grid.text(block.text, face=GOTHIC, size=13 if not centred else 10.5,
                          align="center" if centred else "left", valign="center", height=22)
            elif block.kind == "bullet":
                grid.cell(1, 1, "・", size=10)
                grid.cell(2, COLUMNS, block.text.removeprefix("・"), size=10)
                grid.next()
            else:
                grid.text(block.text, size=10)
        grid.page_break()
    grid.close()
    wb.save(path)


def _outline(ws, top: int, bottom: int, first: int, last: int, side) -> None:
    """Thin borders around a block of cells (merged or not)."""
    from openpyxl.styles import Border

    for r in range(top, bottom + 1):
        for col in range(first, last + 1):
            ws.cell(r, col).border = Border(left=side if col == first else None,
                                            right=side if col == last else None,
                                            top=side if r == top else None,
                                            bottom=side if r == bottom else None)


# -- LibreOffice ------------------------------------------------------------------
def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(source: Path, outdir: Path) -> Path:
    """``source`` printed to PDF by LibreOffice headless, with a profile of its own (no
    user settings, no clash with another soffice running)."""
    binary = soffice()
    if binary is None:
        raise RuntimeError("soffice (LibreOffice) is not installed: `apt-get install libreoffice-writer "
                           "libreoffice-calc fonts-ipaexfont`")
    profile = outdir / "profile"
    subprocess.run([binary, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(outdir), str(source)],
                   check=True, capture_output=True, timeout=300)
    pdf = outdir / f"{source.stem}.pdf"
    if not pdf.is_file():
        raise RuntimeError(f"soffice wrote no PDF for {source.name}")
    return pdf


_STAMPS = re.compile(rb"/CreationDate\(D:\d{14}|/ID\s*\[\s*<[0-9A-F]{32}>\s*<[0-9A-F]{32}>"
                     rb"|/DocChecksum /[0-9A-F]{32}")


def pinned(pdf: bytes) -> bytes:
    """The PDF with its creation time, file ID and checksum fixed: a rebuild gives the same bytes.
    Same lengths, so the cross-reference offsets stay right."""
    digest = hashlib.md5(_STAMPS.sub(b"", pdf)).hexdigest().upper().encode()

    def fixed(m: re.Match) -> bytes:
        if m.group().startswith(b"/CreationDate"):
            return b"/CreationDate(D:" + FIXED_DATE.strftime("%Y%m%d%H%M%S").encode()
        return re.sub(rb"[0-9A-F]{32}", digest, m.group())
    return _STAMPS.sub(fixed, pdf)


PRODUCERS = {"word": ("docx", word), "excel": ("xlsx", excel)}


def build(outdir: Path = FIXTURES) -> list[Path]:
    pages = content()
    outdir.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, (suffix, make) in PRODUCERS.items():
            source = Path(tmp) / f"{name}.{suffix}"
            make(pages, source)
            target = outdir / f"{name}.pdf"
            target.write_bytes(pinned(to_pdf(source, Path(tmp)).read_bytes()))
            written.append(target)
    return written


if __name__ == "__main__":
    if soffice() is None:
        sys.exit("make producers needs LibreOffice (soffice) to print the documents to PDF: "
                 "apt-get install libreoffice-writer libreoffice-calc fonts-ipaexfont")
    for written in build(Path(sys.argv[1]) if len(sys.argv) > 1 else FIXTURES):
        print(written.relative_to(ROOT) if written.is_relative_to(ROOT) else written)
