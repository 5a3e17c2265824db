"""Fixtures for the training tests: a small MNIST subset and tiny networks."""

from __future__ import annotations

import pytest

from nndesk.data.mnist import Splits, load_mnist


@pytest.fixture(scope="session")
def mnist_small(mnist_dir) -> Splits:
    """1200 training, 300 validation, 300 test images of the real MNIST (read-only views)."""
    full = load_mnist(flatten=False, data_dir=mnist_dir, val_split=5000)
    small = Splits(*(a.copy() for a in (full.x_train[:1200], full.t_train[:1200],
                                        full.x_val[:300], full.t_val[:300],
                                        full.x_test[:300], full.t_test[:300])))
    for name in ("x_train", "t_train", "x_val", "t_val", "x_test", "t_test"):
        getattr(small, name).flags.writeable = False  # the trainer must never write into data
    return small
