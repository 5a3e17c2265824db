"""Guard against a PySide6 6.12.0 refcount bug that crashes the window on CPython < 3.12.

PySide6-Essentials 6.12.0 drops a reference to True/False each time a signal carries one
(and to None inside a `Signal(dict)` payload). pyqtgraph emits such signals on every redraw,
so after a few thousand redraws CPython 3.11 aborts with "bool_dealloc: deallocating True or
False". 6.11.3 does not do this, and on CPython 3.12+ these objects are immortal. Until the
dependency excludes 6.12.0, we give the three singletons a reference count so large that the
lost references can never bring it to zero (what CPython 3.12 does for every immortal object).
"""

from __future__ import annotations

import ctypes
import sys

__all__ = ["needs_guard", "guard_singletons"]

_EXTRA = 1 << 40  # ~1e12 references: decades of redraws at thousands of signals a second
_done = False


def needs_guard() -> bool:
    """True on the affected combination: PySide6 6.12.0 on CPython before 3.12."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    import PySide6

    return PySide6.__version__ == "6.12.0"


def guard_singletons() -> bool:
    """Make None, True and False effectively immortal when needed; True if it was applied."""
    global _done
    if _done or not needs_guard():
        return _done
    for obj in (None, True, False):
        ctypes.c_ssize_t.from_address(id(obj)).value += _EXTRA  # ob_refcnt is the first field
    _done = True
    return True
