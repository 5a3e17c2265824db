"""DesignerPanel: pick a preset, edit the layer list and settings, see shapes and params live
(the list's rows: layer_table.py; the selected layer's settings: layer_form.py)."""

from __future__ import annotations

import copy
from collections.abc import Callable

from PySide6.QtCore import QSignalBlocker, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from nndesk.gui.design_summary import REASON_LINES, DesignSummary
from nndesk.gui.engine_text import translate_engine
from nndesk.gui.i18n import N_, tr
from nndesk.gui.layer_form import MAX_SETTINGS, LayerForm, applied_to_all
from nndesk.gui.layer_schema import default_layer, infer_prefix, layer_types, preset_of
from nndesk.gui.layer_table import LayerTable, shape_text
from nndesk.gui.state import AppState
from nndesk.gui.terms import layer_tip

__all__ = ["DesignerPanel", "MAX_SETTINGS", "REASON_LINES"]

CUSTOM = N_("(custom)")  # item 0 of the preset list, shown translated


class DesignerPanel(QWidget):
    """Edits state.spec; shows infer()'s shapes, parameter counts and the first error."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        # asked before a preset replaces the design (the window's FileActions.may_replace_design:
        # an edited design kept nowhere is saved, discarded or kept); True: go on
        self.may_replace: Callable[[dict], bool] = lambda spec: True
        from nndesk.presets import list_presets

        self.preset = QComboBox()
        self.preset.addItems([tr(CUSTOM), *list_presets()])
        self.preset.setToolTip(tr("Start from a network of the book (you can edit it afterwards)"))
        self.preset.currentTextChanged.connect(self._on_preset_chosen)
        self.preset.activated.connect(  # (unless the choice was just cancelled: not asked twice)
            lambda i: i == self.preset.currentIndex() and self._on_preset_chosen(
                self.preset.itemText(i)))
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Preset")))
        top.addWidget(self.preset, 1)

        self.table = LayerTable()
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

        # the total or, for a refused design, why: one slot of fixed height (design_summary)
        self.summary = DesignSummary()
        self.total, self.problem = self.summary.total, self.summary.problem
        self.settings_box = LayerForm(self.set_setting, self.change_type,
                                      on_all=self.apply_to_all, on_remove_all=self.remove_all)
        self.form = self.settings_box.form
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(edit)
        layout.addWidget(self.summary)
        layout.addWidget(self.settings_box)
        self._infos: list = []  # the shapes shown (those before a faulty layer)
        self._editing = False  # True during our own edits: they keep showing "(custom)"
        state.spec_changed.connect(self._on_spec_changed)
        self._on_spec_changed()

    def top_height(self) -> int:
        """Pixels from the panel's top to under its total (or reason) lines with the layer list
        at its least (TABLE_ROWS rows): what a short window keeps in view (the settings
        scroll)."""
        layout = self.layout()
        m = layout.contentsMargins()
        parts = (self.preset.sizeHint().height(), self.table.minimumHeight(),
                 max(self.add_button.sizeHint().height(), self.up_button.sizeHint().height()),
                 self.summary.height())
        return m.top() + sum(parts) + 3 * max(layout.spacing(), 0) + 2

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
        from nndesk.presets import list_presets, load_preset

        if spec.get("name") in list_presets():
            self._origin = spec["name"]  # the preset the edits started from
            spec["name"] = "custom"
            spec.pop("description", None)
        origin = getattr(self, "_origin", None)
        if origin and spec.get("name") == "custom":  # edited back to the preset: it again
            preset = load_preset(origin)
            rest = ("input_shape", "loss")
            if (preset_of({**spec, "name": origin}) == origin
                    and all(spec.get(k) == preset.get(k) for k in rest)):
                self._editing = False  # _on_spec_changed names the preset in the list
                return preset
        return spec

    def _commit(self, layers: list[dict], select: int | None = None) -> None:
        spec = self._edited(layers)
        self.settings_box.forget()  # rebuild the settings form for the new selection
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
        # The form stays (the learner is typing in it): it is told the layer the state will
        # hold, which is the preset's own when the edit comes back to it (an init typed back
        # to "auto" has no "init" key there). Told the edited layer, the form saw another
        # layer, rebuilt itself under the keys and the panel jumped (QA: Enter in init).
        self.settings_box.layer = copy.deepcopy(spec["layers"][index])
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

    def apply_to_all(self, index: int, name: str) -> None:
        """Layer `index`'s kind ("type") or setting `name` on every layer that has one
        (`layer_form.applied_to_all`): one activation or init for the whole network."""
        self._mark_custom()
        self._commit(applied_to_all(self.state.spec["layers"], index, name), index)

    def remove_all(self, layer_type: str) -> None:
        """Remove every layer of `layer_type` (every BatchNorm, every Dropout) at once."""
        layers = [x for x in self.state.spec["layers"] if x.get("type") != layer_type]
        self._mark_custom()
        self._commit(copy.deepcopy(layers), 0 if layers else None)

    def _mark_custom(self) -> None:
        self._editing = True  # our own edit: the spec is no longer the preset it is named after
        with QSignalBlocker(self.preset):
            self.preset.setCurrentIndex(0)

    def _on_preset_chosen(self, name: str) -> None:
        if self.preset.findText(name) <= 0:
            return  # "(custom)" is a name for any design, not one to load
        from nndesk.presets import load_preset

        preset = load_preset(name)
        if self.state.spec == preset:
            return  # already this preset (the list's two signals both ask)
        if not self.may_replace(preset):  # Cancel: the edited design stays, named "(custom)"
            with QSignalBlocker(self.preset):
                self.preset.setCurrentIndex(max(self.preset.findText(preset_of(self.state.spec)
                                                                     or ""), 0))
            return
        self._editing = False
        self.settings_box.forget()
        self.state.set_spec(preset)
        self.select(0)

    # -- state -> widgets -------------------------------------------------------------------
    def _on_spec_changed(self) -> None:
        s = self.state
        if not self._editing:  # a design from outside (a file, a model): name its preset or none
            with QSignalBlocker(self.preset):
                name = preset_of(s.spec)
                self._origin = name  # edits of it that come back to it name it again
                self.preset.setCurrentIndex(max(self.preset.findText(name), 0) if name else 0)
        self._editing = False  # the next outside change may name a preset again
        layers = s.spec.get("layers", [])
        infos, err = s.layer_infos, s.spec_error
        if err is not None:
            infos = self._infos_before(getattr(err, "index", None))
        self._infos = infos
        self.table.show_layers(layers, infos, err)
        if err is None:
            self.summary.show_total(tr(
                "Total: {params} parameters · input {input} → output {output}").format(
                params=f"{sum(i.params for i in infos):,}",
                input=shape_text(s.spec.get("input_shape", [])),
                output=shape_text(infos[-1].output_shape) if infos else "—"))
        else:
            reason = tr("⚠ {error}. Fix this layer to train.").format(
                error=translate_engine(str(err)))
            if reason != self.problem.text():  # a new reason: brought into view once laid out
                QTimer.singleShot(0, self, self.show_problem)
            self.summary.show_reason(reason)
        self._on_selection_changed()
        self.settings_box.show_weights(layers, self._infos)

    def show_problem(self) -> None:
        """Scroll the dock so the reason's lines are in view (the learner may have scrolled
        to the settings form's end; in Japanese it was half below a 1280x720 window's fold)."""
        self.summary.bring_into_view()

    def _infos_before(self, index: int | None) -> list:
        """Shapes of the layers before the faulty one, so the list stays informative (the
        prefix alone, without `infer`'s whole-network checks: it usually ends in a map)."""
        if not index:
            return []
        return infer_prefix(self.state.spec, index)

    def _on_selection_changed(self) -> None:
        self.settings_box.show_layer(self.selected(), self.state.spec.get("layers", []),
                                     self._infos)
