"""Opening a model or a design replaces the designer's design: an edited design kept
nowhere (no preset, not the model's network, not a design file opened or saved) is asked
about first, Save / Discard / Cancel, as a desktop app does (QA: File ▸ Open model replaced
a custom design silently)."""

from __future__ import annotations

import json

import pytest
from gui_helpers import TINY_SPEC, default_model
from PySide6.QtWidgets import QFileDialog, QMessageBox

from nndesk.gui.layer_schema import same_design

Button = QMessageBox.StandardButton


@pytest.fixture
def edited(window):
    """The window with TinyConv, a design of the learner's own, in the designer, no model."""
    assert window.files.design_unsaved()
    return window


def test_cancel_keeps_the_design_and_opens_nothing(edited, questions):
    w = edited
    questions.answer = Button.Cancel
    assert not w.files.load_model(str(default_model()))
    assert questions[-1][0] == "Save the design first?"
    assert same_design(w.state.spec, TINY_SPEC) and w.state.network is None


def test_discard_opens_the_model_and_its_design(edited, questions):
    w = edited
    questions.answer = Button.Discard
    assert w.files.load_model(str(default_model()))
    assert questions[-1][0] == "Save the design first?"
    assert w.state.network is not None and same_design(w.state.spec, w.state.network.spec)
    asked = len(questions)
    assert w.files.load_model(str(default_model()))  # the model's own design: nothing asked
    assert len(questions) == asked


def test_save_writes_the_design_then_opens(edited, questions, monkeypatch, tmp_path):
    w = edited
    out = tmp_path / "mine.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    questions.answer = Button.Save
    assert w.files.load_model(str(default_model()))
    saved = json.loads(out.read_text())
    assert same_design(saved, TINY_SPEC)          # the design, read back from its file
    assert w.state.network is not None

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(out), ""))
    w.files.open_design_dialog()                   # back to the saved design: nothing lost
    asked = len(questions)
    assert same_design(w.state.spec, TINY_SPEC)
    assert not w.files.design_unsaved()            # it is the file just opened
    assert w.files.load_model(str(default_model()))
    assert len(questions) == asked                 # kept in mine.json: not asked again


def test_save_cancelled_in_the_file_dialog_opens_nothing(edited, questions, monkeypatch):
    w = edited
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    questions.answer = Button.Save
    assert not w.files.load_model(str(default_model()))
    assert same_design(w.state.spec, TINY_SPEC) and w.state.network is None


def test_opening_a_design_file_asks_too(edited, questions, monkeypatch, tmp_path):
    w = edited
    other = tmp_path / "other.json"
    other.write_text(json.dumps({**TINY_SPEC, "layers": TINY_SPEC["layers"][:1] + [
        {"type": "Dense", "units": 10}]}))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(other), ""))
    questions.answer = Button.Cancel
    w.files.open_design_dialog()
    assert questions[-1][0] == "Save the design first?" and same_design(w.state.spec, TINY_SPEC)
    questions.answer = Button.Discard
    w.files.open_design_dialog()
    assert len(w.state.spec["layers"]) == 2


def test_a_preset_is_never_asked_about(window, questions):
    from nndesk.presets import load_preset

    window.state.set_spec(load_preset("LeNet5"))
    assert not window.files.design_unsaved()
    assert window.files.load_model(str(default_model())) and not questions


@pytest.mark.parametrize("answer", [Button.Cancel, Button.Discard])
def test_choosing_a_preset_asks_before_it_replaces_an_edited_design(edited, questions, answer):
    """QA: picking a preset in the designer's list replaced an edited design unasked."""
    from nndesk.presets import load_preset

    w = edited
    questions.answer = answer
    index = w.designer.preset.findText("LeNet5")
    w.designer.preset.setCurrentIndex(index)
    w.designer.preset.activated.emit(index)  # as a click in the list sends both signals
    assert questions[-1][0] == "Save the design first?"
    assert "the preset you chose replaces it" in questions[-1][1]  # (QA: "what you open now")
    assert len(questions) == 1                   # asked once, not once per signal
    if answer == Button.Cancel:
        assert same_design(w.state.spec, TINY_SPEC)
        assert w.designer.preset.currentIndex() == 0       # "(custom)" again, not "LeNet5"
    else:
        assert w.state.spec == load_preset("LeNet5")
        assert w.designer.preset.currentText() == "LeNet5"
