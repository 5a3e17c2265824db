"""TensorBoard event files for nndesk's own runs (`nndesk train --tensorboard DIR`).

A `TensorBoardLogger` is driven by the Trainer's callbacks: `on_batch` writes the loss and
learning rate of each step, `on_epoch` the epoch's losses and accuracies and a histogram of
every weight tensor. The tags are the ones the exported train.py writes (`batch/loss`,
`batch/lr`, `epoch/train_loss`, `epoch/val_acc`, ...), so an nndesk run and a PyTorch run
show side by side in `tensorboard --logdir`. The writer is tensorboardX (nndesk[tensorboard]):
pure Python on protobuf, about 1 MB, where `tensorboard` itself brings a web server.
"""

from __future__ import annotations

import atexit
import os
import sys
from collections.abc import Callable
from pathlib import Path

__all__ = ["TensorBoardLogger", "attach", "EPOCH_KEYS"]

EPOCH_KEYS = ("train_loss", "train_acc", "val_loss", "val_acc", "test_acc", "lr")


def _summary_writer() -> type:
    """tensorboardX's SummaryWriter, imported without torch.

    tensorboardX imports torch whenever it is installed (`try: import torch`), only to accept
    torch tensors; nndesk logs floats and NumPy arrays, and torch costs 2-14 s of start-up
    measured here. A `None` in sys.modules makes that import fail as if torch were absent,
    for the moment of the import only (nndesk's CLI imports nothing else meanwhile).
    """
    if "tensorboardX" not in sys.modules and "torch" not in sys.modules:
        sys.modules["torch"] = None  # type: ignore[assignment]
        try:
            import tensorboardX  # noqa: F401 (imported for its side effect: no torch)
        finally:
            del sys.modules["torch"]
    from tensorboardX import SummaryWriter

    return SummaryWriter


class TensorBoardLogger:
    """Write a run's curves and weight histograms to `logdir` (created if missing).

    `net`: the Network being trained, for the histograms (None: scalars only).
    Raises ImportError without tensorboardX.
    """

    def __init__(self, logdir: str | os.PathLike, net=None, *, flush_secs: int = 10) -> None:
        writer = _summary_writer()
        Path(logdir).mkdir(parents=True, exist_ok=True)
        self.writer = writer(str(logdir), flush_secs=flush_secs)
        self.net = net

    def on_batch(self, record: dict) -> None:
        """The Trainer's `on_batch` record: loss and learning rate at its step."""
        self.writer.add_scalar("batch/loss", record["loss"], record["step"])
        if record.get("lr") is not None:
            self.writer.add_scalar("batch/lr", record["lr"], record["step"])

    def on_epoch(self, record: dict) -> None:
        """The Trainer's `on_epoch` record: losses, accuracies (0..1), lr, histograms."""
        epoch = record["epoch"]
        for key in EPOCH_KEYS:
            if record.get(key) is not None:
                self.writer.add_scalar(f"epoch/{key}", record[key], epoch)
        if self.net is not None:
            for i, layer in enumerate(self.net.layers):
                for name, value in layer.params.items():
                    self.writer.add_histogram(f"{i + 1}.{layer.type}/{name}", value, epoch)
        self.writer.flush()

    def close(self) -> None:
        self.writer.close()


def _chain(first: Callable[[dict], None] | None,
           second: Callable[[dict], None]) -> Callable[[dict], None]:
    def both(record: dict) -> None:
        if first is not None:
            first(record)
        second(record)
    return both


def attach(trainer, logdir: str | os.PathLike) -> TensorBoardLogger:
    """Log `trainer`'s run to `logdir` next to its existing callbacks; closed at exit."""
    logger = TensorBoardLogger(logdir, trainer.net)
    trainer.on_batch = _chain(trainer.on_batch, logger.on_batch)
    trainer.on_epoch = _chain(trainer.on_epoch, logger.on_epoch)
    atexit.register(logger.close)
    return logger
