"""The data dictionary is generated from schemas/tables.py and the committed copy is current."""
from pathlib import Path

from pipeline.cli import main
from schemas.dictionary import arrow_type_name, data_dictionary
from schemas.tables import BBOX, columns

import pyarrow as pa

DOC = Path(__file__).resolve().parent.parent / "docs" / "data-dictionary.md"


def test_committed_dictionary_is_up_to_date():
    # Fails when a column changes in tables.py and `make docs` was not run.
    assert DOC.read_text(encoding="utf-8") == data_dictionary()


def test_every_column_is_documented_once_with_its_type():
    text = data_dictionary()
    for f in columns("projects"):
        assert text.count(f"| `{f.name}` |") >= 1
    assert "| `budget_yen` | int64 | yes | Budget in yen" in text
    assert "| `budget_status` | string | no |" in text and "one of `amount`, `none`, `missing`" in text


def test_type_names():
    assert arrow_type_name(BBOX) == "float64[4]"
    assert arrow_type_name(pa.bool_()) == "boolean"


def test_schema_command_prints_the_dictionary(capsys):
    assert main(["schema"]) == 0
    assert capsys.readouterr().out == data_dictionary()
