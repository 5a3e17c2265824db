"""Defects a new user's try-out found, each driven through the real window (issue 17)."""

from __future__ import annotations

import pytest
from gui_helpers import TINY_SPEC, default_model
from PySide6.QtWidgets import QMessageBox


@pytest.fixture
def trained_before(window, small_data, monkeypatch, tmp_path, questions):
    """The window with the shipped model on the canvas and a tiny design ready to train."""
    monkeypatch.setenv("NNDESK_HOME", str(tmp_path))  # this test's own runs folder
    assert window.files.load_model(str(default_model()))
    questions.clear()  # TinyConv was replaced (Discard): not the test's question
    window.state.set_spec(TINY_SPEC)
    window.training.data = small_data
    window.state.set_config(epochs=1, batch_size=50, lr=0.01, tensorboard=False)
    return window


def _train(w, qtbot) -> dict:
    with qtbot.waitSignal(w.training.finished, timeout=120_000) as done:
        w.train_panel.train_button.click()
    assert done.args[0]["stopped"] == "finished", done.args[0]["message"]
    return done.args[0]


@pytest.mark.parametrize("answer", [QMessageBox.StandardButton.No,
                                    QMessageBox.StandardButton.Yes])
def test_a_less_accurate_new_model_takes_the_canvas_only_when_the_user_says_so(
        trained_before, qtbot, questions, answer):
    w = trained_before
    shipped = w.state.network
    old = w.state.metadata["accuracy"]
    questions.answer = answer
    info = _train(w, qtbot)
    new = info["test"]["accuracy"]
    assert new < old  # one epoch on 600 images: below the shipped model
    assert [title for title, _ in questions] == ["Use the new model?"]
    text = questions[0][1]
    assert f"{100 * new:.2f}%" in text and f"{100 * old:.2f}%" in text  # both shown
    if answer == QMessageBox.StandardButton.No:
        assert w.state.network is shipped and w.state.model_path == str(default_model())
        assert "keeps the model it had" in w.train_panel.status.text()
    else:
        assert w.state.model_path == info["out"] and w.state.network is not shipped


def test_a_design_file_carries_no_tensorboard_setting(window, tmp_path, monkeypatch):
    """TensorBoard logging is the window's setting: Save design leaves it out, and a design
    file that has it (an older nndesk wrote it) does not switch it."""
    import json

    from PySide6.QtWidgets import QFileDialog

    w = window
    w.train_panel.tensorboard.click()
    assert w.state.config["tensorboard"] is True
    out = tmp_path / "mine.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    w.files.save_design_dialog()
    saved = json.loads(out.read_text(encoding="utf-8"))
    assert "tensorboard" not in saved["training"]
    assert saved["training"]["lr"] == w.state.config["lr"]  # the training settings are kept
    w.train_panel.tensorboard.click()
    assert w.state.config["tensorboard"] is False
    saved["training"]["tensorboard"] = True
    saved["training"]["epochs"] = 3
    out.write_text(json.dumps(saved), encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(out), ""))
    w.files.open_design_dialog()
    assert w.state.config["epochs"] == 3 and w.state.config["tensorboard"] is False
    assert not w.train_panel.tensorboard.isChecked()


def _lesson(window, key: str):
    """Open lesson `key` from the window's Lessons menu; returns its page."""
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QDockWidget

    window.findChild(QAction, f"lesson_{key}").trigger()
    return window.findChild(QDockWidget, "Lessons").widget().pages[key]


def test_the_ch5_gradient_check_numbers_layers_from_1_as_the_designer(window, qtbot):
    page = _lesson(window, "graph")
    page.check_button.click()
    qtbot.waitUntil(lambda: page.check_button.isEnabled(), timeout=60_000)
    text = page.check_text.text()
    # TinyConv: Conv2D is layer 1 and Dense layer 4, as the designer's list shows them
    assert "layer 1 W" in text and "layer 4 b" in text and "0.W" not in text
    assert window.designer.table.item(3, 1).text().startswith("Dense")


def test_the_ch7_learned_filters_are_numbered_from_1(window, qtbot):
    from nndesk.nn import Network

    net = Network.from_spec(TINY_SPEC, seed=0)  # 4 filters in its Conv2D
    window.state.set_model(net, path="tiny.npz", metadata={})
    page = _lesson(window, "conv")
    box = page.learned_index
    assert (box.minimum(), box.maximum(), box.value()) == (1, 4, 1)
    assert "filter #1 of" in page.filter_note.text()
    box.setValue(4)  # the last filter: index 3 of the engine's array
    first = net.state_dict()["0.W"][3, 0]
    assert page.image_items["learned"].image.tolist() == first.tolist()
    assert "filter #4 of" in page.filter_note.text()


def test_the_experiments_page_keeps_its_settings_when_reopened(window, qtbot):
    from nndesk.experiments import EXPERIMENTS
    from nndesk.gui.main_window import MainWindow

    page = _lesson(window, "experiments")
    page.choice.setCurrentIndex(page.choice.findData("overfit"))
    page.epochs.setValue(7)
    page.images.setValue(400)
    page.choice.setCurrentIndex(page.choice.findData("optimizers"))
    assert page.epochs.value() == EXPERIMENTS["optimizers"].epochs  # its own defaults
    page.choice.setCurrentIndex(page.choice.findData("overfit"))
    assert (page.epochs.value(), page.images.value()) == (7, 400)  # not reset
    window.close()
    again = MainWindow()  # the next start of nndesk
    qtbot.addWidget(again)
    page = _lesson(again, "experiments")
    assert page.choice.currentData() == "overfit"
    assert (page.epochs.value(), page.images.value()) == (7, 400)


def test_after_a_restart_the_canvas_model_and_the_preset_box_agree(window, qtbot, tmp_path):
    """The model on the canvas at close comes back at the next start, with its design: the
    preset box names the preset the loaded model is (not the shipped model's design)."""
    from nndesk.gui.app import finish_window
    from nndesk.gui.layer_schema import preset_of
    from nndesk.gui.main_window import MainWindow
    from nndesk.nn import Network
    from nndesk.presets import load_preset
    from nndesk.train import save_model

    path = tmp_path / "mine.npz"
    save_model(path, Network.from_spec(load_preset("TwoLayerNet")), {"accuracy": 0.9})
    assert window.files.load_model(str(path))
    assert window.designer.preset.currentText() == "TwoLayerNet"
    window.close()
    again = MainWindow()  # the next start of nndesk
    qtbot.addWidget(again)
    finish_window(again, None)
    assert again.state.model_path == str(path)
    assert preset_of(again.state.model_spec) == "TwoLayerNet"
    assert again.designer.preset.currentText() == "TwoLayerNet"
    assert "mine.npz" in again.digit.model_label.text()
    path.unlink()  # gone by the next start: the shipped model, and the box names its design
    again.close()
    third = MainWindow()
    qtbot.addWidget(third)
    finish_window(third, None)
    assert third.state.model_path == str(default_model())
    assert third.designer.preset.currentText() == (preset_of(third.state.spec) or "(custom)")


def test_pyqtgraphs_right_click_menus_speak_the_windows_language(window, qtbot):
    """After View ▸ Language ▸ 简体中文 the curves' right-click menu is Chinese, from nndesk's
    translations (pyqtgraph asks Qt's translators); back to English, English again."""
    import pyqtgraph as pg
    from PySide6.QtGui import QAction

    from nndesk.gui.i18n import translate_in

    def menu_texts() -> list[str]:
        plot = window.plots.findChildren(pg.PlotWidget)[0]
        item = plot.getPlotItem()
        menu = item.getViewBox().menu
        return [menu.viewAll.text(),
                *[a.menu().title() for a in menu.actions() if a.menu() is not None],
                menu.ctrl[0].manualRadio.text(), menu.ctrl[0].autoRadio.text(),
                item.ctrlMenu.title(), item.ctrlMenu.actions()[4].text(),
                plot.scene().contextMenu[0].text()]

    english = ["View All", "X axis", "Y axis", "Mouse Mode", "Manual", "Auto", "Plot Options",
               "Grid", "Export..."]
    assert menu_texts() == english
    window.findChild(QAction, "language_zh_CN").trigger()
    assert menu_texts() == ["显示全部", "X 轴", "Y 轴", "鼠标模式", "手动", "自动缩放",
                            "绘图选项", "网格", "导出…"]
    assert translate_in("zh_CN", "View All") == "显示全部"  # from nndesk's own .ts/.qm
    window.findChild(QAction, "language_en").trigger()
    assert menu_texts() == english


def test_bottom_views_open_as_tabs_tall_enough_to_use(window, qtbot):
    """Evaluation, Why this answer, Layer health and Gradient check on a 1400x900 window: each
    opened from View comes in front, as a tab of one bottom area, at least 40% of the window
    tall (they opened side by side, 84 px tall and 68 px wide for Evaluation)."""
    from PySide6.QtWidgets import QDockWidget

    names = ("Evaluation", "Why_this_answer", "Layer_health", "Gradient_check")
    docks = [window.findChild(QDockWidget, name) for name in names]
    for i, dock in enumerate(docks):
        dock.toggleViewAction().trigger()
        qtbot.waitUntil(lambda d=dock: d.isVisible() and not d.visibleRegion().isEmpty())
        qtbot.waitUntil(lambda d=dock: d.height() >= 0.4 * window.height())
        assert set(window.tabifiedDockWidgets(dock)) >= set(docks[:i])
        assert dock.width() >= 0.9 * window.width()
