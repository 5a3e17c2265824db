"""The engine never loads Qt: it must run in a worker, a CLI and a test without a display."""

from __future__ import annotations

import subprocess
import sys


def test_import_engine_loads_no_qt():
    code = ("import sys, nndesk.nn, nndesk.presets; "
            "print([m for m in sys.modules if m.startswith(('PySide6', 'PyQt', 'pyqtgraph'))])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=60)
    assert out.stdout.strip() == "[]"
