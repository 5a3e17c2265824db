"""Ch. 5-6 of the second book: a pen digit (or the learner's own drawing from the canvas)
replayed point by point; the RNN's hidden state and the GRU's and LSTM's gates over time as
heat maps; the gradient through time, RNN vs LSTM (figs. 6-8, 6-9: the vanishing gradient)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QRectF, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from nndesk.gui.engine_text import translate_engine
from nndesk.gui.i18n import N_, tr
from nndesk.gui.jobs import Relay, start_thread
from nndesk.gui.lessons.common import PENS, FittedLegend, ValueSlider, header, plot
from nndesk.gui.nobreak import WrapLabel
from nndesk.lessons.recurrent import GATES, KINDS, drawing_sequence, pen_examples, trace

__all__ = ["RecurrentPage"]

UNITS = 16
STEP_MS = 120                                   # replay speed: one pen point per 120 ms
_SIGNED = ("h", "c")                            # in (-1, 1) (c: any sign): a diverging map
MINE = "mine"                                   # the digit box's entry for the user's drawing
# The LSTM's forget gate bias at the start: f = sigmoid(3) = 0.95, in the 1-3 that Gers et al.
# 2000 and Jozefowicz et al. 2015 advise. The gradient reaching step 1, LSTM over RNN, on the
# first pen digit of each label of writers 1, 2, 3, 5: at bias 1 below 1x on 3 of 10 (writers
# 1-10); at 2 from 1.1x; at 3 from 4.1x (median ~100x): the book's point (ch. 6.2), which the
# learner undoes by moving the slider to 0.
FORGET_BIAS = 3.0
MAPS_MIN_WIDTH = 470                            # px: three columns of heat maps and titles


class RecurrentPage(QWidget):
    """Pick a pen digit, press Play: the path grows point by point and the heat maps fill in
    column by column; the gradient curves show how much each step still counts at the end."""

    loader = staticmethod(pen_examples)         # label -> (T, F); read in a thread

    def __init__(self, state=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.examples: dict = {}                # label (or MINE) -> sequence (T, F)
        self.traces: dict = {}
        self._ratios: tuple[float, ...] | None = None  # gradient at step 1 / last: RNN, GRU, LSTM
        self.seq: np.ndarray | None = None
        self.digit = QComboBox()
        self.digit.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.mine = QPushButton(tr("Use my drawing"))
        self.mine.setToolTip(tr("Read the digit drawn on the canvas: its strokes, in the order "
                                "and direction you drew them, as the same 32 points"))
        self.play = QPushButton(tr("Play"))
        self.play.setCheckable(True)
        self.step = QSlider(Qt.Orientation.Horizontal)
        self.step_label = QLabel()
        self.scale = ValueSlider(tr("RNN: scale of U"), 0.25, 3.0, 1.0, 0.05)
        self.forget = ValueSlider(tr("LSTM: forget gate bias"), -2.0, 5.0, FORGET_BIAS, 0.1, 1)
        self.update = ValueSlider(tr("GRU: update gate bias"), -2.0, 5.0, 0.0, 0.1, 1)
        self.status = WrapLabel(tr("Reading the pen digits…"))
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        for widget in (QLabel(tr("Pen digit")), self.digit, self.mine, self.play):
            row.addWidget(widget)
        row.addWidget(self.step, 1)
        row.addWidget(self.step_label)
        self.path = plot(tr("The pen's path"), square=True)
        self.path.getPlotItem().invertY(True)                  # y points down, as drawn
        self.path.getPlotItem().hideAxis("bottom")
        self.path.getPlotItem().hideAxis("left")
        self.ink = self.path.plot([], [], pen=pg.mkPen("#999999", width=2))
        self.done = self.path.plot([], [], pen=pg.mkPen(PENS[0], width=3))
        self.pen_at = self.path.plot([], [], pen=None, symbol="o", symbolSize=10,
                                     symbolBrush=PENS[1])
        self.maps = pg.GraphicsLayoutWidget()
        self.maps.setBackground("w")
        self.maps.setMinimumWidth(MAPS_MIN_WIDTH)  # else the plots' size hints take it all
        self.images: dict[tuple[str, str], pg.ImageItem] = {}
        for c, kind in enumerate(KINDS):                       # a column per kind of layer
            for r, name in enumerate(GATES[kind]):
                box = self.maps.addPlot(row=r, col=c)
                box.setTitle(_title(kind, name), color="k", size="9pt")
                box.hideAxis("left")
                box.getAxis("bottom").setPen("k")
                box.getAxis("bottom").setTextPen("k")
                box.setMenuEnabled(False)
                box.setMouseEnabled(False, False)
                item = pg.ImageItem()
                item.setColorMap(pg.colormap.get("CET-D1" if name in _SIGNED else "viridis"))
                box.addItem(item)
                self.images[(kind, name)] = item
        self.grad = plot(tr("Gradient reaching each step"), tr("time step t"),
                         tr("‖∂L/∂h_t‖ (log)"), integer_x=True)
        self.grad.getPlotItem().setLogMode(y=True)
        FittedLegend(self.grad, len(KINDS))  # under the plot: no curve covers it
        self.curves = {kind: self.grad.plot([], [], pen=pg.mkPen(PENS[i], width=2), name=kind)
                       for i, kind in enumerate(KINDS)}
        self.cursor = pg.InfiniteLine(angle=90, pen=pg.mkPen("#888888",
                                                             style=Qt.PenStyle.DashLine))
        self.grad.addItem(self.cursor)
        grid = QGridLayout()
        grid.addWidget(self.path, 0, 0)
        grid.addWidget(self.maps, 0, 1, 2, 1)
        grid.addWidget(self.grad, 1, 0)
        grid.setColumnStretch(0, 1)  # both columns share what is left beyond the maps' minimum
        grid.setColumnStretch(1, 1)
        sliders = QHBoxLayout()
        sliders.addWidget(self.scale, 1)
        sliders.addWidget(self.forget, 1)
        sliders.addWidget(self.update, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(header(tr("Ch. 5-6 of book 2 · figs. 6-8, 6-9"), tr(
            "Recurrent networks: the state over time and the vanishing gradient"), tr(
            "A pen digit as 32 points (x, y, direction, pen up) read by an RNN, a GRU and an "
            "LSTM of 16 units each (nndesk's layers, initial weights). Heat maps: one row per "
            "unit, one column per time step; h and c from blue (-1) to red (+1), gates from dark "
            "(0: closed) to yellow (1: open). Curve: the gradient of the last state's loss with "
            "respect to each step's state.")))
        layout.addLayout(row)
        layout.addLayout(grid, 1)
        layout.addLayout(sliders)
        layout.addWidget(self.status)
        self.timer = QTimer(self)
        self.timer.setInterval(STEP_MS)
        self.timer.timeout.connect(self._advance)
        self.play.toggled.connect(self._on_play_toggled)
        self.digit.currentIndexChanged.connect(self._on_digit_changed)
        self.mine.clicked.connect(self.use_my_drawing)
        if state is not None:
            state.digit_changed.connect(self._on_drawing_changed)
        self._on_drawing_changed()
        self.step.valueChanged.connect(self._show_step)
        self.scale.value_changed.connect(self._recompute)
        self.forget.value_changed.connect(self._recompute)
        self.update.value_changed.connect(self._recompute)
        self._loaded: dict | None = None
        self._relay = Relay()  # the loader's thread holds this, never the page
        self._relay.done.connect(self._on_loaded)
        loader, done = self.loader, self._relay.done
        start_thread(lambda: done.emit(_load(loader)), self._relay, name="nndesk-pen-examples")

    def _on_loaded(self, loaded: dict) -> None:
        self._loaded = loaded
        if "error" in self._loaded:
            self.status.setText(tr("The pen digits could not be read: {error}").format(
                error=self._loaded["error"]))
            return
        self.set_examples(self._loaded["examples"])

    def set_examples(self, examples: dict[int, np.ndarray]) -> None:
        """Label -> sequence (T, F) to choose from (tests give their own)."""
        mine = self.examples.get(MINE)
        self.examples = dict(examples)
        self.digit.blockSignals(True)
        self.digit.clear()
        for label in examples:
            self.digit.addItem(str(label), label)
        if mine is not None:                    # a drawing taken before the digits loaded
            self.examples[MINE] = mine
            self.digit.addItem(tr("my drawing"), MINE)
            self.digit.setCurrentIndex(self.digit.count() - 1)
        self.digit.blockSignals(False)
        self._on_digit_changed()

    def _on_drawing_changed(self) -> None:
        """The button works while the canvas holds a drawing with its pen path."""
        self.mine.setEnabled(self.state is not None and bool(self.state.strokes))

    def use_my_drawing(self) -> None:
        """Read the canvas's strokes (`trajectory.to_sequence`, as the trajectory model does)
        and replay them: "my drawing" in the digit box, replaced by each newer drawing."""
        seq = drawing_sequence(self.state.strokes if self.state is not None else None)
        if seq is None:
            self.status.setText(tr("Draw a digit on the canvas first: the lesson reads its "
                                   "strokes as you drew them."))
            return
        self.examples[MINE] = seq
        self.digit.blockSignals(True)
        at = self.digit.findData(MINE)
        if at < 0:
            self.digit.addItem(tr("my drawing"), MINE)
            at = self.digit.count() - 1
        self.digit.setCurrentIndex(at)
        self.digit.blockSignals(False)
        self._on_digit_changed()

    def _on_digit_changed(self, _=None) -> None:
        label = self.digit.currentData()
        if label is None:
            return
        self.seq = np.asarray(self.examples[label], np.float64)
        self.step.blockSignals(True)
        self.step.setRange(1, len(self.seq))
        self.step.setValue(len(self.seq))
        self.step.blockSignals(False)
        self.ink.setData(self.seq[:, 0], self.seq[:, 1], connect=self._lines(len(self.seq)))
        self._recompute()

    def _recompute(self, _=None) -> None:
        if self.seq is None:
            return
        self.traces = {kind: trace(kind, self.seq, UNITS, recurrent_scale=self.scale.value(),
                                   forget_bias=self.forget.value(),
                                   update_bias=self.update.value()) for kind in KINDS}
        steps = np.arange(1, len(self.seq) + 1)
        for kind, tr_ in self.traces.items():
            self.curves[kind].setData(steps, np.maximum(tr_.grad_norms, 1e-30))
        self._ratios = tuple(self.traces[k].grad_norms[0] / self.traces[k].grad_norms[-1]
                             for k in ("RNN", "GRU", "LSTM"))
        self._show_sentence()
        self._show_step(self.step.value())

    def _show_sentence(self) -> None:
        """The sentence under the plots, from the numbers kept (again at a language switch)."""
        if self._ratios is None:
            return
        rnn, gru, lstm = self._ratios
        self.status.setText(tr(
            "At the first step the gradient is {rnn:.1e} of the last step's for the RNN, "
            "{gru:.1e} for the GRU and {lstm:.1e} for the LSTM. Make U smaller and the RNN "
            "forgets the start of the path sooner; the LSTM's forget gate bias of 3 (f ≈ 0.95) "
            "lets it remember, one of 0 (f = 0.5) makes it forget too. Gates help only when "
            "they are open: the GRU starts with an update gate bias of 0, so z = 0.5 keeps "
            "half of h at each step and the gradient halves with it, faster than the RNN's; "
            "a bias of 3 (z ≈ 0.95) lets the GRU keep its gradient like the LSTM.").format(
            rnn=rnn, gru=gru, lstm=lstm))

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        """View ▸ Language: the computed sentence is written anew in the new language."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._show_sentence()

    def _show_step(self, t: int) -> None:
        """The pen at point t (1-based): the path so far and the heat maps' first t columns."""
        if self.seq is None or not self.traces:
            return
        self.step_label.setText(tr("step {t} of {n}").format(t=t, n=len(self.seq)))
        self.done.setData(self.seq[:t, 0], self.seq[:t, 1], connect=self._lines(t))
        self.pen_at.setData(self.seq[t - 1:t, 0], self.seq[t - 1:t, 1])
        self.cursor.setValue(t)
        for (kind, name), item in self.images.items():
            values = self.traces[kind].values[name]               # (T, units)
            levels = (-1.0, 1.0) if name in _SIGNED else (0.0, 1.0)
            item.setImage(values[:t].T, levels=levels)            # rows: units, columns: time
            item.setRect(QRectF(0, 0, t, values.shape[1]))
            item.getViewBox().setRange(xRange=(0, len(self.seq)), yRange=(0, values.shape[1]),
                                       padding=0)

    def _lines(self, t: int) -> np.ndarray:
        """Which of the first t points join the next: not where the pen was lifted."""
        return (self.seq[:t, 4] < 0.5).astype(np.int32)

    def _on_play_toggled(self, on: bool) -> None:
        self.play.setText(tr("Pause") if on else tr("Play"))
        if on:
            if self.step.value() >= self.step.maximum():
                self.step.setValue(1)
            self.timer.start()
        else:
            self.timer.stop()

    def _advance(self) -> None:
        if self.step.value() >= self.step.maximum():
            self.play.setChecked(False)
            return
        self.step.setValue(self.step.value() + 1)


def _title(kind: str, name: str) -> str:
    """'GRU: update gate z': whole texts, so the live language switch finds each again."""
    return tr(_TITLES[(kind, name)])


_TITLES = {("RNN", "h"): N_("RNN: hidden state h"), ("GRU", "h"): N_("GRU: hidden state h"),
           ("GRU", "z"): N_("GRU: update gate z"), ("GRU", "r"): N_("GRU: reset gate r"),
           ("LSTM", "h"): N_("LSTM: hidden state h"), ("LSTM", "f"): N_("LSTM: forget gate f"),
           ("LSTM", "i"): N_("LSTM: input gate i"), ("LSTM", "o"): N_("LSTM: output gate o"),
           ("LSTM", "c"): N_("LSTM: memory cell c")}


def _load(loader) -> dict:
    """Off the GUI thread: parsing the pen-digit file takes a second or two."""
    try:
        return {"examples": loader()}
    except (OSError, ValueError) as err:
        return {"error": translate_engine(err)}
