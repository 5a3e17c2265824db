"""Design files for the window: a network spec plus training settings, as JSON in and out."""

from __future__ import annotations

import json
import os
from pathlib import Path

from nndesk.fileio import atomic_write_text

__all__ = ["save_design", "load_design", "DesignFileError"]

MAX_DESIGN_BYTES = 1_000_000


class DesignFileError(ValueError):
    """A design file that cannot be read; the message says what is wrong."""


def save_design(path: str | os.PathLike, spec: dict, config: dict | None = None) -> None:
    """A design as JSON: the network spec, plus the training settings under "training"."""
    data = dict(spec)
    if config is not None:
        data["training"] = dict(config)
    atomic_write_text(path, json.dumps(data, indent=2) + "\n")


def load_design(path: str | os.PathLike) -> tuple[dict, dict | None]:
    """(spec, training settings or None) from a design JSON; DesignFileError says why not."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_DESIGN_BYTES:
            raise DesignFileError(f"{path.name} is too large to be a design file")
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as err:
        raise DesignFileError(f"cannot read {path}: {err}") from err
    except json.JSONDecodeError as err:
        raise DesignFileError(f"{path.name} is not valid JSON ({err})") from err
    if not isinstance(data, dict) or not isinstance(data.get("layers"), list):
        raise DesignFileError(f"{path.name} has no \"layers\" list: it is not a network design")
    config = data.pop("training", None)
    return data, config if isinstance(config, dict) else None
