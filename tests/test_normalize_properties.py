"""Property tests: numbers printed with any mix of full-/half-width digits, separators,
spaces and units are read back exactly, and no input makes a normalizer raise."""
from decimal import Decimal

from hypothesis import given, settings, strategies as st

from rules.text import normalize_text
from extract.budgets import from_bracket
from normalize.budget import parse_budget
from rules.numbers import YEN_UNITS, parse_number, parse_yen
from normalize.quantity import parse_quantity
from normalize.target import parse_target

# No per-example deadline: the suite shares the machine with other work, and a slow
# example is not a wrong one (speed is measured by make bench).
settings.register_profile("normalizers", deadline=None)
settings.load_profile("normalizers")

FULL_WIDTH = {str(d): chr(0xFF10 + d) for d in range(10)}
SPACES = st.sampled_from(["", " ", "\u3000"])


@st.composite
def digits(draw, text: str) -> str:
    """``text``'s digits each drawn half- or full-width."""
    return "".join(FULL_WIDTH[c] if c.isdigit() and draw(st.booleans()) else c for c in text)


@st.composite
def printed_number(draw, max_value=10**12, places=2) -> tuple[Decimal, str]:
    """A number and one way a plan prints it: 11,686 / １１，６８６ / 7, 486 (a wrap) / 81.1."""
    integer = draw(st.integers(0, max_value))
    fraction = draw(st.text("0123456789", min_size=0, max_size=places))
    grouped = draw(st.booleans())
    text = f"{integer:,}" if grouped else str(integer)
    if grouped:
        comma = draw(st.sampled_from([",", "，"]))
        parts = text.split(",")
        text = parts[0] + "".join(comma + draw(st.sampled_from(["", " ", "\u3000"])) + p
                                  for p in parts[1:])
    if fraction:
        text += draw(st.sampled_from([".", "．"])) + fraction
    value = Decimal(f"{integer}.{fraction}" if fraction else integer)
    return value, draw(digits(text))


@given(printed_number())
def test_numbers_round_trip(case):
    value, printed = case
    assert parse_number(normalize_text(printed)) == value


@given(printed_number(places=0), st.sampled_from(sorted(YEN_UNITS)), SPACES,
       st.sampled_from(["", "△", "▲"]), SPACES)
def test_yen_amounts_round_trip(case, unit, gap, negative, after_mark):
    value, printed = case
    sign = -1 if negative else 1
    text = normalize_text(f"{negative}{after_mark if negative else ''}{printed}{gap}{unit}")
    assert parse_yen(text) == sign * int(value) * YEN_UNITS[unit]


@given(printed_number(places=0), st.sampled_from(["予算額", "算定見込額"]),
       st.sampled_from([" ", "：", ":", " ： ", "\u3000"]), st.sampled_from(["千円", "円", "百万円"]))
def test_budget_brackets_round_trip(case, label, separator, unit):
    value, printed = case
    budget = parse_budget(from_bracket(normalize_text(f"【{label}{separator}{printed}{unit}】"), ()))
    assert (budget.status, budget.yen) == ("amount", int(value) * YEN_UNITS[unit])


@given(printed_number(max_value=10**6, places=1),
       st.sampled_from(["人", "%", "％", "団体・個人", "回", "件", "か所"]),
       st.sampled_from(["", "以上", "以下", "以内", "未満", "超"]), SPACES)
def test_quantities_round_trip(case, unit, comparator, gap):
    value, printed = case
    quantity = parse_quantity(normalize_text(f"{printed}{gap}{unit}{comparator}"))
    assert quantity is not None and quantity.value == float(value)
    assert quantity.unit == normalize_text(unit)


# Everything the normalizers treat specially, plus anything at all.
_PRINTED = st.text(st.one_of(
    st.sampled_from(list("0123456789０１２３４５６７８９,，.．、 \u3000円千万百億△▲ー一－-【】:：()（）"
                         "予算額年度以上以下未満超延べ全約人%回")),
    st.characters()), max_size=40)


@settings(max_examples=300, deadline=None)
@given(_PRINTED)
def test_normalizers_never_raise(text):
    tidy = normalize_text(text)
    parse_number(tidy)
    parse_yen(tidy)
    parse_quantity(tidy)
    parse_budget(from_bracket(tidy, ()))
    parse_target(tidy, 2017)
