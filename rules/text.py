"""Character-level text canon shared by every later step.

Two forms of a line's text exist:

* ``canonical``: NFKC plus an explicit dash/tilde table, whitespace collapsed.
  Spaces are kept, because a space is evidence (``目 標 画した…`` has a label
  before the gap, ``1 豊かな…`` is a heading number, not ``1豊``).
* ``tidy``: ``canonical`` without the layout spaces next to Japanese
  characters (均等割付 ``市 民 税`` → ``市民税``, ``28 年度`` → ``28年度``).
  This is the text the tables show.

General normalizers (neologdn, jaconv) are deliberately not used: they delete
～ and turn － into ー, which changes numbers and ranges.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex

# Dash and tilde variants that NFKC leaves alone (NFKC already maps － → - and
# ～ → ~). ー (長音) and 一 (kanji one) are not in the table: whether they are a
# dash depends on position, see ``_STANDALONE_CHOON`` and normalize.budget.
DASH_TILDE = str.maketrans(
    {
        "\u2212": "-",  # − MINUS SIGN
        "\u2012": "-",  # ‒ FIGURE DASH
        "\u2013": "-",  # – EN DASH
        "\u2010": "-",  # ‐ HYPHEN
        "\u2011": "-",  # ‑ NON-BREAKING HYPHEN
        "\ufe63": "-",  # ﹣ SMALL HYPHEN-MINUS
        "\u301c": "~",  # 〜 WAVE DASH (JIS mapping of ～)
        "\u223c": "~",  # ∼ TILDE OPERATOR (seen from CID fonts)
    }
)

# ー after a kana (or another ー) is the prolonged sound mark of a word
# (センター); anywhere else it is a dash, e.g. 【予算額： ー千円】 ...
_STANDALONE_CHOON = regex.compile(r"(?<![\p{Hiragana}\p{Katakana}ー])ー")
# ... but for a katakana word set 均等割付: after a katakana and a gap, and not before a
# number or another dash (コ ー ル セ ン タ ー 業 務, Fuji's budget book p.602; ア ー 1 and
# 1,000 ー ー 1,000 are dashes, なし ー too: hiragana words are not set so)
_SPACED_CHOON = regex.compile(r"(?<=\p{Katakana}\s+)ー(?!\s*[\dー-])")

_WHITESPACE = regex.compile(r"[\s\u3000]+")

# Japanese is written without spaces, so a space touching a Japanese character
# (ideograph, kana, Japanese punctuation, or the brackets and colon NFKC made
# from （）：) is layout: 均等割付, a gap before a number (``28 年度``), a wrap.
# Spaces between two Latin/digit tokens stay (``ISO 9001``, ``7, 486``).
_WIDE = r"[\p{Han}\p{Hiragana}\p{Katakana}ー々〆ヶ\u3000-\u303f\uff00-\uffef():]"
_LAYOUT_SPACE = regex.compile(rf"(?<={_WIDE}) | (?={_WIDE})")


# Every line, cell and header passes through here, most of them more than once and a
# budget book's numbers and headers on every page: each distinct text is made once.
TEXT_CACHE = 1 << 16


@lru_cache(maxsize=TEXT_CACHE)
def canonical(raw: str) -> str:
    """NFKC + dash/tilde table + standalone ー as dash, whitespace collapsed.

    >>> canonical("【予算額： ー千円】"), canonical("予算額 ー 千円"), canonical("デ ー タ")
    ('【予算額: -千円】', '予算額 - 千円', 'デ ー タ')
    """
    text = unicodedata.normalize("NFKC", raw).translate(DASH_TILDE)
    if "ー" in text:  # the regex scan only where it can match: every line and cell comes here
        text = _STANDALONE_CHOON.sub(lambda m: "ー" if _SPACED_CHOON.match(m.string, m.start()) else "-",
                                     text)
    return _WHITESPACE.sub(" ", text).strip()


def tidy(text: str) -> str:
    """Drop the layout spaces next to Japanese characters of canonical text."""
    return _LAYOUT_SPACE.sub("", text) if " " in text else text


@lru_cache(maxsize=TEXT_CACHE)
def normalize_text(raw: str) -> str:
    """The text a table shows for a raw string: ``tidy(canonical(raw))``."""
    return tidy(canonical(raw))
