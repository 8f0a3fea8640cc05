"""normalize.budget: 【予算額】 brackets from the seed and from other wards/years."""
import pytest

from rules.text import normalize_text
from extract.budgets import from_bracket
from normalize.budget import parse_budget


@pytest.mark.parametrize("printed, status, yen", [
    ("【予算額 11,686千円】", "amount", 11_686_000),
    ("【予算額：16,780千円】", "amount", 16_780_000),
    ("【予算額 7, 486千円】", "amount", 7_486_000),
    ("【予算額 1, 140 千円】", "amount", 1_140_000),
    ("【予算額： ー千円】", "none", None),     # ー is a dash here
    ("【予算額： 一 千円】", "none", None),    # 一 is a dash here, never the number one
    ("【予算額：－千円】", "none", None), ("【予算額 −】", "none", None), ("【予算額】", "none", None),
    ("【予算額 １１，６８６千円】", "amount", 11_686_000),  # full-width throughout
    ("【算定見込額 500千円】", "amount", 500_000),           # 素案 (draft) wording
    ("【予算額 △1,000千円】", "amount", -1_000_000),
    ("【予算額 12億442万9千円】", "amount", 1_204_429_000),
    ("【予算額（一般会計） 2,000千円】", "amount", 2_000_000),
])
def test_parse_budget(printed, status, yen):
    budget = parse_budget(from_bracket(normalize_text(printed), ()))
    assert (budget.status, budget.yen) == (status, yen)
    assert budget.problem is None


@pytest.mark.parametrize("printed", ["【予算額 11,68千円】", "【予算額 未定】", "【予算額 約5千円】"])
def test_unreadable_amount_is_missing_with_a_reason(printed):
    budget = parse_budget(from_bracket(normalize_text(printed), ()))
    assert (budget.status, budget.yen) == ("missing", None)
    assert "unreadable" in budget.problem


def test_no_bracket_is_missing():
    budget = parse_budget(None)
    assert (budget.status, budget.yen) == ("missing", None)
    assert budget.problem
