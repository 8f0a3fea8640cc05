"""Page furniture: a printed page number in the band at a page's top or bottom
edge is the page's number, not a line of its text."""
import pytest

from extract.pdf import _page_lines

from .test_budget_label import _glyphs

A4_LANDSCAPE_HEIGHT = 595.3


@pytest.mark.parametrize("printed", ["（9）", "- 9 -", "p.9"])
def test_a_page_number_just_above_a_30mm_top_margin_is_furniture(printed):
    # A4 landscape (a tenth of it is 60 pt), text block from 91 pt (30 mm + 6 pt),
    # the number set 12 pt above the margin: its row ends about 80 pt down.
    page = (_glyphs(printed, 400, 73, size=9) + _glyphs("区民の数：200人", 72, 91)
            + _glyphs("（28年度：74団体・個人）", 72, 107))
    lines, number, _ = _page_lines(page, A4_LANDSCAPE_HEIGHT, 3)
    assert number is not None and number.number == 9
    assert [l.text for l in lines] == ["区民の数:200人", "(28年度:74団体・個人)"]


def test_a_number_inside_the_text_block_is_text():
    page = _glyphs("区民の数：200人", 72, 91) + _glyphs("（9）", 72, 120) + _glyphs("以上", 72, 136)
    lines, number, _ = _page_lines(page, A4_LANDSCAPE_HEIGHT, 3)
    assert number is None and [l.text for l in lines] == ["区民の数:200人", "(9)", "以上"]
