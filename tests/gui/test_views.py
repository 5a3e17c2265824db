"""Plots (runs overlaid, hide, remove, PNG + CSV export) and the inside views (weights, maps)."""

from __future__ import annotations

import csv
import math

import numpy as np
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QImage

from nndesk.gui.inside_panel import InsidePanel, feature_maps, first_layer_weights
from nndesk.gui.plots import PlotsPanel
from nndesk.gui.state import AppState
from nndesk.gui.tiles import mosaic


def _plots(qtbot) -> PlotsPanel:
    plots = PlotsPanel(AppState())
    qtbot.addWidget(plots)
    plots.resize(700, 420)
    return plots


def test_runs_overlay_hide_remove_and_export(qtbot, tmp_path):
    plots = _plots(qtbot)
    a, b = plots.start_run("adam"), plots.start_run("sgd")
    plots.add_batches(a, [1, 2, 3], [2.0, 1.0, float("nan")])  # NaN losses are not drawn
    plots.add_batches(b, [1, 2], [2.3, 2.2])
    plots.add_epoch(a, 1, 0.90, 0.91, 0.3)
    plots.add_epoch(a, 2, 0.95, 0.93, 0.25)
    plots.add_epoch(a, 3, 0.97, 0.92, 0.27)
    assert plots.best_epoch(a) == 2
    star = plots.runs[a].items[2].getData()
    assert list(star[0]) == [2] and math.isclose(star[1][0], 93.0)
    x, y = plots.runs[a].chunks[1][1].xData, plots.runs[a].chunks[1][1].yData
    assert list(x) == [1, 2] and list(y) == [2.0, 1.0]
    assert [label.text for _, label in plots.loss_legend.items] == ["per batch", "smoothed"]

    plots.run_list.item(1).setCheckState(Qt.CheckState.Unchecked)  # hide "sgd"
    assert not any(item.isVisible() for item in plots._items(plots.runs[b]))
    assert all(item.isVisible() for item in plots._items(plots.runs[a]))

    png, table = tmp_path / "curves.png", tmp_path / "history.csv"
    plots.export_png(str(png))
    assert QImage(str(png)).size() == plots.plot_area.size()  # the plots, not the run list
    assert QImage(str(png)).height() < plots.height() - plots.run_list.height()
    plots.export_csv(str(table))
    rows = list(csv.DictReader(table.read_text().splitlines()))
    assert [r["kind"] for r in rows].count("batch") == 4 and len(rows) == 7
    epoch2 = [r for r in rows if r["run"] == "adam" and r["kind"] == "epoch"][1]
    assert float(epoch2["val_acc"]) == 0.93 and float(epoch2["train_acc"]) == 0.95
    assert sorted(p.name for p in tmp_path.iterdir()) == ["curves.png", "history.csv"]  # no temps

    plots.run_list.setCurrentRow(0)
    plots.remove_selected()
    assert list(plots.runs) == [b] and plots.run_list.count() == 1
    assert [item.text() for item in map(plots.run_list.item, range(1))] == ["sgd"]


def test_smoothed_loss_is_the_debiased_moving_average(qtbot):
    """TensorBoard's smoothing: EMA from 0, divided by 1 - 0.9^t, so the first value is the
    first loss and a run that drops to 0.35 reads close to 0.35 soon (not 1.1)."""
    plots = _plots(qtbot)
    run = plots.start_run("r")
    plots.add_batches(run, [1, 2], [2.0, 1.0])
    smooth = plots.runs[run].smooth
    assert math.isclose(smooth[0], 2.0)  # 0.1*2 / (1 - 0.9)
    assert math.isclose(smooth[1], (0.9 * 0.2 + 0.1 * 1.0) / (1 - 0.81))  # 0.28 / 0.19
    plots.add_batches(run, list(range(3, 14)), [0.35] * 11)
    ema, t = 0.0, 0
    for loss in [2.0, 1.0] + [0.35] * 11:  # written out, the definition
        t += 1
        ema = 0.9 * ema + 0.1 * loss
    assert math.isclose(plots.runs[run].smooth[12], ema / (1 - 0.9 ** 13))
    assert plots.runs[run].smooth[12] < 0.6  # the old EMA started at 2.0 read 1.1 here
    y = plots.runs[run].chunks[1][2].yData  # the live tail
    assert math.isclose(y[-1], ema / (1 - 0.9 ** 13))


def test_long_runs_redraw_only_the_live_tail(qtbot, monkeypatch):
    """Defect 7: the cost of an update must not grow with the run. The history is a frozen
    item, set once per CHUNK new points; an update re-sets only the short live tail."""
    from nndesk.gui.plots import CHUNK

    plots = _plots(qtbot)
    run_id = plots.start_run("long")
    n = 3 * CHUNK + 100
    plots.add_batches(run_id, list(range(1, n + 1)), [1.0 + (i % 5) for i in range(n)])
    run = plots.runs[run_id]
    (_, frozen, _), (first, live, _) = run.chunks
    assert run.n == n and len(live.xData) <= CHUNK + 1
    xs = np.concatenate([frozen.xData[:-1], live.xData])
    np.testing.assert_array_equal(xs, np.arange(1, n + 1))  # joined, nothing lost or doubled
    touched = []
    for _, raw, smooth in run.chunks:
        for item in (raw, smooth):
            monkeypatch.setattr(item, "setData", lambda *a, item=item, **k: touched.append(item))
    plots.add_batches(run_id, [n + 1, n + 2], [1.0, 1.0])
    assert touched == [run.chunks[1][1], run.chunks[1][2]]  # the tail only
    for _, raw, smooth in run.chunks:
        for item in (raw, smooth):
            assert item.opts["clipToView"] and item.opts["autoDownsample"]
            assert item.opts["downsampleMethod"] == "peak"


def test_accuracy_axes_legends_and_log_scale(qtbot):
    from nndesk.gui.plots import ACC_RANGE

    plots = _plots(qtbot)
    plots.show()
    a = plots.start_run("a")
    plots.add_epoch(a, 1, 0.80, 0.85)  # a one-epoch run
    axis = plots.acc_plot.getAxis("bottom")
    (x0, x1), _ = plots.acc_plot.viewRange()
    ticks = [v for _, values in axis.tickValues(x0, x1, 300) for v in values]
    assert ticks == [1, 2] and axis.tickStrings(ticks, 1, 1) == ["1", "2"]  # not "1.0000000…"
    for plot in (plots.loss_plot, plots.acc_plot):  # legends sit under the plots, off the data
        item = plot.getPlotItem()
        qtbot.waitUntil(lambda item=item: item.legend.sceneBoundingRect().top() > 0)  # laid out
        legend_box = item.legend.sceneBoundingRect()
        assert not legend_box.intersects(item.vb.sceneBoundingRect())
    b = plots.start_run("b")
    plots.add_epoch(b, 1, 0.5, 0.6)
    plots.run_list.item(1).setCheckState(Qt.CheckState.Unchecked)  # hide b
    plots.run_list.setCurrentRow(0)
    plots.remove_selected()  # remove a: nothing visible is left
    (x0, x1), (y0, y1) = plots.acc_plot.viewRange()
    assert (x0, x1) == ACC_RANGE[0] and (y0, y1) == ACC_RANGE[1]  # not -40..40, -1.5..1.5
    assert not plots.loss_plot.getPlotItem().ctrl.logYCheck.isChecked()
    plots.log_scale.setChecked(True)
    assert plots.loss_plot.getPlotItem().ctrl.logYCheck.isChecked()


def test_export_buttons_add_the_extension(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    plots = _plots(qtbot)
    run = plots.start_run("r")
    plots.add_batches(run, [1, 2], [2.0, 1.0])
    for name, ask in (("curves", plots.ask_png), ("history", plots.ask_csv)):
        monkeypatch.setattr(QFileDialog, "getSaveFileName",
                            lambda *a, name=name, **k: (str(tmp_path / name), ""))
        ask()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["curves.png", "history.csv"]
    assert QImage(str(tmp_path / "curves.png")).size() == plots.plot_area.size()


def test_mosaic_scales_each_tile_and_leaves_white_gaps():
    tiles = np.stack([np.zeros((3, 3)), np.arange(9.0).reshape(3, 3)])
    img = mosaic(tiles, cols=2)
    assert img.shape == (3, 7)
    assert np.all(img[:, 3] == 1.0)  # the gap column
    assert np.all(img[:, :3] == 0.0)  # a flat tile stays at 0
    assert img[0, 4] == 0.0 and math.isclose(img[2, 6], 0.92, rel_tol=1e-6)


def _net(spec):
    from nndesk.nn import Network

    return Network.from_spec(spec, seed=0)


def test_first_dense_on_raw_pixels_shows_28x28_weights():
    net = _net({"name": "mlp", "input_shape": [1, 28, 28], "layers": [
        {"type": "Flatten"}, {"type": "Dense", "units": 20}, {"type": "ReLU"},
        {"type": "Dense", "units": 10}]})
    title, tiles = first_layer_weights(net)
    assert tiles.shape == (20, 28, 28) and "Layer 2 Dense" in title
    np.testing.assert_array_equal(tiles[3].ravel(), net.layers[1].params["W"][:, 3])


def test_filters_and_feature_maps_follow_the_model_and_hover_names_them(qtbot):
    from gui_helpers import TINY_SPEC

    state = AppState()
    panel = InsidePanel(state)
    qtbot.addWidget(panel)
    panel.resize(700, 400)
    panel.show()
    net = _net(TINY_SPEC)
    state.set_model(net, path=None, metadata={})
    view = panel.filters
    tiles = view._rows[0]["tiles"]
    np.testing.assert_array_equal(tiles, net.layers[0].params["W"][:, 0])
    assert "4 filters of 5×5" in panel.filters_title.text()
    assert view.tile_at(0, 0.5, 0.5) == 0
    cols = view._rows[0]["cols"]
    assert view.tile_at(0, 6.5, 0.5) == (1 if cols > 1 else None)  # x 6 is the 2nd column
    assert view.tile_at(0, 5.5, 0.5) is None  # the gap
    text = view.describe(0, 0)
    w0 = net.layers[0].params["W"][0, 0]
    assert text == f"filter 1 · 5×5 · min {w0.min():.3g} · max {w0.max():.3g}"
    image = view._rows[0]["image"]
    qtbot.waitUntil(lambda: view._rows[0]["view"].sceneBoundingRect().contains(
        image.mapToScene(QPointF(2.5, 2.5))), timeout=2000)  # laid out
    with qtbot.waitSignal(view.hovered) as hovered:  # the mouse over filter 1's pixels
        view.scene().sigMouseMoved.emit(image.mapToScene(QPointF(2.5, 2.5)))
    assert hovered.args == [text] and panel.hover.text() == text

    assert panel.maps._rows == [] or panel.maps._rows[0]["tiles"] is None
    digit = np.zeros((1, 28, 28), np.float32)
    digit[0, 5:23, 13:16] = 1.0  # a "1"
    state.set_digit(digit)
    qtbot.waitUntil(lambda: bool(panel.maps._rows) and panel.maps._rows[0]["tiles"] is not None,
                    timeout=2000)  # maps follow on a short timer, after the prediction
    maps = panel.maps._rows[0]["tiles"]
    assert maps.shape == (4, 24, 24)
    relu = net.forward_all(digit[None])[1][0]
    np.testing.assert_allclose(maps, relu, rtol=1e-6)
    rows = feature_maps(net.spec, state.activations())
    assert rows[0][0] == "Layer 1 Conv2D+ReLU: 4 maps 24×24"


def test_feature_maps_are_shown_after_batchnorm_and_activation():
    spec = {"layers": [{"type": "Conv2D"}, {"type": "BatchNorm"}, {"type": "ReLU"},
                       {"type": "MaxPool2D"}, {"type": "Conv2D"}, {"type": "Dense"}]}
    acts = [np.full((2, 4, 4), i, np.float32) for i in range(6)]
    rows = feature_maps(spec, acts)
    assert [title.split(":")[0] for title, _ in rows] == [
        "Layer 1 Conv2D+BN+ReLU", "Layer 5 Conv2D"]
    assert rows[0][1][0, 0, 0] == 2 and rows[1][1][0, 0, 0] == 4


TWO_CONV = {"name": "TwoConv", "input_shape": [1, 28, 28], "layers": [
    {"type": "Conv2D", "filters": 32, "kernel_size": 3, "pad": 1}, {"type": "BatchNorm"},
    {"type": "ReLU"}, {"type": "MaxPool2D", "pool_size": 2},
    {"type": "Conv2D", "filters": 64, "kernel_size": 3, "pad": 1}, {"type": "BatchNorm"},
    {"type": "ReLU"}, {"type": "MaxPool2D", "pool_size": 2}, {"type": "Dense", "units": 10}]}


def _titles(view) -> list[str]:
    return [r["label"].text for r in view._rows]


def test_map_titles_follow_a_live_language_switch_and_fit_the_width(qtbot):
    from nndesk.gui import i18n

    state = AppState()
    panel = InsidePanel(state)
    qtbot.addWidget(panel)
    panel.resize(520, 600)  # the centre area of a 1280-wide window
    panel.show()
    qtbot.waitExposed(panel)
    state.set_model(_net(TWO_CONV), path=None, metadata={})
    digit = np.zeros((1, 28, 28), np.float32)
    digit[0, 5:23, 13:16] = 1.0
    state.set_digit(digit)
    qtbot.waitUntil(lambda: len(_titles(panel.maps)) == 2, timeout=2000)
    assert _titles(panel.maps) == ["Layer 1 Conv2D+BN+ReLU: 32 maps 28×28",
                                   "Layer 5 Conv2D+BN+ReLU: 64 maps 14×14"]
    template = "Layer {n} {chain}: {count} maps {h}×{w}"
    for code in ("ja", "zh_CN"):
        words = i18n.translate_in(code, template)  # from the .qm file, not the panel
        assert words and words != template
        expected = [words.format(n=1, chain="Conv2D+BN+ReLU", count=32, h=28, w=28),
                    words.format(n=5, chain="Conv2D+BN+ReLU", count=64, h=14, w=14)]
        i18n.set_language(code)  # as View > Language does: no new digit drawn
        qtbot.waitUntil(lambda expected=expected: _titles(panel.maps) == expected, timeout=2000)
        qtbot.wait(50)  # laid out
        width = panel.maps.viewport().width()
        for r in panel.maps._rows:  # nothing cut off at the right edge
            assert r["label"].item.sceneBoundingRect().right() <= width + 1, code
            assert r["view"].sceneBoundingRect().right() <= width + 1, code
    i18n.set_language("en")
    qtbot.waitUntil(lambda: _titles(panel.maps)[0].startswith("Layer 1 "), timeout=2000)


def test_the_loss_axis_stays_still_while_the_loss_falls(qtbot):
    """0 to 1.1x the first losses' maximum, raised to 1.5x a loss that passes it, never moved
    by a falling loss (re-laying out the axis ten times a second cost the window thread);
    log scale: auto range; no run left: auto range again."""
    plots = _plots(qtbot)
    run = plots.start_run("r")
    plots.add_batches(run, [1, 2], [2.0, 1.0])
    assert tuple(plots.loss_plot.viewRange()[0]) == (-1.28, 65.28)  # 0..64, 2% padding
    ranges = []
    for step in range(3, 40):
        plots.add_batches(run, [step], [2.0 / step])
        ranges.append(tuple(plots.loss_plot.viewRange()[1]))
    assert set(ranges) == {(0.0, 2.2)}
    plots.add_batches(run, [40], [3.0])
    assert tuple(plots.loss_plot.viewRange()[1]) == (0.0, 4.5)
    plots.log_scale.setChecked(True)
    assert plots.loss_plot.getPlotItem().getViewBox().autoRangeEnabled()[1]
    plots.log_scale.setChecked(False)
    assert tuple(plots.loss_plot.viewRange()[1]) == (0.0, 4.5)
    plots.remove_run(run)
    assert plots.loss_plot.getPlotItem().getViewBox().autoRangeEnabled()[1]
