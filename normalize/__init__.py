"""Stage 2: document tree → typed rows for each output table."""
from .document import SourceInfo, Tables, to_rows

__all__ = ["SourceInfo", "Tables", "to_rows"]
