"""extract.glyphs and extract.kpi: geometry rules on glyph records and lines,
each shown with the real shape it was written for."""
from __future__ import annotations

from extract.glyphs import (
    UNMAPPED, evenly_spaced, header_cell, replace_unmapped, segments,
    split_under_header, stacked_heads, vertical_writing,
)
from extract.kpi import ARROW_KPI, KPI_HEADER, TABLE_END, find_kpis
from extract.lines import Line
from extract.targets import split_targets


def glyphs(text: str, x0: float, top: float, size: float = 10.5, advance: float | None = None):
    """Glyph records for ``text`` set left to right; ``advance`` is the pitch."""
    pitch = advance if advance is not None else size
    return [{"text": ch, "x0": x0 + i * pitch, "x1": x0 + i * pitch + size, "top": top,
             "bottom": top + size, "size": size} for i, ch in enumerate(text)]


def test_unmapped_pattern_and_replacement():
    assert UNMAPPED.match("(cid:1)") and not UNMAPPED.match("(注1)")
    out, count = replace_unmapped(glyphs("予", 0, 0) + [{"text": "(cid:1234)"}])
    assert ("".join(g["text"] for g in out), count) == ("予\ufffd", 1)


def test_evenly_spaced_lines_and_ordinary_ones():
    assert evenly_spaced(glyphs("市民税", 0, 0, advance=21.0))  # 市 民 税: 10.5 pt gaps
    assert evenly_spaced(glyphs("平成29年度", 0, 0, advance=16.0))
    assert not evenly_spaced(glyphs("市民税", 0, 0))  # set solid
    assert not evenly_spaced(glyphs("目標", 0, 0, advance=21.0))  # two glyphs prove nothing
    uneven = glyphs("1", 0, 0) + glyphs("豊かな", 14.0, 0)  # one gap after a number
    assert not evenly_spaced(uneven)


def test_budget_under_a_予算額_column_header():
    # header row: paragraph text, then 予算額 in the right-hand column
    row = glyphs("関心を高めます。", 60, 100) + glyphs("予算額", 476, 102, size=9)
    rest, header_glyphs, header = header_cell(row)
    assert "".join(g["text"] for g in rest) == "関心を高めます。"
    assert "".join(g["text"] for g in header_glyphs) == "予算額"
    assert header.label == "予算額"
    # value row: the 事業 heading left, the bare amount under the header
    heading = glyphs("1) コミュニティ育成支援", 60.7, 117, advance=11.0)
    amount = glyphs("11,686千円", 480, 117, size=10.5, advance=5.5)
    rest, value = split_under_header(heading + amount, header)
    assert "".join(g["text"] for g in value) == "11,686千円"
    assert "".join(g["text"] for g in rest) == "1) コミュニティ育成支援"
    # a row far below, or a last segment in another column, is not the header's value
    assert split_under_header(glyphs("11,686千円", 480, 300, advance=5.5), header) is None
    assert split_under_header(glyphs("説明文", 60, 117), header) is None


def test_a_予算額_予算科目_label_is_a_header_and_long_or_other_segments_are_not():
    _, _, header = header_cell(glyphs("予算額（予算科目）", 72, 100, advance=14.0))  # spaced
    assert header.label == "予算額(予算科目)"
    _, _, header = header_cell(glyphs("【4年度予算額（予算科目）】", 72, 100))
    assert header.label == "4年度予算額(予算科目)"
    assert header_cell(glyphs("【予算額 11,686千円】", 400, 100)) is None  # a bracket with its amount
    assert header_cell(glyphs("金額", 400, 100)) is None


def test_vertical_writing_is_told_from_horizontal():
    column = [{**g, "x0": 500.0, "x1": 510.5, "top": 100 + 11 * i, "bottom": 110.5 + 11 * i}
              for i, g in enumerate(glyphs("そそ宇こ", 0, 0))]  # one 縦書き column
    assert vertical_writing(column + [{**g, "x0": 480.0, "x1": 490.5} for g in column])
    assert not vertical_writing(glyphs("地域活動協議会", 60, 100))


def test_segments_cut_at_an_em():
    row = glyphs("目標", 66, 0) + glyphs("画した団体", 108, 0)
    assert ["".join(g["text"] for g in s) for s in segments(row)] == ["目標", "画した団体"]


def test_a_label_set_vertically_beside_its_text():
    """目 over 標 in a narrow cell (Calc's stacked text, 10 pt: tests/fixtures/producers/
    excel.pdf), rows of their own between the rows of the text beside them."""
    text = [glyphs("・コミュニティ促進や文化", 75.0, 239.8, 10.0), glyphs("ープ、個人の数", 75.0, 249.8, 10.0),
            glyphs("・区役所が提供した機会", 75.0, 259.8, 10.0)]
    rows = [text[0], text[1], glyphs("目", 53.6, 253.6, 10.0), text[2], glyphs("標", 53.6, 263.6, 10.0)]
    assert ["".join(g["text"] for g in run) for run in stacked_heads(rows)] == ["目標"]
    # bullets down a column are set apart by more than an em, and text rows open with no lone glyph
    bullets = [glyphs("・", 46.0, 300.0 + 25 * k, 10.0) + glyphs("幅広い世代が", 70.0, 300.0 + 25 * k, 10.0)
               for k in range(3)]
    assert stacked_heads(bullets) == [] and stacked_heads(text) == []
    # a glyph under another but off its centre is not stacked on it
    assert stacked_heads([glyphs("目", 53.6, 253.6, 10.0), glyphs("標", 60.0, 263.6, 10.0)]) == []


def line(raw: str, x0: float, top: float, x1: float | None = None, page: int = 11) -> Line:
    return Line(raw=raw, page=page, bbox=(x0, top, x1 if x1 is not None else x0 + 11 * len(raw),
                                          top + 11), size=11.0)


def test_kpi_patterns_on_their_real_examples():
    m = ARROW_KPI.match(Line(raw="高校の入学者数４０人（2014年度）→年４０人（2019 年度）", page=1).text)
    assert m.group("metric", "baseline", "target", "baseline_year", "target_year") == (
        "高校の入学者数", "40人", "年40人", "2014年度", "2019年度")
    assert KPI_HEADER.search(Line(raw="重要業績評価指標 現状値 目標値", page=1).text)
    assert TABLE_END.match("＜主な事業＞") and TABLE_END.match("◎施策の目標")
    assert not TABLE_END.match("中学校訪問実施校数")


def test_kpi_table_rows_from_geometry():
    """The 総合戦略's shapes: a one-line row, a metric wrapped around its value
    row, and a multi-line cell that must not be guessed."""
    lines = [
        line("重要業績評価指標 現状値 目標値", 122.4, 407.9, 480.7),
        line("（ＫＰＩ） （2014年度） （2019年度）", 139.0, 422.9, 504.0),
        line("中学校訪問実施校数 年１１１校 年１１１校", 97.6, 447.4, 533.3),
        line("バイオガスプラント事業関", 97.6, 471.5, 235.8),
        line("－ ５年間で１人", 373.3, 479.1, 533.3),
        line("連就業者数", 97.6, 486.5, 152.6),
        line("旭川・札幌・地元 東京・旭川・札幌・地元", 296.4, 520.3, 533.3),
        line("展覧会の開催数", 97.6, 527.9, 174.7),
        line("各地域で年１回 各地域で年１回", 307.3, 535.3, 533.3),
        line("＜主な事業＞", 97.6, 570.0, 163.7),
    ]
    found = find_kpis(lines)
    assert [(r.metric, r.baseline, r.target, r.baseline_year, r.target_year) for r in found.rows] == [
        ("中学校訪問実施校数", "年111校", "年111校", "2014年度", "2019年度"),
        ("バイオガスプラント事業関連就業者数", None, "5年間で1人", "2014年度", "2019年度"),
    ]
    assert any("展覧会の開催数" in s.text for s in found.unreadable)


def test_a_one_line_row_with_spaced_units_is_not_guessed():
    """年 １１１ 校 年 １２０ 校: split by spaces the last two tokens are １２０ and 校,
    which would make the target the baseline."""
    lines = [
        line("重要業績評価指標 現状値 目標値", 122.4, 407.9, 480.7),
        line("（ＫＰＩ） （2014年度） （2019年度）", 139.0, 422.9, 504.0),
        line("中学校訪問実施校数 年 １１１ 校 年 １２０ 校", 97.6, 447.4, 533.3),
        line("＜主な事業＞", 97.6, 570.0, 163.7),
    ]
    found = find_kpis(lines)
    assert found.rows == []
    assert any("中学校訪問実施校数" in s.text for s in found.unreadable)


def test_a_line_opening_with_a_middle_dot_inside_a_bracket_continues_its_target():
    # 「港区ワークス探検団」（職場見学 / ・訪問）開催。… wrapped in a narrow cell
    first = Line(raw="「港区ワークス探検団」（職場見学", page=7)
    cont = Line(raw="・訪問）開催。（協力企業 8 社）", page=7)
    bullet = Line(raw="・区役所が提供した機会", page=7)
    assert [s.text for s in split_targets([first, cont, bullet])] == [
        "「港区ワークス探検団」(職場見学・訪問)開催。(協力企業8社)", "・区役所が提供した機会"]
    # two one-line bullets in a cell stay two targets, whatever their lengths
    long, short = Line(raw="・区の広報紙の発行：12回", page=7), Line(raw="・SNS発信：週1回", page=7)
    assert len(split_targets([long, short])) == 2
