"""Japanese fiscal years (年度) → Gregorian start year.

Eras may be dropped (28年度 in a 平成29年度 plan), written both ways
(2019年度（平成31年度）), or continued past their end (平成33年度 = 2021).
"""
from __future__ import annotations

import regex

ERA_START = {"明治": 1868, "大正": 1912, "昭和": 1926, "平成": 1989, "令和": 2019}
# H28年度, R2年度: the romanized initials tables use
ERA_INITIALS = {"M": "明治", "T": "大正", "S": "昭和", "H": "平成", "R": "令和"}
ERA = r"(?:明治|大正|昭和|平成|令和|[MTSHR](?=\s*(?:\d|元)))"

# 平成29年度 / 令和元年度 / H28年度 / 2019年度 / 28年度 (era omitted)
FISCAL_YEAR = regex.compile(
    rf"(?:(?P<western>\d{{4}})\s*年度|(?P<era>{ERA})?\s*(?P<n>\d{{1,2}}|元)\s*年度)"
)


def _era_year(era: str, n: str) -> int:
    return ERA_START[ERA_INITIALS.get(era, era)] + (1 if n == "元" else int(n)) - 1


def parse_fiscal_year(text: str, context_year: int | None = None) -> int | None:
    """The first 年度 in ``text`` as a Gregorian year.

    An era-less year is read in the era that puts it closest to
    ``context_year`` (the document's own year); None without a context.
    """
    m = FISCAL_YEAR.search(text)
    if not m:
        return None
    if m.group("western"):
        return int(m.group("western"))
    if m.group("era"):
        return _era_year(m.group("era"), m.group("n"))
    if context_year is None:
        return None
    candidates = [_era_year(era, m.group("n")) for era in ERA_START]
    return min(candidates, key=lambda year: abs(year - context_year))
