"""Learning-rate schedules: a pure function of the step, so a resumed run needs no extra state."""

from __future__ import annotations

import math

__all__ = ["SCHEDULES", "lr_at"]

SCHEDULES = ("constant", "step", "cosine")


def lr_at(schedule: str, base_lr: float, step: int, steps_per_epoch: int, epochs: int, *,
          step_size: int = 5, gamma: float = 0.1, warmup_epochs: float = 0.0,
          min_lr: float = 0.0) -> float:
    """The learning rate for training step `step` (0-based) of a run of `epochs` epochs.

    constant: base_lr; step: base_lr * gamma ** (epoch // step_size); cosine: from base_lr
    down to min_lr along half a cosine over the whole run. A linear warm-up over the first
    `warmup_epochs` epochs (0 = none) multiplies any of them by (step + 1) / warm-up steps,
    at most 1 (a warm-up of a fractional number of steps never raises the lr above the
    schedule's).
    """
    steps_per_epoch = max(1, steps_per_epoch)
    if schedule == "constant":
        lr = base_lr
    elif schedule == "step":
        lr = base_lr * gamma ** ((step // steps_per_epoch) // max(1, step_size))
    elif schedule == "cosine":
        total = max(1, steps_per_epoch * epochs)
        progress = min(step, total) / total
        lr = min_lr + 0.5 * (base_lr - min_lr) * (1.0 + math.cos(math.pi * progress))
    else:
        raise ValueError(f"unknown schedule {schedule!r}; choose one of {', '.join(SCHEDULES)}")
    warmup_steps = warmup_epochs * steps_per_epoch
    if warmup_steps > 0:
        lr *= min(1.0, (step + 1) / warmup_steps)
    return lr
