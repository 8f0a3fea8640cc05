"""Where a budget-table row sits (``budget_lines.level``) and the check of a
printed 計 against the rows of the level it totals.

A budget book prints 款, 項, 目 (and 節) rows with their 計 in one table, and a
row's parts under it (管理職手当 under 3 職員手当等): summing every row counts
the same yen two or three times. The level is read from what the page prints:
the header of the column holding the row's name (款 / 項 / 目, 区分 under 節),
whether the name carries its number, and the 計 / 合計 / 小計 words.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from extract.tables import Table, TableRow
from rules.budget_tables import (NESTS_PARTS, NUMBERED_NAME, PARTS_LABEL, RANK_HEADER, RANK_LEVEL, SUBTOTAL_ROW,
                                 TOTAL_ROW)

# From the top: a 計 totals the highest of these present among the rows before it
SUMMED = ("kan", "kou", "moku", "setsu", "item")


def labels(table: Table, row: TableRow) -> list[tuple[int, str]]:
    """(column, text) of the row's name and code cells, left to right."""
    return [(k, c.text) for k, c in sorted(row.cells.items())
            if table.columns[k].role and table.columns[k].role.kind in ("name", "code")]


def _numbered(text: str) -> bool:
    return text.isdigit() or bool(NUMBERED_NAME.match(text))


def numbers_its_rows(table: Table) -> bool:
    """A list numbering its rows in the name cell (1 人件費, 2 扶助費, …): its
    unnumbered rows are parts of the numbered one above. A 款項目 cell numbers
    the account, not the row. Two numbers or more, counting up by one, so a
    事業名 opening with a digit (3歳児健診) does not make a list numbered."""
    numbers = [int(m.group("no")) for row in table.rows for k, text in labels(table, row)
               if table.columns[k].role.kind == "name" and (m := NUMBERED_NAME.match(text))]
    return len(numbers) >= 2 and numbers == list(range(numbers[0], numbers[0] + len(numbers)))


def _texts(table: Table, row: TableRow) -> list[str]:
    """The row's cells that are not amounts, left to right."""
    return [c.text for k, c in sorted(row.cells.items())
            if not (table.columns[k].role and table.columns[k].role.kind == "money")]


def total_label(table: Table, row: TableRow) -> tuple[str, str] | None:
    """("total" | "subtotal", the label) of a 計 / 小計 row. The word may stand in
    a column read for no name (a 事項 or 概要 column) or be cut over two cells
    (物価 | 高騰対策事業合計): a row printing no 番号 is looked at whole too."""
    texts = [t for _, t in labels(table, row)]
    numbered = any(table.columns[k].role and table.columns[k].role.kind == "item_no" for k in row.cells)
    if not numbered:
        others = _texts(table, row)
        texts += ["".join(others), *others]
    for level, word in (("total", TOTAL_ROW), ("subtotal", SUBTOTAL_ROW)):
        if found := next((t for t in texts if word.search(t)), None):
            return level, found
    return None


def group_label(row: TableRow | None) -> str | None:
    """The label printed beside a row naming the group of rows it is in (企業会計),
    not its parts (内訳)."""
    return row.label if row and row.label and not PARTS_LABEL.match(row.label) else None


def row_level(table: Table, row: TableRow, numbered_list: bool, above: TableRow | None = None) -> str | None:
    """One of schemas.tables.BUDGET_LEVELS; ``numbered_list``: numbers_its_rows(table);
    ``above``: the row printed above it in its table. None: the row has no name or
    code cell read (its name stands in a column whose header got no role), so where
    it sits is not known. A 合計 right under the rows of a group label (企業会計 |
    水道事業, 下水道事業) totals that group: a subtotal of the rows before it."""
    if total := total_label(table, row):
        return "subtotal" if total[0] == "total" and group_label(above) and not row.label else total[0]
    if row.label and PARTS_LABEL.match(row.label):
        return "breakdown"
    texts = labels(table, row)
    if not texts:
        return None
    merged = {k for k, _ in texts if table.columns[k].role.kind == "code" and row.cells[k].bbox[1] < row.bbox[1] - 1}
    own_code = any(table.columns[k].role.kind == "code" and k not in merged for k, _ in texts)
    for k, text in texts:
        column = table.columns[k]
        if k in merged and own_code:
            continue  # a 款 cell merged down from the row above: its rank, not this row's (a 項 row)
        # (with no code cell of its own, the row is a part of the merged cell's: 現計 under 補正, a 目's 事項)
        if rank := RANK_HEADER.match(column.header) or (column.group and RANK_HEADER.match(column.group)):
            part = rank.group("rank") in NESTS_PARTS and not _numbered(text)
            return "breakdown" if part else RANK_LEVEL[rank.group("rank")]
    if numbered_list and not any(_numbered(t) for k, t in texts if table.columns[k].role.kind == "name"):
        return "breakdown"
    return "item"


def row_name(table: Table, row: TableRow) -> str:
    """The label a warning quotes: the 計 word, else the name or code cell."""
    if total := total_label(table, row):
        return total[1]
    return next((t for _, t in labels(table, row)), "".join(_texts(table, row)))


# The rank printed under each rank: a 款 row totals its 項 rows, …
RANK_BELOW = dict(zip(SUMMED[:3], SUMMED[1:4]))


def parts_of(level: str | None, after: list[str | None]) -> list[int]:
    """Positions (in ``after``, the levels of the rows after a row of ``level``)
    of the rows of the rank below it, when a row of its rank or above, or a
    計 / 小計, closes them; [] when none, when the table ends first (they may run
    on over the page) or when a row of unknown level stands among them."""
    if level not in RANK_BELOW:
        return []
    closing = (*SUMMED[:SUMMED.index(level) + 1], "total", "subtotal")
    parts = []
    for k, later in enumerate(after):
        if later in closing:
            return parts
        if later is None:
            return []
        if later == RANK_BELOW[level]:
            parts.append(k)
    return []


@dataclass
class Run:
    """The rows of one table (and its continuations) since its last 計: the sum
    of each money column per level, since the last 計 and since the last 小計."""

    page: int
    since_total: dict[str, dict[str, int]] = field(default_factory=dict)
    since_subtotal: dict[str, dict[str, int]] = field(default_factory=dict)
    # per level, the columns with a cell not read (unreadable_budget_cell) since the last 計 / 小計
    lost_since_total: dict[str | None, set[str]] = field(default_factory=dict)
    lost_since_subtotal: dict[str | None, set[str]] = field(default_factory=dict)
    group: str | None = None  # the group label (企業会計) of the last row added

    def enter(self, group: str | None) -> None:
        """A row under a group label other than the last row's opens that group:
        its 合計 (a subtotal) totals the group's rows only."""
        if group is not None and group != self.group:
            self.since_subtotal, self.lost_since_subtotal = {}, {}
        self.group = group

    def add(self, level: str | None, column: str, yen: int) -> None:
        """A row's amount; a row of unknown level (None) is kept as such, so
        that a 計 after it is not compared with a sum that may miss it."""
        if level in SUMMED or level is None:
            for sums in (self.since_total, self.since_subtotal):
                by_column = sums.setdefault(level, {})
                by_column[column] = by_column.get(column, 0) + yen

    def lose(self, level: str | None, columns: set[str]) -> None:
        """A row's money cells not read: its level still counts as present."""
        if columns and (level in SUMMED or level is None):
            for sums, lost in ((self.since_total, self.lost_since_total),
                               (self.since_subtotal, self.lost_since_subtotal)):
                sums.setdefault(level, {})
                lost.setdefault(level, set()).update(columns)

    def close(self, level: str) -> tuple[str | None, dict[str, int], bool, set[str]]:
        """At a 計 (or 小計): the level it totals, its rows' sums per column,
        whether a row of unknown level came before it and the columns with a
        cell not read in a row of the level it totals; the run starts again after it."""
        sums = self.since_total if level == "total" else self.since_subtotal
        lost = self.lost_since_total if level == "total" else self.lost_since_subtotal
        summed = next((l for l in SUMMED if l in sums), None)
        out = sums.get(summed, {}) if summed else {}
        unknown = None in sums
        self.since_subtotal, self.lost_since_subtotal = {}, {}
        if level == "total":
            self.since_total, self.lost_since_total = {}, {}
        return summed, out, unknown, lost.get(summed, set())
