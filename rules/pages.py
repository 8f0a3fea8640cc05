"""Page furniture: the printed page number, in the forms producers print it.

Patterns run on canonical text (spaces kept): －/−/ー are "-", （）are ( ).
A bare or bracketed number is page furniture only where the caller knows the
line sits alone in the page's top or bottom band, outside the text block; the
dashed form is unambiguous anywhere (a text file's page break).
"""
from __future__ import annotations

from .rule import rule

# - 3 - / －3－ (the form that needs no position to be read)
DASHED_PAGE_NUMBER = rule(r"^-\s*(?P<no>\d{1,4})\s*-$",
                          examples=(("- 3 -", {"no": "3"}), ("－3－", {"no": "3"}), ("− 12 −", {"no": "12"})),
                          refuses=("- 区民の数", "-3", "3 -"), form="spaced")
# 3 / p.3 / P. 3 / （3） / 3 / 38 / 3ページ / - 3 -
PAGE_NUMBER = rule(
    r"^(?:-\s*(?P<no>\d{1,4})\s*-|[pP]\.?\s*(?P<no>\d{1,4})|\(\s*(?P<no>\d{1,4})\s*\)"
    r"|(?P<no>\d{1,4})(?:\s*/\s*\d{1,4}|\s*ページ)?)$",
    examples=(("- 3 -", {"no": "3"}), ("－3－", {"no": "3"}), ("3", {"no": "3"}), ("p.3", {"no": "3"}),
              ("P. 3", {"no": "3"}), ("（3）", {"no": "3"}), ("3 / 38", {"no": "3"}),
              ("3ページ", {"no": "3"}), ("１２", {"no": "12"})),
    refuses=("（28年度：74団体・個人）", "30％", "2,700人", "1)", "(1) 地域防災", "3.5", "28年度"),
    form="spaced",
)
