"""WhyPanel: which pixels of the drawn digit speak for a class (gradient x input, occlusion),
computed in a background thread on a private copy of the network, newest drawing first."""

from __future__ import annotations

import time

import numpy as np
from PySide6.QtCore import QElapsedTimer, Qt, QThread, QTimer, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from nndesk.gui.engine_text import job_failure
from nndesk.gui.i18n import N_, tr
from nndesk.gui.jobs import delete_when_finished
from nndesk.gui.nobreak import WrapLabel
from nndesk.gui.state import AppState

__all__ = ["WhyPanel", "overlay"]

SCALE = 7  # a 28x28 map shown at 196x196
QUIET_MS = 150  # the maps wait for a pause in the drawing: the strokes keep both cores
PATCH, STRIDE = 6, 3  # occlusion: 9x9 = 81 blanked copies per update (4/2 would be 169)
OCCLUSION_BATCH = 4  # ...predicted in 21 pieces of ~1.6 ms (27 ms in all, 39 as one batch of
# 82); between them the job waits while the canvas is drawn on (yield_to_drawing), as it does
# before each map (a piece of 12 under way when the second stroke of a 4 began: ~10 ms)
SNAPSHOT_EVERY_MS = 3000  # while a run trains, the same drawing is explained again this often
# at most (a snapshot comes every second; the maps cost ~0.2 s of CPU beside the canvas)
_RUNNING: set = set()
FAILED = N_("The maps could not be computed: {reason}. The rest of the window keeps working; "
            "draw again to try once more, or open another model.")


def overlay(image: np.ndarray, saliency: np.ndarray) -> np.ndarray:
    """(H, W, 3) uint8: the digit in gray, red where `saliency` > 0 (for the class), blue where
    < 0 (against it), stronger with |saliency| / max |saliency|."""
    base = 255 - 150 * np.clip(image, 0, 1)  # dark ink on light paper
    top = float(np.abs(saliency).max()) or 1.0
    a = np.clip(saliency / top, -1, 1)[..., None]
    red, blue = np.array([220, 40, 40]), np.array([40, 90, 230])
    rgb = base[..., None] * (1 - np.abs(a)) + np.where(a > 0, red, blue) * np.abs(a)
    return np.ascontiguousarray(rgb.astype(np.uint8))


class _Job(QThread):
    done = Signal(object)  # {"grad": (K, H, W), "occlusion": (K, H, W), "ms": (g, o), "net"}
    failed = Signal(str)  # what the panel says: what failed and what to do

    def __init__(self, net, spec: dict, weights: dict | None, digit: np.ndarray) -> None:
        super().__init__()
        self.net, self.spec, self.weights, self.digit = net, spec, weights, digit

    def run(self) -> None:
        """The maps (`done`), or `failed` with a sentence: an error never reaches the window's
        excepthook."""
        try:
            self.done.emit(self._maps())
        except Exception as err:  # noqa: BLE001 (a bug or no memory: said in the panel)
            self.failed.emit(job_failure(FAILED, err))

    def _maps(self) -> dict:
        from threadpoolctl import threadpool_limits

        from nndesk.gui.drawing_jobs import yield_to_drawing
        from nndesk.gui.preparer import lower_priority
        from nndesk.insight.saliency import gradient_x_input, occlusion

        lower_priority(10)  # a core for the window and the canvas's answer first
        waited = [0.0]  # s spent waiting for the canvas (not in the maps' cost)

        def pause() -> None:  # the canvas's answer first: none of this while it is drawn on
            waited[0] += yield_to_drawing(stop=self.isInterruptionRequested)  # quit: at once

        with threadpool_limits(limits=1):
            pause()
            if self.net is None:  # the copy is made here, not on the GUI thread (~20 ms of
                from nndesk.nn import Network  # random weights drawn, then replaced)

                self.net = Network.from_spec(self.spec)
            if self.weights is not None:
                self.net.load_state_dict(self.weights)
            t0 = time.perf_counter()
            grad = gradient_x_input(self.net, self.digit).reshape(-1, 28, 28)
            grad_ms = 1000 * (time.perf_counter() - t0)
            pause()
            t1, waited[0] = time.perf_counter(), 0.0
            occ = occlusion(self.net, self.digit, patch=PATCH, stride=STRIDE,
                            batch_size=OCCLUSION_BATCH, between=pause)
            occ_ms = 1000 * (time.perf_counter() - t1 - waited[0])
        return {"grad": grad, "occlusion": occ, "ms": (grad_ms, occ_ms), "net": self.net}


class WhyPanel(QWidget):
    """Two maps for the chosen class over the canvas input; nothing runs while hidden."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.maps: dict | None = None  # the last result, for self.shown_digit
        self.shown_digit: np.ndarray | None = None
        self.costs_ms: list[tuple[float, float]] = []
        self._net = None  # a private copy: the job runs beside the canvas's predictions
        self._net_spec: dict | None = None  # the design the copy was made from
        self._net_stale = False  # the model's weights changed since the copy was filled
        self._explained: tuple | None = None  # (the state's digit, model source): last maps
        self._since_maps = QElapsedTimer()  # since those maps were asked for
        self._job: _Job | None = None
        self._pending = False
        self.klass = QComboBox()
        self.klass.addItem(tr("the answer"))
        self.klass.addItems([tr("digit {d}").format(d=d) for d in range(10)])
        self.klass.setToolTip(tr("Which class the maps explain: red pixels speak for it, "
                                 "blue ones against it"))
        self.klass.currentIndexChanged.connect(self._show)
        self.status = QLabel()
        self.status.setStyleSheet("color: #5b6472;")
        # its text changes with every map ("computing…", the ms): it never re-lays the window
        # out (a new width of the dock's top row resized the plots above, measured)
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Explain:")))
        top.addWidget(self.klass)
        top.addWidget(self.status, 1)
        grid = QGridLayout()
        self.images: dict[str, QLabel] = {}
        for col, (key, title, tip) in enumerate((
                ("grad", tr("gradient × input"),
                 tr("x · d log p / d x: one backward pass down to the pixels")),
                ("occlusion", tr("occlusion"),
                 tr("how much p drops when a 6×6 patch is blanked")))):
            caption = QLabel(title)
            caption.setToolTip(tip)
            caption.setStyleSheet("font-weight: 600;")
            image = QLabel()
            image.setFixedSize(28 * SCALE, 28 * SCALE)
            image.setStyleSheet("border: 1px solid #c9ced8; background: #fff;")
            grid.addWidget(caption, 0, col, alignment=Qt.AlignmentFlag.AlignHCenter)
            grid.addWidget(image, 1, col)
            self.images[key] = image
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        # a job's failure, in full (the status line is one line), above the maps: in view
        self.problem = WrapLabel()
        self.problem.setStyleSheet("color: #b3261e;")
        self.problem.hide()
        layout.addWidget(self.problem)
        layout.addLayout(grid)
        from nndesk.gui.neighbours_view import NeighboursView

        self.neighbours = NeighboursView(state)  # a part of this view, with its own threads
        layout.addWidget(self.neighbours)
        layout.addStretch(1)
        self._quiet = QTimer(self)  # restarted by every new input: runs after a pause
        self._quiet.setSingleShot(True)
        self._quiet.setInterval(QUIET_MS)
        self._quiet.timeout.connect(self.schedule)
        state.model_changed.connect(self._on_model_changed)
        state.digit_changed.connect(self._on_digit_changed)
        self._show()

    @property
    def busy(self) -> bool:
        """True while maps are being computed (or wait to be)."""
        return self._job is not None or self._pending or self._quiet.isActive()

    def _on_digit_changed(self) -> None:
        if self.state.digit is None:
            self.schedule()  # a cleared canvas clears the maps at once
        elif self.isVisible() and not self._recent_snapshot():
            self._quiet.start()

    def _recent_snapshot(self) -> bool:
        """True for a training snapshot's answer to the drawing already explained, less than
        SNAPSHOT_EVERY_MS after its maps: those are explained again later, not now."""
        last = self._explained
        return (self.state.model_source == "snapshot" and last is not None
                and last[0] is self.state.digit and last[1] == "snapshot"
                and self._since_maps.isValid() and self._since_maps.elapsed() < SNAPSHOT_EVERY_MS)

    def _on_model_changed(self) -> None:
        self._net_stale = True  # refilled at the next update (a snapshot: same layers)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().showEvent(event)
        self.schedule()

    def schedule(self) -> None:
        """Compute the maps of the current input (when shown); while a job runs, the newest
        input waits and the ones in between are skipped."""
        if not self.isVisible():
            return
        s = self.state
        if s.digit is None or s.network is None or s.model_spec.get(
                "loss", "softmax_cross_entropy") != "softmax_cross_entropy":
            self.maps, self.shown_digit = None, None
            self._show()
            return
        if self._job is not None:
            self._pending = True
            return
        if self._net_spec != s.model_spec:  # another design: the job makes a new copy
            self._net, self._net_spec = None, s.model_spec
        # the job fills the copy (a snapshot: the same layers refilled, no new network)
        weights = s.network.state_dict() if self._net is None or self._net_stale else None
        self._net_stale = False
        digit = np.array(s.digit, dtype=np.float32)
        self._explained = (s.digit, s.model_source)
        self._since_maps.start()
        job = _Job(self._net, s.model_spec, weights, digit)
        job.done.connect(lambda result, d=digit: self._on_done(result, d))
        job.failed.connect(self._on_failed)
        job.finished.connect(self._on_finished)
        delete_when_finished(job, _RUNNING)
        self._job, self._pending = job, False
        self.status.setText(tr("computing…"))
        job.start(QThread.Priority.LowPriority)

    def _on_done(self, result: dict, digit: np.ndarray) -> None:
        self._net = result.pop("net")  # the copy, kept for the next job
        self.maps, self.shown_digit = result, digit
        self.costs_ms.append(result["ms"])
        self._show()

    def _on_failed(self, text: str) -> None:
        """The job failed: no maps, the reason under them; the next drawing tries again with
        a new copy of the model (this one may be half filled)."""
        self._net, self._net_spec, self._explained = None, None, None
        self.maps, self.shown_digit = None, None
        for image in self.images.values():
            image.clear()
        self.status.setText("")
        self.problem.setText(text)
        self.problem.show()

    def _on_finished(self) -> None:
        self._job = None
        if self._pending:
            self.schedule()

    def chosen_class(self) -> int | None:
        """The class explained: the chosen digit, or the network's answer for the input."""
        if self.klass.currentIndex() > 0:
            return self.klass.currentIndex() - 1
        if self.maps is None:
            return None
        p = self.maps["grad"].shape[0]
        probs = self.state.probabilities
        return int(np.argmax(probs)) if probs is not None and len(probs) == p else None

    def _show(self) -> None:
        self.problem.hide()
        c = self.chosen_class()
        if self.maps is None or c is None:
            for image in self.images.values():
                image.clear()
            self.status.setText(tr("Draw a digit to see which pixels decide the answer.")
                                if self.state.network is not None else tr("no model"))
            return
        for key, image in self.images.items():
            rgb = overlay(self.shown_digit.reshape(28, 28), self.maps[key][c])
            q = QImage(rgb.data, 28, 28, rgb.strides[0], QImage.Format.Format_RGB888).copy()
            image.setPixmap(QPixmap.fromImage(q).scaled(
                image.size(), Qt.AspectRatioMode.IgnoreAspectRatio,
                Qt.TransformationMode.FastTransformation))
        g, o = self.maps["ms"]
        self.status.setText(tr("digit {c}: red for, blue against · {g} ms + {o} ms").format(
            c=c, g=f"{g:.0f}", o=f"{o:.0f}"))
