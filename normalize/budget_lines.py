"""Budget tables → ``budget_lines`` rows (one per money cell), with the checks
that catch a misread: 増減 = new − old, 財源内訳 adds up to the amount it
funds, a printed 計 / 合計 / 小計 row equals the sum of the rows of the level it
totals (normalize.budget_levels)."""
from __future__ import annotations

from dataclasses import dataclass, replace

from extract.tables import Column, Table, TableRow
from rules.budget_tables import (DEPARTMENT_IN_NAME, NO_AMOUNT, NUMBERED_NAME, OWN_YEAR_BASES, SUB_ROW_BASIS,
                                 code_levels, header_year, kan_kou, marked_funding, unit_of)
from rules.eras import FISCAL_YEAR, parse_fiscal_year, sole_fiscal_year
from rules.numbers import parse_yen
from schemas.tables import BudgetLineRow, WarningRow

from .budget_levels import RANK_BELOW, Run, group_label, numbers_its_rows, parts_of, row_level, row_name


@dataclass(frozen=True)
class _Named:
    """What a row is, from its own cells: the right-hand half of a spread prints
    none of it and takes the left-hand row's beside it (facing_halves)."""
    level: str | None
    item_no: str | None = None
    code: str | None = None
    department: str | None = None
    name: str | None = None


@dataclass(frozen=True)
class _Money:
    column_no: int
    column: Column
    raw: str
    yen: int | None  # None: a dash (no amount)
    source: str | None = None  # the funding source a marked part names (債) → 地方債)
    basis: str | None = None  # the basis the row's 補正/現計 label says, over the column's

    @property
    def key(self) -> str:
        """The column a total sums it in: a 補正 and a 現計 under one header are summed apart."""
        return f"{self.column.header} {self.basis}" if self.basis else self.column.header


def _amount(text: str, unit: str | None) -> int | None | str:
    """Yen of a money cell; None for a dash; "" when unreadable. A 千円 printed
    above the first amount (a unit row) is the unit, not part of the number."""
    text = text.replace(" ", "")
    if NO_AMOUNT.match(text):
        return None
    for word in ("千円", "円"):
        if text.startswith(word) and len(text) > len(word):
            unit, text = word, text[len(word):]
    if unit is None:
        return ""
    yen = parse_yen(text + unit)
    return "" if yen is None else yen


class _Reader:
    def __init__(self, doc_id: str, year: int | None):
        self.doc_id, self.year = doc_id, year
        self.lines: list[BudgetLineRow] = []
        self.warnings: list[WarningRow] = []
        # per (header, 款/項 heading): the rows since its last 計. Keyed, not only the
        # last table, as a book alternates a 項's 目 pages with their 節 pages.
        self.runs: dict[tuple, Run] = {}
        self.path: list[str] = []  # the numbers of the 款 (and 項) rows above
        self.path_header: str | None = None  # the header of the tables the path was read in
        self.named: dict[int, list[_Named]] = {}  # per table_no, what its rows are
        self.spread_pages: set[int] = set()  # both pages of a table printed over a spread

    def warn(self, kind: str, text: str, page: int) -> None:
        self.warnings.append(WarningRow(self.doc_id, kind, text, page))

    def table(self, no: int, table: Table, facing: list[_Named] | None = None) -> None:
        """``facing``: for the right-hand half of a spread, the left-hand row
        beside each of its rows (facing_halves)."""
        where = f"page {table.page}, table under header {table.header!r}"
        if table.problem:
            self.warn("unreadable_table", f"{where}: {table.problem}", table.page)
            return
        if table.header != self.path_header:  # 款 rows of another table are not above these rows
            self.path, self.path_header = [], table.header
        year = parse_fiscal_year(table.title or "", self.year) or self.year
        unit = table.unit
        numbered = numbers_its_rows(table)
        if facing:
            self.spread_pages |= {table.page - 1, table.page}
        rows, unread, named = [], {}, []
        for row_no, row in enumerate(table.rows, 1):
            unread[row_no] = set()
            above = table.rows[row_no - 2] if row_no > 1 else None
            level = facing[row_no - 1].level if facing else row_level(table, row, numbered, above)
            named.append(self.names(table, row, level, facing[row_no - 1] if facing else None))
            rows.append((row_no, row, named[-1].level, self.money(table, row, unit, where, unread[row_no])))
            for cell in row.aside:
                self.warn("unreadable_budget_cell", f"{where}, row {row_no}, column {table.columns[cell.column].header}: "
                          f"{cell.text!r} (an amount in a label cell, not read as the row's)", table.page)
        self.named[no] = named
        years = _column_years(table, year, self.year)
        target = self.funded_column(table.columns, years)
        for (row_no, row, _, money), row_named in zip(rows, named):
            self.emit(no, table, row_no, row, row_named, money, years, target)
            self.check_row(table, row_no, row, money, years, target, where)
        if unplaced := [row_no for row_no, _, level, money in rows if level is None and money]:
            self.warn("budget_level_unknown", f"{where}: rows {', '.join(map(str, unplaced))} have no name or "
                      "code cell read (the column holding it got no role): level left null", table.page)
        self.check_totals(table, rows, unread, where)
        self.check_parts(table, rows, unread, where)

    def money(self, table: Table, row: TableRow, unit: str | None, where: str, unread: set[str]) -> list[_Money]:
        """The row's amounts; the headers of its money cells not read go to ``unread``."""
        out = []
        basis = _sub_row_basis(table, row)
        for k, cell in row.cells.items():
            column = table.columns[k]
            if not (column.role and column.role.kind == "money"):
                continue
            if cell.doubt:  # its column is not sure: no amount rather than another column's
                printed = " / ".join(cell.raw.splitlines())  # as printed: its numbers apart
                self.warn("unreadable_budget_cell", f"{where}, column {column.header}: "
                                                    f"{printed!r} ({cell.doubt})", table.page)
                unread.add(column.header)
                continue
            if column.role.basis == "funding" and (
                    parts := marked_funding(cell.text, column.role.funding_source)):
                for source, text in parts:
                    yen = _amount(text, unit)
                    if yen != "":
                        out.append(_Money(k + 1, column, text, yen, source, basis))
                if all(_amount(t, unit) != "" for _, t in parts):
                    continue
            yen = _amount(cell.text, unit)
            if yen == "":
                why = "no unit (千円/円) found" if unit is None and unit_of(cell.text) is None else "not one amount"
                self.warn("unreadable_budget_cell", f"{where}, column {column.header}: "
                                                    f"{cell.text!r} ({why})", table.page)
                unread.add(column.header)
                continue
            out.append(_Money(k + 1, column, cell.raw, yen, basis=basis))
        return out

    @staticmethod
    def code_column(table: Table) -> int:
        return next(k for k, c in enumerate(table.columns) if c.role and c.role.kind == "code")

    @staticmethod
    def funded_column(columns: tuple[Column, ...], years: dict[int, int | None]) -> int | None:
        """The column a 財源内訳 funds: the 補正額 if there is one, else the latest year's
        amount, else the one amount beside it (左の財源内訳 of a 支出予定額)."""
        for basis in ("supplementary",):
            for k, c in enumerate(columns):
                if c.role and c.role.basis == basis:
                    return k
        initial = [k for k, c in enumerate(columns) if c.role and c.role.basis == "initial"]
        if initial:
            return max(initial, key=lambda k: years[k] or 0)
        funded = [k for k, c in enumerate(columns) if c.role and c.role.kind == "money"
                  and c.role.basis not in ("funding", "change")]
        has_funding = any(c.role and c.role.basis == "funding" for c in columns)
        return funded[0] if has_funding and len(funded) == 1 else None

    def names(self, table: Table, row: TableRow, level: str | None, beside: _Named | None = None) -> _Named:
        """The row's 番号, code (款・項・目 in full: 4.2.1), department and name, as its cells print
        them; what they do not print, the left-hand row ``beside`` it prints (a spread)."""
        text = {table.columns[k].role.kind: c.text for k, c in row.cells.items()
                if table.columns[k].role and table.columns[k].role.kind != "money"}
        code, name = text.get("code"), text.get("name")
        if name is None and code:  # a 款 column holding number and name, or a label (歳入合計)
            m = NUMBERED_NAME.match(code)
            code, name = (m.group("no"), m.group("name")) if m else (None, code)
        if code and table.columns[self.code_column(table)].header == "目" and (
                heading := kan_kou(table.title)):
            code = ".".join((*heading, code))
        code = self.nested(table, row, code)
        if code and (levels := code_levels(code)):  # 2)清掃費(1)清掃総務費 under 4衛生費: 4.2.1
            full = [n or (self.path[i] if i < len(self.path) else None) for i, n in enumerate(levels)]
            if all(full):  # else an upper level is nowhere printed: the cell stays as printed
                self.path, code = full, ".".join(full)
        department = text.get("department")
        if department is None and name and (m := DEPARTMENT_IN_NAME.search(name)):
            name, department = name[:m.start()], m.group("department")
        own = _Named(level, text.get("item_no", row.number), code, department, name)
        if beside is None:
            return own
        return _Named(level, own.item_no or beside.item_no, own.code or beside.code,
                      own.department or beside.department, own.name or beside.name)

    def emit(self, no, table, row_no, row, named: _Named, money, years, target) -> None:
        raw = " | ".join([*filter(None, (row.label, row.number)),
                          *(c.raw.replace("\n", " ") for c in row.cells.values())])
        for m in money:
            if m.yen is None:
                continue
            role = m.column.role
            year = years[target] if role.basis == "funding" and target is not None else years[m.column_no - 1]
            self.lines.append(BudgetLineRow(
                doc_id=self.doc_id, table_no=no, row_no=row_no, level=named.level, column_no=m.column_no,
                page=table.page, column=m.column.header, basis=m.basis or role.basis, amount_yen=m.yen,
                amount_raw=m.raw, table_title=table.title, item_no=named.item_no,
                code=named.code, department=named.department, name=named.name, fiscal_year=year,
                funding_source=m.source or role.funding_source, bbox=[round(v, 2) for v in row.bbox],
                raw_text=raw, period=_period(table, row, m.column_no - 1)))

    def nested(self, table: Table, row: TableRow, code: str | None) -> str | None:
        """款 | 項 in columns of their own: a 項 row's number follows the 款 row's above it (1.2)."""
        levels = [k for k, c in enumerate(table.columns) if c.role and c.role.kind == "code"]
        if code is None or len(levels) < 2:
            return code
        level = max(i for i, k in enumerate(levels) if k in row.cells)  # a merged 款 cell runs on
        self.path = [*self.path[:level], code]
        return ".".join(self.path)

    def check_row(self, table, row_no, row, money, years, target, where) -> None:
        amounts = {m.column_no - 1: m.yen or 0 for m in money}
        label = f"{where}, row {row_no}"
        changes = [k for k in amounts if table.columns[k].role.basis == "change"]
        dated = sorted((years[k], k) for k in amounts
                       if table.columns[k].role.basis == "initial" and years[k] is not None)
        if changes and len(dated) == 2 and dated[0][0] != dated[1][0]:
            (_, old), (_, new) = dated
            if amounts[new] - amounts[old] != amounts[changes[0]]:
                self.warn("budget_row_mismatch", f"{label}: {table.columns[new].header} − "
                          f"{table.columns[old].header} = {amounts[new] - amounts[old]:,} yen ≠ "
                          f"{table.columns[changes[0]].header} {amounts[changes[0]]:,}", table.page)
        funding = [m.yen or 0 for m in money if m.column.role.basis == "funding"]
        if funding and target is not None and target in amounts:
            summed = sum(funding)  # a cell of two marked sources counts both
            if summed != amounts[target]:
                self.warn("budget_row_mismatch", f"{label}: 財源内訳 adds up to {summed:,} yen ≠ "
                          f"{table.columns[target].header} {amounts[target]:,}", table.page)

    def check_totals(self, table, rows, unread, where) -> None:
        """A printed 計/合計 row against the sum of the rows of the level it totals
        since the last 計 of its table (a 小計 since the last 小計): rows of a table
        carried on over pages (same header and 款/項 heading) count too, as a 項
        runs on over pages, between its 節 pages, before its 計."""
        heading = kan_kou(table.title)
        key = (table.header, heading)
        run = self.runs.get(key)
        # a 款/項 may skip pages; a table over spreads skips the facing page of each
        if run is None or (heading is None and any(p not in self.spread_pages
                                                   for p in range(run.page + 1, table.page))):
            run = self.runs[key] = Run(table.page)
        run.page = table.page
        for row_no, row, level, money in rows:
            if level not in ("total", "subtotal"):
                run.enter(group_label(row))
                for m in money:
                    run.add(level, m.key, m.yen or 0)
                run.lose(level, unread[row_no])
                continue
            if not money and not unread[row_no]:  # its label over an empty sub-row (歳入合計's 補正)
                continue
            summed, sums, unknown, lost = run.close(level)
            name = row_name(table, row)
            if summed is None or unknown:  # its rows were not read, or not all placed
                why = "a row of unknown level before it" if unknown else "no row of its table read before it"
                self.warn("budget_total_unchecked", f"{where}, row {row_no} ({name}): {why}", table.page)
                continue
            for m in money:
                if m.yen is None:
                    continue
                if m.column.header in lost:
                    self.warn("budget_total_unchecked", f"{where}, row {row_no} ({name}): {m.column.header} "
                              "has a cell not read before it", table.page)
                elif sums.get(m.key, 0) != m.yen:
                    self.warn("budget_total_mismatch", f"{where}, row {row_no} ({name}): "
                              f"{m.key} printed {m.yen:,} yen ≠ sum of the {summed} rows "
                              f"{sums.get(m.key, 0):,}", table.page)

    def check_parts(self, table, rows, unread, where) -> None:
        """A 款 row against the 項 rows printed under it in its table (a 項 against
        its 目, a 目 against its 節), when a row of its rank or above, or a 計,
        closes them: at the table's end its parts may run on over the page. A
        column with a part's cell not read is not compared."""
        for i, (row_no, row, level, money) in enumerate(rows):
            parts = parts_of(level, [l for _, _, l, _ in rows[i + 1:]])
            if not parts:
                continue
            sums: dict[str, int] = {}
            lost: set[str] = set()
            for part_no, _, _, part_money in (rows[i + 1 + j] for j in parts):
                lost |= unread[part_no]
                for m in part_money:
                    sums[m.key] = sums.get(m.key, 0) + (m.yen or 0)
            for m in money:
                header = m.key
                if m.yen is not None and header in sums and m.column.header not in lost and sums[header] != m.yen:
                    self.warn("budget_total_mismatch", f"{where}, row {row_no} ({row_name(table, row)}): "
                              f"{header} printed {m.yen:,} yen ≠ sum of its {RANK_BELOW[level]} rows "
                              f"{sums[header]:,}", table.page)


_LABELS = ("item_no", "code", "name")  # the roles naming a row


def _sub_row_basis(table: Table, row: TableRow) -> str | None:
    """The basis a row's 補正 / 現計 label gives its amounts (補正予算整理表), else None."""
    return next((SUB_ROW_BASIS[c.text] for k, c in row.cells.items()
                 if table.columns[k].role and table.columns[k].role.kind == "sub_row" and c.text in SUB_ROW_BASIS), None)


def _names_rows(table: Table) -> bool:
    return any(c.role and c.role.kind in _LABELS for c in table.columns)


def facing_halves(tables: tuple[Table, ...]) -> dict[int, tuple[int, list[int]]]:
    """The right-hand halves of tables printed over a spread (the 期間 | 金額 |
    財源内訳 page of a 債務負担行為調書 after its 番号 | 事項 | 限度額 page): a table
    naming none of its rows (no 番号, name or code column) on the page after a
    table that does, each of its rows at the height of a row of that table. Per
    right half (index), the left half's index and the left row beside each row."""
    out = {}
    for i in range(1, len(tables)):
        left, right = tables[i - 1], tables[i]
        if left.page != right.page - 1 or _names_rows(right) or not _names_rows(left) or right.problem:
            continue
        beside = [next((k for k, r in enumerate(left.rows) if r.bbox[1] <= (row.bbox[1] + row.bbox[3]) / 2
                        <= r.bbox[3]), None) for row in right.rows]
        if None not in beside:
            out[i] = (i - 1, beside)
    return out


def _column_year(column: Column, year: int | None) -> int | None:
    """The year a column's header names, else the year its group names
    (6年度以降の支出予定額 over 期間 | 金額)."""
    found = header_year(column.header, year)
    if found is None and column.group and column.role and column.role.kind == "money":
        return header_year(column.group, year)
    return found


def _column_years(table: Table, year: int | None, document_year: int | None) -> dict[int, int | None]:
    """The year of each column. A table none of whose columns names a year prints the
    budget of one year (第1表's 金額, a list's 事業費, a 補正予算's 補正前 | 補正額 | 補正後):
    its columns of OWN_YEAR_BASES hold the year its title names, if it names one alone,
    else, if it names none, the document's (R6事業費 | R7事業費 | 計: the 計 is of no one year;
    a table printing a 期間 is of a period: 債務負担行為)."""
    years = {k: _column_year(c, year) for k, c in enumerate(table.columns)}
    if any(years.values()) or any(c.role and c.role.kind == "period" for c in table.columns):
        return years
    title = table.title or ""
    own = sole_fiscal_year(title) if FISCAL_YEAR.search(title) else document_year
    return {k: own if c.role and c.role.basis in OWN_YEAR_BASES else None for k, c in enumerate(table.columns)}


def _period(table: Table, row: TableRow, k: int) -> str | None:
    """The 期間 cell printed for the amount in column ``k``: the one under the
    same header group (5年度末までの支出(見込)額 | 期間 | 金額; 期間 | 限度額 under none)."""
    group = table.columns[k].group
    return next((row.cells[j].text for j, c in enumerate(table.columns)
                 if c.role and c.role.kind == "period" and c.group == group and j in row.cells), None)


def budget_lines(tables: tuple[Table, ...], doc_id: str, year: int | None
                 ) -> tuple[list[BudgetLineRow], list[WarningRow]]:
    """The ``budget_lines`` rows of a document's tables and the warnings their checks raise."""
    reader = _Reader(doc_id, year)
    halves = facing_halves(tables)
    for i, table in enumerate(tables):
        right = next((r for r, (left, _) in halves.items() if left == i), None)
        if table.unit is None and right is not None:  # (単位 千円) printed over the right-hand page only
            table = replace(table, unit=tables[right].unit)
        left, beside = halves.get(i, (None, []))
        named = reader.named.get(left + 1) if left is not None else None
        reader.table(i + 1, table, named and [named[k] for k in beside])
    return reader.lines, reader.warnings
