"""tests/nn/floors.txt (what CI installs for its run on the lowest versions) pins exactly the
floors pyproject.toml declares: a floor cannot be raised or lowered without the other."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _release(version: str) -> tuple[int, ...]:
    parts = [int(p) for p in version.split(".")]
    return tuple(parts + [0] * (3 - len(parts)))


def test_floors_file_pins_every_declared_floor():
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    block = text.split("dependencies = [", 1)[1].split("]", 1)[0]
    declared = {}
    for name, floor in re.findall(r'"([A-Za-z0-9_.-]+)>=([0-9.]+)', block):
        declared.setdefault(name.lower(), _release(floor))
    pinned = {}
    for line in (ROOT / "tests/nn/floors.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, version = line.split("==")
            pinned[name.lower()] = _release(version)
    assert declared == pinned
    assert declared["numpy"] == (1, 24, 0)
