"""The book's ch. 6 experiments: optimizers, weight init, BatchNorm, and overfitting.

Each experiment trains a few small MLPs on the same data from the same seed, changing one
thing, and records curves (loss per step, or accuracy per epoch) that `write_csv` saves and
the command line plots. A plain loop over the engine, as the book's scripts do, so that a
step's loss is recorded with no checkpoint or evaluation in between.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from nndesk.fileio import atomic_write_text

if TYPE_CHECKING:
    from nndesk.data.mnist import Splits

__all__ = ["Run", "Experiment", "Curves", "EXPERIMENTS", "LOSS_WINDOW", "moving_average",
           "mlp_spec", "run_experiment", "write_csv", "read_csv"]

# the per-step loss is shown and summed up over this many steps (the book's smooth_curve
# idea): the window's plot, the final loss of each run and the command line's figure
LOSS_WINDOW = 25


def moving_average(values, window: int = LOSS_WINDOW) -> np.ndarray:
    """A trailing moving average over `window` steps (fewer at the start; non-finite values
    poison the windows they are in, as a blow-up should)."""
    y = np.asarray(values, dtype=np.float64)
    if len(y) < 2 or window < 2:
        return y
    cumsum = np.cumsum(np.insert(np.where(np.isfinite(y), y, np.nan), 0, 0.0))
    counts = np.minimum(np.arange(1, len(y) + 1), window)
    starts = np.arange(1, len(y) + 1) - counts
    return (cumsum[1:] - cumsum[starts]) / counts


def mlp_spec(hidden: int = 4, units: int = 100, init: str | float = "auto",
             batchnorm: bool = False, dropout: float = 0.0) -> dict:
    """The book's MultiLayerNet(Extend): `hidden` x (Dense, [BatchNorm], ReLU, [Dropout])."""
    layers: list[dict] = []
    for _ in range(hidden):
        layers.append({"type": "Dense", "units": units, "init": init})
        if batchnorm:
            layers.append({"type": "BatchNorm"})
        layers.append({"type": "ReLU"})
        if dropout:
            layers.append({"type": "Dropout", "rate": dropout})
    layers.append({"type": "Dense", "units": 10, "init": init})
    return {"name": "MultiLayerNet", "input_shape": [1, 28, 28], "layers": layers}


@dataclass
class Run:
    """One network + optimizer in an experiment; `panel` groups curves in the plot."""

    label: str
    spec: dict
    optimizer: str = "SGD"
    lr: float = 0.01
    weight_decay: float = 0.0
    panel: str = ""
    l1: float = 0.0                  # L1 regularization strength (the L2 one is weight_decay)

    @property
    def key(self) -> str:
        """A name unique in its experiment: the CSV column prefix."""
        return self.label if self.panel in ("", self.label) else f"{self.panel}, {self.label}"


@dataclass
class Experiment:
    """A comparison: its runs, how long they train, and what is recorded."""

    name: str
    title: str
    runs: list[Run]
    epochs: int                      # passes over the training subset
    subset: int | None               # training images (None: all 55,000)
    metrics: tuple[str, ...]         # "train_loss" (per step), "train_acc", "val_acc", "test_acc"
    batch_size: int = 100
    test_images: int = 2000          # for val_acc/test_acc: the first N validation/test images
    best_panels: int = 0             # plot only the N runs with the best final value (0: all)


@dataclass
class Curves:
    """Recorded curves: `columns["Adam/train_loss"]` has one value per entry of `x`."""

    x_name: str                      # "step" or "epoch"
    x: list[int] = field(default_factory=list)
    columns: dict[str, list[float]] = field(default_factory=dict)


def _random_search(trials: int = 30, seed: int = 0) -> list[Run]:
    """The book's 6.5.3: SGD with lr = 10^U(-6, -2) and weight decay = 10^U(-8, -4)."""
    rng = np.random.default_rng(seed)
    runs = []
    for _ in range(trials):
        lr, decay = 10 ** rng.uniform(-6, -2), 10 ** rng.uniform(-8, -4)
        label = f"lr {lr:.1e}, decay {decay:.1e}"
        runs.append(Run(label, mlp_spec(6), "SGD", float(lr), float(decay), panel=label))
    return runs


_MLP5 = mlp_spec(hidden=4)  # the book's 5-layer net for optimizers and init (4 x 100 hidden)
_SCALES = (1.0, 0.1, 0.01, 0.001)  # batch_norm_test.py sweeps 16 of these; four tell the story

EXPERIMENTS: dict[str, Experiment] = {
    "optimizers": Experiment(
        "optimizers", "Optimizers on MNIST (5-layer MLP, batch 128)",
        [Run("SGD", _MLP5, "SGD", 0.01), Run("Momentum", _MLP5, "Momentum", 0.01),
         Run("AdaGrad", _MLP5, "AdaGrad", 0.01), Run("RMSprop", _MLP5, "RMSprop", 0.001),
         Run("Adam", _MLP5, "Adam", 0.001)],
        epochs=4, subset=None, metrics=("train_loss",), batch_size=128),
    "init": Experiment(
        "init", "Weight init on MNIST (5-layer ReLU MLP, SGD)",
        [Run("std=0.01", mlp_spec(4, init=0.01)), Run("Xavier", mlp_spec(4, init="xavier")),
         Run("He", mlp_spec(4, init="he"))],
        epochs=4, subset=None, metrics=("train_loss",), batch_size=128),
    "batchnorm": Experiment(
        "batchnorm", "Batch Normalization at several weight scales (1,000 images)",
        [Run(label, mlp_spec(5, init=scale, batchnorm=bn), panel=f"init std {scale:g}")
         for scale in _SCALES for label, bn in (("BatchNorm", True), ("no BatchNorm", False))],
        epochs=20, subset=1000, metrics=("train_acc",)),
    "overfit": Experiment(
        "overfit", "Overfitting on 300 images: weight decay (L2), L1 and Dropout",
        [Run("plain", mlp_spec(6), panel="plain"),
         Run("weight decay 0.1", mlp_spec(6), weight_decay=0.1, panel="weight decay 0.1"),
         Run("L1 0.005", mlp_spec(6), l1=0.005, panel="L1 0.005"),
         Run("dropout 0.2", mlp_spec(6, dropout=0.2), panel="dropout 0.2")],
        epochs=200, subset=300, metrics=("train_acc", "test_acc")),
    "hyperparams": Experiment(
        "hyperparams", "Random search of learning rate and weight decay (best 12 of 30)",
        _random_search(), epochs=50, subset=400, metrics=("train_acc", "val_acc"),
        test_images=1000, best_panels=12),
}


@dataclass
class _Subset:
    """The images one experiment trains and tests on."""

    x: np.ndarray        # (n, 1, 28, 28)
    t: np.ndarray        # (n,)
    x_val: np.ndarray    # held-out images for val_acc (choosing settings) ...
    t_val: np.ndarray
    x_test: np.ndarray   # ... and for test_acc (the final word)
    t_test: np.ndarray


def _accuracy(net, x: np.ndarray, t: np.ndarray) -> float:
    return float(net.accuracy(x, t)) if len(x) else float("nan")


@dataclass
class _Hooks:
    """What a caller (the window) sees while an experiment runs, and how it stops one."""

    progress: Callable[[str], None]
    on_value: Callable[[str, str, int, float], None] | None = None  # (run key, metric, x, y)
    stop: Callable[[], bool] | None = None                          # True: stop now

    def value(self, run: Run, metric: str, x: int, y: float) -> None:
        if self.on_value is not None:
            self.on_value(run.key, metric, x, y)

    def stopped(self) -> bool:
        return self.stop is not None and self.stop()


def _train_run(exp: Experiment, run: Run, data: _Subset, epochs: int, seed: int, curves: Curves,
               hooks: _Hooks) -> dict:
    """Train one run, appending its curves; returns a one-line summary for the report.
    The loss recorded includes the weight decay and L1 terms, as the book's loss does."""
    from nndesk.nn import Network, make_optimizer

    x, t = data.x, data.t
    net = Network.from_spec(run.spec, seed=seed)
    extra = {"l1": run.l1} if run.l1 else {}
    opt = make_optimizer(run.optimizer, lr=run.lr, weight_decay=run.weight_decay, **extra)
    regularized = bool(run.weight_decay or run.l1)
    rng = np.random.default_rng(seed)  # the same batches for every run
    per_step = "train_loss" in exp.metrics
    losses: list[float] = []
    accs: dict[str, list[float]] = {m: [] for m in exp.metrics if m != "train_loss"}

    sets = {"train_acc": (x, t), "val_acc": (data.x_val, data.t_val),
            "test_acc": (data.x_test, data.t_test)}

    def measure(epoch: int) -> None:
        for metric, values in accs.items():
            values.append(_accuracy(net, *sets[metric]))
            hooks.value(run, metric, epoch, values[-1])

    with np.errstate(all="ignore"):  # a bad init may overflow: that is what we show
        measure(0)  # epoch 0: before any training
        for epoch in range(1, epochs + 1):
            order = rng.permutation(len(x))
            for i in range(0, len(x), exp.batch_size):
                if hooks.stopped():
                    break
                idx = order[i:i + exp.batch_size]
                loss = net.loss(x[idx], t[idx], train=True)
                if regularized:
                    loss += net.penalty(run.weight_decay, run.l1)
                losses.append(loss)
                if per_step:
                    hooks.value(run, "train_loss", len(losses), loss)
                if not math.isfinite(loss):
                    continue  # weights are already lost; keep the curve honest
                net.backward()
                opt.update(net.params(), net.grads())
            if hooks.stopped():
                break
            measure(epoch)
            if per_step:
                hooks.progress(f"  epoch {epoch}/{epochs}: loss "
                               f"{np.mean(losses[-LOSS_WINDOW:]):.4f}")
        final = {metric: _accuracy(net, *xt) for metric, xt in sets.items()}
    if per_step:
        curves.columns[f"{run.key}/train_loss"] = losses
    for metric, values in accs.items():
        curves.columns[f"{run.key}/{metric}"] = values
    return {"run": run.key,
            "final_loss": float(np.mean(losses[-LOSS_WINDOW:])) if losses else math.nan,
            "loss_steps": min(len(losses), LOSS_WINDOW),   # how many steps final_loss means
            **final}


def run_experiment(name: str, splits: Splits, *, epochs: int | None = None,
                   subset: int | None = None, seed: int = 0,
                   progress: Callable[[str], None] = lambda text: None,
                   on_value: Callable[[str, str, int, float], None] | None = None,
                   stop: Callable[[], bool] | None = None,
                   ) -> tuple[Experiment, Curves, list[dict]]:
    """Run experiment `name` on `splits` (from `load_mnist(flatten=False)`).

    Returns the experiment, its curves and one summary per run (final loss, train and test
    accuracy). `on_value(run, metric, x, y)` sees every recorded value as it is made (from
    this thread: the window queues them); `stop()` returning True ends the experiment between
    batches: the runs done so far are returned, the interrupted one with shorter curves.
    """
    hooks = _Hooks(progress, on_value, stop)
    exp = EXPERIMENTS[name]
    epochs = epochs or exp.epochs
    subset = subset or exp.subset
    n = len(splits.x_train) if subset is None else min(subset, len(splits.x_train))
    m = exp.test_images
    data = _Subset(splits.x_train[:n], splits.t_train[:n], splits.x_val[:m], splits.t_val[:m],
                   splits.x_test[:m], splits.t_test[:m])
    per_step = "train_loss" in exp.metrics
    curves = Curves("step" if per_step else "epoch")
    summaries = []
    for i, run in enumerate(exp.runs, 1):
        if hooks.stopped():
            break
        progress(f"{exp.name} {i}/{len(exp.runs)}: {run.key} ({run.optimizer}, lr {run.lr:g}, "
                 f"{epochs} epochs of {n:,} images)")
        summaries.append(_train_run(exp, run, data, epochs, seed, curves, hooks))
    length = max((len(v) for v in curves.columns.values()), default=0)
    curves.x = list(range(1, length + 1)) if per_step else list(range(length))
    return exp, curves, summaries


def write_csv(curves: Curves, path: str | Path) -> Path:
    """One column per curve (`run/metric`), one row per step or epoch; written atomically."""
    buf = io.StringIO(newline="")
    writer = csv.writer(buf)
    names = list(curves.columns)
    writer.writerow([curves.x_name, *names])
    for i, x in enumerate(curves.x):
        writer.writerow([x, *(f"{curves.columns[k][i]:.6g}" for k in names)])
    path = atomic_write_text(path, buf.getvalue())
    return path


def read_csv(path: str | Path) -> Curves:
    """Curves back from `write_csv` (for overlays and tests)."""
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    return Curves(header[0], [int(r[0]) for r in body],
                  {name: [float(r[i + 1]) for r in body] for i, name in enumerate(header[1:])})
