"""Preset network specs: JSON files in resources/presets, read here and nowhere else."""

from __future__ import annotations

import json

from nndesk.paths import presets_dir

__all__ = ["list_presets", "load_preset"]


def list_presets() -> list[str]:
    """Names of the shipped presets, in a stable order."""
    return sorted(p.stem for p in presets_dir().glob("*.json"))


def load_preset(name: str) -> dict:
    """The spec of preset `name`; KeyError lists the names that exist."""
    path = presets_dir() / f"{name}.json"
    if not path.is_file():
        raise KeyError(f"no preset named {name!r}; presets: {', '.join(list_presets())}")
    return json.loads(path.read_text(encoding="utf-8"))
