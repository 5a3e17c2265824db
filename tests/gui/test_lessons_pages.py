"""Lesson pages driven as a learner would: edit, click, read the table and the plot items."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from nndesk.gui.lessons.panel import LESSONS, LessonsPanel


@pytest.fixture
def panel(qtbot):
    p = LessonsPanel()
    qtbot.addWidget(p)
    p.resize(1000, 650)
    return p


def _column(table, c):
    return [table.item(r, c).text() for r in range(table.rowCount())]


def test_perceptron_page_follows_the_weights_and_finds_them(panel, qtbot):
    page = panel.show_lesson("perceptron")
    assert _column(page.table, 3) == ["0", "0", "0", "1"]     # AND with the book's weights
    page.sliders[2].field.setValue(-0.2)                       # b = -0.2: now it is OR
    assert _column(page.table, 3) == ["0", "1", "1", "1"]
    assert page.status.text().startswith("2 of 4")               # AND is still the target
    xs, ys = page.lines[0].getData()
    assert np.allclose(0.5 * xs + 0.5 * ys - 0.2, 0)           # the line is w.x + b = 0
    page.gate.setCurrentIndex(page.gate.findData("NAND"))
    assert page.weights() == (-0.5, -0.5, 0.7)
    page.set_weights(0.0, 0.0, 0.0)
    qtbot.mouseClick(page.find_button, Qt.MouseButton.LeftButton)
    assert _column(page.table, 3) == ["1", "1", "1", "0"] and "epochs" in page.status.text()


def test_xor_is_not_found_then_built_from_two_lines(panel, qtbot):
    page = panel.show_lesson("perceptron")
    page.gate.setCurrentIndex(page.gate.findData("XOR"))
    qtbot.mouseClick(page.find_button, Qt.MouseButton.LeftButton)
    assert "no single line" in page.status.text()
    red = sum(y != t for y, t in zip(_column(page.table, 3), _column(page.table, 4), strict=True))
    assert 0 < red < 4 and f"gets {red} of 4 rows wrong" in page.status.text()  # as the table
    assert page.xor_button.isVisibleTo(page)
    qtbot.mouseClick(page.xor_button, Qt.MouseButton.LeftButton)
    assert _column(page.table, 4) == ["0", "1", "1", "0"]
    assert all(len(line.getData()[0]) == 2 for line in page.lines)
    # QA: the w1/w2/b sliders stayed active with values unrelated to the two layers
    assert not any(s.isEnabled() for s in page.sliders)
    assert "NAND -0.5, -0.5, 0.7; OR 0.5, 0.5, -0.2; AND 0.5, 0.5, -0.7" in page.status.text()
    qtbot.mouseClick(page.find_button, Qt.MouseButton.LeftButton)   # one perceptron again
    assert all(s.isEnabled() for s in page.sliders)


def test_every_lesson_page_builds_and_names_its_chapter(panel):
    from PySide6.QtWidgets import QLabel

    for key in LESSONS:
        page = panel.show_lesson(key)
        assert panel.stack.currentWidget().widget() is page
        assert panel.chapters.currentRow() == list(LESSONS).index(key)
        source = page.findChild(QLabel, "lesson_source").text()  # the header
        assert source.startswith("Ch. ") or source.startswith("Nielsen"), key
        assert "fig" in source or "eq." in source or "ch. 3" in source, key
        assert page.findChild(QLabel, "lesson_title").text(), key


def test_lessons_menu_opens_the_dock_on_the_chosen_page(window, qtbot):
    from PySide6.QtWidgets import QDockWidget

    action = window.findChild(type(window.menuBar().actions()[0]), "lesson_perceptron")
    action.trigger()
    dock = window.findChild(QDockWidget, "Lessons")
    assert dock.isVisible()
    assert dock.widget().stack.currentWidget().widget() is dock.widget().pages["perceptron"]
    window.findChild(type(action), "lesson_optimizers").trigger()   # the widest page
    qtbot.wait(50)
    assert window.width() <= 1400                                  # it scrolls instead


def test_activations_page_curves_softmax_and_shapes(panel):
    page = panel.show_lesson("activations")
    page.checks["tanh"].setChecked(True)
    x, y = page.curves["tanh"].getData()
    assert np.allclose(y, np.tanh(x))
    x, dy = page.slopes["tanh"].getData()
    assert np.allclose(dy, 1 - np.tanh(x) ** 2)
    page.checks["tanh"].setChecked(False)
    assert page.curves["tanh"].getData()[0] is None or len(page.curves["tanh"].getData()[0]) == 0
    page.set_vector_text("1010, 1000, 990")                    # the book's 3.5.2 example
    table = page.softmax_table
    assert _column(table, 1) == ["inf"] * 3 and _column(table, 2) == ["nan"] * 3
    assert _column(table, 5) == ["0.999955", "4.53979e-05", "2.06106e-09"]
    assert "overflows" in page.softmax_note.text()
    page.set_vector_text("0.3, 2.9, 4.0")
    assert _column(table, 2) == _column(table, 5) == ["0.0182113", "0.245192", "0.736597"]
    assert np.allclose(page.bars.opts["height"], [0.01821127, 0.24519181, 0.73659691])
    text = page.forward_text.toPlainText()
    assert "W1 (2, 3)" in text and "0.31682708 0.69627909" in text
    page.network_choice.setCurrentIndex(1)
    page.batch.setValue(100)
    text = page.forward_text.toPlainText()
    assert "X (100, 784)" in text
    assert "A1 (100, 50) = X (100, 784) · W1 (784, 50) + b1 (50,)" in text
    assert "A3 (100, 10)" in text


def test_forward_tab_ends_each_network_with_the_books_output_function(panel):
    """QA: "MNIST: 784-50-100-10 (3.6)" showed Y = identity(A3); the book's 3.6 predict()
    ends with softmax. The formula and the values shown follow each network's own."""
    import re

    page = panel.show_lesson("activations")
    page.network_choice.setCurrentIndex(page.network_choice.findData("mnist"))
    text = page.forward_text.toPlainText()
    assert "Y = softmax(A3) (10,)" in text and "identity(" not in text
    found = re.search(r"A3 = \[([^\]]+)\] → Y = \[([^\]]+)\]", text)
    a3, y = (np.array(part.split(), dtype=float) for part in found.groups())
    assert len(a3) == len(y) == 10 and y.sum() == pytest.approx(1, abs=1e-3)
    assert np.allclose(y, np.exp(a3) / np.exp(a3).sum(), atol=2e-4)   # shown to 4 digits
    page.batch.setValue(2)
    assert "Y = softmax(A3) (2, 10)" in page.forward_text.toPlainText()
    page.network_choice.setCurrentIndex(page.network_choice.findData("book"))
    page.batch.setValue(0)
    text = page.forward_text.toPlainText()
    assert "Y = identity(A3) (2,)" in text and "→ Y = [0.31682708 0.69627909]" in text


def test_learning_page_losses_derivative_and_descent(panel):
    page = panel.show_lesson("learning")
    assert "0.0975" in page.loss_text.text() and "0.5108" in page.loss_text.text()
    page.set_output("0.1, 0.05, 0.1, 0.0, 0.05, 0.1, 0.0, 0.6, 0.0, 0.0", 2)  # 0.6 on "7"
    assert "0.5975" in page.loss_text.text() and "2.3026" in page.loss_text.text()
    page.set_output("0.5, 0.5", 0)
    assert "10 numbers" in page.loss_text.text()
    h, err = page.h_curves["central"].getData()
    assert len(h) == 50 and 10 ** err[-1] == pytest.approx(0.2)  # h = 1e-50 (log axes)
    page.set_start(-3.0, 4.0)                                   # the book's init_x
    for box, lr in zip(page.lrs, (0.1, 10.0, 1e-4), strict=True):
        box.setValue(lr)
    page.steps.setValue(100)
    good = np.column_stack(page.paths[0].getData())
    assert good.shape == (101, 2) and np.abs(good[-1]).max() < 1e-8
    assert len(page.paths[1].getData()[0]) < 10                # lr 10 leaves the plot at once
    small = np.column_stack(page.paths[2].getData())
    assert np.hypot(*(small[-1] - [-3.0, 4.0])) < 0.2          # lr 1e-4 hardly moves


def test_optimizers_page_redraws_each_path_from_its_settings(panel):
    page = panel.show_lesson("optimizers")
    x, y = page.paths["SGD"].getData()
    assert len(x) == 31 and (x[0], y[0]) == (-7.0, 2.0)
    assert np.allclose(y[:4], [2.0, -1.8, 1.62, -1.458])         # y <- -0.9 y: the zigzag
    page.steps.setValue(300)
    for name in page.paths:
        x, y = page.paths[name].getData()
        assert np.hypot(x[-1], y[-1]) < 0.05, name                # every one reaches (0, 0)
    page.fields["Adam"]["lr"].setValue(0.05)
    x, _ = page.paths["Adam"].getData()
    assert x[1] == pytest.approx(-7.0 + 0.05)                     # Adam's first step is lr
    page.fields["SGD"]["lr"].setValue(1.2)                        # |1 - 2.4| > 1: diverges
    assert "diverged" in page.finals["SGD"].text() or "e+" in page.finals["SGD"].text()
    page.reset()
    assert page.fields["SGD"]["lr"].value() == 0.95 and page.steps.value() == 30


def test_init_page_histograms_follow_the_choice(panel):
    page = panel.show_lesson("init")
    page.choose("sigmoid", 0.01)                                   # fig. 6-11
    x, counts = page.bars[4].getData()
    centre = counts[(x[:-1] >= 0.4) & (x[1:] <= 0.6)].sum()          # x: the bin edges
    assert counts.sum() == 100_000 and centre == 100_000
    assert "6-11" in page.note.text()
    page.choose("ReLU", "he")
    assert "6-14" in page.note.text()
    page.init.setCurrentIndex(page.init.findData("custom"))
    assert page.std.isEnabled()
    page.std.setValue(2.0)
    assert "mean per layer" in page.stats.text() and "Compare" in page.note.text()


def test_graph_page_values_gradients_and_gradcheck(qtbot):
    from nndesk.gui.state import AppState

    state = AppState()
    panel = LessonsPanel(state)
    qtbot.addWidget(panel)
    page = panel.show_lesson("graph")
    from nndesk.insight.gradients import TOLERANCE

    assert "(below 1e-6)" in page.check_text.text() and TOLERANCE == 1e-6  # the table's bar
    texts = {k: (v.text(), g.text()) for k, (v, g, _, _) in page.labels.items()}
    assert texts["price"] == ("715", "1") and texts["tax"] == ("1.1", "650")
    assert texts["apple"] == ("100", "2.2") and texts["orange_num"] == ("3", "165")
    page.fields["apple_num"].setValue(3)                       # (300 + 450) * 1.1
    assert page.labels["price"][0].text() == "825" and page.labels["tax"][1].text() == "750"
    state.set_spec({"name": "tiny", "input_shape": [1, 6, 6], "layers": [
        {"type": "Conv2D", "filters": 2, "kernel_size": 3}, {"type": "ReLU"},
        {"type": "Dense", "units": 10}]})
    page.run_gradcheck()
    qtbot.waitUntil(lambda: page.check_button.isEnabled(), timeout=20_000)
    assert "backprop is right" in page.check_text.text() and "layer 1 W" in page.check_text.text()


def test_conv_page_im2col_selection_edits_and_filters(qtbot):
    from gui_helpers import default_model

    from nndesk.gui.state import AppState
    from nndesk.train import load_model

    state = AppState()
    panel = LessonsPanel(state)
    qtbot.addWidget(panel)
    page = panel.show_lesson("conv")
    values = [[float(page.out_table.item(r, c).text()) for c in range(2)] for r in range(2)]
    assert values == [[15, 16], [6, 15]]                          # fig. 7-3
    assert "= 2" in page.formula.text()
    page.p.setValue(1)
    page.s.setValue(2)
    assert "not a whole number" in page.formula.text() and page.out_table.rowCount() == 2
    page.out_table.setCurrentCell(1, 0)                           # window at padded (2, 0)
    lit = {(r, c) for r in range(6) for c in range(6)
           if page.x_table.item(r, c).background().color() != QColor("white")}
    assert lit == {(r, c) for r in (2, 3, 4) for c in (0, 1, 2)}
    page.x_table.item(3, 1).setText("13")                         # x[2, 0]: 3 -> 13
    assert page.x[2, 0] == 13 and page.out_table.item(1, 0).text() == "20"  # W[1, 1] = 1
    state.set_spec({"name": "c", "input_shape": [1, 28, 28], "layers": [
        {"type": "Conv2D", "filters": 4, "kernel_size": 5, "pad": 2}, {"type": "ReLU"},
        {"type": "Conv2D", "filters": 2, "kernel_size": 3, "stride": 2}, {"type": "Dense",
                                                                          "units": 10}]})
    assert "(28 + 2·2 − 5) / 1 + 1 = 28; the designer infers 4×28×28" in page.design_text.text()
    assert "(28 + 2·0 − 3) / 2 + 1 = 13; the designer infers 2×13×13" in page.design_text.text()
    page.tabs.setCurrentIndex(1)
    assert page.hand_output.shape == (28, 28) and page.learned_output is None
    model = load_model(default_model())
    state.set_model(model.network, path=str(default_model()), metadata=model.metadata)
    assert page.learned_output is not None and page.learned_output.shape == (28, 28)
    assert "filter #1 of" in page.filter_note.text()


def test_nielsen_page_slowdown_and_universality(panel):
    page = panel.show_lesson("nielsen")
    # Nielsen's demo: η 0.15 for the quadratic cost, 0.005 for cross-entropy (QA: both 0.15)
    assert (page.start["quadratic"].value(), page.start["cross_entropy"].value()) == (
        0.15, 0.005)
    assert "0.005" in page.slow_note.text() and "imperfect" in page.slow_note.text()
    _, quad = page.out_curves["quadratic"].getData()
    assert quad[50] > 0.97 and len(quad) == 301
    # the shape Nielsen points at: cross-entropy learns fastest while badly wrong (the cost's
    # first drops are its largest), the quadratic cost slowest (its drops grow)
    ce_drop = -np.diff(page.cost_curves["cross_entropy"].getData()[1])
    quad_drop = -np.diff(page.cost_curves["quadratic"].getData()[1])
    assert ce_drop[0] > ce_drop[100] > ce_drop[200]
    assert quad_drop[0] < quad_drop[100] < quad_drop[200]
    page.start["cross_entropy"].setValue(0.15)                     # the same rate as quadratic
    assert page.out_curves["cross_entropy"].getData()[1][50] < 0.15
    page.start["quadratic"].setValue(2.0)                          # a larger rate: faster
    assert page.out_curves["quadratic"].getData()[1][50] < quad[50]
    page.tabs.setCurrentIndex(1)
    page.bumps.setValue(4)
    assert len(page.lines) == 3
    coarse = np.abs(page.approx - page.target).mean()
    page.bumps.setValue(40)
    assert np.abs(page.approx - page.target).mean() < coarse
    page.draw_box.drawn.emit(np.array([[0.2, 1.0], [0.4, 1.0]]))    # a plateau drawn at 1.0
    x, y = page.target_curve.getData()
    assert np.allclose(y[(x >= 0.2) & (x <= 0.4)], 1.0)
    page.bumps.setValue(2)
    page.lines[0].setValue(0.3)
    assert np.allclose(page.edges(), [0.0, 0.3, 1.0])
    assert page.approx[100] == pytest.approx(np.interp(0.15, x, y), abs=1e-3)   # x = 0.2


def test_experiments_page_runs_in_the_background_draws_and_stops(qtbot, small_data):
    from nndesk.gui.state import AppState

    state = AppState()
    panel = LessonsPanel(state)
    qtbot.addWidget(panel)
    page = panel.show_lesson("experiments")
    page.choice.setCurrentIndex(page.choice.findData("overfit"))
    assert "fig. 6-20" in page.book.text() and page.epochs.value() == 200
    page.epochs.setValue(3)
    page.images.setValue(100)
    page.start(small_data)
    assert not page.run_button.isEnabled() and page.stop_button.isEnabled()
    qtbot.waitUntil(lambda: not page.running and page.status.text() == "Finished.",
                    timeout=60_000)
    assert page.progress.value() == 100
    xs, ys = page.curves["L1 0.005/test_acc"].getData()
    assert list(xs) == [0, 1, 2, 3] and all(0 <= y <= 100 for y in ys)  # %, as the results
    assert len(page.curves) == 8 and "Dropout 0.2: " in page.ours.text()
    # the reader's words, not the recorder's keys ("dropout 0.2/test_acc", "test_acc 0.973")
    names = [item.name() for item in page.curves.values()]
    assert "L1 0.005 · test accuracy" in names and not any("/" in n for n in names)
    assert "test accuracy " in page.ours.text() and "%" in page.ours.text()
    assert "_acc" not in page.ours.text() and "final_loss" not in page.ours.text()

    page.choice.setCurrentIndex(page.choice.findData("hyperparams"))
    assert page.best_button.isVisibleTo(page) and not page.best_button.isEnabled()
    page.epochs.setValue(1)
    page.images.setValue(100)
    page.start(small_data)
    qtbot.waitUntil(lambda: len(page.finals) >= 2, timeout=60_000)
    page.stop()
    qtbot.waitUntil(lambda: not page.running, timeout=60_000)
    assert page.status.text() == "Stopped." and 2 <= len(page.finals) < 30
    assert page.run_button.isEnabled() and page.best_button.isEnabled()
    assert len(page.scatter.data) == len(page.finals)
    best = page.best_run()
    page.best_button.click()
    assert state.config["lr"] == float(f"{best.lr:.3g}")          # as a person writes it
    assert state.config["weight_decay"] == float(f"{best.weight_decay:.3g}")


def test_the_run_button_starts_an_experiment_on_mnist(qtbot, monkeypatch):
    """Run is clicked(bool): the page must not take that bool for the data to train on."""
    panel = LessonsPanel()
    qtbot.addWidget(panel)
    page = panel.show_lesson("experiments")
    asked = []
    monkeypatch.setattr(page, "start", lambda splits=None: asked.append(splits))
    page.run_button.click()
    assert asked == [None]  # None: load MNIST in the worker thread


@pytest.mark.parametrize("lang", ["en", "zh_CN", "ja"])
def test_cross_entropy_names_the_books_delta(qtbot, lang):
    """QA: y all zeros showed '−log 0 = 16.1181': the value is −log(0 + 1e-7), the book's
    delta (ch. 4.2.2, cross_entropy_error). The formula shows δ, and y_k = 0 says why, in
    the reader's language."""
    from nndesk.gui import i18n

    i18n.set_language(lang)
    panel = LessonsPanel()
    qtbot.addWidget(panel)
    page = panel.show_lesson("learning")
    page.set_output("0, 0, 0, 0, 0, 0, 0, 0, 0, 0", 3)
    text = page.loss_text.text()
    assert "−log(0 + 1e-7) = 16.1181" in text and "−log 0 =" not in text
    note = i18n.tr("y_k is 0 and log 0 is −∞: the book's cross_entropy_error adds a tiny "
                   "δ = 1e-7 so the error stays a number (ch. 4.2.2), here −log(1e-7) ≈ 16.12.")
    assert text.endswith(note) and "4.2.2" in note
    if lang != "en":
        assert "log 0 is" not in note  # translated
    page.set_output("0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0", 2)
    text = page.loss_text.text()
    assert "−log(0.6 + 1e-7) = 0.5108" in text and "4.2.2" not in text  # no note: y_k > 0


@pytest.mark.parametrize("lang", ["en", "zh_CN", "ja"])
def test_experiments_accuracy_axis_is_in_percent_and_sizes_clamp_visibly(qtbot, lang):
    """QA: the accuracy axis was 0-1 while the results line said %; 0 typed into the
    training images (50..55,000) silently became 55000 again. The axis and its curves are
    in % like the results; a number typed outside a box's range becomes the nearest bound,
    shown."""
    from nndesk.gui import i18n

    i18n.set_language(lang)
    panel = LessonsPanel()
    qtbot.addWidget(panel)
    panel.resize(1280, 720)
    panel.show()
    qtbot.waitExposed(panel)
    page = panel.show_lesson("experiments")
    page.choice.setCurrentIndex(page.choice.findData("overfit"))
    axis = page.curve_plot.getAxis("left")
    assert axis.labelText == i18n.tr("accuracy %") and "%" in axis.labelText

    class Job:  # the thread's messages: a test accuracy of 0.973 after epoch 1
        total, fraction, stopped, unit = 1, 1.0, False, "epoch"

        def messages(self):
            return [("value", ("dropout 0.2", "test_acc", 1, 0.973))]

    page._job = Job()
    page._drain()
    xs, ys = page.curves["dropout 0.2/test_acc"].getData()
    assert list(ys) == pytest.approx([97.3])

    for box, typed, low in ((page.images, "0", 50), (page.epochs, "0", 1)):
        box.setValue(box.maximum())
        box.setFocus()
        box.lineEdit().selectAll()
        qtbot.keyClicks(box.lineEdit(), typed)
        qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)
        assert box.value() == low and box.text() == str(low), (box.text(), low)
    page.images.lineEdit().selectAll()
    qtbot.keyClicks(page.images.lineEdit(), "99999")
    qtbot.keyClick(page.images.lineEdit(), Qt.Key.Key_Return)
    assert page.images.value() == 55_000
