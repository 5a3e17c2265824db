"""The two-process step's shared memory (nn/process_parallel.py): one file's mapping cut
into named NumPy arrays, and the claim word the caller and the worker take part 1 with."""

from __future__ import annotations

import fcntl
import math
import mmap

import numpy as np

__all__ = ["layout", "views", "claim"]


def layout(entries: list[tuple[str, tuple, np.dtype]]) -> tuple[dict, int]:
    """[(name, shape, dtype)] -> ({name: (offset, shape, dtype str)}, bytes), 64-byte aligned."""
    out, offset = {}, 0
    for name, shape, dtype in entries:
        dtype = np.dtype(dtype)
        out[name] = (offset, tuple(shape), dtype.str)
        offset += -(-max(1, math.prod(shape) * dtype.itemsize) // 64) * 64
    return out, offset


def views(buf: mmap.mmap, layout: dict) -> dict[str, np.ndarray]:
    return {name: np.ndarray(shape, np.dtype(dt), buf, offset)
            for name, (offset, shape, dt) in layout.items()}


def claim(fd: int, word: np.ndarray, step: int) -> bool:
    """Take part 1 of `step` unless the other process has (word[0]: the last step whose
    part 1 was taken), under a lock on the mapping's file."""
    fcntl.lockf(fd, fcntl.LOCK_EX)
    try:
        if word[0] == step:
            return False
        word[0] = step
        return True
    finally:
        fcntl.lockf(fd, fcntl.LOCK_UN)
