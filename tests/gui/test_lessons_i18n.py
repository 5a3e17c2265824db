"""The lessons in Japanese: the terms of ゼロから作るDeep Learning (every lesson string's
translation, placeholders and all, is checked with the others' in test_i18n.py)."""

from __future__ import annotations

from nndesk.gui import i18n


def test_a_lesson_page_shows_the_japanese_terms(qtbot):
    i18n.set_language("ja")
    from nndesk.gui.lessons.panel import LessonsPanel

    panel = LessonsPanel()
    qtbot.addWidget(panel)
    page = panel.show_lesson("perceptron")
    assert "パーセプトロン" in panel.chapters.item(0).text()
    assert page.find_button.text() == "重みを求める（パーセプトロンの学習規則）"
