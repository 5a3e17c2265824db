"""The window hands back the memory a large job leaves freed (an evaluation, the neighbours'
features, a training run) instead of keeping it in malloc's arenas for good."""

from __future__ import annotations

import pytest

from nndesk.gui.eval_panel import EvalPanel
from nndesk.gui.neighbours_view import NeighboursView
from nndesk.gui.state import AppState
from nndesk.nn import Network

MLP = {"name": "tiny", "input_shape": [1, 28, 28],
       "layers": [{"type": "Dense", "units": 8}, {"type": "ReLU"}, {"type": "Dense", "units": 10}]}


@pytest.fixture
def released(monkeypatch) -> list[int]:
    """Each call of nn.memory.release_freed_memory, counted (the real one is called too)."""
    from nndesk.nn import memory

    calls, real = [], memory.release_freed_memory
    monkeypatch.setattr(memory, "release_freed_memory",
                        lambda: calls.append(1) or real())
    return calls


def test_an_evaluation_gives_its_memory_back_when_its_thread_ends(qtbot, trained_softmax,
                                                                 released):
    state = AppState()
    panel = EvalPanel(state)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    state.set_model(trained_softmax[0], path="sr.npz")
    qtbot.waitUntil(lambda: panel.evaluation is not None and not panel.busy, timeout=60_000)
    qtbot.waitUntil(lambda: len(released) == 1, timeout=10_000)


def test_the_neighbours_features_give_their_memory_back_when_built(qtbot, mnist_dir,
                                                                  released):
    state = AppState()
    view = NeighboursView(state)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    state.set_model(Network.from_spec(MLP, seed=21), path="tiny.npz")
    qtbot.waitUntil(lambda: view.index is not None and not view.busy, timeout=120_000)
    qtbot.waitUntil(lambda: len(released) == 1, timeout=10_000)


def test_a_training_run_gives_its_memory_back_when_it_ends(window, small_data, dialogs, qtbot,
                                                          released):
    window.training.data = small_data
    window.state.set_config(epochs=1, batch_size=50, lr=0.01)
    with qtbot.waitSignal(window.training.finished, timeout=60_000) as done:
        window.train_panel.train_button.click()
    assert done.args[0]["stopped"] == "finished"
    assert len(released) == 1
