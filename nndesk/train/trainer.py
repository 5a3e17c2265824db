"""The training loop: shuffled mini-batches, plain callbacks, pause/stop, exact resume.

The loop (`Trainer._loop`) reads as the book's ch. 4 loop with its phases named: wait while
paused (`_wait_if_paused`), take the next batch (`next_batch`), one step (`train_step`:
forward + loss, backward, update), then the end of an epoch (`_end_epoch`: measure, early
stopping, checkpoint). Faults end a run with a result, never a traceback: a NaN/infinite or
exploding loss ("diverged"), a checkpoint that cannot be written ("write_error").

Its other jobs live beside it: the pause/stop flags (`control.py`), how a run ends and what it
says (`run_end.py`: the divergence watch, `TrainResult`), the checkpoint's state and exact
resume (`checkpoints.py`), the epoch's measurements (`metrics.epoch_figures`).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from nndesk.train.checkpoints import Checkpoints, rng_state
from nndesk.train.config import TrainConfig
from nndesk.train.control import TrainControl
from nndesk.train.metrics import epoch_figures
from nndesk.train.run_end import RunEnds, TrainResult, good_weights_path
from nndesk.train.schedules import lr_at

__all__ = ["TrainConfig", "TrainControl", "TrainResult", "Trainer", "good_weights_path",
           "BUCKET_BATCHES"]

# Variable-length sequences are batched by length within chunks of this many batches of the
# epoch's permutation (bucketing: little padding, still shuffled).
BUCKET_BATCHES = 20


def _fits(have: tuple, want: tuple) -> bool:
    """Data shaped `have` fits a network input `want` (None: any number of steps)."""
    return len(have) == len(want) and all(w in (None, h) for h, w in zip(have, want, strict=False))


class Trainer(RunEnds, Checkpoints):
    """Trains `net` on `data` (a `Splits`: x_train, t_train, x_val, t_val, x_test, t_test).

    Callbacks (called on the training thread): `on_batch(dict)`, `on_epoch(dict)`,
    `on_snapshot(state_dict copy)`. `pause()`, `resume()` and `stop()` may be called from any
    thread; they take effect between batches. How a run ends (`_diverged`, `_finish`, ...)
    comes from `RunEnds` (run_end.py), `checkpoint_state`, `write_checkpoint` and
    `from_checkpoint` from `Checkpoints` (checkpoints.py).
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
        self._init_watch(net)  # run_end: the loss watch, the last good weights
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
            self._epoch_rng = rng_state(self.rng)
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
        c = self.config
        started = time.perf_counter()
        train_acc, val_loss, val_acc, test_acc = epoch_figures(self.net, self.data, c,
                                                               self.n_train, self.lengths)
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
