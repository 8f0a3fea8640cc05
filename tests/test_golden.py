"""Every file in samples/ converts to the records a person checked in samples/expected/.

After an intended parser change: ``make golden``, then review the diff against
the document before committing it.
"""
import pytest

from tests.golden import LAYOUT_COLUMNS, expected_path, load, records, sample_files, without


@pytest.mark.parametrize("sample", sample_files(), ids=lambda p: p.name)
def test_sample_matches_expected(sample):
    path = expected_path(sample)
    assert path.exists(), f"no expectations for {sample.name}: write them with `make golden` and review"
    expected, got = load(path), records(sample)
    for table in expected:
        assert got[table] == expected[table], f"{sample.name}: table {table} differs"
    assert set(got) == set(expected)


def test_pdf_and_text_renderings_agree():
    """The seed text and the PDF hold the same content: same records but for
    what only a PDF has (pages, format, identity)."""
    pdf, txt = (records(s) for s in sample_files())
    assert without(pdf, LAYOUT_COLUMNS) == without(txt, LAYOUT_COLUMNS)
