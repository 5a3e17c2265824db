"""Ch. 5 lesson: the apples-and-oranges computational graph with every forward value (black,
above each edge) and backward gradient (red, below), and the gradient check of the designed
network (backprop against numerical differentiation)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import (
    QGraphicsScene,
    QGraphicsView,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nndesk.gui.engine_text import translate_engine
from nndesk.gui.float_box import FloatBox
from nndesk.gui.i18n import N_, tr
from nndesk.gui.jobs import Relay, start_thread
from nndesk.gui.lessons.common import header, tensor_label
from nndesk.gui.nobreak import WrapLabel
from nndesk.insight.gradients import TOLERANCE, tolerance_text
from nndesk.lessons.backprop import INPUTS, buy_apples_oranges

__all__ = ["GraphPage"]

_NAMES = {"apple": N_("apple price"), "apple_num": N_("apples"), "orange": N_("orange price"),
          "orange_num": N_("oranges"), "tax": N_("consumption tax")}
_NODES = {"mul_apple": (260, 70, "×"), "mul_orange": (260, 270, "×"), "add": (460, 170, "+"),
          "mul_tax": (640, 170, "×")}
# edge: (value key, from point, to point)
_EDGES = [("apple", (20, 20), (236, 60)), ("apple_num", (20, 120), (236, 80)),
          ("orange", (20, 220), (236, 260)), ("orange_num", (20, 320), (236, 280)),
          ("apple_price", (284, 70), (436, 160)), ("orange_price", (284, 270), (436, 180)),
          ("all_price", (484, 170), (616, 170)), ("tax", (640, 320), (640, 194)),
          ("price", (664, 170), (820, 170))]


class GraphPage(QWidget):
    """Edit the prices, counts and tax; every node's value and gradient follow."""

    def __init__(self, state=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.fields: dict[str, FloatBox] = {}
        inputs = QGridLayout()
        for i, (key, value) in enumerate(INPUTS.items()):
            box = FloatBox(0.0, 10000.0, value)
            box.valueChanged.connect(self._redraw)
            self.fields[key] = box
            inputs.addWidget(QLabel(tr(_NAMES[key])), 0, i)
            inputs.addWidget(box, 1, i)
        self.scene = QGraphicsScene(self)
        self.view = QGraphicsView(self.scene)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.labels = self._draw_graph()
        self.view.viewport().installEventFilter(self)
        self.check_button = QPushButton(tr("Gradient check of the network in the designer"))
        self.check_text = WrapLabel(tr("Backprop and numerical differentiation must agree: the "
                                    "relative error per weight tensor should be tiny "
                                    "(below {tol}).").format(tol=tolerance_text()))
        self.check_text.setWordWrap(True)
        self._done = Relay()  # the check's result; its thread never holds the page
        self._done.done.connect(self._on_check_done)
        layout = QVBoxLayout(self)
        layout.addWidget(header(tr("Ch. 5 · figs. 5-16, 5-17"), tr("Backpropagation"), tr(
            "Forward: values flow left to right (black). Backward: gradients of the price flow "
            "right to left (red); a × node passes each input the other input's value, a + "
            "node passes the gradient on unchanged.")))
        layout.addLayout(inputs)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.check_button)
        layout.addWidget(self.check_text)
        self.check_button.clicked.connect(self.run_gradcheck)
        self._redraw()

    def _draw_graph(self) -> dict[str, tuple]:
        pen = QPen(QColor("#333333"), 2)
        font = QFont()
        font.setPointSize(11)
        labels = {}
        for key, (a, b) in ((k, (a, b)) for k, a, b in _EDGES):
            self.scene.addLine(a[0], a[1], b[0], b[1], pen)
            mid = QPointF((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
            value = self.scene.addSimpleText("", font)
            grad = self.scene.addSimpleText("", font)
            grad.setBrush(QBrush(QColor("#D55E00")))
            labels[key] = (value, grad, mid, a[0] == b[0])
            if key in _NAMES or key == "price":
                name = self.scene.addSimpleText(tr(_NAMES[key]) if key in _NAMES
                                                else tr("payment"))
                r = name.boundingRect()
                end = b if key == "price" else a
                name.setPos(end[0] + 6 if key == "price" else end[0] - r.width() - 6,
                            end[1] - r.height() / 2)
        for x, y, sign in _NODES.values():
            self.scene.addEllipse(x - 24, y - 24, 48, 48, pen, QBrush(QColor("white")))
            text = self.scene.addSimpleText(sign, QFont(font.family(), 16))
            r = text.boundingRect()
            text.setPos(x - r.width() / 2, y - r.height() / 2)
        return labels

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt name)
        """Keep the whole graph in view as the view is resized."""
        if obj is self.view.viewport() and event.type() == QEvent.Type.Resize:
            self.view.fitInView(self.scene.itemsBoundingRect().adjusted(-10, -10, 10, 10),
                                Qt.AspectRatioMode.KeepAspectRatio)
        return False

    def values(self) -> dict[str, float]:
        return {k: box.value() for k, box in self.fields.items()}

    def _redraw(self, _=None) -> None:
        self.forward, self.grads = buy_apples_oranges(**self.values())
        for key, (value, grad, mid, vertical) in self.labels.items():
            value.setText(f"{self.forward[key]:.6g}")
            grad.setText(f"{self.grads[key]:.6g}")
            w = value.boundingRect()
            if vertical:      # tax: value left of the edge, gradient right of it
                value.setPos(mid.x() - w.width() - 8, mid.y() - w.height() / 2)
                grad.setPos(mid.x() + 8, mid.y() - w.height() / 2)
            else:
                value.setPos(mid.x() - w.width() / 2, mid.y() - w.height() - 4)
                grad.setPos(mid.x() - grad.boundingRect().width() / 2, mid.y() + 4)

    # -- gradient check of the designed network ---------------------------------------------
    def run_gradcheck(self) -> None:
        """Check backprop on the designer's network in a worker thread (3 random images,
        6 elements per tensor)."""
        spec = getattr(self.state, "spec", None)
        if not spec or not spec.get("layers") or getattr(self.state, "spec_error", None):
            self.check_text.setText(tr("Design a valid network first (the designer panel)."))
            return
        self.check_button.setEnabled(False)
        self.check_text.setText(tr("Checking…"))

        done = self._done.done

        def work() -> None:
            from nndesk.nn import gradcheck

            try:
                result = gradcheck(spec, max_checks=6)
            except Exception as err:  # noqa: BLE001 - shown to the user, never raised in Qt
                result = err
            done.emit(result)

        start_thread(work, self._done, name="nndesk-lesson-gradcheck")

    def _on_check_done(self, result) -> None:
        self.check_button.setEnabled(True)
        if isinstance(result, Exception):
            self.check_text.setText(tr("The check failed: {error}").format(
                error=translate_engine(result)))
            return
        worst = max(result.values())
        rows = ", ".join(f"{tensor_label(k)} {v:.1e}" for k, v in result.items())
        verdict = tr("backprop is right") if worst < TOLERANCE else tr("backprop disagrees!")
        self.check_text.setText(tr("Relative error per tensor: {rows} — largest {worst}: "
                                   "{verdict}").format(rows=rows, worst=f"{worst:.1e}",
                                                       verdict=verdict))
        self.check_text.setTextFormat(Qt.TextFormat.PlainText)
