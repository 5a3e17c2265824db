"""The gradient-check table: one row per tensor, pass below 1e-6, failures flagged."""

from __future__ import annotations

import pytest

from nndesk.insight.gradients import TOLERANCE, gradcheck_table
from nndesk.nn import SpecError

SMALL = {"name": "small", "input_shape": [1, 3, 3], "layers": [
    {"type": "Dense", "units": 4}, {"type": "Tanh"}, {"type": "Dense", "units": 3}]}


def test_rows_for_every_tensor_and_the_input():
    rows = gradcheck_table(SMALL, max_checks=None)
    assert [(r["tensor"], r["layer"], r["position"], r["param"], r["shape"]) for r in rows] == [
        ("0.W", "Dense", 1, "W", [9, 4]), ("0.b", "Dense", 1, "b", [4]),
        ("2.W", "Dense", 3, "W", [4, 3]), ("2.b", "Dense", 3, "b", [3]),
        ("input", "", None, "input", [3, 1, 3, 3])]
    assert all(r["ok"] and 0 <= r["error"] < TOLERANCE for r in rows)


def test_batchnorm_and_bidirectional_tensors_are_named_in_their_layer():
    spec = {"name": "seq", "input_shape": [None, 2], "layers": [
        {"type": "GRU", "units": 2, "bidirectional": True}, {"type": "BatchNorm"},
        {"type": "Dense", "units": 3}]}
    rows = gradcheck_table(spec, max_checks=3)
    named = {r["tensor"]: (r["layer"], r["position"], r["param"]) for r in rows}
    assert named["0.back.U"] == ("GRU", 1, "back.U")
    assert named["1.gamma"] == ("BatchNorm", 2, "gamma")
    assert named["1.beta"] == ("BatchNorm", 2, "beta")
    assert named["2.W"] == ("Dense", 3, "W")


def test_a_step_too_large_fails():
    """A step of 0.5 on tanh: the central difference is far from the derivative."""
    rows = gradcheck_table(SMALL, h=0.5, max_checks=None)
    assert not all(r["ok"] for r in rows)
    assert all(r["ok"] == (r["error"] < TOLERANCE) for r in rows)


def test_a_broken_design_is_a_spec_error():
    bad = {"name": "bad", "input_shape": [1, 2, 2], "layers": [
        {"type": "MaxPool2D", "pool_size": 3}, {"type": "Dense", "units": 2}]}
    with pytest.raises(SpecError):
        gradcheck_table(bad)
