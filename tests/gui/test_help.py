"""Help ▸ Guide (F1), read as a new user would: it names every view the View menu opens, the
Lessons menu and the two models that read a drawing, and the whole text can be reached."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt


def test_the_guide_explains_every_view_the_view_menu_opens_and_both_models(window, qtbot):
    from PySide6.QtWidgets import QApplication, QLabel

    from nndesk.gui.help import HelpDialog

    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F1)
    shown = [w for w in QApplication.topLevelWidgets()
             if isinstance(w, HelpDialog) and w.isVisible()]
    assert len(shown) == 1
    dialog = shown[0]
    qtbot.waitExposed(dialog)
    page = dialog.tabs.widget(0)
    guide = page if isinstance(page, QLabel) else page.findChild(QLabel)
    text = re.sub(r"<[^>]+>", "", guide.text())
    hidden_views = [a.text().replace("&", "") for a in window.view_menu.actions()
                    if a.isCheckable() and not a.isChecked() and a.menu() is None]
    assert {"Evaluation", "Why this answer", "Layer health", "Gradient check",
            "Preprocessing steps"} <= set(hidden_views)
    for view in hidden_views:
        assert view in text, view
    assert "Lessons menu" in text
    assert "image model" in text and "pen path model" in text
    assert guide.height() >= guide.heightForWidth(guide.width())  # all of it, by scrolling
    chapters = [dialog.books.item(r, 0).text() for r in range(dialog.books.rowCount())]
    assert any("Gradient check" in c for c in chapters)
    assert any("Pen path model" in c for c in chapters)
    dialog.close()
