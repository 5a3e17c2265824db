"""RunVerdicts: what a training run's numbers say while it runs, for the TrainingController
(training.py): its batch-loss curve (saved beside a checkpoint), whether the loss is blowing
up (`diverging`) and whether validation accuracy stays near chance (the not-learning warning,
given again with Layer health's verdict on the run's weights, `RunHealth`), and so whether the
run's model may take the canvas (`failed`)."""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from nndesk.gui.i18n import tr
from nndesk.gui.run_health import RunHealth, not_learning_text
from nndesk.gui.run_watch import is_diverging, load_curve, not_learning, save_curve
from nndesk.gui.state import AppState

__all__ = ["RunVerdicts"]


class RunVerdicts(QObject):
    """One run's verdicts; `reset()` at each start. `warning(text)`: shown while it runs
    ("" withdraws it)."""

    warning = Signal(str)

    def __init__(self, state: AppState, run_config: Callable[[], dict],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.run_config = run_config  # the run's training settings (the hint names its rate)
        self.health = RunHealth(self)  # the not-learning hint's verdict, view open or not
        self.health.measured.connect(self._on_health_measured)
        self.reset()

    def reset(self) -> None:
        """A new run: no losses, no verdicts."""
        self.steps: list[int] = []  # this run's batch losses (saved beside a checkpoint)
        self.losses: list[float] = []
        self.last_val_acc: float | None = None
        self.diverging = False  # the loss has blown up (see is_diverging)
        self.not_learning: dict | None = None  # the last not-learning epoch's record

    def started(self) -> None:
        """The run began: its own verdict from Layer health, none inherited."""
        self.state.health_trouble, self.not_learning = None, None

    def save_curve(self, ckpt: Path) -> None:
        save_curve(ckpt, self.steps, self.losses)

    def load_curve(self, ckpt: Path, up_to_step: int) -> dict | None:
        """A resumed run's earlier batch losses, up to the checkpoint's step (None: none)."""
        pairs = load_curve(ckpt, up_to_step)
        self.steps = [s for s, _ in pairs]
        self.losses = [v for _, v in pairs]
        return {"steps": list(self.steps), "losses": list(self.losses)} if pairs else None

    def batch(self, info: dict) -> bool:
        """Record a batch report; True when the loss has just started to blow up (the caller
        gives the canvas its model back, then `warn_diverging()`)."""
        pairs = [(s, v) for s, v in zip(info["steps"], info["losses"], strict=False)
                 if math.isfinite(v)]
        self.steps += [s for s, _ in pairs]
        self.losses += [v for _, v in pairs]
        if self.diverging or not is_diverging(self.losses, self.state.num_classes):
            return False
        self.diverging = True
        return True

    def warn_diverging(self) -> None:
        self.warning.emit(tr(
            "The loss is growing instead of falling ({loss:.3g}): the learning rate is too "
            "large. Stop, lower the learning rate (try a tenth) and train again.").format(
            loss=self.losses[-1]))

    def epoch(self, record: dict) -> None:
        """An epoch's record: the not-learning warning given, or withdrawn."""
        acc = record.get("val_acc")
        if acc is None:
            return
        self.last_val_acc = acc
        if not_learning(acc, self.state.num_classes):
            self.not_learning = dict(record)
            self.warning.emit(not_learning_text(record.get("epoch"), acc,
                                                self.state.num_classes,
                                                self.state.health_trouble, self.run_config()))
            if self.state.health_trouble is None:  # not measured on this run: now, on its
                self.health.check(self.state)      # weights (Layer health closed)
        elif self.not_learning is not None:  # it learns after all: the warning goes
            self.not_learning = None
            self.warning.emit("")

    def _on_health_measured(self, trouble: str | None) -> None:
        """Layer health's verdict on the run that is not learning: its warning again, the
        hint naming what was measured."""
        record = self.not_learning
        if trouble and record is not None:
            self.warning.emit(not_learning_text(record.get("epoch"), record["val_acc"],
                                                self.state.num_classes, trouble, self.run_config()))

    def failed(self, info: dict) -> bool:
        """True when the run's weights must not replace the canvas model: it diverged, or
        it ended no better than guessing."""
        if info.get("stopped") in ("diverged", "error"):
            return True
        return self.diverging or not_learning(self.last_val_acc, self.state.num_classes)
