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


@pytest.mark.parametrize("code", ["en", "zh_CN", "ja"])
def test_the_gradient_plots_axis_title_fits_a_narrow_plot(qtbot, code):
    """QA: "batch of the run (a point: one measurement, every 2 s or mo" at 1600x1000 with
    Layer health docked below: the title is as wide as a 330 px plot allows."""
    from nndesk.gui import i18n
    from nndesk.gui.health_panel import HealthPanel

    i18n.set_language(code)
    panel = HealthPanel(AppState())
    qtbot.addWidget(panel)
    plot = panel.figures.norms
    plot.setFixedWidth(330)
    panel.show()
    qtbot.waitExposed(panel)
    axis = plot.getPlotItem().getAxis("bottom")
    assert "2" in axis.labelText
    assert axis.label.boundingRect().width() <= axis.width(), axis.labelText
