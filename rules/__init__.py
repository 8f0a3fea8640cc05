"""The plan's grammar, written once: text canon, eras, numbers and units.

The bottom floor of the package graph: extract and normalize both import
from here, and nothing here imports from them. A pattern, label, unit or era
rule lives in one module of this package, with its real examples beside it.
"""
