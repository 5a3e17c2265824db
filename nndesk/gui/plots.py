"""PlotsPanel: live loss and accuracy curves of one or more training runs (pyqtgraph): the two
plots (loss_plot.py, accuracy_plot.py) side by side, the run list and its buttons."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QSignalBlocker, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyledItemDelegate,
    QVBoxLayout,
    QWidget,
)

from nndesk.gui import plot_export
from nndesk.gui.accuracy_plot import ACC_RANGE, AccuracyPlot, best_epoch
from nndesk.gui.i18n import tr
from nndesk.gui.loss_plot import CHUNK, LossPlot
from nndesk.gui.run_curves import Run
from nndesk.gui.state import AppState

__all__ = ["PlotsPanel", "CHUNK", "ACC_RANGE"]

LIST_MIN_WIDTH = 160  # px the run list keeps beside its controls (names are cut in the middle)
LIST_MIN_ROWS = 2  # runs the list shows at least (it scrolls; its controls set its height)


def _list_height(view: QListWidget, rows: int) -> int:
    """Pixels for `rows` rows of the list and its frame."""
    row = max(view.fontMetrics().height() + 4, 18)  # a row: its text or its 12 px colour icon
    return rows * row + 2 * view.frameWidth()


PALETTE = ["#2f6fdb", "#e4572e", "#17a05d", "#9b5de5", "#f0a202", "#00a6a6", "#d63384",
           "#6c757d"]


class PlotsPanel(QWidget):
    """Loss per batch (raw faint + smoothed) and accuracy per epoch, runs overlaid."""

    error = Signal(str, str)
    compare_requested = Signal(object, object)  # two Runs (run_curves.Run) to compare

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.runs: dict[int, Run] = {}
        self._next_id = 0
        self.loss_plot = LossPlot()
        self.acc_plot = AccuracyPlot()
        self.loss_legend = self.loss_plot.keys
        self.log_scale = QCheckBox(tr("log scale"))
        self.log_scale.setToolTip(tr("Loss on a logarithmic axis: one run whose loss blows up "
                                     "no longer flattens the others"))
        self.log_scale.toggled.connect(self.loss_plot.set_log_scale)
        self.run_list = QListWidget()
        self.run_list.setMaximumHeight(64)
        self.run_list.setToolTip(tr("Tick to show a run, untick to hide it; select two "
                                    "(Ctrl+click) to compare them"))
        self.run_list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        # a long name is cut in its middle, never scrolled sideways: two runs whose names
        # differ only at the end (their settings) stay apart; the tooltip has the whole name
        self.run_list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.run_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.run_list.setResizeMode(QListWidget.ResizeMode.Adjust)  # laid out anew per width
        self.run_list.setItemDelegate(_ViewportWide(self.run_list))
        self.run_list.itemChanged.connect(self._on_run_item_changed)
        self.compare_button = QPushButton(tr("Compare…"))
        self.compare_button.setToolTip(tr("Which settings the two selected runs differ in"))
        self.compare_button.setEnabled(False)
        self.compare_button.clicked.connect(lambda: self.compare_requested.emit(
            *[self.runs[i.data(Qt.ItemDataRole.UserRole)] for i in self.run_list.selectedItems()]))
        self.run_list.itemSelectionChanged.connect(self._on_selection_changed)
        self.remove_button = QPushButton(tr("Remove run"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.png_button = QPushButton(tr("Export PNG…"))
        self.png_button.clicked.connect(self.ask_png)
        self.csv_button = QPushButton(tr("Export CSV…"))
        self.csv_button.clicked.connect(self.ask_csv)
        # the run list's controls beside it in as many columns as the width leaves (one
        # column was five rows tall: with a bottom view open at 1280x720 the plots' part
        # left the inside views ~40 px); laid out again at each resize and language
        self.controls = [self.log_scale, self.compare_button, self.remove_button,
                         self.png_button, self.csv_button]
        self._buttons_box = _Controls(self.controls)
        self._buttons = self._buttons_box.grid
        self._columns = 0
        self._reflow(1)
        self.run_list.setMinimumHeight(_list_height(self.run_list, LIST_MIN_ROWS))
        self.plot_area = QWidget()  # what Export PNG saves: the two plots, nothing else
        plots = QHBoxLayout(self.plot_area)
        plots.setContentsMargins(0, 0, 0, 0)
        plots.setSpacing(6)
        plots.addWidget(self.loss_plot, 1)
        plots.addWidget(self.acc_plot, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.run_list, 1)
        bottom.addWidget(self._buttons_box, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.plot_area, 1)
        layout.addLayout(bottom)

    def _reflow(self, columns: int) -> None:
        """The controls in `columns` columns, row by row."""
        if columns == self._columns:
            return
        self._columns = columns
        for widget in self.controls:
            self._buttons.removeWidget(widget)
        for i, widget in enumerate(self.controls):
            self._buttons.addWidget(widget, i // columns, i % columns)

    def columns_for(self, width: int) -> int:
        """How many columns of controls fit beside a run list of LIST_MIN_WIDTH px in a panel
        `width` px wide (at least one, at most one row)."""
        m = self.layout().contentsMargins()
        widest = max(w.sizeHint().width() for w in self.controls)
        room = width - m.left() - m.right() - LIST_MIN_WIDTH - self.layout().spacing()
        step = widest + self._buttons.horizontalSpacing()
        return max(1, min(len(self.controls), (room + self._buttons.horizontalSpacing()) // step))

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        self._reflow(self.columns_for(self.width()))

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        """View ▸ Language: each run's name written anew from its settings ("custom", the
        settings that changed), the controls' columns for their new widths."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._rename_runs()
            self._reflow(self.columns_for(self.width()))

    def _rename_runs(self) -> None:
        for row in range(self.run_list.count()):
            item = self.run_list.item(row)
            run = self.runs.get(item.data(Qt.ItemDataRole.UserRole))
            if run is not None and run.title is not None:
                run.name = run.title()
                with QSignalBlocker(self.run_list):  # a new text, not a ticked box
                    item.setText(run.name)
                    item.setToolTip(run.tip() if run.tip is not None else run.name)

    # -- data in ----------------------------------------------------------------------------
    def start_run(self, name: str, settings: dict | None = None,
                  title: Callable[[], str] | None = None,
                  tip: Callable[[], str] | None = None) -> int:
        """A new run on the plots; returns its id for add_batches / add_epoch. `settings`:
        {"spec", "config"} it trains with (for Compare); `title`: writes its name in the
        window's language (View ▸ Language renames the run with it); `tip`: writes its
        tooltip, the whole name (the name stops at two differences), likewise."""
        run_id, self._next_id = self._next_id, self._next_id + 1
        color = PALETTE[run_id % len(PALETTE)]
        run = Run(name=name, color=color, settings=settings, title=title, tip=tip)
        self.acc_plot.add_run(run)
        self.runs[run_id] = run
        self.loss_plot.add_run(run)
        item = QListWidgetItem(name)
        pix = QPixmap(12, 12)
        pix.fill(QColor(color))
        item.setIcon(QIcon(pix))
        item.setData(Qt.ItemDataRole.UserRole, run_id)
        item.setToolTip(tip() if tip is not None else name)  # whole: the list cuts the name
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked)
        with QSignalBlocker(self.run_list):
            self.run_list.addItem(item)
            self.run_list.clearSelection()  # the newest run alone (Ctrl+click adds another)
            self.run_list.setCurrentItem(item)
        self._on_selection_changed()
        return run_id

    def _on_selection_changed(self) -> None:
        self.compare_button.setEnabled(len(self.run_list.selectedItems()) == 2)

    def add_batches(self, run_id: int, steps: list[float], losses: list[float]) -> None:
        """Append batch losses (non-finite ones are not drawn; CHUNK-point items:
        LossPlot.add_batches)."""
        run = self.runs.get(run_id)
        if run is None:
            return
        self.loss_plot.add_batches(run, steps, losses)

    def mark_diverged(self, run_id: int, step: float, loss: float) -> None:
        """The run diverged at batch `step` with `loss` (LossPlot.mark_diverged)."""
        run = self.runs.get(run_id)
        if run is not None:
            self.loss_plot.mark_diverged(run, step, loss)

    def add_epoch(self, run_id: int, epoch: int, train_acc: float | None,
                  val_acc: float | None, val_loss: float | None = None) -> None:
        """Append one epoch's accuracies (fractions 0..1) and mark the best validation epoch."""
        run = self.runs.get(run_id)
        if run is None:
            return
        self.acc_plot.add_epoch(run, self.runs.values(), epoch, train_acc, val_acc, val_loss)

    def best_epoch(self, run_id: int) -> int | None:
        """The epoch with the highest validation accuracy (the star on the plot); the first
        of equal ones."""
        return best_epoch(self.runs[run_id])

    def is_empty(self, run_id: int) -> bool:
        """True when a run has neither a batch loss nor an epoch (it failed before training)."""
        run = self.runs.get(run_id)
        return run is None or (run.n == 0 and not run.epochs)

    # -- runs -------------------------------------------------------------------------------
    def set_run_visible(self, run_id: int, visible: bool) -> None:
        """Hide or show every curve of a run."""
        run = self.runs[run_id]
        run.visible = visible
        for item in self._items(run):
            item.setVisible(visible)
        self.acc_plot.fit(self.runs.values())

    @staticmethod
    def _items(run: Run) -> list:
        return LossPlot.curves(run) + run.items

    def _on_run_item_changed(self, item: QListWidgetItem) -> None:
        self.set_run_visible(item.data(Qt.ItemDataRole.UserRole),
                             item.checkState() == Qt.CheckState.Checked)

    def remove_run(self, run_id: int) -> None:
        """Take a run off the plots and the list."""
        run = self.runs.pop(run_id, None)
        if run is None:
            return
        self.loss_plot.remove_run(run, last=not self.runs)
        self.acc_plot.remove_run(run)
        for row in range(self.run_list.count()):
            if self.run_list.item(row).data(Qt.ItemDataRole.UserRole) == run_id:
                self.run_list.takeItem(row)
                break
        self.acc_plot.fit(self.runs.values())

    def remove_selected(self) -> None:
        """Remove the run selected in the list."""
        item = self.run_list.currentItem()
        if item is not None:
            self.remove_run(item.data(Qt.ItemDataRole.UserRole))

    # -- export (plot_export.py) ---------------------------------------------------------
    def export_png(self, path: str) -> None:
        """The two plots as one PNG image (not the run list or the buttons)."""
        self._reflow(self.columns_for(self.width()))  # (a hidden panel's resize is pending:
        self.layout().activate()                        # laid out for its width before)
        plot_export.png(self.plot_area, path)

    def export_csv(self, path: str) -> None:
        """Every run's history: one row per batch loss and one per epoch."""
        plot_export.csv(self.runs.values(), path)

    def ask_png(self) -> None:
        """Ask where, then export_png (".png" added to a name typed without it)."""
        plot_export.ask(self, self.error, tr("Export the plots"), "curves.png",
                        tr("PNG image (*.png)"), ".png", self.export_png,
                        tr("Could not export the plots"))

    def ask_csv(self) -> None:
        """Ask where, then export_csv (".csv" added to a name typed without it)."""
        plot_export.ask(self, self.error, tr("Export the history"), "history.csv",
                        tr("CSV table (*.csv)"), ".csv", self.export_csv,
                        tr("Could not export the history"))


class _Controls(QWidget):
    """The run list's controls in a grid (PlotsPanel chooses its columns). Its minimum width
    is one column's, whatever the columns: it never holds the panel wider than the room it is
    given, so a narrower panel always comes to lay them out in fewer columns."""

    def __init__(self, controls: list[QWidget]) -> None:
        super().__init__()
        self.controls = controls
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(4)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        widest = max(w.minimumSizeHint().width() for w in self.controls)
        return QSize(widest, self.grid.minimumSize().height())


class _ViewportWide(QStyledItemDelegate):
    """Rows no wider than the list's viewport, so the view elides a long name (a list makes
    its rows as wide as the longest text and cuts what passes its edge, without a sign)."""

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 (Qt name)
        hint = super().sizeHint(option, index)
        view = self.parent()
        return QSize(min(hint.width(), view.viewport().width()), hint.height())
