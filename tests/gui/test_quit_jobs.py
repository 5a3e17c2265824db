"""Quitting (Ctrl+Q) while a background view computes ends the process cleanly: every job's
QThread is stopped or waited for, and one that cannot stop in time (the gradient check is one
long computation) never aborts the process ("QThread: Destroyed while thread is still
running", exit 134). Each case runs `nndesk.gui.app.run` in its own process, as `nndesk` does."""

from __future__ import annotations

import subprocess
import sys

import pytest
from gui_helpers import RUN_WHEN_READY, screen_env

SCRIPT = """
import sys
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDockWidget
QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, sys.argv[1])
app = QApplication(sys.argv[:1])
from nndesk.gui import app as gui_app
from nndesk.presets import load_preset

def window():
    return next(w for w in app.topLevelWidgets() if w.objectName() == "" and
                hasattr(w, "eval_panel"))

def act():
    w = window()
    w.state.set_spec(load_preset("DeepConvNet"))
    for name in sys.argv[2].split(","):
        dock = w.findChild(QDockWidget, name)
        dock.toggleViewAction().trigger()
    if "Gradient_check" in sys.argv[2]:
        w.gradcheck_panel.run_button.click()
    quit_action = next(a for a in w.findChildren(QAction) if a.text() == "&Quit")  # Ctrl+Q
    QTimer.singleShot(1500, lambda: (print("QUIT", flush=True), quit_action.trigger()))
""" + RUN_WHEN_READY


@pytest.mark.parametrize("views", ["Gradient_check", "Evaluation,Layer_health",
                                   "Gradient_check,Evaluation,Layer_health"])
def test_quitting_while_views_compute_exits_cleanly(tmp_path, views):
    env = screen_env(tmp_path, 1400, 900)
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path / "s"), views], env=env,
                          capture_output=True, text=True, timeout=300)  # a hang guard only
    assert "QUIT" in done.stdout, done.stderr
    assert "Destroyed while thread" not in done.stderr
    assert done.returncode == 0, done.stderr
