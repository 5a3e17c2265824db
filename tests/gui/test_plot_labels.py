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
    area = view.sceneBoundingRect()
    labels, stars, lines = [], [], []
    for run in plot.runs:
        text = run.items[3]
        labels.append((text.toPlainText(),
                       text.textItem.mapRectToScene(text.textItem.boundingRect())))
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


@pytest.mark.parametrize("size", [(560, 400), (900, 520)])
def test_best_labels_stay_inside_and_cover_nothing(qtbot, size):
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
    assert [t for t, _ in labels] == ["best 66.10%", "best 75.48%", "best 94.92%"]
    for i, (text, rect) in enumerate(labels):
        assert area.adjusted(-0.5, -0.5, 0.5, 0.5).contains(rect), (text, rect, area)  # whole
        for other_text, other in labels[i + 1:]:
            assert not rect.intersects(other), (text, other_text)
        for star in stars:
            assert not rect.contains(star), text
        assert not any(_crosses(rect, line) for line in lines), text
        (x,), (y,) = plots.acc_plot.runs[i].items[2].getData()  # beside its own star
        star = plots.acc_plot.getViewBox().mapViewToScene(QPointF(x, y))
        gap = max(rect.left() - star.x(), star.x() - rect.right(),
                  rect.top() - star.y(), star.y() - rect.bottom())
        assert gap < 3 * rect.height(), (text, gap)


def test_place_labels_keeps_apart_what_would_overlap():
    """Two labels for points 5 px apart: side by side or stacked, never on each other; one
    near the right edge is moved inside rather than cut."""
    boxes = place_labels([(100, 100), (105, 102), (395, 50)], [(60, 16)] * 3, (0, 0, 400, 300))
    (a, b, edge) = boxes
    assert a[0] + a[2] <= b[0] or b[0] + b[2] <= a[0] or a[1] + a[3] <= b[1] or b[1] + b[3] <= a[1]
    assert edge[0] + edge[2] <= 400 and edge[0] >= 0
