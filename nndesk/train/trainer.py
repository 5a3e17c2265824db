"""The training loop: shuffled mini-batches, plain callbacks, pause/stop, exact resume."""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from nndesk.train.config import TrainConfig
from nndesk.train.metrics import loss_and_accuracy
from nndesk.train.modelfile import ModelFileError, load_model, save_model
from nndesk.train.schedules import lr_at

__all__ = ["TrainConfig", "TrainResult", "Trainer"]

# A learning rate that usually works per optimizer: what the divergence message suggests.
_SAFE_LR = {"sgd": 0.1, "momentum": 0.01, "nesterov": 0.01, "adagrad": 0.01,
            "rmsprop": 0.001, "adam": 0.001}


@dataclass
class TrainResult:
    """How a run ended. `stopped` is "finished", "stopped", "diverged" or "early_stop"."""

    history: list[dict]
    stopped: str
    message: str
    best_epoch: int | None
    epochs_done: int
    steps: int
    train_time_s: float
    checkpoint_path: Path | None = None
    extra: dict = field(default_factory=dict)


def _rng_state(rng: np.random.Generator | None) -> dict | None:
    return None if rng is None else rng.bit_generator.state


def _net_rng(net) -> np.random.Generator | None:
    rng = getattr(net, "rng", None)
    return rng if isinstance(rng, np.random.Generator) else None


class Trainer:
    """Trains `net` on `data` (a `Splits`: x_train, t_train, x_val, t_val, x_test, t_test).

    Callbacks (called on the training thread): `on_batch(dict)`, `on_epoch(dict)`,
    `on_snapshot(state_dict copy)`. `pause()`, `resume()` and `stop()` may be called from any
    thread; they take effect between batches.
    """

    def __init__(self, net, data, config: TrainConfig | None = None, *,
                 on_batch: Callable[[dict], None] | None = None,
                 on_epoch: Callable[[dict], None] | None = None,
                 on_snapshot: Callable[[dict], None] | None = None,
                 checkpoint_path: str | Path | None = None) -> None:
        from nndesk.nn import make_optimizer

        self.net, self.data = net, data
        self.config = config = config or TrainConfig()
        self.on_batch, self.on_epoch, self.on_snapshot = on_batch, on_epoch, on_snapshot
        self.checkpoint_path = Path(checkpoint_path) if checkpoint_path else None
        kwargs = {"lr": config.lr, "weight_decay": config.weight_decay}
        if config.optimizer.lower() in ("momentum", "nesterov"):
            kwargs["momentum"] = config.momentum
        try:
            self.optimizer = make_optimizer(config.optimizer, **kwargs)
        except (KeyError, TypeError) as err:
            raise ValueError(f"unknown optimizer {config.optimizer!r}") from err
        info = getattr(net, "info", None)
        if info and tuple(data.x_train.shape[1:]) != tuple(info[0].input_shape):
            raise ValueError(f"the network expects images shaped {list(info[0].input_shape)}, "
                             f"the training data is {list(data.x_train.shape[1:])}")
        n = len(data.x_train)
        self.n_train = min(n, config.train_limit) if config.train_limit else n
        self.batches = math.ceil(self.n_train / config.batch_size)
        self.augmenter = None
        if config.augment:
            from nndesk.data.augment import Augmenter

            self.augmenter = Augmenter()
        # Loop state: everything here goes into a checkpoint.
        self.rng = np.random.default_rng([config.seed, 20260])
        self.epoch, self.batch, self.step = 0, 0, 0  # completed epochs; batch in this epoch
        self.history: list[dict] = []
        self.best_epoch: int | None = None
        self.best_val_acc = -1.0
        self.since_best = 0
        self.best_weights: dict | None = None
        self.train_time_s = 0.0
        self._epoch_rng: dict | None = None  # rng state before this epoch's permutation
        self._perm: np.ndarray | None = None
        self._perm_epoch = -1  # the epoch self._perm was drawn for
        self._loss_sum, self._loss_count, self._epoch_time = 0.0, 0, 0.0
        # Control flags and transient state.
        self._stop = threading.Event()
        self._unpaused = threading.Event()
        self._unpaused.set()
        self._good = net.state_dict()  # last weights known to give a finite loss
        self._last_snapshot = -math.inf
        self._speed = 0.0

    # --- control, from any thread -------------------------------------------------------
    def pause(self) -> None:
        """Hold the loop before the next batch until `resume()` or `stop()`."""
        self._unpaused.clear()

    def resume(self) -> None:
        """Let a paused loop continue."""
        self._unpaused.set()

    def stop(self) -> None:
        """End the run before the next batch (a checkpoint is written if there is a path)."""
        self._stop.set()
        self._unpaused.set()

    @property
    def paused(self) -> bool:
        return not self._unpaused.is_set()

    # --- the loop ------------------------------------------------------------------------
    def lr_now(self) -> float:
        """The learning rate of the next step under the configured schedule."""
        c = self.config
        return lr_at(c.schedule, c.lr, self.step, self.batches, c.epochs, step_size=c.step_size,
                     gamma=c.gamma, warmup_epochs=c.warmup_epochs)

    def run(self) -> TrainResult:
        """Train until the configured epochs are done, `stop()`, divergence or early stop."""
        # Overflow on the way to a NaN loss is expected and reported by _diverged, not warned.
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            return self._loop()

    def _loop(self) -> TrainResult:
        c, x, t = self.config, self.data.x_train, self.data.t_train
        while self.epoch < c.epochs:
            while self.batch < self.batches:
                while not self._unpaused.wait(0.1) and not self._stop.is_set():
                    pass  # paused; a stop() (even one before a late pause()) ends the wait
                if self._stop.is_set():
                    return self._finish("stopped", f"stopped in epoch {self.epoch + 1} after "
                                        f"batch {self.batch} of {self.batches}", checkpoint=True)
                if self._perm_epoch != self.epoch:  # first batch: this epoch's order
                    self._epoch_rng = _rng_state(self.rng)
                    self._perm, self._perm_epoch = self.rng.permutation(self.n_train), self.epoch
                    self._loss_sum, self._loss_count, self._epoch_time = 0.0, 0, 0.0
                started = time.perf_counter()
                idx = self._perm[self.batch * c.batch_size:(self.batch + 1) * c.batch_size]
                xb, tb = x[idx], t[idx]
                if self.augmenter is not None:
                    xb = self.augmenter(xb, self.rng)
                candidate = None
                if started - self._last_snapshot >= c.snapshot_every_s:
                    candidate, self._last_snapshot = self.net.state_dict(), started
                lr = self.optimizer.lr = self.lr_now()
                loss = self.net.loss(xb, tb, train=True)
                if not math.isfinite(loss):
                    return self._diverged(loss, lr)
                if candidate is not None:
                    self._good = candidate
                    if self.on_snapshot:
                        self.on_snapshot(candidate)
                self.net.backward()
                self.optimizer.update(self.net.params(), self.net.grads())
                self._loss_sum += loss * len(idx)
                self._loss_count += len(idx)
                self.step += 1
                self.batch += 1
                spent = time.perf_counter() - started
                self._epoch_time += spent
                self.train_time_s += spent
                rate = len(idx) / max(spent, 1e-9)
                self._speed = rate if self._speed == 0 else 0.9 * self._speed + 0.1 * rate
                if self.on_batch:
                    self.on_batch({"step": self.step, "epoch": self.epoch + 1,
                                   "batch": self.batch, "batches": self.batches, "loss": loss,
                                   "images_per_s": self._speed, "lr": lr})
            if self._end_epoch():
                return self._finish("early_stop", self._early_stop(), checkpoint=False)
        return self._finish("finished", f"finished {c.epochs} epochs", checkpoint=False)

    def _end_epoch(self) -> bool:
        """Measure, record, snapshot, checkpoint; True when early stopping says stop."""
        c, d = self.config, self.data
        started = time.perf_counter()
        train_acc = None
        if c.train_eval_size:
            n = min(self.n_train, c.train_eval_size)
            train_acc = loss_and_accuracy(self.net, d.x_train[:n], d.t_train[:n],
                                          c.eval_batch_size)[1]
        val_loss = val_acc = test_acc = None
        if len(d.x_val):
            val_loss, val_acc = loss_and_accuracy(self.net, d.x_val, d.t_val, c.eval_batch_size)
        if c.eval_test and len(d.x_test):
            test_acc = loss_and_accuracy(self.net, d.x_test, d.t_test, c.eval_batch_size)[1]
        self.epoch += 1
        self.batch = 0
        improved = val_acc is None or val_acc > self.best_val_acc
        if improved:
            self.best_epoch, self.since_best = self.epoch, 0
            self.best_val_acc = -1.0 if val_acc is None else val_acc
            if c.early_stop and val_acc is not None:
                self.best_weights = self.net.state_dict()
        else:
            self.since_best += 1
        spent = time.perf_counter() - started
        self._epoch_time += spent
        self.train_time_s += spent
        record = {"epoch": self.epoch, "train_loss": self._loss_sum / max(1, self._loss_count),
                  "train_acc": train_acc, "val_loss": val_loss, "val_acc": val_acc,
                  "test_acc": test_acc, "time_s": self._epoch_time,
                  "lr": self.optimizer.lr, "best_epoch": self.best_epoch}
        self.history.append(record)
        weights = self.net.state_dict()
        if val_loss is None or math.isfinite(val_loss):
            self._good = weights
        if self.on_snapshot:
            self.on_snapshot(weights)
        self._last_snapshot = time.perf_counter()
        if self.on_epoch:
            self.on_epoch(dict(record))
        self.write_checkpoint()
        return bool(c.early_stop and val_acc is not None and self.since_best >= c.early_stop)

    def _early_stop(self) -> str:
        """Go back to the best epoch (if asked) and say why the run ended."""
        msg = (f"stopped early: no better validation accuracy for {self.since_best} epochs "
               f"(best: epoch {self.best_epoch}, {self.best_val_acc:.2%})")
        if self.config.restore_best and self.best_weights is not None:
            self.net.load_state_dict(self.best_weights)
            msg += f"; weights of epoch {self.best_epoch} restored"
        return msg

    def _diverged(self, loss: float, lr: float) -> TrainResult:
        """Non-finite loss: put back the last good weights and explain what likely happened."""
        self.net.load_state_dict(self._good)
        name = self.config.optimizer.lower()
        safe = _SAFE_LR.get(name, 0.001)
        suggest = safe if lr > safe else lr / 10
        kind = "NaN" if math.isnan(loss) else "infinite"
        msg = (f"the loss became {kind} at step {self.step + 1}: the learning rate {lr:g} is "
               f"probably too high; try {suggest:g} (the last good weights were kept)")
        return self._finish("diverged", msg, checkpoint=False)

    def _finish(self, stopped: str, message: str, *, checkpoint: bool) -> TrainResult:
        if checkpoint:
            self.write_checkpoint()
        return TrainResult(history=[dict(h) for h in self.history], stopped=stopped,
                           message=message, best_epoch=self.best_epoch,
                           epochs_done=self.epoch, steps=self.step,
                           train_time_s=self.train_time_s,
                           checkpoint_path=self.checkpoint_path)

    # --- checkpoints ---------------------------------------------------------------------
    def checkpoint_state(self) -> dict:
        """Everything needed to continue exactly where the loop stands now."""
        return {"epoch": self.epoch, "batch": self.batch, "step": self.step,
                "config": self.config.to_dict(), "rng": _rng_state(self.rng),
                "epoch_rng": self._epoch_rng if self.batch else None,
                "net_rng": _rng_state(_net_rng(self.net)), "history": self.history,
                "best_epoch": self.best_epoch, "best_val_acc": self.best_val_acc,
                "since_best": self.since_best, "train_time_s": self.train_time_s,
                "epoch_loss_sum": self._loss_sum, "epoch_loss_count": self._loss_count,
                "epoch_time_s": self._epoch_time, "schedule": {"lr": self.lr_now()},
                "optimizer": self.optimizer.state_dict(), "best_weights": self.best_weights}

    def write_checkpoint(self, path: str | Path | None = None) -> Path | None:
        """Save weights + loop state atomically to `path` (default: the checkpoint path)."""
        path = Path(path) if path else self.checkpoint_path
        if path is None:
            return None
        meta = {"kind": "checkpoint", "epoch": self.epoch, "batch": self.batch}
        return save_model(path, self.net, meta, checkpoint=self.checkpoint_state())

    def _restore(self, state: dict) -> None:
        self.epoch, self.batch, self.step = state["epoch"], state["batch"], state["step"]
        self.history = [dict(h) for h in state["history"]]
        self.best_epoch, self.best_val_acc = state["best_epoch"], state["best_val_acc"]
        self.since_best, self.train_time_s = state["since_best"], state["train_time_s"]
        self._loss_sum, self._loss_count = state["epoch_loss_sum"], state["epoch_loss_count"]
        self._epoch_time = state["epoch_time_s"]
        self.best_weights = state.get("best_weights")
        self.optimizer.load_state_dict(state["optimizer"])
        if state.get("net_rng") and _net_rng(self.net) is not None:
            _net_rng(self.net).bit_generator.state = state["net_rng"]
        if self.batch:  # mid-epoch: the same permutation, then the rng where it stood
            self.rng.bit_generator.state = state["epoch_rng"]
            self._epoch_rng = state["epoch_rng"]
            self._perm, self._perm_epoch = self.rng.permutation(self.n_train), self.epoch
        self.rng.bit_generator.state = state["rng"]

    @classmethod
    def from_checkpoint(cls, path: str | Path, data, config: TrainConfig | None = None,
                        **callbacks) -> Trainer:
        """A trainer that continues the run saved in checkpoint `path` exactly.

        `config` may replace the saved settings (e.g. more epochs); by default the trainer
        keeps writing its checkpoint to `path`.
        """
        loaded = load_model(path)
        state = loaded.checkpoint
        if state is None:
            raise ModelFileError(f"{path}: a model file without training state; "
                                 f"it cannot be resumed (train a new run from its spec)")
        try:
            config = config or TrainConfig.from_dict(state["config"])
            callbacks.setdefault("checkpoint_path", path)
            trainer = cls(loaded.network, data, config, **callbacks)
            trainer._restore(state)
        except (KeyError, TypeError) as err:
            raise ModelFileError(f"{path}: the checkpoint state is incomplete ({err})") from err
        return trainer
