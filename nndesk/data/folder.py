"""The user's own digits: sub-folders 0/ ... 9/ of images, through THE preprocessing."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np

from nndesk.data.preprocess import ImageError, preprocess

__all__ = ["FolderError", "IMAGE_SUFFIXES", "load_folder", "folder_sha256"]

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp", ".gif", ".webp", ".tif", ".tiff")


class FolderError(ValueError):
    """A folder of digits that cannot be used as it is; the message says what to fix."""


def load_folder(path: str | os.PathLike, skip_bad: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """Images under path/<digit>/ as x (N, 1, 28, 28) float32 and labels t (N,) int64.

    A file that is not an image, shows no digit, or is not a regular file (a FIFO would block
    forever), raises FolderError naming it, unless `skip_bad` (then it is left out).
    Sub-folders inside a digit's folder are ignored.
    """
    root = Path(path)
    if not root.is_dir():
        raise FolderError(f"{root}: not a folder")
    subs = sorted(p for p in root.iterdir() if p.is_dir() and p.name in "0123456789"
                  and len(p.name) == 1)
    if not subs:
        raise FolderError(f"{root}: no digit sub-folders; put each digit's images in "
                          f"{root / '0'}, {root / '1'}, ... {root / '9'}")
    xs, ts = [], []
    for sub in subs:
        for file in sorted(sub.iterdir()):
            if (file.name.startswith(".") or file.suffix.lower() not in IMAGE_SUFFIXES
                    or file.is_dir()):
                continue
            if not file.is_file():  # a FIFO or a device: opening it could block forever
                if skip_bad:
                    continue
                raise FolderError(f"{file}: not a regular file (a pipe or a device?)")
            try:
                x = preprocess(file)
            except ImageError as e:
                if skip_bad:
                    continue
                raise FolderError(str(e)) from e
            if x is None:
                if skip_bad:
                    continue
                raise FolderError(f"{file}: no digit found in the image (blank?)")
            xs.append(x)
            ts.append(int(sub.name))
    if not xs:
        raise FolderError(f"{root}: the digit sub-folders hold no images "
                          f"({', '.join(IMAGE_SUFFIXES)})")
    return np.stack(xs), np.array(ts, np.int64)


def folder_sha256(path: str | os.PathLike) -> str:
    """One SHA-256 (hex) over a digit folder's images: each file's path relative to the
    folder and its bytes, in sorted order. What a model records instead of the folder's path."""
    import hashlib

    root = Path(path)
    digest = hashlib.sha256()
    for file in sorted(p for p in root.rglob("*") if p.is_file()
                       and p.suffix.lower() in IMAGE_SUFFIXES):
        digest.update(file.relative_to(root).as_posix().encode("utf-8") + b"\0")
        with open(file, "rb") as fh:
            for chunk in iter(lambda fh=fh: fh.read(1 << 20), b""):
                digest.update(chunk)
    return digest.hexdigest()
