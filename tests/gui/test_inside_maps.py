"""The feature-map view across Clear and new drawings: the rows' items made once per network
layout, only the images' data replaced, and that data the new drawing's layer outputs."""

from __future__ import annotations

import numpy as np
from gui_helpers import shown

from nndesk.gui.inside_panel import InsidePanel
from nndesk.gui.state import AppState
from nndesk.nn import Network

TWO_CONV = {"name": "TwoConv", "input_shape": [1, 28, 28], "layers": [
    {"type": "Conv2D", "filters": 6, "kernel_size": 3, "pad": 1}, {"type": "BatchNorm"},
    {"type": "ReLU"}, {"type": "MaxPool2D", "pool_size": 2},
    {"type": "Conv2D", "filters": 5, "kernel_size": 3}, {"type": "ReLU"},
    {"type": "Dense", "units": 10}]}
SHOWN = (2, 5)  # the layers whose outputs the rows show: after Conv2D+BN+ReLU, Conv2D+ReLU


def _digit(column: int) -> np.ndarray:
    d = np.zeros((1, 28, 28), np.float32)
    d[0, 4:24, column:column + 3] = 1.0  # a "1"
    d[0, 4:7, column - 4:column] = 0.6  # its flag, so that the maps differ in size and place
    return d


def _items(panel: InsidePanel) -> list[int]:
    """The identity of every row's title, view and image item."""
    return [id(r[k]) for r in panel.maps._rows for k in ("label", "view", "image")]


def _scene_items(panel: InsidePanel) -> int:
    return len(panel.maps.scene().items())


def _tiles_shown(image: np.ndarray, k: int, h: int, w: int) -> np.ndarray:
    """The (k, h, w) tiles read back from a mosaic image: tile i in row i // cols, column
    i % cols, one pixel of gap between tiles (the columns found from the image's width)."""
    cols = (image.shape[1] + 1) // (w + 1)
    return np.stack([image[(i // cols) * (h + 1):(i // cols) * (h + 1) + h,
                           (i % cols) * (w + 1):(i % cols) * (w + 1) + w] for i in range(k)])


def _expected_shown(maps: np.ndarray) -> np.ndarray:
    """Each map scaled alone to 0..0.92, written out here apart from the view's code."""
    out = np.zeros_like(maps, dtype=np.float64)
    for i, m in enumerate(maps.astype(np.float64)):
        if m.max() > m.min():
            out[i] = 0.92 * (m - m.min()) / (m.max() - m.min())
    return out


def _places(panel: InsidePanel) -> list[tuple]:
    """Where each row's view and its image are in the scene (x, y, width, height)."""
    out = []
    for r in panel.maps._rows:
        image = r["image"].mapRectToScene(r["image"].boundingRect())
        out.append((r["view"].sceneBoundingRect().getRect(), image.getRect()))
    return out


def _centred(panel: InsidePanel) -> bool:
    """Each row's mosaic fitted to its view: their centres within half a pixel."""
    return all(abs((vx + vw / 2) - (ix + iw / 2)) < 0.5 and abs((vy + vh / 2) - (iy + ih / 2)) < 0.5
               for (vx, vy, vw, vh), (ix, iy, iw, ih) in _places(panel))


def _check_shows(panel: InsidePanel, net: Network, digit: np.ndarray) -> None:
    outputs = net.forward_all(digit[None])
    assert len(panel.maps._rows) == len(SHOWN)
    for row, layer in zip(panel.maps._rows, SHOWN, strict=True):
        maps = outputs[layer][0]  # (C, H, W)
        assert row["label"].opacity() == 1.0 and row["view"].opacity() == 1.0
        image = row["image"].image
        np.testing.assert_allclose(_tiles_shown(image, *maps.shape), _expected_shown(maps),
                                   atol=1e-5)


def test_after_clear_a_new_drawing_is_shown_in_the_same_items(qtbot):
    panel = shown(qtbot, InsidePanel(AppState()), 520, 600)
    state = panel.state
    net = Network.from_spec(TWO_CONV, seed=0)
    state.set_model(net, path=None, metadata={})

    first = _digit(8)
    state.set_digit(first)
    qtbot.waitUntil(lambda: len(panel.maps._rows) == 2
                    and panel.maps._rows[0]["tiles"] is not None, timeout=2000)
    _check_shows(panel, net, first)
    items, count = _items(panel), _scene_items(panel)
    # laid out, and fitted (pyqtgraph applies a view's new range at its next paint; the rows
    # were made at the model's load, so the layout may be done before the first drawing)
    qtbot.waitUntil(lambda: all(view[3] > 100 and image[3] > 100
                                for view, image in _places(panel)) and _centred(panel),
                    timeout=2000)
    qtbot.wait(50)
    places = _places(panel)

    state.set_digit(None)  # Clear
    panel.refresh_maps()
    for row in panel.maps._rows:  # nothing of the old drawing is shown...
        assert row["view"].opacity() == 0.0 and row["label"].opacity() == 0.0
        assert row["tiles"] is None
    assert _items(panel) == items  # ...and nothing was torn down
    assert panel.maps_title.text() == "Feature maps: draw a digit to see them"

    second = _digit(17)
    state.set_digit(second)
    qtbot.waitUntil(lambda: panel.maps._rows[0]["tiles"] is not None, timeout=2000)
    _check_shows(panel, net, second)
    assert not np.allclose(net.forward_all(first[None])[2], net.forward_all(second[None])[2])
    assert _items(panel) == items and _scene_items(panel) == count  # the same items, no more
    qtbot.wait(50)
    assert _places(panel) == places  # shown where and as large as before the Clear
    panel.resize(600, 640)
    qtbot.waitUntil(lambda: _places(panel) != places, timeout=2000)
    qtbot.wait(50)
    assert _centred(panel)  # fitted again to the views' new size
    assert panel.maps_title.text() == "Feature maps of the drawn digit"


def test_a_model_of_another_layout_gets_new_rows(qtbot):
    panel = shown(qtbot, InsidePanel(AppState()), 520, 600)
    state = panel.state
    state.set_model(Network.from_spec(TWO_CONV, seed=0), path=None, metadata={})
    state.set_digit(_digit(8))
    panel.refresh_maps()
    items = _items(panel)
    one_conv = dict(TWO_CONV, layers=TWO_CONV["layers"][:4] + [TWO_CONV["layers"][-1]])
    net = Network.from_spec(one_conv, seed=1)
    state.set_model(net, path=None, metadata={})
    state.set_digit(_digit(12))
    panel.refresh_maps()
    assert len(panel.maps._rows) == 1 and _items(panel)[:3] != items[:3]
    maps = net.forward_all(_digit(12)[None])[2][0]
    np.testing.assert_allclose(_tiles_shown(panel.maps._rows[0]["image"].image, *maps.shape),
                               _expected_shown(maps), atol=1e-5)


def test_the_last_of_a_drawing_that_keeps_changing_is_shown(qtbot):
    panel = shown(qtbot, InsidePanel(AppState()), 520, 600)
    state = panel.state
    net = Network.from_spec(TWO_CONV, seed=0)
    state.set_model(net, path=None, metadata={})
    for column in range(6, 20, 2):  # the pen moving: a new drawing every few ms
        state.set_digit(_digit(column))
        qtbot.wait(5)
    last = _digit(18)

    def shows_last() -> bool:
        try:
            _check_shows(panel, net, last)
        except AssertionError:
            return False
        return True

    qtbot.waitUntil(shows_last, timeout=2000)  # with no further drawing, the last one comes


def test_the_rows_are_made_at_the_model_load_and_the_first_drawing_fills_them(qtbot):
    panel = shown(qtbot, InsidePanel(AppState()), 520, 600)
    state = panel.state
    net = Network.from_spec(TWO_CONV, seed=0)
    state.set_model(net, path=None, metadata={})
    assert len(panel.maps._rows) == len(SHOWN)  # before any drawing
    assert all(r["tiles"] is None and r["view"].opacity() == 0.0 for r in panel.maps._rows)
    items = _items(panel)
    state.set_digit(_digit(8))
    panel.refresh_maps()
    assert _items(panel) == items  # the first drawing made no items, it filled them
    _check_shows(panel, net, _digit(8))
