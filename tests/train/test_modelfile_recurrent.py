"""A recurrent model written to a file and read back: the same spec, weights and answers,
with a Bidirectional's "back." weights and an optimizer's slots for them."""

from __future__ import annotations

import numpy as np

from nndesk.nn import Adam, Network
from nndesk.train.modelfile import load_model, save_model

SPEC = {"name": "pen", "input_shape": [None, 3], "layers": [
    {"type": "GRU", "units": 6, "return_sequences": True, "bidirectional": True},
    {"type": "LSTM", "units": 5}, {"type": "Dense", "units": 10}]}


def test_variable_length_recurrent_model_round_trip(tmp_path):
    net = Network.from_spec(SPEC, seed=3)
    rng = np.random.default_rng(0)
    x = rng.standard_normal((4, 7, 3)).astype(np.float32)
    lengths = np.array([7, 2, 5, 1])
    opt = Adam()
    net.loss(x, np.array([1, 2, 3, 4]), lengths=lengths)
    net.backward()
    opt.update(net.params(), net.grads())             # trained a step: not the seed's weights
    path = save_model(tmp_path / "pen.npz", net, {"note": "test"})
    back = load_model(path)
    assert back.spec == net.spec and back.spec["input_shape"] == [None, 3]
    assert sorted(back.network.params()) == ["0.U", "0.W", "0.b", "0.back.U", "0.back.W",
                                             "0.back.b", "1.U", "1.W", "1.b", "2.W", "2.b"]
    for key, value in net.state_dict().items():
        np.testing.assert_array_equal(back.network.state_dict()[key], value, err_msg=key)
    np.testing.assert_array_equal(back.network.predict(x, lengths=lengths),
                                  net.predict(x, lengths=lengths))
    assert back.metadata["note"] == "test"
    again = Network.from_spec(SPEC, seed=3)
    assert not np.array_equal(again.predict(x, lengths=lengths), net.predict(x, lengths=lengths))
