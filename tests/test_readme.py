"""The README's pandas and DuckDB examples run and print what the README shows."""
import contextlib
import io
import re
from pathlib import Path

import pytest

from pipeline.cli import main

ROOT = Path(__file__).resolve().parent.parent
SECTION = ROOT.joinpath("README.md").read_text(encoding="utf-8").split(
    "## For analysts")[1].split("\n## ")[0]
# a ```python block and the plain ``` block of output right after it
EXAMPLES = re.findall(r"```python\n(.*?)```\n\n```\n(.*?)```", SECTION, flags=re.S)


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    folder = tmp_path_factory.mktemp("readme")
    assert main(["convert", str(ROOT / "samples"), "--out", str(folder / "out")]) == 0
    return folder


def words(text: str) -> list[list[str]]:
    """Lines as words: column padding may differ between library versions."""
    return [line.split() for line in text.splitlines() if line.strip()]


def printed_by(code: str, folder: Path, monkeypatch) -> str:
    """What a README snippet prints, run in ``folder`` (where its out/ is)."""
    monkeypatch.chdir(folder)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(code, "README.md", "exec"), {})
    return printed.getvalue()


@pytest.mark.parametrize("code, shown", EXAMPLES, ids=["pandas", "duckdb"])
def test_example_prints_what_the_readme_shows(code, shown, converted, monkeypatch):
    assert words(printed_by(code, converted, monkeypatch)) == words(shown)


def test_examples_hold_the_figures_read_from_the_sample():
    assert len(EXAMPLES) == 2
    for _, shown in EXAMPLES:
        # 経営課題1: 8 事業, 11,686 + 27,192 + 16,780 + 7,486 + 453 + 1,140 千円 (two are dashes)
        assert re.search(r"区民主体のまちづくり\S*\s+│?\s*8\s+│?\s*64737000", shown)
        # 目標 below baseline, read on pages 5–6: 200人 (2700人), 80% (81.1%), 8件 (16件), 延べ30 (74)
        for value, baseline in (("200.0", "2700.0"), ("80.0", "81.1"), ("8.0", "16.0"), ("30.0", "74.0")):
            assert re.search(rf"\s{re.escape(value)}\s+│?\s*{re.escape(baseline)}\s", shown)


# The budget_lines queries of "## Budget tables", run on the corpus files the README names
BUDGET = ROOT.joinpath("README.md").read_text(encoding="utf-8").split(
    "## Budget tables (`budget_lines`)")[1].split("\n## ")[0]
BUDGET_EXAMPLE = re.findall(r"```python\n(.*?)```\n\nprints.*?```\n(.*?)```", BUDGET, flags=re.S)
CORPUS = ROOT.parent / "shared" / "corpus" / "real"
BUDGET_SOURCES = ["nankokushigikai__gikai_nankokushi_portal__r4_main_continuing_projects.pdf",
                  "nankokushigikai__gikai_nankokushi_portal__r4_main_new_projects.pdf",
                  "plural-reality__fujishi_ippannkaikei_yosansho__R7_00_gaiyou.pdf"]


def test_budget_query_prints_what_the_readme_shows(tmp_path, monkeypatch):
    pytest.importorskip("duckdb", reason="duckdb (dev extra) runs the README's budget_lines queries")
    sources = [CORPUS / name for name in BUDGET_SOURCES]
    if missing := [str(s) for s in sources if not s.exists()]:
        pytest.skip(f"corpus files absent (../shared not mounted): {missing}")
    assert main(["convert", *map(str, sources), "--out", str(tmp_path / "out"), "--quiet"]) == 0
    ((code, shown),) = BUDGET_EXAMPLE
    assert "level" in code  # one level at a time: a book's 款 + 項 + 目 rows would count twice
    assert words(printed_by(code, tmp_path, monkeypatch)) == words(shown)


def test_budget_example_holds_the_figures_typed_from_the_pages():
    ((_, shown),) = BUDGET_EXAMPLE
    # Fuji R7 概要 pages 17 and 18: 歳入合計 and 歳出合計 本年度予算額 104,500,000 千円 (facts yaml)
    assert len(re.findall(r"本年度予算額\s+│\s+104500000000\s+│\s+104500000000", shown)) == 2
