"""The window as a new user meets it: shortcuts where the focus is, the preset box, the View
menu, spin boxes, a layout that does not jump, progress wording, the dialogs."""

from __future__ import annotations

import json

import pytest
from gui_helpers import TINY_SPEC, digit_strokes
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QMessageBox, QSpinBox
from test_canvas import draw

from nndesk.gui.train_panel import format_eta


def _layer_types(w) -> list[str]:
    return [layer["type"] for layer in w.state.spec["layers"]]


def test_delete_acts_where_the_focus_is(window, qtbot):
    """Draw, click a layer row, press Delete: the layer goes, the drawing stays. On the
    canvas, Delete clears the drawing and leaves the layers."""
    w = window
    draw(qtbot, w.digit.canvas, digit_strokes("7"))
    qtbot.waitUntil(lambda: w.state.digit is not None)  # the drawing reached the network
    table = w.designer.table
    rect = table.visualRect(table.model().index(1, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert w.designer.selected() == 1 and table.hasFocus()
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert _layer_types(w) == ["Conv2D", "MaxPool2D", "Dense"]  # the ReLU went
    assert len(w.digit.canvas.strokes) == 1  # the drawing stayed
    draw(qtbot, w.digit.canvas, digit_strokes("1"))  # drawing puts the focus on the canvas
    qtbot.keyClick(w.digit.canvas, Qt.Key.Key_Delete)
    assert w.digit.canvas.strokes == [] and _layer_types(w) == ["Conv2D", "MaxPool2D", "Dense"]


def test_view_menu_hides_and_shows_the_docks(window, qtbot):
    docks = {d.objectName(): d for d in window.findChildren(QDockWidget)}
    assert {"Network_designer", "Draw_a_digit", "Preprocessing_steps", "Evaluation",
            "Why_this_answer", "Layer_health", "Gradient_check"} == set(docks)
    assert docks["Network_designer"].isVisible() and docks["Draw_a_digit"].isVisible()
    for dock in docks.values():
        action = dock.toggleViewAction()
        shown = dock.isVisible()
        assert action.isEnabled() and action.isChecked() == shown  # ticked as shown, usable
        action.trigger()
        assert dock.isVisible() != shown and action.isChecked() != shown
        action.trigger()
        assert dock.isVisible() == shown


def test_preset_box_follows_opened_designs(window, qtbot, tmp_path, monkeypatch):
    """After Open design the box names the preset only if the design is that preset; choosing
    the preset's name again loads it."""
    from PySide6.QtWidgets import QFileDialog

    from nndesk.presets import load_preset

    w = window
    w.designer.preset.setCurrentText("SimpleConvNet")
    assert w.designer.preset.currentText() == "SimpleConvNet"
    path = tmp_path / "tiny.json"
    path.write_text(json.dumps(dict(TINY_SPEC, name="SimpleConvNet")))  # name kept, other layers
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    w.files.open_design_dialog()
    assert w.state.spec["layers"] == TINY_SPEC["layers"]
    assert w.designer.preset.currentText() == "(custom)"
    index = w.designer.preset.findText("SimpleConvNet")
    w.designer.preset.setCurrentIndex(index)  # what choosing it in the list does
    w.designer.preset.activated.emit(index)
    assert w.state.spec == load_preset("SimpleConvNet")


def test_a_model_trained_from_a_preset_names_it(window, qtbot, tmp_path):
    from nndesk.nn import Network
    from nndesk.presets import load_preset
    from nndesk.train import save_model

    path = tmp_path / "two.npz"
    save_model(path, Network.from_spec(load_preset("TwoLayerNet")))  # full spec, defaults in
    assert window.files.load_model(str(path))
    assert window.designer.preset.currentText() == "TwoLayerNet"


def test_an_edited_design_is_saved_without_the_presets_name(window, qtbot, tmp_path,
                                                             monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    w = window
    w.designer.preset.setCurrentText("SimpleConvNet")
    assert w.state.spec["name"] == "SimpleConvNet"
    w.designer.select(0)
    w.designer.remove_layer()
    w.designer.add_layer("Dropout")
    out = tmp_path / "mine"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    w.files.save_design_dialog()
    saved = json.loads((tmp_path / "mine.json").read_text())  # the extension added
    assert saved["name"] == "custom" and "description" not in saved
    assert [layer["type"] for layer in saved["layers"]] == _layer_types(w)


def test_typing_a_number_past_the_range_is_kept_and_explained(window, qtbot):
    """40 typed into kernel_size stays 40 (not 4), and the designer says why it cannot work."""
    w = window
    w.designer.select(0)
    spin = w.designer.settings_box.findChild(QSpinBox, "setting_kernel_size")
    spin.selectAll()
    qtbot.keyClicks(spin, "40")
    assert spin.value() == 40 and w.state.spec["layers"][0]["kernel_size"] == 40
    assert w.state.spec_error is not None and w.state.spec_error.index == 0
    assert "kernel size must be at most" in w.designer.problem.text()
    assert not w.train_panel.train_button.isEnabled()


def test_an_error_does_not_move_the_designers_buttons(window, qtbot):
    w = window
    w.designer.select(0)
    qtbot.waitUntil(lambda: w.designer.up_button.isVisible())

    def where() -> tuple:
        return tuple((b.mapTo(w, b.rect().topLeft()).toTuple(), b.height())
                     for b in (w.designer.up_button, w.designer.remove_button,
                               w.designer.settings_box))

    before, height = where(), w.designer.summary.height()
    spin = w.designer.settings_box.findChild(QSpinBox, "setting_kernel_size")
    spin.setValue(30)  # a long, wrapping error message
    assert w.designer.problem.text()
    qtbot.waitUntil(lambda: where() == before, timeout=2000)  # the layout settled...
    assert w.designer.summary.height() == height  # ...with the message in the total's place


def test_choosing_another_layer_does_not_move_the_list_or_its_buttons(window, qtbot):
    from nndesk.gui.designer import MAX_SETTINGS
    from nndesk.nn import LAYERS

    w = window
    assert max(len(cls.SETTINGS) for cls in LAYERS.values()) == MAX_SETTINGS
    w.designer.preset.setCurrentText("SimpleConvNet")
    places = []
    for row in (0, 1, 2, 0):  # Conv2D (5 settings), ReLU (a kind box), MaxPool2D, Conv2D
        w.designer.select(row)
        QApplication.processEvents()  # let the layout settle
        places.append((w.designer.up_button.mapTo(w, w.designer.up_button.rect().topLeft()),
                       w.designer.table.height()))
    assert all(p == places[0] for p in places), places


def test_progress_names_epoch_and_batch_and_the_share_of_the_run(qtbot):
    """The worker's fraction counts whole epochs done plus batches of this one; the bar's text
    says where the run is, the line below how much of it is done."""
    from nndesk.gui.state import AppState
    from nndesk.gui.train_panel import TrainPanel
    from nndesk.gui.worker import TrainWorker

    worker = TrainWorker(TINY_SPEC, {"epochs": 4, "batch_size": 100})
    worker._batches = 120  # what the trainer reports at start: 12,000 images / 100
    info = worker._progress(epoch=2, batch=30, images_per_s=1000.0)
    assert info["fraction"] == (120 + 30) / 480  # one epoch done + 30 batches: 31.25%
    assert info["eta_s"] == (480 - 150) * 100 / 1000.0  # 33,000 images at 1,000 a second
    panel = TrainPanel(AppState())
    qtbot.addWidget(panel)
    panel.show_progress(info)
    assert panel.progress.format() == "epoch 2/4 · batch 30/120"
    assert panel.progress.value() == 312
    assert panel.status.text() == "31% of the run · 1,000 images/s · 0:33 left"
    panel.show_evaluating()
    assert panel.progress.format() == "evaluating the test set…"
    assert "Evaluating the test set" in panel.status.text()


@pytest.mark.parametrize(("seconds", "text"), [
    (None, "—"), (float("nan"), "—"), (-1, "—"), (0, "0:00"), (59.4, "0:59"), (59.6, "1:00"),
    (65, "1:05"), (3599, "59:59"), (3600, "1:00:00"), (3725, "1:02:05")])
def test_format_eta(seconds, text):
    assert format_eta(seconds) == text


def test_finish_text_counts_epochs_in_words():
    from nndesk.gui.run_watch import finish_text

    assert finish_text({"stopped": "finished", "metadata": {"epochs": 1}}) == "Finished 1 epoch"
    assert finish_text({"stopped": "finished", "metadata": {"epochs": 3}}) == "Finished 3 epochs"
    assert finish_text({"stopped": "stopped", "message": "stopped in epoch 2"}) == (
        "stopped in epoch 2")


def _capture_information(monkeypatch) -> list:
    shown: list = []
    monkeypatch.setattr(QMessageBox, "information",
                        lambda parent, title, text, *a: shown.append((title, text)))
    return shown


def test_model_info_dialog(window, qtbot, tmp_path, monkeypatch):
    from nndesk.nn import Network
    from nndesk.train import save_model

    shown = _capture_information(monkeypatch)
    window.files.show_model_info()
    assert shown[-1] == ("Model", "No model yet — train one or open a model file.")
    path = tmp_path / "m.npz"
    save_model(path, Network.from_spec(TINY_SPEC, seed=2), {
        "accuracy": 0.9876, "val_accuracy": 0.97, "epochs": 4, "best_epoch": 3,
        "config": {"optimizer": "sgd", "lr": 0.1}, "command": "nndesk train x"})
    assert window.files.load_model(str(path))
    window.files.show_model_info()
    text = shown[-1][1]
    for part in (f"File: {path}", "Network: TinyConv, 4 layers, 5,874 parameters",  # 104+5770
                 "Test accuracy: 98.76%", "Validation accuracy: 97.00%", "Epochs: 4 (best: 3)",
                 "Settings: optimizer SGD, learning rate 0.1",  # as the training panel says
                 "Command: nndesk train x"):
        assert part in text, part


def test_open_model_dialog_uses_the_chosen_file_and_remembers_its_folder(
        window, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from nndesk.nn import Network
    from nndesk.train import save_model

    path = tmp_path / "models" / "a.npz"
    path.parent.mkdir()
    save_model(path, Network.from_spec(TINY_SPEC, seed=4))
    asked = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda parent, title, folder, kinds: asked.append(folder) or (str(path),
                                                                                      ""))
    window.files.open_model_dialog()
    assert window.state.model_path == str(path) and "a.npz" in window.digit.model_label.text()
    window.files.open_model_dialog()
    assert asked[-1] == str(path.parent)


def test_a_text_file_opened_as_a_model_says_what_it_is(window, qtbot, tmp_path, dialogs):
    readme = tmp_path / "README.md"
    readme.write_text("# notes\n\n" + "Some words about the project, as a README has.\n" * 20)
    assert not window.files.load_model(str(readme))
    title, text = dialogs[-1]
    assert title == "Cannot open this model"
    assert "README.md" in text and text.count("README.md") == 1  # named once, not twice
    problem, advice = text.split("\n\n")                      # what is wrong, what to do
    assert "a text file (Markdown), not an nndesk model file" in problem
    assert "Save model as…" in advice and text.count(".npz") == 1  # the advice once (QA)
    assert window.state.network is None
    damaged = tmp_path / "cut.npz"                               # no advice from the reader:
    damaged.write_bytes(b"PK\x03\x04" + b"\x00" * 40)            # the window's, once
    assert not window.files.load_model(str(damaged))
    text = dialogs[-1][1]
    assert text.count("cut.npz") == 1 and "damaged or truncated" in text
    assert text.count("Open a .npz file saved by nndesk") == 1 and text.count(".npz file") == 1


@pytest.mark.parametrize(("name", "data", "said"), [
    ("digit.png", b"\x89PNG\r\n\x1a\n" + bytes(64), "Canvas ▸ Open image…"),
    ("net.json", b'{"name": "x", "layers": []}' + b" " * 64, "File ▸ Open design…")])
def test_an_image_or_a_design_opened_as_a_model_is_pointed_to_the_windows_own_menu(
        window, tmp_path, dialogs, name, data, said):
    """QA: the advice named the command line (`nndesk predict IMAGE`, `nndesk train --spec`)
    where the window has a menu item for it."""
    path = tmp_path / name
    path.write_bytes(data)
    assert not window.files.load_model(str(path))
    problem, advice = dialogs[-1][1].split("\n\n")
    assert name in problem and said in advice and "nndesk predict" not in advice
    assert "--spec" not in advice


def test_a_file_that_is_not_a_model_is_explained_once_in_chinese(window, tmp_path, dialogs):
    from nndesk.gui import i18n

    i18n.set_language("zh_CN")
    readme = tmp_path / "README.md"
    readme.write_text("# notes\n\n" + "Some words about the project, as a README has.\n" * 5)
    assert not window.files.load_model(str(readme))
    problem, advice = dialogs[-1][1].split("\n\n")
    assert problem.endswith("不是 nndesk 的模型文件") and problem.count("README.md") == 1
    assert "模型另存为" in advice and dialogs[-1][1].count(".npz") == 1
