"""A training run's checkpoint: the loop's state written beside the weights, and read back so
that a resumed run continues exactly (the same batch of the same permutation, the same random
numbers, the optimizer's slots, the divergence watch).

`Checkpoints` is the part of `Trainer` that does it (a mixin): `checkpoint_state()`,
`write_checkpoint(path)`, `Trainer.from_checkpoint(path, data, config, **callbacks)`. The
file's layout and checks are modelfile's (`save_model(..., checkpoint=)`, `load_model`); the
fields written here are the ones `model_checks` checks on load.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np

from nndesk.train.config import TrainConfig
from nndesk.train.modelfile import ModelFileError, load_model, save_model

__all__ = ["Checkpoints", "rng_state", "net_rng"]


def rng_state(rng: np.random.Generator | None) -> dict | None:
    """A Generator's state as JSON-able data (None for none)."""
    return None if rng is None else rng.bit_generator.state


def net_rng(net) -> np.random.Generator | None:
    """The network's own Generator (dropout masks), if it has one."""
    rng = getattr(net, "rng", None)
    return rng if isinstance(rng, np.random.Generator) else None


class Checkpoints:
    """Writing and restoring the trainer's loop state (a mixin of `Trainer`)."""

    def checkpoint_state(self) -> dict:
        """Everything needed to continue exactly where the loop stands now."""
        return {"epoch": self.epoch, "batch": self.batch, "step": self.step,
                "config": self.config.to_dict(), "rng": rng_state(self.rng),
                "epoch_rng": self._epoch_rng if self.batch else None,
                "net_rng": rng_state(net_rng(self.net)), "history": self.history,
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
        if state.get("net_rng") and net_rng(self.net) is not None:
            net_rng(self.net).bit_generator.state = state["net_rng"]
        if self.batch:  # mid-epoch: the same permutation, then the rng where it stood
            self.rng.bit_generator.state = state["epoch_rng"]
            self._epoch_rng = state["epoch_rng"]
            self._perm = self._order(self.rng.permutation(self.n_train))
            self._perm_epoch = self.epoch
        self.rng.bit_generator.state = state["rng"]

    @classmethod
    def from_checkpoint(cls, path: str | Path, data, config: TrainConfig | None = None,
                        **callbacks):
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
