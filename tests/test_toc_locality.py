"""Locality of the 目次: one line the reader cannot make sense of costs at most
its own entry (and a warning), never its neighbours.

The sample (text and a rendered PDF) is given malformed lines inside its 目次;
everything else is identical, so every table must equal the clean sample's but
for the damaged entry and the warnings that name it.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from extract.headings import TOC_PAGE
from tests.golden import LAYOUT_COLUMNS, SAMPLES, records, without

SEED = SAMPLES / "minato_h29_gaiyo.txt"
ISSUE4 = "経営課題4 「子どもの学び」と「子育て世代」を応援するまちづくり"


@pytest.mark.parametrize("line, title, page", [
    ("経営課題1 区民主体のまちづくり ・・・ 2", "経営課題1 区民主体のまちづくり", 2),
    ("計画 ・・・・・・ 1", "計画", 1),
    ("3 区政情報の積極的な発信  38", "3 区政情報の積極的な発信", 38),
    # a long title pushed the page number left of the last leaders
    (f"{ISSUE4} 23 ・・", ISSUE4, 23),
    # the page number alone on the line a title wrapped onto
    ("り ・・・・・・ 23", "り", 23),
    ("・・・ 23", "", 23),
])
def test_page_number_wherever_it_sits_on_the_line(line, title, page):
    m = TOC_PAGE.match(line)
    assert m and (m.group("title"), int(m.group("page"))) == (title, page)


@pytest.mark.parametrize("line", [
    "経営課題 1 区民主体のまちづくり",  # a body heading, no page
    "1 豊かなコミュニティの促進",
    "・平成28年度の参加者 2",  # a number after one space is no page
])
def test_no_page_number(line):
    assert TOC_PAGE.match(line) is None


def _issue4_without_page(tables: dict) -> dict:
    """The clean sample's tables as they must read when 経営課題4's page number is
    unreadable: that entry loses its 目次 page (and says so), nothing else."""
    out = {t: [dict(r) for r in rows] for t, rows in tables.items()}
    for row in out["issues"]:
        if row["issue_no"] == 4:
            row["toc_page"] = None
    for row in out["warnings"]:
        if row["text"].startswith("経営課題4 "):
            row["text"] = row["text"].replace("(目次 page 23)", "(目次 page unreadable)")
    return out


def _malformed_seed() -> str:
    """The seed with three malformed 目次 lines: a note with no page, a line of
    leaders only, and 経営課題4's page printed as an unreadable 二十三."""
    lines = SEED.read_text(encoding="utf-8").splitlines()
    out = []
    for line in lines:
        if line.startswith("経営課題4 ") and "\t" in line:
            out.append(line.replace("・・・ 23", "・・・ 二十三"))
            continue
        out.append(line)
        if line.startswith("経営課題2 ") and "\t" in line:
            out.append("■ 頁番号は冊子版による\t・・・ ※")
        if line.startswith("3 セーフティネットの充実"):
            out.append("・・・・・・・・")
    return "\n".join(out) + "\n"


MALFORMED = {"unreadable_toc_line": 2, "toc_entry_without_page": 1}


def _compare(got: dict, clean: dict) -> None:
    extra = [w for w in got["warnings"] if w["kind"] in MALFORMED]
    assert {k: sum(w["kind"] == k for w in extra) for k in MALFORMED} == MALFORMED
    assert any(w["text"].endswith("二十三") and w["kind"] == "toc_entry_without_page" for w in extra)
    got = {**got, "warnings": [w for w in got["warnings"] if w not in extra]}
    expected = _issue4_without_page(clean)
    for table, rows in expected.items():
        assert len(got[table]) == len(rows), f"{table}: {len(got[table])} rows, expected {len(rows)}"
        for i, (g, e) in enumerate(zip(got[table], rows)):
            assert g == e, f"{table} record {i} differs"


def test_malformed_toc_lines_in_the_text_sample(tmp_path):
    damaged = tmp_path / "minato_h29_gaiyo.txt"
    damaged.write_text(_malformed_seed(), encoding="utf-8")
    _compare(without(records(damaged), LAYOUT_COLUMNS), without(records(SEED), LAYOUT_COLUMNS))


pdf_factory = pytest.importorskip("tests.pdf_factory")
pytest.importorskip("reportlab", reason="reportlab (dev dependency) renders the fixtures")


def _pdf(tmp_path: Path, seed: str, name: str, **style) -> Path:
    if not pdf_factory.fonts_available():
        pytest.skip("IPAex fonts not installed (Debian package fonts-ipaexfont)")
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(pdf_factory.render(seed, pdf_factory.Style(**style)))
    return path


def test_malformed_toc_lines_in_a_pdf(tmp_path):
    clean = _pdf(tmp_path, SEED.read_text(encoding="utf-8"), "clean")
    damaged = _pdf(tmp_path, _malformed_seed(), "damaged")
    _compare(without(records(damaged), LAYOUT_COLUMNS), without(records(clean), LAYOUT_COLUMNS))


@pytest.mark.parametrize("overflow", ["push", "wrap"])
def test_a_long_title_that_overflows_its_leaders_spoils_nothing(tmp_path, overflow):
    """経営課題 entries set at 14 pt: 経営課題4's title leaves no room for its
    leaders, so its page number follows the title (…まちづくり 23 ・・) or the
    title wraps; either way the tables equal the plain rendering's."""
    seed = SEED.read_text(encoding="utf-8")
    path = _pdf(tmp_path, seed, overflow, toc_issue_size=14.0, toc_overflow=overflow)
    import pdfplumber
    with pdfplumber.open(path) as pdf:
        toc = [l["text"] for l in pdf.pages[1].extract_text_lines()]
    shows = f"{ISSUE4} 23 ・・" in toc if overflow == "push" else any(l.startswith("り ・") for l in toc)
    assert shows, f"the fixture lacks its overflow: {toc}"
    plain = without(records(_pdf(tmp_path, seed, "plain")), LAYOUT_COLUMNS)
    got = without(records(path), LAYOUT_COLUMNS)
    assert got == plain
