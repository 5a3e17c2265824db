"""Wrapped Chinese and Japanese texts break between phrases, never inside a short one (QA,
ja: the big answer wrapped as 「数字ではありま」 / 「せん」, the canvas hint as 「ここに数字を
描いてくださ」 / 「い」, the filters' title as 「…フィルター 8」 / 「枚」). `nobreak.phrase_glued`
is the one mechanism: every WrapLabel and ClampedLabel, and the canvas's hint, use it."""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QFont, QTextLayout, QTextOption
from PySide6.QtWidgets import QLabel

from nndesk.gui import i18n
from nndesk.gui.i18n import tr
from nndesk.gui.nobreak import WrapLabel, phrase_glued, shown

CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")


def _lines(text: str, font: QFont, width: int) -> list[str]:
    """The lines Qt makes of `text` (as shown, glued) at `width`."""
    layout = QTextLayout(text.replace("\n", "\u2028"), font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    layout.beginLayout()
    lines = []
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        lines.append(shown(text[line.textStart():line.textStart() + line.textLength()]).strip())
    layout.endLayout()
    return lines


def _label_lines(label: QLabel) -> list[str]:
    return _lines(QLabel.text(label), label.font(), label.contentsRect().width())


@pytest.fixture
def window_in(qtbot, request, monkeypatch):
    from nndesk.gui.main_window import MainWindow

    monkeypatch.setenv("NNDESK_LANG", request.param)
    i18n.set_language(request.param)
    w = MainWindow()
    qtbot.addWidget(w)
    w.build_views()
    w.show()
    qtbot.waitExposed(w)
    w.resize(1280, 720)
    qtbot.waitUntil(lambda: w.width() == 1280)
    return w


WHOLE = {"ja": ["数字では", "ありません", "描いてください", "フィルター", "32 枚"],
         "zh_CN": ["不是数字", "个数字"]}


@pytest.mark.parametrize("window_in", ["ja", "zh_CN"], indirect=True)
@pytest.mark.parametrize("width", [170, 240])
def test_the_qa_texts_break_between_phrases(window_in, qtbot, width):
    code = i18n.language()
    answer = window_in.digit.answer
    answer.setText(tr("not a digit"))
    answer.setFixedWidth(width)                              # a narrowed canvas dock
    qtbot.wait(10)
    hint_font = QFont(window_in.font())
    hint_font.setPointSizeF(hint_font.pointSizeF() * 1.2)    # as the canvas paints it
    title = tr("Layer {n} Conv2D: {count} filters of {h}×{w}").format(n=1, count=32, h=5, w=5)
    pieces = [_label_lines(answer),
              _lines(phrase_glued(tr("draw a digit here")), hint_font, width - 16),
              _lines(phrase_glued(title), window_in.font(), width)]
    for lines in pieces:
        for whole in WHOLE[code]:
            joined = "".join(lines)
            if whole.replace(" ", "") in joined.replace(" ", ""):
                assert any(whole in line for line in lines), (whole, lines)


@pytest.mark.parametrize("window_in", ["ja", "zh_CN"], indirect=True)
def test_no_wrapped_label_of_the_window_leaves_one_character_alone(window_in, qtbot):
    """Every visible WrapLabel at 1280x720: no line is one Chinese or Japanese character."""
    qtbot.wait(20)
    alone = []
    for label in window_in.findChildren(WrapLabel):
        if not label.isVisible() or not label.wordWrap() or not CJK.search(label.text()):
            continue
        lines = _label_lines(label)
        alone += [(label.text(), lines) for line in lines if len(line) == 1 and CJK.match(line)]
    assert alone == []
