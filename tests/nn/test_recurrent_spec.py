"""Sequence specs: input_shape [T, F] or [null, F], shapes and parameter counts worked out by
hand (Keras counts the same: GRU with reset_after=False, LSTM), learner-worded errors."""

from __future__ import annotations

import pytest

from nndesk.nn import SpecError, infer


def _table(spec):
    return [(i.type, i.input_shape, i.output_shape, i.params) for i in infer(spec)]


def test_bidirectional_gru_over_variable_length_pen_paths():
    spec = {"input_shape": [None, 3], "layers": [
        {"type": "GRU", "units": 32, "return_sequences": True, "bidirectional": True},
        {"type": "GRU", "units": 16},
        {"type": "Dense", "units": 10}]}
    # GRU: 3 gates x units x (inputs + units + 1 bias); bidirectional twice
    assert _table(spec) == [
        ("GRU", (None, 3), (None, 64), 2 * 3 * 32 * (3 + 32 + 1)),      # 6,912
        ("GRU", (None, 64), (16,), 3 * 16 * (64 + 16 + 1)),             # 3,888
        ("Dense", (16,), (10,), 16 * 10 + 10)]


def test_fixed_length_rnn_and_lstm():
    spec = {"input_shape": [8, 2], "layers": [
        {"type": "RNN", "units": 5, "return_sequences": True},
        {"type": "Tanh"},
        {"type": "LSTM", "units": 4},
        {"type": "Dense", "units": 10}]}
    assert _table(spec) == [
        ("RNN", (8, 2), (8, 5), 5 * (2 + 5 + 1)),
        ("Tanh", (8, 5), (8, 5), 0),
        ("LSTM", (8, 5), (4,), 4 * 4 * (5 + 4 + 1)),
        ("Dense", (4,), (10,), 50)]


def test_dense_may_flatten_a_fixed_length_sequence():
    spec = {"input_shape": [6, 2], "layers": [
        {"type": "RNN", "units": 3, "return_sequences": True}, {"type": "Dense", "units": 10}]}
    assert infer(spec)[1].params == 6 * 3 * 10 + 10


def _error(spec) -> SpecError:
    with pytest.raises(SpecError) as info:
        infer(spec)
    return info.value


@pytest.mark.parametrize("layers, index, words", [
    ([{"type": "Conv2D", "filters": 4, "kernel_size": 3}],
     0, "layer 1 (Conv2D): needs an image (channels x height x width), but its input is a "
        "sequence (any number of steps x 3 features); Conv2D reads images, RNN, GRU and LSTM "
        "read sequences"),
    ([{"type": "MaxPool2D"}], 0, "MaxPool2D reads images"),
    ([{"type": "GRU", "units": 8, "return_sequences": True}, {"type": "Dense", "units": 10}],
     1, "layer 2 (Dense): needs a fixed number of inputs, but its input is a sequence of any "
        "number of steps (x 8); turn return_sequences off on the recurrent layer before it"),
    ([{"type": "LSTM", "units": 8, "return_sequences": True}, {"type": "Flatten"},
      {"type": "Dense", "units": 10}], 1, "a sequence of any number of steps"),
    ([{"type": "GRU", "units": 8, "return_sequences": True}],
     0, "layer 1 (GRU): the last layer must give one score per class (e.g. Dense with 10 "
        "units), but it gives a sequence (any number of steps x 8); turn return_sequences off"),
    ([{"type": "GRU", "units": 8}, {"type": "LSTM", "units": 4}, {"type": "Dense", "units": 10}],
     1, "layer 2 (LSTM): needs a sequence (steps x features), but its input is 8 numbers in a "
        "row; a recurrent layer reads the input sequence or the output of another recurrent "
        "layer with return_sequences on"),
    ([{"type": "GRU", "units": 8, "bidirectional": 1}, {"type": "Dense", "units": 10}],
     0, "layer 1 (GRU): bidirectional must be true or false, not 1"),
    ([{"type": "RNN", "units": 0}], 0, "units must be at least 1, not 0"),
])
def test_sequence_mistakes_are_named(layers, index, words):
    err = _error({"input_shape": [None, 3], "layers": layers})
    assert err.index == index
    assert words in str(err)


@pytest.mark.parametrize("steps, words", [(5, "5 steps"), (1, "1 step")])
def test_a_fixed_length_sequence_names_its_steps(steps, words):
    err = _error({"input_shape": [steps, 3], "layers": [{"type": "MaxPool2D"}]})
    assert str(err) == (f"layer 1 (MaxPool2D): needs an image (channels x height x width), but "
                        f"its input is a sequence ({words} x 3 features); MaxPool2D reads "
                        f"images, RNN, GRU and LSTM read sequences")


def test_recurrent_after_dense_and_on_an_image():
    err = _error({"input_shape": [10], "layers": [
        {"type": "Dense", "units": 8}, {"type": "RNN", "units": 4}, {"type": "Dense",
                                                                     "units": 10}]})
    assert str(err).startswith("layer 2 (RNN): needs a sequence (steps x features), but its "
                               "input is 8 numbers in a row")
    err = _error({"input_shape": [1, 28, 28], "layers": [{"type": "GRU", "units": 4},
                                                        {"type": "Dense", "units": 10}]})
    assert "needs a sequence (steps x features), but its input is an image" in str(err)


@pytest.mark.parametrize("shape", [[None, None], [3, None], [None], [None, 2, 2], [0, 3],
                                   [True, 3]])
def test_bad_sequence_input_shapes(shape):
    err = _error({"input_shape": shape, "layers": [{"type": "Dense", "units": 10}]})
    assert err.index is None and "[steps, features] (steps may be null" in str(err)
