"""Layer health: the book's ch. 6 pictures as numbers. Sigmoid with std 1 saturates and its
gradients vanish towards the input; He init with BatchNorm stays healthy."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk.insight.health import layer_health, update_ratios
from nndesk.nn import Network


def _mlp(activation: str, init, batchnorm: bool, depth: int = 5) -> dict:
    layers = []
    for _ in range(depth):
        layers.append({"type": "Dense", "units": 100, "init": init})
        if batchnorm:
            layers.append({"type": "BatchNorm"})
        layers.append({"type": activation})
    layers.append({"type": "Dense", "units": 10})
    return {"name": "mlp", "input_shape": [1, 28, 28], "layers": layers}


@pytest.fixture(scope="module")
def batch(mnist_dir):
    from nndesk.data.mnist import load_mnist

    d = load_mnist(flatten=False, data_dir=mnist_dir, val_split=0)
    return d.x_train[:200], d.t_train[:200]


def test_sigmoid_with_std_1_saturates_and_gradients_vanish(batch):
    net = Network.from_spec(_mlp("Sigmoid", 1.0, False), seed=0)
    before = net.state_dict()
    h = layer_health(net, *batch)
    for key, value in net.state_dict().items():  # measured on a copy
        np.testing.assert_array_equal(value, before[key], err_msg=key)
    sat = [a["saturated_fraction"] for a in h["activations"]]
    assert len(sat) == 5 and min(sat) > 0.4  # the book's fig. 6-10: piled up at 0 and 1
    first = h["activations"][0]["hist"]
    assert sum(first["counts"]) == 200 * 100
    assert first["counts"][0] + first["counts"][-1] > 0.4 * 200 * 100
    norms = [w["grad_norm"] for w in h["weighted"]]
    ratios = [w["update_ratio"] for w in h["weighted"]]
    assert norms[0] < norms[-1] / 10  # Nielsen ch. 5: the first layer learns slowest
    assert ratios[0] < ratios[-1] / 100  # relative to its weights, it hardly moves at all
    xavier = layer_health(Network.from_spec(_mlp("Sigmoid", "xavier", False), seed=0), *batch)
    assert max(a["saturated_fraction"] for a in xavier["activations"]) < 0.05  # fig. 6-13


def test_he_init_with_batchnorm_is_healthy(batch):
    net = Network.from_spec(_mlp("ReLU", "he", True), seed=0)
    h = layer_health(net, *batch)
    assert all(a["dead_fraction"] < 0.05 for a in h["activations"])
    norms = [w["grad_norm"] for w in h["weighted"]]
    ratios = [w["update_ratio"] for w in h["weighted"]]
    assert max(norms[:-1]) / min(norms[:-1]) < 10  # every hidden layer learns at a like speed
    assert max(ratios[:-1]) / min(ratios[:-1]) < 10
    assert len(h["batchnorm"]) == 5
    rv = np.array(h["batchnorm"][0]["running_var"])
    assert rv.shape == (100,) and not np.allclose(rv, 1.0)  # one step of momentum moved it
    for w in h["weighted"]:
        assert w["update_ratio"] == pytest.approx(0.001 * w["grad_norm"] / w["weight_norm"])


def test_dead_relu_units_counted_exactly():
    net = Network.from_spec({"name": "d", "input_shape": [4], "layers": [
        {"type": "Dense", "units": 5}, {"type": "ReLU"}, {"type": "Dense", "units": 3}]}, seed=0)
    net.layers[0].params["W"][:] = 0.1
    net.layers[0].params["b"][:] = [-9, -9, 0.5, 0.5, -9]  # units 0, 1, 4 never fire
    x = np.random.default_rng(0).random((8, 4))
    act = layer_health(net, x, np.zeros(8, dtype=int))["activations"][0]
    assert act["dead_fraction"] == pytest.approx(3 / 5)
    assert act["saturated_fraction"] is None


def test_update_ratios_between_snapshots():
    before = {"0.W": np.ones((2, 2)), "0.b": np.zeros(2)}
    after = {"0.W": np.ones((2, 2)) * 1.01, "0.b": np.ones(2)}
    assert update_ratios(before, after) == {"0.W": pytest.approx(0.01)}
