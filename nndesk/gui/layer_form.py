"""LayerForm: the designer's "Layer settings" box, the form of the selected layer's settings
(an editor per setting, the kind for an activation or a pooling, the weight shapes)."""

from __future__ import annotations

import copy
from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from nndesk.gui.editors import make_editor
from nndesk.gui.float_box import IntBox
from nndesk.gui.i18n import tr
from nndesk.gui.layer_schema import default_layer, settings_of, weights_text
from nndesk.gui.terms import layer_tip, setting_label, setting_tip

__all__ = ["LayerForm", "applied_to_all", "MAX_SETTINGS", "SWAPS", "WEIGHTED", "ACROSS",
           "REMOVABLE"]

MAX_SETTINGS = 5  # the most settings a layer has (Conv2D: filters, kernel_size, stride, pad, init)
# Layers that can swap type in place (same settings-free slot): the activation, the pooling.
SWAPS = [("ReLU", "LeakyReLU", "Sigmoid", "Tanh"), ("MaxPool2D", "AvgPool2D")]
WEIGHTED = ("Dense", "Conv2D", "BatchNorm")  # the layers with a weights row in their form
ACROSS = ("type", "init")  # what "Apply to all" copies: an activation's kind, a weight init
REMOVABLE = ("BatchNorm", "Dropout")  # a form button removes every layer of these types


def applied_to_all(layers: list[dict], index: int, name: str) -> list[dict]:
    """New layers with layer `index`'s kind ("type": every layer of its SWAPS group, e.g.
    every activation, becomes that kind, keeping its settings) or its setting `name` (every
    layer that has the setting gets the value; unset stays unset, i.e. the default), as the
    book's ch. 6 experiments change the activation or the weight init of a whole network."""
    layers = copy.deepcopy(layers)
    source = copy.deepcopy(layers[index])
    group = next((g for g in SWAPS if source.get("type") in g), ())
    for j, layer in enumerate(layers):
        if name == "type":
            if layer.get("type") in group and layer["type"] != source["type"]:
                new = default_layer(source["type"])
                new.update({k: v for k, v in layer.items() if k in new and k != "type"})
                layers[j] = new
        elif any(s.name == name for s in settings_of(layer.get("type"))):
            layer.pop(name, None)
            if name in source:
                layer[name] = copy.deepcopy(source[name])
    return layers


class LayerForm(QGroupBox):
    """Shows one layer's settings; an edit calls `on_setting(index, name, value)` (None: the
    default) or `on_type(index, layer_type)`; "Apply to all" beside a kind or an init calls
    `on_all(index, name)` ("type" or "init"), "Remove every ..." `on_remove_all(layer_type)`.
    `index`/`layer`: what the form shows now."""

    def __init__(self, on_setting: Callable[[int, str, object], None],
                 on_type: Callable[[int, str], None], parent: QWidget | None = None,
                 on_all: Callable[[int, str], None] | None = None,
                 on_remove_all: Callable[[str], None] | None = None) -> None:
        super().__init__(tr("Layer settings"), parent)
        self.on_setting, self.on_type = on_setting, on_type
        self.on_all, self.on_remove_all = on_all, on_remove_all
        self.form = QFormLayout(self)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # Room for the longest form (Conv2D's five settings and its weight shapes): choosing
        # another layer never moves the list and its buttons.
        row = max(IntBox().sizeHint().height(), QComboBox().sizeHint().height())
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
            self.form.addRow(tr("kind"), self._with_all(kind, i, "type"))
        elif not schema:
            self.form.addRow(QLabel(tr("This layer has no settings.")))
        for setting in schema:
            editor = make_editor(setting, layer.get(setting.name, setting.default),
                                 lambda v, i=i, name=setting.name: self.on_setting(i, name, v))
            editor.setObjectName(f"setting_{setting.name}")
            editor.setToolTip(setting_tip(setting.name))  # on hover: what, a range, the book
            label = QLabel(setting_label(setting.name))
            label.setToolTip(setting_tip(setting.name))
            self.form.addRow(label, self._with_all(editor, i, setting.name)
                             if setting.name in ACROSS else editor)
        if layer.get("type") in WEIGHTED:
            self._add_weights_row()
        if layer.get("type") in REMOVABLE and self.on_remove_all is not None:
            n = sum(x.get("type") == layer["type"] for x in layers)
            remove = QPushButton(tr("Remove every {type} ({n})").format(type=layer["type"], n=n))
            remove.setObjectName("remove_all")
            remove.setToolTip(tr("Take every layer of this type out of the network at once"))
            remove.clicked.connect(lambda _=False, t=layer["type"]: self.on_remove_all(t))
            self.form.addRow(remove)
        self.show_weights(layers, infos)

    def _with_all(self, editor: QWidget, i: int, name: str) -> QWidget:
        """`editor` with an "Apply to all" button after it (when the form has `on_all`)."""
        if self.on_all is None:
            return editor
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(editor, 1)
        button = QPushButton(tr("Apply to all"))
        button.setObjectName(f"all_{name}")
        button.setToolTip(tr("Give every layer that has this setting the same value (every "
                             "activation the same kind, every weighted layer the same init)"))
        button.clicked.connect(lambda _=False: self.on_all(i, name))
        row.addWidget(button)
        return box

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
