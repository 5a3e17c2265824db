"""Where nndesk finds its shipped files and keeps the user's: one place that knows the paths."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

__all__ = ["resources_dir", "presets_dir", "models_dir", "default_model_path", "user_data_dir",
           "runs_dir", "user_cache_dir"]

_PKG = Path(__file__).resolve().parent


def _shipped(installed: str, source: str) -> Path:
    """A wheel carries shipped folders inside the package; a source checkout has them on top."""
    inside = _PKG / installed
    return inside if inside.is_dir() else _PKG.parent / source


def resources_dir() -> Path:
    """Folder with presets, icons and translations."""
    return _shipped("_resources", "resources")


def presets_dir() -> Path:
    """Folder of preset network specs (*.json)."""
    return resources_dir() / "presets"


def models_dir() -> Path:
    """Folder of the models we ship."""
    return _shipped("_models", "models")


def default_model_path() -> Path:
    """The shipped model that the window and `nndesk predict` load by default."""
    return models_dir() / "default.npz"


def user_data_dir() -> Path:
    """The user's own nndesk folder (data sets, runs); `NNDESK_HOME` overrides it (tests)."""
    home = os.environ.get("NNDESK_HOME")
    return Path(home) if home else Path(platformdirs.user_data_dir("nndesk", appauthor=False))


def runs_dir() -> Path:
    """Where training runs and their checkpoints go unless told otherwise."""
    return user_data_dir() / "runs"


def user_cache_dir() -> Path:
    """Files nndesk can always make again (training-set features of a model): `NNDESK_HOME`/cache
    when set (tests), else the platform's cache folder (~/.cache/nndesk on Linux)."""
    home = os.environ.get("NNDESK_HOME")
    return (Path(home) / "cache" if home
            else Path(platformdirs.user_cache_dir("nndesk", appauthor=False)))
