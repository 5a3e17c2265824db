"""Texts not clipped in any language (QA): the gradient check's column headers keep their
width after a language switch at run time in a narrow dock (the table scrolls instead)."""

from __future__ import annotations

import pytest
from gui_helpers import TINY_SPEC

from nndesk.gui.gradcheck_panel import GradcheckPanel
from nndesk.gui.state import AppState


@pytest.mark.parametrize("code", ["zh_CN", "ja"])
def test_gradcheck_headers_stay_whole_after_a_language_switch(qtbot, code):
    from nndesk.gui import i18n
    from nndesk.gui.retranslate import retranslate_widgets

    state = AppState()
    state.set_spec(TINY_SPEC)
    panel = GradcheckPanel(state)
    qtbot.addWidget(panel)
    panel.resize(420, 260)
    panel.table.setMaximumWidth(240)  # a narrow dock's table (the panel's buttons keep it wider)
    panel.show()
    qtbot.waitExposed(panel)
    i18n.set_language(code)
    retranslate_widgets([panel], "en", code)
    qtbot.wait(20)
    header = panel.table.horizontalHeader()
    texts = [panel.table.horizontalHeaderItem(i).text() for i in range(4)]
    assert texts[0] == i18n.tr("parameter tensor") != "parameter tensor"
    for i, text in enumerate(texts):
        ink = header.fontMetrics().horizontalAdvance(text)
        assert header.sectionSize(i) >= max(header.sectionSizeHint(i), ink), text
