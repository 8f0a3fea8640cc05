"""hoshin inspect: the tree of one document with pages, budgets, targets and warnings."""
from pipeline.cli import main

from .test_budget_totals import issue_with


def test_inspect_prints_the_tree_of_the_sample_with_pages(capsys):
    assert main(["inspect", "samples/minato_h29_gaiyo.pdf"]) == 0
    lines = capsys.readouterr().out.splitlines()
    # Read from the PDF: 経営課題1 heads PDF page 4 (footer "2"), 目次 says 2;
    # 事業1) コミュニティ育成支援 【予算額 11,686千円】 is on page 5 (footer 3).
    assert lines[0].startswith("samples/minato_h29_gaiyo.pdf: 港区運営方針 概要版 · 港区 FY2017 (平成29年度) · 7 pages")
    assert "経営課題1 区民主体のまちづくり  [p.4 (printed 2), 目次 p.2]" in lines[2]
    assert "    事業1) コミュニティ育成支援  ¥11,686,000  [p.5 (printed 3)]" in lines
    assert "    事業2) 地域活動協議会による広報活動の支援  budget: none (dash)  [p.5 (printed 3)]" in lines
    i = lines.index("      目標2 区役所が提供した機会を利用した区民の数")
    assert lines[i + 1] == "             → 200 人 · baseline 2016: 2700 人  [p.5 (printed 3)]"
    # 経営課題2 has no 事業 in this excerpt: its sum is unknown, not ¥0
    assert "経営課題2 安全・安心・快適なまちづくり  [no page, 目次 p.7]  Σ事業 —" in lines
    assert "warnings (24):" in lines
    assert "  [no page] toc_entry_not_in_body: 経営課題2 安全・安心・快適なまちづくり (目次 page 7)" in lines


def test_inspect_reads_with_the_engine_asked_for(capsys, monkeypatch):
    import pipeline.inspect
    engines = []

    def convert_file(path, engine):
        engines.append(engine)
        return real(path, engine=engine)

    real = pipeline.inspect.convert_file
    monkeypatch.setattr(pipeline.inspect, "convert_file", convert_file)
    assert main(["inspect", "samples/minato_h29_gaiyo.pdf"]) == 0
    default = capsys.readouterr().out
    assert main(["inspect", "samples/minato_h29_gaiyo.pdf", "--engine", "pdfium"]) == 0
    assert capsys.readouterr().out == default  # the engines agree on the sample
    assert engines == ["pdfplumber", "pdfium"]


def test_inspect_of_a_bad_file_names_it_and_fails(tmp_path, capsys):
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"not a pdf")
    assert main(["inspect", str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and str(bad) in err


def test_inspect_shows_printed_totals_and_their_check(tmp_path, capsys):
    # 経営課題1 prints 2,500千円; its two 事業 (1,234 + 766 千円) add up to 2,000千円
    plan = tmp_path / "plan.txt"
    plan.write_text(issue_with("（30年度予算額 2,500千円）"), encoding="utf-8")
    assert main(["inspect", str(plan)]) == 0
    out = capsys.readouterr().out
    assert "Σ事業 ¥2,000,000, printed total ¥2,500,000: MISMATCH" in out
    assert "budget_total_mismatch: 経営課題1 まちづくり: printed total ¥2,500,000" in out
