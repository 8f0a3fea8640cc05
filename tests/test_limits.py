"""Runaway parses: --max-pages and --timeout end them with an error row."""
import time

import pandas as pd
import pytest

from pipeline import manifest
from pipeline.cli import main
from pipeline.convert import Converted, Failed, convert_file
from tests.conftest import SAMPLES
from tests.pdfbuild import build_pdf, text_page

# One page drawing 400,000 glyphs: pdfplumber needs over ten seconds for it.
HEAVY_PAGE = b"BT /F1 1 Tf " + b"(AB) Tj 0.1 0 Td " * 200_000 + b"ET"


def test_too_many_pages_is_refused_without_reading_them(tmp_path):
    path = tmp_path / "huge.pdf"
    path.write_bytes(build_pdf([text_page("same page")] * 3000, share_content=True))
    outcome = convert_file(path, max_pages=500)
    assert isinstance(outcome, Failed) and outcome.error.kind == "too_many_pages"
    assert outcome.error.message == f"{path}: more than 500 pages (the --max-pages limit)"


def test_max_pages_lets_a_document_within_the_limit_through():
    # the sample has 7 pages
    assert isinstance(convert_file(SAMPLES / "minato_h29_gaiyo.pdf", max_pages=7), Converted)
    assert isinstance(convert_file(SAMPLES / "minato_h29_gaiyo.pdf", max_pages=6), Failed)


def test_paged_text_counts_form_feeds(tmp_path):
    path = tmp_path / "pages.txt"
    path.write_text("一\f二\f三", encoding="utf-8")
    outcome = convert_file(path, max_pages=2)
    assert isinstance(outcome, Failed) and outcome.error.kind == "too_many_pages"


def test_pathological_content_stream_is_stopped_by_the_timeout(tmp_path):
    path = tmp_path / "slow.pdf"
    path.write_bytes(build_pdf([HEAVY_PAGE]))
    outcome = convert_file(path, timeout=0.5)
    assert isinstance(outcome, Failed)
    assert (outcome.error.kind, outcome.error.stage) == ("timeout", "extract")
    assert outcome.error.message == f"{path}: stopped after 0.5 s during extract (the --timeout limit)"


def test_the_batch_goes_on_after_a_timeout_and_a_page_limit(tmp_path, capsys):
    # The limit must stop the heavy page but not the sample, whatever the machine's load:
    # both slow down together, so it is set from the sample's own time now (the heavy
    # page takes over 20× the sample's time on a quiet machine).
    started = time.monotonic()
    convert_file(SAMPLES / "minato_h29_gaiyo.pdf")
    limit = max(3.0, 4 * (time.monotonic() - started))
    (tmp_path / "slow.pdf").write_bytes(build_pdf([HEAVY_PAGE]))
    (tmp_path / "huge.pdf").write_bytes(build_pdf([text_page("p")] * 300, share_content=True))
    (tmp_path / "plan.pdf").write_bytes((SAMPLES / "minato_h29_gaiyo.pdf").read_bytes())
    out = tmp_path / "out"
    assert main(["convert", str(tmp_path), "--out", str(out), "--max-pages", "100",
                 "--timeout", f"{limit:.1f}"]) == 1
    errors = pd.read_parquet(out / "errors").sort_values("source_path")
    assert list(errors["kind"]) == ["too_many_pages", "timeout"]
    assert list(pd.read_parquet(out / "documents")["source_path"]) == [str(tmp_path / "plan.pdf")]


@pytest.mark.parametrize("limit, kind", [(["--timeout", "0.001"], "timeout"),
                                         (["--max-pages", "3"], "too_many_pages")])
def test_a_limit_hit_on_a_reconversion_keeps_the_committed_rows(tmp_path, capsys, limit, kind):
    """A limit says nothing about the file's bytes: its good rows from before stay,
    and the error is this run's only (the next run's open removes it)."""
    plan = tmp_path / "plan.pdf"  # 7 pages, converted in well over a millisecond
    plan.write_bytes((SAMPLES / "minato_h29_gaiyo.pdf").read_bytes())
    out = tmp_path / "out"
    assert main(["convert", str(plan), "--out", str(out), "--quiet"]) == 0
    committed = manifest.load(out)
    projects = pd.read_parquet(out / "projects")

    assert main(["convert", str(plan), "--out", str(out), "--quiet", "--force", *limit]) == 1
    (line,) = [l for l in capsys.readouterr().err.splitlines() if l.startswith("error:")]
    assert line.startswith(f"error: {plan}: ")
    assert list(pd.read_parquet(out / "errors")["kind"]) == [kind]
    assert manifest.load(out) == committed
    pd.testing.assert_frame_equal(pd.read_parquet(out / "projects"), projects)

    assert main(["convert", str(plan), "--out", str(out), "--quiet"]) == 0
    assert "0 error(s), 1 unchanged (skipped)" in capsys.readouterr().out
    assert pd.read_parquet(out / "errors").empty


def test_a_limit_on_a_changed_file_drops_the_rows_of_its_old_bytes(tmp_path):
    """The rows kept on a limit must still describe the file: when its bytes
    changed, they describe a file that is no longer there."""
    plan = tmp_path / "plan.pdf"
    plan.write_bytes((SAMPLES / "minato_h29_gaiyo.pdf").read_bytes())  # 7 pages
    out = tmp_path / "out"
    assert main(["convert", str(plan), "--out", str(out), "--quiet"]) == 0
    plan.write_bytes(build_pdf([text_page("p")] * 30, share_content=True))  # revised: 30 pages
    assert main(["convert", str(plan), "--out", str(out), "--quiet", "--max-pages", "20"]) == 1
    assert [e.status for e in manifest.load(out).values()] == ["error"]
    assert pd.read_parquet(out / "documents").empty
    assert list(pd.read_parquet(out / "errors")["kind"]) == ["too_many_pages"]
