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
    assert rv.shape == (100,) and np.allclose(rv, 1.0)  # the network's own: never trained
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


CONV = {"name": "conv", "input_shape": [1, 28, 28], "layers": [
    {"type": "Conv2D", "filters": 8, "kernel_size": 5}, {"type": "BatchNorm"}, {"type": "ReLU"},
    {"type": "MaxPool2D", "pool_size": 2}, {"type": "Dense", "units": 10}]}


def test_conv_net_figures_against_independent_computations(batch):
    """The conv layer's ReLU gives 50 x 8 x 24 x 24 = 230,400 values: the histogram reads a
    fixed sample of 20,000, the dead share and the norms read everything."""
    x, t = batch[0][:50], batch[1][:50]
    net = Network.from_spec(CONV, seed=0)
    net.layers[1].params["beta"][[2, 5]] = -50.0  # two channels never fire after the ReLU
    bn = net.layers[1].buffers
    bn["running_mean"][:] = np.arange(8) / 10
    bn["running_var"][:] = 2.0
    h = layer_health(net, x, t, lr=0.01)
    # independent: the first three layers run by hand in training mode, all values
    relu = x
    for layer in net.layers[:3]:
        relu = layer.forward(relu, train=True)
    full_dead = float(np.all(relu <= 0, axis=0).mean())
    act = h["activations"][0]
    assert act["dead_fraction"] == pytest.approx(full_dead) and full_dead >= 2 / 8
    assert (act["hist"]["values"], act["hist"]["of"]) == (20_000, relu.size)
    edges = np.array(act["hist"]["edges"])
    assert edges[0] >= 0 and edges[-1] <= relu.max()
    inside = relu[(relu >= edges[0]) & (relu <= edges[-1])]
    full = np.histogram(inside, bins=edges)[0] / inside.size
    sampled = np.array(act["hist"]["counts"]) / 20_000
    assert 0.5 * np.abs(full - sampled).sum() < 0.03  # the sample draws the same picture
    assert act["hist"]["mean"] == pytest.approx(relu.mean(), rel=0.05)
    # gradients: the network's own backward (run order: ReLU after MaxPool)
    ref = Network.from_spec(CONV, seed=0)
    ref.load_state_dict(net.state_dict())
    loss = ref.loss(x, t, train=True)
    ref.backward()
    assert h["loss"] == pytest.approx(loss, rel=1e-5)
    for w, key in zip(h["weighted"], ("0.W", "4.W"), strict=True):
        assert w["grad_norm"] == pytest.approx(np.linalg.norm(ref.grads()[key]), rel=1e-4)
        assert w["weight_norm"] == pytest.approx(np.linalg.norm(ref.params()[key]), rel=1e-6)
        assert w["update_ratio"] == pytest.approx(0.01 * w["grad_norm"] / w["weight_norm"])
        assert w["weights"]["of"] == ref.params()[key].size
    assert h["weighted"][1]["weights"]["values"] == 1152 * 10  # small enough: every value
    np.testing.assert_allclose(h["batchnorm"][0]["running_mean"], np.arange(8) / 10, rtol=1e-6)
    assert h["batchnorm"][0]["running_var"] == [2.0] * 8  # the model's own, not this batch's


def test_on_a_private_network_only_gradients_change(batch):
    net = Network.from_spec({**CONV, "layers": [*CONV["layers"][:4], {"type": "Dropout"},
                                                CONV["layers"][4]]}, seed=0)
    before, rng = net.state_dict(), net.rng.bit_generator.state
    copied = layer_health(net, *batch)
    private = layer_health(net, *batch, copy=False)
    for key, value in net.state_dict().items():  # parameters and running statistics
        np.testing.assert_array_equal(value, before[key], err_msg=key)
    assert net.rng.bit_generator.state == rng  # the next dropout masks are the same
    assert private["loss"] == pytest.approx(copied["loss"], rel=1e-6)
    assert [w["grad_norm"] for w in private["weighted"]] == pytest.approx(
        [w["grad_norm"] for w in copied["weighted"]], rel=1e-5)
    assert np.linalg.norm(net.layers[0].grads["W"]) == pytest.approx(
        private["weighted"][0]["grad_norm"], rel=1e-5)


def test_per_weight_gradient_rms_and_vanishing_gradients_are_named():
    """QA: ||dW|| grows with the tensor's size (layer 1 1.29 vs layer 19 2.68 in a network
    whose first layer learned far slower); the per-weight RMS compares layers, and a first
    layer learning more than VANISHING_RATIO times slower than the last is named (the speed
    of learning: the bias gradients' RMS; tests/insight/test_health_speed.py trains)."""
    from nndesk.insight.health import VANISHING_RATIO, vanishing

    layers = []
    for _ in range(6):  # Nielsen ch. 5: sigmoid layers, weights N(0, 1)
        layers += [{"type": "Dense", "units": 30, "init": 1.0}, {"type": "Sigmoid"}]
    spec = {"name": "deep sigmoid", "input_shape": [1, 28, 28],
            "layers": layers + [{"type": "Dense", "units": 10, "init": 1.0}]}
    net = Network.from_spec(spec, seed=0)
    rng = np.random.default_rng(0)
    x, t = rng.random((50, 1, 28, 28), dtype=np.float32), rng.integers(0, 10, 50)
    weighted = layer_health(net, x, t, copy=False)["weighted"]  # its gradients kept
    for w in weighted:
        size = np.prod(net.layers[w["index"]].params["W"].shape)
        assert w["grad_rms"] == pytest.approx(w["grad_norm"] / np.sqrt(size))
    first, last, times = vanishing(weighted)
    assert (first, last) == (0, 12) and times > VANISHING_RATIO
    assert times == pytest.approx(weighted[-1]["bias_grad_rms"] / weighted[0]["bias_grad_rms"])
    for w in weighted:  # Nielsen's speed of learning: the bias gradient's RMS per unit
        db = net.layers[w["index"]].grads["b"].astype(np.float64)
        assert w["bias_grad_rms"] == pytest.approx(np.sqrt(np.mean(db ** 2)), rel=1e-5)
    relu = {"name": "relu", "input_shape": [1, 28, 28], "layers": [
        {"type": "Dense", "units": 30}, {"type": "ReLU"}, {"type": "Dense", "units": 10}]}
    assert vanishing(layer_health(Network.from_spec(relu), x, t)["weighted"]) is None
    assert vanishing(weighted[:1]) is None
