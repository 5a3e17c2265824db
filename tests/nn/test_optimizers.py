"""Optimizers: one step against the formula by hand; state_dict resumes bit-exactly."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk.nn import OPTIMIZERS, Adam, make_optimizer

P0 = np.array([1.0, -2.0, 0.5], dtype=np.float32)
G = np.array([0.1, 0.2, -0.3], dtype=np.float32)


def _two_steps(opt):
    """Two updates of params {"0.W": P0, "0.b": P0} with gradient G; returns 0.W."""
    params = {"0.W": P0.copy(), "0.b": P0.copy()}
    for _ in range(2):
        opt.update(params, {"0.W": G.copy(), "0.b": G.copy()})
    return params["0.W"]


def _expected(name):
    """The same two steps written out by hand in float64 (lr 0.1)."""
    p, g, lr = P0.astype(np.float64), G.astype(np.float64), 0.1
    if name == "SGD":
        return p - 2 * lr * g
    if name == "Momentum":                       # v1 = -lr g, v2 = 0.9 v1 - lr g
        return p - lr * g + (-0.9 * lr * g - lr * g)
    if name == "Nesterov":
        v1 = -lr * g
        p1 = p + 0.81 * v1 - 1.9 * lr * g
        v2 = 0.9 * v1 - lr * g
        return p1 + 0.81 * v2 - 1.9 * lr * g
    if name == "AdaGrad":                        # h1 = g^2, h2 = 2 g^2
        return p - lr * g / (np.abs(g) + 1e-7) - lr * g / (np.sqrt(2) * np.abs(g) + 1e-7)
    if name == "RMSProp":                        # h1 = 0.01 g^2, h2 = 0.0199 g^2
        h1, h2 = 0.01 * g * g, (0.99 * 0.01 + 0.01) * g * g
        return p - lr * g / (np.sqrt(h1) + 1e-7) - lr * g / (np.sqrt(h2) + 1e-7)
    if name == "Adam":                           # bias-corrected m / sqrt(v) is g / |g|
        m1, v1 = 0.1 * g, 0.001 * g * g
        m2, v2 = 0.9 * m1 + 0.1 * g, 0.999 * v1 + 0.001 * g * g
        p1 = p - lr * (m1 / 0.1) / (np.sqrt(v1 / 0.001) + 1e-8)
        return p1 - lr * (m2 / 0.19) / (np.sqrt(v2 / (1 - 0.999 ** 2)) + 1e-8)
    raise AssertionError(name)


@pytest.mark.parametrize("name", sorted(OPTIMIZERS))
def test_two_steps_match_the_formula(name):
    result = _two_steps(make_optimizer(name, lr=0.1))
    assert result.dtype == np.float32
    np.testing.assert_allclose(result, _expected(name), rtol=1e-5)


def test_weight_decay_applies_to_weights_only():
    opt = make_optimizer("sgd", lr=0.1, weight_decay=0.5)
    params = {"0.W": P0.copy(), "0.b": P0.copy()}
    grads = {"0.W": G.copy(), "0.b": G.copy()}
    opt.update(params, grads)
    np.testing.assert_allclose(params["0.W"], P0 - 0.1 * (G + 0.5 * P0), rtol=1e-6)
    np.testing.assert_allclose(params["0.b"], P0 - 0.1 * G, rtol=1e-6)
    np.testing.assert_array_equal(grads["0.W"], G)            # gradient left untouched


@pytest.mark.parametrize("name", sorted(OPTIMIZERS))
def test_state_dict_resumes_bit_exactly(name):
    rng = np.random.default_rng(0)
    shapes = {"0.W": (4, 3), "0.b": (3,), "2.gamma": (3,)}
    grads_seq = [{k: rng.standard_normal(s).astype(np.float32) for k, s in shapes.items()}
                 for _ in range(6)]
    params = {k: rng.standard_normal(s).astype(np.float32) for k, s in shapes.items()}
    a = make_optimizer(name, lr=0.05, weight_decay=0.01)
    for g in grads_seq[:3]:
        a.update(params, g)
    saved_params = {k: v.copy() for k, v in params.items()}
    state = a.state_dict()
    assert all(isinstance(v, np.ndarray) for v in state.values())
    assert int(state["t"]) == 3
    b = make_optimizer(name, lr=0.9, weight_decay=0.01)       # lr comes from the state
    b.load_state_dict({k: v.copy() for k, v in state.items()})
    resumed = {k: v.copy() for k, v in saved_params.items()}
    for g in grads_seq[3:]:
        a.update(params, g)
        b.update(resumed, g)
    for k in params:
        np.testing.assert_array_equal(params[k], resumed[k])
    for k, v in a.state_dict().items():
        np.testing.assert_array_equal(v, b.state_dict()[k])


def test_lr_can_change_between_steps_and_bad_names():
    opt = Adam(lr=0.1)
    opt.lr = 0.0
    p = {"0.W": P0.copy()}
    opt.update(p, {"0.W": G.copy()})
    np.testing.assert_array_equal(p["0.W"], P0)
    with pytest.raises(ValueError, match="choose one of SGD"):
        make_optimizer("adamw")
    with pytest.raises(ValueError, match="'x.0.W'"):
        Adam().load_state_dict({"t": np.array(1), "lr": np.array(0.1), "x.0.W": P0})
