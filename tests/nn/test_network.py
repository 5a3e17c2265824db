"""Network: seeds, dtypes, state dicts, predict/accuracy in batches, skipped input gradient."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk.nn import Adam, Network
from nndesk.presets import load_preset

SMALL = {"input_shape": [1, 12, 12], "layers": [
    {"type": "Conv2D", "filters": 4, "kernel_size": 3}, {"type": "BatchNorm"},
    {"type": "ReLU"}, {"type": "MaxPool2D"}, {"type": "Dense", "units": 16},
    {"type": "ReLU"}, {"type": "Dropout", "rate": 0.5}, {"type": "Dense", "units": 10}]}


def _data(n=7, seed=0):
    rng = np.random.default_rng(seed)
    return rng.random((n, 1, 12, 12), dtype=np.float32), rng.integers(0, 10, n)


def test_same_seed_same_weights_other_seed_other_weights():
    a, b, c = (Network.from_spec(SMALL, seed=s) for s in (5, 5, 6))
    for k, v in a.params().items():
        np.testing.assert_array_equal(v, b.params()[k])
    assert not np.array_equal(a.params()["0.W"], c.params()["0.W"])


def test_init_auto_picks_he_before_relu_and_xavier_before_sigmoid():
    def std(act):
        spec = {"input_shape": [400], "layers": [{"type": "Dense", "units": 500},
                                                 {"type": act}, {"type": "Dense", "units": 2}]}
        return Network.from_spec(spec).params()["0.W"].std()
    assert std("ReLU") == pytest.approx(np.sqrt(2 / 400), rel=0.02)
    assert std("Sigmoid") == pytest.approx(np.sqrt(1 / 400), rel=0.02)


def test_float32_end_to_end():
    net = Network.from_spec(SMALL)
    x, t = _data()
    loss = net.loss(x.astype(np.float64), t)                 # float64 input is cast
    assert np.isfinite(loss)
    dx = net.backward(input_grad=True)
    assert dx.dtype == np.float32 and dx.shape == x.shape
    for key, arr in {**net.params(), **net.grads(), **net.state_dict()}.items():
        assert arr.dtype == np.float32, key
    opt = Adam()
    opt.update(net.params(), net.grads())
    assert all(v.dtype == np.float32 for v in net.params().values())
    assert all(a.dtype == np.float32 for a in opt.state_dict().values() if a.ndim)
    assert all(o.dtype == np.float32 for o in net.forward_all(x))


def test_backward_skips_the_input_gradient_unless_asked():
    spec = {**SMALL, "layers": [layer for layer in SMALL["layers"] if layer["type"] != "Dropout"]}
    net = Network.from_spec(spec)
    x, t = _data()
    net.loss(x, t)
    assert net.backward() is None
    grads = {k: v.copy() for k, v in net.grads().items()}
    net.loss(x, t)
    dx = net.backward(input_grad=True)
    assert dx.shape == x.shape and np.abs(dx).sum() > 0
    for k, g in net.grads().items():                         # the same weight gradients
        np.testing.assert_array_equal(g, grads[k])


def test_backward_runs_no_layer_below_the_first_weighted_one():
    """Without `input_grad` the first weighted layer computes no input gradient and the
    layers in front of it do not run (the documented saving); with it, every layer does."""
    spec = {"input_shape": [1, 6, 6], "layers": [
        {"type": "MaxPool2D"}, {"type": "Flatten"}, {"type": "Dense", "units": 4},
        {"type": "ReLU"}, {"type": "Dense", "units": 3}]}
    net = Network.from_spec(spec, dtype=np.float64)
    calls = []
    for i, layer in enumerate(net.layers):
        def spy(dout, i=i, real=layer.backward):
            calls.append(i)
            return real(dout)
        layer.backward = spy
    x, t = np.random.default_rng(0).random((2, 1, 6, 6)), [0, 2]
    net.loss(x, t)
    assert net.backward() is None
    assert calls == [4, 3, 2]
    assert [layer.needs_dx for layer in net.layers[2:]] == [False, True, True]
    calls.clear()
    net.loss(x, t)
    assert net.backward(input_grad=True).shape == (2, 1, 6, 6)
    assert calls == [4, 3, 2, 1, 0]
    assert all(layer.needs_dx for layer in net.layers)


def test_state_dict_round_trip_and_errors():
    a, b = Network.from_spec(SMALL, seed=1), Network.from_spec(SMALL, seed=2)
    x, t = _data()
    a.loss(x, t)                                             # moves running stats
    state = a.state_dict()
    assert "1.running_mean" in state and "1.running_var" in state
    live = b.params()["0.W"]
    b.load_state_dict(state)
    assert b.params()["0.W"] is live                          # copied in place
    np.testing.assert_array_equal(a.predict(x), b.predict(x))
    state["0.W"] = state["0.W"][:2]
    c = Network.from_spec(SMALL, seed=2)
    with pytest.raises(ValueError, match=r"^state '0.W' has shape \(2, 1, 3, 3\), "
                                         r"expected \(4, 1, 3, 3\)$"):
        c.load_state_dict(state)
    for k, v in Network.from_spec(SMALL, seed=2).state_dict().items():   # nothing changed
        np.testing.assert_array_equal(c.state_dict()[k], v)
    with pytest.raises(ValueError, match="missing '1.running_var'"):
        b.load_state_dict({k: v for k, v in a.state_dict().items() if k != "1.running_var"})
    with pytest.raises(ValueError, match="unexpected key '9.W'"):
        b.load_state_dict({**a.state_dict(), "9.W": np.zeros(1)})


def test_predict_and_accuracy_cover_every_sample():
    net = Network.from_spec(SMALL)
    x, t = _data(n=13)
    p = net.predict(x, batch_size=5)                          # batches 5, 5, 3
    assert p.shape == (13, 10) and p.dtype == np.float32
    np.testing.assert_allclose(p.sum(axis=1), 1, rtol=1e-5)
    np.testing.assert_allclose(p, net.predict(x, batch_size=500), rtol=1e-5, atol=1e-7)
    pred = p.argmax(axis=1)
    t_half = np.where(np.arange(13) < 6, pred, (pred + 1) % 10)  # 6 of 13 right
    assert net.accuracy(x, t_half, batch_size=5) == pytest.approx(6 / 13)
    one_hot = np.eye(10)[t_half]
    assert net.accuracy(x, one_hot, batch_size=4) == pytest.approx(6 / 13)
    assert net.predict(x.reshape(13, 144)).shape == (13, 10)  # flat input accepted
    with pytest.raises(ValueError, match=r"input of shape \(N, 1, 12, 12\), not \(13, 1, 12, 11\)"):
        net.forward(x[:, :, :, :11])


def test_eval_is_deterministic_train_uses_dropout_rng():
    net = Network.from_spec(SMALL, seed=0)
    x, _ = _data()
    np.testing.assert_array_equal(net.forward(x), net.forward(x))
    state = net.rng.bit_generator.state
    first = net.forward(x, train=True)
    assert not np.array_equal(first, net.forward(x, train=True))   # new masks
    net.rng.bit_generator.state = state
    np.testing.assert_array_equal(first, net.forward(x, train=True))  # restored: same masks


def test_forward_all_gives_every_layer_output():
    net = Network.from_spec(SMALL)
    x, _ = _data(n=2)
    outs = net.forward_all(x)
    assert [o.shape[1:] for o in outs] == [i.output_shape for i in net.info]
    np.testing.assert_array_equal(outs[-1], net.forward(x))


def test_training_lowers_the_loss_on_a_fixed_batch():
    net = Network.from_spec(load_preset("SimpleConvNet"), seed=0)
    rng = np.random.default_rng(0)
    x = rng.random((20, 1, 28, 28), dtype=np.float32)
    t = np.arange(20) % 10
    opt = Adam(lr=0.002)
    first = net.loss(x, t)
    for _ in range(15):
        net.loss(x, t)
        net.backward()
        opt.update(net.params(), net.grads())
    assert net.loss(x, t, train=False) < 0.5 * first
    assert net.num_params == 433890


def test_pool_before_activation_gives_the_spec_order_numbers():
    """forward/backward run MaxPool before the ReLU in front of it (4x less work); the output
    and every gradient equal those of the layers run one by one in spec order."""
    spec = load_preset("SimpleConvNet")
    fused, plain = Network.from_spec(spec, seed=4), Network.from_spec(spec, seed=4)
    assert fused._order[:3] == [0, 2, 1]
    x, t = np.random.default_rng(2).random((5, 1, 28, 28), dtype=np.float32), np.arange(5)
    h = plain._check_input(x)
    for layer in plain.layers:                               # spec order, by hand
        h = layer.forward(h, True)
    assert fused.loss(x, t) == plain.loss_fn.forward(h, t)
    fused.backward()
    d = plain.loss_fn.backward()
    for layer in reversed(plain.layers):
        layer.needs_dx = layer is not plain.layers[0]
        d = layer.backward(d)
    for k, g in plain.grads().items():
        np.testing.assert_allclose(fused.grads()[k], g, rtol=1e-5, atol=1e-7)
    np.testing.assert_array_equal(fused.forward(x), fused.forward_all(x)[-1])


def test_kept_work_arrays_carry_nothing_from_one_step_to_the_next():
    """Conv layers keep their column matrices between steps: the gradients of a batch are the
    same after other batches (and an evaluation of another size) as in a fresh network, on
    every input-gradient path (flipped kernels, padded-width col2im, stride 2)."""
    spec = {"input_shape": [2, 9, 8], "layers": [
        {"type": "Conv2D", "filters": 3, "kernel_size": 3, "pad": 1},   # first: no dx
        {"type": "Conv2D", "filters": 8, "kernel_size": 3, "pad": 1},   # dx: col2im over width
        {"type": "Conv2D", "filters": 2, "kernel_size": 3},             # dx: flipped kernels
        {"type": "ReLU"},
        {"type": "Conv2D", "filters": 2, "kernel_size": 3, "stride": 2},  # dx: col2im
        {"type": "Dense", "units": 3}]}
    rng = np.random.default_rng(0)
    xs = [rng.standard_normal((5, 2, 9, 8)).astype(np.float32) for _ in range(3)]
    ts = [rng.integers(0, 3, 5) for _ in range(3)]
    used = Network.from_spec(spec, seed=1)
    for x, t in zip(xs[:2], ts[:2], strict=True):
        used.loss(x, t)
        used.backward(input_grad=True)
    used.predict(rng.standard_normal((7, 2, 9, 8)).astype(np.float32))
    fresh = Network.from_spec(spec, seed=1)
    for net in (used, fresh):
        net.loss(xs[2], ts[2])
    dx_used, dx_fresh = used.backward(input_grad=True), fresh.backward(input_grad=True)
    np.testing.assert_array_equal(dx_used, dx_fresh)
    for key, g in fresh.grads().items():
        np.testing.assert_array_equal(used.grads()[key], g, err_msg=key)
    assert used.layers[1]._scratch["col"].shape[0] == 5     # the 7-image evaluation kept none


def _dense_net(loss: str) -> Network:
    """One Dense layer, 5 inputs -> 3 scores: small enough to work out by hand."""
    spec = {"name": "Tiny", "input_shape": [5], "loss": loss,
            "layers": [{"type": "Dense", "units": 3}]}
    return Network.from_spec(spec, seed=3, dtype=np.float64)


def test_predict_is_softmax_of_the_scores_only_for_cross_entropy():
    x = np.random.default_rng(1).standard_normal((4, 5))
    for loss in ("softmax_cross_entropy", "mse"):
        net = _dense_net(loss)
        w, b = net.params()["0.W"], net.params()["0.b"]
        scores = [[sum(x[n, d] * w[d, k] for d in range(5)) + b[k] for k in range(3)]
                  for n in range(4)]
        if loss == "softmax_cross_entropy":   # exp(s_k) / sum_j exp(s_j), row by row
            expected = [[np.exp(s) / sum(np.exp(r)) for s in r] for r in np.array(scores)]
        else:                                 # a regression network's outputs, untouched
            expected = scores
        np.testing.assert_allclose(net.predict(x, batch_size=3), expected, rtol=1e-12)


def test_predict_and_accuracy_of_no_samples_and_of_one():
    net = _dense_net("softmax_cross_entropy")
    empty = net.predict(np.zeros((0, 5)))
    assert empty.shape == (0, 3) and empty.dtype == np.float64
    single = Network.from_spec(net.spec, dtype=np.float32)            # the network's dtype
    assert single.predict(np.zeros((0, 5))).dtype == np.float32
    assert net.accuracy(np.zeros((0, 5)), np.zeros(0, dtype=int)) == 0.0
    x = np.ones((1, 5))
    right = int(net.predict(x).argmax())
    assert net.accuracy(x, [right]) == 1.0
    assert net.accuracy(x, [(right + 1) % 3]) == 0.0


def test_repr_names_the_network_its_layers_and_parameters():
    assert repr(_dense_net("mse")) == "<Tiny: 1 layers, 18 parameters>"       # 5*3 + 3
    spec = {"input_shape": [4], "layers": [{"type": "Dense", "units": 2}, {"type": "ReLU"},
                                          {"type": "Dense", "units": 2}]}
    assert repr(Network.from_spec(spec)) == "<Network: 3 layers, 16 parameters>"  # 10 + 6


def test_an_activation_before_a_pool_runs_on_the_pooled_map():
    """The documented fast path: ReLU then MaxPool2D runs as MaxPool2D then ReLU, on a map 4x
    smaller (max(relu(x)) = relu(max(x)): same numbers), also as the network's first layer."""
    spec = {"input_shape": [2, 6, 6], "layers": [
        {"type": "ReLU"}, {"type": "MaxPool2D"}, {"type": "Conv2D", "filters": 2,
                                                  "kernel_size": 3},
        {"type": "Sigmoid"}, {"type": "Dense", "units": 3}]}
    net = Network.from_spec(spec, dtype=np.float64)
    seen = []
    relu = net.layers[0]
    real = relu.forward
    relu.forward = lambda x, train=False: seen.append(x.shape) or real(x, train)
    x = np.random.default_rng(4).standard_normal((5, 2, 6, 6))
    out = net.forward(x)
    assert seen == [(5, 2, 3, 3)]
    pooled = np.maximum(x, 0).reshape(5, 2, 3, 2, 3, 2).max(axis=(3, 5))   # spec order
    np.testing.assert_allclose(out, net.layers[4].forward(net.layers[3].forward(
        net.layers[2].forward(pooled))), rtol=1e-12)


def test_a_single_input_network_takes_a_plain_vector_of_samples():
    spec = {"input_shape": [1], "loss": "mse", "layers": [{"type": "Dense", "units": 2}]}
    net = Network.from_spec(spec, dtype=np.float64)
    w, b = net.params()["0.W"], net.params()["0.b"]
    out = net.predict(np.array([0.5, -2.0]))
    np.testing.assert_allclose(out, [[0.5 * w[0, 0] + b[0], 0.5 * w[0, 1] + b[1]],
                                     [-2.0 * w[0, 0] + b[0], -2.0 * w[0, 1] + b[1]]])


CHAIN = {"input_shape": [1, 12, 12], "loss": "softmax_cross_entropy", "layers": [
    {"type": "Conv2D", "filters": 4, "kernel_size": 3, "pad": 1}, {"type": "ReLU"},
    {"type": "Conv2D", "filters": 4, "kernel_size": 3, "pad": 1}, {"type": "ReLU"},
    {"type": "MaxPool2D"}, {"type": "Dense", "units": 16}, {"type": "ReLU"},
    {"type": "Dense", "units": 16}, {"type": "ReLU"}, {"type": "Dropout", "rate": 0.5},
    {"type": "Dense", "units": 10}]}


def _relus(net):
    return [(layer.overwrite_x, layer.overwrite_dout) for layer in net.layers
            if type(layer).__name__ == "ReLU"]


def test_relu_overwrites_only_arrays_nobody_keeps():
    """In place after a Conv2D/Dense (input), before a Conv2D/Dense/MaxPool2D (dout); not
    after a pool (it runs first: its output), a BatchNorm, or before a Dropout."""
    assert _relus(Network.from_spec(CHAIN)) == [(True, True), (False, True), (True, True),
                                                (True, False)]
    assert _relus(Network.from_spec(SMALL)) == [(False, True), (True, False)]


@pytest.mark.parametrize("workers", [1, 2])
@pytest.mark.parametrize("split", [1 << 18, 1])
def test_in_place_relus_give_the_same_numbers(monkeypatch, workers, split):
    """A training step with the in-place ReLUs equals one with new arrays, bit for bit, on
    one worker and two, whole passes and the workers' split (`ReLU.SPLIT_SIZE`); evaluation
    overwrites nothing."""
    from nndesk.nn import parallel, train_step
    from nndesk.nn.layers import ReLU

    monkeypatch.setattr(ReLU, "SPLIT_SIZE", split)
    rng = np.random.default_rng(1)
    x, t = rng.random((20, 1, 12, 12)), rng.integers(0, 10, 20)
    fast, plain = (Network.from_spec(CHAIN, seed=2, dtype=np.float64) for _ in range(2))
    for layer in plain.layers:
        if isinstance(layer, ReLU):
            layer.overwrite_x = layer.overwrite_dout = False
    parallel.set_workers(workers)
    try:
        losses = [[train_step(net, x, t, Adam(lr=1e-2)) for _ in range(3)]
                  for net in (fast, plain)]
    finally:
        parallel.set_workers(1)
    assert losses[0] == losses[1]
    for k, v in fast.params().items():
        np.testing.assert_array_equal(v, plain.params()[k])
    outs = fast.forward_all(x)
    np.testing.assert_array_equal(outs[0], plain.forward_all(x)[0])
    assert (outs[0] < 0).any()                      # the conv's map kept its negatives
