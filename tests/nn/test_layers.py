"""Each layer: gradient check with odd shapes, shape table, config round trip, modes."""

from __future__ import annotations

import json

import numpy as np
import pytest

from nndesk.nn import LAYER_DOCS, LAYERS, Network, gradcheck, infer, rel_error

IMG = [2, 7, 6]                     # 2 channels, non-square 7x6: catches H/W mix-ups


def _spec(input_shape, *layers):
    """A small network around the layers under test, ending in a Dense of 4 scores."""
    return {"input_shape": input_shape, "layers": [*layers, {"type": "Dense", "units": 4}]}


# (id, spec): every layer type, with stride 2, padding, overlapping windows, cropped edges
CASES = [
    ("dense", _spec([5], {"type": "Dense", "units": 6})),
    ("dense-image-input", _spec(IMG, {"type": "Dense", "units": 3})),
    ("conv-stride2-pad1", _spec(IMG, {"type": "Conv2D", "filters": 3, "kernel_size": 3,
                                      "stride": 2, "pad": 1})),
    ("conv-k2-pad2", _spec(IMG, {"type": "Conv2D", "filters": 2, "kernel_size": 2, "pad": 2})),
    ("conv-col2im-wide", _spec([1, 7, 6], {"type": "Conv2D", "filters": 4, "kernel_size": 3})),
    ("conv-1x1", _spec(IMG, {"type": "Conv2D", "filters": 3, "kernel_size": 1})),
    ("conv-conv", _spec(IMG, {"type": "Conv2D", "filters": 3, "kernel_size": 3, "pad": 1},
                        {"type": "Conv2D", "filters": 2, "kernel_size": 3, "stride": 2})),
    ("maxpool-2-crop", _spec(IMG, {"type": "MaxPool2D", "pool_size": 2})),
    ("maxpool-2-tiles", _spec([2, 6, 4], {"type": "MaxPool2D", "pool_size": 2})),
    ("maxpool-3-stride2", _spec(IMG, {"type": "MaxPool2D", "pool_size": 3, "stride": 2})),
    ("maxpool-2-stride1", _spec(IMG, {"type": "MaxPool2D", "pool_size": 2, "stride": 1})),
    ("maxpool-2-stride1-even", _spec([2, 4, 6], {"type": "MaxPool2D", "pool_size": 2,
                                                 "stride": 1})),  # overlapping, sizes even
    ("avgpool-2-crop", _spec(IMG, {"type": "AvgPool2D", "pool_size": 2})),
    ("avgpool-3-stride2", _spec(IMG, {"type": "AvgPool2D", "pool_size": 3, "stride": 2})),
    ("flatten", _spec(IMG, {"type": "Flatten"})),
    ("relu", _spec([5], {"type": "Dense", "units": 6}, {"type": "ReLU"})),
    ("leakyrelu", _spec([5], {"type": "Dense", "units": 6}, {"type": "LeakyReLU",
                                                             "alpha": 0.1})),
    ("sigmoid", _spec([5], {"type": "Dense", "units": 6}, {"type": "Sigmoid"})),
    ("tanh", _spec([5], {"type": "Dense", "units": 6}, {"type": "Tanh"})),
    ("batchnorm-dense", _spec([5], {"type": "Dense", "units": 6}, {"type": "BatchNorm"},
                              {"type": "Tanh"})),
    ("batchnorm-conv", _spec(IMG, {"type": "Conv2D", "filters": 3, "kernel_size": 3,
                                   "stride": 2, "pad": 1},
                             {"type": "BatchNorm", "momentum": 0.5}, {"type": "Sigmoid"})),
    ("batchnorm-first", _spec(IMG, {"type": "BatchNorm"})),
    ("dropout", _spec([5], {"type": "Dense", "units": 8}, {"type": "Dropout", "rate": 0.4})),
    ("mse", {**_spec([5], {"type": "Dense", "units": 6}, {"type": "Tanh"}), "loss": "mse"}),
    # sequences (N, T=5, F=4); masks, stacks, Bidirectional: tests/nn/test_recurrent.py
    ("rnn", _spec([5, 4], {"type": "RNN", "units": 3})),
    ("gru", _spec([5, 4], {"type": "GRU", "units": 3})),
    ("lstm", _spec([5, 4], {"type": "LSTM", "units": 3})),
]


@pytest.mark.parametrize("spec", [c[1] for c in CASES], ids=[c[0] for c in CASES])
def test_gradcheck_every_layer(spec):
    errors = gradcheck(spec, seed=1)             # batch of 3, float64
    assert set(errors) == set(Network.from_spec(spec).params()) | {"input"}
    assert max(errors.values()) < 1e-6, errors


def test_every_layer_type_is_gradchecked():
    checked = {layer["type"] for _, spec in CASES for layer in spec["layers"]}
    assert checked == set(LAYERS)


def test_gradcheck_notices_a_wrong_gradient(monkeypatch):
    """The check can fail: break ReLU's backward and the error becomes large."""
    monkeypatch.setattr(LAYERS["ReLU"], "backward", lambda self, dout: dout)
    errors = gradcheck(_spec([5], {"type": "Dense", "units": 6}, {"type": "ReLU"}), seed=1)
    assert errors["0.W"] > 1e-2


# (layer config, input shape, expected output shape, expected parameter count)
SHAPES = [
    ({"type": "Dense", "units": 10}, (1, 28, 28), (10,), 784 * 10 + 10),
    ({"type": "Conv2D", "filters": 30, "kernel_size": 5}, (1, 28, 28), (30, 24, 24), 780),
    ({"type": "Conv2D", "filters": 4, "kernel_size": 3, "stride": 2, "pad": 1}, (3, 7, 6),
     (4, 4, 3), 4 * 3 * 9 + 4),
    ({"type": "MaxPool2D"}, (30, 24, 24), (30, 12, 12), 0),
    ({"type": "MaxPool2D", "pool_size": 3, "stride": 2}, (2, 7, 6), (2, 3, 2), 0),
    ({"type": "AvgPool2D", "pool_size": 2}, (2, 7, 6), (2, 3, 3), 0),
    ({"type": "Flatten"}, (2, 7, 6), (84,), 0),
    ({"type": "BatchNorm"}, (16, 5, 5), (16, 5, 5), 32),
    ({"type": "BatchNorm"}, (100,), (100,), 200),
    ({"type": "ReLU"}, (3, 4, 4), (3, 4, 4), 0),
    ({"type": "Dropout"}, (50,), (50,), 0),
]


@pytest.mark.parametrize(("config", "shape_in", "shape_out", "count"), SHAPES)
def test_output_shapes_match_real_arrays(config, shape_in, shape_out, count):
    layer_cls = LAYERS[config["type"]]
    layer = layer_cls.from_config(config)
    assert layer.output_shape(shape_in) == shape_out
    assert layer.num_params(shape_in) == count
    layer.build(shape_in, np.random.default_rng(0), np.float32, None)
    assert sum(p.size for p in layer.params.values()) == count
    out = layer.forward(np.ones((2, *shape_in), dtype=np.float32), train=True)
    assert out.shape == (2, *shape_out)
    assert out.dtype == np.float32


@pytest.mark.parametrize("name", sorted(LAYERS))
def test_config_json_round_trip(name):
    cls = LAYERS[name]
    settings = {k: s.default for k, s in cls.SETTINGS.items()}
    if "units" in settings:
        settings["units"] = 7
    layer = cls.from_config({"type": name, **settings})
    config = json.loads(json.dumps(layer.get_config()))
    assert config["type"] == name
    again = cls.from_config(config)
    assert again.get_config() == layer.get_config()
    assert isinstance(LAYER_DOCS[name], str) and LAYER_DOCS[name]


def test_settings_schema_checks_values():
    conv = LAYERS["Conv2D"].SETTINGS
    assert conv["filters"].kind == "int" and conv["filters"].default >= 1
    assert conv["init"].check("init", "he") == "he"
    assert conv["init"].check("init", 0.01) == 0.01
    with pytest.raises(ValueError, match="at least 1"):
        conv["filters"].check("filters", 0)
    with pytest.raises(ValueError, match="whole number"):
        conv["filters"].check("filters", 2.5)
    assert conv["filters"].check("filters", 30.0) == 30
    assert type(conv["filters"].check("filters", 30.0)) is int
    with pytest.raises(ValueError, match="whole number, not True"):
        conv["filters"].check("filters", True)
    with pytest.raises(ValueError, match="one of auto, he, xavier"):
        conv["init"].check("init", "glorot")
    assert LAYERS["MaxPool2D"].SETTINGS["stride"].check("stride", None) is None


def _numeric_layer_grad(layer, x, dout, train):
    """d sum(forward(x) * dout) / dx by central differences (float64)."""
    grad, h = np.zeros_like(x), 1e-6
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + h
        up = (layer.forward(x, train) * dout).sum()
        x[i] = old - h
        down = (layer.forward(x, train) * dout).sum()
        x[i] = old
        grad[i] = (up - down) / (2 * h)
    return grad


def test_batchnorm_eval_mode_gradient_and_running_stats():
    layer = LAYERS["BatchNorm"](momentum=0.5)
    layer.build((3, 2, 2), np.random.default_rng(0), np.float64, None)
    rng = np.random.default_rng(1)
    x = rng.normal(2.0, 3.0, size=(4, 3, 2, 2))
    out = layer.forward(x, train=True)
    # train mode: every channel of the output has mean 0 and variance 1 over N, H, W
    np.testing.assert_allclose(out.mean(axis=(0, 2, 3)), 0, atol=1e-12)
    np.testing.assert_allclose(out.var(axis=(0, 2, 3)), 1, atol=1e-3)
    # running = 0.5 * old + 0.5 * batch, from (0, 1)
    np.testing.assert_allclose(layer.buffers["running_mean"], 0.5 * x.mean(axis=(0, 2, 3)))
    np.testing.assert_allclose(layer.buffers["running_var"],
                               0.5 + 0.5 * x.var(axis=(0, 2, 3)))
    # eval mode uses the running statistics, not the batch's
    layer.params["gamma"][:] = [1.0, 2.0, 0.5]
    ev = layer.forward(x, train=False)
    rm, rv = layer.buffers["running_mean"], layer.buffers["running_var"]
    expected = (x - rm[None, :, None, None]) / np.sqrt(rv[None, :, None, None] + 1e-5)
    np.testing.assert_allclose(ev, expected * np.array([1.0, 2.0, 0.5])[None, :, None, None])
    dout = rng.standard_normal(ev.shape)
    layer.forward(x, train=False)
    dx = layer.backward(dout)
    assert rel_error(dx, _numeric_layer_grad(layer, x.copy(), dout, False)) < 1e-7


def test_dropout_train_drops_and_scales_eval_passes():
    layer = LAYERS["Dropout"](rate=0.3)
    layer.rng = np.random.default_rng(0)
    x = np.ones((4, 1000), dtype=np.float32)
    out = layer.forward(x, train=True)
    kept = out != 0
    assert 0.65 < kept.mean() < 0.75                          # about 1 - rate kept
    np.testing.assert_allclose(out[kept], 1 / 0.7, rtol=1e-6)  # inverted dropout
    dx = layer.backward(np.full_like(x, 2.0))
    np.testing.assert_array_equal(dx != 0, kept)              # gradient through kept units
    assert out.dtype == np.float32 and dx.dtype == np.float32
    assert layer.forward(x, train=False) is x                 # evaluation: identity


def test_relu_backward_does_not_write_into_dout():
    layer = LAYERS["ReLU"]()
    x = np.array([[-1.0, 2.0, 0.0, 3.0]], dtype=np.float32)
    np.testing.assert_array_equal(layer.forward(x), [[0, 2, 0, 3]])
    dout = np.ones_like(x)
    np.testing.assert_array_equal(layer.backward(dout), [[0, 1, 0, 1]])
    np.testing.assert_array_equal(dout, 1)
    np.testing.assert_array_equal(x, [[-1, 2, 0, 3]])


def test_maxpool_gradient_goes_to_the_first_max_only():
    layer = LAYERS["MaxPool2D"](pool_size=2)
    x = np.array([[[[0.0, 1.0, 5.0], [1.0, 1.0, 6.0]]]])      # last column cut off
    assert layer.forward(x)[0, 0, 0, 0] == 1.0
    dx = layer.backward(np.array([[[[3.0]]]]))
    np.testing.assert_array_equal(dx, [[[[0.0, 3.0, 0.0], [0.0, 0.0, 0.0]]]])


def test_maxpool_2x2_tiles_match_a_loop_with_ties_everywhere():
    """The 2x2 fast path: outputs and gradients equal a per-window loop (first max in
    row-major order wins), on small integers so that most windows hold ties."""
    rng = np.random.default_rng(3)
    x = rng.integers(0, 3, (3, 2, 6, 8)).astype(np.float32)
    dout = rng.standard_normal((3, 2, 3, 4)).astype(np.float32)
    layer = LAYERS["MaxPool2D"](pool_size=2)
    out, dx = layer.forward(x, True), layer.backward(dout)
    want_out, want_dx = np.zeros_like(dout), np.zeros_like(x)
    for n, c, i, j in np.ndindex(*dout.shape):
        window = x[n, c, 2 * i:2 * i + 2, 2 * j:2 * j + 2]
        a, b = divmod(int(window.argmax()), 2)                    # argmax: the first maximum
        want_out[n, c, i, j] = window.max()
        want_dx[n, c, 2 * i + a, 2 * j + b] = dout[n, c, i, j]
    np.testing.assert_array_equal(out, want_out)
    np.testing.assert_array_equal(dx, want_dx)


def test_infer_shapes_of_a_mixed_network():
    spec = _spec([1, 28, 28], {"type": "Conv2D", "filters": 8, "kernel_size": 3, "pad": 1},
                 {"type": "BatchNorm"}, {"type": "ReLU"}, {"type": "AvgPool2D"},
                 {"type": "Flatten"}, {"type": "Dropout"})
    table = [(i.type, i.output_shape, i.params) for i in infer(spec)]
    assert table == [("Conv2D", (8, 28, 28), 80), ("BatchNorm", (8, 28, 28), 16),
                     ("ReLU", (8, 28, 28), 0), ("AvgPool2D", (8, 14, 14), 0),
                     ("Flatten", (1568,), 0), ("Dropout", (1568,), 0),
                     ("Dense", (4,), 1568 * 4 + 4)]


@pytest.mark.parametrize("spec", [c[1] for c in CASES], ids=[c[0] for c in CASES])
def test_layers_never_write_their_input_or_dout(spec):
    """The contract in `Layer`: forward leaves x alone, backward leaves dout alone (both are
    made read-only here, so a write raises), and shapes come back as promised."""
    net = Network.from_spec(spec, seed=2, dtype=np.float64)
    for layer in net.layers:          # the Network's grant to its ReLUs (test_network.py)
        layer.overwrite_x = layer.overwrite_dout = False
    rng = np.random.default_rng(0)
    x = rng.standard_normal((3,) + net.info[0].input_shape)
    inputs = []
    for layer in net.layers:
        x.setflags(write=False)
        inputs.append(x)
        x = layer.forward(x, train=True)
    for layer, x_in in zip(reversed(net.layers), reversed(inputs), strict=True):
        dout = rng.standard_normal(x.shape)
        dout.setflags(write=False)
        dx = layer.backward(dout)
        assert dx.shape == x_in.shape
        assert {k: g.shape for k, g in layer.grads.items()} == {
            k: p.shape for k, p in layer.params.items()}
        x = x_in


def test_scratch_buffers_are_kept_per_name_shape_and_dtype():
    layer = LAYERS["ReLU"]()
    a = layer.scratch("col", (2, 3), np.float32)
    assert layer.scratch("col", (2, 3), np.float32) is a
    b = layer.scratch("col", (2, 3), np.float64)
    assert b.dtype == np.float64 and b is not a
    assert layer.scratch("other", (2, 3), np.float64) is not b
    c = layer.scratch("col", (4, 3), np.float64, keep=False)     # evaluation: not kept
    assert c.shape == (4, 3) and layer.scratch("col", (2, 3), np.float64) is b


def test_layer_repr_and_the_abstract_base():
    assert repr(LAYERS["Dense"](units=10)) == "Dense(units=10, init='auto')"
    assert repr(LAYERS["MaxPool2D"]()) == "MaxPool2D(pool_size=2, stride=None)"
    assert repr(LAYERS["ReLU"]()) == "ReLU()"
    base = LAYERS["ReLU"].__mro__[1]()                          # Layer itself
    with pytest.raises(NotImplementedError):
        base.forward(np.zeros((1, 2)))
    with pytest.raises(NotImplementedError):
        base.backward(np.zeros((1, 2)))


def test_each_setting_knows_its_name_its_choices_and_an_editor_range():
    from nndesk.nn import Setting

    for cls in LAYERS.values():
        assert all(s.name == name for name, s in cls.SETTINGS.items())
    stride = LAYERS["MaxPool2D"].SETTINGS["stride"]
    assert stride.optional and stride.spin_range() == (1, 16)
    assert LAYERS["Dense"].SETTINGS["init"].choices == ("auto", "he", "xavier")
    assert Setting("int", 1).spin_range() == (0, 100_000)  # unbounded: a finite editor range
    assert Setting("float", 0.5, 0.1).spin_range() == (0.1, 1e6)
    with pytest.raises(ValueError, match="one of auto, he, xavier"):
        LAYERS["Dense"].SETTINGS["init"].check("init", "lecun")
