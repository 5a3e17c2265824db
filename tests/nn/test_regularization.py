"""L2 (weight decay) and L1 penalties: the loss term `Network.penalty` and the gradient the
optimizers add agree, checked against central differences; biases and BatchNorm are exempt."""

from __future__ import annotations

import math

import numpy as np
import pytest

from nndesk.nn import OPTIMIZERS, SGD, Network, make_optimizer

SPEC = {"input_shape": [1, 6, 5], "layers": [
    {"type": "Conv2D", "filters": 2, "kernel_size": 3, "pad": 1},
    {"type": "BatchNorm"}, {"type": "ReLU"},
    {"type": "Dense", "units": 4}, {"type": "Tanh"}, {"type": "Dense", "units": 3}]}


def _net() -> Network:
    net = Network.from_spec(SPEC, seed=3, dtype=np.float64)
    rng = np.random.default_rng(7)
    for p in net.params().values():                 # no weight exactly 0: |w| is smooth there
        p[...] = rng.uniform(0.2, 1.0, p.shape) * rng.choice([-1, 1], p.shape)
    return net


def test_penalty_is_the_books_l2_plus_l1_over_weights_only():
    net = _net()
    ws = [v for k, v in net.params().items() if k.endswith(".W")]
    assert len(ws) == 3                               # conv and two dense layers
    l2 = math.fsum(float(w) ** 2 for a in ws for w in a.flat)
    l1 = math.fsum(abs(float(w)) for a in ws for w in a.flat)
    assert net.penalty() == 0.0
    assert net.penalty(weight_decay=0.1) == pytest.approx(0.5 * 0.1 * l2, rel=1e-12)
    assert net.penalty(l1=0.01) == pytest.approx(0.01 * l1, rel=1e-12)
    assert net.penalty(0.1, 0.01) == pytest.approx(0.05 * l2 + 0.01 * l1, rel=1e-12)
    for key, p in net.params().items():               # biases, gamma, beta do not count
        if not key.endswith(".W"):
            p += 100.0
    assert net.penalty(0.1, 0.01) == pytest.approx(0.05 * l2 + 0.01 * l1, rel=1e-12)


@pytest.mark.parametrize(("weight_decay", "l1"), [(0.3, 0.0), (0.0, 0.2), (0.3, 0.2)])
def test_optimizer_gradient_is_the_gradient_of_loss_plus_penalty(weight_decay, l1):
    """SGD with lr 1 moves each parameter by exactly the gradient it uses; that must be the
    central difference of loss + penalty, for every tensor (weights and the exempt ones)."""
    net = _net()
    x = np.random.default_rng(1).standard_normal((4, 1, 6, 5))
    t = np.array([0, 2, 1, 2])

    def objective() -> float:
        return net.loss(x, t, train=True) + net.penalty(weight_decay, l1)

    objective()
    net.backward()
    before = net.state_dict()
    after = {k: v.copy() for k, v in net.params().items()}
    SGD(lr=1.0, weight_decay=weight_decay, l1=l1).update(after, net.grads())
    for key, p in net.params().items():
        used = before[key] - after[key]
        flat, h = p.reshape(-1), 1e-6
        numeric = np.empty(flat.size)
        for i in range(flat.size):
            old = flat[i]
            flat[i] = old + h
            up = objective()
            flat[i] = old - h
            down = objective()
            flat[i] = old
            numeric[i] = (up - down) / (2 * h)
        np.testing.assert_allclose(used.reshape(-1), numeric, rtol=1e-5, atol=1e-8,
                                   err_msg=key)


@pytest.mark.parametrize("name", sorted(OPTIMIZERS))
def test_every_optimizer_adds_l1_sign_w_to_weight_gradients_only(name):
    """An optimizer with l1 on gradient g takes the step of the same optimizer without it on
    g + l1 * sign(W) for weights, and on g itself for biases."""
    p0 = np.array([[0.5, -1.5], [0.0, 2.0]])
    g = np.array([[0.1, 0.2], [-0.3, 0.05]])
    with_l1 = {"0.W": p0.copy(), "0.b": p0.copy()}
    by_hand = {"0.W": p0.copy(), "0.b": p0.copy()}
    a = make_optimizer(name, lr=0.1, l1=0.05, weight_decay=0.2)
    b = make_optimizer(name, lr=0.1, weight_decay=0.2)
    assert a.l1 == 0.05 and b.l1 == 0.0
    for _ in range(3):
        sign = np.sign(by_hand["0.W"])                      # sign(0) = 0: no push at 0
        a.update(with_l1, {"0.W": g.copy(), "0.b": g.copy()})
        b.update(by_hand, {"0.W": g + 0.05 * sign, "0.b": g.copy()})
        np.testing.assert_allclose(with_l1["0.W"], by_hand["0.W"], rtol=1e-12)
        np.testing.assert_array_equal(with_l1["0.b"], by_hand["0.b"])
