"""The nndesk window (Qt). Start it with `nndesk` or `nndesk.gui.app.run()`."""

from nndesk.gui.qtfix import guard_singletons

guard_singletons()  # before any Qt signal flows: see qtfix.py (PySide6 6.12.0 on CPython 3.11)

__all__: list[str] = []
