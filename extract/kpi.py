"""Generic rules for targets in documents of an unknown family.

A document that is not a 運営方針 概要版 (a 総合戦略, a 経営戦略) still
states targets in two common shapes::

    高校の入学者数４０人（2014年度）→年４０人（2019 年度）        an arrow line

    重要業績評価指標    現状値        目標値                      a KPI table
    （ＫＰＩ）        （2014年度）   （2019年度）
    中学校訪問実施校数  年１１１校     年１１１校
    バイオガスプラント事業関
                      －            ５年間で１人                 (value row centred
    連就業者数                                                   on a wrapped metric)

A table row is read from where its lines sit: metric lines start at the
table's left edge, value lines further right; a wrapped metric is joined
around the value line it is centred on. A row that does not come out as one
metric and exactly two value cells is returned as unreadable, never guessed.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import regex

from .lines import Line, Span

# 高校の入学者数40人(2014年度)→年40人(2019年度)   (tidy text)
ARROW_KPI = regex.compile(
    r"^(?P<metric>\D+?)(?P<baseline>\d\S*?)\((?P<baseline_year>\d{4}年度)\)"
    r"→(?P<target>\S+?)\((?P<target_year>\d{4}年度)\)$"
)
# 重要業績評価指標 現状値 目標値  (tidy text holds both column names)
KPI_HEADER = regex.compile(r"現状値.*目標値")
_YEAR = regex.compile(r"\d{4}年度|(?:平成|令和)(?:\d{1,2}|元)年度")
# Lines that close a table: headings and list marks of the text around it
TABLE_END = regex.compile(r"^[<＜◎○●◇◆■□［\[【・]")
# A value cell of a one-line row holds a number or is a dash (年１１１校, －); a
# unit split off by spacing (年 １２０ 校) is not a cell, so that row is not guessed.
_VALUE_CELL = regex.compile(r".*\d.*|[-－ー―]")


@dataclass
class KpiRow:
    metric: str
    baseline: str | None  # the 現状値 cell as printed (normalized); None for a dash
    target: str
    baseline_year: str | None  # 2014年度
    target_year: str | None
    text: str  # the row, cells labelled with their column headers
    lines: list[Line] = field(default_factory=list)

    @property
    def span(self) -> Span:
        return Span(self.text, tuple(self.lines))


@dataclass
class KpiResult:
    rows: list[KpiRow] = field(default_factory=list)
    unreadable: list[Span] = field(default_factory=list)


def _labelled(metric: str, baseline: str | None, target: str,
              baseline_year: str | None, target_year: str | None) -> str:
    base = baseline if baseline is not None else "-"
    return (f"{metric} 現状値({baseline_year or '?'}):{base} "
            f"目標値({target_year or '?'}):{target}")


def _cell(raw_token: str) -> str | None:
    text = Line(raw=raw_token, page=None).text
    return None if text in ("-", "ー", "―") else text


def arrow_row(line: Line) -> KpiRow | None:
    m = ARROW_KPI.match(line.text)
    if not m:
        return None
    return KpiRow(m.group("metric"), m.group("baseline"), m.group("target"),
                  m.group("baseline_year"), m.group("target_year"), line.text, [line])


@dataclass
class _Row:
    """A table row being assembled: metric text, value cells, its lines."""

    metric: list[str] = field(default_factory=list)
    cells: list[list[str]] = field(default_factory=list)  # one list per value line
    lines: list[Line] = field(default_factory=list)
    metric_tops: list[float] = field(default_factory=list)
    value_top: float | None = None
    after_values: int = 0  # metric lines below the value line


class _Table:
    """The rows of one KPI table, fed line by line."""

    def __init__(self, header: Line):
        self.header = header
        self.years: list[str] = _YEAR.findall(header.text)
        self.left: float | None = None  # x of the metric column
        self.em = header.size or 10.5
        self.rows: list[_Row] = []
        self.row = _Row()

    def _close_row(self) -> None:
        if self.row.lines:
            self.rows.append(self.row)
        self.row = _Row()

    def _middle(self) -> float:
        """A line reaching past the header's middle runs into the value columns."""
        return (self.header.bbox[0] + self.header.bbox[2]) / 2

    def _centred_below(self, line: Line) -> bool:
        """A metric line under the value line continues the row when the value
        sits halfway between the row's first metric line and this one."""
        row = self.row
        if row.after_values:
            return False
        above = row.value_top - row.metric_tops[0] if row.metric_tops else self.em
        return 0 <= line.bbox[1] - row.value_top <= above + 2.0

    def feed(self, line: Line) -> bool:
        """Take one line; False when the line is not part of the table."""
        if line.bbox is None or line.page != self.header.page:
            return False
        if not self.rows and not self.row.lines and len(self.years) < 2 and _YEAR.search(line.text):
            self.years += _YEAR.findall(line.text)  # （ＫＰＩ） （2014年度） （2019年度）
            return True
        # the metric column is left of the header's text, the values right of it
        left = self.left if self.left is not None else self.header.bbox[0] - 3 * self.em
        if TABLE_END.match(line.text) or line.bbox[0] < left - self.em:
            return False
        row, tokens = self.row, line.raw.split()
        if line.bbox[0] > max(left, self.header.bbox[0]) + 3 * self.em:  # a value line
            if row.cells:
                self._close_row()
                row = self.row
            row.cells.append(tokens)
            row.value_top = line.bbox[1]
        elif len(tokens) >= 3 and all(map(_VALUE_CELL.fullmatch, tokens[-2:])) \
                and line.bbox[2] > self._middle():  # metric and both values
            self.left = line.bbox[0] if self.left is None else self.left
            self._close_row()
            row = self.row
            row.metric, row.cells, row.value_top = [" ".join(tokens[:-2])], [tokens[-2:]], line.bbox[1]
        else:  # (part of) a metric
            self.left = line.bbox[0] if self.left is None else self.left
            if row.cells and not self._centred_below(line):
                self._close_row()
                row = self.row
            row.metric.append(line.raw)
            row.metric_tops.append(line.bbox[1])
            row.after_values += bool(row.cells)
        row.lines.append(line)
        return True

    def close(self, result: KpiResult) -> None:
        """Readable rows become KpiRows; crowded or malformed ones are unreadable
        (value lines closer than two lines belong to one multi-line cell)."""
        self._close_row()
        by, ty = (self.years + [None, None])[:2]
        tops = [r.value_top for r in self.rows if r.value_top is not None]
        for row in self.rows:
            crowded = row.value_top is not None and sum(
                abs(t - row.value_top) < 2.2 * self.em for t in tops) > 1
            metric = Line(raw="".join(row.metric), page=None).text
            ok = not crowded and metric and len(row.cells) == 1 and len(row.cells[0]) == 2
            baseline, target = (_cell(c) for c in row.cells[0]) if ok else (None, None)
            if ok and target is not None:
                result.rows.append(KpiRow(metric, baseline, target, by, ty,
                                          _labelled(metric, baseline, target, by, ty), row.lines))
            else:
                result.unreadable.append(Span(" ".join(l.text for l in row.lines), tuple(row.lines)))


def find_kpis(lines: list[Line]) -> KpiResult:
    """KPI rows of a document whose family is unknown, from arrow lines and KPI tables."""
    result = KpiResult()
    table: _Table | None = None
    for line in lines:
        if table is not None and table.feed(line):
            continue
        if table is not None:
            table.close(result)
            table = None
        if KPI_HEADER.search(line.text):
            table = _Table(line)
        elif row := arrow_row(line):
            result.rows.append(row)
    if table is not None:
        table.close(result)
    return result
