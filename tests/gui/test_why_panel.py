"""Why this answer: maps of the current input, computed off the GUI thread, newest first."""

from __future__ import annotations

import numpy as np

from nndesk.gui.state import AppState
from nndesk.gui.why_panel import WhyPanel, overlay
from nndesk.nn import Network

SPEC = {"name": "c", "input_shape": [1, 28, 28], "layers": [
    {"type": "Conv2D", "filters": 4, "kernel_size": 5}, {"type": "ReLU"},
    {"type": "MaxPool2D", "pool_size": 2}, {"type": "Dense", "units": 10}]}


def _digits(n):
    rng = np.random.default_rng(0)
    out = np.zeros((n, 1, 28, 28), dtype=np.float32)
    for i in range(n):
        r, c = rng.integers(4, 16, size=2)
        out[i, 0, r:r + 9, c:c + 4] = 1.0
    return out


def test_overlay_colours():
    img = np.zeros((2, 2))
    sal = np.array([[1.0, -1.0], [0.0, 0.5]])
    rgb = overlay(img, sal)
    assert rgb[0, 0, 0] > rgb[0, 0, 2]  # red: for the class
    assert rgb[0, 1, 2] > rgb[0, 1, 0]  # blue: against
    assert (rgb[1, 0] == 255).all()  # nothing to say, no ink: white paper


def test_maps_follow_the_newest_input_only_while_shown(qtbot):
    from nndesk.insight.saliency import gradient_x_input

    state = AppState()
    net = Network.from_spec(SPEC, seed=2)
    panel = WhyPanel(state)
    qtbot.addWidget(panel)
    digits = _digits(4)
    state.set_model(net, path="c.npz")
    state.set_digit(digits[0])
    assert not panel.busy and panel.maps is None  # hidden: nothing computed
    panel.show()
    qtbot.waitExposed(panel)
    for d in digits[1:]:  # drawing on: only the newest input has to be explained
        state.set_digit(d)
    qtbot.waitUntil(lambda: not panel.busy, timeout=30_000)
    np.testing.assert_array_equal(panel.shown_digit, digits[-1])
    assert len(panel.costs_ms) <= 3  # skipped some inputs
    expected = gradient_x_input(net, digits[-1]).reshape(10, 28, 28)
    np.testing.assert_allclose(panel.maps["grad"], expected, rtol=1e-4, atol=1e-7)
    answer = int(np.argmax(net.predict(digits[-1][None])[0]))
    assert panel.chosen_class() == answer
    panel.klass.setCurrentIndex(1 + 7)
    assert panel.chosen_class() == 7 and panel.status.text().startswith("digit 7")
    assert not panel.images["occlusion"].pixmap().isNull()
    state.set_digit(None)  # cleared canvas: no maps
    assert panel.maps is None and panel.images["grad"].pixmap().isNull()


def _explained(qtbot):
    """A shown Why panel that has explained one digit with a loaded model (seed 2)."""
    state = AppState()
    panel = WhyPanel(state)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    digit = _digits(1)[0]
    state.set_model(Network.from_spec(SPEC, seed=2), path="c.npz")
    state.set_digit(digit)
    qtbot.waitUntil(lambda: not panel.busy and panel.maps is not None, timeout=30_000)
    return state, panel, digit


def test_a_new_snapshot_refills_the_copy_and_its_weights_are_explained(qtbot):
    from nndesk.insight.saliency import gradient_x_input

    state, panel, digit = _explained(qtbot)
    copy = panel._net
    newer = Network.from_spec(SPEC, seed=5)  # the same layers, other weights
    state.set_model(newer, source="snapshot")
    qtbot.waitUntil(lambda: not panel.busy, timeout=30_000)
    assert panel._net is copy  # refilled, not made anew (with random weights) per snapshot
    expected = gradient_x_input(newer, digit).reshape(10, 28, 28)
    np.testing.assert_allclose(panel.maps["grad"], expected, rtol=1e-4, atol=1e-7)


def test_while_a_run_trains_the_same_drawing_is_explained_again_only_every_few_seconds(
        qtbot, monkeypatch):
    import nndesk.gui.why_panel as why

    state, panel, digit = _explained(qtbot)
    state.set_model(Network.from_spec(SPEC, seed=3), source="snapshot")  # a run's first
    assert panel.busy  # explained with the run's weights
    qtbot.waitUntil(lambda: not panel.busy, timeout=30_000)
    done = len(panel.costs_ms)
    state.set_model(Network.from_spec(SPEC, seed=4), source="snapshot")  # a second later
    assert not panel.busy and len(panel.costs_ms) == done  # the same drawing: not yet
    monkeypatch.setattr(why, "SNAPSHOT_EVERY_MS", 0)  # ...until the interval has passed
    state.set_model(Network.from_spec(SPEC, seed=5), source="snapshot")
    assert panel.busy
    qtbot.waitUntil(lambda: not panel.busy, timeout=30_000)
    monkeypatch.setattr(why, "SNAPSHOT_EVERY_MS", 60_000)
    state.set_digit(_digits(2)[1])  # a new drawing while it trains: explained as always
    assert panel.busy
    qtbot.waitUntil(lambda: not panel.busy, timeout=30_000)


def test_the_copy_of_the_model_is_made_off_the_gui_thread(qtbot, monkeypatch):
    """Making the copy draws random weights (~20 ms for the shipped model) before they are
    replaced: the job does it in its thread, never the GUI thread; the maps are the model's."""
    import threading

    from nndesk.insight.saliency import gradient_x_input

    made = []
    build = Network.from_spec.__func__
    monkeypatch.setattr(Network, "from_spec", classmethod(
        lambda cls, *a, **k: made.append(threading.current_thread()) or build(cls, *a, **k)))
    state, panel, digit = _explained(qtbot)
    assert len(made) >= 2 and made.count(threading.main_thread()) == 1  # the test's model
    expected = gradient_x_input(state.network, digit).reshape(10, 28, 28)
    np.testing.assert_allclose(panel.maps["grad"], expected, rtol=1e-4, atol=1e-7)
