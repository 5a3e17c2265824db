"""The accuracy plot's "best …%" labels, as the tester saw them with three runs (b2-en.png:
"best 66.10%" and "best 75.48%" over each other and over the curves, "best 94.…" cut at the
right edge): each label now lies inside the plot, beside its star, over no other label, no
star and no curve."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLineF, QPointF, QRectF

from nndesk.gui.label_place import place_labels
from nndesk.gui.plots import PlotsPanel
from nndesk.gui.state import AppState

RUNS = {  # the tester's three runs: validation accuracy per epoch (train a little above)
    "1: SigStd1": [0.45, 0.60, 0.661, 0.65, 0.64, 0.63],
    "2: SigStd1": [0.46, 0.59, 0.66, 0.70, 0.73, 0.7548],
    "3: HeBN": [0.90, 0.925, 0.935, 0.94, 0.943, 0.945, 0.946, 0.947, 0.948, 0.9492],
}


def _labels_and_obstacles(plot):
    view = plot.getViewBox()
    seen = plot.mapToScene(plot.viewport().rect()).boundingRect()  # what the widget shows
    area = view.sceneBoundingRect().intersected(seen)
    labels, stars, lines = [], [], []
    for run in plot.runs:
        text = run.items[3]
        m = text.textItem.document().documentMargin()  # the text's ink, not its margin
        ink = text.textItem.boundingRect().adjusted(m, m, -m, -m)
        labels.append((text.toPlainText(), text.textItem.mapRectToScene(ink), text.isVisible(),
                       run.items[2].toolTip()))
        (x,), (y,) = run.items[2].getData()
        stars.append(view.mapViewToScene(QPointF(x, y)))
        for curve in run.items[:2]:
            xs, ys = curve.getData()
            pts = [view.mapViewToScene(QPointF(a, b)) for a, b in zip(xs, ys, strict=True)]
            lines += [QLineF(a, b) for a, b in zip(pts, pts[1:], strict=False)]
    return area, labels, stars, lines


def _crosses(rect: QRectF, line: QLineF) -> bool:
    steps = 40
    return any(rect.contains(line.pointAt(i / steps)) for i in range(steps + 1))


@pytest.mark.parametrize("code", ["en", "ja"])
@pytest.mark.parametrize("size", [(470, 240), (540, 330), (560, 400), (900, 520)])
def test_best_labels_stay_inside_and_cover_nothing(qtbot, size, code):
    from nndesk.gui import i18n

    i18n.set_language(code)
    plots = PlotsPanel(AppState())
    qtbot.addWidget(plots)
    plots.resize(*size)
    plots.show()
    qtbot.waitExposed(plots)
    for name, accs in RUNS.items():
        run = plots.start_run(name)
        for epoch, acc in enumerate(accs, 1):
            plots.add_epoch(run, epoch, min(acc + 0.02, 1.0), acc)
    qtbot.wait(20)
    area, labels, stars, lines = _labels_and_obstacles(plots.acc_plot)
    assert [t for t, *_ in labels] == [i18n.tr("best {acc}%").format(acc=a)
                                       for a in ("66.10", "75.48", "94.92")]
    assert all(tip == text for text, _, _, tip in labels)          # the star's tooltip says it
    shown = [(text, rect) for text, rect, visible, _ in labels if visible]
    assert labels[2][2] and (size[1] < 400 or len(shown) == 3)     # the best run's first
    for i, (text, rect) in enumerate(shown):
        assert area.adjusted(-0.5, -0.5, 0.5, 0.5).contains(rect), (text, rect, area)  # whole
        for other_text, other in shown[i + 1:]:
            assert not rect.intersects(other), (text, other_text)
        for star in stars:
            assert not rect.contains(star), text
        assert not any(_crosses(rect, line) for line in lines), text  # 60 px tall too
        run = next(r for r in plots.acc_plot.runs if r.items[3].toPlainText() == text)
        (x,), (y,) = run.items[2].getData()                          # beside its own star
        star = plots.acc_plot.getViewBox().mapViewToScene(QPointF(x, y))
        gap = max(rect.left() - star.x(), star.x() - rect.right(),
                  rect.top() - star.y(), star.y() - rect.bottom())
        assert gap < 3 * rect.height(), (text, gap)


def test_place_labels_keeps_apart_what_would_overlap():
    """Two labels for points 5 px apart: side by side or stacked, never on each other; one
    near the right edge is moved inside rather than cut."""
    boxes = place_labels([(100, 100), (105, 102), (395, 50)], [(60, 16)] * 3, (0, 0, 400, 300))
    (a, b, edge) = boxes
    assert a is not None and b is not None and edge is not None
    assert a[0] + a[2] <= b[0] or b[0] + b[2] <= a[0] or a[1] + a[3] <= b[1] or b[1] + b[3] <= a[1]
    assert edge[0] + edge[2] <= 400 and edge[0] >= 0


def test_the_experiments_legend_lies_under_its_plot(qtbot):
    """Overfitting (figs. 6-20, 6-21, 6-23): eight accuracy curves rise to the top right, where
    the legend sat over them. It is now under the plot, outside the curves' area."""
    from nndesk.gui.lessons.panel import LessonsPanel

    panel = LessonsPanel()
    qtbot.addWidget(panel)
    panel.resize(1180, 760)
    panel.show()
    qtbot.waitExposed(panel)
    page = panel.show_lesson("experiments")
    page.choice.setCurrentIndex(page.choice.findData("overfit"))
    for key in ("plain/train_acc", "plain/test_acc", "dropout 0.2/train_acc"):
        page._curve(key).setData([0, 1, 2], [0.1, 0.5, 0.99])
    qtbot.wait(20)
    item = page.curve_plot.getPlotItem()
    names = [label.text for _, label in item.legend.items]   # all, in the experiment's order
    assert names[:2] == ["plain · training accuracy", "plain · test accuracy"]
    assert names[-2:] == ["Dropout 0.2 · training accuracy", "Dropout 0.2 · test accuracy"]
    assert not item.legend.sceneBoundingRect().intersects(item.getViewBox().sceneBoundingRect())


@pytest.mark.parametrize(("lesson", "tab", "plot_name"), [("learning", 1, "h_plot"),
                                                          ("nielsen", 0, "cost_plot")])
def test_lesson_legends_lie_under_their_plots(qtbot, lesson, tab, plot_name):
    """Numerical differentiation: the error is 0.1 for every h below 1e-16, a line through the
    legend at the top left; Nielsen's quadratic cost stays near 1 at the top right, where its
    legend was. Both legends are now under their plots."""
    from nndesk.gui.lessons.panel import LessonsPanel

    panel = LessonsPanel()
    qtbot.addWidget(panel)
    panel.resize(1180, 760)
    panel.show()
    qtbot.waitExposed(panel)
    from PySide6.QtWidgets import QTabWidget

    page = panel.show_lesson(lesson)
    page.findChild(QTabWidget).setCurrentIndex(tab)
    qtbot.wait(50)
    item = getattr(page, plot_name).getPlotItem()
    assert len(item.legend.items) == 2
    assert not item.legend.sceneBoundingRect().intersects(item.getViewBox().sceneBoundingRect())


def test_place_labels_leaves_out_a_label_with_no_room():
    """Three labels for one point in a box that holds one beside it: the first is placed, the
    others are left out (None) rather than drawn over it."""
    boxes = place_labels([(10, 10)] * 3, [(50, 16)] * 3, (0, 0, 100, 20))
    assert boxes[0] is not None and boxes[1:] == [None, None]


def test_a_label_crosses_no_curve_in_a_short_plot():
    """A plot 60 px tall (QA: "best …%" drawn across a curve): the label takes a place clear of
    every curve, here beside the point, left of it; with curves everywhere it is left out."""
    bounds = (0.0, 0.0, 300.0, 60.0)
    point, size = (150.0, 20.0), (70.0, 14.0)
    rising = [(0.0, 58.0, 150.0, 20.0), (150.0, 20.0, 300.0, 2.0)]   # up to the point, on up
    low = [(0.0, 40.0, 300.0, 40.0)]                                  # a flat one under it
    (box,) = place_labels([point], [size], bounds, rising + low)
    assert box is not None
    assert not any(_crosses(QRectF(*box), QLineF(*seg)) for seg in rising + low)
    assert 0 <= box[1] and box[1] + box[3] <= 60
    striped = [(0.0, y, 300.0, y) for y in range(0, 61, 6)]           # no row is free
    assert place_labels([point], [size], bounds, striped) == [None]


@pytest.mark.parametrize("code", ["en", "zh_CN", "ja"])
@pytest.mark.parametrize("size", [(470, 240), (900, 520)])
def test_the_accuracy_axis_ends_at_100_and_the_best_labels_stay_whole(qtbot, size, code):
    """Runs near 100% (the QA's axis ran to 100.5%): the y axis ends at 100% (no tick above
    it; the room above is for the labels), and the best runs' labels are drawn whole inside
    the plot, over no star."""
    from nndesk.gui import i18n

    i18n.set_language(code)
    plots = PlotsPanel(AppState())
    qtbot.addWidget(plots)
    plots.resize(*size)
    plots.show()
    qtbot.waitExposed(plots)
    for name, accs in {"1: a": [0.97, 0.985, 0.991, 0.9935],
                       "2: b": [0.98, 0.99, 0.996, 0.9952]}.items():
        run = plots.start_run(name)
        for epoch, acc in enumerate(accs, 1):
            plots.add_epoch(run, epoch, min(acc + 0.005, 1.0), acc)
    qtbot.wait(20)
    axis = plots.acc_plot.getAxis("left")
    (_, _), (bottom, top) = plots.acc_plot.getViewBox().viewRange()
    ticks = [v for _, values in axis.tickValues(bottom, top, axis.height()) for v in values]
    assert ticks and max(ticks) <= 100.0 and bottom < 97.0, ticks  # none reads "100.5"
    area, labels, stars, _ = _labels_and_obstacles(plots.acc_plot)
    assert labels[1][2], labels                                # the best run's label is shown
    for text, rect, visible, _ in labels:
        if visible:
            assert area.adjusted(-0.5, -0.5, 0.5, 0.5).contains(rect), (text, rect, area)
            assert not any(rect.contains(star) for star in stars), text


@pytest.mark.parametrize("code", ["en", "zh_CN", "ja"])
def test_a_one_epoch_runs_training_point_is_marked_and_left_uncovered(qtbot, code):
    """QA (en-14, zh-31): a one-epoch run's training accuracy was a 4-pixel dot beside the
    star, hard to see and not read as "train". It is a hollow circle as large as the
    validation's mark, inside the range, and the "best" label covers neither point."""
    from nndesk.gui import i18n

    i18n.set_language(code)
    plots = PlotsPanel(AppState())
    qtbot.addWidget(plots)
    plots.resize(470, 240)
    plots.show()
    qtbot.waitExposed(plots)
    run = plots.start_run("1: SoftmaxRegression")
    plots.add_epoch(run, 1, 0.0856, 0.0938)
    qtbot.wait(20)
    train = plots.runs[run].items[0]
    assert train.opts["symbol"] == "o" and train.opts["symbolSize"] >= 6
    assert train.opts["symbolBrush"] is not None and train.opts["symbolPen"] is not None
    (_, _), (bottom, top) = plots.acc_plot.getViewBox().viewRange()
    assert bottom + 0.5 <= 8.56 and 9.38 <= top - 0.5
    view = plots.acc_plot.getViewBox()
    label = plots.runs[run].items[3]
    m = label.textItem.document().documentMargin()
    ink = label.textItem.mapRectToScene(label.textItem.boundingRect().adjusted(m, m, -m, -m))
    mark = view.mapViewToScene(QPointF(1, 8.56))
    assert label.isVisible() and not ink.adjusted(-3, -3, 3, 3).contains(mark)
    i18n.set_language("en")
