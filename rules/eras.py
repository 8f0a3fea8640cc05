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


def era_dated(m: regex.Match) -> bool:
    """A FISCAL_YEAR match that says its era or is written in full (not 28年度)."""
    return bool(m.group("era") or m.group("western"))


def sole_fiscal_year(text: str) -> int | None:
    """The fiscal year a title names when it names exactly one, with its era or
    in full; None for none, several (a comparison, a period) or an era-less one
    (4年度末 of a 地方債 table is a point in time).

    >>> sole_fiscal_year("R4年度当初予算に計上した主な新規事業"), sole_fiscal_year("令和8年度 6月補正予算の概要 令和8年5月27日")
    (2022, 2026)
    >>> sole_fiscal_year("令和4年度決算及び令和6年度予算の比較"), sole_fiscal_year("令和6年度～令和8年度 実施計画事業")
    (None, None)
    >>> sole_fiscal_year("地方債の4年度末における現在高"), sole_fiscal_year("第1表 歳入歳出予算")
    (None, None)
    """
    found = list(FISCAL_YEAR.finditer(text))
    if len(found) != 1 or not era_dated(found[0]):
        return None
    return parse_fiscal_year(found[0].group())
