"""hoshin report: the HTML quality report, built from the Parquet output.

The browser test opens it in headless Chromium: it loads, every page image
decodes, every box links to a row and back, and nothing lands on the console.
"""
import os
import re
import shutil
from pathlib import Path

import pytest

from pipeline.cli import main

from .browser import CHROMIUM, Browser
from .test_budget_totals import issue_with

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    """The report of both samples, converted from the project root as in `make run`."""
    out = tmp_path_factory.mktemp("out")
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(ROOT)
        assert main(["convert", "samples", "--out", str(out)]) == 0
        html = out / "report.html"
        assert main(["report", str(out), "--html", str(html)]) == 0
    return html


def pdf_section(html: Path) -> str:
    text = html.read_text(encoding="utf-8")
    start = text.index("<section id=\"doc-223bec9e8b551567\"")  # the PDF's doc_id
    return text[start:text.index("</section>", start)]


def test_report_has_counts_budgets_toc_and_warnings(report):
    pdf = pdf_section(report)
    # counts row: 1 document, 6 経営課題, 22 施策, 8 事業, 11 目標, 10 activities, 14 statements, 24 warnings
    assert re.search(r"(<td class=\"n\">(\d+)</td>){8}", pdf).group(0).count("<td") == 8
    assert '<td class="n">1</td><td class="n">6</td><td class="n">22</td><td class="n">8</td>' in pdf
    # the 8 事業 of 経営課題1 add up to 11,686 + 27,192 + 16,780 + 7,486 + 453 + 1,140 千円
    assert ("<td>経営課題1 区民主体のまちづくり</td><td class=\"n\">8</td>"
            "<td class=\"n\">¥64,737,000</td>") in pdf
    assert "<td>ward total</td>" in pdf and "no printed total" in pdf
    # 経営課題2 has no 事業 in the body: its sum is unknown, not ¥0
    assert ("<td>経営課題2 安全・安心・快適なまちづくり</td><td class=\"n\">0</td>"
            "<td class=\"n\">—</td>") in pdf
    # 目次: 経営課題2 (目次 page 7) is not in this 7-page excerpt
    assert re.search(r"経営課題2</td><td>安全・安心・快適なまちづくり</td><td>7</td>"
                     r"<td>no page</td><td>目次 only", pdf)
    assert "Warnings (24)" in pdf and pdf.count("<td>toc_entry_not_in_body</td>") == 24


def test_each_page_with_items_has_an_image_and_boxes_linked_to_rows(report):
    pdf = pdf_section(report)
    # 経営課題1 is on page 4, its 施策 on pages 5, 6 and 7
    assert re.findall(r'<h3 id="page-223bec9e8b551567-(\d+)">', pdf) == ["4", "5", "6", "7"]
    assert pdf.count('src="data:image/png;base64,') == 4
    # 1 経営課題 + 3 施策 + 8 事業 titles, 8 budgets, 11 目標
    assert len(re.findall(r'class="box title"', pdf)) == 12
    assert len(re.findall(r'class="box budget"', pdf)) == 8
    assert len(re.findall(r'class="box target"', pdf)) == 11
    ids = set(re.findall(r' id="([^"]+)"', pdf))
    links = re.findall(r'href="#([^"]+)"', pdf)
    assert links and all(link in ids for link in links)
    assert 'href="#box-223bec9e8b551567-p-1-1-1"' in pdf  # row → box
    assert 'id="box-223bec9e8b551567-p-1-1-1"' in pdf


def test_report_is_self_contained(report):
    text = report.read_text(encoding="utf-8")
    assert not re.search(r'(?:src|href)="(?!data:|#)', text)
    assert "<script" not in text


def test_text_input_and_missing_source_are_said_not_hidden(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    shutil.copy(ROOT / "samples" / "minato_h29_gaiyo.pdf", "plan.pdf")
    assert main(["convert", "plan.pdf", "--out", "out"]) == 0
    Path("plan.pdf").unlink()
    assert main(["report", "out", "--html", "r.html"]) == 0
    text = Path("r.html").read_text(encoding="utf-8")
    assert "source PDF plan.pdf not found" in text and "data:image/png" not in text
    assert "note: plan.pdf: source PDF plan.pdf not found" in capsys.readouterr().err


def test_report_run_elsewhere_finds_the_source_through_the_manifest(tmp_path, monkeypatch):
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    shutil.copy(ROOT / "samples" / "minato_h29_gaiyo.pdf", "plan.pdf")
    assert main(["convert", "plan.pdf", "--out", "out"]) == 0  # source_path is "plan.pdf"
    monkeypatch.chdir(tmp_path)  # plan.pdf is not here
    assert main(["report", "work/out", "--html", "r.html"]) == 0
    assert Path("r.html").read_text(encoding="utf-8").count('src="data:image/png;base64,') == 4
    (work / "plan.pdf").write_bytes(b"%PDF-1.4 other bytes")
    assert main(["report", "work/out", "--html", "r.html"]) == 0
    text = Path("r.html").read_text(encoding="utf-8")
    assert "source PDF plan.pdf changed since conversion" in text and "data:image/png" not in text


def test_budget_check_verdicts_come_from_the_conversion(tmp_path, monkeypatch):
    # 経営課題1 prints 2,500千円 but its two 事業 add up to 2,000千円; the ward total agrees.
    text = issue_with("（30年度予算額 2,500千円）").replace(
        "経営課題 1 まちづくり", "◆計画\n予算額合計 2,000千円\n経営課題 1 まちづくり")
    monkeypatch.chdir(tmp_path)
    Path("plan.txt").write_text(text, encoding="utf-8")
    assert main(["convert", "plan.txt", "--out", "out"]) == 0
    assert main(["report", "out", "--html", "r.html"]) == 0
    page = Path("r.html").read_text(encoding="utf-8")
    assert ('<tr class=bad><td>経営課題1 まちづくり</td><td class="n">2</td><td class="n">¥2,000,000</td>'
            '<td class="n">¥2,500,000</td><td>MISMATCH (see warnings)</td>') in page
    assert ('<tr><td>ward total</td><td class="n">2</td><td class="n">¥2,000,000</td>'
            '<td class="n">¥2,000,000</td><td>agrees</td>') in page
    assert "<td>budget_total_mismatch</td>" in page and "text input: no page images" in page


def test_png_pictures_draw_each_box_on_its_page(tmp_path, monkeypatch):
    """Page 5 of the sample (printed 3): 施策1-1, 事業1) with 【予算額 11,686千円】 and its 目標
    cell; its picture holds the title's blue on the box's left edge and the target's green."""
    import pandas as pd
    from PIL import Image

    from pipeline.report import BOX_COLOURS, RESOLUTION
    monkeypatch.chdir(ROOT)
    out = tmp_path / "out"
    assert main(["convert", "samples/minato_h29_gaiyo.pdf", "--out", str(out), "--quiet"]) == 0
    assert main(["report", str(out), "--png", str(tmp_path / "png")]) == 0
    pictures = sorted(p.name for p in (tmp_path / "png").iterdir())
    assert pictures == [f"minato_h29_gaiyo-223bec9e8b551567-p{n}.png" for n in (4, 5, 6, 7)]
    projects = pd.read_parquet(out / "projects")
    first = min((p for p in projects.itertuples() if p.page == 5), key=lambda p: p.bbox[1])
    picture = Image.open(tmp_path / "png" / pictures[1]).convert("RGB")
    scale = RESOLUTION / 72
    x0, top, _, bottom = first.bbox
    colour = picture.getpixel((round(x0 * scale), round((top + bottom) / 2 * scale)))
    assert "#%02x%02x%02x" % colour == BOX_COLOURS["title"]
    counts = {"#%02x%02x%02x" % colour: n for n, colour in picture.getcolors(1 << 24)}
    greens = counts.get(BOX_COLOURS["target"], 0)
    assert greens > 1000  # three 目標 boxes, 2 px wide


def test_report_without_html_or_png_says_what_it_needs(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    assert main(["convert", "samples/minato_h29_gaiyo.txt", "--out", str(tmp_path), "--quiet"]) == 0
    assert main(["report", str(tmp_path)]) == 2
    assert "--html FILE, --png DIR" in capsys.readouterr().err


def test_report_of_a_folder_without_output_fails(tmp_path, capsys):
    assert main(["report", str(tmp_path), "--html", str(tmp_path / "r.html")]) == 1
    assert "no documents/ table" in capsys.readouterr().err


@pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed: `make test` installs "
                    "Debian's chromium as root (.ci/chromium); without it the report is not "
                    "checked in a browser")
def test_report_loads_in_chromium_with_images_and_no_console_errors(report):
    with Browser() as browser:
        browser.open(report.resolve().as_uri())
        assert browser.evaluate("document.title") == "hoshin quality report"
        images = browser.evaluate(
            "Promise.all([...document.images].map(i => i.decode().then(() => "
            "[i.complete, i.naturalWidth, i.getBoundingClientRect().height])))")
        assert len(images) == 4 and all(done and width > 0 and shown > 0 for done, width, shown in images)
        # every box lies on its image and every link resolves in the live document
        broken = browser.evaluate(
            "[...document.querySelectorAll('a[href^=\"#\"]')]"
            ".filter(a => !document.getElementById(a.hash.slice(1))).map(a => a.hash)")
        assert broken == []
        outside = browser.evaluate(
            "[...document.querySelectorAll('.box')].filter(b => { const p = b.parentElement"
            ".getBoundingClientRect(), r = b.getBoundingClientRect(); return r.width <= 0 || "
            "r.left < p.left || r.right > p.right + 1 || r.top < p.top || r.bottom > p.bottom + 1; })"
            ".map(b => b.id)")
        assert outside == []
        shot = Path(os.environ.get("HOSHIN_SCREENSHOT_DIR", report.parent)) / "report-page-5.png"
        browser.screenshot(shot, selector="#page-223bec9e8b551567-5 + .page")
        assert shot.stat().st_size > 10_000
        assert browser.errors == []
