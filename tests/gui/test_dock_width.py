"""The side docks are widened again for the design loaded after the window is shown: the
shipped model's rows and totals are wider than the empty design's (in the real 1400x900
window the designer showed a sideways scroll bar, its Params column and totals cut)."""

from __future__ import annotations

from PySide6.QtWidgets import QDockWidget


def test_the_docks_are_fitted_to_the_model_loaded_after_show(qtbot, mnist_dir, tmp_path,
                                                              monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    from nndesk.gui import session
    from nndesk.gui.app import create_window, finish_window

    _, window = create_window(None, lazy=True)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    dock = next(d for d in window.findChildren(QDockWidget)
                if d.objectName() == "Network_designer")
    qtbot.wait(50)
    empty = session.panel_width(dock)
    seen = []
    real = session.widen_docks
    monkeypatch.setattr(session, "widen_docks",
                        lambda w: (seen.append(session.panel_width(dock)), real(w)))
    finish_window(window, None)                     # the shipped model: DigitNet's rows
    qtbot.waitUntil(lambda: bool(seen), timeout=3000)
    # fitted again for the loaded design (its total is on two lines since the reason shares
    # its slot, design_summary: the panel no longer needs more width for DigitNet's)
    assert seen[0] >= empty
