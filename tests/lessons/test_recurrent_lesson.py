"""Ch. 5-6 of the second book: states and gates over time, the gradient through time (figs.
6-8, 6-9), worked out again here from the equations rather than taken from the engine."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk.lessons.recurrent import (
    GATES,
    KINDS,
    book_gradient_norms,
    gradient_through_time,
    make_layer,
    trace,
)

T, F, UNITS = 32, 5, 16


def _seq(seed=0):
    """A pen-like sequence: a circle's x, y, its direction, the pen lifted at the end."""
    a = np.linspace(0, 2 * np.pi, T)
    seq = np.stack([np.cos(a), np.sin(a), -np.sin(a), np.cos(a), np.zeros(T)], 1)
    seq[-1, 4] = 1
    return seq + np.random.default_rng(seed).normal(0, 0.05, seq.shape)


@pytest.mark.parametrize("kind", list(KINDS))
def test_heat_maps_have_a_column_per_step_and_gates_between_0_and_1(kind):
    tr = trace(kind, _seq())
    assert set(tr.values) == set(GATES[kind])
    for name, v in tr.values.items():
        assert v.shape == (T, UNITS), name
        if name in ("z", "r", "f", "i", "o"):          # sigmoid gates
            assert np.all((v > 0) & (v < 1)), name
        if name == "h":
            assert np.all(np.abs(v) < 1)               # tanh (times a gate): inside (-1, 1)
    assert tr.grad_norms.shape == (T,)
    assert tr.grad_norms[-1] == pytest.approx(1.0)     # dL/dh_T = v, a unit vector


def test_rnn_gradient_through_time_is_the_chain_rule_written_out():
    """dh_{t-1} = (dh_t * (1 - h_t^2)) U^T (the book's fig. 6-6), from the states alone."""
    layer = make_layer("RNN", F, UNITS, seed=2, recurrent_scale=0.8)
    h, norms = gradient_through_time(layer, _seq(), seed=2)
    u = layer.params["U"]
    v = np.random.default_rng(3).standard_normal(UNITS)
    dh, expected = v / np.linalg.norm(v), [1.0]
    for t in range(T - 1, 0, -1):
        dh = (dh * (1 - h[t] ** 2)) @ u.T
        expected.append(np.linalg.norm(dh))
    np.testing.assert_allclose(norms, expected[::-1], rtol=1e-10)


def test_the_rnn_forgets_and_the_lstm_remembers():
    """The same pen path: with U scaled 0.5 the RNN's gradient at the first step is below
    1e-6 of the last step's (ch. 6.1.4); an LSTM with forget bias 3 keeps over 1% (ch. 6.2)."""
    rnn = trace("RNN", _seq(), recurrent_scale=0.5).grad_norms
    lstm = trace("LSTM", _seq(), forget_bias=3.0).grad_norms
    assert rnn[0] / rnn[-1] < 1e-6
    assert lstm[0] / lstm[-1] > 1e-2
    assert np.all(np.diff(np.log(rnn)) > 0)           # shrinks at every step back


def test_a_larger_recurrent_weight_explodes():
    norms = trace("RNN", _seq(), recurrent_scale=3.0).grad_norms
    assert norms[0] > 10 * norms[-1]


def test_book_gradient_graph():
    """ch06/rnn_gradient_graph.py: the product of T matrices, so halving Wh halves each step."""
    big, small = book_gradient_norms(1.0), book_gradient_norms(0.5)
    assert big.shape == small.shape == (20,)
    np.testing.assert_allclose(small, big * 0.5 ** np.arange(1, 21), rtol=1e-12)
    assert big[-1] > 100 * big[0] and small[-1] < 1e-2 * small[0]     # figs. 6-8 and 6-9
    wh = np.random.RandomState(3).randn(3, 3)
    assert big[0] == pytest.approx(np.linalg.norm(np.ones((2, 3)) @ wh.T) / 2)


def test_unknown_kind():
    with pytest.raises(KeyError):
        make_layer("Transformer", F)


def test_the_gru_fades_by_its_update_gate_and_keeps_its_gradient_when_it_is_open():
    """QA: the GRU's gradient faded fastest, below the RNN's. Not a bug: the engine's GRU starts
    with update gate bias 0, z = 0.5 keeps half of h_{t-1}, so the carried gradient halves
    each step; a bias of 3 (z ≈ 0.95) keeps it, as the LSTM's forget bias does."""
    closed = trace("GRU", _seq()).grad_norms
    rnn = trace("RNN", _seq()).grad_norms
    open_ = trace("GRU", _seq(), update_bias=3.0).grad_norms
    assert closed[0] / closed[-1] < rnn[0] / rnn[-1]
    assert open_[0] / open_[-1] > 1e-2 and open_[0] / open_[-1] > 100 * closed[0] / closed[-1]
    z = trace("GRU", _seq(), update_bias=3.0).values["z"]
    assert z.mean() > 0.9 and trace("GRU", _seq()).values["z"].mean() == pytest.approx(0.5,
                                                                                        abs=0.1)


def test_the_gru_curve_is_its_true_gradient():
    """The curve is backprop's dL/dh_t: checked against central differences of L = v . h_T
    through the input of each step (float64), so the fading is the GRU's, not the measure's."""
    from nndesk.lessons.recurrent import make_layer

    seq = _seq().astype(np.float64)[None]
    layer = make_layer("GRU", seq.shape[2], 8, update_bias=0.0)
    v = np.random.default_rng(1).standard_normal((1, 8))
    layer.forward(seq, train=True)
    dx = layer.backward(v)
    eps = 1e-6
    for t in (0, seq.shape[1] // 2, seq.shape[1] - 1):
        for f in range(seq.shape[2]):
            up, down = seq.copy(), seq.copy()
            up[0, t, f] += eps
            down[0, t, f] -= eps
            numeric = ((layer.forward(up) - layer.forward(down)) @ v.T).item() / (2 * eps)
            assert dx[0, t, f] == pytest.approx(numeric, rel=1e-5, abs=1e-10)
