"""Pieces every lesson page uses: the chapter/figure header, a slider bound to a number field,
and a pyqtgraph plot with the book's look (white background, dark axes)."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, QRectF, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from nndesk.gui.float_box import FloatBox
from nndesk.gui.i18n import tr
from nndesk.gui.nobreak import TitleLabel, WrapLabel

__all__ = ["header", "ValueSlider", "plot", "PENS", "tensor_label", "FittedLegend",
           "parse_numbers"]

# one colour per curve, readable on white and for most colour-blind readers (Okabe-Ito)
PENS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"]


def parse_numbers(text: str) -> list[float]:
    """The numbers of a typed list, as a learner types it: commas or semicolons between them,
    full-width digits and signs (an input method's "１．５"), the full-width comma "，" and the
    ideographic comma "、" too. ValueError for anything else, and for inf or nan (a result
    made of them is not a lesson's)."""
    import math
    import unicodedata

    text = unicodedata.normalize("NFKC", text)        # "１，２" -> "1,2", "－" -> "-"
    text = text.replace("、", ",").replace(";", ",").replace("−", "-")
    values = [float(v) for v in text.split(",") if v.strip()]
    if not all(math.isfinite(v) for v in values):
        raise ValueError("not a finite number")
    return values


def header(source: str, title: str, text: str) -> QWidget:
    """The page's first lines: what (bold), where in the book ("Ch. 2 · fig. 2-6"), one sentence.

    Three plain labels, each holding exactly the text tr() gave: the window's live language
    switch (`retranslate.py`) reads each back to its English (one rich-text label joining the
    three matched nothing and stayed in the old language).
    """
    box = QWidget()
    box.setObjectName("lesson_header")
    lines = QVBoxLayout(box)
    lines.setContentsMargins(0, 0, 0, 0)
    lines.setSpacing(1)
    for name, value, style in (("lesson_title", title, "font-weight: 600;"),
                               ("lesson_source", source, "color: #555;"),
                               ("lesson_intro", text, "")):
        label = (TitleLabel if name == "lesson_title" else WrapLabel)(value)  # title: by words
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setStyleSheet(style)
        lines.addWidget(label)
    return box


class ValueSlider(QWidget):
    """A labelled slider and a number field showing the same float; `value_changed` on edits."""

    value_changed = Signal(float)

    def __init__(self, name: str, low: float, high: float, value: float, step: float = 0.01,
                 decimals: int = 2, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._step, self._low, self._decimals = step, low, decimals
        self.label = QLabel(name)
        self.label.setMinimumWidth(28)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, round((high - low) / step))
        self.field = FloatBox(low, high, value, step=step)
        self.field.setKeyboardTracking(False)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label)
        row.addWidget(self.slider, 1)
        row.addWidget(self.field)
        self.slider.valueChanged.connect(lambda i: self.set_value(low + i * step, emit=True))
        self.field.valueChanged.connect(lambda v: self.set_value(v, emit=True))
        self.set_value(value)

    def value(self) -> float:
        return self.field.value()

    def set_value(self, value: float, emit: bool = False) -> None:
        """Show `value` (rounded to `decimals`: the slider's low + i * step is 0.6300000000000001)
        in both widgets (signals blocked, so nothing loops); emit if asked."""
        value = round(value, self._decimals)
        with QSignalBlocker(self.slider), QSignalBlocker(self.field):
            self.field.setValue(value)
            self.slider.setValue(round((value - self._low) / self._step))
        if emit:
            self.value_changed.emit(self.field.value())


def plot(title: str = "", x: str = "", y: str = "", square: bool = False,
         integer_x: bool = False) -> pg.PlotWidget:
    """A white plot with a grid; `square` locks the aspect ratio (geometry: lines, paths);
    `integer_x`: ticks on whole numbers only, for a count (epoch, step, class k, time t)."""
    from nndesk.gui.run_curves import IntegerAxis

    axes = {"bottom": IntegerAxis("bottom")} if integer_x else None
    w = pg.PlotWidget(background="w", axisItems=axes)
    item = w.getPlotItem()
    if title:
        item.setTitle(title, color="k")
    for side, text in (("bottom", x), ("left", y)):
        axis = item.getAxis(side)
        axis.setPen("k")
        axis.setTextPen("k")
        if text:
            item.setLabel(side, text, color="k")
    item.showGrid(x=True, y=True, alpha=0.15)
    if square:
        w.setAspectLocked(True)
    item.setMenuEnabled(False)
    return w


def tensor_label(key: str) -> str:
    """The engine's tensor key as the designer and `nndesk info` number layers, from 1:
    "0.W" -> "layer 1 W"; "input" -> "input"."""
    index, _, name = key.partition(".")
    if not (index.isdigit() and name):
        return tr("input") if key == "input" else key
    return tr("layer {n} {tensor}").format(n=int(index) + 1, tensor=name)


class FittedLegend(pg.LegendItem):
    """A legend under the plot in as many columns (at most `most`) as the plot's width holds,
    entries in the order they were added, row by row; fewer columns, more rows when the
    plot narrows or the words grow (Japanese). A legend wider than its plot widened the
    plot's scene past the page: the last epochs and entries were cut off (QA, ja)."""

    SAMPLE = 20 + 5       # an entry's line sample and the space after it, px
    GAP = 12              # between two columns, px
    MARGIN = 24           # the plot's own margins beside the axis, px

    def __init__(self, plot_widget: pg.PlotWidget, most: int = 4) -> None:
        super().__init__(labelTextColor="#2a2f3a", colCount=most)
        self.most = most
        self.plot_widget = plot_widget
        item = plot_widget.getPlotItem()
        item.layout.addItem(self, 4, 1)
        item.legend = self
        self._watch = _Refit(self, plot_widget)
        plot_widget.installEventFilter(self._watch)

    def room(self) -> float:
        """The width the legend may take: the plot's, less its left axis and margins."""
        axis = self.plot_widget.getPlotItem().getAxis("left")
        return self.plot_widget.width() - axis.width() - self.MARGIN

    def entry_widths(self) -> list[float]:
        return [label.item.boundingRect().width() for _, label in self.items]

    def columns_for(self, room: float) -> int:
        """The most columns (<= `most`) whose widest entries fit side by side in `room`."""
        widths = self.entry_widths()
        for n in range(min(self.most, max(len(widths), 1)), 1, -1):
            cols = [max(widths[j::n]) + self.SAMPLE for j in range(n)]
            if sum(cols) + self.GAP * (n - 1) <= room:
                return n
        return 1

    def fit(self) -> None:
        """Lay the entries out again in the columns the plot's width holds now."""
        self.columnCount = self.columns_for(self.room())
        for i in range(self.layout.count() - 1, -1, -1):
            self.layout.removeAt(i)
        for sample, label in self.items:
            self._addItemToLayout(sample, label)
        self.updateSize()

    def _addItemToLayout(self, sample, label) -> None:  # noqa: N802 (pyqtgraph's name)
        """Entry i at row i // columns, column i % columns (pyqtgraph's own placing read the
        grid's stale column count after a change of columns)."""
        i = next(k for k, (s, _) in enumerate(self.items) if s is sample)
        row, col = divmod(i, self.columnCount)
        self.layout.addItem(sample, row, 2 * col, alignment=Qt.AlignmentFlag.AlignVCenter)
        self.layout.addItem(label, row, 2 * col + 1)
        self.layout.setColumnSpacing(2 * col + 1, self.GAP)
        self.rowCount = row + 1

    def updateSize(self) -> None:  # noqa: N802 (pyqtgraph's name)
        """pyqtgraph's size, kept where the plot's layout put the legend (its setGeometry(0,
        0, ...) moved it over the plot's top left corner); the layout is told the new size."""
        pos = self.pos()
        # its grid's own preferred size: pyqtgraph's sum of the items' current widths grew
        # with each relayout once the plot had stretched them (ja: 3 columns measured 857 px
        # were given 1079 and widened the plot past the page)
        hint = self.layout.effectiveSizeHint(Qt.SizeHint.PreferredSize)
        self.setGeometry(pos.x(), pos.y(), hint.width(), hint.height())
        self.updateGeometry()
        # and the plot back to its view's size: pyqtgraph sets it only when the view is
        # resized, so a plot once widened by a wider legend stayed wider than its view
        view = self.plot_widget
        view.getPlotItem().setGeometry(QRectF(0, 0, view.width(), view.height()))

    def addItem(self, item, name) -> None:  # noqa: N802 (pyqtgraph's name)
        super().addItem(item, name)
        self.fit()

    def removeItem(self, item) -> None:  # noqa: N802
        super().removeItem(item)
        self.fit()


class _Refit(QObject):
    """Fits its legend again when the plot is resized or the language changes (after the
    texts were put in the new language: queued)."""

    def __init__(self, legend: FittedLegend, plot_widget: pg.PlotWidget) -> None:
        super().__init__(plot_widget)   # deleted with the plot: no fit after it
        self.legend = legend

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt name)
        if event.type() in (QEvent.Type.Resize, QEvent.Type.LanguageChange):
            QTimer.singleShot(0, self, self.legend.fit)
        return False
