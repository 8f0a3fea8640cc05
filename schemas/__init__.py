"""Stage 3: table definitions (single source of truth), validation, Parquet."""
from .parquet import WriteError, check_writable
from .tables import TABLES, arrow_schema, columns
from .validate import ValidationError, to_arrow

__all__ = ["TABLES", "ValidationError", "WriteError", "arrow_schema", "check_writable", "columns",
           "to_arrow"]
