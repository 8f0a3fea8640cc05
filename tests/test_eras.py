"""normalize.eras: 年度 → Gregorian start year."""
import pytest

from rules.eras import parse_fiscal_year


@pytest.mark.parametrize("text, context, year", [
    ("平成29年度", None, 2017),
    ("令和元年度", None, 2019), ("平成31年度", None, 2019),  # the same fiscal year
    ("平成33年度", None, 2021), ("平成37年度", None, 2025),  # ended era, future year
    ("2019年度(平成31年度)", None, 2019),
    ("28年度", 2017, 2016),       # era dropped: the document's own era
    ("30年度", 2020, 2018),       # in a 令和2年度 plan, 30年度 is 平成30
    ("元年度", 2020, 2019),
    ("4年度", 2023, 2022),
])
def test_parse_fiscal_year(text, context, year):
    assert parse_fiscal_year(text, context) == year


def test_era_less_year_without_context_is_unknown():
    assert parse_fiscal_year("28年度") is None


@pytest.mark.parametrize("text, year", [("H28年度", 2016), ("R2年度", 2020), ("R元年度", 2019), ("S63年度", 1988)])
def test_romanized_era_initials(text, year):
    assert parse_fiscal_year(text) == year
