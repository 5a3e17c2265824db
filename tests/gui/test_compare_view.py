"""Compare runs: select two runs in the run list, see which settings differ beside their
curves and final accuracies."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt

from nndesk.gui.compare_view import CompareView
from nndesk.gui.state import AppState
from nndesk.insight.compare import diff_runs
from nndesk.presets import load_preset


def _settings(**config):
    return {"spec": load_preset("TwoLayerNet"), "config": {"optimizer": "Adam", **config}}


def test_two_selected_runs_are_compared(qtbot):
    pg.setConfigOptions(imageAxisOrder="row-major")
    from nndesk.gui.plots import PlotsPanel

    state = AppState()
    plots = PlotsPanel(state)
    qtbot.addWidget(plots)
    a = plots.start_run("1: TwoLayerNet · Adam lr 0.001", _settings(lr=0.001))
    b = plots.start_run("2: TwoLayerNet · SGD lr 0.1", _settings(lr=0.1, optimizer="SGD",
                                                                 seed=7))
    for run, accs in ((a, (0.90, 0.93)), (b, (0.85, 0.88))):
        for epoch, acc in enumerate(accs, 1):
            plots.add_epoch(run, epoch, acc + 0.01, acc)
    assert [i.text() for i in plots.run_list.selectedItems()] == [plots.runs[b].name]
    assert not plots.compare_button.isEnabled()  # one run: nothing to compare
    plots.run_list.item(0).setSelected(True)  # Ctrl+click on the first run
    assert plots.compare_button.isEnabled()
    with qtbot.waitSignal(plots.compare_requested) as sent:
        qtbot.mouseClick(plots.compare_button, Qt.MouseButton.LeftButton)
    first, second = sent.args
    assert {first.name, second.name} == {plots.runs[a].name, plots.runs[b].name}

    view = CompareView(state, plots.runs[a], plots.runs[b])
    qtbot.addWidget(view)
    expected = diff_runs((plots.runs[a].settings["spec"], plots.runs[a].settings["config"]),
                         (plots.runs[b].settings["spec"], plots.runs[b].settings["config"]))
    assert [d.setting for d in expected] == ["optimizer", "lr", "seed"]
    assert view.table.rowCount() == 3
    rows = [[view.table.item(r, c).text() for c in range(4)] for r in range(3)]
    assert rows == [["optimizer", "optimizer", "adam", "sgd"],
                    ["learning rate", "lr", "0.001", "0.1"],
                    ["seed", "seed", "0", "7"]]
    assert "Settings that differ: 3" in view.summary.text()
    heads = view.findChildren(type(view.summary))
    text = " ".join(h.text() for h in heads)
    assert "93.00%" in text and "88.00%" in text  # final validation accuracies
    curves = [c for c in view.plot.getPlotItem().listDataItems()]
    assert len(curves) == 4  # validation and training of each run


def test_runs_without_settings_say_so(qtbot):
    from nndesk.gui.run_curves import Run

    view = CompareView(AppState(), Run("a", "#000"), Run("b", "#fff"))
    qtbot.addWidget(view)
    assert "not known" in view.summary.text() and view.table.rowCount() == 0


def test_layers_side_by_side_same_place_same_row(qtbot):
    """Run A a 3-layer net, run B the same with another activation and two more layers: one
    row per place, B's extra layers beside empty cells, the rows that differ in bold."""
    from nndesk.gui.compare_view import aligned_layers
    from nndesk.gui.run_curves import Run

    spec_a = {"name": "a", "input_shape": [1, 28, 28], "layers": [
        {"type": "Dense", "units": 20, "init": "he"}, {"type": "ReLU"},
        {"type": "Dense", "units": 10}]}
    spec_b = {**spec_a, "layers": [
        {"type": "Dense", "units": 20, "init": 1.0}, {"type": "Sigmoid"},
        {"type": "Dense", "units": 10}, {"type": "Sigmoid"}, {"type": "Dense", "units": 10}]}
    runs = [Run(name=n, color=c, settings={"spec": s, "config": {}})
            for n, c, s in (("A", "#2f6fdb", spec_a), ("B", "#b5522b", spec_b))]
    rows = aligned_layers(*[(r.settings["spec"], r.settings["config"]) for r in runs])
    assert len(rows) == 5
    assert rows[0][0].endswith("· init he") and rows[0][1].endswith("· init 1.0")
    assert rows[1] == ("ReLU", "Sigmoid", True) and rows[2][2] is False
    assert rows[3] == ("", "Sigmoid", True) and rows[4][0] == "" and rows[4][2]
    view = CompareView(AppState(), *runs)
    qtbot.addWidget(view)
    cells = [[view.layers.item(r, c).text() for c in range(3)] for r in range(5)]
    assert cells[3] == ["4", "", "Sigmoid"]
    assert view.layers.item(1, 1).font().bold() and not view.layers.item(2, 1).font().bold()
    assert view.height() >= 600
