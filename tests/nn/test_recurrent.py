"""RNN, GRU, LSTM: gradient checks (odd T, batch 3, masked steps), padding that changes nothing,
and each cell's forward against a plain loop written out from its paper's equations."""

from __future__ import annotations

import json

import numpy as np
import pytest

from nndesk.nn import GRU, LSTM, RNN, Bidirectional, Network, gradcheck, lengths_mask

KINDS = ("RNN", "GRU", "LSTM")
T, F, H = 5, 4, 3                        # odd T; F != H catches W/U mix-ups
LENGTHS = np.array([5, 3, 1])            # batch 3: one full, one padded, one a single step


def _spec(*layers, steps=T):
    return {"input_shape": [steps, F], "layers": [*layers, {"type": "Dense", "units": 4}]}


def _rnn(kind, **settings):
    return {"type": kind, "units": H, **settings}


CASES = []
for kind in KINDS:
    for seq in (False, True):
        for bi in (False, True):
            layers = [_rnn(kind, return_sequences=seq, bidirectional=bi)]
            if seq:                        # a sequence output feeds a second recurrent layer
                layers.append(_rnn("RNN"))
            CASES.append((f"{kind}-seq{int(seq)}-bi{int(bi)}", _spec(*layers)))
    CASES.append((f"{kind}-stack2", _spec(_rnn(kind, return_sequences=True), _rnn(kind))))
    CASES.append((f"{kind}-seq-dense", _spec(_rnn(kind, return_sequences=True))))


def _x(seed=1, n=3, steps=T):
    return np.random.default_rng(seed).standard_normal((n, steps, F))


@pytest.mark.parametrize("masked", [False, True], ids=["full", "masked"])
@pytest.mark.parametrize("spec", [c[1] for c in CASES], ids=[c[0] for c in CASES])
def test_gradcheck(spec, masked):
    lengths = LENGTHS if masked else None
    errors = gradcheck(spec, x=_x(), t=np.array([0, 3, 1]), lengths=lengths)
    assert set(errors) == set(Network.from_spec(spec).params()) | {"input"}
    assert max(errors.values()) < 1e-6, errors


def _run(spec, x, lengths, seed=0):
    """Output, parameter gradients and input gradient of one training step (float64)."""
    net = Network.from_spec(spec, seed=seed, dtype=np.float64)
    out = net.forward(x, train=True, lengths=lengths)
    net.loss_fn.forward(out, np.array([0, 3, 1]))
    dx = net.backward(input_grad=True)
    return out, {k: g.copy() for k, g in net.grads().items()}, dx


def _padded(x, lengths, steps, rng):
    """The same sequences end-padded to `steps` with large random junk."""
    out = rng.standard_normal((len(x), steps, F)) * 1e3
    for i, n in enumerate(lengths):
        out[i, :n] = x[i, :n]
    return out


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("bi", [False, True], ids=["one-way", "bidirectional"])
def test_padding_changes_nothing(kind, bi):
    """The same three sequences padded to 5 and to 9 steps: same scores, same gradients; the
    padding's input gradient is exactly zero; a stack passes sequences through."""
    spec5 = _spec(_rnn(kind, return_sequences=True, bidirectional=bi), _rnn(kind, bidirectional=bi))
    spec9 = {**spec5, "input_shape": [9, F]}
    rng = np.random.default_rng(4)
    x = _x()
    out5, g5, dx5 = _run(spec5, _padded(x, LENGTHS, 5, rng), LENGTHS)
    out9, g9, dx9 = _run(spec9, _padded(x, LENGTHS, 9, rng), LENGTHS)
    np.testing.assert_allclose(out9, out5, rtol=1e-12, atol=1e-14)
    for key in g5:                          # sums over more (zero) rows: rounding only
        np.testing.assert_allclose(g9[key], g5[key], rtol=1e-10, atol=1e-13, err_msg=key)
    mask9 = lengths_mask(LENGTHS, 9)
    np.testing.assert_allclose(dx9[:, :5][mask9[:, :5]], dx5[lengths_mask(LENGTHS, 5)],
                               rtol=1e-10, atol=1e-13)
    assert np.all(dx9[~mask9] == 0) and np.all(dx5[~lengths_mask(LENGTHS, 5)] == 0)


@pytest.mark.parametrize("kind", KINDS)
def test_padded_sequence_equals_unpadded_alone(kind):
    """Each sequence run alone at its own length gives the padded batch's answer."""
    spec = {**_spec(_rnn(kind, bidirectional=True)), "input_shape": [None, F]}
    net = Network.from_spec(spec, seed=2, dtype=np.float64)
    x = _padded(_x(), LENGTHS, 7, np.random.default_rng(0))
    batch = net.predict(x, lengths=LENGTHS)
    for i, n in enumerate(LENGTHS):
        alone = net.predict(x[i:i + 1, :n])
        np.testing.assert_allclose(batch[i], alone[0], rtol=1e-12)


@pytest.mark.parametrize("kind", KINDS)
def test_return_sequences_zero_on_padding_and_last_state(kind):
    layer = {"RNN": RNN, "GRU": GRU, "LSTM": LSTM}[kind](units=H, return_sequences=True)
    layer.build((T, F), np.random.default_rng(0), np.float32, None)
    x = _x().astype(np.float32)
    mask = lengths_mask(LENGTHS, T)
    seq = layer.forward(x, mask=mask)
    assert seq.dtype == np.float32 and seq.shape == (3, T, H)
    assert np.all(seq[~mask] == 0)
    last = layer.last[0]                                 # the state after each one's last step
    for i, n in enumerate(LENGTHS):
        np.testing.assert_array_equal(last[i], seq[i, n - 1])


@pytest.mark.parametrize("kind", KINDS)
def test_reverse_reads_the_flipped_sequence(kind):
    cls = {"RNN": RNN, "GRU": GRU, "LSTM": LSTM}[kind]
    fw, bw = cls(units=H), cls(units=H)
    fw.build((T, F), np.random.default_rng(0), np.float64, None)
    bw.build((T, F), np.random.default_rng(0), np.float64, None)
    bw.reverse = True
    x = _x()
    np.testing.assert_allclose(bw.forward(x), fw.forward(x[:, ::-1]), rtol=1e-12)
    pair = Bidirectional(cls(units=H), cls(units=H))
    pair.build((T, F), np.random.default_rng(0), np.float64, None)
    assert set(pair.params) == {"W", "U", "b", "back.W", "back.U", "back.b"}


# --- the papers' equations, one sample, one step, one unit at a time (no shared code) ---

def _sig(v):
    return 1.0 / (1.0 + np.exp(-v))


def _blocks(p, g, h):
    """W (F, g*h), U (h, g*h), b (g*h,) -> lists of per-gate W_k, U_k, b_k."""
    return ([p["W"][:, k * h:(k + 1) * h] for k in range(g)],
            [p["U"][:, k * h:(k + 1) * h] for k in range(g)],
            [p["b"][k * h:(k + 1) * h] for k in range(g)])


def _affine(x, w, h_prev, u, b, j):
    """Unit j of x W + h U + b, as a plain sum."""
    return (sum(x[f] * w[f, j] for f in range(len(x)))
            + sum(h_prev[k] * u[k, j] for k in range(len(h_prev))) + b[j])


def ref_rnn(p, xs, h):
    """Elman 1990: h_t = tanh(W x_t + U h_{t-1} + b)."""
    (w,), (u,), (b,) = _blocks(p, 1, h)
    hp, out = np.zeros(h), []
    for x in xs:
        hp = np.array([np.tanh(_affine(x, w, hp, u, b, j)) for j in range(h)])
        out.append(hp)
    return np.array(out)


def ref_gru(p, xs, h):
    """Cho et al. 2014, eq. 5-8: r, z gates; h~ = tanh(W x + U (r*h)); h = z h + (1-z) h~."""
    (wz, wr, wh), (uz, ur, uh), (bz, br, bh) = _blocks(p, 3, h)
    hp, out = np.zeros(h), []
    for x in xs:
        z = np.array([_sig(_affine(x, wz, hp, uz, bz, j)) for j in range(h)])
        r = np.array([_sig(_affine(x, wr, hp, ur, br, j)) for j in range(h)])
        cand = np.array([np.tanh(_affine(x, wh, r * hp, uh, bh, j)) for j in range(h)])
        hp = z * hp + (1 - z) * cand
        out.append(hp)
    return np.array(out)


def ref_lstm(p, xs, h):
    """Gers et al. 2000 (forget gate), book order f, g, i, o: c = f c + i g, h = o tanh(c)."""
    (wf, wg, wi, wo), (uf, ug, ui, uo), (bf, bg, bi, bo) = _blocks(p, 4, h)
    hp, c, out = np.zeros(h), np.zeros(h), []
    for x in xs:
        f = np.array([_sig(_affine(x, wf, hp, uf, bf, j)) for j in range(h)])
        g = np.array([np.tanh(_affine(x, wg, hp, ug, bg, j)) for j in range(h)])
        i = np.array([_sig(_affine(x, wi, hp, ui, bi, j)) for j in range(h)])
        o = np.array([_sig(_affine(x, wo, hp, uo, bo, j)) for j in range(h)])
        c = f * c + i * g
        hp = o * np.tanh(c)
        out.append(hp)
    return np.array(out)


@pytest.mark.parametrize("cls, ref", [(RNN, ref_rnn), (GRU, ref_gru), (LSTM, ref_lstm)],
                         ids=KINDS)
def test_forward_matches_the_papers_equations(cls, ref):
    layer = cls(units=H, return_sequences=True)
    layer.build((T, F), np.random.default_rng(3), np.float64, None)
    rng = np.random.default_rng(5)
    for k in layer.params:                  # nonzero biases (LSTM's forget bias is 1 anyway)
        layer.params[k] += rng.standard_normal(layer.params[k].shape) * 0.3
    x = _x()
    seq = layer.forward(x, mask=lengths_mask(LENGTHS, T))
    for i, n in enumerate(LENGTHS):
        np.testing.assert_allclose(seq[i, :n], ref(layer.params, x[i, :n], H), rtol=1e-10,
                                   atol=1e-12)


def test_lstm_forget_bias_starts_at_one_and_u_is_orthogonal():
    layer = LSTM(units=4)
    layer.build((T, F), np.random.default_rng(0), np.float32, None)
    np.testing.assert_array_equal(layer.params["b"], [1] * 4 + [0] * 12)
    u = layer.params["U"][:, :4].astype(np.float64)
    np.testing.assert_allclose(u.T @ u, np.eye(4), atol=1e-6)


@pytest.mark.parametrize("kind", KINDS)
def test_config_round_trip_and_float32(kind):
    spec = _spec(_rnn(kind, return_sequences=True, bidirectional=True), _rnn(kind))
    net = Network.from_spec(json.loads(json.dumps(spec)))
    again = Network.from_spec(json.loads(json.dumps(net.spec)))
    assert again.spec == net.spec
    assert net.spec["layers"][0] == {"type": kind, "units": H, "return_sequences": True,
                                     "bidirectional": True, "init": "auto"}
    y = net.forward(_x().astype(np.float32))
    assert y.dtype == np.float32
    for v in net.params().values():
        assert v.dtype == np.float32


def test_gate_history_shapes_and_values():
    layer = GRU(units=H, return_sequences=True)
    layer.build((T, F), np.random.default_rng(0), np.float64, None)
    seq = layer.forward(_x())
    np.testing.assert_array_equal(layer.gate_history("h"), seq)
    z = layer.gate_history("z")
    assert z.shape == (3, T, H) and np.all((z > 0) & (z < 1))
    with pytest.raises(ValueError, match="has no gate 'f'"):
        layer.gate_history("f")


def test_lengths_are_checked():
    net = Network.from_spec({**_spec(_rnn("GRU")), "input_shape": [None, F]})
    x = _x().astype(np.float32)
    with pytest.raises(ValueError, match="between 1 and 5"):
        net.predict(x, lengths=np.array([5, 0, 2]))
    with pytest.raises(ValueError, match="2 lengths for 3 sequences"):
        net.forward(x, lengths=np.array([5, 2]))
    with pytest.raises(ValueError, match=r"sequences of shape \(N, steps, 4\)"):
        net.predict(np.zeros((3, 5, 2), np.float32))


@pytest.mark.parametrize("sequences", [True, False])
def test_bidirectional_joins_the_forward_and_the_reversed_reading(sequences):
    """Schuster & Paliwal 1997: [h_fw(t) from steps 0..t, h_bw(t) from steps T-1..t], each
    from Elman's equations written out (ref_rnn); the last state of the backward reading is
    its state after step 0."""
    pair = Bidirectional(RNN(units=H, return_sequences=sequences),
                         RNN(units=H, return_sequences=sequences))
    pair.build((T, F), np.random.default_rng(4), np.float64, None)
    rng = np.random.default_rng(6)
    for k in pair.params:
        pair.params[k] += rng.standard_normal(pair.params[k].shape) * 0.3
    fw = {k: pair.params[k] for k in ("W", "U", "b")}
    bw = {k: pair.params["back." + k] for k in ("W", "U", "b")}
    x = _x()
    out = pair.forward(x)
    for i in range(len(x)):
        ahead, back = ref_rnn(fw, x[i], H), ref_rnn(bw, x[i, ::-1], H)[::-1]
        expected = np.concatenate([ahead, back], axis=1)        # (T, 2H)
        if not sequences:
            expected = np.concatenate([ahead[-1], back[0]])     # (2H,)
        np.testing.assert_allclose(out[i], expected, rtol=1e-10, atol=1e-12)


@pytest.mark.parametrize("second", [lambda: GRU(units=H), lambda: RNN(units=H + 1)])
def test_bidirectional_needs_two_layers_of_one_kind_and_size(second):
    with pytest.raises(ValueError) as err:
        Bidirectional(RNN(units=H), second())
    assert str(err.value) == "Bidirectional needs two recurrent layers of one kind and size"


def test_a_bidirectional_layer_alone_starts_empty_and_gives_dx():
    pair = Bidirectional(RNN(units=H, return_sequences=True), RNN(units=H, return_sequences=True))
    assert pair.params == {} and pair.grads == {} and pair.needs_dx is True
    pair.build((T, F), np.random.default_rng(0), np.float64, None)
    x = _x()
    out = pair.forward(x, train=True)
    dx = pair.backward(np.ones_like(out))            # no network around it to set needs_dx
    assert dx.shape == x.shape and np.abs(dx).sum() > 0
