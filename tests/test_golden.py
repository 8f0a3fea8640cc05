"""Every file in samples/ converts to the records a person checked in
samples/expected/, compared by the same code as ``hoshin check``.

After an intended parser change: ``make golden``, then review the diff against
the document before committing it.
"""
from pipeline.diff_render import text
from pipeline.pinned import check
from tests.golden import EXPECTED, LAYOUT_COLUMNS, records, sample_files, without


def test_samples_match_their_pinned_expectations():
    diff = check(sample_files(), EXPECTED)
    assert diff.equal, f"samples differ from samples/expected/ (`make golden`, then review):\n{text(diff)}"


def test_pdf_and_text_renderings_agree():
    """The seed text and the PDF hold the same content: same records but for
    what only a PDF has (pages, format, identity)."""
    pdf, txt = (records(s) for s in sample_files())
    assert without(pdf, LAYOUT_COLUMNS) == without(txt, LAYOUT_COLUMNS)
