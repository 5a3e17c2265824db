"""A choice is shown by its label wherever it comes from (QA, zh_CN/ja: "auto" typed into a
layer's init, or read from a design file, stayed English instead of 自动/自動): a name typed
in any case ("auto", "HE", " Xavier ") or opened from a file shows as the list's label in
the designer's form, the training panel shows a file's "ADAM" as its one "Adam" item, and
the model's information names an edited design by the window's word."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFileDialog, QMessageBox

from nndesk.gui import i18n

LANGS = ["en", "zh_CN", "ja"]
DESIGN = {"name": "custom", "input_shape": [1, 28, 28], "layers": [
    {"type": "Conv2D", "filters": 4, "kernel_size": 5, "init": "auto"}, {"type": "ReLU"},
    {"type": "Dense", "units": 20, "init": "he"}, {"type": "Tanh"},
    {"type": "Dense", "units": 10, "init": "xavier"}],
    "training": {"optimizer": "ADAM", "schedule": "cosine"}}


@pytest.fixture(params=LANGS)
def window_in(request, qtbot, monkeypatch):
    """The real window started in a language (NNDESK_LANG), 1400x900, no model."""
    from nndesk.gui.main_window import MainWindow

    monkeypatch.setenv("NNDESK_LANG", request.param)
    w = MainWindow()
    qtbot.addWidget(w)
    w.build_views()
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    assert i18n.language() == request.param
    return w


def _init_box(w, index: int) -> QComboBox:
    w.designer.select(index)
    return w.designer.settings_box.findChild(QComboBox, "setting_init")


def test_inits_from_a_design_file_and_typed_show_their_labels(window_in, qtbot, tmp_path,
                                                              monkeypatch):
    from nndesk.gui.terms import choice_label

    w = window_in
    path = tmp_path / "design.json"
    path.write_text(json.dumps(DESIGN))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    w.files.open_design_dialog()
    for index, name in ((0, "auto"), (2, "he"), (4, "xavier")):  # from the file
        assert _init_box(w, index).currentText() == choice_label(name), (index, name)
    # the training panel: the file's "ADAM" is the list's one "Adam" item, selected
    box = w.train_panel.optimizer
    assert box.currentText() == "Adam" and [box.itemText(i) for i in range(box.count())].count(
        "Adam") == 1
    assert w.train_panel.schedule.currentText() == choice_label("cosine")
    for typed, name in (("auto", "auto"), ("HE", "he"), (" Xavier ", "xavier"),
                        (choice_label("auto"), "auto")):  # a name in any case, or the label
        box = _init_box(w, 2)
        box.setFocus()
        box.lineEdit().selectAll()
        box.lineEdit().del_()
        if typed.isascii():
            qtbot.keyClicks(box.lineEdit(), typed)
        else:  # an input method's commit (QTest types Latin-1 keys only)
            box.lineEdit().insert(typed)
        qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)
        assert w.state.spec["layers"][2].get("init", "auto") == name, typed
        assert w.state.spec_error is None, typed
        assert box.currentText() == choice_label(name), (typed, box.currentText())
        assert _init_box(w, 2).currentText() == choice_label(name), typed  # chosen again
    box = _init_box(w, 2)  # a number stays as typed; a name the engine refuses too
    box.lineEdit().selectAll()
    box.lineEdit().del_()
    qtbot.keyClicks(box.lineEdit(), "0.05")
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)
    assert w.state.spec["layers"][2]["init"] == 0.05 and box.currentText() == "0.05"


def test_the_models_information_names_its_choices_in_the_windows_language(window_in,
                                                                          monkeypatch):
    from nndesk.gui.terms import choice_label, design_name
    from nndesk.nn import Network

    w, code = window_in, i18n.language()
    spec = {k: v for k, v in DESIGN.items() if k != "training"}
    w.state.set_model(Network.from_spec(spec), path=None, metadata={
        "config": {"optimizer": "ADAM", "schedule": "cosine", "augment": True}})
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: shown.append(text))
    w.files.show_model_info()
    text = shown[-1]
    assert design_name("custom") in text and "Adam" in text, text
    assert choice_label("cosine") in text, text
    assert code == "en" or ("custom" not in text and "cosine" not in text), text
