"""View ▸ Language after a run, as the tester did (en -> zh_CN -> ja -> en): every text built
from pieces (the finished run's status line, the plots' "best …%", the gradient check's tensor
names) is written anew from its numbers, wholly in the new language; back in English the
window reads as before the switches."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction

from nndesk.gui import i18n
from nndesk.gui.gradcheck_panel import tensor_name
from nndesk.gui.i18n import tr, tr_n
from nndesk.gui.retranslate import visible_texts

ROWS = [{"position": 1, "layer": "Conv2D", "param": "W", "tensor": "0.W", "shape": (2, 1, 3, 3),
         "error": 3e-9, "ok": True},
        {"position": 3, "layer": "Dense", "param": "b", "tensor": "2.b", "shape": (10,),
         "error": 1.0, "ok": False},
        {"position": None, "layer": None, "param": "x", "tensor": "x", "shape": (2, 1, 28, 28),
         "error": 2e-8, "ok": True}]


def _switch(window, code: str) -> None:
    window.findChild(QAction, f"language_{code}").trigger()
    QCoreApplication.processEvents()  # the LanguageChange events Qt posts to every widget


def _plot_texts(plot) -> list[str]:
    item = plot.getPlotItem()
    return [str(item.titleLabel.text), item.getAxis("bottom").labelText,
            item.getAxis("left").labelText] + [str(label.text) for _, label in plot.keys.items]


@pytest.fixture
def trained(window, small_data, dialogs, qtbot):
    window.training.data = small_data
    window.state.set_config(epochs=2, batch_size=50, lr=0.01)
    with qtbot.waitSignal(window.training.finished, timeout=60_000) as done:
        window.train_panel.train_button.click()
    qtbot.waitUntil(lambda: not window.training.busy, timeout=10_000)
    QCoreApplication.processEvents()  # what the run's end queued (a new spec resets the check)
    window.gradcheck_panel._on_done([dict(r) for r in ROWS])
    return done.args[0]


def test_every_text_built_from_pieces_follows_the_language(window, trained):
    from pathlib import Path

    acc = trained["test"]["accuracy"]
    saved = Path(trained["out"]).name
    run = window.plots.runs[0]
    best = max(run.val_acc)
    english = visible_texts([window])
    for code in ("zh_CN", "ja", "en"):
        _switch(window, code)
        assert i18n.language() == code
        status = window.train_panel.status.text()
        finished = tr_n("Finished %n epoch(s)", 2)
        assert status.startswith(finished[:1].upper() + finished[1:]), status
        assert tr(" · test accuracy {acc}%").format(acc=f"{100 * acc:.2f}") in status, status
        assert status.endswith(tr(" · saved to {path}").format(path=saved)), status
        assert _plot_texts(window.plots.loss_plot) == [
            tr("Loss per batch"), tr("batch"), tr("loss"), tr("per batch"), tr("smoothed")]
        assert _plot_texts(window.plots.acc_plot) == [
            tr("Accuracy per epoch"), tr("epoch"), tr("accuracy %"), tr("validation"),
            tr("train")]
        assert run.items[3].toPlainText() == tr("best {acc}%").format(acc=f"{best:.2f}")
        table = window.gradcheck_panel.table
        assert [table.item(r, 0).text() for r in range(3)] == [tensor_name(r) for r in ROWS]
        assert table.item(1, 3).text() == tr("FAIL")
        assert window.gradcheck_panel.summary.text() == tr(
            "{failed} of {n} tensors disagree: a backward pass is wrong, or the step crossed "
            "a ReLU or max-pool kink.").format(failed=1, n=3)
    assert visible_texts([window]) == english


def test_plot_texts_are_among_the_visible_texts(window):
    """The check of the window's texts sees the plots (subclasses of pyqtgraph's widgets)."""
    texts = [t for _, t in visible_texts([window])]
    assert "Loss per batch" in texts and "epoch" in texts and "per batch" in texts


def test_a_language_switch_is_not_an_edit_of_the_design(window, qtbot):
    """The layer table's and the preset box's texts change with the language; the design
    does not (it became "custom" and the health view started over)."""
    window.designer.preset.setCurrentText("DeepMLP")
    spec = window.state.spec
    assert spec["name"] == "DeepMLP"
    edits = []
    window.state.spec_changed.connect(lambda: edits.append(1))
    table = window.designer.table
    english = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    try:
        _switch(window, "zh_CN")
        assert [table.horizontalHeaderItem(c).text()
                for c in range(table.columnCount())] != english      # translated
        assert edits == [] and window.state.spec == spec
        assert window.designer.preset.currentText() == "DeepMLP"
    finally:
        _switch(window, "en")
    assert edits == [] and window.state.spec == spec
