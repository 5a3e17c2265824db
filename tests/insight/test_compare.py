"""The settings two runs differ in, and nothing else."""

from __future__ import annotations

import json

from nndesk.insight.compare import Difference, diff_runs, run_settings
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
        Difference("architecture", "layer 1", "Dense(units=50)", "Dense(units=100)"),
        Difference("architecture", "layer 2", "ReLU", "Sigmoid"),
        Difference("init", "layer 1 init", "auto", "he"),
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
    diffs = diff_runs((a, {}), (b, {}))
    assert diffs == [Difference("architecture", "layer 3", "Dense(units=10)", "Dropout(rate=0.3)"),
                     Difference("architecture", "layer 4", None, "Dense(units=10)")]


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
        {"group": "architecture", "setting": "layer 1", "a": "Dense(units=50)",
         "b": "Dense(units=20)"},
        {"group": "learning rate", "setting": "lr", "a": 0.001, "b": 0.01}]
    assert main(["insight", "compare", str(a), str(b)]) == 0
    text = capsys.readouterr().out
    assert "layer 1" in text and "Dense(units=20)" in text and "91.00%" in text
