"""The ch. 6 experiments: definitions, curves, CSV round trip, the Pillow plot, the command."""

from __future__ import annotations

import csv
import math

import numpy as np
import pytest
from PIL import Image

from nndesk.cli import main
from nndesk.cli.experiment_cmd import plot_curves, smooth
from nndesk.cli.plot import PALETTE, Line, Panel, render
from nndesk.data.mnist import Splits
from nndesk.experiments import EXPERIMENTS, Curves, mlp_spec, read_csv, run_experiment, write_csv
from nndesk.nn import infer


def _blobs(n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Ten well-separated classes of 1x28x28 'images': an MLP can learn them in a few steps."""
    rng = np.random.default_rng(seed)
    centres = np.random.default_rng(99).random((10, 1, 28, 28)).astype(np.float32)
    t = rng.integers(0, 10, n)
    x = centres[t] + 0.05 * rng.standard_normal((n, 1, 28, 28)).astype(np.float32)
    return x.astype(np.float32), t


@pytest.fixture(scope="module")
def blobs() -> Splits:
    x, t = _blobs(400, 1)
    x_val, t_val = _blobs(100, 3)
    x_test, t_test = _blobs(200, 2)
    return Splits(x, t, x_val, t_val, x_test, t_test)


def test_the_book_networks():
    params = sum(layer.params for layer in infer(mlp_spec(4)))
    assert params == 784 * 100 + 100 + 3 * (100 * 100 + 100) + 100 * 10 + 10
    spec = mlp_spec(2, batchnorm=True, dropout=0.2, init=0.01)
    assert [layer["type"] for layer in spec["layers"]] == (
        ["Dense", "BatchNorm", "ReLU", "Dropout"] * 2 + ["Dense"])
    assert {layer.get("init") for layer in spec["layers"] if layer["type"] == "Dense"} == {0.01}
    optimizers = EXPERIMENTS["optimizers"].runs
    assert [r.optimizer for r in optimizers] == ["SGD", "Momentum", "AdaGrad", "RMSprop", "Adam"]
    overfit = EXPERIMENTS["overfit"]
    assert overfit.subset == 300 and overfit.epochs == 200
    assert [r.weight_decay for r in overfit.runs] == [0.0, 0.1, 0.0, 0.0]
    assert [r.l1 for r in overfit.runs] == [0.0, 0.0, 0.005, 0.0]


def test_optimizers_record_one_loss_per_step_and_learn(blobs):
    exp, curves, summaries = run_experiment("optimizers", blobs, epochs=10, subset=256)
    steps = 10 * math.ceil(256 / exp.batch_size)
    assert curves.x_name == "step" and curves.x == list(range(1, steps + 1))
    assert set(curves.columns) == {f"{r.label}/train_loss" for r in exp.runs}
    for name in ("Momentum", "AdaGrad", "RMSprop", "Adam"):
        loss = curves.columns[f"{name}/train_loss"]
        assert len(loss) == steps and loss[-1] < 0.5 * loss[0], name
    adam = next(s for s in summaries if s["run"] == "Adam")
    assert adam["test_acc"] > 0.9  # separable blobs: a working optimizer gets them


def test_same_seed_same_curves_and_same_start_for_every_run(blobs):
    _, a, _ = run_experiment("init", blobs, epochs=1, subset=128, seed=3)
    _, b, _ = run_experiment("init", blobs, epochs=1, subset=128, seed=3)
    assert a.columns == b.columns
    _, c, _ = run_experiment("overfit", blobs, epochs=1, subset=64)
    starts = {name: values[0] for name, values in c.columns.items()
              if name.endswith("train_acc")}
    assert starts["plain/train_acc"] == starts["weight decay 0.1/train_acc"]


def test_overfit_records_accuracy_per_epoch_from_epoch_0(blobs):
    exp, curves, _ = run_experiment("overfit", blobs, epochs=4, subset=100)
    assert curves.x_name == "epoch" and curves.x == [0, 1, 2, 3, 4]
    assert len(curves.columns) == 2 * len(exp.runs)
    for values in curves.columns.values():
        assert len(values) == 5 and all(0.0 <= v <= 1.0 for v in values)


def test_csv_round_trip_is_exact_to_6_digits(tmp_path):
    curves = Curves("epoch", [0, 1, 2], {"a, b/train_acc": [0.1, 0.123456789, 1.0],
                                         "c/test_acc": [float("nan"), 0.5, 0.25]})
    path = write_csv(curves, tmp_path / "sub" / "x.csv")
    with open(path, newline="") as f:
        header = next(csv.reader(f))
    assert header == ["epoch", "a, b/train_acc", "c/test_acc"]
    back = read_csv(path)
    assert back.x == [0, 1, 2] and list(back.columns) == list(curves.columns)
    assert back.columns["a, b/train_acc"] == pytest.approx([0.1, 0.123457, 1.0])
    assert math.isnan(back.columns["c/test_acc"][0])
    assert [p.name for p in path.parent.iterdir()] == ["x.csv"]  # no temp file left


def test_smooth_is_a_trailing_average():
    assert smooth([1, 2, 3, 4], window=2).tolist() == [1.0, 1.5, 2.5, 3.5]


def test_render_draws_lines_axes_and_legend(tmp_path):
    x = list(range(50))
    panels = [Panel("first", "epoch", "accuracy",
                    [Line("up", x, [i / 49 for i in x], PALETTE[0]),
                     Line("flat", x, [0.5] * 50, PALETTE[3], dashed=True)], ylim=(0, 1)),
              Panel("second", "step", "loss", [Line("nan gap", x, [float("nan")] * 10 +
                                                    [2.0 - i / 30 for i in x[10:]],
                                                    PALETTE[2])])]
    path = render(panels, tmp_path / "p.png", title="Title", panel_size=(300, 200))
    assert [p.name for p in tmp_path.iterdir()] == ["p.png"]  # written atomically
    with Image.open(path) as png:
        assert png.format == "PNG"
        image = np.asarray(png.convert("RGB")).astype(int)
    assert image.shape == (230, 600, 3)  # two 300x200 panels and the 30-pixel title

    def near(color, region) -> int:
        return int((np.abs(region - np.array(color)).sum(axis=2) < 120).sum())

    left, right = image[:, :300], image[:, 300:]
    # each line in its own panel (and its legend entry), none in the other
    assert near(PALETTE[0], left) > 250 and near(PALETTE[3], left) > 100
    assert near(PALETTE[2], right) > 150 and near(PALETTE[0], right) == 0
    assert near(PALETTE[3], right) == 0
    assert near((0, 0, 0), image) > 1000  # axes, tick labels, titles
    # the dashed line has gaps: along its row (y = 0.5) the red ink is broken
    row = int(np.argmax([near(PALETTE[3], left[y:y + 1]) for y in range(left.shape[0])]))
    red = (np.abs(left[row] - np.array(PALETTE[3])).sum(axis=1) < 120)
    assert 0 < red.sum() and np.any(~red[np.argmax(red):len(red) - np.argmax(red[::-1])])


def test_experiment_command_writes_csv_and_png(mnist_dir, tmp_path, capsys):
    code = main(["experiment", "overfit", "--epochs", "2", "--subset", "50",
                 "--out", str(tmp_path), "--data-dir", str(mnist_dir)])
    assert code == 0
    out = capsys.readouterr().out
    assert str(tmp_path / "overfit.csv") in out and "weight decay 0.1" in out
    curves = read_csv(tmp_path / "overfit.csv")
    assert curves.x == [0, 1, 2]
    assert sorted(curves.columns) == sorted(f"{run}/{m}" for run in
                                            ("plain", "weight decay 0.1", "L1 0.005",
                                             "dropout 0.2")
                                            for m in ("train_acc", "test_acc"))
    with Image.open(tmp_path / "overfit.png") as image:
        assert image.size == (2 * 440, 2 * 310 + 30)  # four runs: a 2x2 grid


def test_plot_of_a_loss_experiment_is_one_panel(blobs, tmp_path):
    exp, curves, _ = run_experiment("init", blobs, epochs=1, subset=128)
    with Image.open(plot_curves(exp, curves, tmp_path / "init.png")) as image:
        assert image.size == (640, 400)


def test_every_experiment_can_be_named_on_the_command_line():
    from nndesk.cli.parser_train import EXPERIMENT_NAMES

    assert set(EXPERIMENT_NAMES) == set(EXPERIMENTS)


def test_random_search_is_judged_on_validation_and_plots_the_best(blobs, tmp_path):
    exp = EXPERIMENTS["hyperparams"]
    lrs = [run.lr for run in exp.runs]
    assert len(exp.runs) == 30 and all(1e-6 <= lr <= 1e-2 for lr in lrs)
    assert all(1e-8 <= run.weight_decay <= 1e-4 for run in exp.runs)
    assert len({run.key for run in exp.runs}) == 30
    exp, curves, summaries = run_experiment("hyperparams", blobs, epochs=3, subset=200)
    assert len(curves.columns) == 60 and curves.x == [0, 1, 2, 3]
    best = max(exp.runs, key=lambda r: curves.columns[f"{r.key}/val_acc"][-1])
    worst = min(exp.runs, key=lambda r: curves.columns[f"{r.key}/val_acc"][-1])
    assert best.lr > worst.lr  # 3 epochs: only the larger learning rates get anywhere
    summary = next(s for s in summaries if s["run"] == best.key)
    assert summary["val_acc"] == curves.columns[f"{best.key}/val_acc"][-1]
    with Image.open(plot_curves(exp, curves, tmp_path / "h.png")) as image:
        assert image.size == (4 * 330, 3 * 250 + 30)  # the best 12, four to a row


def test_values_are_seen_as_they_are_made_and_stop_ends_between_batches(blobs):
    seen: list[tuple[str, str, int, float]] = []

    def stop() -> bool:
        return len([v for v in seen if v[1] == "train_loss"]) >= 5

    exp, curves, summaries = run_experiment("optimizers", blobs, epochs=3, subset=256,
                                            on_value=lambda *v: seen.append(v), stop=stop)
    assert [v[:3] for v in seen] == [("SGD", "train_loss", i) for i in range(1, 6)]
    assert len(summaries) == 1 and curves.columns["SGD/train_loss"] == [v[3] for v in seen]


def test_regularized_runs_add_the_penalty_to_the_loss(blobs):
    from nndesk.experiments import Experiment, Run
    from nndesk.nn import Network

    spec = mlp_spec(1, units=20)
    EXPERIMENTS["_l1_test"] = Experiment("_l1_test", "t", [
        Run("plain", spec), Run("L1", spec, l1=0.01), Run("L2", spec, weight_decay=0.1)],
        epochs=1, subset=100, metrics=("train_loss",))
    try:
        _, curves, _ = run_experiment("_l1_test", blobs)
    finally:
        del EXPERIMENTS["_l1_test"]
    net = Network.from_spec(spec, seed=0)       # the weights every run starts from
    first = {k: v[0] for k, v in curves.columns.items()}
    assert first["L1/train_loss"] - first["plain/train_loss"] == pytest.approx(
        net.penalty(l1=0.01), rel=1e-4)
    assert first["L2/train_loss"] - first["plain/train_loss"] == pytest.approx(
        net.penalty(weight_decay=0.1), rel=1e-4)
