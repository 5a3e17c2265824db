"""A model on the canvas with no test accuracy recorded (a fine-tuned file, an older one) is
not known to be worse than a new run's model: the window asks before the run's model takes
the canvas (QA: a ~90% run silently replaced a fine-tuned model), both answers honoured."""

from __future__ import annotations

import pytest
from gui_helpers import TINY_SPEC, default_model
from PySide6.QtWidgets import QMessageBox

from nndesk.gui.run_watch import keeps_model_before


@pytest.fixture
def unmeasured_on_canvas(window, small_data, monkeypatch, tmp_path, questions):
    """The shipped model's weights saved as a file without an accuracy, opened in the window."""
    from nndesk.train import load_model, save_model

    monkeypatch.setenv("NNDESK_HOME", str(tmp_path))
    shipped = load_model(default_model())
    path = tmp_path / "ft.npz"
    save_model(path, shipped.network, {"command": "fine-tuned elsewhere"})
    assert "accuracy" not in load_model(path).metadata
    assert window.files.load_model(str(path))
    questions.clear()  # TinyConv was replaced (Discard): not the test's question
    window.state.set_spec(TINY_SPEC)
    window.training.data = small_data
    window.state.set_config(epochs=1, batch_size=50, lr=0.01, tensorboard=False)
    return window, str(path)


@pytest.mark.parametrize("answer", [QMessageBox.StandardButton.No,
                                    QMessageBox.StandardButton.Yes])
def test_a_model_without_accuracy_is_not_replaced_unasked(unmeasured_on_canvas, qtbot,
                                                          questions, answer):
    w, path = unmeasured_on_canvas
    before = w.state.network
    questions.answer = answer
    with qtbot.waitSignal(w.training.finished, timeout=120_000) as done:
        w.train_panel.train_button.click()
    info = done.args[0]
    assert info["stopped"] == "finished"
    assert [title for title, _ in questions] == ["Use the new model?"]
    text = questions[0][1]
    assert f"{100 * info['test']['accuracy']:.2f}%" in text
    assert "no test accuracy recorded" in text
    if answer == QMessageBox.StandardButton.No:
        assert w.state.network is before and w.state.model_path == path
        status = w.train_panel.status.text()
        assert "keeps the model it had, as you chose" in status and "more accurate" not in status
    else:
        assert w.state.model_path == info["out"] and w.state.network is not before


def test_the_rule_without_a_question():
    """No question (tests, scripts): a measured model is used; a stopped run's never is."""
    net = object()
    assert keeps_model_before((net, "a.npz", {}), 0.9, None) is False
    assert keeps_model_before((net, "a.npz", {}), None, None) is True
    assert keeps_model_before((net, "a.npz", {"accuracy": 0.8}), 0.9, None) is False
    asked = []
    assert keeps_model_before((net, "a.npz", {}), 0.9,
                              lambda new, old: asked.append((new, old)) or False) is True
    assert asked == [(0.9, None)]
    assert keeps_model_before((None, None, {}), 0.9, lambda new, old: False) is False
