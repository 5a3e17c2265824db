"""How a training run ends: the divergence watch, the results and the messages that say why.

`RunEnds` is the part of `Trainer` that decides and words a run's end: the loss watch
(`_loss_trouble` per batch, `_epoch_trouble` per epoch), going back to good weights
(`_diverged`, `_early_stop`), a checkpoint that cannot be written (`_write_failed`), and the
`TrainResult` itself (`_finish`). It uses the trainer's state (config, net, optimizer, step,
epoch, history, best epoch, checkpoint path) and keeps its own: `start_loss`, `_ema`,
`_good`/`_good_step` (the last weights that gave a sane loss), `good_weights_path`,
`_saved_epoch`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

from nndesk.train.modelfile import save_model

__all__ = ["TrainResult", "RunEnds", "good_weights_path", "SAFE_LR", "EXPLODE_FACTOR",
           "EXPLODE_MARGIN", "CHANCE_ACCURACY"]

# A learning rate that usually works per optimizer: what the divergence message suggests.
SAFE_LR = {"sgd": 0.1, "momentum": 0.01, "nesterov": 0.01, "adagrad": 0.01,
           "rmsprop": 0.001, "adam": 0.001}
# An exploding loss: its running mean (EMA, weight 0.1 per batch) above this many times the
# run's first loss plus a margin (cross-entropy starts near ln 10 = 2.3: the bar is 33).
EXPLODE_FACTOR, EXPLODE_MARGIN = 10.0, 10.0
# At an epoch's end: accuracy (0..1) at or below this, with the loss 1.5x above its start.
CHANCE_ACCURACY = 0.15


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


def good_weights_path(checkpoint_path: str | Path) -> Path:
    """Where a diverged run keeps its last good weights: `m.ckpt.npz` -> `m.last-good.npz`."""
    p = Path(checkpoint_path)
    stem = p.name[:-len(".ckpt.npz")] if p.name.endswith(".ckpt.npz") else p.stem
    return p.with_name(f"{stem}.last-good.npz")


class RunEnds:
    """The trainer's run-end decisions and messages (a mixin of `Trainer`; see the module)."""

    def _init_watch(self, net) -> None:
        """The watch's state at a run's start (a resume then restores start_loss and _ema)."""
        self._good = net.state_dict()  # last weights known to give a sane loss
        self._good_step = 0
        self.start_loss: float | None = None  # the loss of the run's first batch
        self._ema: float | None = None  # running mean of the batch loss
        self.good_weights_path: Path | None = None  # where a divergence put the good weights
        self._saved_epoch: int | None = None  # epoch of the last checkpoint written

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
        return EXPLODE_FACTOR * (self.start_loss or 0.0) + EXPLODE_MARGIN

    def _epoch_trouble(self, train_loss: float, acc: float | None) -> str | None:
        """Divergence seen at an epoch's end: accuracy at chance (<= 15%) while the epoch's
        loss stayed well above where the run started (a net that merely does not learn
        keeps its starting loss and is left alone)."""
        if self.start_loss is None or acc is None:
            return None
        if acc <= CHANCE_ACCURACY and train_loss > 1.5 * self.start_loss:
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
        safe = SAFE_LR.get(name, 0.001)
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
        """The run's result; with `checkpoint`, its checkpoint written first (a stop)."""
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
