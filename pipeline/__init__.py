"""Orchestration: the CLI and the batch runner. No parsing logic lives here."""
from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("hoshin")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0+unknown"
