"""Text exports in the encodings Japanese tools write: detected, decoded, and never mojibake."""
from pathlib import Path

import pytest

from extract.encoding import decode
from extract.source import ExtractError
from pipeline.convert import Converted, Failed, convert_file
from tests.conftest import SAMPLES

SEED = (SAMPLES / "minato_h29_gaiyo.txt").read_text(encoding="utf-8")
# Every non-empty line of the seed: short lines (目次, 計画) are where codecs are confused.
SEED_LINES = sorted({line.strip() for line in SEED.splitlines() if line.strip()})
ENCODINGS = ["utf-8", "utf-8-sig", "cp932", "shift_jis", "euc_jp", "utf-16"]
WHERE = Path("export.txt")


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_the_seed_decodes_identically_in_every_encoding(encoding):
    assert decode(SEED.encode(encoding), WHERE) == SEED


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_each_seed_line_alone_decodes_identically(encoding):
    wrong = [line for line in SEED_LINES if decode(line.encode(encoding), WHERE) != line]
    assert wrong == []


@pytest.mark.parametrize("text", ["目次", "予算額", "住民", "区民主体", "千円", "協働", "参加"])
def test_euc_jp_kanji_that_are_also_valid_cp932_are_not_read_as_halfwidth_kana(text):
    # 目次 in EUC-JP is CC DC BC A1, which CP932 reads without error as ﾌﾜｼ｡
    assert text.encode("euc_jp").decode("cp932") != text
    assert decode(text.encode("euc_jp"), WHERE) == text


@pytest.mark.parametrize("encoding", ["utf-8-sig", "cp932", "euc_jp"])
def test_a_text_export_converts_to_the_same_rows_in_any_encoding(tmp_path, encoding):
    path = tmp_path / f"seed-{encoding}.txt"
    path.write_bytes(SEED.encode(encoding))
    outcome, reference = convert_file(path), convert_file(SAMPLES / "minato_h29_gaiyo.txt")
    assert isinstance(outcome, Converted)
    for table in ("issues", "measures", "projects", "targets", "statements"):
        assert [r.title if hasattr(r, "title") else r.text for r in outcome.rows[table]] == \
               [r.title if hasattr(r, "title") else r.text for r in reference.rows[table]], table


@pytest.mark.parametrize("data, reason", [
    (SEED.encode("utf-8")[:600] + b"\xff" + SEED.encode("utf-8")[600:], "damaged UTF-8"),
    (SEED.encode("utf-8") + "追記".encode("cp932"), "damaged UTF-8"),  # two exports concatenated
    ("café déjà vu".encode("latin-1"), "not UTF-8, Shift_JIS/CP932 or EUC-JP"),
    (bytes(range(256)) * 4, "not UTF-8, Shift_JIS/CP932 or EUC-JP"),
    ("区民\x00主体".encode("utf-8"), "U+0000"),  # binary data in a text file
    ("経営課題\x1b[0m".encode("cp932"), "U+001B"),
    ("外字\ue000".encode("utf-8"), "U+E000"),  # private-use character: a gaiji nobody can read
])
def test_undecodable_text_is_an_error_not_mojibake(data, reason):
    with pytest.raises(ExtractError) as caught:
        decode(data, WHERE)
    assert caught.value.kind == "undecodable_text"
    assert str(caught.value).startswith(f"{WHERE}: ") and reason in str(caught.value)


def test_a_pdf_saved_as_txt_is_an_error(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_bytes((SAMPLES / "minato_h29_gaiyo.pdf").read_bytes())
    outcome = convert_file(path)
    assert isinstance(outcome, Failed) and outcome.error.kind == "undecodable_text"
