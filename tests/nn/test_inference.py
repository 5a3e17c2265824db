"""The evaluation-only fast path (nn/inference.py) computes what `Network.forward` computes,
and is never used once the weights changed."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk.data.mnist import load_mnist
from nndesk.nn import Network
from nndesk.nn.functions import softmax
from nndesk.nn.inference import CONV_METHODS, InferencePlan, fold_batchnorm, winograd_matrices
from nndesk.nn.layers import BatchNorm
from nndesk.nn.optimizers import SGD, Adam
from nndesk.paths import default_model_path
from nndesk.presets import list_presets, load_preset
from nndesk.train import load_model

TOL = 1e-5   # max abs difference of probabilities, fast path vs plain forward
IMAGE_PRESETS = [name for name in list_presets() if len(load_preset(name)["input_shape"]) == 3]


def _plain(net: Network, x: np.ndarray) -> np.ndarray:
    """The reference: the readable forward in evaluation mode, then softmax."""
    return softmax(net.forward(x))


def _random_statistics(net: Network, seed: int = 1) -> Network:
    """BatchNorm with statistics far from the fresh 0/1 and gamma/beta from 1/0 (a gamma
    negative too), so that folding has something to get wrong."""
    rng = np.random.default_rng(seed)
    for layer in net.layers:
        if isinstance(layer, BatchNorm):
            c = layer.params["gamma"].shape
            layer.params["gamma"][...] = rng.uniform(0.5, 2.0, c) * rng.choice([-1, 1], c)
            layer.params["beta"][...] = rng.normal(0, 0.5, c)
            layer.buffers["running_mean"][...] = rng.normal(0, 0.5, c)
            layer.buffers["running_var"][...] = rng.uniform(0.2, 3.0, c)
    net.weights_changed()
    return net


def _images(n: int, seed: int = 0, dtype=np.float32) -> np.ndarray:
    """Digit-like inputs: mostly zero background, some ink in [0, 1]."""
    rng = np.random.default_rng(seed)
    x = rng.random((n, 1, 28, 28)) * (rng.random((n, 1, 28, 28)) < 0.25)
    return x.astype(dtype)


# -- the pieces, against values worked out independently ------------------------------------

def test_fold_batchnorm_matches_the_formula_by_hand():
    bn = BatchNorm(eps=0.01)
    bn.build((2,), np.random.default_rng(0), np.float64, None)
    bn.params["gamma"][...] = [2.0, -1.0]
    bn.params["beta"][...] = [0.5, 1.0]
    bn.buffers["running_mean"][...] = [1.0, -2.0]
    bn.buffers["running_var"][...] = [3.99, 0.24]                 # std 2.0 and 0.5 with eps
    W = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])            # Dense (3 inputs, 2 units)
    b = np.array([0.0, 1.0])
    W2, b2 = fold_batchnorm(W, b, bn, out_axis=1)
    # unit 0: scale 2/2 = 1, unit 1: scale -1/0.5 = -2
    np.testing.assert_allclose(W2, [[1.0, -4.0], [3.0, -8.0], [5.0, -12.0]])
    np.testing.assert_allclose(b2, [(0 - 1) * 1 + 0.5, (1 + 2) * -2 + 1.0])
    x = np.array([[0.3, -1.2, 2.0]])
    np.testing.assert_allclose(x @ W2 + b2, bn.forward(x @ W + b, False), rtol=1e-12)


@pytest.mark.parametrize("r", [3, 5])
def test_winograd_matrices_give_the_correlation(r):
    AT, G, BT = winograd_matrices(2, r)
    assert AT.shape == (2, r + 1) and G.shape == (r + 1, r) and BT.shape == (r + 1, r + 1)
    np.testing.assert_allclose(BT, np.round(BT), atol=1e-12)   # small integers: exact in float32
    rng = np.random.default_rng(r)
    for _ in range(5):
        d, g = rng.standard_normal(r + 1), rng.standard_normal(r)
        direct = [sum(d[i + k] * g[k] for k in range(r)) for i in range(2)]
        np.testing.assert_allclose(AT @ ((G @ g) * (BT @ d)), direct, rtol=1e-12, atol=1e-12)


def test_winograd_refuses_points_that_lose_precision():
    with pytest.raises(ValueError, match="points"):
        winograd_matrices(2, 7)


def test_digitnet_plan_folds_every_batchnorm_and_drops_dropout():
    net = Network.from_spec(load_preset("DigitNet"), seed=0)
    plan = InferencePlan(net)
    assert plan.names == ["Conv2D+BatchNorm+MaxPool2D+ReLU", "Conv2D+BatchNorm+MaxPool2D+ReLU",
                          "Dense+BatchNorm+ReLU", "Dense"]
    assert [type(s).__name__ for s in plan.steps] == ["_ConvStep", "_WinogradConvStep",
                                                      "_DenseStep", "_DenseStep"]


# -- agreement with the plain forward --------------------------------------------------------

@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("name", IMAGE_PRESETS)
def test_every_image_preset_agrees_with_forward(name, dtype):
    net = _random_statistics(Network.from_spec(load_preset(name), seed=3, dtype=dtype))
    x = _images(100, seed=4, dtype=dtype)
    for n in (1, 3, 100):
        fast = net.predict(x[:n])
        assert fast.dtype == dtype and fast.shape == (n, 10)
        assert np.abs(fast - _plain(net, x[:n])).max() < TOL
    # several predict batches, the last one partial, stitched together
    assert np.abs(net.predict(x[:7], batch_size=3) - _plain(net, x[:7])).max() < TOL


@pytest.mark.parametrize("method", CONV_METHODS)
def test_each_convolution_method_agrees(method):
    net = _random_statistics(Network.from_spec(load_preset("DigitNet"), seed=5))
    plan = InferencePlan(net, conv=method)
    x = _images(5, seed=6)
    for n in (1, 3, 5):
        assert np.abs(softmax(plan.forward(x[:n])) - _plain(net, x[:n])).max() < TOL
    # logits too, relative to their size (probabilities near 0 or 1 hide errors)
    logits = net.forward(x)
    assert np.abs(plan.forward(x) - logits).max() < 1e-4 * np.abs(logits).max()


def test_the_shipped_model_agrees(mnist_dir):
    net = load_model(default_model_path()).network
    x = load_mnist(flatten=False, data_dir=mnist_dir, val_split=0).x_test[:100]
    for n in (1, 3, 100):
        assert np.abs(net.predict(x[:n]) - _plain(net, x[:n])).max() < TOL
    x64 = Network.from_spec(net.spec, dtype=np.float64)
    x64.load_state_dict(net.state_dict())
    assert np.abs(x64.predict(x[:3]) - _plain(x64, x[:3].astype(np.float64))).max() < 1e-12


SPECS = {
    "no BatchNorm": [{"type": "Conv2D", "filters": 16, "kernel_size": 3, "pad": 1},
                     {"type": "ReLU"}, {"type": "MaxPool2D"},
                     {"type": "Conv2D", "filters": 16, "kernel_size": 5, "pad": 2},
                     {"type": "ReLU"}, {"type": "Dense", "units": 10}],
    "BatchNorm after the ReLU": [
        {"type": "Conv2D", "filters": 8, "kernel_size": 5}, {"type": "ReLU"},
        {"type": "BatchNorm"}, {"type": "MaxPool2D"},
        {"type": "Dense", "units": 32}, {"type": "ReLU"}, {"type": "BatchNorm"},
        {"type": "Dense", "units": 10}],
    "BatchNorm first, then after a pool": [
        {"type": "BatchNorm"}, {"type": "Conv2D", "filters": 16, "kernel_size": 3, "pad": 1},
        {"type": "MaxPool2D"}, {"type": "BatchNorm"}, {"type": "ReLU"},
        {"type": "Conv2D", "filters": 8, "kernel_size": 3, "pad": 1}, {"type": "BatchNorm"},
        {"type": "Flatten"}, {"type": "BatchNorm"}, {"type": "Dense", "units": 10}],
    "other activations and pools": [
        {"type": "Conv2D", "filters": 16, "kernel_size": 3, "stride": 2, "pad": 1},
        {"type": "BatchNorm"}, {"type": "LeakyReLU", "alpha": 0.1},
        {"type": "MaxPool2D", "pool_size": 3, "stride": 2},
        {"type": "Conv2D", "filters": 16, "kernel_size": 3}, {"type": "Tanh"},
        {"type": "AvgPool2D"}, {"type": "Dense", "units": 20}, {"type": "Sigmoid"},
        {"type": "Dropout", "rate": 0.3}, {"type": "Dense", "units": 10}],
    "odd sizes, 3x3 pools and a 5x5 conv without pad": [
        {"type": "Conv2D", "filters": 16, "kernel_size": 5}, {"type": "BatchNorm"},
        {"type": "ReLU"}, {"type": "MaxPool2D", "pool_size": 3},
        {"type": "Conv2D", "filters": 20, "kernel_size": 3, "pad": 1}, {"type": "BatchNorm"},
        {"type": "ReLU"}, {"type": "MaxPool2D"}, {"type": "Dense", "units": 10}],
}


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("label", list(SPECS))
def test_networks_with_and_without_foldable_batchnorm_agree(label, dtype):
    spec = {"input_shape": [1, 28, 28], "layers": SPECS[label]}
    net = _random_statistics(Network.from_spec(spec, seed=7, dtype=dtype))
    x = _images(100, seed=8, dtype=dtype)
    for n in (1, 3, 100):
        assert np.abs(net.predict(x[:n]) - _plain(net, x[:n])).max() < TOL


def test_a_batchnorm_not_after_a_weighted_layer_is_not_folded():
    spec = {"input_shape": [1, 28, 28], "layers": SPECS["BatchNorm after the ReLU"]}
    names = InferencePlan(Network.from_spec(spec)).names
    assert names == ["Conv2D+ReLU", "BatchNorm", "MaxPool2D", "Dense+ReLU", "BatchNorm",
                     "Dense"]


def test_results_are_new_arrays_and_the_input_is_untouched():
    net = _random_statistics(Network.from_spec(load_preset("DigitNet"), seed=9))
    x = _images(2, seed=10)
    before = x.copy()
    first = net.predict(x[:1])
    kept = first.copy()
    net.predict(x[1:2])                                        # same batch size: same buffers
    np.testing.assert_array_equal(first, kept)
    np.testing.assert_array_equal(x, before)


def test_recurrent_networks_keep_forward():
    net = Network.from_spec(load_preset("PenGRU"), seed=0)
    assert net.inference_plan() is None
    x = np.random.default_rng(0).standard_normal((3, 32, 5)).astype(np.float32)
    np.testing.assert_array_equal(net.predict(x), _plain(net, x))


# -- staleness: a folded copy is never used after the weights changed ----------------------

def _stale_check(net: Network, x: np.ndarray, change) -> None:
    """Predict (a plan is built), change the weights with `change(net)`, predict again:
    the answer must be the plain forward's of the new weights, and differ from before."""
    before = net.predict(x)
    change(net)
    after = net.predict(x)
    assert np.abs(after - _plain(net, x)).max() < TOL
    assert np.abs(after - before).max() > 1e-3               # the change mattered


@pytest.fixture()
def digitnet():
    return _random_statistics(Network.from_spec(load_preset("DigitNet"), seed=11))


def _train_step(optimizer):
    def change(net):
        x, t = _images(8, seed=12), np.arange(8) % 10
        net.loss(x, t, train=True)
        net.backward()
        optimizer.update(net.params(), net.grads())
    return change


def test_one_training_step_is_seen(digitnet):
    _stale_check(digitnet, _images(3, seed=13), _train_step(SGD(lr=0.5)))


def test_an_adam_step_is_seen(digitnet):
    _stale_check(digitnet, _images(3, seed=13), _train_step(Adam(lr=0.05)))


def test_batchnorm_statistics_moved_by_a_training_forward_are_seen(digitnet):
    def change(net):
        for _ in range(3):                                    # running averages move
            net.forward(_images(16, seed=14) * 3 + 0.5, train=True)
    _stale_check(digitnet, _images(3, seed=13), change)


def test_load_state_dict_is_seen(digitnet):
    other = _random_statistics(Network.from_spec(load_preset("DigitNet"), seed=15), seed=16)
    _stale_check(digitnet, _images(3, seed=13), lambda net: net.load_state_dict(
        other.state_dict()))


def test_a_replaced_parameter_array_is_seen(digitnet):
    def change(net):
        layer = net.layers[8]
        layer.params["W"] = layer.params["W"] * -1.0          # a new array, no engine write
    _stale_check(digitnet, _images(3, seed=13), change)


def test_a_hand_write_is_seen_after_weights_changed(digitnet):
    def change(net):
        net.layers[12].params["b"][...] += np.arange(10, dtype=np.float32)
        net.weights_changed()
    _stale_check(digitnet, _images(3, seed=13), change)


def test_fine_tuning_with_the_trainer_is_seen(digitnet):
    from nndesk.train.config import TrainConfig
    from nndesk.train.trainer import Trainer

    x, t = _images(20, seed=17), np.arange(20) % 10
    data = type("Splits", (), {"x_train": x, "t_train": t, "x_val": x[:4], "t_val": t[:4],
                               "x_test": x[:4], "t_test": t[:4]})()
    trainer = Trainer(digitnet, data, TrainConfig(epochs=1, batch_size=10, lr=0.1,
                                                  optimizer="sgd"))
    _stale_check(digitnet, _images(3, seed=13),
                 lambda net: trainer.train_step(x[:10], t[:10]))


def test_the_same_plan_serves_while_nothing_changes(digitnet):
    x = _images(2, seed=18)
    digitnet.predict(x)
    plan = digitnet.inference_plan()
    digitnet.predict(x)
    digitnet.forward(x)                                       # evaluation writes nothing
    assert digitnet.inference_plan() is plan


def test_batch_workers_share_a_batch_with_the_same_answers():
    from nndesk.nn.parallel import set_workers, workers

    net = _random_statistics(Network.from_spec(load_preset("DigitNet"), seed=19))
    x = _images(101, seed=20)                         # 4 chunks of 25 or 26 images
    before = workers()
    try:
        set_workers(1)
        one = net.predict(x)
        set_workers(2)
        two = net.predict(x)
        set_workers(3)
        three = net.predict(x)
    finally:
        set_workers(before)
    np.testing.assert_array_equal(two, one)           # the same chunks, whoever runs them
    np.testing.assert_array_equal(three, one)
    assert np.abs(two - _plain(net, x)).max() < TOL


# -- forward_all: every layer's output, for the feature maps and the reject unit ------------

@pytest.mark.parametrize("label", ["DigitNet", *SPECS])
def test_forward_all_gives_every_layer_output_as_the_layers_do(label):
    spec = (load_preset(label) if label == "DigitNet"
            else {"input_shape": [1, 28, 28], "layers": SPECS[label]})
    net = _random_statistics(Network.from_spec(spec, seed=21))
    x = _images(3, seed=22)
    fast = net.forward_all(x)
    plain, h = [], x
    for layer in net.layers:                                  # spec order, one by one
        h = layer.forward(h, False)
        plain.append(h.copy())
    assert len(fast) == len(plain)
    for f, p in zip(fast, plain, strict=True):
        assert f.shape == p.shape and f.dtype == p.dtype
        np.testing.assert_allclose(f, p, rtol=1e-4, atol=1e-4 * max(1.0, np.abs(p).max()))
    again = net.forward_all(x)                                # kept buffers are not handed out
    for f, g in zip(fast, again, strict=True):
        np.testing.assert_array_equal(f, g)
        assert f is not g or f is x


def test_forward_all_sees_changed_weights(digitnet):
    x = _images(2, seed=23)
    before = digitnet.forward_all(x)[-1]
    _train_step(SGD(lr=0.5))(digitnet)
    after = digitnet.forward_all(x)[-1]
    np.testing.assert_allclose(after, digitnet.forward(x), rtol=1e-4, atol=1e-4)
    assert np.abs(after - before).max() > 1e-3


def test_a_deep_copy_predicts_its_own_inputs(digitnet):
    import copy

    x = _images(2, seed=24)
    digitnet.predict(x[:1])
    digitnet.forward_all(x[:1])
    twin = copy.deepcopy(digitnet)
    assert np.abs(twin.predict(x[1:]) - _plain(digitnet, x[1:])).max() < TOL
    np.testing.assert_allclose(twin.forward_all(x[1:])[-1], digitnet.forward(x[1:]),
                               rtol=1e-4, atol=1e-4)


def test_an_empty_batch_gives_empty_outputs(digitnet):
    x = np.zeros((0, 1, 28, 28), np.float32)
    assert digitnet.predict(x).shape == (0, 10)
    assert digitnet.inference_plan().forward(x).shape == (0, 10)
    assert [a.shape for a in digitnet.forward_all(x)] == [
        (0, *info.output_shape) for info in digitnet.info]


def test_training_another_network_leaves_this_plan_in_use(digitnet):
    x = _images(2, seed=25)
    digitnet.predict(x)
    plan = digitnet.inference_plan()
    other = Network.from_spec(load_preset("DigitNet"), seed=26)
    _train_step(SGD(lr=0.1))(other)                          # a GUI's training thread, say
    other.load_state_dict(other.state_dict())
    assert digitnet.inference_plan() is plan
    _train_step(SGD(lr=0.1))(digitnet)                       # its own step: a new plan
    assert digitnet.inference_plan() is not plan


def test_a_change_said_of_no_array_makes_every_plan_stale(digitnet):
    from nndesk.nn.base import weights_changed

    digitnet.predict(_images(1, seed=27))
    plan = digitnet.inference_plan()
    weights_changed()
    assert digitnet.inference_plan() is not plan
