"""The lessons' numbers load no Qt: the CLI, the tests and a notebook can call them."""

from __future__ import annotations

import subprocess
import sys


def test_import_lessons_loads_no_qt():
    code = ("import sys, nndesk.lessons.perceptrons, nndesk.lessons.activations, "
            "nndesk.lessons.learning, nndesk.lessons.backprop, nndesk.lessons.optimizer_paths, "
            "nndesk.lessons.weight_init, nndesk.lessons.convolution, nndesk.lessons.nielsen, "
            "nndesk.experiments; "
            "print([m for m in sys.modules if m.startswith(('PySide6', 'PyQt', 'pyqtgraph'))])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=60)
    assert out.stdout.strip() == "[]"
