"""Offer to download MNIST when it is missing, with a progress dialog that never freezes."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from nndesk.gui.engine_text import translate_engine
from nndesk.gui.i18n import tr
from nndesk.gui.jobs import start_thread

__all__ = ["ensure_mnist"]


class _Relay(QObject):
    """Carries progress from the download thread to the dialog (queued signals)."""

    progress = Signal(int, int)
    done = Signal(str)  # "" on success, else the error


def ensure_mnist(parent: QWidget, data_dir: str | None = None,
                 mirrors: list[str] | None = None) -> bool:
    """True when MNIST is present, or was just downloaded with the user's consent."""
    from nndesk.data.mnist import data_dir as find_dir
    from nndesk.data.mnist import download, missing_files

    folder = find_dir(data_dir, "mnist")
    missing = missing_files("mnist", folder)
    if not missing:
        return True
    answer = QMessageBox.question(
        parent, tr("MNIST is not here yet"),
        tr("Training needs the MNIST files in\n{folder}\n\nMissing: {missing}\n\n"
           "Download them now (about 11 MB)? Drawing digits works without them.").format(
            folder=folder, missing=", ".join(missing)),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    if answer != QMessageBox.StandardButton.Yes:
        return False
    dialog = QProgressDialog(tr("Downloading MNIST…"), tr("Hide"), 0, 1000, parent)
    dialog.setWindowTitle(tr("Downloading MNIST"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(0)
    relay = _Relay()
    result: list[str] = []
    relay.progress.connect(lambda done, total: dialog.setValue(int(1000 * done / max(total, 1))))
    relay.done.connect(lambda err: (result.append(err), dialog.done(0)))

    def work() -> None:
        try:
            download("mnist", folder, progress=relay.progress.emit, mirrors=mirrors)
            relay.done.emit("")
        except Exception as err:  # shown to the user below
            relay.done.emit(translate_engine(err) or type(err).__name__)

    start_thread(work, relay, name="mnist-download")
    dialog.exec()
    while not result:  # "Hide" closes the dialog early: keep waiting without freezing
        from PySide6.QtCore import QCoreApplication, QEventLoop

        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    if result[0]:
        QMessageBox.warning(parent, tr("Download failed"), tr(
            "{error}\n\nCheck your internet connection and try again, or "
            "copy the four MNIST .gz files into {folder}.").format(error=result[0], folder=folder))
        return False
    return True
