"""The run list in a narrow window (QA): a long run name is cut in its middle, so two runs
whose names differ only at the end stay apart on screen; the tooltip has the whole name."""

from __future__ import annotations

from PySide6.QtCore import Qt

from nndesk.gui.plots import PlotsPanel
from nndesk.gui.state import AppState

BASE = "3: DigitNet · Adam lr 0.001 · batch 100 · 10 epochs · weight decay 0 · "


def test_long_run_names_differing_at_the_end_stay_distinguishable(qtbot):
    plots = PlotsPanel(AppState())
    qtbot.addWidget(plots)
    plots.resize(420, 400)
    plots.show()
    qtbot.waitExposed(plots)
    names = [BASE + "seed 1", BASE + "seed 2"]
    for name in names:
        plots.start_run(name)
    runs = plots.run_list
    runs.clearSelection()
    runs.setCurrentItem(None)
    qtbot.wait(20)
    view = runs.viewport()
    assert runs.fontMetrics().horizontalAdvance(names[0]) > view.width()  # it must be cut
    assert not runs.horizontalScrollBar().isVisible()
    rows = [runs.visualItemRect(runs.item(i)) for i in range(2)]
    assert all(r.right() < view.width() for r in rows)  # each row ends inside the list
    image = view.grab().toImage()
    icon_end = runs.iconSize().width() + 40  # check box and colour square: past them
    texts = [image.copy(icon_end, r.top(), r.width() - icon_end, r.height()) for r in rows]
    assert texts[0] != texts[1]  # the shown texts differ (a cut at the right read the same)
    assert [runs.item(i).toolTip() for i in range(2)] == names
    assert runs.textElideMode() == Qt.TextElideMode.ElideMiddle
