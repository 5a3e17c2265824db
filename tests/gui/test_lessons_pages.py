"""Lesson pages driven as a learner would: edit, click, read the table and the plot items."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from nndesk.gui.lessons.panel import LESSONS, LessonsPanel


@pytest.fixture
def panel(qtbot):
    p = LessonsPanel()
    qtbot.addWidget(p)
    p.resize(1000, 650)
    return p


def _column(table, c):
    return [table.item(r, c).text() for r in range(table.rowCount())]


def test_perceptron_page_follows_the_weights_and_finds_them(panel, qtbot):
    page = panel.show_lesson("perceptron")
    assert _column(page.table, 3) == ["0", "0", "0", "1"]     # AND with the book's weights
    page.sliders[2].field.setValue(-0.2)                       # b = -0.2: now it is OR
    assert _column(page.table, 3) == ["0", "1", "1", "1"]
    assert page.status.text().startswith("2 of 4")               # AND is still the target
    xs, ys = page.lines[0].getData()
    assert np.allclose(0.5 * xs + 0.5 * ys - 0.2, 0)           # the line is w.x + b = 0
    page.gate.setCurrentIndex(page.gate.findData("NAND"))
    assert page.weights() == (-0.5, -0.5, 0.7)
    page.set_weights(0.0, 0.0, 0.0)
    qtbot.mouseClick(page.find_button, Qt.MouseButton.LeftButton)
    assert _column(page.table, 3) == ["1", "1", "1", "0"] and "epochs" in page.status.text()


def test_xor_is_not_found_then_built_from_two_lines(panel, qtbot):
    page = panel.show_lesson("perceptron")
    page.gate.setCurrentIndex(page.gate.findData("XOR"))
    qtbot.mouseClick(page.find_button, Qt.MouseButton.LeftButton)
    assert "no single line" in page.status.text()
    assert page.xor_button.isVisibleTo(page)
    qtbot.mouseClick(page.xor_button, Qt.MouseButton.LeftButton)
    assert _column(page.table, 4) == ["0", "1", "1", "0"]
    assert all(len(line.getData()[0]) == 2 for line in page.lines)


def test_every_lesson_page_builds_and_names_its_chapter(panel):
    for key in LESSONS:
        page = panel.show_lesson(key)
        assert panel.stack.currentWidget() is page
        assert panel.chapters.currentRow() == list(LESSONS).index(key)


def test_lessons_menu_opens_the_dock_on_the_chosen_page(window):
    from PySide6.QtWidgets import QDockWidget

    action = window.findChild(type(window.menuBar().actions()[0]), "lesson_perceptron")
    action.trigger()
    dock = window.findChild(QDockWidget, "Lessons")
    assert dock.isVisible() and dock.widget().stack.currentWidget() is dock.widget().pages[
        "perceptron"]
