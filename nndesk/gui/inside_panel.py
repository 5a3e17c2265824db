"""InsidePanel: first-layer weights as images, and every conv layer's maps for the drawn digit."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QElapsedTimer, QEvent, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from nndesk.gui.elided_label import ClampedLabel, ElidedLabel
from nndesk.gui.i18n import tr
from nndesk.gui.state import AppState
from nndesk.gui.tiles import TileView

__all__ = ["InsidePanel", "first_layer_weights", "feature_maps", "MIN_HEIGHT"]

ACTIVATIONS = {"ReLU", "LeakyReLU", "Sigmoid", "Tanh"}
SHORT = {"BatchNorm": "BN"}  # row titles stay short enough for the panel
MAX_DENSE_TILES = 48
MAPS_INTERVAL_MS = 40  # the maps of a new drawing follow its prediction this much later...
MAPS_DRAWING_MS = 100  # ...and at most ~10 times a second while the pen keeps drawing
# the least height of the pane (titles, a row of tiles, the hover line): a short centre (a bottom
# view open at 1280x720) scrolls rather than squeeze it to a sliver under the plots
MIN_HEIGHT = 130


def first_layer_weights(network, spec: dict | None = None) -> tuple[str, np.ndarray] | None:
    """(title, (K, h, w) tiles) of the first Conv2D, or of a first Dense on raw pixels."""
    spec = spec if spec is not None else network.spec
    types = [layer.get("type") for layer in spec.get("layers", [])]
    for i, t in enumerate(types):
        if t == "Conv2D":
            w = network.layers[i].params["W"]  # (F, C, KH, KW)
            tiles = w[:, 0] if w.shape[1] == 1 else w.mean(axis=1)
            return (tr("Layer {n} Conv2D: {count} filters of {h}×{w}").format(
                n=i + 1, count=w.shape[0], h=w.shape[2], w=w.shape[3]),
                    np.array(tiles, dtype=np.float32))
        if t == "Dense":
            shape = spec.get("input_shape", [1, 28, 28])
            w = network.layers[i].params["W"]  # (C*H*W, units)
            if any(u not in ("Flatten",) for u in types[:i]) or w.shape[0] != int(np.prod(shape)):
                return None
            units = min(w.shape[1], MAX_DENSE_TILES)
            tiles = w[:, :units].T.reshape(units, shape[-2], shape[-1])
            more = tr(" (first {units})").format(units=units) if units < w.shape[1] else ""
            return (tr("Layer {n} Dense: weights of {count} neurons as {h}×{w} images").format(
                n=i + 1, count=w.shape[1], h=shape[-2], w=shape[-1]) + more,
                np.array(tiles, dtype=np.float32))
    return None


def feature_maps(spec: dict, activations: list[np.ndarray]) -> list[tuple[str, np.ndarray]]:
    """Per Conv2D layer: (title, (C, H, W) maps), taken after the BatchNorm/activation after it."""
    types = [layer.get("type") for layer in spec.get("layers", [])]
    out = []
    for i, t in enumerate(types):
        if t != "Conv2D":
            continue
        j = i  # show the maps after the BatchNorm / activation that follow, as the net uses them
        while j + 1 < len(types) and types[j + 1] in ACTIVATIONS | {"BatchNorm"}:
            j += 1
        maps = activations[j]  # (C, H, W)
        chain = "+".join(SHORT.get(t, t) for t in types[i:j + 1])
        out.append((tr("Layer {n} {chain}: {count} maps {h}×{w}").format(
            n=i + 1, chain=chain, count=maps.shape[0], h=maps.shape[1], w=maps.shape[2]),
                    maps))
    return out


class InsidePanel(QWidget):
    """Shows state.network's first-layer weights and the drawn digit's feature maps."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setMinimumHeight(MIN_HEIGHT)
        self.filters = TileView()
        self.maps = TileView()
        # the filters' title wraps onto a second line where its column is narrow (Japanese
        # at 1280x720 was cut to "…のフィルタ…"), "…" beyond it; it changes with the model only
        self.filters_title = ClampedLabel(2, tr("First layer's weights"))
        self.maps_title = ElidedLabel(tr("Feature maps of the drawn digit"))  # "…" where cut
        for label in (self.filters_title, self.maps_title):
            label.setStyleSheet("font-weight: 600;")
        self.hover = QLabel(" ")
        self.hover.setStyleSheet("color: #5b6472;")
        for label in (self.maps_title, self.hover):
            # A drawing's new text never re-lays the window out: its width is not asked (a
            # long one is cut, its whole text on hover), its height is one line. The first
            # stroke after a Clear changed the maps' title, which resized the views and the
            # plots beside them. (The filters' title changes with the model only.)
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.filters.hovered.connect(self._on_hovered)
        self.maps.hovered.connect(self._on_hovered)
        left = QVBoxLayout()
        left.addWidget(self.filters_title)
        left.addWidget(self.filters, 1)
        right = QVBoxLayout()
        right.setContentsMargins(12, 0, 0, 0)  # two columns, two titles: not one heading
        right.addWidget(self.maps_title)
        right.addWidget(self.maps, 1)
        row = QHBoxLayout()
        row.addLayout(left, 2)
        row.addLayout(right, 3)
        self._row = row
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(row, 1)
        layout.addWidget(self.hover)
        self._map_key: tuple | None = None
        self._filter_key: tuple | None = None
        state.model_changed.connect(self._on_model_changed)
        self._maps_timer = QTimer(self)  # coalesces redraws: the prediction shows first
        self._maps_timer.setSingleShot(True)
        self._maps_timer.setInterval(MAPS_INTERVAL_MS)
        self._maps_timer.timeout.connect(self.refresh_maps)
        self._since_maps = QElapsedTimer()  # since the last refresh
        state.digit_changed.connect(self._on_digit_changed)
        self._on_model_changed()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        """A new language (View ▸ Language): the titles drawn in the mosaics are made anew."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._on_model_changed()

    def _on_hovered(self, text: str) -> None:
        self.hover.setText(text or " ")

    @staticmethod
    def _set_text(label: QLabel, text: str) -> None:
        """A title's text, whole on hover too (a long one is cut in a narrow column)."""
        if label.text() != text:
            label.setText(text)
            label.setToolTip(text if text.strip() else "")

    def _prepare_rows(self) -> None:
        """The feature maps' rows for the model's layout, made now (at a model load) with
        every row unseen: the first stroke only fills them."""
        spec = self.state.model_spec
        try:
            from nndesk.nn import infer

            shapes = [info.output_shape for info in infer(spec)]
        except Exception:  # noqa: BLE001 (a design infer rejects: made at its first drawing)
            return
        if any(v is None for shape in shapes for v in shape):
            return  # a sequence model: no feature maps
        rows = feature_maps(spec, [np.zeros(shape, np.float32) for shape in shapes])
        key = tuple((title, maps.shape) for title, maps in rows)
        if rows and key != self._map_key:
            self.maps.set_rows([title for title, _ in rows])
            for i in range(len(rows)):
                self.maps.set_tiles(i, None)
            self._map_key = key

    def _on_model_changed(self) -> None:
        net = self.state.network
        found = first_layer_weights(net, self.state.model_spec) if net is not None else None
        if found is None:
            self._filter_key = None
            self.filters.set_rows([])
            self._set_text(self.filters_title, tr("First layer's weights: {why}").format(
                why=tr("no model") if net is None else
                tr("shown for a first Conv2D or a Dense on raw pixels")))
        else:
            title, tiles = found
            key = (title, tiles.shape)
            if key != self._filter_key:
                self.filters.set_rows([""])
                self._filter_key = key
            self._set_text(self.filters_title, title)
            self.filters.set_tiles(0, tiles, tr("filter") if "Conv2D" in title else tr("neuron"))
        if net is not None and self.state.model_source == "snapshot":
            self._on_digit_changed()  # the state's new answer follows at once, and the maps
            return  # with it, on the timer: once per snapshot, not twice
        if net is not None:
            self._prepare_rows()
        self.refresh_maps()

    def _on_digit_changed(self) -> None:
        """Refresh soon; a drawing that keeps changing is shown at most every
        MAPS_DRAWING_MS, and its last state always (the timer runs until it is shown)."""
        if not self._maps_timer.isActive():
            since = self._since_maps.elapsed() if self._since_maps.isValid() else MAPS_DRAWING_MS
            self._maps_timer.start(max(MAPS_INTERVAL_MS, MAPS_DRAWING_MS - since))

    def refresh_maps(self) -> None:
        """Show the feature maps of the current digit (now, not on the timer)."""
        self._maps_timer.stop()
        self._since_maps.start()
        acts = self.state.activations()
        net = self.state.network
        spec = self.state.model_spec
        rows = feature_maps(spec, acts) if acts is not None else []
        key = tuple((title, maps.shape) for title, maps in rows)  # the title has the language
        if rows and (len(key) != len(self._map_key or ()) or any(
                a[1] != b[1] for a, b in zip(key, self._map_key or (), strict=False))):
            self.maps.set_rows([title for title, _ in rows])  # a new layout: new rows, once
        elif rows and key != self._map_key:  # same layers, other words: new titles, same views
            for i, (title, _) in enumerate(rows):
                self.maps.set_title(i, title)
        if rows:
            self._map_key = key
            for i, (_, maps) in enumerate(rows):
                self.maps.set_tiles(i, maps, tr("map"))
        else:  # a cleared canvas: the rows are unseen, kept for the next drawing
            for i in range(len(self.maps.titles())):
                self.maps.set_tiles(i, None)
        no_conv = net is not None and not any(
            layer.get("type") == "Conv2D" for layer in spec.get("layers", []))
        self.maps.setVisible(not no_conv)  # an MLP: its weight images get the whole width
        self.maps_title.setVisible(not no_conv)
        self._row.setStretch(1, 0 if no_conv else 3)
        self._set_text(self.hover, tr(
            "This network has no Conv2D layer, so it has no feature maps.") if no_conv else " ")
        self._set_text(self.maps_title, tr("Feature maps of the drawn digit") if rows
                       else tr("Feature maps: draw a digit to see them"))
