"""Ch. 7 lesson: im2col made visible (input, filter, column matrix, the one product), the
output-size formula, and a hand-made edge filter on the drawn digit beside a learned filter."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QSignalBlocker
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from nndesk.gui.float_box import IntBox
from nndesk.gui.i18n import N_, tr
from nndesk.gui.lessons.common import header
from nndesk.gui.nobreak import WrapLabel
from nndesk.lessons.convolution import (
    BOOK_FILTER,
    BOOK_INPUT,
    EDGE_FILTERS,
    apply_filter,
    first_conv_filters,
    im2col_demo,
    output_size,
    sample_digit,
)

__all__ = ["ConvPage"]

_FILTER_NAMES = {"vertical edges": N_("vertical edges"),
                 "horizontal edges": N_("horizontal edges")}
_HIGHLIGHT = QColor(255, 220, 150)


class ConvPage(QWidget):
    """Two tabs: im2col step by step; filters applied to the digit on the canvas."""

    def __init__(self, state=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.tabs = QTabWidget()
        self.tabs.addTab(self._im2col_tab(), "im2col")
        self.tabs.addTab(self._filter_tab(), tr("Filters on your digit"))
        layout = QVBoxLayout(self)
        layout.addWidget(header(tr("Ch. 7 · figs. 7-3 to 7-7, 7-18, 7-19, eq. 7.1"),
                                tr("Convolutional neural networks"), tr(
            "im2col copies every window of the input into one column; the whole convolution "
            "is then one matrix product, which is why nndesk's Conv2D is fast.")))
        layout.addWidget(self.tabs, 1)
        if state is not None:
            state.digit_changed.connect(self._on_digit_changed)
            state.model_changed.connect(self._on_digit_changed)
        self._on_sizes_changed()
        self._on_digit_changed()

    # -- im2col -----------------------------------------------------------------------------
    def _im2col_tab(self) -> QWidget:
        tab = QWidget()
        self.n, self.f, self.p, self.s = (IntBox() for _ in range(4))
        controls = QHBoxLayout()
        for box, (name, low, high, value) in zip((self.n, self.f, self.p, self.s), (
                (tr("input n"), 2, 7, 4), (tr("filter f"), 1, 5, 3), (tr("padding p"), 0, 2, 0),
                (tr("stride s"), 1, 3, 1)), strict=True):
            box.setRange(low, high)
            box.setValue(value)
            box.valueChanged.connect(self._on_sizes_changed)
            controls.addWidget(QLabel(name))
            controls.addWidget(box)
        controls.addStretch(1)
        self.formula = QLabel()
        self.x_table, self.w_table, self.col_table, self.out_table = (
            QTableWidget() for _ in range(4))
        grid = QGridLayout()
        for i, (title, table) in enumerate(((tr("input (padded)"), self.x_table),
                                            (tr("filter W"), self.w_table),
                                            (tr("output = W (1 × f²) · col"), self.out_table))):
            grid.addWidget(QLabel(title), 0, i)
            grid.addWidget(table, 1, i)
        grid.addWidget(QLabel(tr("col (f² × OH·OW): one column per output pixel — click one")),
                       2, 0, 1, 3)
        grid.addWidget(self.col_table, 3, 0, 1, 3)
        for t in (self.x_table, self.w_table, self.out_table, self.col_table):
            t.horizontalHeader().setDefaultSectionSize(32)
            t.verticalHeader().setDefaultSectionSize(22)
        self.col_table.setMinimumHeight(250)
        self.col_table.currentCellChanged.connect(lambda r, c, *_: self.select_column(c))
        self.out_table.currentCellChanged.connect(
            lambda r, c, *_: self.select_column(r * self.out_table.columnCount() + c))
        self.x_table.itemChanged.connect(self._on_values_edited)
        self.w_table.itemChanged.connect(self._on_values_edited)
        self.design_text = WrapLabel()
        self.design_text.setWordWrap(True)
        layout = QVBoxLayout(tab)
        layout.addLayout(controls)
        layout.addWidget(self.formula)
        layout.addLayout(grid, 1)
        layout.addWidget(self.design_text)
        if self.state is not None:
            self.state.spec_changed.connect(self._on_design_changed)
        self._on_design_changed()
        return tab

    def _on_design_changed(self) -> None:
        """Eq. 7.1 for each Conv2D of the design, beside the shape the designer inferred."""
        infos = getattr(self.state, "layer_infos", None) or []
        lines = []
        for info in infos:
            if info.type != "Conv2D":
                continue
            layer = self.state.spec["layers"][info.index]
            n, f = info.input_shape[1], layer.get("kernel_size", 1)
            p, s = layer.get("pad", 0), layer.get("stride", 1)
            size, _ = output_size(n, f, p, s)
            lines.append(tr("layer {i}: ({n} + 2·{p} − {f}) / {s} + 1 = {size}; the designer "
                            "infers {shape}").format(i=info.index + 1, n=n, p=p, f=f, s=s,
                                                     size=size, shape="×".join(
                                                         str(v) for v in info.output_shape)))
        self.design_text.setText(tr("Your design's convolutions: ") + "; ".join(lines)
                                 if lines else "")

    def _on_sizes_changed(self, _=None) -> None:
        n, f = self.n.value(), self.f.value()
        i, j = np.indices((n, n))
        self.x = BOOK_INPUT.copy() if n == 4 else ((i * 3 + j * 2) % 4).astype(float)
        a, b = np.indices((f, f))
        self.w = BOOK_FILTER.copy() if f == 3 else ((a + 2 * b) % 3).astype(float)
        self._recompute()

    def _on_values_edited(self, item: QTableWidgetItem) -> None:
        table, p = item.tableWidget(), self.p.value()
        try:
            value = float(item.text())
        except ValueError:
            value = None
        if table is self.x_table:
            r, c = item.row() - p, item.column() - p
            if value is not None and 0 <= r < self.x.shape[0] and 0 <= c < self.x.shape[1]:
                self.x[r, c] = value
        elif value is not None:
            self.w[item.row(), item.column()] = value
        self._recompute()

    def _recompute(self) -> None:
        n, f, p, s = self.n.value(), self.f.value(), self.p.value(), self.s.value()
        try:
            size, exact = output_size(n, f, p, s)
        except ValueError:
            self.formula.setText(tr("The {f}×{f} filter does not fit the padded {m}×{m} input.")
                                 .format(f=f, m=n + 2 * p))
            for table in (self.x_table, self.w_table, self.col_table, self.out_table):
                with QSignalBlocker(table):       # no result of the sizes before
                    table.setRowCount(0)
                    table.setColumnCount(0)
            self.demo = None
            return
        self.formula.setText(tr("OH = OW = (n + 2p − f) / s + 1 = ({n} + 2·{p} − {f}) / {s} + 1 "
                                "= {size}").format(n=n, p=p, f=f, s=s, size=size) + (
            "" if exact else tr("  (not a whole number: the last window does not fit and is "
                                "dropped)")))
        self.demo = im2col_demo(self.x, self.w, s, p)
        _fill(self.x_table, self.demo.padded)
        _fill(self.w_table, self.w)
        _fill(self.col_table, self.demo.col)
        _fill(self.out_table, self.demo.output)
        self.select_column(0)

    def select_column(self, k: int) -> None:
        """Highlight column k of col, its window in the input and its output pixel."""
        if getattr(self, "demo", None) is None or not 0 <= k < len(self.demo.windows):
            return
        f = self.f.value()
        r0, c0 = self.demo.windows[k]
        ow = self.demo.output.shape[1]
        for table, cells in ((self.x_table, {(r0 + a, c0 + b) for a in range(f)
                                             for b in range(f)}),
                             (self.col_table, {(r, k) for r in range(self.demo.col.shape[0])}),
                             (self.out_table, {(k // ow, k % ow)})):
            with QSignalBlocker(table):  # a new background is an itemChanged: not an edit
                for r in range(table.rowCount()):
                    for c in range(table.columnCount()):
                        item = table.item(r, c)
                        if item is not None:
                            item.setBackground(_HIGHLIGHT if (r, c) in cells
                                               else QColor("white"))

    # -- filters on the digit ---------------------------------------------------------------
    def _filter_tab(self) -> QWidget:
        tab = QWidget()
        self.kind = QComboBox()
        for key, text in _FILTER_NAMES.items():
            self.kind.addItem(tr(text), key)
        self.learned_index = IntBox()
        self.learned_index.setPrefix(tr("learned filter #"))
        self.images = pg.GraphicsLayoutWidget()
        self.images.setBackground("w")
        self.image_items = {}
        for r, row in enumerate((("digit", "hand", "hand_out"), ("", "learned", "learned_out"))):
            for c, key in enumerate(row):
                if not key:
                    continue
                view = self.images.addViewBox(row=r, col=c, lockAspect=True, invertY=True)
                item = pg.ImageItem()
                view.addItem(item)
                self.image_items[key] = item
        self.filter_note = WrapLabel()
        self.filter_note.setWordWrap(True)
        controls = QHBoxLayout()
        controls.addWidget(QLabel(tr("Hand-made filter")))
        controls.addWidget(self.kind)
        controls.addWidget(self.learned_index)
        controls.addStretch(1)
        layout = QVBoxLayout(tab)
        layout.addLayout(controls)
        layout.addWidget(self.images, 1)
        layout.addWidget(self.filter_note)
        self.kind.currentIndexChanged.connect(self._on_digit_changed)
        self.learned_index.valueChanged.connect(self._on_digit_changed)
        return tab

    def _on_digit_changed(self, _=None) -> None:
        drawn = getattr(self.state, "digit", None)
        digit = drawn[0] if drawn is not None else sample_digit()
        w = EDGE_FILTERS[self.kind.currentData()]
        self.hand_output = apply_filter(digit, w)
        for key, image in (("digit", digit), ("hand", w), ("hand_out", self.hand_output)):
            self.image_items[key].setImage(image, levels=_levels(image, key))
        net = getattr(self.state, "network", None)
        learned = (first_conv_filters(net.state_dict(), self.state.model_spec)
                   if net is not None else None)
        self.learned_output = None
        if learned is None:
            for key in ("learned", "learned_out"):
                self.image_items[key].clear()
            text = tr("Load or train a model with a Conv2D layer to see a learned filter here.")
        else:
            self.learned_index.setRange(1, len(learned))  # numbered from 1, as the designer
            k = learned[self.learned_index.value() - 1]
            self.learned_output = apply_filter(digit, k, padding=k.shape[0] // 2)
            self.image_items["learned"].setImage(k, levels=_levels(k, "learned"))
            self.image_items["learned_out"].setImage(self.learned_output,
                                                     levels=_levels(self.learned_output, ""))
            text = tr("Bottom: filter #{i} of the model's first Conv2D layer and its output.")\
                .format(i=self.learned_index.value())
        source = tr("your digit") if drawn is not None else tr("a sample 7 (draw on the canvas)")
        self.filter_note.setText(tr("Top: {source}, the hand-made filter (white +, black −) and "
                                    "its output. ").format(source=source) + text + tr(
            " The first layer's filters before and after training (fig. 7-24) are in the "
            "window's filter view."))


def _levels(image: np.ndarray, key: str) -> tuple[float, float]:
    if key == "digit":
        return 0.0, 1.0
    m = float(np.abs(image).max()) or 1.0
    return -m, m          # 0 is mid-grey: positive white, negative black


def _fill(table: QTableWidget, values: np.ndarray) -> None:
    with QSignalBlocker(table):
        table.setRowCount(values.shape[0])
        table.setColumnCount(values.shape[1])
        for r in range(values.shape[0]):
            for c in range(values.shape[1]):
                table.setItem(r, c, QTableWidgetItem(f"{values[r, c]:g}"))
