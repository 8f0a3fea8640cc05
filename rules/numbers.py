"""Numbers and yen amounts as printed in Japanese plans.

Input is tidy text (NFKC already made １１，６８６ into 11,686). Wraps may
leave a space after a thousands separator (``7, 486``, ``1, 140``).
"""
from __future__ import annotations

from decimal import Decimal, InvalidOperation

import regex

# 11,686 / 7, 486 / 81.1 / 2700 — grouping must be exact (1,14 is not a number)
NUMBER = r"(?:\d{1,3}(?:,\s?\d{3})+|\d+)(?:\.\d+)?"
_NUMBER_FULL = regex.compile(rf"^{NUMBER}$")
_SEPARATORS = regex.compile(r"[,\s]")  # compiled once: every amount of every table is parsed
# a space a wrap left beside a separator or a unit: 7, 486 / 1 億円
_WRAP_SPACE = regex.compile(r"(?<=[,億万千])\s+|\s+(?=[億万千百円])")

# △ / ▲ mark a negative amount in Japanese budget tables (△1,234 = -1234)
NEGATIVE_MARK = regex.compile(r"^[△▲]\s*")

YEN_UNITS = {"円": 1, "千円": 10**3, "万円": 10**4, "百万円": 10**6, "千万円": 10**7, "億円": 10**8}
# 11,686千円 / 1.5百万円
_SIMPLE_YEN = regex.compile(rf"^(?P<number>{NUMBER})(?P<unit>千万円|百万円|千円|万円|億円|円)$")
# 12億442万9千円 / 299万4千円 / 3億円
_COMPOSITE_YEN = regex.compile(
    rf"^(?:(?P<oku>{NUMBER})億)?(?:(?P<man>{NUMBER})万)?(?:(?P<sen>{NUMBER})千)?(?P<en>{NUMBER})?円$"
)


def parse_number(text: str) -> Decimal | None:
    """``11,686`` → 11686, ``81.1`` → 81.1; None unless the whole text is one number."""
    text = text.strip()
    if not _NUMBER_FULL.match(text):
        return None
    try:
        return Decimal(_SEPARATORS.sub("", text))
    except InvalidOperation:
        return None


def parse_yen(text: str) -> int | None:
    """A printed amount in yen, or None when it is not exactly one readable amount.

    ``11,686千円`` → 11686000, ``12億442万9千円`` → 1204429000, ``△500千円`` → -500000.
    """
    text = text.strip()
    sign = 1
    if m := NEGATIVE_MARK.match(text):
        sign, text = -1, text[m.end():]
    text = _WRAP_SPACE.sub("", text)
    if m := _SIMPLE_YEN.match(text):
        amount = parse_number(m.group("number")) * YEN_UNITS[m.group("unit")]
    elif (m := _COMPOSITE_YEN.match(text)) and any(m.group(g) for g in ("oku", "man", "sen", "en")):
        amount = sum(
            parse_number(m.group(g)) * mult
            for g, mult in (("oku", 10**8), ("man", 10**4), ("sen", 10**3), ("en", 1))
            if m.group(g)
        )
    else:
        return None
    if amount != amount.to_integral_value():
        return None  # a fraction of a yen: misread, not an amount
    return sign * int(amount)
