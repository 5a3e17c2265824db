"""LayerForm: the designer's "Layer settings" box, the form of the selected layer's settings
(an editor per setting, the kind for an activation or a pooling, the weight shapes)."""

from __future__ import annotations

import copy
from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QSpinBox, QWidget

from nndesk.gui.editors import make_editor
from nndesk.gui.i18n import tr
from nndesk.gui.layer_schema import settings_of, weights_text
from nndesk.gui.terms import layer_tip, setting_label, setting_tip

__all__ = ["LayerForm", "MAX_SETTINGS", "SWAPS", "WEIGHTED"]

MAX_SETTINGS = 5  # the most settings a layer has (Conv2D: filters, kernel_size, stride, pad, init)
# Layers that can swap type in place (same settings-free slot): the activation, the pooling.
SWAPS = [("ReLU", "LeakyReLU", "Sigmoid", "Tanh"), ("MaxPool2D", "AvgPool2D")]
WEIGHTED = ("Dense", "Conv2D", "BatchNorm")  # the layers with a weights row in their form


class LayerForm(QGroupBox):
    """Shows one layer's settings; an edit calls `on_setting(index, name, value)` (None: the
    default) or `on_type(index, layer_type)`. `index`/`layer`: what the form shows now."""

    def __init__(self, on_setting: Callable[[int, str, object], None],
                 on_type: Callable[[int, str], None], parent: QWidget | None = None) -> None:
        super().__init__(tr("Layer settings"), parent)
        self.on_setting, self.on_type = on_setting, on_type
        self.form = QFormLayout(self)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # Room for the longest form (Conv2D's five settings and its weight shapes): choosing
        # another layer never moves the list and its buttons.
        row = max(QSpinBox().sizeHint().height(), QComboBox().sizeHint().height())
        margins = self.form.contentsMargins()
        self.setMinimumHeight(
            (MAX_SETTINGS + 1) * (row + max(self.form.verticalSpacing(), 6)) + margins.top()
            + margins.bottom() + self.fontMetrics().height())  # + the title
        self.index: int | None = None
        self.layer: dict | None = None

    def forget(self) -> None:
        """The next `show_layer` rebuilds the form even for the same layer."""
        self.index = None

    def show_layer(self, i: int | None, layers: list[dict], infos: list) -> None:
        """Show layer `i` of `layers` (None: a hint to select one); a form already showing
        that very layer is left alone (the user may be typing in it)."""
        current = layers[i] if i is not None and i < len(layers) else None
        if i == self.index and i is not None and current == self.layer:
            return
        self.index, self.layer = i, copy.deepcopy(current)
        while self.form.rowCount():
            self.form.removeRow(0)
        if current is None:
            self.setTitle(tr("Layer settings"))
            self.form.addRow(QLabel(tr("Select a layer to edit its settings.")))
            return
        layer = current
        self.setTitle(tr("Layer {n}: {type}").format(n=i + 1, type=layer.get("type")))
        schema = settings_of(layer.get("type"))
        group = next((g for g in SWAPS if layer.get("type") in g), None)
        if group:
            kind = QComboBox()
            kind.setObjectName("layer_type")
            kind.addItems(group)
            kind.setCurrentText(layer["type"])
            kind.setToolTip(layer_tip(layer["type"]))  # what this kind does; the box swaps it
            kind.currentTextChanged.connect(lambda t, i=i: self.on_type(i, t))
            self.form.addRow(tr("kind"), kind)
        elif not schema:
            self.form.addRow(QLabel(tr("This layer has no settings.")))
        for setting in schema:
            editor = make_editor(setting, layer.get(setting.name, setting.default),
                                 lambda v, i=i, name=setting.name: self.on_setting(i, name, v))
            editor.setObjectName(f"setting_{setting.name}")
            editor.setToolTip(setting_tip(setting.name))  # on hover: what, a range, the book
            label = QLabel(setting_label(setting.name))
            label.setToolTip(setting_tip(setting.name))
            self.form.addRow(label, editor)
        if layer.get("type") in WEIGHTED:
            self._add_weights_row()
        self.show_weights(layers, infos)

    def _add_weights_row(self) -> None:
        """A row for the layer's weight and bias shapes under its settings ("W 30×1×5×5, b 30")."""
        shapes = QLabel()
        shapes.setObjectName("weight_shapes")
        shapes.setToolTip(tr("The shapes of the weights this layer learns: Dense W (inputs, "
                             "units), Conv2D W (filters, channels, height, width), b one per "
                             "output; BatchNorm γ and β one per feature or channel"))
        self.form.addRow(tr("Weights"), shapes)

    def show_weights(self, layers: list[dict], infos: list) -> None:
        """Fill the weights row from the latest shapes (a setting being typed changes them)."""
        shapes = self.findChild(QLabel, "weight_shapes")
        i = self.index
        if shapes is None or i is None or i >= len(layers):
            return
        info = infos[i] if i < len(infos) else None
        shapes.setText(weights_text(layers[i], info.input_shape) if info else "—")
