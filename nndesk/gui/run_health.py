"""The "not learning" warning's hint follows each run whether or not View ▸ Layer health is
open: `RunHealth.check(state)` measures Layer health's verdict (`health_job.trouble`) on the
run's latest weights when the view has not measured this run, in the view's own job
(`health_job.HealthJob`, its thread, its 100 probe images), and says it with `measured`.

It is asked only when an epoch ends under twice chance: nothing is computed per snapshot. A
measurement per snapshot would cost 1.5 ms of CPU for the QA's sigmoid network but 90 ms for
DigitNet, a snapshot a second: 9% of a core beside the run (`layer_health` on the 100 images
after `load_state_dict`, one BLAS thread, thread CPU time, medians of 5 interleaved rounds,
2026-12-02)."""

from __future__ import annotations

from PySide6.QtCore import QObject, QThread, Signal

from nndesk.gui.health_job import HealthJob, Probe, trouble
from nndesk.gui.i18n import tr
from nndesk.gui.jobs import delete_when_finished
from nndesk.gui.run_watch import CHANCE_FACTOR, not_learning_hint

__all__ = ["RunHealth", "not_learning_text"]

_RUNNING: set = set()


def not_learning_text(epoch: object, acc: float, num_classes: int, trouble: str | None,
                      config: dict | None = None) -> str:
    """The warning of an epoch whose validation accuracy `acc` is under twice guessing, its
    hint from Layer health's verdict `trouble` (None: nothing measured or seen) and the run's
    `config` (its optimizer and learning rate)."""
    config = config or {}
    return tr("Validation accuracy after epoch {epoch} is {acc}%, under twice guessing "
              "({chance}%): the network is not learning. {hint}").format(
        epoch=epoch, acc=f"{100 * acc:.1f}", chance=f"{100 * CHANCE_FACTOR / num_classes:.0f}",
        hint=not_learning_hint(trouble, str(config.get("optimizer", "")), config.get("lr")))


class RunHealth(QObject):
    """Layer health's verdict on a run's weights, measured on request (see the module)."""

    measured = Signal(object)  # the verdict: "saturated", "vanishing", "dead" (N_) or None

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._probe = Probe()  # its own network and probe batch (the view keeps its own)
        self._job: HealthJob | None = None
        self._state = None  # the AppState whose network is being measured

    @property
    def busy(self) -> bool:
        """True while a measurement runs."""
        return self._job is not None

    def check(self, state) -> bool:
        """Measure the verdict on `state`'s network (the run's latest snapshot) in a thread;
        `measured` tells it and `state.health_trouble` keeps it. False (nothing started) when
        a measurement runs already or there is no network."""
        if self._job is not None or state.network is None:
            return False
        job = HealthJob(self._probe, dict(state.model_spec), state.network.state_dict(),
                        float(state.config.get("lr", 0.001)))
        job.done.connect(self._on_done)  # methods: no call once this object is deleted
        job.failed.connect(self._on_failed)
        delete_when_finished(job, _RUNNING)
        self._job, self._state = job, state
        job.start(QThread.Priority.LowPriority)
        return True

    def _on_done(self, result: tuple) -> None:
        self._job = None
        self._state.health_trouble = trouble(result[0])
        self.measured.emit(self._state.health_trouble)

    def _on_failed(self, _text: str) -> None:
        self._job = None  # no MNIST to probe with: the hint stays the general one
