"""縦書き read in its own order: top to bottom within a column, columns right to
left, tiers (段) top to bottom.

The phrases below were typed from the page images (rendered with pypdfium2),
not from the program's output.
"""
from __future__ import annotations

import pytest

from extract import read_source
from extract.page_vertical import vertical_rows
from tests.conftest import SHARED

CORPUS = SHARED / "corpus" / "real"
JO = CORPUS / "pdfminer__pdfminer.six__jo.pdf"
KAMPO = CORPUS / "pdfminer__pdfminer.six__kampo.pdf"


def _glyph(text: str, x0: float, top: float, size: float = 10.0) -> dict:
    return {"text": text, "x0": x0, "x1": x0 + size, "top": top, "bottom": top + size, "size": size}


def _column(text: str, x0: float, top: float) -> list[dict]:
    return [_glyph(ch, x0, top + 10 * k) for k, ch in enumerate(text)]


def _texts(rows: list[list[dict]]) -> list[str]:
    return ["".join(g["text"] for g in row) for row in rows]


def test_columns_right_to_left_and_top_to_bottom_whatever_the_drawing_order():
    glyphs = [*_column("ひとつの", 100, 50), *_column("わたくし", 140, 50), *_column("假定された", 120, 50)]
    assert _texts(vertical_rows(glyphs[::-1])) == ["わたくし", "假定された", "ひとつの"]


def test_a_rule_across_the_page_parts_two_tiers():
    """Tier 2's columns start just below tier 1's end, closer than a gap within
    a column: only the rule tells the tiers apart."""
    top = [*_column("上右", 140, 50), *_column("上左", 120, 50)]
    bottom = [*_column("下右", 140, 80), *_column("下左", 120, 80)]
    rule = [(100.0, 75.0, 160.0, 75.5)]
    assert _texts(vertical_rows(top + bottom, rule)) == ["上右", "上左", "下右", "下左"]


def test_a_horizontal_running_head_stays_one_line_left_to_right():
    head = [_glyph(ch, 100 + 10 * k, 10) for k, ch in enumerate("第4817号")]
    body = [*_column("政令第百", 140, 50), *_column("内閣は", 120, 50)]
    assert _texts(vertical_rows(body + head)) == ["第4817号", "政令第百", "内閣は"]


def _lines(path, engine):
    if not path.is_file():
        pytest.skip(f"real corpus not present at {CORPUS} (set HOSHIN_SHARED)")
    return [l.text for l in read_source(path, path.read_bytes(), engine=engine).lines]


ENGINES = pytest.mark.parametrize("engine", ["pdfplumber", "pdfium"])


@ENGINES
def test_jo_reads_in_column_order(engine):
    """With PDFium too: jo.pdf's MediaBox is the page tree's (PDFium's own call answers
    US Letter), and its Identity-V font advances down the page."""
    lines = _lines(JO, engine)
    start = lines.index("わたくしといふ現象は")
    assert lines[start:start + 4] == ["わたくしといふ現象は", "假定された有機交流電燈の",
                                      "ひとつの青い照明です", "(あらゆる透明な幽霊の複合体)"]
    assert "これらは二十二箇月の" in lines


@ENGINES
def test_kampo_reads_in_column_order(engine):
    """With PDFium too: the 官報 sets its text at 1 Tf in an 8-point text matrix."""
    lines = _lines(KAMPO, engine)
    start = lines.index("政令第百四十九号")
    assert lines[start:start + 4] == [
        "政令第百四十九号",
        "道路交通法施行令の一部を改正する政令",
        "内閣は、道路交通法の一部を改正する法律(平成十九年法律第九十号)の一部の施行に伴い、並び",
        "に道路交通法(昭和三十五年法律第百五号)第四条第一項及び第四項、第五条第一項、第三十九条第",
    ]
