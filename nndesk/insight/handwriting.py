"""The user's own handwriting: digits saved from the canvas, and how well a model reads them.

The folder is the one `nndesk eval --folder` and `load_folder` read: `0/ ... 9/` of images.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import numpy as np

__all__ = ["my_digits_dir", "save_digit", "handwriting_accuracy"]


def my_digits_dir() -> Path:
    """Where the canvas saves the user's digits: `NNDESK_MY_DIGITS`, else <user data>/my_digits."""
    env = os.environ.get("NNDESK_MY_DIGITS")
    if env:
        return Path(env)
    from nndesk.paths import user_data_dir

    return user_data_dir() / "my_digits"


def save_digit(bitmap: np.ndarray, label: int, folder: str | os.PathLike | None = None) -> Path:
    """Write the canvas bitmap (uint8 (H, W), white ink on black, as `render_strokes` gives)
    as folder/<label>/<time>.png, atomically. Raises ValueError for a label outside 0-9 or an
    empty bitmap, OSError when the folder cannot be written."""
    if not (isinstance(label, (int, np.integer)) and 0 <= int(label) <= 9):
        raise ValueError(f"the label must be a digit 0-9, not {label!r}")
    bitmap = np.asarray(bitmap)
    if bitmap.ndim != 2 or bitmap.max() == 0:
        raise ValueError("nothing drawn: the bitmap is empty")
    from PIL import Image

    from nndesk.fileio import atomic_write

    folder = Path(folder) if folder is not None else my_digits_dir()
    stamp = time.strftime("%Y%m%d-%H%M%S") + f"-{time.time_ns() % 1_000_000_000:09d}"
    path = folder / str(int(label)) / f"{stamp}.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    image = Image.fromarray(np.ascontiguousarray(bitmap.astype(np.uint8)), mode="L")
    atomic_write(path, lambda f: image.save(f, format="PNG"))
    return path


def handwriting_accuracy(network: Any, folder: str | os.PathLike | None = None
                         ) -> dict[str, Any]:
    """{"n": digits saved, "accuracy": share the network reads right (None when n == 0)}
    for the images under folder/0 ... 9 (unreadable ones are skipped)."""
    from nndesk.data.folder import FolderError, load_folder

    folder = Path(folder) if folder is not None else my_digits_dir()
    try:
        x, t = load_folder(folder, skip_bad=True)
    except FolderError:
        return {"n": 0, "accuracy": None}
    pred = network.predict(x).argmax(1)
    return {"n": int(len(t)), "accuracy": float((pred == t).mean())}
