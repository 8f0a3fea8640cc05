"""The cover page: fiscal year label, title, publication date, issuing office."""
from __future__ import annotations

import regex

from rules.cover import FIGURE, FISCAL_YEAR_LABEL, ORGANIZATION, PUBLISHED
from rules.eras import FISCAL_YEAR, era_dated

from .lines import Line
from .tables import Table
from .tree import Cover

# A cover title is a few short lines (港区運営方針 / 概要版); a longer or
# sentence-like line on the cover is body text the segmenter could not place.
TITLE_MAX_CHARS = 40
TITLE_MAX_LINES = 3


def read_cover(lines: list[Line]) -> Cover:
    cover = Cover(lines=list(lines))
    title_parts: list[str] = []
    for line in lines:
        text = regex.sub(r"\s", "", line.text)  # 平成 29 年度: spaced digits
        if cover.fiscal_year_label is None and (m := FISCAL_YEAR_LABEL.fullmatch(text)):
            cover.fiscal_year_label = m.group()
        elif cover.published is None and PUBLISHED.fullmatch(text):
            cover.published = text
        elif cover.organization is None and ORGANIZATION.fullmatch(text):
            cover.organization = text
        else:
            # The year may also open the title line: 平成29年度 港区運営方針; one opening a row of
            # figures (平成25年度 3,450円 平成25年度 4,075円: a table on the first page) is no cover's
            if cover.fiscal_year_label is None and (m := FISCAL_YEAR_LABEL.match(text)) and not (
                    FIGURE.match(text, m.end())):
                cover.fiscal_year_label = m.group()
                text = text[m.end() :]
            if not text:
                continue
            if (len(title_parts) < TITLE_MAX_LINES and len(text) <= TITLE_MAX_CHARS
                    and not text.endswith("。")):
                title_parts.append(text)
            else:
                cover.unplaced.append(line)
    cover.title = " ".join(title_parts) or None
    return cover


def titled_by_first_table(cover: Cover, tables: list[Table]) -> Cover:
    """A list or briefing with no cover (Nankoku's Ｒ４年度当初予算に計上した主な継続事業, Nobeoka's
    令和８年度 ６月補正予算の概要) prints its title over the table on its first page, where the
    table reader takes it: with no cover title, that is the document's title, and a 年度
    opening it the document's year."""
    first = next((t for t in tables if t.page == 1 and t.title), None)
    if cover.title is not None or first is None:
        return cover
    cover.title = first.title
    m = FISCAL_YEAR.match(regex.sub(r"\s", "", first.title))
    if cover.fiscal_year_label is None and m and era_dated(m):  # not an era-less 6年度
        cover.fiscal_year_label = m.group()
    return cover
