"""Bad input: each kind ends in a one-line error naming the file and the reason, or,
where the parser can still read it, in a normal conversion."""
import random
import re
from dataclasses import asdict

import pandas as pd
import pytest

from pipeline.cli import main
from pipeline.convert import Converted, Failed, convert_file
from tests.pdfbuild import SAMPLE_PDF, build_pdf, encrypted, text_page

SAMPLE = SAMPLE_PDF.read_bytes()
SAMPLE_BUDGET = 64_737_000  # sum of the 8 【予算額】 on pages 1-6 of the sample (README)
_IDENTITY = {"doc_id", "source_path", "source_sha256"}

HTML_ERROR_PAGE = b"""<!DOCTYPE html>
<html lang="ja"><head><meta charset="utf-8"><title>404 Not Found</title></head>
<body><h1>\xe3\x81\x8a\xe6\x8e\xa2\xe3\x81\x97\xe3\x81\xae\xe3\x83\x9a\xe3\x83\xbc\xe3\x82\xb8\xe3\x81\xaf\xe8\xa6\x8b\xe3\x81\xa4\xe3\x81\x8b\xe3\x82\x8a\xe3\x81\xbe\xe3\x81\x9b\xe3\x82\x93</h1></body></html>
"""
# A minimal PDF whose page tree is empty.
ZERO_PAGES = (b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
              b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
              b"trailer << /Root 1 0 R >>\n%%EOF\n")


def _startxref_wrong(data: bytes) -> bytes:
    return re.sub(rb"startxref\n\d+", b"startxref\n99999", data)


def _offsets_shifted(data: bytes) -> bytes:
    """A comment inserted after the header: every xref offset now points 18 bytes early."""
    return data[:15] + b"%junkjunkjunkjunk\n" + data[15:]


def _xref_table_garbled(data: bytes) -> bytes:
    at = data.rindex(b"xref\n0 ") + len(b"xref\n")
    return data[:at] + b"garbage garbage\n" * 3 + data[at + 48:]


def _content(rows) -> dict[str, list[dict]]:
    """Every table's rows without what identifies the file (id, path, hash)."""
    return {table: [{k: v for k, v in asdict(r).items() if k not in _IDENTITY} for r in records]
            for table, records in rows.items()}


def _convert(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path, convert_file(path)


@pytest.mark.parametrize("name, data, kind, reason", [
    ("empty.pdf", b"", "empty_file", "empty"),
    ("empty.txt", b"", "empty_file", "empty"),
    ("half.pdf", SAMPLE[: len(SAMPLE) // 2], "truncated_pdf", "truncated"),
    ("first_kb.pdf", SAMPLE[:1024], "truncated_pdf", "truncated"),
    ("noise.pdf", random.Random(5).randbytes(4096), "not_a_pdf", "no %PDF- header"),
    ("404.pdf", HTML_ERROR_PAGE, "html_not_pdf", "HTML page"),
    ("locked.pdf", encrypted(SAMPLE, "secret"), "encrypted", "password"),
    ("blank.pdf", ZERO_PAGES, "no_pages", "no pages"),
    ("blank.txt", b" \r\n\t\n\f\n", "no_text", "only whitespace"),
    ("data.csv", b"a,b\n1,2\n", "unsupported_format", "not a .pdf or .txt"),
])
def test_unreadable_input_is_an_error_naming_file_and_reason(tmp_path, name, data, kind, reason):
    path, outcome = _convert(tmp_path, name, data)
    assert isinstance(outcome, Failed)
    error = outcome.error
    assert (error.kind, error.source_path) == (kind, str(path))
    assert error.message.startswith(f"{path}: ") and reason in error.message
    assert "\n" not in error.message


def test_missing_file_is_an_error(tmp_path):
    outcome = convert_file(tmp_path / "gone.pdf")
    assert isinstance(outcome, Failed) and outcome.error.kind == "unreadable_file"
    assert "No such file" in outcome.error.message


@pytest.mark.parametrize("damage", [_startxref_wrong, _offsets_shifted, _xref_table_garbled])
def test_pdf_with_broken_xref_still_converts(tmp_path, damage):
    damaged = damage(SAMPLE)
    assert damaged != SAMPLE
    _, outcome = _convert(tmp_path, "xref.pdf", damaged)
    assert isinstance(outcome, Converted)
    projects = outcome.rows["projects"]
    assert len(projects) == 8 and sum(p.budget_yen or 0 for p in projects) == SAMPLE_BUDGET
    assert _content(outcome.rows) == _content(convert_file(SAMPLE_PDF).rows)


def test_encrypted_pdf_with_empty_user_password_converts(tmp_path):
    _, outcome = _convert(tmp_path, "open.pdf", encrypted(SAMPLE, ""))
    assert isinstance(outcome, Converted)
    assert sum(p.budget_yen or 0 for p in outcome.rows["projects"]) == SAMPLE_BUDGET
    assert _content(outcome.rows) == _content(convert_file(SAMPLE_PDF).rows)


def test_a_damaged_page_is_a_warning_and_the_other_pages_are_read(tmp_path):
    good = text_page("Page one is fine")
    pdf = build_pdf([good, good.replace(b"Page one", b"Page two")])
    # Page 2's stream is declared ASCII85 but holds binary data: pdfminer cannot decode it.
    at = pdf.rindex(b"/Filter /FlateDecode")
    pdf = pdf[:at] + b"/Filter /ASCII85Decode" + pdf[at + len(b"/Filter /FlateDecode"):]
    _, outcome = _convert(tmp_path, "page2.pdf", pdf)
    assert isinstance(outcome, Converted)
    warnings = [(w.kind, w.page) for w in outcome.rows["warnings"]]
    assert ("unreadable_page", 2) in warnings and ("unreadable_page", 1) not in warnings
    assert outcome.rows["documents"][0].page_count == 2


def test_a_pdf_with_no_readable_page_is_an_error(tmp_path):
    pdf = build_pdf([text_page("only page")])
    at = pdf.rindex(b"/Filter /FlateDecode")
    pdf = pdf[:at] + b"/Filter /ASCII85Decode" + pdf[at + len(b"/Filter /FlateDecode"):]
    _, outcome = _convert(tmp_path, "dead.pdf", pdf)
    assert isinstance(outcome, Failed) and outcome.error.kind == "damaged_pdf"
    assert "no page can be read" in outcome.error.message


def test_every_bad_input_in_one_batch_gets_a_line_and_a_row(tmp_path, capsys):
    bad = {"empty.pdf": b"", "half.pdf": SAMPLE[: len(SAMPLE) // 2], "404.pdf": HTML_ERROR_PAGE,
           "locked.pdf": encrypted(SAMPLE, "secret"), "blank.pdf": ZERO_PAGES}
    for name, data in bad.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "good.pdf").write_bytes(SAMPLE)
    out = tmp_path / "out"
    assert main(["convert", str(tmp_path), "--out", str(out)]) == 1
    lines = [l for l in capsys.readouterr().err.splitlines() if l.startswith("error:")]
    assert len(lines) == len(bad)
    for name in bad:
        assert sum(str(tmp_path / name) in l for l in lines) == 1
    errors = pd.read_parquet(out / "errors")
    assert sorted(errors["source_path"]) == sorted(str(tmp_path / n) for n in bad)
    documents = pd.read_parquet(out / "documents")
    assert list(documents["source_path"]) == [str(tmp_path / "good.pdf")]
    assert pd.read_parquet(out / "projects")["budget_yen"].sum() == SAMPLE_BUDGET


def test_content_the_parser_reports_as_damaged_is_a_warning_not_stderr_noise(tmp_path, capfd):
    pdf = build_pdf([text_page(*(f"Line {i} of the page" for i in range(40)))])
    end = pdf.index(b"\nendstream")
    # the zlib checksum at the stream's end is wrong: pdfminer logs "Data-loss …" and reads on
    pdf = pdf[:end - 2] + bytes(b ^ 0xFF for b in pdf[end - 2:end]) + pdf[end:]
    _, outcome = _convert(tmp_path, "crc.pdf", pdf)
    assert isinstance(outcome, Converted)
    (warning,) = [w for w in outcome.rows["warnings"] if w.kind == "damaged_page_content"]
    assert warning.page == 1 and "Data-loss" in warning.text
    assert "Data-loss" not in capfd.readouterr().err


def test_pdf_cut_after_its_trailer_converts_with_a_truncated_warning(tmp_path):
    cut = SAMPLE[: SAMPLE.rindex(b"%%EOF")]  # the download stopped just before the end marker
    _, outcome = _convert(tmp_path, "cut.pdf", cut)
    assert isinstance(outcome, Converted)
    assert [w.kind for w in outcome.rows["warnings"]].count("truncated_pdf") == 1
    assert _content(outcome.rows)["projects"] == _content(convert_file(SAMPLE_PDF).rows)["projects"]
