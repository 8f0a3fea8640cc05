"""Convert one file: read → extract → normalize → validated rows. Pure: no output written."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from extract import ExtractError, extract_document
from normalize import SourceInfo, Tables, to_rows
from schemas.tables import ErrorRow

from . import __version__
from .deadline import DocumentTimeout, deadline


@dataclass(frozen=True)
class Converted:
    source: SourceInfo
    rows: Tables


@dataclass(frozen=True)
class Failed:
    error: ErrorRow


def path_key(path: Path) -> str:
    """File stem for a source's error file: stable per path, whatever its bytes."""
    return hashlib.sha256(str(path).encode()).hexdigest()[:16]


def convert_file(path: Path, *, max_pages: int | None = None,
                 timeout: float | None = None) -> Converted | Failed:
    """Convert one file; ``max_pages`` and ``timeout`` (seconds) bound the work."""
    stage, doc_id = "read", None
    try:
        with deadline(timeout):
            data = path.read_bytes()
            sha = hashlib.sha256(data).hexdigest()
            doc_id = sha[:16]
            source = SourceInfo(doc_id=doc_id, path=str(path), sha256=sha,
                                format=path.suffix.lower().lstrip("."), parser_version=__version__)
            stage = "extract"
            tree = extract_document(path, data, max_pages)
            stage = "normalize"
            return Converted(source, to_rows(tree, source))
    except DocumentTimeout:
        return Failed(ErrorRow(str(path), stage, "timeout",
                               f"{path}: stopped after {timeout:g} s during {stage} "
                               "(the --timeout limit)", doc_id))
    except ExtractError as exc:
        return Failed(ErrorRow(str(path), stage, exc.kind, str(exc), doc_id))
    except OSError as exc:
        return Failed(ErrorRow(str(path), stage, "unreadable_file",
                               f"{path}: {exc.strerror or exc}", doc_id))
    except Exception as exc:  # a parser bug must not stop the batch; it is reported
        message = f"{path}: {type(exc).__name__}: {exc}".splitlines()[0]
        return Failed(ErrorRow(str(path), stage, "internal_error", message, doc_id))
