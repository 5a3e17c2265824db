"""The pen-path model's line beside the drawing is shown whole (QA, ja: 「ペン…ル：なし（開い
た画像）」 and 「ペン軌…デル」, cut in the middle of the model's name, on a row 190 px wide at
1280x720): its font shrinks to fit the row, in every language."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk.gui import i18n
from nndesk.gui.i18n import tr

QA_ROW = 190  # px: the row's width in the QA's screenshots (p1.png, c0.png), 1280x720


@pytest.mark.parametrize("code", ["en", "zh_CN", "ja"])
def test_the_pen_model_line_is_shown_whole(qtbot, code):
    from nndesk.gui.model_answers import ModelAnswers

    i18n.set_language(code)
    answers = ModelAnswers()
    qtbot.addWidget(answers)
    answers.setFixedWidth(QA_ROW)
    answers.show()
    qtbot.waitExposed(answers)
    answers.toggle.setChecked(True)

    class Reading:
        probabilities = np.eye(10)[3] * 0.9 + 0.01

    for path, why in ((None, tr("an opened image")), ((np.eye(10)[7], 0.5), "")):
        answers.show_answers(Reading(), path, None, no_path=why)
        qtbot.wait(10)
        for line in answers.lines:
            assert line.width() <= QA_ROW
            assert line.shown_text() == line.text(), (line.width(), line.text())
