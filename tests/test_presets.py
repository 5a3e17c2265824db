"""Shipped presets: valid specs, named after their files, parameter counts worked out by hand."""

from __future__ import annotations

import json

import pytest

from nndesk.nn import Network, infer
from nndesk.paths import presets_dir
from nndesk.presets import list_presets, load_preset

# Parameter counts by hand: weights + biases per layer (BatchNorm: gamma + beta).
EXPECTED = {
    # Dense 784*10 + 10 = 7850
    "SoftmaxRegression": 7850,
    # Dense 784*50 + 50 = 39250; Dense 50*10 + 10 = 510; total 39760
    "TwoLayerNet": 39760,
    # Dense 784*100 + 100 = 78500; 5 x Dense 100*100 + 100 = 50500;
    # 6 x BatchNorm 2*100 = 1200; Dense 100*10 + 10 = 1010; total 131210
    "DeepMLP": 131210,
    # conv 30*1*5*5 + 30 = 780 -> 30x24x24, pool -> 30x12x12 = 4320;
    # Dense 4320*100 + 100 = 432100; Dense 100*10 + 10 = 1010; total 433890
    "SimpleConvNet": 433890,
    # conv 6*1*5*5 + 6 = 156 (pad 2: 6x28x28), pool -> 6x14x14;
    # conv 16*6*5*5 + 16 = 2416 -> 16x10x10, pool -> 16x5x5 = 400;
    # Dense 400*120 + 120 = 48120; Dense 120*84 + 84 = 10164; Dense 84*10 + 10 = 850;
    # total 156 + 2416 + 48120 + 10164 + 850 = 61706
    "LeNet5": 61706,
    # conv 16*1*9 + 16 = 160; conv 16*16*9 + 16 = 2320 (28x28), pool -> 14x14;
    # conv 32*16*9 + 32 = 4640 (14x14); conv 32*32*9 + 32 = 9248 (pad 2: 16x16), pool -> 8x8;
    # conv 64*32*9 + 64 = 18496; conv 64*64*9 + 64 = 36928 (8x8), pool -> 64x4x4 = 1024;
    # Dense 1024*50 + 50 = 51250; Dense 50*10 + 10 = 510;
    # total 160 + 2320 + 4640 + 9248 + 18496 + 36928 + 51250 + 510 = 123552
    "DeepConvNet": 123552,
    # the shipped model's network: conv 32*1*5*5 + 32 = 832 (pad 2: 32x28x28), BatchNorm 64,
    # pool -> 14x14; conv 64*32*5*5 + 64 = 51264, BatchNorm 128, pool -> 64x7x7 = 3136;
    # Dense 3136*256 + 256 = 803072, BatchNorm 512; Dense 256*10 + 10 = 2570;
    # total 832 + 64 + 51264 + 128 + 803072 + 512 + 2570 = 858442
    "DigitNet": 858442,
    # the trajectory model: 32 pen points x 5 features (nndesk/data/trajectory.py);
    # GRU 3 gates x 64 units x (5 inputs + 64 recurrent + 1 bias) = 13440, twice (both ways)
    # = 26880 -> 128 numbers; Dense 128*10 + 10 = 1290; total 28170
    "PenGRU": 28170,
}
SEQUENCE_PRESETS = {"PenGRU": [32, 5]}      # (steps, features); the others read 1x28x28


def test_the_expected_presets_ship():
    assert set(list_presets()) == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_preset_parameter_count(name):
    spec = load_preset(name)
    assert sum(info.params for info in infer(spec)) == EXPECTED[name]
    assert Network.from_spec(spec).num_params == EXPECTED[name]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_preset_file_is_tidy(name):
    text = (presets_dir() / f"{name}.json").read_text(encoding="utf-8")
    spec = json.loads(text)
    assert spec["name"] == name
    assert spec["input_shape"] == SEQUENCE_PRESETS.get(name, [1, 28, 28])
    assert 20 < len(spec["description"]) < 250 and "\n" not in spec["description"]
    assert infer(spec)[-1].output_shape == (10,)


def test_deepconvnet_is_the_books_architecture():
    layers = load_preset("DeepConvNet")["layers"]
    convs = [(c["filters"], c["kernel_size"], c["pad"]) for c in layers if c["type"] == "Conv2D"]
    assert convs == [(16, 3, 1), (16, 3, 1), (32, 3, 1), (32, 3, 2), (64, 3, 1), (64, 3, 1)]
    assert [c["type"] for c in layers[-5:]] == ["Dense", "ReLU", "Dropout", "Dense", "Dropout"]
    assert sum(c["type"] == "MaxPool2D" for c in layers) == 3
