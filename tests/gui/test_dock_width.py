"""The side docks are widened again for the design loaded after the window is shown: the
shipped model's rows and totals are wider than the empty design's (in the real 1400x900
window the designer showed a sideways scroll bar, its Params column and totals cut)."""

from __future__ import annotations

import json
import subprocess
import sys

from gui_helpers import screen_env
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



# Runs in its own process: the screen's size is the offscreen platform's, set at start.
SWITCH = """
import json, sys
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDockWidget
QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, sys.argv[1])
from nndesk.gui.app import create_window
from nndesk.gui.session import panel_width
from nndesk.gui.window_dialogs import choose_language
app, w = create_window(None)
w.show()
for _ in range(5):
    app.processEvents()
dock = next(d for d in w.findChildren(QDockWidget) if d.objectName() == "Draw_a_digit")
before = dock.width()
choose_language("en", w, w.settings)
for _ in range(5):
    app.processEvents()
print(json.dumps({"before": before, "after": dock.width(), "needs": panel_width(dock),
                  "hbar": dock.widget().horizontalScrollBar().isVisible()}))
w.close()
"""


def test_a_language_switch_widens_a_dock_its_new_texts_need(tmp_path, mnist_dir):
    """QA (a first start in zh_CN at 1280x720, then View > Language > English): the digit
    dock kept its Chinese width, "Show each model's answers" and the bars' percentages cut
    under a sideways scroll bar."""
    env = screen_env(tmp_path, 1280, 720, NNDESK_LANG="zh_CN", NNDESK_DATA_DIR=str(mnist_dir))
    out = subprocess.run([sys.executable, "-c", SWITCH, str(tmp_path / "settings")], env=env,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert seen["needs"] > seen["before"], seen       # English needs more than Chinese did
    assert seen["after"] >= seen["needs"] and not seen["hbar"], seen
