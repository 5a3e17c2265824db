"""Specs: SpecError names the layer and says what is wrong; specs survive JSON."""

from __future__ import annotations

import json

import pytest

from nndesk.nn import Network, SpecError, infer


def _err(spec) -> SpecError:
    with pytest.raises(SpecError) as info:
        infer(spec)
    return info.value


def _conv_stack(n_convs):
    layers = []
    for _ in range(n_convs):
        layers += [{"type": "Conv2D", "filters": 4, "kernel_size": 3, "pad": 1},
                   {"type": "MaxPool2D", "pool_size": 2}]
    return {"input_shape": [1, 28, 28], "layers": layers + [{"type": "Dense", "units": 10}]}


def test_pool_that_does_not_fit_names_layer_and_sizes():
    # 28 -> 14 -> 7 -> 3 -> 1 -> the fifth pool (layer 10) meets a 1x1 map
    err = _err(_conv_stack(5))
    assert str(err) == "layer 10 (MaxPool2D): a 2x2 window does not fit a 1x1 input"
    assert (err.index, err.layer_type) == (9, "MaxPool2D")
    assert err.reason == "a 2x2 window does not fit a 1x1 input"


def test_kernel_larger_than_input():
    spec = {"input_shape": [1, 4, 4], "layers": [
        {"type": "Conv2D", "filters": 2, "kernel_size": 5}, {"type": "Dense", "units": 2}]}
    assert str(_err(spec)) == "layer 1 (Conv2D): a 5x5 kernel does not fit a 4x4 input"


def test_conv_after_dense_says_it_needs_an_image():
    spec = {"input_shape": [1, 28, 28], "layers": [
        {"type": "Dense", "units": 100}, {"type": "Conv2D", "filters": 2, "kernel_size": 3},
        {"type": "Dense", "units": 10}]}
    err = _err(spec)
    assert err.index == 1 and "needs an image" in str(err) and "100 numbers" in str(err)


@pytest.mark.parametrize(("layer", "words"), [
    ({"type": "Conv3D"}, "unknown layer type; did you mean Conv2D?"),
    ({"type": "Dense", "units": 0}, "units must be at least 1, not 0"),
    ({"type": "Dense", "units": "ten"}, "units must be a whole number, not 'ten'"),
    ({"type": "Dense", "units": 10, "activation": "relu"}, "unknown setting 'activation'"),
    ({"type": "Dropout", "rate": 1.5}, "rate must be at most 0.95, not 1.5"),
    ({"type": "Dense", "units": 10, "init": "glorot"}, "init must be one of auto, he, xavier"),
    ({"type": "Dense", "units": 10, "init": -0.1}, "init must be above 0"),
    ({"units": 10}, "a layer must be a dict with a \"type\""),
    ("ReLU", "a layer must be a dict"),
])
def test_bad_layers_are_spec_errors_not_key_errors(layer, words):
    spec = {"input_shape": [1, 28, 28], "layers": [{"type": "ReLU"}, layer,
                                                   {"type": "Dense", "units": 10}]}
    err = _err(spec)
    assert err.index == 1
    assert str(err).startswith("layer 2 (")
    assert words in str(err)


@pytest.mark.parametrize(("spec", "words"), [
    ([1, 2], "must be a dict"),
    ({"layers": [{"type": "ReLU"}]}, "input_shape must be"),
    ({"input_shape": [28, None], "layers": [{"type": "ReLU"}]}, "input_shape must be"),
    ({"input_shape": [1, 28, 0], "layers": [{"type": "ReLU"}]}, "input_shape must be"),
    ({"input_shape": [784], "layers": []}, "non-empty list"),
    ({"input_shape": [784], "layers": [{"type": "Dense", "units": 2}], "loss": "hinge"},
     "unknown loss 'hinge'"),
])
def test_bad_specs(spec, words):
    err = _err(spec)
    assert err.index is None and words in str(err)


def test_last_layer_must_give_scores():
    spec = {"input_shape": [1, 8, 8], "layers": [{"type": "Conv2D", "filters": 3,
                                                  "kernel_size": 3}]}
    err = _err(spec)
    assert err.index == 0 and "6x6" in err.reason and "one score per class" in err.reason


def test_spec_json_round_trip_rebuilds_the_same_network():
    spec = {"name": "tiny", "input_shape": [1, 10, 10], "layers": [
        {"type": "Conv2D", "filters": 3, "kernel_size": 3, "stride": 2, "pad": 1,
         "init": 0.05},
        {"type": "BatchNorm"}, {"type": "LeakyReLU", "alpha": 0.2},
        {"type": "MaxPool2D", "pool_size": 3, "stride": 1}, {"type": "Dense", "units": 10}]}
    net = Network.from_spec(spec, seed=3)
    text = json.dumps(net.spec)
    again = Network.from_spec(json.loads(text), seed=3)
    assert again.spec == net.spec
    assert net.spec["layers"][3] == {"type": "MaxPool2D", "pool_size": 3, "stride": 1}
    assert net.spec["layers"][1] == {"type": "BatchNorm", "momentum": 0.9, "eps": 1e-5}
    for k, v in net.state_dict().items():
        assert (again.state_dict()[k] == v).all(), k
    assert net.spec is not net.spec                          # a copy each time


NAN, INF = float("nan"), float("inf")


@pytest.mark.parametrize(("layer", "words"), [
    ({"type": "Dense", "units": 10, "self": 1}, "unknown setting 'self'"),
    ({"type": "Dense", "units": 10, "__class__": 1}, "unknown setting '__class__'"),
    ({"type": "ReLU", "cls": 1}, "unknown setting 'cls' (settings: none)"),
    ({"type": "Dropout", "rate": NAN}, "rate must be a finite number, not nan"),
    ({"type": "BatchNorm", "eps": NAN}, "eps must be a finite number, not nan"),
    ({"type": "BatchNorm", "momentum": INF}, "momentum must be a finite number, not inf"),
    ({"type": "LeakyReLU", "alpha": -INF}, "alpha must be a finite number, not -inf"),
    ({"type": "Dense", "units": 10, "init": 1e308}, "init must be at most 100"),
    ({"type": "Dense", "units": 10, "init": NAN}, "init must be a finite number"),
    ({"type": "Dense", "units": 10, "init": INF}, "init must be a finite number"),
    ({"type": "Dense", "units": True}, "units must be a whole number, not True"),
    ({"type": "Dropout", "rate": False}, "rate must be a number, not False"),
    ({"type": "Dense", "units": 10 ** 30}, "units must be at most 100000"),
    ({"type": "Dense", "units": NAN}, "units must be a whole number, not nan"),
    ({"type": "LeakyReLU", "alpha": 10 ** 400}, "alpha is far too large"),
    ({"type": "MaxPool2D", "pool_size": 10 ** 400}, "pool_size is far too large"),
    ({"type": "Dense", "units": [10]}, "units must be a whole number, not [10]"),
    ({"type": "Conv2D", "filters": {"a": 1}}, "filters must be a whole number"),
    ({"type": "MaxPool2D", "stride": NAN}, "stride must be a whole number"),
    ({"type": ["Dense"]}, "a layer must be a dict with a \"type\""),
    ({"type": "x" * 10_000}, "unknown layer type"),
])
def test_malformed_settings_are_spec_errors_naming_layer_and_reason(layer, words):
    """Never TypeError/KeyError/OverflowError, and NaN never slips past a range check."""
    spec = {"input_shape": [1, 8, 8], "layers": [{"type": "ReLU"}, layer,
                                                 {"type": "Dense", "units": 10}]}
    err = _err(spec)
    assert err.index == 1 and str(err).startswith("layer 2 (")
    assert words in str(err)
    assert len(str(err)) < 300                       # a 10,000-letter type is cut short


@pytest.mark.parametrize(("spec", "words"), [
    ({"input_shape": [784], "layers": [{"type": "Dense", "units": 2}], "loss": []},
     "unknown loss []"),
    ({"input_shape": [784], "layers": [{"type": "Dense", "units": 2}], "loss": {}},
     "unknown loss {}"),
    ({"input_shape": [784], "layers": [{"type": "Dense", "units": 2}], "name": ["x"]},
     "name must be text"),
    ({"input_shape": [True, 28, 28], "layers": [{"type": "ReLU"}]}, "input_shape must be"),
    ({"input_shape": [1.0, 28, 28], "layers": [{"type": "ReLU"}]}, "input_shape must be"),
    ({"input_shape": [NAN], "layers": [{"type": "ReLU"}]}, "input_shape must be"),
    ({"input_shape": {"a": 1}, "layers": [{"type": "ReLU"}]}, "input_shape must be"),
    ({"input_shape": [784], "layers": {"type": "ReLU"}}, "non-empty list"),
])
def test_malformed_specs_are_spec_errors(spec, words):
    err = _err(spec)
    assert err.index is None and words in str(err)


GB = 10 ** 9


def _dense(n_in, units):
    return {"input_shape": [n_in], "layers": [{"type": "Dense", "units": units}]}


def test_ten_billion_parameters_never_pass_infer_on_any_machine():
    for memory in (None, 10 ** 15):
        with pytest.raises(SpecError, match=r"has 10,000,100,000 parameters; nndesk trains at "
                                            r"most 1,000,000,000 \(40.0 GB for the weights"):
            infer(_dense(100_000, 100_000), memory_bytes=memory)


def test_weights_larger_than_the_machine_give_both_figures():
    # 30,000 x 30,000 + 30,000 = 900,030,000 float32 numbers = 3.6 GB
    with pytest.raises(SpecError) as info:
        infer(_dense(30_000, 30_000), memory_bytes=2 * GB)
    assert str(info.value) == "needs 3.6 GB for the weights; this computer has 2.0 GB"
    assert info.value.index is None


def test_training_memory_counts_the_batch():
    """A 64-filter 5x5 conv on a 1000x1000 image: per image 2 x 64 x 996^2 outputs and
    2 x 25 x 996^2 column entries, 4 bytes each = 0.706 GB; weights are tiny."""
    spec = {"input_shape": [1, 1000, 1000], "layers": [
        {"type": "Conv2D", "filters": 64, "kernel_size": 5}, {"type": "Dense", "units": 2}]}
    per_image = (2 * 64 + 2 * 25) * 996 * 996 * 4
    dense = 64 * 996 * 996 * 2 + 2
    weights = (64 * 25 + 64 + dense) * 4
    need = 4 * weights + 10 * (per_image + 2 * 2 * 4)
    assert infer(spec, batch_size=10, memory_bytes=need)             # exactly enough
    with pytest.raises(SpecError, match=r"to train on a batch of 10 .*this computer has"):
        infer(spec, batch_size=10, memory_bytes=need - 1)
    assert infer(spec, batch_size=1, memory_bytes=need - 1)          # a smaller batch fits


def test_network_from_spec_refuses_what_cannot_be_built():
    with pytest.raises(SpecError, match="parameters; nndesk trains at most"):
        Network.from_spec(_dense(100_000, 100_000))


def test_messages_in_full_for_a_layer_that_is_not_a_dict_or_type():
    spec = {"input_shape": [4], "layers": [{"type": "ReLU"}, 7]}
    err = _err(spec)
    assert (err.index, err.layer_type) == (1, "?")
    assert str(err) == 'layer 2 (?): a layer must be a dict with a "type", e.g. {"type": "ReLU"}'
    err = _err({"input_shape": [4], "layers": [{"type": "Qqqq"}]})
    assert err.layer_type == "Qqqq"
    assert str(err) == ("layer 1 (Qqqq): unknown layer type; known types: Dense, Conv2D, "
                        "MaxPool2D, AvgPool2D, Flatten, ReLU, LeakyReLU, Sigmoid, Tanh, "
                        "BatchNorm, Dropout, RNN, GRU, LSTM")
    assert _err({"input_shape": [4], "layers": [{"type": "Desne"}]}).reason.startswith(
        "unknown layer type; did you mean Dense? known types: Dense, Conv2D,")


@pytest.mark.parametrize("shape", [[10 ** 30], [1, 10 ** 12, 10 ** 12], [2 ** 64, 1, 1]])
def test_huge_input_shapes_are_refused_before_anything_is_allocated(shape):
    err = _err({"input_shape": shape, "layers": [{"type": "ReLU"}, {"type": "Flatten"}]})
    assert err.index is None and "this computer has" in str(err)


def test_memory_figures_and_cut_values_in_messages():
    from nndesk.nn.base import _show

    # [10**12] features, ReLU then Flatten: per image 2 layers x 2 x 10^12 numbers x 4 bytes
    # = 16,000 GB; a batch of 100 (infer's default) 1,600,000 GB
    err = _err({"input_shape": [10 ** 12], "layers": [{"type": "ReLU"}, {"type": "Flatten"}]})
    assert str(err).startswith("needs 1,600,000.0 GB to train on a batch of 100 ")
    with pytest.raises(SpecError, match=r"^needs 160.0 GB to train on a batch of 1 "):
        infer({"input_shape": [10 ** 10], "layers": [{"type": "ReLU"}, {"type": "Flatten"}]},
              batch_size=1, memory_bytes=8 * GB)
    assert _show("x" * 38) == "'" + "x" * 38 + "'"                      # 40 characters: kept
    assert _show("x" * 39) == "'" + "x" * 36 + "..."                     # 41: cut to 40
    assert len(_show(list(range(1000)))) == 40


@pytest.mark.parametrize("input_shape, layer, per_image", [
    # GRU (3 gates), both ways: outputs 2 x 6; per step 3 units x (2 x 3 + 4) x 2 directions
    # over 6 steps = 360; the input and its gradient 2 x 12; then Dense's 2 x 10
    ([6, 2], {"type": "GRU", "units": 3, "bidirectional": True}, 2 * 6 + 360 + 24 + 20),
    # RNN (1 gate) on 5 steps: 2 x 4 + 5 x 4 x (2 + 4) + 2 x 15 + 20
    ([5, 3], {"type": "RNN", "units": 4}, 8 + 120 + 30 + 20),
    # any length counts 200 steps: 2 x 3 + 200 x 3 x 10 + 2 x 400 + 20
    ([None, 2], {"type": "GRU", "units": 3}, 6 + 6000 + 800 + 20),
])
def test_training_memory_of_a_recurrent_layer(input_shape, layer, per_image):
    from nndesk.nn.spec import build_layers, estimate_memory

    layers, infos = build_layers({"input_shape": input_shape,
                                  "layers": [layer, {"type": "Dense", "units": 10}]})
    est = estimate_memory(layers, infos, batch_size=7)
    assert est.weights == 4 * sum(i.params for i in infos)
    assert est.training - 4 * est.weights == 7 * per_image * 4     # float32 bytes per image


def test_an_unknown_layer_type_is_cut_to_30_characters_and_a_spec_must_be_a_dict():
    kind = "Q" * 50
    with pytest.raises(SpecError) as err:
        infer({"input_shape": [4], "layers": [{"type": kind}]})
    assert err.value.layer_type == "Q" * 26 + "..."          # repr 'QQ...' cut to 30, quotes off
    assert str(err.value).startswith("layer 1 (" + "Q" * 26 + "...): unknown layer type; known")
    with pytest.raises(SpecError) as err:
        infer([{"type": "Dense"}])
    assert str(err.value) == 'a network spec must be a dict with "input_shape" and "layers"'
