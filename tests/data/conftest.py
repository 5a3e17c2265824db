"""Fixtures for the data tests: the real pen digits, when present."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from nndesk.data.pendigits import FILE_NAME, load_pendigits

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def pendigits():
    """All 7,494 pen digits; skip (with the reason) only where the file is absent."""
    env = os.environ.get("NNDESK_PENDIGITS")
    path = Path(env) if env else ROOT.parent / "shared" / "data" / "pendigits" / FILE_NAME
    if not path.is_file():
        pytest.skip(f"pendigits file not found at {path} (set NNDESK_PENDIGITS)")
    return load_pendigits(path)
