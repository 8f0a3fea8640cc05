"""The same content, laid out the ways real 概要版 PDFs are, gives the same tables.

Each fixture is the sample's content (read from the seed text) rendered by
tests/pdf_factory.py with one variation. Its records must equal those of the
plain sample PDF, record by record, but for what only the layout decides
(pages, identity) and the raw text as printed. Each fixture is also checked
to really show its variation, so a factory that ignored a style would fail.
"""
from __future__ import annotations

import io
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.golden import LAYOUT_COLUMNS, SAMPLES, records, without

reportlab = pytest.importorskip("reportlab", reason="reportlab (dev dependency) renders the fixtures")
import pdfplumber  # noqa: E402

from tests.pdf_factory import Style, fonts_available, render  # noqa: E402

SEED = SAMPLES / "minato_h29_gaiyo.txt"
PLAIN = SAMPLES / "minato_h29_gaiyo.pdf"
# the budget as printed differs by design (１１，６８６千円, a bare cell value)
COMPARED_AWAY = LAYOUT_COLUMNS | {"budget_raw"}
HEADER = "平成29年度 港区運営方針 概要版"


def page_texts(pdf: bytes, dedupe: bool = True) -> list[list[str]]:
    """Text lines of each page as pdfplumber reads them (plain reading order)."""
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        pages = [p.dedupe_chars(tolerance=1) if dedupe else p for p in doc.pages]
        return [[l["text"] for l in p.extract_text_lines()] for p in pages]


def all_text(pdf: bytes, dedupe: bool = True) -> str:
    return "\n".join("\n".join(lines) for lines in page_texts(pdf, dedupe))


def fonts_of(pdf: bytes) -> set[str]:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return {c["fontname"] for p in doc.pages for c in p.chars}


def glyph_text(pdf: bytes) -> str:
    """Every glyph drawn, in content order (ideographic spaces included)."""
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return "".join(c["text"] for p in doc.pages for c in p.chars)


def _cid_fonts(pdf: bytes) -> bool:
    """Only the non-embedded Heisei fonts (pdfminer names HeiseiKakuGo-W5
    "HeiseKakuGo-W5"), and the amount's dash reads back as U+2212 whether
    − or － was drawn: the producer's mapping, not the plain sample's ー."""
    return all(f.startswith("Heise") for f in fonts_of(pdf)) and "予算額： \u2212千円" in all_text(pdf)


def line_boxes(pdf: bytes, page: int) -> dict[str, tuple[float, float]]:
    """Text line → (x0, x1) of one page (0-based), as pdfplumber reads it."""
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        lines = doc.pages[page].dedupe_chars(tolerance=1).extract_text_lines()
        return {l["text"]: (l["x0"], l["x1"]) for l in lines}


def _label_then_value(label: str, value: str, under: bool) -> Callable[[bytes], bool]:
    """The 予算額（予算科目） label on its own line, the amount with its account on
    the next, either under the label or clear of its column; no 【予算額 N】 bracket."""
    def check(pdf: bytes) -> bool:
        lines = page_texts(pdf)[4]
        boxes = line_boxes(pdf, 4)
        if not (label in lines and value in lines and lines.index(value) == lines.index(label) + 1):
            return False
        overlaps = boxes[value][0] < boxes[label][1] and boxes[value][1] > boxes[label][0]
        return overlaps == under and not re.search(r"【予算額[^（】]", all_text(pdf))
    return check


def _over(label: str, text: str) -> Callable[[bytes], bool]:
    """``label`` alone on a line, the next line opening with ``text`` and
    starting right of the label's left edge."""
    def check(pdf: bytes) -> bool:
        for n, lines in enumerate(page_texts(pdf)):
            for k, line in enumerate(lines[:-1]):
                if line == label and lines[k + 1].startswith(text):
                    boxes = line_boxes(pdf, n)
                    return boxes[lines[k + 1]][0] > boxes[label][0]
        return False
    return check


def _turns(last: str, first: str) -> Callable[[bytes], bool]:
    """A page's last line before its footer opens with ``last``, the next page's first with ``first``."""
    def check(pdf: bytes) -> bool:
        pages = page_texts(pdf)
        return any(a[-2].startswith(last) and b[0].startswith(first) for a, b in zip(pages, pages[1:])
                   if len(a) > 1 and b)
    return check


def wraps(pdf: bytes) -> list[tuple[str, str]]:
    """(end of a line, start of the next) for consecutive lines of each page."""
    return [(a[-2:], b[:2]) for lines in page_texts(pdf) for a, b in zip(lines, lines[1:])]


def _footers(fmt: str) -> Callable[[bytes], bool]:
    def check(pdf: bytes) -> bool:
        pages = page_texts(pdf)
        return (all(p[0] == HEADER for p in pages)
                and all(p[-1] == fmt.format(n) for n, p in enumerate(pages[2:], 1)))
    return check


def _narrow_splits(pdf: bytes) -> bool:
    pairs = wraps(pdf)
    digit_digit = any(re.search(r"\d$", a) and re.match(r"\d", b) for a, b in pairs)
    number_unit = any(re.search(r"\d$", a) and re.match(r"[^\d\s（(：:、。]", b) for a, b in pairs)
    open_bracket = any(a.endswith("（") for a, _ in pairs)
    comparator = any(a.endswith("以") and b.startswith("上") for a, b in pairs)  # 80%以 / 上
    return digit_digit and number_unit and open_bracket and comparator


# name: (style, what the fixture must show for the variation to be real)
VARIANTS: dict[str, tuple[Style, Callable[[bytes], bool]]] = {
    "1-full-width-digits": (
        Style(full_width_digits=True),
        lambda pdf: all(m in all_text(pdf) for m in (
            "平成 ２９ 年度", "【予算額 １１，６８６千円】", "（２８年度：７４団体・個人）"))),
    "2a-budget-on-the-line-below": (
        Style(budget="below"),
        lambda pdf: "【予算額 11,686千円】" in page_texts(pdf)[4]),
    "2b-budget-in-a-予算額-column": (
        Style(budget="cell"),
        lambda pdf: "【" not in "".join(page_texts(pdf)[4]) and "11,686千円" in all_text(pdf)
        and any(line.endswith("予算額") for line in page_texts(pdf)[4])),
    "2f-予算額-caption-in-a-ruled-cell": (  # a 6.5 pt caption in the cell right of the title
        Style(budget="caption", dash="－"),
        lambda pdf: "【" not in "".join(page_texts(pdf)[4]) and "予算額" in page_texts(pdf)[4]
        and "1) コミュニティ育成支援 11,686千円" in page_texts(pdf)[4]
        and "2) 地域活動協議会による広報活動の支援 －千円" in page_texts(pdf)[4]),
    "2g-予算額-label-cell-beside-its-value": (  # a ruled row: | 予算額 | 11,686千円 |
        Style(budget="row", dash="－"),
        lambda pdf: "【" not in "".join(page_texts(pdf)[4])
        and "予算額 11,686千円" in page_texts(pdf)[4] and "予算額 －千円" in page_texts(pdf)[4]),
    "2c-予算額(予算科目)-label-over-its-value": (
        Style(budget="label"),
        _label_then_value("予 算 額（予算科目）", "11,686千円（区政推進費）", under=True)),
    "2d-予算額(予算科目)-label-then-value-apart": (
        Style(budget="label-apart"),
        _label_then_value("【予算額（予算科目）】", "11,686千円（区政推進費）", under=False)),
    "2e-予算額(予算科目)-full-width-even-fake-bold": (
        Style(budget="label-apart", full_width_digits=True, even_spacing=True, bold_strikes=3),
        _label_then_value("【予算額（予算科目）】", "１１，６８６千円（区政推進費）", under=False)),
    "3-label-cell-forms": (
        Style(labels=("目標", "目　標", "目 標")),
        lambda pdf: "目標 した団体や" in all_text(pdf) and "目\u3000標" in glyph_text(pdf)),
    "3b-目標-caption-in-a-ruled-cell": (  # a 6.5 pt 目標 in the corner, the targets under it
        Style(target_caption=True),
        lambda pdf: "目標" in page_texts(pdf)[4] and "目 標" not in all_text(pdf)
        and "した団体やグループ、個人の数：延べ30団体・個人（28年度：74団体・個人）" in page_texts(pdf)[4]),
    "3c-目標-label-over-its-text": (  # the label on its own line, the text under it an em in
        Style(label_above=True, labels=("目標", "【目標】", "目　標")),
        lambda pdf: _over("目標", "・コミュニティ促進や")(pdf) and _over("【目標】", "まちづくりセンターの")(pdf)
        and "目標 した団体や" not in all_text(pdf)),
    "3d-【目標】-label-cells-spread": (  # 均等割付 of the bracketed label: 【 目 標 】
        Style(labels=("【目標】",), even_spacing=True),
        lambda pdf: "【 目 標 】営や会計" in all_text(pdf)),
    "3e-目標-cell-cut-by-a-page-turn": (  # the label and one line end the page, the rest
        Style(target_page_turn=True),  # of the cell (no label) opens the next
        lambda pdf: _turns("目 標 ・コミュニティ促進や", "した団体やグループ")(pdf)),
    "3f-【目標】-label-over-its-text-cut-by-a-page-turn": (
        Style(label_above=True, target_page_turn=True, labels=("【目標】",)),
        lambda pdf: _over("【目標】", "・コミュニティ促進や")(pdf)
        and _turns("・コミュニティ促進や", "した団体やグループ")(pdf)),
    "4-running-header-dashed-footer": (
        Style(running_header=HEADER), _footers("- {} -")),
    "4-running-header-full-width-footer": (
        Style(running_header=HEADER, footer="－ {} －"), _footers("－ {} －")),
    "4-running-header-bare-footer": (
        Style(running_header=HEADER, footer="{}"), _footers("{}")),
    "5-narrow-columns": (
        # a 目標 cell 174 pt wide; wraps land inside 74団体, (25団体), 以上 and after （
        Style(cell_text_right=282.0, split_inside_numbers=True, page_height=1190.0),
        _narrow_splits),
    "6-fake-bold": (
        Style(bold_strikes=4),
        lambda pdf: "自自自自律律律律" in all_text(pdf, dedupe=False)),
    "7-cid-fonts-minus-sign": (Style(cid_fonts=True, dash="\u2212"), _cid_fonts),
    "7-cid-fonts-full-width-hyphen": (Style(cid_fonts=True, dash="\uff0d"), _cid_fonts),
    "8-even-spacing": (
        Style(even_spacing=True, labels=("目標",)),
        lambda pdf: "平 成 2 9 年 度" in all_text(pdf)
        and "1 豊 か な コ ミ ュ ニ テ ィ の 促 進" in all_text(pdf)),
    "8-even-spacing-label-forms": (  # 目　標 set evenly: the label's own gap exceeds an em
        Style(even_spacing=True, labels=("目標", "目　標", "目 標")),
        lambda pdf: "目\u3000標" in glyph_text(pdf) and "平 成 2 9 年 度" in all_text(pdf)),
    "all-at-once": (  # the variations interact: e.g. strikes differ in size by float noise
        Style(full_width_digits=True, budget="cell", labels=("目標", "目　標", "目 標"),
              running_header=HEADER, footer="－ {} －", cell_text_right=282.0,
              split_inside_numbers=True, page_height=1190.0, bold_strikes=4, even_spacing=True),
        lambda pdf: "大大大大 阪阪阪阪" in all_text(pdf, dedupe=False)
        and page_texts(pdf)[4][0] == "平成２９年度 港区運営方針 概要版"
        and "１１，６８６千円" in all_text(pdf)),
    "all-at-once-cid": (
        Style(cid_fonts=True, dash="\u2212", full_width_digits=True, budget="below",
              labels=("目標", "目　標"), running_header=HEADER, footer="{}", bold_strikes=3,
              page_height=1000.0),
        lambda pdf: _cid_fonts(pdf) and "平成 ２９ 年度" in all_text(pdf)),
    "9-scanned-page": (
        Style(scanned_page=True),
        lambda pdf: [i for i, lines in enumerate(page_texts(pdf), 1) if not lines] == [3]),
}


@pytest.fixture(scope="session")
def plain_records():
    return without(records(PLAIN), COMPARED_AWAY)


@pytest.fixture(scope="session")
def rendered(tmp_path_factory):
    """name → path of the rendered fixture, rendered once per session."""
    out = tmp_path_factory.mktemp("layout_variations")
    seed = SEED.read_text(encoding="utf-8")
    cache: dict[str, Path] = {}

    def get(name: str) -> Path:
        if name not in cache:
            style = VARIANTS[name][0] if name in VARIANTS else Style()
            cache[name] = out / f"{name}.pdf"
            cache[name].write_bytes(render(seed, style))
        return cache[name]

    return get


def _skip_without_fonts(style: Style) -> None:
    if not style.cid_fonts and not fonts_available():
        pytest.skip("IPAex fonts not installed (Debian package fonts-ipaexfont; "
                    "`make test` installs it where apt-get is available as root)")


def test_factory_reproduces_the_plain_sample(rendered, plain_records):
    """Without a variation the factory's PDF gives exactly the sample's tables,
    so any difference below comes from the variation."""
    _skip_without_fonts(Style())
    assert without(records(rendered("plain")), COMPARED_AWAY) == plain_records


@pytest.mark.parametrize("name", VARIANTS)
def test_fixture_shows_its_variation(name, rendered):
    style, shows = VARIANTS[name]
    _skip_without_fonts(style)
    assert shows(rendered(name).read_bytes()), f"{name}: the rendered PDF lacks its variation"


@pytest.mark.parametrize("name", VARIANTS)
def test_variation_gives_the_plain_samples_records(name, rendered, plain_records):
    style, _ = VARIANTS[name]
    _skip_without_fonts(style)
    got = without(records(rendered(name)), COMPARED_AWAY)
    expected = dict(plain_records)
    if style.scanned_page:  # the image-only page is reported, never dropped or fatal
        scanned = {"kind": "no_text_layer", "text": "page 3 has no text layer (scanned image?)"}
        expected["warnings"] = [scanned, *expected["warnings"]]
    for table, rows in expected.items():
        assert len(got[table]) == len(rows), f"{name}: {table} has {len(got[table])} rows, expected {len(rows)}"
        for i, (g, e) in enumerate(zip(got[table], rows)):
            assert g == e, f"{name}: {table} record {i} differs"

