"""nndesk.data stands alone: no Qt, no engine, loaded in a fresh interpreter."""

from __future__ import annotations

import subprocess
import sys


def test_data_imports_neither_qt_nor_the_engine():
    code = ("import sys; import nndesk.data.mnist, nndesk.data.preprocess, nndesk.data.strokes, "
            "nndesk.data.pendigits, nndesk.data.folder, nndesk.data.augment; "
            "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph', 'torch')"
            " or m.startswith('nndesk.nn') or m.startswith('nndesk.train')]; print(bad)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
