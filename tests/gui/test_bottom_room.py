"""Opening a bottom view (evaluation, health...) at the first-start size (QA: ~1215x800) and
at 1280x720 leaves the training panel's Train, Pause, Stop and its status line in view."""

from __future__ import annotations

import pytest
from gui_helpers import open_bottom_view
from PySide6.QtCore import QPoint


def _whole(window, widget) -> bool:
    seen = widget.visibleRegion().boundingRect()
    at = widget.mapTo(window, QPoint(0, 0))
    return (widget.isVisible() and seen.width() >= widget.width()
            and seen.height() >= widget.height() and at.y() + widget.height() <= window.height())


@pytest.mark.parametrize("size", [(1215, 800), (1280, 720)])
@pytest.mark.parametrize("view", ["Evaluation", "Layer_health", "Gradient_check"])
def test_a_bottom_view_leaves_train_pause_stop_and_the_status_in_view(window, qtbot, size,
                                                                      view):
    dock = open_bottom_view(window, qtbot, size, view, settle_ms=100)
    p = window.train_panel
    for widget in (p.train_button, p.pause_button, p.stop_button, p.status):
        assert _whole(window, widget), (widget, widget.visibleRegion().boundingRect())
    assert dock.height() >= 200   # the view itself still usable
