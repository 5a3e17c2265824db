"""Optimizers: each update against values worked out by hand and against the papers' formulas
written out here (never the engine's own output); state_dict resumes bit-exactly."""

from __future__ import annotations

import math

import numpy as np
import pytest

from nndesk.nn import OPTIMIZERS, Adam, RMSprop, make_optimizer

P0 = np.array([1.0, -2.0, 0.5], dtype=np.float32)
G = np.array([0.1, 0.2, -0.3], dtype=np.float32)


def _two_steps(opt):
    """Two updates of params {"0.W": P0, "0.b": P0} with gradient G; returns 0.W."""
    params = {"0.W": P0.copy(), "0.b": P0.copy()}
    for _ in range(2):
        opt.update(params, {"0.W": G.copy(), "0.b": G.copy()})
    return params["0.W"]


# Two steps at lr 0.1 from P0 with the constant gradient G = [0.1, 0.2, -0.3], worked out on
# paper from each update rule (defaults: momentum 0.9, decay_rate 0.99, Adam's betas):
#   SGD       p0 - 2*0.1*g
#   Momentum  v1 = -0.1 g, v2 = 0.9 v1 - 0.1 g = -0.19 g: p0 - 0.29 g
#   Nesterov  p1 = p0 + 0.81*0 - 1.9*0.1 g; p2 = p1 + 0.81*v1 - 0.19 g = p0 - 0.461 g
#   AdaGrad   h1 = g^2, h2 = 2 g^2: steps 0.1 and 0.1/sqrt(2) times sign(g)
#   RMSprop   h1 = 0.01 g^2, h2 = 0.0199 g^2: steps 0.1/0.1 = 1 and 0.1/sqrt(0.0199) = 0.70888
#   Adam      with a constant g every bias-corrected step is lr * sign(g): p0 - 0.2 sign(g)
# (the epsilons left out: they move RMSprop's figures by 1.5e-5 at most; the step-by-step
# test below keeps them and holds to 1e-12)
HAND = {
    "SGD": [0.98, -2.04, 0.56],
    "Momentum": [0.971, -2.058, 0.587],
    "Nesterov": [0.9539, -2.0922, 0.6383],
    "AdaGrad": [0.8292893, -2.1707107, 0.6707107],
    "RMSprop": [-0.7088812, -3.7088812, 2.2088812],
    "Adam": [0.8, -2.2, 0.7],
}


@pytest.mark.parametrize("name", sorted(OPTIMIZERS))
def test_two_steps_match_the_values_worked_out_by_hand(name):
    result = _two_steps(make_optimizer(name, lr=0.1))
    assert result.dtype == np.float32
    np.testing.assert_allclose(result, HAND[name], rtol=0, atol=2e-5)


# The update rules as the papers and the book write them, one number at a time (plain Python
# floats, no NumPy), on f(theta) = 0.5 theta.A.theta - b.theta, so that the gradient changes
# from step to step. The third coordinate has a tiny gradient: there the epsilons matter.
A = [[2.0, 0.5, 0.0], [0.5, 1.0, 0.0], [0.0, 0.0, 1e-6]]
B = [1.0, -1.0, 1e-6]
THETA0 = [1.0, -2.0, 0.5]
STEPS, LR = 6, 0.05


def _grad(theta):
    return [sum(A[i][j] * theta[j] for j in range(3)) - B[i] for i in range(3)]


def _paper(name):
    """The parameters after each step, by the paper's (or the book's) formulas."""
    theta, out = list(THETA0), []
    v = [0.0] * 3                              # Momentum, Nesterov: velocity; RMSprop/AdaGrad: h
    m = [0.0] * 3
    for t in range(1, STEPS + 1):
        if name == "Nesterov":                 # Sutskever et al. 2013, eq. 3-4: the gradient
            g = _grad([theta[i] + 0.9 * v[i] for i in range(3)])    # at theta + mu v
            v = [0.9 * v[i] - LR * g[i] for i in range(3)]
            theta = [theta[i] + v[i] for i in range(3)]
            out.append([theta[i] + 0.9 * v[i] for i in range(3)])  # the look-ahead point
            continue
        g = _grad(theta)
        for i in range(3):
            if name == "SGD":                  # book eq. 6.1
                theta[i] -= LR * g[i]
            elif name == "Momentum":           # book eq. 6.3-6.4
                v[i] = 0.9 * v[i] - LR * g[i]
                theta[i] += v[i]
            elif name == "AdaGrad":            # book eq. 6.5-6.6 (Duchi et al. 2011)
                v[i] += g[i] * g[i]
                theta[i] -= LR * g[i] / (math.sqrt(v[i]) + 1e-7)
            elif name == "RMSprop":            # Tieleman & Hinton 2012, the book's code
                v[i] = 0.99 * v[i] + 0.01 * g[i] * g[i]
                theta[i] -= LR * g[i] / (math.sqrt(v[i]) + 1e-7)
            elif name == "Adam":               # Kingma & Ba 2015, sec. 2, the efficient form:
                m[i] = 0.9 * m[i] + 0.1 * g[i]                 # alpha_t = alpha sqrt(1-b2^t)
                v[i] = 0.999 * v[i] + 0.001 * g[i] * g[i]      #   / (1-b1^t)
                alpha_t = LR * math.sqrt(1 - 0.999 ** t) / (1 - 0.9 ** t)
                theta[i] -= alpha_t * m[i] / (math.sqrt(v[i]) + 1e-8)
        out.append(list(theta))
    return out


@pytest.mark.parametrize("name", sorted(OPTIMIZERS))
def test_every_optimizer_follows_the_papers_update_step_by_step(name):
    """Float64 parameters, the gradient taken where the engine's parameters are (for Nesterov
    that is the look-ahead point theta + mu v of Sutskever's form)."""
    opt = make_optimizer(name, lr=LR)
    p = {"0.W": np.array(THETA0)}
    for t, expected in enumerate(_paper(name), start=1):
        opt.update(p, {"0.W": np.array(_grad(list(p["0.W"])))})
        np.testing.assert_allclose(p["0.W"], expected, rtol=1e-12, atol=1e-15,
                                   err_msg=f"{name} step {t}")


def test_nesterov_differs_from_momentum_and_from_the_new_velocity_form():
    """Both wrong forms differ from the right one by far more than rounding: the test above
    can tell them apart. Old nndesk (new v): [0.9385, -2.1230, 0.6845]."""
    ok = _two_steps(make_optimizer("Nesterov", lr=0.1))
    assert np.abs(ok - np.array([0.9385, -2.1230, 0.6845])).max() > 0.01
    assert np.abs(ok - _two_steps(make_optimizer("Momentum", lr=0.1))).max() > 0.01


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
    assert type(make_optimizer("RMSProp")) is type(make_optimizer("rmsprop")) is RMSprop
    with pytest.raises(ValueError, match="choose one of SGD"):
        make_optimizer("adamw")
    with pytest.raises(ValueError, match="'x.0.W'"):
        Adam().load_state_dict({"t": np.array(1), "lr": np.array(0.1), "x.0.W": P0})


def test_defaults_are_the_books_and_the_papers():
    """ch. 6.1 defaults (lr 0.01, momentum 0.9, decay 0.99); Adam as Kingma & Ba's Algorithm 1
    (alpha 0.001, beta1 0.9, beta2 0.999, eps 1e-8)."""
    expected = {"SGD": {}, "Momentum": {"momentum": 0.9}, "Nesterov": {"momentum": 0.9},
                "AdaGrad": {}, "RMSprop": {"decay_rate": 0.99},
                "Adam": {"lr": 0.001, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8}}
    for name, values in expected.items():
        opt = make_optimizer(name)
        assert (opt.lr, opt.weight_decay, opt.l1, opt.t) == (values.get("lr", 0.01), 0, 0, 0)
        for attr, value in values.items():
            assert getattr(opt, attr) == value, (name, attr)


@pytest.mark.parametrize("name", sorted(OPTIMIZERS))
def test_penalties_reach_every_optimizer_and_bare_weight_keys(name):
    """A layer's own dict ("W", "b") as well as a network's ("0.W"): decay on W only."""
    a = make_optimizer(name, lr=0.1, weight_decay=0.5)
    b = make_optimizer(name, lr=0.1)
    assert a.weight_decay == 0.5
    for _ in range(2):
        p_a = {"W": P0.copy(), "b": P0.copy()}
        p_b = {"W": P0.copy(), "b": P0.copy()}
        a.update(p_a, {"W": G.copy(), "b": G.copy()})
        b.update(p_b, {"W": G + 0.5 * P0, "b": G.copy()})
        np.testing.assert_allclose(p_a["W"], p_b["W"], rtol=1e-6)
        np.testing.assert_array_equal(p_a["b"], p_b["b"])


def test_state_dict_types_and_load_copies():
    opt = Adam(lr=0.1)
    opt.update({"0.W": P0.copy()}, {"0.W": G.copy()})
    state = opt.state_dict()
    assert state["t"].dtype == np.int64 and state["t"].shape == ()
    other = Adam()
    other.load_state_dict(state)
    state["m.0.W"][...] = 99.0                     # the loaded optimizer holds its own copy
    assert np.all(other.state["m"]["0.W"] != 99.0)
    assert other.t == 1 and other.lr == pytest.approx(0.1)


def test_error_messages_in_full():
    with pytest.raises(ValueError) as info:
        make_optimizer("adamw")
    assert str(info.value) == ("unknown optimizer 'adamw'; choose one of SGD, Momentum, "
                               "Nesterov, AdaGrad, RMSprop, Adam")
    with pytest.raises(ValueError) as info:
        Adam().load_state_dict({"t": np.array(1), "lr": np.array(0.1), "x.0.W": P0})
    assert str(info.value) == ("optimizer state key 'x.0.W' is not one of Adam's state arrays "
                               "(m, v)")
    with pytest.raises(ValueError) as info:
        make_optimizer("sgd").load_state_dict({"t": np.array(1), "lr": np.array(0.1),
                                               "v.0.W": P0})
    assert str(info.value) == ("optimizer state key 'v.0.W' is not one of SGD's state arrays "
                               "(none)")


@pytest.mark.parametrize("order", ["C", "F"])
def test_adam_in_pieces_equals_the_whole_array_formulas(order):
    """Adam works on cache-sized pieces of flattened large arrays: a parameter of 5 pieces
    and 5 values (float32), C- or Fortran-ordered (no piece then), against the paper's
    efficient form on the whole array, three steps, up to float32 rounding."""
    rng = np.random.default_rng(12)
    shape = (5, Adam.PIECE + 1)                                 # 5 * PIECE + 5 values
    p = {"W": np.asarray(rng.standard_normal(shape).astype(np.float32), order=order)}
    expected, m, v = p["W"].astype(np.float64), 0.0, 0.0
    opt = Adam(lr=0.01)
    for t in range(1, 4):
        g = rng.standard_normal(shape).astype(np.float32)
        opt.update(p, {"W": g})
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g.astype(np.float64) ** 2
        expected -= 0.01 * np.sqrt(1 - 0.999 ** t) / (1 - 0.9 ** t) * m / (np.sqrt(v) + 1e-8)
    assert p["W"].dtype == np.float32 and p["W"].flags.f_contiguous == (order == "F")
    np.testing.assert_allclose(p["W"], expected, rtol=1e-5, atol=1e-6)


def test_adam_pieces_shared_by_two_workers_give_the_same_bits():
    """Adam's cache-sized pieces of a large array run on the batch workers: element-wise, so
    two workers give exactly the numbers of one."""
    from nndesk.nn import parallel

    rng = np.random.default_rng(3)
    p0 = rng.standard_normal((600, 300)).astype(np.float32)     # > 4 pieces
    grads = [rng.standard_normal(p0.shape).astype(np.float32) for _ in range(3)]
    results = []
    for workers in (1, 2):
        parallel.set_workers(workers)
        try:
            p, opt = {"0.W": p0.copy()}, Adam(lr=0.01)
            for g in grads:
                opt.update(p, {"0.W": g})
        finally:
            parallel.set_workers(1)
        results.append(p["0.W"])
    assert not np.array_equal(results[0], p0)
    np.testing.assert_array_equal(results[1], results[0])
