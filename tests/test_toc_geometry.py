"""The 目次 read from its geometry: wrapped titles level with their first line
(ruled cells), bare page numbers after a single gap, one leader left by a long
title, a 目次 going on over a page break, and a last row that reaches the
footer band. The lines are typed from random-layout pages that failed
(``python -m tests.layouts.run --seed N``); each case also checks that an odd
line costs only its own entry, with a warning.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from extract.lines import Line
from extract.toc import read_toc

ISSUE4 = "「子どもの学び」と「子育て世代」を応援するまちづくり"


def _line(raw: str, x0: float, top: float, x1: float, size: float = 11.0, page: int = 2) -> Line:
    return Line(raw=raw, page=page, bbox=(x0, top, x1, top + size), size=size)


def _read(lines: list[Line]) -> tuple[dict, list[str], int]:
    """(kind, issue, measure) → (title, page); the notes' kinds; where the body begins."""
    entries, notes, end = read_toc(lines, 0)
    return ({(e.kind, e.issue_no, e.measure_no): (e.title, e.page) for e in entries},
            [n.kind for n in notes], end)


def test_ruled_table_wrapped_title_sits_level_with_its_first_line():
    """Seed 16: a ruled two-column 目次; the title cell wraps at the same x."""
    got, notes, _ = _read([
        _line("経営課題3 健やかにいきいきと暮らせるまちづくり 15", 115, 309, 474),
        _line("経営課題4 「子どもの学び」と「子育て世代」を応援するまちづく", 115, 434, 444),
        _line("り 23", 115, 450, 474),
        _line("1 「子どもの学び」の応援 24", 141, 471, 474, 10.5),
    ])
    assert got == {("issue", 3, None): ("健やかにいきいきと暮らせるまちづくり", 15),
                   ("issue", 4, None): (ISSUE4, 23),
                   ("measure", 4, 1): ("「子どもの学び」の応援", 24)}
    assert notes == []


def _bare_numbers(wrapped_line_ends: float) -> list[Line]:
    """Seed 96: no leaders; every entry line ends in the page column at x 589."""
    return [
        _line("経営課題2 安全・安心・快適なまちづくり 7", 254, 260, 589, 12.6),
        _line("経営課題3 健やかにいきいきと暮らせるまちづ", 254, 375, 522, 12.6),
        _line("くり 15", 266, 394, wrapped_line_ends, 12.6),
        _line("1 地域福祉の推進 16", 284, 418, 589, 12.0),
    ]


def test_bare_page_number_after_a_single_gap_in_the_page_column():
    got, notes, _ = _read(_bare_numbers(wrapped_line_ends=589))
    assert got[("issue", 3, None)] == ("健やかにいきいきと暮らせるまちづくり", 15)
    assert got[("measure", 3, 1)] == ("地域福祉の推進", 16)
    assert notes == []


def test_a_number_outside_the_page_column_is_no_page_and_costs_only_its_entry():
    """The wrapped line ends far left of the page column: its trailing number
    is no page. 経営課題3 loses its page (a warning); 経営課題2 and 施策3-1 are
    untouched."""
    got, notes, _ = _read(_bare_numbers(wrapped_line_ends=330))
    assert got[("issue", 2, None)] == ("安全・安心・快適なまちづくり", 7)
    assert got[("issue", 3, None)][1] is None
    assert got[("measure", 3, 1)] == ("地域福祉の推進", 16)
    assert notes == ["toc_entry_without_page"]


def test_one_leader_left_by_a_long_title_is_no_part_of_it():
    """Seed 11: a long title leaves room for one ・ before its page; the 中黒 of
    安全・安心 is the title's own."""
    got, notes, _ = _read([
        _line("経営課題2 安全・安心・快適なまちづくり ・・・・ 7", 458, 239, 743),
        _line("経営課題3 健やかにいきいきと暮らせるまちづくり ・ 15", 458, 344, 761),
        _line("5 多様性を尊重しあう共生社会づくりの推進 ・ 22", 485, 450, 743),
    ])
    assert got == {("issue", 2, None): ("安全・安心・快適なまちづくり", 7),
                   ("issue", 3, None): ("健やかにいきいきと暮らせるまちづくり", 15),
                   ("measure", 3, 5): ("多様性を尊重しあう共生社会づくりの推進", 22)}
    assert notes == []


def _over_a_page_break(page3_head: list[Line]) -> list[Line]:
    return [
        _line("経営課題6 区民意見を反映した区政運営 ・・・ 36", 132, 691, 417, 11.5),
        _line("1 多様な区民の意見・ニーズの的確な把握 ・・・ 36", 160, 713, 417),
        *page3_head,
        _line("2 区政の参加と協働による区政運営 ・・・・ 37", 160, 62, 417, page=3),
        _line("3 区政情報の積極的な発信 ・・・・・・・・ 38", 160, 83, 417, page=3),
        _line("◆ 計 画", 132, 65, 187, 14.8, page=4),
    ]


def test_the_contents_go_on_over_a_page_break_past_a_running_header():
    """Seed 67: the 目次's second page opens with the running header, which the
    furniture band missed; it is reported, and the entries after it are read."""
    lines = _over_a_page_break([_line("平成29年度 港区運営方針 概要版", 293, 44, 417, 8.0, page=3)])
    got, notes, end = _read(lines)
    assert got[("measure", 6, 2)] == ("区政の参加と協働による区政運営", 37)
    assert got[("measure", 6, 3)] == ("区政情報の積極的な発信", 38)
    assert notes == ["unreadable_toc_line"]
    assert lines[end].text == "◆計画"


def test_a_page_that_does_not_open_with_an_entry_ends_the_contents():
    """Three lines of something else atop the next page: that is the body."""
    head = [_line(t, 132, 44 + 20 * k, 417, page=3) for k, t in enumerate(("はじめに", "港区の概要", "人口の推移"))]
    lines = _over_a_page_break(head)
    got, notes, end = _read(lines)
    assert set(got) == {("issue", 6, None), ("measure", 6, 1)}
    assert end == 2 and notes == []


pdf_factory = pytest.importorskip("tests.pdf_factory")
pytest.importorskip("reportlab", reason="reportlab (dev dependency) renders the fixtures")


def _contents_reaching_the_footer_band(path: Path) -> None:
    """A 目次 page whose last row sits in the footer band (its page number after
    a wide gap, as a footer's would be), then three body pages with the running
    header and the page number sharing their top row."""
    if not pdf_factory.fonts_available():
        pytest.skip("IPAex fonts not installed (Debian package fonts-ipaexfont)")
    r = pdf_factory._Renderer(pdf_factory.Style())
    left, right, h = pdf_factory.LEFT, pdf_factory.RIGHT, pdf_factory.PAGE_H
    r.text(250, 60, "目次", r.gothic, 18)
    r.text(left, 100, "経営課題5 訪れたい魅力と活気あふれるまちづくり", r.mincho, 11)
    r.text(right - r.width("30", r.mincho, 11), 100, "30", r.mincho, 11)
    r.text(left, h - 70, "経営課題6 区民意見を反映した区政運営", r.mincho, 11)  # in the bottom band
    r.text(right - r.width("36", r.mincho, 11), h - 70, "36", r.mincho, 11)
    for number in (1, 2, 3):
        r.c.showPage()
        r.text(left, 30, "港区運営方針", r.mincho, 8)
        r.text(right - r.width(str(number), r.mincho, 9), 30, str(number), r.mincho, 9)
        r.text(left, 100, "◆計画" if number == 1 else f"本文 {number} ページ目", r.mincho, 11)
    r.c.showPage()
    r.c.save()
    path.write_bytes(r.buffer.getvalue())


def test_a_contents_row_in_the_footer_band_keeps_its_page_number(tmp_path):
    """Seeds 0, 5, 38: the last 目次 row's page number, after a wide gap on a
    band row, was taken for the 目次 page's own printed number. Beside text that
    is no running header it stays the entry's; beside the running header it is
    the page's."""
    from extract import read_source

    path = tmp_path / "contents.pdf"
    _contents_reaching_the_footer_band(path)
    lines = read_source(path, path.read_bytes()).lines
    contents = [(l.text, l.printed_page) for l in lines if l.page == 1]
    assert contents[-1] == ("経営課題6区民意見を反映した区政運営36", None)
    body = [(l.page, l.text, l.printed_page) for l in lines if l.page > 1]
    assert body == [(2, "◆計画", 1), (3, "本文2ページ目", 2), (4, "本文3ページ目", 3)]


def _body(lines: list[Line]):
    from extract.source import SourceText
    from extract.structure import build_tree

    return build_tree(SourceText(lines=lines, page_count=1))


def _styled(raw: str, x0: float, top: float, x1: float, size: float, bold: bool, wrapped: bool) -> Line:
    return Line(raw=raw, page=5, bbox=(x0, top, x1, top + size), size=size, bold=bold, wrapped=wrapped)


def test_a_heading_title_wrapped_onto_a_second_line_is_whole():
    """Seeds 5, 1006: a large 経営課題 heading wraps its last glyph onto a line
    of its own, set like the heading; the body text after it is no part of the title.
    The 目次 (its own, whole title) and the body agree: no mismatch warning."""
    doc = _body([
        _line("目次", 250, 60, 290, 18.0, page=2),
        _line("経営課題1 区民主体のまちづくり ・・・・ 2", 57, 100, 538, page=2),
        _styled("経営課題 1 区 民 主 体 の ま ち づ く", 327, 77, 619, 16.8, True, False),
        # its 均等割付 first line ends short of the right edge: no wrap mark
        _styled("り", 420, 101, 437, 16.8, True, False),
        _styled("・これまで培われてきた、人と人のつながりやきずなを", 325, 137, 631, 12.0, False, False),
        _styled("礎(いしずえ)にしながら、より幅広い世代の住民も参", 337, 155, 640, 12.0, False, True),
    ])
    (issue,) = doc.issues
    assert issue.title == "区民主体のまちづくり"
    assert not [n for n in doc.notes if n.kind == "toc_title_mismatch"]
