"""Fixtures for the export tests: the shipped model, a network with every layer type, and the
first 1,000 MNIST test images. torch, onnx, onnxruntime and tensorboardX come with the `test`
extra (pyproject.toml), so these tests run on every clean clone."""

from __future__ import annotations

import numpy as np
import pytest
from export_helpers import every_layer_network

from nndesk.data.mnist import load_mnist
from nndesk.paths import default_model_path
from nndesk.train import load_model, save_model


@pytest.fixture(scope="session")
def test_images(mnist_dir) -> np.ndarray:
    """The first 1,000 MNIST test images, (1000, 1, 28, 28) float32 in [0, 1]."""
    return load_mnist(flatten=False, data_dir=mnist_dir).x_test[:1000]


@pytest.fixture(scope="session")
def shipped_path():
    return default_model_path()


@pytest.fixture(scope="session")
def every_layer_path(tmp_path_factory):
    """A model file of the every-layer network (metadata: SGD with momentum, a step schedule)."""
    path = tmp_path_factory.mktemp("every") / "every.npz"
    config = {"optimizer": "momentum", "lr": 0.05, "batch_size": 50, "schedule": "step",
              "step_size": 1, "gamma": 0.5, "epochs": 2, "augment": False}
    save_model(path, every_layer_network(), {"config": config})
    return path


@pytest.fixture(scope="session")
def shipped(shipped_path):
    return load_model(shipped_path)


@pytest.fixture(scope="session")
def nndesk_probabilities(test_images):
    """nndesk's own probabilities on the 1,000 test images, per model file (computed once:
    the shipped model's pass takes seconds)."""
    cache: dict = {}

    def probabilities(path) -> np.ndarray:
        if str(path) not in cache:
            cache[str(path)] = load_model(path).network.predict(test_images)
        return cache[str(path)]
    return probabilities
