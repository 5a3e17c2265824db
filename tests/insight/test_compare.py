"""The settings two runs differ in, and nothing else."""

from __future__ import annotations

import json

from nndesk.insight.compare import Difference, aligned_layers, diff_runs, run_settings
from nndesk.presets import load_preset


def _mlp(hidden=50, init="auto", act="ReLU"):
    return {"name": "mlp", "input_shape": [1, 28, 28],
            "layers": [{"type": "Dense", "units": hidden, "init": init}, {"type": act},
                       {"type": "Dense", "units": 10}]}


def test_identical_runs_differ_in_nothing():
    spec = load_preset("SimpleConvNet")
    assert diff_runs((spec, {"lr": 0.01}), (spec, {"lr": 0.010000})) == []
    # a missing setting is the default: the same run, said two ways
    assert diff_runs((spec, {}), (spec, {"optimizer": "Adam", "lr": 0.001, "seed": 0})) == []


def test_each_kind_of_difference_is_named_in_its_group():
    a = (_mlp(), {"optimizer": "adam", "lr": 0.001, "seed": 0, "augment": False,
                  "batch_size": 100})
    b = (_mlp(hidden=100, init="he", act="Sigmoid"),
         {"optimizer": "Momentum", "lr": 0.1, "seed": 3, "augment": True, "batch_size": 100,
          "schedule": "step", "tensorboard": True})
    assert diff_runs(a, b) == [
        Difference("architecture", "Dense 1", "Dense(units=50)", "Dense(units=100)"),
        Difference("architecture", "after Dense 1", "ReLU", "Sigmoid"),
        Difference("init", "Dense 1 init", "auto", "he"),
        Difference("optimizer", "optimizer", "adam", "momentum"),
        Difference("optimizer", "momentum", None, 0.9),  # read by Momentum only
        Difference("learning rate", "lr", 0.001, 0.1),
        Difference("learning rate", "schedule", "constant", "step"),
        Difference("learning rate", "step_size", None, 5),
        Difference("learning rate", "gamma", None, 0.1),
        Difference("seed", "seed", 0, 3),
        Difference("augmentation", "augment", False, True),
    ]  # the TensorBoard switch is the window's, not the run's: not a difference


def test_a_layer_only_one_run_has():
    a, b = _mlp(), _mlp()
    b["layers"].insert(2, {"type": "Dropout", "rate": 0.3})
    assert diff_runs((a, {}), (b, {})) == [
        Difference("architecture", "after Dense 1", "ReLU", "ReLU, Dropout(rate=0.3)")]
    b["layers"][2:2] = [{"type": "Dense", "units": 30, "init": 0.5}, {"type": "Tanh"}]
    assert diff_runs((a, {}), (b, {})) == [  # a hidden layer more: on its own, not vs output
        Difference("architecture", "Dense 2", None,
                   "Dense(units=30) · init 0.5 → Tanh, Dropout(rate=0.3)")]


def _deep(hidden: list[dict], between: list[dict], init) -> dict:
    layers = []
    for layer in hidden:
        layers += [{**layer, "init": init}, *between]
    return {"name": "deep", "input_shape": [1, 28, 28],
            "layers": layers + [{"type": "Dense", "units": 10, "init": init}]}


def test_weighted_layers_are_paired_by_kind_and_order_output_with_output():
    """Six sigmoid Dense layers with std 1.0 against six BatchNorm+ReLU ones with He (the
    book's figure 6-14 pair): every Dense is beside its namesake, every init is listed, the
    output layers are compared with each other, never with a hidden layer."""
    six = [{"type": "Dense", "units": 100}] * 6
    a = _deep(six, [{"type": "Sigmoid"}], 1.0)
    b = _deep(six, [{"type": "BatchNorm"}, {"type": "ReLU"}], "he")
    diffs = diff_runs((a, {}), (b, {}))
    inits = [d for d in diffs if d.group == "init"]
    assert [d.setting for d in inits] == [f"Dense {k} init" for k in range(1, 7)] + [
        "output layer init"]
    assert all((d.a, d.b) == (1.0, "he") for d in inits)
    assert [d.setting for d in diffs if d.group == "architecture"] == [
        f"after Dense {k}" for k in range(1, 7)]
    rows = aligned_layers((a, {}), (b, {}))
    assert [r.name for r in rows] == [f"Dense {k}" for k in range(1, 7)] + ["output layer"]
    assert rows[-1].a.layer == rows[-1].b.layer == "Dense(units=10)"
    assert (rows[-1].a.position, rows[-1].b.position) == (13, 19)
    # fewer hidden layers in B: the missing ones stand alone, output still beside output
    short = _deep(six[:4], [{"type": "Sigmoid"}], 1.0)
    rows = aligned_layers((a, {}), (short, {}))
    assert [(r.name, r.a is None, r.b is None) for r in rows[3:]] == [
        ("Dense 4", False, False), ("Dense 5", False, True), ("Dense 6", False, True),
        ("output layer", False, False)]
    assert not rows[0].differ and rows[4].differ and not rows[-1].differ
    assert [d.setting for d in diff_runs((a, {}), (short, {}))] == ["Dense 5", "Dense 6"]


def test_convolutions_and_recurrent_layers_are_their_own_kinds():
    conv = load_preset("SimpleConvNet")
    wider = {**conv, "layers": [{"type": "Conv2D", "filters": 16, "kernel_size": 3},
                                {"type": "ReLU"}, *conv["layers"]]}
    names = [(r.name, r.a is None, r.b is None) for r in aligned_layers((conv, {}), (wider, {}))]
    assert names == [("Conv2D 1", False, False), ("Conv2D 2", True, False),
                     ("Dense 1", False, False), ("output layer", False, False)]
    rnn = {"name": "r", "input_shape": [20, 3], "layers": [
        {"type": "LSTM", "units": 32}, {"type": "Dense", "units": 10}]}
    gru = {**rnn, "layers": [{"type": "Flatten"}, {"type": "GRU", "units": 32},
                             {"type": "Dense", "units": 10}]}
    assert diff_runs((rnn, {}), (gru, {}))[:2] == [
        Difference("architecture", "input", None, "input → Flatten"),
        Difference("architecture", "recurrent 1",
                   "LSTM(units=32, return_sequences=False, bidirectional=False)",
                   "GRU(units=32, return_sequences=False, bidirectional=False)")]


def test_settings_are_json_and_complete():
    s = run_settings(_mlp(), {})
    json.dumps({f"{g}/{k}": v for (g, k), v in s.items()})
    assert s[("learning rate", "lr")] == 0.001 and s[("optimizer", "optimizer")] == "adam"
    assert ("optimizer", "momentum") not in s  # Adam does not read it
    assert s[("init", "layer 3 init")] == "auto"


def test_the_command_line_compares_two_model_files(tmp_path, capsys):
    from nndesk.cli import main
    from nndesk.nn import Network
    from nndesk.train.modelfile import save_model

    a = save_model(tmp_path / "a.npz", Network.from_spec(_mlp()),
                   {"config": {"lr": 0.001, "seed": 0}, "accuracy": 0.91})
    b = save_model(tmp_path / "b.npz", Network.from_spec(_mlp(hidden=20)),
                   {"config": {"lr": 0.01, "seed": 0}, "accuracy": 0.93})
    assert main(["insight", "compare", str(a), str(b), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["accuracy"] == [0.91, 0.93]
    assert out["differences"] == [
        {"group": "architecture", "setting": "Dense 1", "a": "Dense(units=50)",
         "b": "Dense(units=20)"},
        {"group": "learning rate", "setting": "lr", "a": 0.001, "b": 0.01}]
    assert main(["insight", "compare", str(a), str(b)]) == 0
    text = capsys.readouterr().out
    assert "Dense 1" in text and "Dense(units=20)" in text and "91.00%" in text
