"""Which lines a 目標 label's cell holds, from the page's geometry (extract/layout.py).

Boxes are set as the sample's pages set them (10.5 pt body, 15.75 pt leading);
rendered cases of each are in tests/test_layout_variations.py (3c–3f).
"""
from __future__ import annotations

from extract.layout import continued_cell, group_label_cells, is_label
from extract.lines import Line

STEP = 15.75


def _line(raw: str, x0: float, top: float, page: int = 5, size: float = 10.5, **kw) -> Line:
    return Line(raw=raw, page=page, bbox=(x0, top, x0 + 10.5 * len(raw), top + size), size=size, **kw)


def _label(raw: str, x0: float, top: float, page: int = 5) -> Line:
    """A label line as split off its row (its raw is the label alone, 【】 dropped)."""
    return _line(raw, x0, top, page, size=11.0, bold=True, cell="target")


def _cells(lines: list[Line]) -> list[tuple[str, str | None]]:
    return [(l.text, l.cell) for l in lines if not is_label(l)]


def test_a_label_over_its_text_holds_the_lines_under_it():
    lines = [_line("・多くの区民が企画段階から参加できるイベントや講座の開催：年4回以上", 60.7, 300),
             _label("目標", 56.7, 320),
             _line("・コミュニティ促進や文化、スポーツ", 67.2, 336),
             _line("した団体やグループ、個人の数：延べ30団体・個人", 67.2, 336 + STEP),
             _line("2) 地域活動協議会による広報活動の支援", 60.7, 336 + 3 * STEP, size=11.0, bold=True)]
    grouped = group_label_cells(lines)
    assert _cells(grouped) == [
        ("・多くの区民が企画段階から参加できるイベントや講座の開催:年4回以上", None),
        ("・コミュニティ促進や文化、スポーツ", "target"),
        ("した団体やグループ、個人の数:延べ30団体・個人", "target"),
        ("2)地域活動協議会による広報活動の支援", None)]  # after a blank line's gap


def test_text_under_a_label_ends_at_a_line_set_further_left():
    lines = [_label("目標", 67.2, 320),
             _line("区役所が提供した機会を利用した区民の数：200人（28年度：2700人）", 78.0, 336),
             _line("このことによって、地域のより多くの人たちに", 56.7, 336 + STEP)]
    assert [cell for _, cell in _cells(group_label_cells(lines))] == ["target", None]


def test_an_unruled_label_cell_takes_no_running_header_above_it_nor_a_caption_below():
    header = _line("平成29年度港区運営方針概要版", 221, 69, size=8.0)
    lines = [header,
             _line("みなとクリーンアップ大作戦（大阪マラソンに向けた", 108, 91),
             _label("目 標", 60, 91 + STEP / 2),
             _line("美化活動）を実施。（25団体）", 108, 91 + STEP),
             _line("予算額", 462, 91 + 3 * STEP, size=9.2, bold=True)]
    grouped = group_label_cells(lines)
    assert _cells(grouped) == [("平成29年度港区運営方針概要版", None),
                               ("みなとクリーンアップ大作戦(大阪マラソンに向けた", "target"),
                               ("美化活動)を実施。(25団体)", "target"),
                               ("予算額", None)]


def test_a_cell_cut_by_a_page_turn_goes_on_in_the_lines_set_like_it():
    before = group_label_cells([_label("目 標", 60, 780),
                                _line("・コミュニティ促進や文化、スポーツ", 108, 776)])
    page = [_line("した団体やグループ、個人の数：延べ30団体・個人", 108, 72, page=6),
            _line("・区役所が提供した機会を利用した区民の数：200人", 108, 72 + STEP, page=6),
            _line("2) 地域活動協議会による広報活動の支援", 60.7, 72 + 3 * STEP, page=6,
                  size=11.0, bold=True)]
    assert [l.cell for l in continued_cell(before, page)] == ["target", "target", None]


def test_a_heading_at_the_top_of_the_next_page_does_not_continue_a_cell():
    before = group_label_cells([_label("目標", 56.7, 740), _line("地域活動協議会の数：11地域", 67.2, 756)])
    heading = _line("2 自律した地域運営の支援", 64.0, 72, page=6, size=13.0, bold=True)
    assert continued_cell(before, [heading]) == [heading]
    paragraph = [_line("・広報研修会の開催：2回。", 60.7, 700)]  # a page that ends outside a cell
    assert continued_cell(paragraph, [_line("した団体や", 60.7, 72, page=6)])[0].cell is None
