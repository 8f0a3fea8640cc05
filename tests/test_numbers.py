"""rules.numbers: numbers and yen amounts, each pattern with a real example."""
from decimal import Decimal

import pytest

from rules.numbers import parse_number, parse_yen


@pytest.mark.parametrize("text, expected", [
    ("11,686", Decimal(11686)), ("7, 486", Decimal(7486)),  # seed: wrap after the separator
    ("81.1", Decimal("81.1")), ("2700", Decimal(2700)), ("104,500,000", Decimal(104500000)),
])
def test_parse_number(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize("text", ["1,14", "1,1400", "7 486", "", "約5", "1.2.3"])
def test_parse_number_rejects_what_is_not_one_number(text):
    assert parse_number(text) is None


@pytest.mark.parametrize("text, yen", [
    ("11,686千円", 11_686_000),             # seed 【予算額 11,686千円】
    ("1, 140 千円", 1_140_000),             # seed 【予算額 1, 140 千円】
    ("104,500,000千円", 104_500_000_000),   # 富士市 予算書 (full-width in print)
    ("25百万円", 25_000_000),               # （7年度予算額 N百万円）
    ("1.5百万円", 1_500_000),
    ("300万円", 3_000_000),
    ("12億442万9千円", 1_204_429_000),      # mixed units
    ("299万4千円", 2_994_000),
    ("3億円", 300_000_000),
    ("△500千円", -500_000), ("△ 1,200千円", -1_200_000),  # △ negative
    ("980円", 980),
])
def test_parse_yen(text, yen):
    assert parse_yen(text) == yen


@pytest.mark.parametrize("text", ["千円", "1.5千円円", "0.5円", "11,68千円", "約100千円", "100"])
def test_parse_yen_refuses_to_guess(text):
    assert parse_yen(text) is None
