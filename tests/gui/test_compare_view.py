"""Compare runs: select two runs in the run list, see which settings differ beside their
curves and final accuracies."""

from __future__ import annotations

import re

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyle

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
    assert rows == [["optimizer", "", "Adam", "SGD"],   # a setting that is its group: once
                    ["learning rate", "", "0.001", "0.1"],
                    ["seed", "", "0", "7"]]
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


def _deep(between: list[dict], init) -> dict:
    layers = []
    for _ in range(6):
        layers += [{"type": "Dense", "units": 100, "init": init}, *between]
    return {"name": "deep", "input_shape": [1, 28, 28],
            "layers": layers + [{"type": "Dense", "units": 10, "init": init}]}


def test_layers_side_by_side_kind_beside_kind_output_beside_output(qtbot):
    """Six sigmoid Dense layers (std 1.0) against six BatchNorm+ReLU ones (He), B with two
    hidden layers fewer: Dense k beside Dense k, the output layers in one row, A's extra
    layers beside empty cells, the rows that differ in bold, every cell's text whole."""
    from nndesk.gui.run_curves import Run

    spec_a = _deep([{"type": "Sigmoid"}], 1.0)
    spec_b = _deep([{"type": "BatchNorm"}, {"type": "ReLU"}], "he")
    spec_b["layers"][6:12] = []  # Dense 3 and 4 with their BatchNorm and ReLU
    runs = [Run(name=n, color=c, settings={"spec": s, "config": {}})
            for n, c, s in (("A", "#2f6fdb", spec_a), ("B", "#b5522b", spec_b))]
    view = CompareView(AppState(), *runs)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    table = view.layers
    cells = [[table.item(r, c).text() for c in range(3)] for r in range(table.rowCount())]
    assert [row[0] for row in cells] == [f"Dense {k}" for k in range(1, 7)] + ["output layer"]
    assert cells[0][1] == "Dense(units=100) · init 1.0 → Sigmoid"
    assert cells[0][2] == "Dense(units=100) · init He → BatchNorm, ReLU"  # as the designer
    assert cells[4][2] == cells[5][2] == "" and cells[3][2].startswith("Dense(units=100)")
    assert cells[6][1:] == ["Dense(units=10) · init 1.0", "Dense(units=10) · init He"]
    assert all(table.item(r, 1).font().bold() for r in range(7))
    inits = [(d.setting, d.a, d.b) for d in view.differences if d.group == "init"]
    assert inits == [(f"Dense {k} init", 1.0, "he") for k in range(1, 5)] + [
        ("output layer init", 1.0, "he")]
    shown = [[view.table.item(r, c).text() for c in range(4)]
             for r in range(view.table.rowCount())]
    assert ["architecture", "after Dense 1", "Sigmoid", "BatchNorm, ReLU"] in shown
    assert ["architecture", "Dense 5", "Dense(units=100) · init 1.0 → Sigmoid", "–"] in shown
    assert shown[-1] == ["weight init", "output layer", "1.0", "He"]
    for t in (table, view.table):  # wrapped, row tall enough, the whole text on hover
        metrics = t.fontMetrics()  # the delegate's text margin: the focus frame's + 1
        margin = t.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, t) + 1
        for r in range(t.rowCount()):
            for c in range(t.columnCount()):
                item = t.item(r, c)
                room = t.columnWidth(c) - 2 * margin
                need = metrics.boundingRect(0, 0, room, 10_000, Qt.TextFlag.TextWordWrap,
                                            item.text())
                assert item.toolTip() == item.text()
                assert need.width() <= room and t.rowHeight(r) >= need.height(), (
                    r, c, item.text(), room, t.rowHeight(r), need)
    assert view.height() >= 600


def test_inits_read_as_the_designer_writes_them_in_the_windows_language(qtbot):
    """QA: Compare wrote "he" where the designer writes "He", and Chinese rows kept English
    "init auto"."""
    from nndesk.gui import i18n
    from nndesk.gui.run_curves import Run

    spec_a = _deep([{"type": "ReLU"}], "auto")
    spec_b = _deep([{"type": "ReLU"}], "xavier")
    i18n.set_language("zh_CN")
    runs = [Run(name=n, color=c, settings={"spec": s, "config": {}})
            for n, c, s in (("A", "#2f6fdb", spec_a), ("B", "#b5522b", spec_b))]
    view = CompareView(AppState(), *runs)
    qtbot.addWidget(view)
    cells = [view.layers.item(0, c).text() for c in (1, 2)]
    xavier = i18n.tr("Xavier")                         # as the designer's init box says
    # "初始化：自动", a label and its value (QA: "初始化 自动" read as two loose words)
    assert cells == [f"Dense(units=100) · 初始化：{i18n.tr('auto')} → ReLU",
                     f"Dense(units=100) · 初始化：{xavier} → ReLU"]
    assert "init" not in " ".join(cells) and xavier != "Xavier"
    row = [view.table.item(0, c).text() for c in range(4)]
    assert row[0] == "权重初始化方法" and row[3] == xavier


def test_training_values_read_as_the_training_panel_shows_them_in_chinese(qtbot):
    """QA (zh_CN): Compare showed the config's raw "adam"/"momentum", "cosine", "True": the
    values are written as the training panel's boxes write them (`terms.config_value`)."""
    from nndesk.gui import i18n
    from nndesk.gui.run_curves import Run

    i18n.set_language("zh_CN")
    configs = ({"optimizer": "adam", "schedule": "cosine", "augment": True},
               {"optimizer": "momentum", "schedule": "constant", "augment": False})
    runs = [Run(name=n, color=c, settings={"spec": load_preset("TwoLayerNet"), "config": cfg})
            for n, c, cfg in (("A", "#2f6fdb", configs[0]), ("B", "#b5522b", configs[1]))]
    view = CompareView(AppState(), *runs)
    qtbot.addWidget(view)
    rows = {view.table.item(r, 0).text() + "/" + view.table.item(r, 1).text():
            (view.table.item(r, 2).text(), view.table.item(r, 3).text())
            for r in range(view.table.rowCount())}
    assert rows["优化器/"] == ("Adam", "Momentum")   # the book's names, as the panel's box
    assert rows["学习率/学习率调度"] == ("余弦", "固定")
    assert rows["数据扩充/数据增强"] == ("开", "关")
    assert rows["优化器/动量"] == ("–", "0.9")  # read only by Momentum: A has none
    cells = " ".join(" ".join(pair) for pair in rows.values())
    from nndesk.gui.terms import TRAIN_LABELS
    from nndesk.train import TrainConfig

    assert set(TrainConfig().to_dict()) <= set(TRAIN_LABELS)  # every setting has a label
    assert not re.search(r"adam|momentum|cosine|constant|True|False", cells), cells


def test_the_legend_lies_under_the_plot_over_no_curve(qtbot):
    """QA: the legend sat in the plot's bottom right corner, over the lower run's validation
    curve (A rises to 94%, B stays near 90%: the corner held B's curve). It is now in a row
    under the plot, outside the curves' area, all four entries in it."""
    from nndesk.gui.run_curves import Run

    a, b = Run("1: a", "#2f6fdb", settings=_settings()), Run("2: b", "#e4572e",
                                                           settings=_settings(lr=0.1))
    for run, accs in ((a, (91.7, 94.0, 93.7)), (b, (89.7, 92.7, 92.7))):
        run.epochs, run.val_acc = [1, 2, 3], list(accs)
        run.train_acc = [v + 2 for v in accs]
    view = CompareView(AppState(), a, b)
    qtbot.addWidget(view)
    view.resize(1040, 660)
    view.show()
    qtbot.waitExposed(view)
    qtbot.wait(20)
    item = view.plot.getPlotItem()
    assert [label.text for _, label in item.legend.items] == [
        "A validation", "A training", "B validation", "B training"]
    assert not item.legend.sceneBoundingRect().intersects(item.getViewBox().sceneBoundingRect())
    assert view.plot.sceneRect().contains(item.legend.sceneBoundingRect())  # whole, in view


def test_numbers_read_as_the_training_panel_writes_them(qtbot):
    """QA (zh_CN, ja): Compare runs showed a learning rate of 1000 as "1000.0": floats are
    written as the training panel's FloatBox writes them (`float_box.compact`)."""
    from nndesk.gui.run_curves import Run
    from nndesk.gui.terms import config_value

    assert [config_value(v) for v in (1000.0, 0.001, 1e-06, 0.0, 100, 3e-7)] == [
        "1000", "0.001", "1e-06", "0", "100", "3e-07"]
    configs = ({"optimizer": "SGD", "lr": 1000.0, "weight_decay": 0.0},
               {"optimizer": "RMSprop", "lr": 1e-06, "weight_decay": 0.0001})
    runs = [Run(name=n, color=c, settings={"spec": load_preset("TwoLayerNet"), "config": cfg})
            for n, c, cfg in (("A", "#2f6fdb", configs[0]), ("B", "#b5522b", configs[1]))]
    view = CompareView(AppState(), *runs)
    qtbot.addWidget(view)
    cells = {view.table.item(r, 2).text() for r in range(view.table.rowCount())} | {
        view.table.item(r, 3).text() for r in range(view.table.rowCount())}
    assert {"1000", "1e-06", "0.0001"} <= cells and "1000.0" not in cells
    from nndesk.gui.files import describe_metadata

    info = describe_metadata(object(), "m.npz", {"config": configs[0]}, "file")  # Model info
    assert "1000" in info and "1000.0" not in info


def test_a_one_epoch_runs_points_are_marked_and_inside_the_plot(qtbot):
    """QA (ja-24): a one-epoch run's training accuracy, a single point, had no line to draw
    and no mark, and lay outside the plot's range. Every training point is marked (hollow
    circles) and the range holds every point with room around it."""
    import pyqtgraph as pg

    from nndesk.gui.run_curves import Run

    a, b = Run("1: a", "#2f6fdb", settings=_settings()), Run("2: b", "#e4572e",
                                                           settings=_settings(lr=0.1))
    a.epochs, a.val_acc, a.train_acc = [1], [float("nan")], [float("nan")]  # diverged
    b.epochs, b.val_acc, b.train_acc = [1], [92.88], [93.79]
    view = CompareView(AppState(), a, b)
    qtbot.addWidget(view)
    view.resize(1040, 660)
    view.show()
    qtbot.waitExposed(view)
    curves = [c for c in view.plot.getPlotItem().listDataItems()
              if isinstance(c, pg.PlotDataItem)]
    assert len(curves) == 4 and all(c.opts["symbol"] and c.opts["symbolSize"] >= 5
                                    for c in curves)
    (x0, x1), (y0, y1) = view.plot.getViewBox().viewRange()
    for value in (92.88, 93.79):
        assert y0 + 0.5 <= value <= y1 - 0.5, (y0, value, y1)
    assert x0 < 1 < x1


def test_a_layer_only_one_run_has_says_its_init_as_the_layer_table_does(qtbot):
    """QA (ja): the settings table said "Conv2D(...) · init auto" in English where the layer
    table below said 「初期化 自動」: one translated label for init everywhere."""
    from nndesk.gui import i18n
    from nndesk.gui.run_curves import Run

    i18n.set_language("ja")
    conv = [{"type": "Conv2D", "filters": 8, "kernel_size": 3, "init": "auto"},
            {"type": "ReLU"}]
    base = load_preset("TwoLayerNet")
    spec_b = {**base, "layers": conv + base["layers"]}
    runs = [Run(name=n, color=c, settings={"spec": s, "config": {}})
            for n, c, s in (("A", "#2f6fdb", base), ("B", "#b5522b", spec_b))]
    view = CompareView(AppState(), *runs)
    qtbot.addWidget(view)
    rows = [[view.table.item(r, c).text() for c in range(4)]
            for r in range(view.table.rowCount())]
    added = next(row for row in rows if row[3].startswith("Conv2D("))
    layer_cells = [view.layers.item(r, 2).text() for r in range(view.layers.rowCount())
                   if view.layers.item(r, 2) is not None]
    said = i18n.tr("init {init}").format(init=i18n.tr("auto"))
    assert " init " not in added[3] and said in added[3]
    assert any(said in cell for cell in layer_cells)   # the same words as the layer table
