"""QA: the labels under the Evaluation view's mistake thumbnails were cut ("7: 1…"): the grid
was ICON + 44 px whatever the font. Each label's lines fit its cell whole, in each language."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyle

from nndesk.gui import i18n
from nndesk.gui.mistake_gallery import MistakeGallery
from nndesk.gui.state import AppState
from nndesk.insight.evaluation import Evaluation


def _evaluation() -> Evaluation:
    """Four mistakes whose second lines are wide: 100% and two-digit percentages."""
    probs = np.array([[0.0, 0.88, 0, 0, 0, 0, 0, 0.12, 0, 0],
                      [1.0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
                      [0, 0, 0, 0, 0, 0, 0, 0, 0.55, 0.45],
                      [0, 0, 0, 0, 0, 0, 0.5, 0.5, 0, 0]], dtype=np.float32)
    labels = np.array([7, 8, 9, 7])
    return Evaluation({"n": 4, "accuracy": 0.0}, probs, labels, probs.argmax(1))


@pytest.mark.parametrize("lang", ["en", "zh_CN", "ja"])
def test_each_mistake_label_is_whole_in_its_cell(qtbot, lang):
    i18n.set_language(lang)
    gallery = MistakeGallery(AppState())
    qtbot.addWidget(gallery)
    gallery.resize(600, 300)
    gallery.show()
    qtbot.waitExposed(gallery)
    gallery.set_evaluation(_evaluation(), np.zeros((4, 1, 28, 28), np.float32), False)
    view = gallery.list
    fm = view.fontMetrics()
    margin = 2 * (view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1)
    ev = gallery.evaluation
    assert view.count() == 4
    for row in range(view.count()):
        item = view.item(row)
        first, second = item.text().split("\n")
        i = item.data(Qt.ItemDataRole.UserRole)
        assert first == f"{ev.labels[i]}→{ev.predicted[i]}"
        width = view.visualItemRect(item).width()
        for line in (first, second):
            assert fm.horizontalAdvance(line) + margin <= width, (line, width)
    assert view.item(0).text() == "8→0\n0: 100% · 1: 0%"
