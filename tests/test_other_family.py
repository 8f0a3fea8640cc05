"""A document of another family (no 経営課題 at all) converts with warnings that say so:
no crash, and no empty success that hides the problem."""
import pandas as pd
import pytest

from rules.text import normalize_text
from pipeline.cli import main
from tests.conftest import SHARED

# The shape of a まち・ひと・しごと創生総合戦略 (another family): 基本目標 and KPI, no 経営課題.
STRATEGY_TEXT = """音威子府村 まち・ひと・しごと創生総合戦略

基本目標1 安定した雇用を創出する
施策の目標 新規就業者数 現状値(2014年度) 2人 目標値 10人
① 農林業の担い手育成
"""
CORPUS_STRATEGY = SHARED / "corpus" / "real" / "kayac__nepp-chan__otoineppu_sogosenryaku.pdf"


def _convert_one(tmp_path, path, capsys):
    out = tmp_path / "out"
    assert main(["convert", str(path), "--out", str(out)]) == 0
    summary = capsys.readouterr().out
    (line,) = [l for l in summary.splitlines() if str(path) in l]
    return out, line


def test_text_of_another_family_is_flagged(tmp_path, capsys):
    path = tmp_path / "strategy.txt"
    path.write_text(STRATEGY_TEXT, encoding="utf-8")
    out, line = _convert_one(tmp_path, path, capsys)
    assert "0 経営課題" in line and "no 経営課題 found" in line
    warnings = pd.read_parquet(out / "warnings")
    assert "no_issues" in set(warnings["kind"])
    # every body line the 概要版 rules cannot place is listed, none silently dropped
    unplaced = set(warnings.loc[warnings["kind"] == "unplaced_line", "text"])
    assert {normalize_text("施策の目標 新規就業者数 現状値(2014年度) 2人 目標値 10人"),
            normalize_text("① 農林業の担い手育成")} <= unplaced
    assert len(pd.read_parquet(out / "documents")) == 1


@pytest.mark.skipif(not CORPUS_STRATEGY.is_file(), reason=f"shared corpus not found at {SHARED}")
def test_real_pdf_of_another_family_converts_with_warnings(tmp_path, capsys):
    out, line = _convert_one(tmp_path, CORPUS_STRATEGY, capsys)
    assert "no 経営課題 found" in line
    warnings = pd.read_parquet(out / "warnings")
    kinds = warnings["kind"].value_counts()
    assert kinds["no_issues"] == 1 and kinds["unplaced_line"] > 100  # its 16 pages of body text
    assert pd.read_parquet(out / "issues").empty
