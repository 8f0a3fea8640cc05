from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SHARED = Path(os.environ.get("HOSHIN_SHARED", ROOT.parent / "shared"))  # CI: beside the checkout


@pytest.fixture(autouse=True)
def _run_from_root(monkeypatch):
    """Sample paths in rows are recorded relative to the project root."""
    monkeypatch.chdir(ROOT)


def pytest_report_header(config):
    return f"shared material: {SHARED} ({'present' if SHARED.is_dir() else 'absent'})"
