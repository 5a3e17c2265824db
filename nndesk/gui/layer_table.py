"""LayerTable: the designer's list of layers, one row per layer with its number, settings,
output shape and parameter count; the faulty layer marked with the engine's reason."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSignalBlocker, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from nndesk.gui.engine_text import translate_engine
from nndesk.gui.i18n import tr
from nndesk.gui.layer_schema import describe, weights_text

__all__ = ["LayerTable", "shape_text", "row_tip", "TABLE_ROWS"]

TABLE_ROWS = 4  # layers the list shows at least, however short the window
BAD, BAD_TEXT = QColor("#fde2e1"), QColor("#b42318")


def shape_text(shape) -> str:
    """A shape as the list shows it, "30×24×24"; T where a sequence's steps vary."""
    return "×".join("T" if d is None else str(d) for d in shape)


class LayerTable(QTableWidget):
    """#, Layer, Output, Params; one row selected at a time, at least TABLE_ROWS rows tall."""

    def __init__(self) -> None:
        super().__init__(0, 4)
        self._shown: tuple | None = None  # show_layers' arguments: written anew in a language
        self.setHorizontalHeaderLabels(["#", tr("Layer"), tr("Output"), tr("Params")])
        self.verticalHeader().setVisible(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.horizontalHeader()
        self.setMinimumHeight(header.sizeHint().height() + 2 * self.frameWidth()
                              + TABLE_ROWS * self.verticalHeader().defaultSectionSize())
        # one line per layer, cut with "…" (its whole text in the tooltip): wrapped, a row
        # showed half of "pad" over "2" (QA, zh_CN)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for col in (0, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)

    def sizeHint(self):  # noqa: N802 (Qt name)
        """No taller than its least (TABLE_ROWS rows); it takes any spare height by its stretch.
        The designer's scroll area sizes the panel by its preferred height (its labels wrap):
        the list's own 192 px pushed the Add layer / Remove / Up / Down row under the fold of
        a short window (QA, 1280x720 with a bottom view: 4 px of it showed)."""
        hint = super().sizeHint()
        hint.setHeight(self.minimumHeight())
        return hint

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        """View ▸ Language: the rows' tooltips (and a faulty layer's reason) written anew."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange and self._shown is not None:
            self.show_layers(*self._shown)

    def show_layers(self, layers: list[dict], infos: list, err) -> None:
        """One row per layer (`infos`: `infer`'s rows, those before a faulty layer; `err`: the
        SpecError or None), the selection kept, no selection signal sent."""
        self._shown = (layers, infos, err)
        selected = self.selectionModel().selectedRows()
        selected = selected[0].row() if selected else None
        blocker = QSignalBlocker(self)
        self.setRowCount(len(layers))
        for i, layer in enumerate(layers):
            info = infos[i] if i < len(infos) else None
            bad = err is not None and getattr(err, "index", None) == i
            cells = [f"⚠ {i + 1}" if bad else str(i + 1), describe(layer),
                     shape_text(info.output_shape) if info else "—",
                     f"{info.params:,}" if info else "—"]
            tip = row_tip(i, layer, info)
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col in (0, 2, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                item.setToolTip(tip)  # the whole row: a cell shows "BatchNorm" or "…"
                if bad:
                    item.setBackground(BAD)
                    item.setForeground(BAD_TEXT)
                    item.setToolTip(translate_engine(str(getattr(err, "reason", err))))
                self.setItem(i, col, item)
        if selected is not None and selected < len(layers):
            self.selectRow(selected)
        blocker.unblock()


def row_tip(index: int, layer: dict, info) -> str:
    """A layer row's tooltip, the whole row: the layer with every setting by the settings
    form's labels ("BatchNorm: momentum 0.9, epsilon 1e-05"), its output shape and
    parameters, the weights' shapes (QA: the tooltip said "BatchNorm" alone)."""
    from nndesk.gui.compare_view import init_text
    from nndesk.gui.terms import setting_label
    from nndesk.nn import LAYERS

    kind = LAYERS.get(layer.get("type"))
    full = dict(layer)
    if kind is not None:
        for name, setting in kind.SETTINGS.items():
            full.setdefault(name, setting.default)
    settings = [f"{setting_label(k)} {init_text(v) if k == 'init' else v}"
                for k, v in full.items() if k != "type" and v is not None]
    text = str(layer.get("type")) + (": " + ", ".join(settings) if settings else "")
    lines = [tr("Layer {n}: {type}").format(n=index + 1, type=text)]
    if info is not None:
        lines.append(tr("Output {shape} · {params} parameters").format(
            shape=shape_text(info.output_shape), params=f"{info.params:,}"))
        if info.params:
            lines.append(tr("Weights: {shapes}").format(
                shapes=weights_text(layer, info.input_shape)))
    return "\n".join(lines)
