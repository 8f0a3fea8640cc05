"""Glyphs → text lines, the engine-independent rules (pdfplumber's defaults)."""
from extract.text_rows import dedupe_overprint, text_lines


def glyph(text, x0, top, size=10.0, width=None, font="F+IPAexGothic", upright=True):
    width = size if width is None else width
    return {"text": text, "x0": x0, "x1": x0 + width, "top": top, "bottom": top + size,
            "size": size, "fontname": font, "upright": upright}


def texts(lines):
    return ["".join(g["text"] for g in line) for line in lines]


def test_fake_bold_strikes_collapse_to_the_top_left_copy():
    # 自律 drawn four times, each copy 0.3 pt right and down (sample fixture 6-fake-bold)
    strikes = [glyph(t, x + d, 100 + d) for d in (0.3, 0.0, 0.6, 0.9) for t, x in (("自", 50), ("律", 60))]
    kept = dedupe_overprint(strikes)
    assert [(g["text"], g["x0"], g["top"]) for g in kept] == [("自", 50, 100), ("律", 60, 100)]


def test_copies_further_apart_or_in_another_face_are_kept():
    near_not_same = [glyph("自", 50, 100), glyph("自", 51.5, 100), glyph("自", 50, 100, font="F+IPAexMincho")]
    assert len(dedupe_overprint(near_not_same)) == 3


def test_glyphs_in_stream_order_become_lines_top_to_bottom_left_to_right():
    # second line drawn first; first line's glyphs out of order and 2 pt off the baseline
    glyphs = [glyph("下", 50, 120), glyph("行", 60, 120),
              glyph("上", 60, 100), glyph("の", 50, 102), glyph(" ", 70, 100), glyph("行", 80, 100)]
    assert texts(text_lines(glyphs)) == ["の上行", "下行"]


def test_rows_more_than_3pt_apart_are_two_lines():
    assert texts(text_lines([glyph("a", 50, 100), glyph("b", 60, 103.5)])) == ["a", "b"]


def test_blank_glyphs_are_not_part_of_a_line():
    assert text_lines([glyph(" ", 50, 100), glyph("\u3000", 60, 100)]) == []
