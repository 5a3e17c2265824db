"""The vanishing-gradient verdict after real short trainings (QA: the healthy TwoLayerNet was
named "layer 1 learns 12x slower than layer 3"). The speed of learning is Nielsen ch. 5's,
the bias gradient delta = dC/db, which MNIST's always-0 border pixels do not pull down.
Each network trains 200 Adam steps of 100 images from the first 2,000 training images
(seeds fixed) and is measured on the view's probe batch, the first 100 images."""

from __future__ import annotations

import json

import numpy as np
import pytest

from nndesk.insight.health import VANISHING_RATIO, layer_health, vanishing
from nndesk.nn import Network
from nndesk.nn.optimizers import make_optimizer
from nndesk.paths import presets_dir

STEPS, SUBSET, BATCH = 200, 2000, 100


def _preset(name: str) -> dict:
    return json.loads((presets_dir() / f"{name}.json").read_text())


@pytest.fixture(scope="module")
def mnist(mnist_dir):
    from nndesk.data.mnist import load_mnist

    d = load_mnist(flatten=False, data_dir=mnist_dir, val_split=0)
    return d.x_train[:SUBSET], d.t_train[:SUBSET]


def _trained(spec: dict, x: np.ndarray, t: np.ndarray) -> dict:
    """layer_health on the first 100 images after STEPS Adam steps (lr 0.001, seeds 0)."""
    net = Network.from_spec(spec, seed=0)
    opt, rng = make_optimizer("adam", lr=0.001), np.random.default_rng(0)
    for _ in range(STEPS):
        i = rng.integers(0, len(x), BATCH)
        net.loss(x[i], t[i], train=True)
        net.backward()
        opt.update(net.params(), net.grads())
    return layer_health(net, x[:100], t[:100])


def _speed_ratio(h: dict) -> float:
    w = h["weighted"]
    return w[-1]["bias_grad_rms"] / w[0]["bias_grad_rms"]


def test_two_layer_net_relu_adam_is_not_named(mnist):
    """The QA case: RMS(dW) of layer 1 is pulled down by the always-0 pixels (their weights'
    gradients are exactly 0); its bias gradients learn at the last layer's pace."""
    h = _trained(_preset("TwoLayerNet"), *mnist)
    assert h["loss"] < 0.5  # it did learn
    first, last = h["weighted"]
    dead_pixels = (mnist[0][:100].reshape(100, -1).max(axis=0) == 0)
    assert dead_pixels.sum() > 200
    # the old measure's picture: whole rows of dW are 0, the per-weight RMS shows a gap
    assert last["grad_rms"] / first["grad_rms"] > 5
    assert _speed_ratio(h) < 3
    assert (first["bias_of"], last["bias_of"]) == (0, 2)  # their own biases
    assert vanishing(h["weighted"]) is None


def test_deep_sigmoid_std_1_is_named(mnist):
    """DeepMLP with sigmoid and weights N(0, 1) in its hidden layers (BatchNorm out, as QA
    built it: the last Dense is layer 19): the first layer learns far slower than the last."""
    layers = []
    for layer in _preset("DeepMLP")["layers"]:
        if layer["type"] == "BatchNorm":
            continue
        if layer["type"] == "ReLU":
            layer = {"type": "Sigmoid"}
        elif layer["type"] == "Dense" and layer["units"] != 10:
            layer = {**layer, "init": 1.0}
        layers.append(layer)
    h = _trained({**_preset("DeepMLP"), "layers": layers}, *mnist)
    first, last, times = vanishing(h["weighted"])
    assert (first, last) == (0, 18)
    assert times == pytest.approx(_speed_ratio(h)) and times > 2 * VANISHING_RATIO


def test_deep_mlp_he_with_batchnorm_is_healthy(mnist):
    """Each hidden Dense is followed by BatchNorm: its own bias gradient is 0 up to rounding,
    BatchNorm's beta is the offset its units learn, and that is what is compared."""
    spec = _preset("DeepMLP")
    spec["layers"] = [{**layer, "init": "he"} if layer["type"] == "Dense" else layer
                      for layer in spec["layers"]]
    net = Network.from_spec(spec, seed=0)
    h = layer_health(net, mnist[0][:100], mnist[1][:100], copy=False)
    assert np.linalg.norm(net.layers[0].grads["b"]) < 1e-5 * np.linalg.norm(
        net.layers[1].grads["beta"])  # what the bias before a BatchNorm gets
    hidden = h["weighted"][:-1]
    assert [w["bias_of"] for w in hidden] == [w["index"] + 1 for w in hidden]
    assert h["weighted"][-1]["bias_of"] == h["weighted"][-1]["index"]
    assert hidden[0]["bias_grad_rms"] == pytest.approx(
        np.sqrt(np.mean(net.layers[1].grads["beta"].astype(np.float64) ** 2)), rel=1e-5)
    h = _trained(spec, *mnist)
    assert _speed_ratio(h) < 5
    assert vanishing(h["weighted"]) is None


def test_simple_conv_net_relu_is_not_named(mnist):
    h = _trained(_preset("SimpleConvNet"), *mnist)
    assert h["loss"] < 0.5
    assert [w["type"] for w in h["weighted"]] == ["Conv2D", "Dense", "Dense"]
    assert _speed_ratio(h) < 3
    assert vanishing(h["weighted"]) is None
