"""`nndesk info` and `nndesk gradcheck` on sequence networks: a varying number of steps shows
as T, and the gradient check reads 5 steps then."""

from __future__ import annotations

import json

from nndesk.cli import main

SPEC = {"name": "v", "input_shape": [None, 3], "layers": [
    {"type": "GRU", "units": 4, "return_sequences": True},
    {"type": "LSTM", "units": 3, "bidirectional": True}, {"type": "Dense", "units": 10}]}


def test_info_and_gradcheck_of_a_variable_length_spec(tmp_path, capsys):
    path = tmp_path / "v.json"
    path.write_text(json.dumps(SPEC), encoding="utf-8")
    assert main(["info", "--spec", str(path)]) == 0
    out = capsys.readouterr().out
    assert "input Tx3" in out and "Tx4" in out
    # GRU 3*4*(3+4+1) = 96; LSTM 2*4*3*(4+3+1) = 192; Dense 6*10+10 = 70
    assert out.rstrip().endswith("358")
    assert main(["gradcheck", "--spec", str(path)]) == 0
    out = capsys.readouterr().out
    assert "1.back.W" in out


def test_info_of_the_pen_gru_preset(capsys):
    assert main(["info", "--preset", "PenGRU"]) == 0
    out = capsys.readouterr().out
    assert "input 32x5" in out and out.rstrip().endswith("28,170")
