"""The training loop: shuffled mini-batches, plain callbacks, pause/stop, exact resume.

The loop (`Trainer._loop`) reads as the book's ch. 4 loop with its phases named: wait while
paused (`_wait_if_paused`), take the next batch (`next_batch`), one step (`train_step`:
forward + loss, backward, update), then the end of an epoch (`_end_epoch`: measure, early
stopping, checkpoint). Faults end a run with a result, never a traceback: a NaN/infinite or
exploding loss ("diverged"), a checkpoint that cannot be written ("write_error").
"""

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

__all__ = ["TrainConfig", "TrainControl", "TrainResult", "Trainer", "good_weights_path"]

# A learning rate that usually works per optimizer: what the divergence message suggests.
_SAFE_LR = {"sgd": 0.1, "momentum": 0.01, "nesterov": 0.01, "adagrad": 0.01,
            "rmsprop": 0.001, "adam": 0.001}
# An exploding loss: its running mean (EMA, weight 0.1 per batch) above this many times the
# run's first loss plus a margin (cross-entropy starts near ln 10 = 2.3: the bar is 33).
_EXPLODE_FACTOR, _EXPLODE_MARGIN = 10.0, 10.0
# Variable-length sequences are batched by length within chunks of this many batches of the
# epoch's permutation (bucketing: little padding, still shuffled).
BUCKET_BATCHES = 20


@dataclass
class TrainResult:
    """How a run ended: `stopped` is "finished", "stopped", "diverged", "early_stop" or
    "write_error" (the checkpoint could not be written: the message names the file).
    `diverged_at` (a diverged run): {"step": the batch it blew up at (1-based, as on_batch
    counts), "loss": that batch's loss (NaN or inf too; an epoch's mean for "chance")}: the
    window draws the curve up to it and marks it."""

    history: list[dict]
    stopped: str
    message: str
    best_epoch: int | None
    epochs_done: int
    steps: int
    train_time_s: float
    checkpoint_path: Path | None = None
    extra: dict = field(default_factory=dict)
    diverged_at: dict | None = None


class TrainControl:
    """THE pause/stop flags of a run, thread-safe; made before the trainer exists, if need be.

    The window's worker makes one, passes it to `TrainSession(..., control=...)` and calls
    `pause()` / `resume()` / `stop()` from the GUI thread at any time (also while the data
    load); the trainer reads them between batches. A `stop()` also ends a pause.
    """

    def __init__(self) -> None:
        self._stop = threading.Event()
        self._unpaused = threading.Event()
        self._unpaused.set()

    def pause(self) -> None:
        """Hold the loop before the next batch until `resume()` or `stop()`."""
        self._unpaused.clear()

    def resume(self) -> None:
        """Let a paused loop continue."""
        self._unpaused.set()

    def stop(self) -> None:
        """End the run before the next batch."""
        self._stop.set()
        self._unpaused.set()

    @property
    def paused(self) -> bool:
        """True between `pause()` and the next `resume()` or `stop()`."""
        return not self._unpaused.is_set()

    @property
    def stopped(self) -> bool:
        """True once `stop()` was called (it stays so)."""
        return self._stop.is_set()

    def wait_while_paused(self, poll_s: float = 0.1) -> bool:
        """Block while paused; False when the run is to stop (a stop() during a pause too)."""
        while not self._unpaused.wait(poll_s) and not self._stop.is_set():
            pass
        return not self._stop.is_set()


def good_weights_path(checkpoint_path: str | Path) -> Path:
    """Where a diverged run keeps its last good weights: `m.ckpt.npz` -> `m.last-good.npz`."""
    p = Path(checkpoint_path)
    stem = p.name[:-len(".ckpt.npz")] if p.name.endswith(".ckpt.npz") else p.stem
    return p.with_name(f"{stem}.last-good.npz")


def _rng_state(rng: np.random.Generator | None) -> dict | None:
    return None if rng is None else rng.bit_generator.state


def _fits(have: tuple, want: tuple) -> bool:
    """Data shaped `have` fits a network input `want` (None: any number of steps)."""
    return len(have) == len(want) and all(w in (None, h) for h, w in zip(have, want, strict=False))


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
                 checkpoint_path: str | Path | None = None,
                 control: TrainControl | None = None) -> None:
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
        self.lengths = getattr(data, "lengths_train", None)  # (N,) real steps, or None
        if info and not _fits(data.x_train.shape[1:], info[0].input_shape):
            raise ValueError(f"the network expects images shaped {list(info[0].input_shape)}, "
                             f"the training data is {list(data.x_train.shape[1:])}")
        n = len(data.x_train)
        self.n_train = min(n, config.train_limit) if config.train_limit else n
        self.batches = math.ceil(self.n_train / config.batch_size)
        self.augmenter = None
        if (config.augment or config.elastic_alpha) and not getattr(data, "augmented", False):
            # sequences are augmented at load
            from nndesk.data.augment import Augmenter

            still = {} if config.augment else {"shift": 0, "rotate": 0, "scale": 0,
                                               "shear": 0, "thickness": 0}
            self.augmenter = Augmenter(**still, elastic_alpha=config.elastic_alpha,
                                       elastic_sigma=config.elastic_sigma)
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
        # Control flags (shared with whoever made `control`) and transient state.
        self.control = control or TrainControl()
        self._good = net.state_dict()  # last weights known to give a sane loss
        self._good_step = 0
        self.start_loss: float | None = None  # the loss of the run's first batch
        self._ema: float | None = None  # running mean of the batch loss
        self.good_weights_path: Path | None = None  # where a divergence put the good weights
        self._saved_epoch: int | None = None  # epoch of the last checkpoint written
        self._last_snapshot = -math.inf
        self._speed = 0.0
        self.run_metadata: dict = {}  # what every checkpoint's metadata also carries

    # --- control, from any thread (the flags live in `self.control`) ---------------------
    def pause(self) -> None:
        """Hold the loop before the next batch until `resume()` or `stop()`."""
        self.control.pause()

    def resume(self) -> None:
        """Let a paused loop continue."""
        self.control.resume()

    def stop(self) -> None:
        """End the run before the next batch (a checkpoint is written if there is a path)."""
        self.control.stop()

    @property
    def paused(self) -> bool:
        """True while the run is held by `pause()` (the control's flag)."""
        return self.control.paused

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
        c = self.config
        while self.epoch < c.epochs:
            while self.batch < self.batches:
                # Phase 1: hold here while paused; a stop() ends the run with a checkpoint.
                if not self._wait_if_paused():
                    return self._finish("stopped", f"stopped in epoch {self.epoch + 1} after "
                                        f"batch {self.batch} of {self.batches}", checkpoint=True)
                # Phase 2: the next mini-batch of this epoch's permutation.
                started = time.perf_counter()
                batch = self.next_batch()
                candidate = None
                if started - self._last_snapshot >= c.snapshot_every_s:
                    candidate, self._last_snapshot = self.net.state_dict(), started
                # Phase 3: one step (forward + loss, backward, update).
                lr = self.optimizer.lr = self.lr_now()
                loss = self.train_step(*batch)
                # Phase 4: watch the loss; keep weights that gave a sane one.
                trouble = self._loss_trouble(loss)
                if trouble:
                    return self._diverged(trouble, lr, loss)
                if candidate is not None:
                    self._good, self._good_step = candidate, self.step
                    if self.on_snapshot:
                        self.on_snapshot(candidate)
                self._count(loss, len(batch[0]), started, lr)
            # Phase 5: end of the epoch: measure, early stopping, checkpoint.
            ended = self._end_epoch()
            if ended is not None:
                return ended
        return self._finish("finished", f"finished {c.epochs} epochs", checkpoint=False)

    def _wait_if_paused(self) -> bool:
        """Block while paused; False when the run is to stop (even a stop() during a pause)."""
        return self.control.wait_while_paused()

    def next_batch(self) -> tuple[np.ndarray, ...]:
        """Images (B, ...) and labels (B,) of batch `self.batch` of this epoch (augmented);
        for variable-length sequences (`data.lengths_train`) also their lengths (B,), the
        batch cut to its longest (B, T_max, F)."""
        c = self.config
        if self._perm_epoch != self.epoch:  # first batch: this epoch's order
            self._epoch_rng = _rng_state(self.rng)
            self._perm, self._perm_epoch = self._order(self.rng.permutation(self.n_train)), \
                self.epoch
            self._loss_sum, self._loss_count, self._epoch_time = 0.0, 0, 0.0
        idx = self._perm[self.batch * c.batch_size:(self.batch + 1) * c.batch_size]
        xb, tb = self.data.x_train[idx], self.data.t_train[idx]
        if self.augmenter is not None:
            xb = self.augmenter(xb, self.rng)
        if self.lengths is None:
            return xb, tb
        lengths = self.lengths[idx]
        return xb[:, :lengths.max()], tb, lengths

    def _order(self, perm: np.ndarray) -> np.ndarray:
        """The epoch's order of samples: `perm` itself, or for variable-length sequences
        bucketed: each chunk of BUCKET_BATCHES batches sorted by length and cut into batches,
        those batches taken in an order drawn from `perm` too (no extra random numbers, so a
        resumed run takes the same batches)."""
        if self.lengths is None:
            return perm
        size, out = self.config.batch_size, []
        for start in range(0, len(perm), size * BUCKET_BATCHES):
            chunk = perm[start:start + size * BUCKET_BATCHES]
            chunk = chunk[np.argsort(self.lengths[chunk], kind="stable")]
            batches = [chunk[i:i + size] for i in range(0, len(chunk), size)]
            out += [batches[k] for k in np.argsort(perm[start:start + len(batches)])]
        return np.concatenate(out) if out else perm

    def train_step(self, xb: np.ndarray, tb: np.ndarray,
                   lengths: np.ndarray | None = None) -> float:
        """One step of mini-batch gradient descent (the book's ch. 4.5): the loss of the batch
        (train mode), the gradients by backprop (ch. 5), the optimizer's update (ch. 6).
        `lengths` (B,): end-padded sequences' real steps (padding changes nothing).
        Returns the loss measured before the update (none when it is not finite). With two
        batch workers the batch is split once per step (`nn.train_step`, data-parallel)."""
        from nndesk.nn import train_step

        return train_step(self.net, xb, tb, self.optimizer, lengths)

    def _loss_trouble(self, loss: float) -> str | None:
        """Why this loss means the run diverged (NaN, infinite, exploding), or None."""
        if not math.isfinite(loss):
            return "NaN" if math.isnan(loss) else "infinite"
        if self.start_loss is None:  # the first batch's loss, before any update
            self.start_loss = loss
        self._ema = loss if self._ema is None else 0.9 * self._ema + 0.1 * loss
        if self.start_loss is not None and self._ema > self._explode_bar():
            return "exploding"
        return None

    def _explode_bar(self) -> float:
        return _EXPLODE_FACTOR * (self.start_loss or 0.0) + _EXPLODE_MARGIN

    def _count(self, loss: float, n: int, started: float, lr: float) -> None:
        """Book-keeping after a step: epoch loss, counters, speed, the on_batch callback."""
        self._loss_sum += loss * n
        self._loss_count += n
        self.step += 1
        self.batch += 1
        spent = time.perf_counter() - started
        self._epoch_time += spent
        self.train_time_s += spent
        rate = n / max(spent, 1e-9)
        self._speed = rate if self._speed == 0 else 0.9 * self._speed + 0.1 * rate
        if self.on_batch:
            self.on_batch({"step": self.step, "epoch": self.epoch + 1, "batch": self.batch,
                           "batches": self.batches, "loss": loss,
                           "images_per_s": self._speed, "lr": lr})

    def _end_epoch(self) -> TrainResult | None:
        """Measure, record, snapshot, checkpoint; a result when the run ends here (early
        stop, divergence seen in the epoch's figures, a checkpoint that cannot be written)."""
        c, d = self.config, self.data
        started = time.perf_counter()
        train_acc = None
        if c.train_eval_size:
            n = min(self.n_train, c.train_eval_size)
            train_acc = loss_and_accuracy(
                self.net, d.x_train[:n], d.t_train[:n], c.eval_batch_size,
                lengths=None if self.lengths is None else self.lengths[:n])[1]
        val_loss = val_acc = test_acc = None
        if len(d.x_val):
            val_loss, val_acc = loss_and_accuracy(self.net, d.x_val, d.t_val, c.eval_batch_size,
                                                  lengths=getattr(d, "lengths_val", None))
        if c.eval_test and len(d.x_test):
            test_acc = loss_and_accuracy(self.net, d.x_test, d.t_test, c.eval_batch_size,
                                         lengths=getattr(d, "lengths_test", None))[1]
        train_loss = self._loss_sum / max(1, self._loss_count)
        trouble = self._epoch_trouble(train_loss, val_acc if val_acc is not None else train_acc)
        if trouble:
            return self._diverged(trouble, self.optimizer.lr, train_loss)
        self.epoch += 1
        self.batch = 0
        # Early stopping (Keras's rule, min_delta 0): only a strictly higher val_acc is an
        # improvement; a tie counts as an epoch without improvement.
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
        record = {"epoch": self.epoch, "train_loss": train_loss,
                  "train_acc": train_acc, "val_loss": val_loss, "val_acc": val_acc,
                  "test_acc": test_acc, "time_s": self._epoch_time,
                  "lr": self.optimizer.lr, "best_epoch": self.best_epoch}
        self.history.append(record)
        weights = self.net.state_dict()
        if val_loss is None or math.isfinite(val_loss):
            self._good, self._good_step = weights, self.step
        if self.on_snapshot:
            self.on_snapshot(weights)
        self._last_snapshot = time.perf_counter()
        if self.on_epoch:
            self.on_epoch(dict(record))
        try:
            self.write_checkpoint()
        except OSError as err:
            return self._write_failed(err)
        if c.early_stop and val_acc is not None and self.since_best >= c.early_stop:
            return self._finish("early_stop", self._early_stop(), checkpoint=False)
        return None

    def _epoch_trouble(self, train_loss: float, acc: float | None) -> str | None:
        """Divergence seen at an epoch's end: accuracy at chance (<= 15%) while the epoch's
        loss stayed well above where the run started (a net that merely does not learn
        keeps its starting loss and is left alone)."""
        if self.start_loss is None or acc is None:
            return None
        if acc <= 0.15 and train_loss > 1.5 * self.start_loss:
            return "chance"
        return None

    def _early_stop(self) -> str:
        """Go back to the best epoch (if asked) and say why the run ended."""
        msg = (f"stopped early: no better validation accuracy for {self.since_best} epochs "
               f"(best: epoch {self.best_epoch}, {self.best_val_acc:.2%})")
        if self.config.restore_best and self.best_weights is not None:
            self.net.load_state_dict(self.best_weights)
            msg += f"; weights of epoch {self.best_epoch} restored"
        return msg

    def _diverged(self, trouble: str, lr: float, loss: float = math.nan) -> TrainResult:
        """The loss went NaN, infinite or exploded: put back the last good weights, write
        them to a file beside the checkpoint (when there is one) and say what to try."""
        self.net.load_state_dict(self._good)
        name = self.config.optimizer.lower()
        safe = _SAFE_LR.get(name, 0.001)
        suggest = safe if lr > safe else lr / 10
        if trouble == "exploding":
            what = (f"the loss exploded (running mean {self._ema:.3g}; it started at "
                    f"{self.start_loss:.3g})")
        elif trouble == "chance":
            what = "accuracy fell to chance while the loss rose above its start"
        else:
            what = f"the loss became {trouble}"
        kept = f"the last good weights (step {self._good_step}) were put back"
        if self.checkpoint_path is not None:
            path = good_weights_path(self.checkpoint_path)
            try:
                save_model(path, self.net, {"kind": "last good weights", "stopped": "diverged",
                                            "step": self._good_step,
                                            "config": self.config.to_dict()})
                self.good_weights_path = path
                kept = f"the last good weights (step {self._good_step}) were kept in {path}"
            except OSError as err:
                kept += f" (writing them to {path} failed: {err.strerror or err})"
        msg = (f"{what} at step {self.step + 1}: the learning rate {lr:g} is probably too "
               f"high; try {suggest:g} ({kept})")
        result = self._finish("diverged", msg, checkpoint=False)
        result.diverged_at = {"step": self.step + 1, "loss": float(loss)}
        return result

    def _write_failed(self, err: OSError) -> TrainResult:
        """The checkpoint could not be written (folder gone read-only, disk full)."""
        path = self.checkpoint_path
        reason = err.strerror or str(err)
        kept = (f"the last good checkpoint (epoch {self._saved_epoch}) is kept"
                if self._saved_epoch is not None else "no checkpoint was saved before")
        return self._finish("write_error", f"cannot write {path}: {reason}; {kept}",
                            checkpoint=False)

    def _finish(self, stopped: str, message: str, *, checkpoint: bool) -> TrainResult:
        if checkpoint:
            try:
                self.write_checkpoint()
            except OSError as err:
                return self._write_failed(err)
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
                "start_loss": self.start_loss, "loss_ema": self._ema,
                "optimizer": self.optimizer.state_dict(), "best_weights": self.best_weights}

    def write_checkpoint(self, path: str | Path | None = None) -> Path | None:
        """Save weights + loop state atomically to `path` (default: the checkpoint path)."""
        path = Path(path) if path else self.checkpoint_path
        if path is None:
            return None
        meta = {**self.run_metadata, "kind": "checkpoint", "epoch": self.epoch,
                "batch": self.batch}
        written = save_model(path, self.net, meta, checkpoint=self.checkpoint_state())
        if path == self.checkpoint_path:
            self._saved_epoch = self.epoch
        return written

    def _restore(self, state: dict) -> None:
        self.epoch, self.batch, self.step = state["epoch"], state["batch"], state["step"]
        self.history = [dict(h) for h in state["history"]]
        self.best_epoch, self.best_val_acc = state["best_epoch"], state["best_val_acc"]
        self.since_best, self.train_time_s = state["since_best"], state["train_time_s"]
        self._loss_sum, self._loss_count = state["epoch_loss_sum"], state["epoch_loss_count"]
        self._epoch_time = state["epoch_time_s"]
        self.best_weights = state.get("best_weights")
        # the divergence watch goes on from the run's first loss and its running mean
        # (a checkpoint without them, from an older nndesk, starts the watch afresh)
        start, ema = state.get("start_loss"), state.get("loss_ema")
        self.start_loss = float(start) if isinstance(start, (int, float)) else None
        self._ema = (float(ema) if isinstance(ema, (int, float)) and math.isfinite(ema)
                     and self.start_loss is not None else None)
        self.optimizer.load_state_dict(state["optimizer"])
        if state.get("net_rng") and _net_rng(self.net) is not None:
            _net_rng(self.net).bit_generator.state = state["net_rng"]
        if self.batch:  # mid-epoch: the same permutation, then the rng where it stood
            self.rng.bit_generator.state = state["epoch_rng"]
            self._epoch_rng = state["epoch_rng"]
            self._perm = self._order(self.rng.permutation(self.n_train))
            self._perm_epoch = self.epoch
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
