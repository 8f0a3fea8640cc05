"""Every example written beside the budget-table vocabulary in rules/budget_tables.py."""
import pytest

from rules.budget_tables import (
    NUMBERED_NAME, NUMBERED_NAME_EXAMPLES,
    DEPARTMENT_IN_NAME, DEPARTMENT_IN_NAME_EXAMPLES,
    FUNDING_MARK_EXAMPLES, marked_funding,
    CARRIED_TITLE_EXAMPLES, carried_title, CODE_LEVELS_EXAMPLES, code_levels,
    KAN_KOU_EXAMPLES, TITLE_AMOUNT, TITLE_AMOUNT_EXAMPLES, kan_kou,
    EXAMPLES, TOTAL_EXAMPLES, TOTAL_ROW, UNIT_EXAMPLES, YEAR_EXAMPLES, Role, header_role, header_year,
    unit_of,
)


@pytest.mark.parametrize("header, role", EXAMPLES)
def test_header_role(header, role):
    assert header_role(header) == role


@pytest.mark.parametrize("source", ["国", "県", "地方債", "その他", "一般財源", "国県支出金"])
def test_funding_columns_only_under_a_funding_group(source):
    assert header_role(source, "財源内訳(千円)") == Role("money", "funding", source)
    assert header_role(source, None) is None


@pytest.mark.parametrize("text, unit", UNIT_EXAMPLES)
def test_unit(text, unit):
    assert unit_of(text) == unit


@pytest.mark.parametrize("header, context, year", YEAR_EXAMPLES)
def test_header_year(header, context, year):
    assert header_year(header, context) == year


@pytest.mark.parametrize("text, is_total", TOTAL_EXAMPLES)
def test_total_row(text, is_total):
    assert bool(TOTAL_ROW.search(text)) == is_total


@pytest.mark.parametrize("title, numbers", KAN_KOU_EXAMPLES)
def test_kan_kou_headings(title, numbers):
    assert kan_kou(title) == numbers


@pytest.mark.parametrize("line, title", TITLE_AMOUNT_EXAMPLES)
def test_title_without_heading_total(line, title):
    assert TITLE_AMOUNT.sub("", line) == title


@pytest.mark.parametrize("cell, parts", FUNDING_MARK_EXAMPLES)
def test_marked_funding(cell, parts):
    assert marked_funding(cell) == parts


@pytest.mark.parametrize("name, department", DEPARTMENT_IN_NAME_EXAMPLES)
def test_department_in_name(name, department):
    m = DEPARTMENT_IN_NAME.search(name)
    assert (m and m.group("department")) == department


@pytest.mark.parametrize("cell, parts", NUMBERED_NAME_EXAMPLES)
def test_numbered_name(cell, parts):
    m = NUMBERED_NAME.match(cell)
    assert (m and (m.group("no"), m.group("name"))) == parts


@pytest.mark.parametrize("own, before, title", CARRIED_TITLE_EXAMPLES)
def test_a_title_printed_on_the_first_page_only_is_carried(own, before, title):
    assert carried_title(own, before) == title


@pytest.mark.parametrize("cell, levels", CODE_LEVELS_EXAMPLES)
def test_marked_code_levels(cell, levels):
    assert code_levels(cell) == levels
