from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"


@pytest.fixture(autouse=True)
def _run_from_root(monkeypatch):
    """Sample paths in rows are recorded relative to the project root."""
    monkeypatch.chdir(ROOT)


def pytest_report_header(config):
    return f"shared material: {SHARED} ({'present' if SHARED.is_dir() else 'absent'})"
