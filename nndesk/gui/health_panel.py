"""HealthPanel: is each layer learning? Histograms of weights, gradients and activations per
weighted layer, dead/saturated shares, gradient norms over time, BatchNorm running stats.
Computed by `nndesk.insight.health.layer_health` in a background thread, at most once per new
network (training snapshots come once a second), every 2 s or more (a measurement takes at most
2.5% of the time, counted in its thread's CPU time: a dearer network waits longer), and only while
the panel is shown. What it measures: a new design at once, with its initial weights (before
any training: sigmoid with std 1.0 saturates already there), the run's snapshots while it
trains, a model when one is loaded; when a run ends its last figures and its gradient-norm
curve stay, whatever model the window takes next (the new one, or the one before it), and
when the panel is hidden and shown again, until the learner changes the design or opens a
model. The curve has one point per measurement of
a run's snapshot, at the batch of the run the snapshot was taken after; nothing else adds
points (measuring a design or a model clears the curve)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QElapsedTimer, QEvent, QThread, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from nndesk.gui.health_figures import HealthFigures
from nndesk.gui.health_job import BATCH, HealthJob, Probe, trouble
from nndesk.gui.i18n import N_, tr
from nndesk.gui.jobs import delete_when_finished
from nndesk.gui.live_text import LiveTexts
from nndesk.gui.nobreak import WrapLabel
from nndesk.gui.state import IDLE, AppState
from nndesk.insight.health import vanishing

__all__ = ["HealthPanel"]

MIN_INTERVAL_MS = 2000  # at most one measurement per 2 s
SHARE = 0.025  # and at most this share of the time: a measurement of c ms waits c / SHARE
_RUNNING: set = set()


class HealthPanel(QWidget):
    """One row per weighted layer: weights, gradients, the activation after it."""

    measured = Signal(str)  # a measurement was shown: "snapshot", "model" or "design"

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.report: dict | None = None
        self.costs_ms: list[float] = []  # wall time of each measurement
        self.cpu_costs_ms: list[float] = []  # its CPU time (this thread's x batch workers)
        self.norm_history: list[list[float]] = []  # per measurement: each layer's grad norm
        self.norm_steps: list[int] = []  # the run's batch each point was measured after
        self._job: HealthJob | None = None
        self._pending = False
        self._probe = Probe()
        self.interval_ms = MIN_INTERVAL_MS  # the wait between two measurements
        self.status = WrapLabel()
        self.status.setWordWrap(True)
        # the status line is joined from pieces: each a function, written anew at View ▸ Language
        self.live = LiveTexts(status=self.status.setText)
        self._parts: tuple[Callable[[], str], ...] = ()
        self._source: Callable[[], str] = lambda: ""
        self.figures = HealthFigures(every_s=MIN_INTERVAL_MS / 1000)
        top = QHBoxLayout()
        top.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.figures, 1)
        self._spec_key = None
        self._since = QElapsedTimer()  # since the last measurement started
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.timeout.connect(self.schedule)
        self._target = "model"  # what schedule() measures: "model" or "design"
        self._hold = False      # a run just ended: the model the window takes is not measured
        self._ended = False     # the figures are an ended run's: shown again, not remeasured
        self._trained = False   # snapshots of a run were measured since it started
        self._new_run = False   # a run started: its first snapshot starts a new curve
        self._final: tuple | None = None  # an ended run's last weights: (spec, weights, at)
        state.model_changed.connect(self._on_model_changed)
        state.spec_changed.connect(self._on_spec_changed)
        state.training_state_changed.connect(self._on_training_state_changed)
        self.schedule()

    @property
    def busy(self) -> bool:
        """True while figures are being computed (or wait to be)."""
        return self._job is not None or self._pending

    def showEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().showEvent(event)
        # back from another tab after a run: the run's figures stay (its last, once measured)
        if not self._ended or self._final is not None:
            self.schedule()

    def hideEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().hideEvent(event)
        self._later.stop()  # hidden: nothing waits to be measured (a running job ends)
        self._pending = False

    def _on_spec_changed(self) -> None:
        """A new design while idle: measured at once with its initial weights (unless it is
        the loaded model's own design: then the model's trained weights)."""
        s, self._hold, self._ended = self.state, False, False
        if s.training != IDLE:
            return  # the run's snapshots are measured
        same = s.network is not None and s.model_spec.get("layers") == s.spec.get("layers")
        self._target = "model" if same else "design"
        self.schedule()

    def _on_model_changed(self) -> None:
        if self._hold:  # the run has ended: a late snapshot is not measured, and neither is
            if self.state.model_source != "snapshot":  # the model the window takes (the new
                self._hold = False                      # one or the one before it)
            return
        self._ended = False
        self._target = "model"
        if self.state.model_source == "snapshot" and self.state.training != IDLE:
            self._trained = True  # the run's weights reached the view (measured or waiting)
        self.schedule()

    def _on_training_state_changed(self, status: str) -> None:
        if status != IDLE:
            self._new_run |= not self._trained  # no snapshot measured yet: a new run
            self._hold = self._ended = False
            return
        if self._trained:  # the run's end: the model the window takes next is not measured
            self._hold, self._ended, self._trained = True, True, False
            self._pending = False
            self._later.stop()
            s = self.state
            at = s.snapshot_at
            if (s.model_source == "snapshot" and s.network is not None and at is not None
                    and (not self.norm_steps or self.norm_steps[-1] != at.get("step"))):
                # the run's last weights not measured yet (a short run: its first snapshot
                # only): measured now, so the run's last figures are the trained network's
                self._final = (dict(s.model_spec), s.network.state_dict(), dict(at))
                self.schedule()
            elif self.report is not None:  # a job still measuring says it again when done
                self._say_ended()

    def _say(self, *parts: Callable[[], str]) -> None:
        """The status line: the pieces' texts joined by " · "."""
        self._parts = parts
        self.live.show("status", lambda: " · ".join(part() for part in parts))

    def _say_ended(self) -> None:
        self._say(*self._parts, lambda: tr("the run has ended: its last figures stay"))

    def _on_failed(self, text: str) -> None:
        """A plain text (the live switch reads it back as any other)."""
        self.live.forget("status")
        self._parts = ()
        self.status.setText(text)

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        """View ▸ Language: the status line written anew from its pieces."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.live.refresh()

    def schedule(self) -> None:
        """Measure the current network (when shown); the newest network waits its turn."""
        s = self.state
        design = self._target == "design"
        if design and (s.spec_error is not None or not s.spec.get("layers")):
            self._say(lambda: tr("Layer health: the design has a problem; fix it to see its "
                                 "layers."))
            return
        if not design and s.network is None:
            self._say(lambda: tr("Layer health: no network yet (train one or open a model)."))
            return
        if not self.isVisible():
            return
        if self._job is not None:
            self._pending = True
            return
        if self._final is not None:  # an ended run's last weights, once
            self._measure_final()
            return
        spec = s.spec if design else s.model_spec
        key = tuple(layer.get("type") for layer in spec.get("layers", []))
        # the share of time is kept while a run trains; idle, a new design or model waits not
        if (s.training != IDLE and key == self._spec_key and self._since.isValid()
                and self._since.elapsed() < self.interval_ms):
            self._pending = True
            self._later.start(self.interval_ms - self._since.elapsed())
            return
        if key != self._spec_key:  # another network: its own history and its own cost
            self._spec_key, self.norm_history, self.norm_steps = key, [], []
            self.interval_ms = MIN_INTERVAL_MS
        snapshot = s.model_source == "snapshot" and not design
        self._trained |= snapshot
        at = (s.snapshot_at or {"step": self.norm_steps[-1] + 1 if self.norm_steps else 0}
              ) if snapshot else None
        what = (N_("the new design, initial weights (not trained yet)") if design else
                N_("the network being trained") if snapshot else N_("the loaded model"))
        self._source = _source(what, at)
        # the weights copied: the job loads them into the panel's own network
        job = HealthJob(self._probe, spec, None if design else s.network.state_dict(),
                   float(s.config.get("lr", 0.001)), int(s.config.get("seed", 0) or 0), at)
        self._start(job, design)

    def _measure_final(self) -> None:
        """Measure the ended run's last weights (`_final`), a point of the run's curve."""
        spec, weights, at = self._final
        self._final = None
        self._source = _source(N_("the network being trained"), at)
        job = HealthJob(self._probe, spec, weights, float(self.state.config.get("lr", 0.001)),
                        at=at)
        self._start(job, design=False)

    def _start(self, job: HealthJob, design: bool) -> None:
        job.design = design
        job.done.connect(self._on_job_done)  # a method: no call once this panel is deleted
        job.failed.connect(self._on_failed)
        job.finished.connect(self._on_finished)
        delete_when_finished(job, _RUNNING)
        self._job, self._pending = job, False
        self._since.start()
        job.start(QThread.Priority.LowPriority)

    def _on_job_done(self, result: tuple) -> None:
        job = self.sender()
        if isinstance(job, HealthJob):
            self._on_done(result, job.at, job.design)

    def _on_finished(self) -> None:
        self._job = None
        if self._pending and not self._later.isActive():
            self.schedule()

    def _on_done(self, result: tuple, at: dict | None = None, design: bool = False) -> None:
        """Show a measurement; a run's snapshot (`at`: its place) adds a point to the curve,
        the first of a run starting it anew; a design or model clears the curve."""
        report, ms, cpu_ms = result
        self.report = report
        self.costs_ms.append(ms)
        self.cpu_costs_ms.append(cpu_ms)
        # the CPU time, not the wall time: waiting for a busy machine costs nothing
        self.interval_ms = max(MIN_INTERVAL_MS, round(cpu_ms / SHARE))
        weighted = report["weighted"]
        if at is None or self._new_run:
            self.norm_history, self.norm_steps = [], []
        if at is not None:
            self._new_run = False
            self.norm_history.append([w["grad_rms"] for w in weighted])
            self.norm_steps.append(int(at["step"]))
        loss, every = f"{report['loss']:.4f}", f"{self.interval_ms / 1000:.0f}"
        source = self._source
        parts = [lambda: tr("Loss {loss} on {n} training images (training mode) · "
                            "{source} · {ms} ms, every {s} s").format(
            loss=loss, n=BATCH, ms=f"{ms:.0f}", s=every, source=source())]
        slow = vanishing(weighted)
        self.state.health_trouble = trouble(report)
        if slow is not None:  # named, as a saturated or dead activation is
            parts.append(lambda: tr(
                "gradients vanish: layer {first} learns {times}× slower than layer {last} "
                "(RMS of the bias gradients, Nielsen ch. 5)"
            ).format(first=slow[0] + 1, last=slow[1] + 1,
                     times=f"{slow[2]:.0f}" if slow[2] < 1e6 else "∞"))
        self._say(*parts)
        if at is not None and self.state.training == IDLE:  # the run's last, measured late
            self._say_ended()
        self.figures.show_report(report, self.norm_steps, self.norm_history)
        self.measured.emit("snapshot" if at is not None else "design" if design else "model")


def _source(what: str, at: dict | None) -> Callable[[], str]:
    """What was measured (`what`, an N_() text), with the run's place when known."""
    if at is None or "epochs" not in at:
        return lambda: tr(what)
    place = dict(at)
    return lambda: tr(what) + " · " + tr("epoch {epoch}/{epochs} · batch {batch}/{batches}"
                                         ).format(**place)

