"""schemas: the record types are the single source of the Arrow schemas and validation."""
from dataclasses import fields

import pyarrow as pa
import pytest

from schemas import ValidationError, arrow_schema, to_arrow
from schemas.tables import TABLES, ProjectRow, TargetRow


def test_every_column_has_a_type_and_a_description():
    for table, record in TABLES.items():
        schema = arrow_schema(table)
        assert schema.names == [f.name for f in fields(record)]
        for field in schema:
            assert field.metadata[b"description"].decode().strip(), (table, field.name)


def _project(**changes):
    base = dict(doc_id="d", issue_no=1, measure_no=1, project_no=1, title="t", budget_status="amount",
                budget_yen=1000)
    return ProjectRow(**{**base, **changes})


def test_valid_rows_convert_with_exact_types():
    table = to_arrow("projects", [_project()])
    assert table.schema.field("budget_yen").type == pa.int64()
    assert table.column("budget_yen").to_pylist() == [1000]


@pytest.mark.parametrize("row, message", [
    (_project(budget_status="unknown"), "budget_status"),
    (_project(title=None), "null in a required column"),
])
def test_invalid_rows_are_rejected(row, message):
    with pytest.raises(ValidationError, match=message):
        to_arrow("projects", [row])


def test_duplicate_keys_are_rejected():
    with pytest.raises(ValidationError, match="duplicate key"):
        to_arrow("projects", [_project(), _project()])


def test_comparator_must_be_known():
    row = TargetRow(doc_id="d", issue_no=1, measure_no=1, project_no=1, target_no=1, text="x",
                    cumulative=False, is_new=False, comparator="≧", indicator_kind="target")
    with pytest.raises(ValidationError, match="comparator"):
        to_arrow("targets", [row])


def _strategy_target(no: int) -> TargetRow:
    return TargetRow(doc_id="d", issue_no=1, measure_no=1, project_no=None, target_no=no, text="x",
                     cumulative=False, is_new=False, indicator_kind="outcome")


def test_a_null_in_a_key_column_is_a_value_of_its_own():
    # a 戦略's own indicators: project_no null, still one row per key
    assert to_arrow("targets", [_strategy_target(1), _strategy_target(2)]).num_rows == 2
    with pytest.raises(ValidationError, match="duplicate key"):
        to_arrow("targets", [_strategy_target(1), _strategy_target(1)])


def test_indicator_kind_must_be_known():
    with pytest.raises(ValidationError, match="indicator_kind"):
        to_arrow("targets", [TargetRow(doc_id="d", issue_no=1, measure_no=1, project_no=1, target_no=1,
                                       text="x", cumulative=False, is_new=False, indicator_kind="kpi")])
