"""extract.pdf: a running header and a page number set just above a wide top
margin (A4 landscape, 28 mm: the random layouts' seeds 3 and 50) are furniture,
not the text of the page's first paragraph."""
import io
from pathlib import Path

import pytest

from extract.pdf import _page_lines, read_pdf

from .test_budget_label import _glyphs

WIDTH, HEIGHT = 841.89, 595.28  # A4 landscape
HEADER = "平成29年度 北区運営方針 概要版"
BODY = ["地域の活性化に向けて、地域活動や課題解決に取り組むことができるよう支援する。",
        "防災訓練への参加を呼びかける。"]


def _pdf() -> bytes:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    if "HeiseiMin-W3" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("HeiseiMin-W3"))
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=(WIDTH, HEIGHT))
    for page in range(1, 5):
        c.setFont("HeiseiMin-W3", 8)
        c.drawString(221, HEIGHT - 77, HEADER)  # its bottom 77 pt down: below an inch
        c.setFont("HeiseiMin-W3", 9)
        c.drawString(78, HEIGHT - 77, str(page))
        c.setFont("HeiseiMin-W3", 11.5)
        for k, text in enumerate(BODY):
            c.drawString(78, HEIGHT - 102 - 18 * k, text)
        c.showPage()
    c.save()
    return buffer.getvalue()


def test_furniture_just_above_a_wide_top_margin_is_taken_off():
    source = read_pdf(Path("band.pdf"), _pdf())
    assert [l.text for l in source.lines if l.page == 2] == [t.replace(" ", "") for t in BODY]
    assert [l.printed_page for l in source.lines if l.page in (2, 3)] == [2, 2, 3, 3]


@pytest.mark.parametrize("printed", ["（9）", "- 9 -", "p.9"])
def test_a_page_number_just_above_a_30mm_top_margin_is_furniture(printed):
    # A4 landscape (a tenth of it is 60 pt), text block from 91 pt (30 mm + 6 pt),
    # the number set 12 pt above the margin: its row ends about 80 pt down.
    page = (_glyphs(printed, 400, 73, size=9) + _glyphs("区民の数：200人", 72, 91)
            + _glyphs("（28年度：74団体・個人）", 72, 107))
    lines, number, _ = _page_lines(page, HEIGHT, 3)
    assert number is not None and number.number == 9
    assert [l.text for l in lines] == ["区民の数:200人", "(28年度:74団体・個人)"]


def test_a_number_inside_the_text_block_is_text():
    page = _glyphs("区民の数：200人", 72, 91) + _glyphs("（9）", 72, 120) + _glyphs("以上", 72, 136)
    lines, number, _ = _page_lines(page, HEIGHT, 3)
    assert number is None and [l.text for l in lines] == ["区民の数:200人", "(9)", "以上"]
