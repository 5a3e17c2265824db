"""The two headings over the inside views ("Layer 1 Conv2D: 32 filters of 5×5" and "Feature
maps of the drawn digit") ran together as one heading at the window's usual centre width: each
now ends in "…" where its column cuts it (the filters' title after a second line), and a gap
separates the columns."""

from __future__ import annotations

import pytest
from gui_helpers import shipped_model, shown

from nndesk.gui import i18n
from nndesk.gui.inside_panel import InsidePanel
from nndesk.gui.state import AppState


@pytest.mark.parametrize("code", ["en", "zh_CN", "ja"])
@pytest.mark.parametrize("width", [450, 700])
def test_each_heading_stays_over_its_own_view(qtbot, code, width):
    i18n.set_language(code)
    state = AppState()
    panel = shown(qtbot, InsidePanel(state), width, 330)
    net, meta = shipped_model()
    state.set_model(net, path="model.npz", metadata=meta)
    qtbot.wait(20)
    left, right = panel.filters_title, panel.maps_title
    assert right.geometry().left() - left.geometry().right() >= 12          # two headings
    for title, view in ((left, panel.filters), (right, panel.maps)):
        assert view.geometry().left() <= title.geometry().left()
        assert title.geometry().right() <= view.geometry().right()          # over its view
        # the filters' title wraps onto two lines (a ClampedLabel), the maps' title is one
        lines = title.shown_lines() if hasattr(title, "shown_lines") else [title.shown_text()]
        width = title.contentsRect().width()
        assert all(title.fontMetrics().horizontalAdvance(line) <= width for line in lines)
        whole = "".join("".join(lines).split()) == "".join(title.text().split())
        assert whole or lines[-1].endswith("…")
    assert "Conv2D" in left.text() and left.toolTip() == left.text()        # whole on hover
