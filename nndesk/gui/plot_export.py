"""The plots panel's exports: the two plots as a PNG, every run's history as CSV, and the
save dialog before either (split out of plots.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtWidgets import QFileDialog, QWidget

from nndesk.gui.i18n import tr

__all__ = ["png", "csv", "ask"]


def png(widget: QWidget, path: str) -> None:
    """`widget` rendered as a PNG file at `path` (atomic); OSError if it cannot be."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    from nndesk.fileio import atomic_write

    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    if not widget.grab().save(buf, "PNG"):
        raise OSError(f"could not render the plots for {path}")
    atomic_write(path, lambda f: f.write(data.data()))


def csv(runs: Iterable, path: str) -> None:
    """The runs' history (files.history_csv) written to `path` (atomic)."""
    from nndesk.fileio import atomic_write_text
    from nndesk.gui.files import history_csv

    atomic_write_text(path, history_csv(runs))


def ask(parent: QWidget, error, title: str, name: str, kind: str, suffix: str,
        export: Callable[[str], None], failed: str) -> None:
    """A save dialog, then `export(path)` with `suffix` added when missing; an OSError goes
    to the `error(title, text)` signal."""
    from nndesk.gui.files import with_suffix

    path, _ = QFileDialog.getSaveFileName(parent, title, name, kind)
    if not path:
        return
    try:
        export(with_suffix(path, suffix))
    except OSError as err:
        error.emit(failed, tr("{err}\n\nChoose another folder.").format(err=err))
