"""NeighboursView (part of "Why this answer"): the training images nearest to the drawing in
the last hidden layer and in pixel space, with their labels. Features computed once per model
in a thread (progress, Stop; cached by `nndesk.insight.neighbours`), look-ups in another,
newest drawing first, after a pause in the drawing. Nothing runs while hidden."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nndesk.gui.i18n import tr
from nndesk.gui.neighbours_jobs import Build, Query, start
from nndesk.gui.nobreak import WrapLabel
from nndesk.gui.state import AppState

__all__ = ["NeighboursView", "K"]

K = 6  # neighbours shown per space
THUMB = 48  # a 28x28 training image shown at 48x48
QUIET_MS = 150  # look-ups wait for a pause in the drawing, as the saliency maps do
class NeighboursView(QWidget):
    """Two rows of K training images with their labels, nearest first."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.index = None  # nndesk.insight.neighbours.FeatureIndex of the current model
        self.found: dict | None = None  # the last look-up shown
        self.costs_ms: list[float] = []
        self._build: Build | None = None
        self._query: Query | None = None
        self._pending = False
        self.status = WrapLabel()
        self.status.setStyleSheet("color: #5b6472;")
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.hide()
        self.stop_button = QPushButton(tr("Stop"))
        self.stop_button.clicked.connect(self.stop)
        self.stop_button.hide()
        self.start_button = QPushButton(tr("Find neighbours"))
        self.start_button.setToolTip(tr("Compute the training images' features for this "
                                        "model (once; kept in the cache folder)"))
        self.start_button.clicked.connect(self.start)
        self.start_button.hide()
        top = QHBoxLayout()
        top.addWidget(self.status, 1)
        for w in (self.progress, self.stop_button, self.start_button):
            top.addWidget(w)
        grid = QGridLayout()
        self.cells: dict[str, list[QLabel]] = {}
        rows = (("feature", tr("nearest for the network"),
                 tr("Training images whose last hidden layer is closest to the drawing's")),
                ("pixel", tr("nearest in pixels"),
                 tr("Training images whose 784 pixels are closest to the drawing's")))
        for r, (space, title, tip) in enumerate(rows):
            caption = QLabel(title)
            caption.setToolTip(tip)
            caption.setStyleSheet("font-weight: 600;")
            grid.addWidget(caption, r, 0)
            self.cells[space] = []
            for c in range(K):
                cell = QLabel()
                cell.setFixedSize(THUMB + 8, THUMB + 22)
                cell.setAlignment(Qt.AlignmentFlag.AlignCenter)
                grid.addWidget(cell, r, c + 1)
                self.cells[space].append(cell)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(top)
        layout.addLayout(grid)
        self._quiet = QTimer(self)  # restarted by every new input: looks up after a pause
        self._quiet.setSingleShot(True)
        self._quiet.setInterval(QUIET_MS)
        self._quiet.timeout.connect(self.schedule)
        state.model_changed.connect(self._on_model_changed)
        state.digit_changed.connect(
            lambda: self.schedule() if self.state.digit is None else self._quiet.start())
        self._on_model_changed()

    @property
    def busy(self) -> bool:
        """True while features are computed or a look-up runs (or waits)."""
        return (self._build is not None or self._query is not None or self._pending
                or self._quiet.isActive())

    def _usable(self) -> str | None:
        """Why the current model has no neighbours view, or None when it has one."""
        s = self.state
        if s.network is None:
            return tr("no model")
        if s.model_source != "file":
            return tr("Neighbours are found for a finished model, not while it trains.")
        from nndesk.insight.neighbours import feature_layer

        if feature_layer(s.network) is None:
            return tr("This network has no hidden layer: its nearest images are the pixel "
                      "ones.")
        return None

    def _on_model_changed(self) -> None:
        self.stop()
        self.index, self.found = None, None
        self._show()
        if self.isVisible():
            self.start()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().showEvent(event)
        if self.index is None and self._build is None:
            self.start()
        else:
            self.schedule()

    def hideEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().hideEvent(event)
        self.stop()  # hidden: nothing is computed; shown again, the cache makes it quick

    def start(self) -> None:
        """Compute (or load from the cache) the training features of the current model."""
        why = self._usable()
        self.start_button.setVisible(False)
        if why is not None:
            self.status.setText(why)
            return
        self.stop()
        s = self.state
        build = Build(s.model_spec, s.network.state_dict())
        build.progressed.connect(self._on_progress)
        build.done.connect(self._on_built)
        build.finished.connect(lambda b=build: self._on_build_finished(b))
        self._build = build
        self.status.setText(tr("Computing the training images' features (once per model)…"))
        self.progress.setValue(0)
        self.progress.show()
        self.stop_button.show()
        start(build)

    def stop(self) -> None:
        """Stop computing features (a look-up in flight ends on its own)."""
        if self._build is not None:
            self._build.requestInterruption()
            for sig in (self._build.done, self._build.progressed):
                sig.disconnect()
            self._build = None
            self.status.setText(tr("Stopped: no neighbours for this model yet."))
            self.start_button.show()
        self._idle()

    def _idle(self) -> None:
        self.progress.hide()
        self.stop_button.hide()

    def _on_build_finished(self, build: Build) -> None:
        if self._build is build:
            self._build = None
            self._idle()
        from nndesk.nn.memory import release_freed_memory

        release_freed_memory()  # the features' batches and the cache file read: not kept

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(done)

    def _on_built(self, result) -> None:
        self._build = None
        self._idle()
        if isinstance(result, str):
            self.status.setText(result)
            self.start_button.show()
            return
        self.index, how = result
        self.schedule()

    def schedule(self) -> None:
        """Look up the current drawing's neighbours (newest drawing first)."""
        if not self.isVisible() or self.index is None:
            return
        acts = self.state.activations()
        if acts is None or self.state.digit is None:
            self.found = None
            self._show()
            return
        if self._query is not None:
            self._pending = True
            return
        query = Query(self.index, np.array(self.state.digit, np.float32),
                       np.array(acts[self.index.layer], np.float32), K)
        query.done.connect(self._on_found)
        query.finished.connect(self._on_query_finished)
        self._query, self._pending = query, False
        start(query)

    def _on_found(self, found: dict | str) -> None:
        if isinstance(found, str):  # the look-up failed: said, and the next drawing tries again
            self.found = None
            self._show()
            self.status.setText(found)
            return
        self.found = found
        self.costs_ms.append(found["ms"])
        self._show()

    def _on_query_finished(self) -> None:
        self._query = None
        if self._pending:
            self._pending = False
            self.schedule()

    def _show(self) -> None:
        from nndesk.gui.digit_preview import gray_qimage

        for space, cells in self.cells.items():
            shown = self.found[space] if self.found is not None else []
            for c, cell in enumerate(cells):
                if c >= len(shown):
                    cell.clear()
                    cell.setToolTip("")
                    continue
                n = shown[c]
                image = self.index.image(n["index"]).reshape(28, 28)  # rows: file order
                pix = QPixmap.fromImage(gray_qimage(image)).scaled(
                    THUMB, THUMB, Qt.AspectRatioMode.IgnoreAspectRatio,
                    Qt.TransformationMode.FastTransformation)
                cell.setToolTip(tr("training image {index}: a {label}, distance {d}").format(
                    index=n["index"], label=n["label"], d=f"{n['distance']:.2f}"))
                cell.setPixmap(_with_label(pix, str(n["label"])))
        if self.index is not None and self._build is None:
            self.status.setText(tr("Nearest of {n} training images: top, in the network's "
                                   "last hidden layer ({d} values); bottom, in pixels.").format(
                n=f"{len(self.index.labels):,}", d=self.index.features.shape[1])
                if self.found is not None else tr("Draw a digit to see its neighbours."))


def _with_label(pix: QPixmap, text: str) -> QPixmap:
    """The thumbnail with its label written under it."""
    from PySide6.QtGui import QColor, QPainter

    out = QPixmap(pix.width() + 8, pix.height() + 22)
    out.fill(QColor("#ffffff"))
    p = QPainter(out)
    p.drawPixmap(4, 2, pix)
    p.setPen(QColor("#2a2f3a"))
    font = p.font()
    font.setBold(True)
    p.setFont(font)
    p.drawText(0, pix.height() + 2, out.width(), 20, Qt.AlignmentFlag.AlignCenter, text)
    p.end()
    return out
