"""Stage 3: table definitions (single source of truth), validation, Parquet."""
from .tables import TABLES, arrow_schema, columns
from .validate import ValidationError, to_arrow

__all__ = ["TABLES", "ValidationError", "arrow_schema", "columns", "to_arrow"]
