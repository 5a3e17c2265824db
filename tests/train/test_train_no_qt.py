"""nndesk.train never pulls in Qt: the CLI and tests use it without a display."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_importing_train_loads_no_qt():
    code = ("import sys, nndesk.train, nndesk.train.session, nndesk.train.remote, nndesk.nn, "
            "nndesk.data.mnist; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('PySide6', 'shiboken6', 'pyqtgraph', 'PyQt5', 'PyQt6')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=ROOT, check=True, env={"PYTHONPATH": str(ROOT)})
    assert out.stdout.strip() == "[]"
