"""Shared by the training tests: tiny specs and comparisons (imported as train_helpers)."""

from __future__ import annotations

import numpy as np

# A tiny MLP with BatchNorm and Dropout: buffers and the network's rng both matter to resume.
MLP_SPEC = {"name": "TinyMLP", "input_shape": [1, 28, 28], "layers": [
    {"type": "Dense", "units": 24}, {"type": "BatchNorm"}, {"type": "ReLU"},
    {"type": "Dropout", "rate": 0.2}, {"type": "Dense", "units": 10}]}

CONV_SPEC = {"name": "TinyConv", "input_shape": [1, 28, 28], "layers": [
    {"type": "Conv2D", "filters": 4, "kernel_size": 5}, {"type": "BatchNorm"},
    {"type": "ReLU"}, {"type": "MaxPool2D", "pool_size": 2},
    {"type": "Dense", "units": 10}]}


def weights_equal(a: dict, b: dict) -> bool:
    """Same keys and bit-identical arrays."""
    return a.keys() == b.keys() and all(np.array_equal(a[k], b[k]) for k in a)


def without_times(history: list[dict]) -> list[dict]:
    """A history minus the wall-clock figures, which no two runs share."""
    return [{k: v for k, v in h.items() if k != "time_s"} for h in history]
