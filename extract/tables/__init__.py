"""Budget tables on the page model: find, read header and columns, assign rows."""
from .reader import Cell, Column, Table, TableRow, find_tables, holds, holds_row

__all__ = ["Cell", "Column", "Table", "TableRow", "find_tables", "holds", "holds_row"]
