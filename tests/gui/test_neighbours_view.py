"""The neighbours in the "why" view: features computed once per model in a thread, then the
nearest training images of each drawing, in both spaces, with their labels."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk.gui.neighbours_view import K, NeighboursView
from nndesk.gui.state import AppState
from nndesk.insight.neighbours import cache_path, model_fingerprint, nearest, training_index
from nndesk.nn import Network

MLP = {"name": "tiny", "input_shape": [1, 28, 28],
       "layers": [{"type": "Dense", "units": 12}, {"type": "ReLU"}, {"type": "Dense", "units": 10}]}


def _view(qtbot, seed: int):
    state = AppState()
    view = NeighboursView(state)
    qtbot.addWidget(view)
    net = Network.from_spec(MLP, seed=seed)
    return state, view, net


def test_features_once_then_neighbours_of_each_drawing(qtbot, mnist_dir):
    state, view, net = _view(qtbot, seed=11)
    state.set_model(net, path="tiny.npz")
    assert not view.busy  # hidden: nothing computed
    view.show()
    qtbot.waitExposed(view)
    assert view.busy
    qtbot.waitUntil(lambda: view.index is not None, timeout=120_000)
    assert cache_path(model_fingerprint(net)).is_file()  # cached for the next time
    assert len(view.index.labels) == 60_000
    image = view.index.image(5).reshape(1, 28, 28)  # training image 5 itself
    state.set_digit(image)
    qtbot.waitUntil(lambda: view.found is not None and not view.busy, timeout=30_000)
    expected = nearest(view.index, net, image, k=K)
    assert view.found["feature"] == expected["feature"]
    assert view.found["pixel"] == expected["pixel"]
    assert view.found["pixel"][0]["index"] == 5
    for space in ("feature", "pixel"):
        for cell, n in zip(view.cells[space], expected[space], strict=True):
            assert not cell.pixmap().isNull()
            assert f"training image {n['index']}: a {n['label']}" in cell.toolTip()
    state.set_digit(None)
    qtbot.waitUntil(lambda: view.found is None)
    assert all(c.pixmap().isNull() for c in view.cells["pixel"])


def test_stop_writes_no_cache_and_offers_to_start_again(qtbot, mnist_dir):
    state, view, net = _view(qtbot, seed=12)
    view.show()
    qtbot.waitExposed(view)
    state.set_model(net, path="tiny.npz")
    assert view.busy
    view.stop_button.click()
    assert not view.busy and view.start_button.isVisible() and view.index is None
    qtbot.wait(3000)  # the dropped thread ends at its next batch
    assert not cache_path(model_fingerprint(net)).exists()
    index, how = training_index(net)
    assert how == "built"
    view.start_button.click()  # now from the cache: quick
    qtbot.waitUntil(lambda: view.index is not None, timeout=60_000)
    np.testing.assert_array_equal(view.index.features, index.features)


@pytest.mark.parametrize(("source", "spec", "words"), [
    ("snapshot", MLP, "not while it trains"),
    ("file", {"name": "sr", "input_shape": [1, 28, 28], "layers": [{"type": "Dense",
                                                                     "units": 10}]},
     "no hidden layer"),
])
def test_when_there_are_no_neighbours_it_says_why(qtbot, source, spec, words):
    state = AppState()
    view = NeighboursView(state)
    qtbot.addWidget(view)
    view.show()
    state.set_model(Network.from_spec(spec), path="m.npz", source=source)
    assert words in view.status.text() and not view.busy


def test_quitting_waits_for_the_feature_thread(qtbot, mnist_dir):
    """A QThread destroyed while it runs aborts the process: at quit the build stops first."""
    from PySide6.QtCore import QCoreApplication

    from nndesk.gui import neighbours_jobs

    state, view, net = _view(qtbot, seed=13)
    view.show()
    qtbot.waitExposed(view)
    state.set_model(net, path="tiny.npz")
    running = [t for t in neighbours_jobs.RUNNING if t.isRunning()]
    assert running
    QCoreApplication.instance().aboutToQuit.emit()
    assert all(t.isFinished() for t in running)
    assert not cache_path(model_fingerprint(net)).exists()  # stopped, not finished
