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
    ({"input_shape": [1, 28], "layers": [{"type": "ReLU"}]}, "input_shape must be"),
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
