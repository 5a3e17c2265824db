"""Texts that fit their place in every language (QA at 1280x720): the designer's reason for
an invalid design, the first layer's weights' title, each model's answer beside the preview,
the layer-health table's headers. A text either fits whole or is cut with "…" and whole in
its tooltip; nothing is cut at an edge without a sign."""

from __future__ import annotations

from itertools import pairwise
from types import SimpleNamespace

import numpy as np
import pytest

from nndesk.gui import i18n
from nndesk.gui.state import AppState

LANGS = ["en", "zh_CN", "ja"]


def _drawn(label) -> list[str]:
    """The lines a label draws: an eliding label's own, a plain label's whole text."""
    if hasattr(label, "shown_lines"):
        return label.shown_lines()
    if hasattr(label, "shown_text"):
        return [label.shown_text()]
    return label.text().split("\n")


def _fits(label) -> bool:
    """Every line drawn is within the label's width (a plain wrapped label: its height)."""
    if label.wordWrap() and not hasattr(label, "shown_lines"):
        return label.heightForWidth(label.width()) <= label.height()
    from PySide6.QtGui import QFontMetrics

    fm = QFontMetrics(label.fitted_font()) if hasattr(label, "fitted_font") else label.fontMetrics()
    width = label.contentsRect().width()
    return all(fm.horizontalAdvance(line) <= width for line in _drawn(label))


@pytest.mark.parametrize("code", LANGS)
def test_the_designers_reason_fits_or_is_cut_with_its_whole_text_behind_more(qtbot, code):
    """The output-size reason in a designer as wide as at 1280x720 (370 px): it took four
    lines in Japanese and the fourth was cut off by the three lines' height. The reason has
    the total's two lines (no blank band reserved for it); what does not fit ends with "…",
    and the whole text is in its tooltip and in the popup "more…" opens."""
    from PySide6.QtCore import Qt

    from nndesk.gui.designer import DesignerPanel

    i18n.set_language(code)
    state = AppState()
    panel = DesignerPanel(state)
    qtbot.addWidget(panel)
    state.set_spec({"name": "x", "input_shape": [1, 28, 28], "layers": [
        {"type": "Conv2D", "filters": 8, "kernel_size": 5}, {"type": "ReLU"},
        {"type": "Dense", "units": 5}]})
    panel.resize(370, 700)
    panel.show()
    qtbot.waitExposed(panel)
    problem, more = panel.problem, panel.summary.more
    assert "10" in problem.text()
    assert problem.heightForWidth(problem.width()) <= problem.height(), problem.text()
    assert _fits(problem)
    lines = _drawn(problem)
    whole = "".join(problem.text().split())
    if "".join("".join(lines).split()) == whole:
        assert not more.isVisible() and problem.toolTip() == ""
        return
    assert lines[-1].endswith("…") and problem.toolTip() == problem.text()
    assert more.isVisible()
    qtbot.mouseClick(more, Qt.MouseButton.LeftButton)
    popup = panel.summary.whole
    qtbot.waitUntil(popup.isVisible)
    assert panel.summary.whole_text.text() == problem.text()
    assert panel.summary.whole_text.heightForWidth(panel.summary.whole_text.width()) \
        <= panel.summary.whole_text.height()  # whole, not cut
    state.set_spec({"name": "x", "input_shape": [1, 28, 28], "layers": [
        {"type": "Dense", "units": 10}]})
    assert not popup.isVisible() and problem.text() == ""  # fixed: the popup goes too


@pytest.mark.parametrize("code", LANGS)
def test_the_first_layers_weights_title_is_whole(qtbot, code):
    """DigitNet's "Layer 1 Conv2D: 32 filters of 5×5" in the inside pane's left column at
    the 1280x720 window's centre width (500 px): Japanese was cut to "…のフィルタ…"."""
    from nndesk.gui.inside_panel import InsidePanel
    from nndesk.nn import Network

    i18n.set_language(code)
    state = AppState()
    panel = InsidePanel(state)
    qtbot.addWidget(panel)
    net = Network.from_spec({"name": "c", "input_shape": [1, 28, 28], "layers": [
        {"type": "Conv2D", "filters": 32, "kernel_size": 5, "pad": 2}, {"type": "ReLU"},
        {"type": "Dense", "units": 10}]})
    state.set_model(net)
    panel.resize(500, 160)
    panel.show()
    qtbot.waitExposed(panel)
    title = panel.filters_title
    text = title.text()
    assert "32" in text and "5" in text
    assert "".join("".join(_drawn(title)).split()) == "".join(text.split()), _drawn(title)
    assert _fits(title)
    assert title.geometry().bottom() < panel.filters.geometry().top()  # above its tiles


def _answers():
    probs = np.full(10, 0.001 / 9)
    probs[7] = 0.999
    verdict = SimpleNamespace(kind="digit", probabilities=probs)
    return verdict, (probs, 0.5), verdict


@pytest.mark.parametrize("code", LANGS)
def test_each_models_answer_keeps_its_answer_in_a_narrow_dock(qtbot, code):
    """The canvas dock at 1280x720 with the preprocessing steps open: the panel at its least
    width beside the dock's scroll bar (277 px). "ペン軌跡モデル：7 (99.9%)" lost its answer
    at the right edge; a line too long has its model's name cut ("ペン軌…ル：7 (99.9%)"), so
    its answer stays, and its tooltip has it whole."""
    from nndesk.gui.digit_panel import DigitPanel

    i18n.set_language(code)
    panel = DigitPanel(AppState())
    qtbot.addWidget(panel)
    panel.resize(panel.minimumSizeHint().width(), 700)
    panel.show()
    qtbot.waitExposed(panel)
    panel.answers.toggle.setChecked(True)
    image, path, together = _answers()
    panel.answers.show_answers(image, path, together)
    qtbot.wait(10)
    for line in panel.answers.lines:
        assert line.isVisible() and _fits(line), (line.text(), line.width())
        assert _drawn(line)[0].endswith("7 (99.9%)"), _drawn(line)  # the answer whole
        assert line.toolTip().startswith(line.text().split(":")[0].split("：")[0])


@pytest.mark.parametrize("code", LANGS)
def test_the_layer_health_tables_headers_are_whole(qtbot, code):
    """The table at the right of Layer health in a 920 px bottom view (1280x720): each
    column at least as wide as its header (the last, "学習係数·‖dW‖/‖W‖", was cut)."""
    from nndesk.gui.health_figures import HealthFigures

    i18n.set_language(code)
    figures = HealthFigures(every_s=2)
    qtbot.addWidget(figures)
    figures.resize(920, 300)
    figures.show()
    qtbot.waitExposed(figures)
    table, head = figures.table, figures.table.horizontalHeader()
    widths = [table.columnWidth(c) for c in range(table.columnCount())]
    assert all(w >= head.sectionSizeHint(c) for c, w in enumerate(widths)), widths
    assert head.length() <= table.viewport().width() or \
        table.horizontalScrollBar().maximum() > 0  # wider than its room: it scrolls


def _wrapped_lines(label) -> list[str]:
    """The lines a word-wrapped label draws its text in at its width, as Qt breaks them (the
    text it shows: a WrapLabel's joined one; a ClampedLabel's own lines)."""
    from PySide6.QtGui import QTextLayout, QTextOption
    from PySide6.QtWidgets import QLabel

    from nndesk.gui.nobreak import shown

    if hasattr(label, "shown_lines"):
        return label.shown_lines()
    text = QLabel.text(label).replace("\n", "\u2028")  # what Qt lays out
    layout = QTextLayout(text, label.font())
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    lines = []
    while (line := layout.createLine()).isValid():
        line.setLineWidth(label.contentsRect().width())
        lines.append(shown(text[line.textStart():line.textStart() + line.textLength()]))
    layout.endLayout()
    return lines


def _broken_names(label) -> list[str]:
    """The quoted names and key=value tokens of the label's text that its lines split: one
    line ends with a name's start and the next begins with its rest (a name after a clamped
    label's "…" is not drawn, not split)."""
    from nndesk.gui.nobreak import spans

    text = label.text()
    lines = [line.strip() for line in _wrapped_lines(label)]
    names = [text[a:b] for a, b in spans(text)]
    return [name for name in names for before, after in pairwise(lines)
            if any(before.endswith(name[:k]) and after.startswith(name[k:])
                   for k in range(1, len(name)))]


@pytest.mark.parametrize("code", LANGS)
def test_no_label_breaks_inside_a_quoted_name_or_a_token(qtbot, tmp_path, monkeypatch, code):
    """QA (zh_CN): the fine-tuning dialog's "no digits" line wrapped inside the quoted name
    of the canvas's button ("存为我的\\n数字"), and a designer row showed "pad" over "2". In each
    language, at the widths of a 1280x720 window: the no-digits line at the dialog's least
    width and narrower, the designer's reasons quoting a setting's name ("return sequences")
    at 370 px and narrower, every wrapped label of the window, and the layer list's rows
    (one line each, cut with "…" and whole in the tooltip)."""
    from gui_helpers import DESIGNS
    from PySide6.QtWidgets import QLabel

    from nndesk.gui.designer import DesignerPanel
    from nndesk.gui.finetune_dialog import FinetuneDialog
    from nndesk.gui.main_window import MainWindow

    monkeypatch.setenv("NNDESK_LANG", code)  # the window's language too
    i18n.set_language(code)
    dialog = FinetuneDialog(AppState(), tmp_path / "nothing")
    qtbot.addWidget(dialog)
    dialog.show()
    seen = 0
    for width in (dialog.minimumWidth(), 400, 340, 300, 260):
        dialog.status.setFixedWidth(width)
        qtbot.wait(1)
        assert not _broken_names(dialog.status), (width, _wrapped_lines(dialog.status))
        seen += len(_wrapped_lines(dialog.status)) > 1
    assert seen  # the line did wrap

    state = AppState()
    panel = DesignerPanel(state)
    qtbot.addWidget(panel)
    panel.show()
    for case in ("recurrent after Dense", "Dense on any length", "sequence last"):
        shape, layers = DESIGNS[case]
        state.set_spec({"name": case, "input_shape": shape, "layers": layers})
        for width in (370, 330, 290):
            panel.resize(width, 700)
            qtbot.wait(1)
            assert not _broken_names(panel.problem), (case, width, panel.problem.shown_lines())
            panel.summary.show_whole()  # the whole reason, behind "more…"
            whole = panel.summary.whole_text
            qtbot.waitUntil(whole.isVisible)
            assert whole.text() == panel.problem.text()
            assert not _broken_names(whole), (case, width, _wrapped_lines(whole))
            panel.summary.whole.hide()
    state.set_spec({"name": "x", "input_shape": [1, 28, 28], "layers": [
        {"type": "Conv2D", "filters": 32, "kernel_size": 5, "stride": 2, "pad": 2},
        {"type": "MaxPool2D", "pool_size": 3, "stride": 2}, {"type": "Dense", "units": 10}]})
    panel.resize(300, 700)
    qtbot.wait(1)
    table = panel.table
    assert not table.wordWrap()  # one line a row: never "pad" over "2"
    for row in range(table.rowCount()):
        item = table.item(row, 1)
        assert item.text().split(" ")[0] in item.toolTip()  # the whole row (layer_table.row_tip)

    w = MainWindow()
    qtbot.addWidget(w)
    w.build_views()
    w.resize(1280, 720)
    w.show()
    qtbot.waitExposed(w)
    assert i18n.language() == code
    for label in w.findChildren(QLabel):
        if label.isVisible() and label.wordWrap():
            assert not _broken_names(label), (label.text(), _wrapped_lines(label))
