"""The PySide6 6.12.0 guard: signals carrying True/False/None must not crash CPython 3.11."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import nndesk.gui  # applies the guard where it is needed
from PySide6.QtCore import QCoreApplication, QObject, Signal
app = QCoreApplication([])
class O(QObject):
    flag = Signal(bool)
    data = Signal(dict)
o = O()
o.flag.connect(lambda b: None)
o.data.connect(lambda d: None)
for _ in range(200_000):  # far more than True's own reference count on CPython 3.11
    o.flag.emit(True)
    o.flag.emit(False)
    o.data.emit({"x": None})
print("alive")
"""


def test_many_bool_signals_do_not_crash_the_process():
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0 and "alive" in out.stdout, out.stderr[-2000:]


def test_guard_applies_only_to_the_affected_version():
    import PySide6

    from nndesk.gui.qtfix import needs_guard

    affected = PySide6.__version__ == "6.12.0" and sys.version_info < (3, 12)
    assert needs_guard() == affected
    if affected:
        assert sys.getrefcount(True) > 1 << 39 and sys.getrefcount(None) > 1 << 39
