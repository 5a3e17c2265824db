"""GradcheckPanel: backprop against numerical gradients for the design, tensor by tensor."""

from __future__ import annotations

import copy

from PySide6.QtCore import QEvent, Qt, QThread, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nndesk.gui.engine_text import job_failure, translate_engine
from nndesk.gui.i18n import N_, tr
from nndesk.gui.jobs import delete_when_finished
from nndesk.gui.live_text import LiveTexts
from nndesk.gui.nobreak import WrapLabel
from nndesk.gui.state import AppState
from nndesk.gui.terms import design_name
from nndesk.insight.gradients import tolerance_text

__all__ = ["GradcheckPanel", "GradcheckThread", "tensor_name"]

PASS_COLOR, FAIL_COLOR = "#d9f2dd", "#f7d4cf"
# A tensor's name in its layer, with what it is (the book's symbols: ch. 5.6 Affine W and b,
# ch. 6.3 BatchNorm gamma and beta; a recurrent layer's U multiplies the previous h).
PARAM_NAMES = {"W": N_("W (weights)"), "b": N_("b (biases)"), "gamma": N_("gamma (scale)"),
               "beta": N_("beta (shift)"), "U": N_("U (recurrent weights)")}
_RUNNING: set = set()  # a dropped check finishes in the background, its result unused
# an unexpected error's reason, shown as "The gradient check failed: {error}"
FAILED = N_("{reason} (an unexpected error: the rest of the window keeps working; press Check "
            "gradients to try again)")


class GradcheckThread(QThread):
    """Runs `gradcheck_table` on the design with one BLAS thread."""

    done = Signal(object)  # list of rows
    failed = Signal(str)

    def __init__(self, spec: dict, max_checks: int) -> None:
        super().__init__()
        self.spec, self.max_checks = spec, max_checks

    def run(self) -> None:
        from threadpoolctl import threadpool_limits

        from nndesk.insight.gradients import gradcheck_table
        from nndesk.nn import SpecError

        try:
            with threadpool_limits(limits=1):
                self.done.emit(gradcheck_table(self.spec, max_checks=self.max_checks))
        except (SpecError, ValueError, FloatingPointError) as err:
            self.failed.emit(translate_engine(err))
        except Exception as err:  # noqa: BLE001 (a bug or no memory: said in the panel)
            self.failed.emit(job_failure(FAILED, err))


def tensor_name(row: dict) -> str:
    """The learner's name of a `gradcheck_table` row: "Conv2D 1 · W (weights)" (the layer's
    type and its place in the designer, from 1), "GRU 2 · backward U (recurrent weights)",
    "input x"; translated (the layer types stay Keras's names, as in the designer)."""
    if row["position"] is None:
        return tr("input x")
    param = row["param"]
    back = param.startswith("back.")
    param = param.removeprefix("back.")
    what = tr(PARAM_NAMES[param]) if param in PARAM_NAMES else param
    if back:
        what = tr("backward {param}").format(param=what)
    return f"{row['layer']} {row['position']} · {what}"  # no words: the same in every language


class GradcheckPanel(QWidget):
    """A table: tensor, layer, shape, relative error, pass/fail against
    `insight.gradients.TOLERANCE` (green/red)."""

    MAX_CHECKS = 100  # random elements per tensor, as `nndesk gradcheck`'s default

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.rows: list[dict] | None = None
        self._checked: dict | None = None  # the design the rows are of
        self._thread: GradcheckThread | None = None
        self.summary = WrapLabel()
        self.summary.setWordWrap(True)
        self.live = LiveTexts(summary=self.summary.setText)  # written anew at a language switch
        self.run_button = QPushButton(tr("Check gradients"))
        self.run_button.setToolTip(tr("Compare backprop with central differences (float64) "
                                      "for the network in the designer"))
        self.run_button.clicked.connect(self.start)
        self.stop_button = QPushButton(tr("Stop"))
        self.stop_button.setEnabled(False)
        self.stop_button.clicked.connect(self.stop)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.progress)
        top.addWidget(self.run_button)
        top.addWidget(self.stop_button)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [tr("parameter tensor"), tr("shape"), tr("relative error"), tr("result")])
        header = self.table.horizontalHeader()  # each column as wide as its header and
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # cells, in
        header.setStretchLastSection(True)  # every language (a stretched column cut its
        #                                   header in a narrow dock); the table scrolls
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        state.spec_changed.connect(self._on_spec_changed)
        self._on_spec_changed()

    @property
    def busy(self) -> bool:
        """True while a check runs."""
        return self._thread is not None

    def _on_spec_changed(self) -> None:
        self.stop()
        if self.rows is not None and self._checked != self.state.spec:
            self.rows, self._checked = None, None  # another design's results: not this one's
            self.table.setRowCount(0)
            self.progress.setValue(0)
        ok = self.state.spec_error is None and bool(self.state.layer_infos)
        self.run_button.setEnabled(ok)
        name, error = self.state.spec.get("name", ""), self.state.spec_error
        self.live.show("summary", lambda: tr(
            "Backprop against numerical gradients for “{name}”: {n} random elements per "
            "tensor, pass below {tol}.").format(name=design_name(name), n=self.MAX_CHECKS,
                                                  tol=tolerance_text())
            if ok else tr("Fix the design first: {error}").format(
                error=translate_engine(str(error)) if error else tr("no layers")))

    def start(self) -> None:
        """Check the current design in the background."""
        self.stop()
        spec = copy.deepcopy(self.state.spec)
        thread = GradcheckThread(spec, self.MAX_CHECKS)
        thread.done.connect(lambda rows, s=spec: self._on_done(rows, s))
        thread.failed.connect(self._on_failed)
        thread.finished.connect(self._on_finished)
        delete_when_finished(thread, _RUNNING)
        self._thread = thread
        self.progress.setRange(0, 0)  # busy: gradcheck reports no steps
        self.stop_button.setEnabled(True)
        self.run_button.setEnabled(False)
        thread.start(QThread.Priority.LowPriority)

    def stop(self) -> None:
        """Drop the running check (it ends in the background; its result is not shown)."""
        if self._thread is not None:
            self._thread.done.disconnect()
            self._thread.failed.disconnect()
            self._thread = None
        self.progress.setRange(0, 1)
        self.stop_button.setEnabled(False)
        self.run_button.setEnabled(self.state.spec_error is None and bool(self.state.layer_infos))

    def _on_finished(self) -> None:
        if self.sender() is self._thread:   # not one dropped by `stop` (no call into it)
            self.stop()

    def _on_failed(self, text: str) -> None:
        self.live.show("summary", lambda: tr("The gradient check failed: {error}").format(
            error=text))

    def _on_done(self, rows: list[dict], spec: dict | None = None) -> None:
        self.rows, self._checked = rows, spec
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self._show_rows(rows)

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        """View ▸ Language: the table's tensor names and results written anew from the rows
        kept ("Dense 1 · b (biases)" is built from pieces, so no lookup of it finds it)."""
        super().changeEvent(event)
        if event.type() != QEvent.Type.LanguageChange:
            return
        summary = self.live.writer("summary")
        if self.rows is not None:
            self._show_rows(self.rows)
        if summary is not None:
            self.live.show("summary", summary)  # the rows may be an earlier design's

    def _show_rows(self, rows: list[dict]) -> None:
        """One table row per checked tensor, then the summary, in the current language."""
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            cells = [tensor_name(row), "×".join(map(str, row["shape"])),
                     f"{row['error']:.2e}", tr("pass") if row["ok"] else tr("FAIL")]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c == 0:
                    item.setToolTip(tr("Layer {n} in the designer; “{key}” as nndesk "
                                       "gradcheck prints it").format(
                        key=row["tensor"], n=row["position"]) if row["position"] else
                        tr("The input images: d loss / d x"))
                if c >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                    item.setBackground(QBrush(QColor(PASS_COLOR if row["ok"] else FAIL_COLOR)))
                self.table.setItem(r, c, item)
        failed, n = sum(not row["ok"] for row in rows), len(rows)
        self.live.show("summary", lambda: tr(
            "All {n} tensors agree (relative error below {tol}).").format(
                n=n, tol=tolerance_text()) if not failed
            else tr("{failed} of {n} tensors disagree: a backward pass is wrong, or the step "
                    "crossed a ReLU or max-pool kink.").format(failed=failed, n=n))
