"""DesignerPanel: pick a preset, edit the layer list and settings, see shapes and params live."""

from __future__ import annotations

import copy

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from nndesk.gui.editors import make_editor
from nndesk.gui.engine_text import translate_engine
from nndesk.gui.i18n import N_, tr
from nndesk.gui.layer_schema import (
    default_layer,
    describe,
    infer_prefix,
    layer_types,
    preset_of,
    settings_of,
    weights_text,
)
from nndesk.gui.state import AppState
from nndesk.gui.terms import layer_tip, setting_label, setting_tip

__all__ = ["DesignerPanel"]

CUSTOM = N_("(custom)")  # item 0 of the preset list, shown translated
MAX_SETTINGS = 5  # the most settings a layer has (Conv2D: filters, kernel_size, stride, pad, init)
# Layers that can swap type in place (same settings-free slot): the activation, the pooling.
SWAPS = [("ReLU", "LeakyReLU", "Sigmoid", "Tanh"), ("MaxPool2D", "AvgPool2D")]
WEIGHTED = ("Dense", "Conv2D", "BatchNorm")  # the layers with a weights row in their form
BAD, BAD_TEXT = QColor("#fde2e1"), QColor("#b42318")


def _lines_height(label: QLabel, lines: int) -> int:
    """Pixels for `lines` lines of the label's text, Chinese and Japanese glyphs included
    (their fallback fonts are taller than the Latin font's line spacing)."""
    sample = "\n".join(["Ag国語"] * lines)
    return label.fontMetrics().boundingRect(0, 0, 10_000, 10_000, 0, sample).height() + 4


def _shape(shape) -> str:
    return "×".join("T" if d is None else str(d) for d in shape)  # T: a sequence's steps vary


class DesignerPanel(QWidget):
    """Edits state.spec; shows infer()'s shapes, parameter counts and the first error."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        from nndesk.presets import list_presets

        self.preset = QComboBox()
        self.preset.addItems([tr(CUSTOM), *list_presets()])
        self.preset.setToolTip(tr("Start from a network of the book (you can edit it afterwards)"))
        self.preset.currentTextChanged.connect(self._on_preset_chosen)
        self.preset.activated.connect(lambda i: self._on_preset_chosen(self.preset.itemText(i)))
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Preset")))
        top.addWidget(self.preset, 1)

        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(["#", tr("Layer"), tr("Output"), tr("Params")])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for col in (0, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._on_selection_changed)

        self.add_button = QToolButton()
        self.add_button.setText(tr("Add layer ▾"))
        self.add_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.add_button)
        menu.setToolTipsVisible(True)
        menu.aboutToShow.connect(self._fill_add_menu)  # the engine's layer list, on first use
        self.add_button.setMenu(menu)
        self.remove_button = QPushButton(tr("Remove"))
        self.remove_button.clicked.connect(self.remove_layer)
        self.up_button = QPushButton(tr("Up"))
        self.up_button.clicked.connect(lambda: self.move_layer(-1))
        self.down_button = QPushButton(tr("Down"))
        self.down_button.clicked.connect(lambda: self.move_layer(+1))
        edit = QHBoxLayout()
        edit.addWidget(self.add_button)
        for b in (self.remove_button, self.up_button, self.down_button):
            edit.addWidget(b)

        self.total = QLabel()
        self.total.setStyleSheet("font-weight: 600;")
        self.problem = QLabel()
        self.problem.setObjectName("design_problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b42318;")
        self.problem.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        # Three lines reserved whether or not there is a problem: nothing above moves when
        # one appears (a click meant for Up landed on the error text).
        self.problem.setFixedHeight(_lines_height(self.problem, 3))
        self.settings_box = QGroupBox(tr("Layer settings"))
        self.form = QFormLayout(self.settings_box)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # Room for the longest form (Conv2D's five settings and its weight shapes): choosing
        # another layer never moves the list and its buttons.
        row = max(QSpinBox().sizeHint().height(), QComboBox().sizeHint().height())
        margins = self.form.contentsMargins()
        self.settings_box.setMinimumHeight(
            (MAX_SETTINGS + 1) * (row + max(self.form.verticalSpacing(), 6)) + margins.top()
            + margins.bottom() + self.fontMetrics().height())  # + the title
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(edit)
        layout.addWidget(self.total)
        layout.addWidget(self.problem)
        layout.addWidget(self.settings_box)
        self._form_index: int | None = None
        self._form_layer: dict | None = None
        self._infos: list = []  # the shapes shown (those before a faulty layer)
        self._editing = False  # True during our own edits: they keep showing "(custom)"
        state.spec_changed.connect(self._on_spec_changed)
        self._on_spec_changed()

    def _fill_add_menu(self) -> None:
        menu = self.add_button.menu()
        if menu.actions():
            return
        for t in layer_types():
            action = QAction(t, menu)
            action.setToolTip(layer_tip(t))
            action.triggered.connect(lambda _=False, t=t: self.add_layer(t))
            menu.addAction(action)

    # -- edits (each builds a new spec and hands it to the state) --------------------------
    def selected(self) -> int | None:
        """Index of the selected layer, or None."""
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def select(self, index: int) -> None:
        """Select layer `index` in the list (and show its settings)."""
        self.table.selectRow(index)

    def _edited(self, layers: list[dict]) -> dict:
        """The spec with new layers; once edited it is no longer the preset it came from, so
        the preset's name and description go (a saved design said "SimpleConvNet")."""
        spec = copy.deepcopy(self.state.spec)
        spec["layers"] = layers
        from nndesk.presets import list_presets

        if spec.get("name") in list_presets():
            spec["name"] = "custom"
            spec.pop("description", None)
        return spec

    def _commit(self, layers: list[dict], select: int | None = None) -> None:
        spec = self._edited(layers)
        self._form_index = None  # rebuild the settings form for the new selection
        self.state.set_spec(spec)
        if select is not None and 0 <= select < len(layers):
            self.select(select)

    def add_layer(self, layer_type: str) -> None:
        """Insert a new layer after the selected one (or at the end)."""
        layers = copy.deepcopy(self.state.spec["layers"])
        at = (self.selected() + 1) if self.selected() is not None else len(layers)
        layers.insert(at, default_layer(layer_type))
        self._mark_custom()
        self._commit(layers, at)

    def remove_layer(self) -> None:
        """Remove the selected layer."""
        i = self.selected()
        if i is None:
            return
        layers = copy.deepcopy(self.state.spec["layers"])
        del layers[i]
        self._mark_custom()
        self._commit(layers, min(i, len(layers) - 1))

    def move_layer(self, delta: int) -> None:
        """Move the selected layer up (-1) or down (+1)."""
        i = self.selected()
        layers = copy.deepcopy(self.state.spec["layers"])
        if i is None or not 0 <= i + delta < len(layers):
            return
        layers[i], layers[i + delta] = layers[i + delta], layers[i]
        self._mark_custom()
        self._commit(layers, i + delta)

    def set_setting(self, index: int, name: str, value: object) -> None:
        """Change one setting of layer `index` (None removes it: the layer's default)."""
        layers = copy.deepcopy(self.state.spec["layers"])
        if value is None:
            layers[index].pop(name, None)
        else:
            layers[index][name] = value
        self._mark_custom()
        spec = self._edited(layers)
        self._form_layer = copy.deepcopy(layers[index])  # the form stays: the user is typing
        self.state.set_spec(spec)

    def change_type(self, index: int, layer_type: str) -> None:
        """Swap layer `index` for another kind (ReLU -> Sigmoid, MaxPool2D -> AvgPool2D)."""
        layers = copy.deepcopy(self.state.spec["layers"])
        old = layers[index]
        new = default_layer(layer_type)
        new.update({k: v for k, v in old.items() if k in new and k != "type"})
        layers[index] = new
        self._mark_custom()
        self._commit(layers, index)

    def _mark_custom(self) -> None:
        self._editing = True  # our own edit: the spec is no longer the preset it is named after
        with QSignalBlocker(self.preset):
            self.preset.setCurrentIndex(0)

    def _on_preset_chosen(self, name: str) -> None:
        if self.preset.findText(name) <= 0:
            return  # "(custom)" is a name for any design, not one to load
        from nndesk.presets import load_preset

        if self.state.spec == load_preset(name):
            return  # already this preset (the list's two signals both ask)
        self._editing = False
        self._form_index = None
        self.state.set_spec(load_preset(name))
        self.select(0)

    # -- state -> widgets -------------------------------------------------------------------
    def _on_spec_changed(self) -> None:
        s = self.state
        if not self._editing:  # a design from outside (a file, a model): name its preset or none
            with QSignalBlocker(self.preset):
                name = preset_of(s.spec)
                self.preset.setCurrentIndex(max(self.preset.findText(name), 0) if name else 0)
        self._editing = False  # the next outside change may name a preset again
        layers = s.spec.get("layers", [])
        infos, err = s.layer_infos, s.spec_error
        if err is not None:
            infos = self._infos_before(getattr(err, "index", None))
        self._infos = infos
        selected = self.selected()
        blocker = QSignalBlocker(self.table)
        self.table.setRowCount(len(layers))
        for i, layer in enumerate(layers):
            info = infos[i] if i < len(infos) else None
            bad = err is not None and getattr(err, "index", None) == i
            cells = [f"⚠ {i + 1}" if bad else str(i + 1), describe(layer),
                     _shape(info.output_shape) if info else "—",
                     f"{info.params:,}" if info else "—"]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col in (0, 2, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                if col == 3 and info and info.params:
                    item.setToolTip(tr("Weights: {shapes}").format(
                        shapes=weights_text(layer, info.input_shape)))
                if bad:
                    item.setBackground(BAD)
                    item.setForeground(BAD_TEXT)
                    item.setToolTip(translate_engine(str(getattr(err, "reason", err))))
                self.table.setItem(i, col, item)
        if selected is not None and selected < len(layers):
            self.table.selectRow(selected)
        blocker.unblock()
        if err is None:
            self.total.setText(tr(
                "Total: {params} parameters · input {input} → output {output}").format(
                params=f"{sum(i.params for i in infos):,}",
                input=_shape(s.spec.get("input_shape", [])),
                output=_shape(infos[-1].output_shape) if infos else "—"))
            self.problem.setText("")
        else:
            self.total.setText(tr("Total: —"))
            self.problem.setText(tr("⚠ {error}. Fix this layer to train.").format(
                error=translate_engine(str(err))))
        self._on_selection_changed()
        self._show_weights()

    def _infos_before(self, index: int | None) -> list:
        """Shapes of the layers before the faulty one, so the list stays informative (the
        prefix alone, without `infer`'s whole-network checks: it usually ends in a map)."""
        if not index:
            return []
        return infer_prefix(self.state.spec, index)

    def _on_selection_changed(self) -> None:
        i = self.selected()
        layers = self.state.spec.get("layers", [])
        current = layers[i] if i is not None and i < len(layers) else None
        if i == self._form_index and i is not None and current == self._form_layer:
            return  # the form already shows this layer (the user may be typing in it)
        self._form_index, self._form_layer = i, copy.deepcopy(current)
        while self.form.rowCount():
            self.form.removeRow(0)
        if i is None or i >= len(layers):
            self.settings_box.setTitle(tr("Layer settings"))
            self.form.addRow(QLabel(tr("Select a layer to edit its settings.")))
            return
        layer = layers[i]
        self.settings_box.setTitle(tr("Layer {n}: {type}").format(n=i + 1, type=layer.get("type")))
        schema = settings_of(layer.get("type"))
        group = next((g for g in SWAPS if layer.get("type") in g), None)
        if group:
            kind = QComboBox()
            kind.setObjectName("layer_type")
            kind.addItems(group)
            kind.setCurrentText(layer["type"])
            kind.setToolTip(layer_tip(layer["type"]))  # what this kind does; the box swaps it
            kind.currentTextChanged.connect(lambda t, i=i: self.change_type(i, t))
            self.form.addRow(tr("kind"), kind)
        elif not schema:
            self.form.addRow(QLabel(tr("This layer has no settings.")))
        for setting in schema:
            editor = make_editor(setting, layer.get(setting.name, setting.default),
                                 lambda v, i=i, name=setting.name: self.set_setting(i, name, v))
            editor.setObjectName(f"setting_{setting.name}")
            editor.setToolTip(setting_tip(setting.name))  # on hover: what, a range, the book
            label = QLabel(setting_label(setting.name))
            label.setToolTip(setting_tip(setting.name))
            self.form.addRow(label, editor)
        self._add_weights_row(i, layer)

    def _add_weights_row(self, i: int, layer: dict) -> None:
        """A row for the layer's weight and bias shapes under its settings ("W 30×1×5×5, b 30")."""
        if layer.get("type") not in WEIGHTED:
            return
        shapes = QLabel()
        shapes.setObjectName("weight_shapes")
        shapes.setToolTip(tr("The shapes of the weights this layer learns: Dense W (inputs, "
                             "units), Conv2D W (filters, channels, height, width), b one per "
                             "output; BatchNorm γ and β one per feature or channel"))
        self.form.addRow(tr("Weights"), shapes)
        self._show_weights()

    def _show_weights(self) -> None:
        """Fill the weights row from the latest shapes (a setting being typed changes them)."""
        shapes = self.settings_box.findChild(QLabel, "weight_shapes")
        i, layers = self._form_index, self.state.spec.get("layers", [])
        if shapes is None or i is None or i >= len(layers):
            return
        info = self._infos[i] if i < len(self._infos) else None
        shapes.setText(weights_text(layers[i], info.input_shape) if info else "—")
