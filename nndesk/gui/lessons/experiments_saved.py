"""The ch. 6 experiments page's memory: the experiment chosen last and the epochs and images
set per experiment, kept in QSettings for the next time the page (or nndesk) opens."""

from __future__ import annotations

import json

from PySide6.QtCore import QSettings

from nndesk.experiments import EXPERIMENTS
from nndesk.fileio import loads_json

__all__ = ["read_saved", "write_saved"]

_SAVED = "lessons/experiments"  # QSettings: {"choice": name, "sizes": {name: [epochs, images]}}


def write_saved(saved: dict) -> None:
    """Keep {"choice": name, "sizes": {name: (epochs, images)}}."""
    QSettings("nndesk", "nndesk").setValue(_SAVED, json.dumps(
        {"choice": saved["choice"],
         "sizes": {k: list(v) for k, v in saved["sizes"].items()}}))


def read_saved() -> dict:
    """The experiment chosen last and the epochs and images set per experiment (checked:
    a value of the wrong shape or out of the boxes' range is dropped)."""
    from nndesk.gui.settings_check import read_setting

    text = read_setting(QSettings("nndesk", "nndesk"), _SAVED, str, "{}",
                        lambda v: len(v) < 10_000)
    try:
        saved = loads_json(text)
    except ValueError:
        saved = {}
    saved = saved if isinstance(saved, dict) else {}
    sizes = saved.get("sizes") if isinstance(saved.get("sizes"), dict) else {}
    return {"choice": saved.get("choice") if saved.get("choice") in EXPERIMENTS else None,
            "sizes": {name: (v[0], v[1]) for name, v in sizes.items()
                      if name in EXPERIMENTS and isinstance(v, list) and len(v) == 2
                      and all(type(n) is int for n in v)
                      and 1 <= v[0] <= 500 and 50 <= v[1] <= 55_000}}
