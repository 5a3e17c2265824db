"""Lesson titles wrap between words (QA, ja: the Lessons list showed 「3章 活性化関数・ソフト
マックス・形」 with 「状」 alone on the next line): in every language, at the Lessons view's
default size, no lesson's name in the list and no page's title leaves a single character
alone on its last line, and every line fits its width."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextLayout, QTextOption
from PySide6.QtWidgets import QLabel, QStyle, QStyleOptionViewItem

from nndesk.gui import i18n
from nndesk.gui.nobreak import shown


def _lines(text: str, font, width: int, mode) -> list[tuple[str, float]]:
    """(line, its natural width) as Qt wraps `text` at `width`."""
    text = text.replace("\n", "\u2028")
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(mode)
    layout.setTextOption(option)
    layout.beginLayout()
    lines = []
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        part = text[line.textStart():line.textStart() + line.textLength()]
        lines.append((shown(part).strip(), line.naturalTextWidth()))
    layout.endLayout()
    return lines


def _alone(lines) -> bool:
    return len(lines) > 1 and len(lines[-1][0]) == 1


@pytest.mark.parametrize("code", ["en", "zh_CN", "ja"])
def test_no_lesson_title_leaves_one_character_alone_on_its_last_line(qtbot, code):
    from nndesk.gui.lessons.panel import LESSONS, LessonsPanel

    i18n.set_language(code)
    panel = LessonsPanel()
    qtbot.addWidget(panel)
    panel.resize(1180, 760)  # the Lessons view's first size (lessons.install_lessons)
    panel.show()
    qtbot.waitExposed(panel)
    view = panel.chapters
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    wrapped = 0
    for row in range(view.count()):
        option = QStyleOptionViewItem()
        view.itemDelegate().initStyleOption(option, view.model().index(row, 0))
        width = view.visualItemRect(view.item(row)).width() - 2 * margin
        lines = _lines(option.text, view.font(), width, QTextOption.WrapMode.WordWrap)
        assert not _alone(lines), (row, lines)
        assert all(w <= width for _, w in lines), (row, width, lines)
        wrapped += len(lines) > 1
    if code == "ja":
        assert wrapped  # the list is narrow: some names do wrap
    for key in LESSONS:
        page = panel.show_lesson(key)
        qtbot.wait(1)
        title = page.findChild(QLabel, "lesson_title")
        lines = _lines(QLabel.text(title), title.font(), title.contentsRect().width(),
                       QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        assert not _alone(lines), (key, lines)
