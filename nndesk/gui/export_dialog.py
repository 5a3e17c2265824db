"""ExportDialog (File ▸ Export…): the model in the window as PyTorch, ONNX or book-style NumPy.

The work is `nndesk.export.export_model` (the CLI's `nndesk export`), run on a worker thread:
importing torch alone takes seconds. The network is copied when Export is pressed, so a
training run going on meanwhile does not change what is written.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nndesk.gui.i18n import N_, tr

__all__ = ["ExportDialog", "TARGET_LABELS", "MENU_TEXT", "open_export_dialog"]

MENU_TEXT = N_("&Export model…")   # File menu: tr(MENU_TEXT) -> open_export_dialog(window)

TARGET_LABELS = {
    "pytorch": N_("PyTorch: model.py, weights.pt, train.py (folder)"),
    "onnx": N_("ONNX: one .onnx file for any runtime"),
    "numpy": N_("NumPy, as in the book: network.py and params.npz (folder)"),
}
EXTRAS = {"pytorch": "nndesk[pytorch]", "onnx": "nndesk[onnx]", "numpy": ""}


class _Done(QObject):
    finished = Signal(object)  # (ok: bool, text: str); object: see qtfix.py


class ExportDialog(QDialog):
    """Choose a target and a place, press Export; the result is said in the dialog."""

    def __init__(self, network, metadata: dict, parent: QWidget | None = None,
                 start_dir: str = "") -> None:
        super().__init__(parent)
        from nndesk.nn import Network
        from nndesk.train import ModelFile

        copy = Network.from_spec(network.spec)
        copy.load_state_dict(network.state_dict())
        self.model = ModelFile(network=copy, spec=copy.spec, metadata=dict(metadata or {}),
                               checkpoint=None)
        self.setWindowTitle(tr("Export the model"))
        self.target = QComboBox()
        for key, label in TARGET_LABELS.items():
            self.target.addItem(tr(label), key)
        self.path = QLineEdit(str(Path(start_dir or Path.home()) / self._default_name("pytorch")))
        browse = QPushButton(tr("Choose…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(tr("Export to"), self.target)
        form.addRow(tr("Where"), row)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)     # file names are not markup
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.buttons.addButton(tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        self.export_button = self.buttons.addButton(tr("Export"),
                                                    QDialogButtonBox.ButtonRole.ApplyRole)
        self.export_button.clicked.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.target.currentIndexChanged.connect(self._on_target_changed)
        self._done = _Done()
        self._done.finished.connect(self._on_finished)
        self.thread: threading.Thread | None = None

    def _default_name(self, target: str) -> str:
        stem = "".join(c for c in str(self.model.spec.get("name") or "model") if c.isalnum())
        return {"pytorch": f"{stem}_pytorch", "onnx": f"{stem}.onnx",
                "numpy": f"{stem}_numpy"}[target]

    def _on_target_changed(self) -> None:
        folder = Path(self.path.text()).parent
        self.path.setText(str(folder / self._default_name(self.target.currentData())))

    def _browse(self) -> None:
        if self.target.currentData() == "onnx":
            path, _ = QFileDialog.getSaveFileName(self, tr("Export the model"), self.path.text(),
                                                  "ONNX (*.onnx)")
        else:
            path = QFileDialog.getExistingDirectory(self, tr("Export the model"),
                                                    str(Path(self.path.text()).parent))
            path = str(Path(path) / self._default_name(self.target.currentData())) if path else ""
        if path:
            self.path.setText(path)

    def start(self) -> None:
        """Export on a worker thread; the dialog says when it is done or what went wrong."""
        target, out = self.target.currentData(), self.path.text().strip()
        if not out:
            return
        self.export_button.setEnabled(False)
        self.status.setText(tr("Exporting…"))
        self.thread = threading.Thread(target=self._run, args=(target, out), daemon=True)
        self.thread.start()

    def _run(self, target: str, out: str) -> None:
        from nndesk.export import ExportError, export_model

        try:
            export_model(self.model, target, out)
        except ExportError as err:
            self._done.finished.emit((False, str(err)))
        except ImportError:
            self._done.finished.emit((False, tr(
                "This export needs an optional library: pip install '{extra}'").format(
                    extra=EXTRAS[target])))
        except OSError as err:
            self._done.finished.emit((False, f"{out}: {err.strerror or err}"))
        else:
            self._done.finished.emit((True, tr("Written: {path}").format(path=out)))

    def _on_finished(self, result: tuple[bool, str]) -> None:
        ok, text = result
        self.export_button.setEnabled(True)
        self.status.setText(text if ok else tr("Not exported: {err}").format(err=text))


def open_export_dialog(window) -> ExportDialog | None:
    """File ▸ Export model…: the dialog for the window's model (a message when there is none)."""
    state = window.state
    if state.network is None:
        window.show_error(tr("No model to export"), tr("Train a network or open a model first."))
        return None
    dialog = ExportDialog(state.network, state.metadata, window,
                          str(window.settings.value("dirs/exports", str(Path.home()))))
    dialog.export_button.clicked.connect(lambda: window.settings.setValue(
        "dirs/exports", str(Path(dialog.path.text()).parent)))
    dialog.show()
    return dialog
