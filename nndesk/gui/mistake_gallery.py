"""MistakeGallery: an evaluation's misclassified digits (all of them, or one confusion cell's)
as icons with their top-2 answers, most or least confident first; a click puts the digit on
the canvas (as a bitmap to draw on). A part of the evaluation view (eval_panel.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from nndesk.gui.i18n import tr
from nndesk.gui.live_text import LiveTexts
from nndesk.gui.state import AppState
from nndesk.insight.evaluation import as_input

if TYPE_CHECKING:
    from nndesk.insight.evaluation import Evaluation

__all__ = ["MistakeGallery", "MAX_GALLERY", "ICON"]

MAX_GALLERY = 200  # images listed at once (a poor model misclassifies thousands)
ICON = 56  # a 28x28 digit shown at 2x


def _top2_line(a: int, pa: float, b: int, pb: float) -> str:
    """An item's second line: its two most likely digits and their probabilities."""
    return f"{a}: {100 * pa:.0f}% · {b}: {100 * pb:.0f}%"


WIDEST_LINE = _top2_line(0, 1.0, 0, 1.0)  # "0: 100% · 0: 100%": the widest second line


class MistakeGallery(QWidget):
    """The title bar (what is listed, "All mistakes", the order) over the icon list."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.evaluation = None  # nndesk.insight.evaluation.Evaluation listed
        self.images: np.ndarray | None = None  # the images it was computed on
        self.calibrated = False  # its probabilities are the calibrated ones
        self.shown_indices: np.ndarray = np.zeros(0, dtype=np.int64)  # the listed images
        self._cell: tuple[int, int] | None = None  # None: every misclassified digit

        self.title = QLabel()
        self.live = LiveTexts(title=self.title.setText)
        self.order = QComboBox()
        self.order.addItems([tr("most confident first"), tr("least confident first")])
        self.order.currentIndexChanged.connect(self._fill)
        self.all_button = QPushButton(tr("All mistakes"))
        self.all_button.clicked.connect(lambda: self.show_cell(None))
        self.list = QListWidget()
        self.list.setViewMode(QListWidget.ViewMode.IconMode)
        self.list.setIconSize(QSize(ICON, ICON))
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setMovement(QListWidget.Movement.Static)
        self.list.setUniformItemSizes(True)
        self._fit_grid()
        self.list.setToolTip(tr("Click a digit to put it on the canvas"))
        self.list.itemClicked.connect(self._on_item_clicked)
        self.list.itemActivated.connect(self._on_item_clicked)  # Enter on the highlighted one
        bar = QHBoxLayout()
        bar.addWidget(self.title, 1)
        bar.addWidget(self.all_button)
        bar.addWidget(self.order)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.list, 1)

    def _fit_grid(self) -> None:
        """Cells wide enough for the widest label ("0→9" over "0: 100% · 9: 100%") in the
        list's font (a fixed ICON + 44 px cut "1: 88% · 7: 1…")."""
        fm = self.list.fontMetrics()
        margin = 2 * (self.list.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1)
        width = max(ICON, fm.horizontalAdvance(WIDEST_LINE) + margin) + 8
        self.list.setGridSize(QSize(width, ICON + 2 * fm.lineSpacing() + 12))

    def set_evaluation(self, evaluation: Evaluation, images: np.ndarray, calibrated: bool) -> None:
        """List `evaluation`'s mistakes on `images` ((N, 1, 28, 28), float in [0, 1] or uint8
        0..255, read through `evaluation.as_input`); `calibrated`: its
        probabilities are the calibrated ones (the title says so)."""
        self.evaluation, self.images, self.calibrated = evaluation, images, calibrated
        self.show_cell(None)

    def show_cell(self, cell: tuple[int, int] | None) -> None:
        """Show the images of one confusion cell (true, predicted), or every mistake (None)."""
        self._cell = cell
        self._fill()

    def _fill(self) -> None:
        ev = self.evaluation
        self.list.clear()
        if ev is None:
            self.live.show("title", str)
            return
        cell, calibrated = self._cell, self.calibrated
        if cell is None:
            idx = ev.mistakes(most_confident_first=self.order.currentIndex() == 0)
        else:
            idx = ev.cell(*cell)
            if self.order.currentIndex() == 1:
                idx = idx[::-1]
        n = len(idx)
        self.live.show("title", lambda: (
            tr("Misclassified digits: {n}").format(n=n) if cell is None else
            tr("True {true}, predicted {pred}: {n}").format(true=cell[0], pred=cell[1], n=n))
            + (tr(" · calibrated probabilities") if calibrated else "")
            + (tr(" (first {shown})").format(shown=MAX_GALLERY) if n > MAX_GALLERY else ""))
        self.shown_indices = idx[:MAX_GALLERY]
        from nndesk.gui.digit_preview import gray_qimage

        for i in self.shown_indices:
            (a, pa), (b, pb) = ev.top2(int(i))
            item = QListWidgetItem(QIcon(QPixmap.fromImage(gray_qimage(
                as_input(self.images[i]).reshape(28, 28))).scaled(ICON, ICON)),
                f"{ev.labels[i]}→{ev.predicted[i]}\n{_top2_line(a, pa, b, pb)}")
            item.setData(Qt.ItemDataRole.UserRole, int(i))
            item.setToolTip(self._item_tip(int(i)))
            self.list.addItem(item)

    def _item_tip(self, i: int) -> str:
        ev = self.evaluation
        (a, pa), (b, pb) = ev.top2(i)
        return tr("image {index}: true {true}, predicted {pred} ({p}%), second {second} "
                  "({q}%)").format(index=i, true=int(ev.labels[i]), pred=a, p=f"{100 * pa:.1f}",
                                   second=b, q=f"{100 * pb:.1f}")

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        """View ▸ Language: the title and the tooltips anew."""
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_grid()
        if event.type() == QEvent.Type.LanguageChange:
            self._fit_grid()
            self.live.refresh()
            for row in range(self.list.count()):
                item = self.list.item(row)
                item.setToolTip(self._item_tip(item.data(Qt.ItemDataRole.UserRole)))

    def _on_item_clicked(self, item: QListWidgetItem) -> None:
        i = item.data(Qt.ItemDataRole.UserRole)
        self.state.show_image(np.array(as_input(self.images[i])).reshape(1, 28, 28),
                              label=int(self.evaluation.labels[i]))
