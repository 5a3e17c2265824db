"""ExportDialog (File ▸ Export…): the model in the window as PyTorch, ONNX or book-style NumPy.

The work is `nndesk.export.export_model` (the CLI's `nndesk export`), run on a worker thread:
importing torch alone takes seconds. The network is copied when Export is pressed, so a
training run going on meanwhile does not change what is written.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nndesk.gui.engine_text import translate_engine
from nndesk.gui.i18n import N_, tr
from nndesk.gui.jobs import Relay, start_thread
from nndesk.gui.nobreak import WrapLabel

__all__ = ["ExportDialog", "TARGET_LABELS", "MENU_TEXT", "open_export_dialog"]

MENU_TEXT = N_("&Export model…")   # File menu: tr(MENU_TEXT) -> open_export_dialog(window)

TARGET_LABELS = {  # {files}: what `written_files` says this network's export writes
    "pytorch": N_("PyTorch: {files} (folder)"),
    "onnx": N_("ONNX: one .onnx file for any runtime"),
    "numpy": N_("NumPy, as in the book: {files} (folder)"),
}
EXTRAS = {"pytorch": "nndesk[pytorch]", "onnx": "nndesk[onnx]", "numpy": ""}


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
            self._add_target(key, label)
        self.path = QLineEdit(str(Path(start_dir or Path.home()) / self._default_name("pytorch")))
        browse = QPushButton(tr("Choose…"))
        browse.setAutoDefault(False)  # Return exports; it opened the file chooser (QA)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(tr("Export to"), self.target)
        form.addRow(tr("Where"), row)
        self.status = WrapLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)     # file names are not markup
        self.status.setWordWrap(True)
        self.status.hide()  # until there is something to say (`_say`)
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
        # Return exports, Escape closes (QDialog's); set once in the dialog, or it is lost
        self.export_button.setDefault(True)
        self.target.currentIndexChanged.connect(self._on_target_changed)
        self.path.textChanged.connect(self._on_path_edited)  # (a method: a lambda holding
        # self in a child's connection keeps the dialog alive after it is dropped)
        enabled = [i for i in range(self.target.count())
                   if self.target.model().item(i).isEnabled()]
        if enabled:
            self.target.setCurrentIndex(enabled[0])
        else:   # no target expresses this network: say why, offer nothing
            self.export_button.setEnabled(False)
            self._say(self.target.model().item(0).toolTip())
        self._done = Relay()  # done: (ok, text); the job holds it, never the dialog
        self.running = False  # an export is being written (quit_guard asks before a close)
        self._done.done.connect(self._on_finished)

    def _add_target(self, key: str, label: str) -> None:
        """One choice, naming the files this network's export writes; a target that cannot
        express the network is shown disabled, its reason as the tooltip."""
        from nndesk.export import export_problem, written_files

        spec = self.model.spec
        self.target.addItem(tr(label).format(files=", ".join(written_files(spec, key))), key)
        problem = export_problem(spec, key)
        if problem is not None:
            item = self.target.model().item(self.target.count() - 1)
            item.setEnabled(False)
            item.setToolTip(translate_engine(problem))

    def _default_name(self, target: str) -> str:
        stem = "".join(c for c in str(self.model.spec.get("name") or "model") if c.isalnum())
        return {"pytorch": f"{stem}_pytorch", "onnx": f"{stem}.onnx",
                "numpy": f"{stem}_numpy"}[target]

    def _on_target_changed(self) -> None:
        folder = Path(self.path.text()).parent
        self.path.setText(str(folder / self._default_name(self.target.currentData())))
        self._say("")  # what was said was about the other format

    def _on_path_edited(self, _text: str) -> None:
        self._say("")  # a new place: what was said was about the old one

    def _say(self, text: str) -> None:
        """Show `text` under the form ("" clears it), the dialog grown to fit it: a reason
        on two lines squashed the format box and the place field (QA, ja)."""
        self.status.setText(text)
        self.status.setVisible(bool(text))
        layout = self.layout()
        if layout is None or not self.isVisible():
            return
        layout.activate()
        need = (layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth()
                else layout.totalSizeHint().height())
        need = max(need, layout.totalMinimumSize().height())
        if self.height() < need:
            self.resize(self.width(), need)

    def _browse(self) -> None:
        from nndesk.export import FILE_SUFFIX
        from nndesk.gui.files import with_suffix

        if self.target.currentData() == "onnx":
            path, _ = QFileDialog.getSaveFileName(self, tr("Export the model"), self.path.text(),
                                                  "ONNX (*.onnx)")
            if path:  # a name typed in the chooser gets the filter's ending, as a model's does
                path = with_suffix(path, FILE_SUFFIX["onnx"])
        else:
            path = QFileDialog.getExistingDirectory(self, tr("Export the model"),
                                                    str(Path(self.path.text()).parent))
            path = str(Path(path) / self._default_name(self.target.currentData())) if path else ""
        if path:
            self.path.setText(path)

    def start(self) -> None:
        """Export on a worker thread; the dialog says when it is done or what went wrong."""
        from nndesk.export import place_problem

        target, out = self.target.currentData(), self.path.text().strip()
        problem = place_problem(target, out)  # the CLI's rule: no name, a wrong ending
        if problem is not None:
            self._say(tr("Not exported: {err}").format(err=translate_engine(problem)))
            return
        replace = _taken(Path(out), target)
        if replace and QMessageBox.question(
                self, tr("Export the model"),
                tr("{path} already exists. Replace the files this export writes there? "
                   "Any other file in it is kept.").format(path=out),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No) != QMessageBox.StandardButton.Yes:
            return
        self.export_button.setEnabled(False)
        self.running = True
        self._say(tr("Exporting…"))
        model, done = self.model, self._done.done
        start_thread(lambda: done.emit(_export(model, target, out, replace)), self._done,
                     name="nndesk-export")

    def _on_finished(self, result: tuple[bool, str]) -> None:
        ok, text = result
        self.export_button.setEnabled(True)
        self.running = False
        self._say(text if ok else tr("Not exported: {err}").format(err=text))


def _taken(out: Path, target: str) -> bool:
    """True when exporting to `out` would replace something the user should agree to: an
    .onnx file, or a folder not empty (anything else fails with its reason, no question)."""
    if target == "onnx":
        return out.is_file()
    return out.is_dir() and any(out.iterdir())


def _export(model, target: str, out: str, replace: bool = False) -> tuple[bool, str]:
    """On the worker thread: write the export; (True, what was written) or (False, why not)."""
    from nndesk.export import ExportError, export_model

    try:
        export_model(model, target, out, replace=replace)
    except ExportError as err:
        return False, translate_engine(err)
    except ImportError:
        return False, tr("This export needs an optional library: pip install '{extra}'").format(
            extra=EXTRAS[target])
    except OSError as err:
        return False, f"{out}: {err.strerror or err}"
    return True, tr("Written: {path}").format(path=out)


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
