"""Values read back from QSettings, checked: a wrong type or range is ignored, never fatal.

nndesk.conf can hold anything: another version's layout, a hand edit, a broken disk. Every
read goes through `read_setting`, which returns the value only when it has the expected type
(and passes `check`), else `default`; each bad key is reported once on stderr.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QByteArray

__all__ = ["read_setting", "read_bytes", "read_number", "reported"]

_reported: set[str] = set()


def reported() -> set[str]:
    """Keys found bad so far (each reported once per process)."""
    return set(_reported)


def _report(settings, key: str, value: Any) -> None:
    where = f"{settings.fileName()} [{key}]" if hasattr(settings, "fileName") else key
    if where in _reported:
        return
    _reported.add(where)
    shown = repr(value)
    shown = shown if len(shown) <= 60 else shown[:57] + "..."
    print(f"nndesk: ignoring the setting {where}: unexpected value {shown}", file=sys.stderr)


def read_setting(settings, key: str, kind: type | tuple[type, ...], default: Any = None,
                 check: Callable[[Any], bool] | None = None) -> Any:
    """settings.value(key) if it is a `kind` and `check(value)` holds, else `default`.

    A missing key gives `default` silently; a present one of the wrong shape is reported once.
    bool is not accepted where int is asked (True is an int to Python, not to a user).
    """
    try:
        if not settings.contains(key):
            return default
        value = settings.value(key)
    except Exception:  # noqa: BLE001 (a broken file must never stop the window)
        _report(settings, key, "<unreadable>")
        return default
    ok = isinstance(value, kind) and not (isinstance(value, bool) and bool not in
                                          (kind if isinstance(kind, tuple) else (kind,)))
    try:
        ok = ok and (check is None or bool(check(value)))
    except Exception:  # noqa: BLE001
        ok = False
    if not ok:
        _report(settings, key, value)
        return default
    return value


def read_bytes(settings, key: str) -> QByteArray | None:
    """A saved Qt state (geometry, dock layout, splitter): a non-empty QByteArray, or None."""
    return read_setting(settings, key, (QByteArray, bytes), None,
                        lambda v: 0 < len(v) < 1_000_000)


def read_number(settings, key: str, kind: type, low: float, high: float,
                default: Any = None) -> Any:
    """An int or float within [low, high]; INI files store numbers as text, which is parsed."""
    value = read_setting(settings, key, (kind, str), None)
    if value is None:
        return default
    try:
        number = kind(value)
    except (TypeError, ValueError):
        _report(settings, key, value)
        return default
    if not (low <= number <= high) or number != number:
        _report(settings, key, value)
        return default
    return number
