"""FileActions: the File menu's dialogs (models and designs) around model_io and files."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox

from nndesk.gui.i18n import N_, tr
from nndesk.gui.state import IDLE

if TYPE_CHECKING:
    from nndesk.gui.main_window import MainWindow

__all__ = ["FileActions", "NO_MODEL"]

NO_MODEL = N_("No model yet — train one or open a model file.")


class FileActions:
    """Open and save models and designs; every failure becomes a dialog saying what to do."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def open_model_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, tr("Open a model"), self._dir("models"),
                                              "nndesk models (*.npz)")
        if path:
            self._remember_dir("models", path)
            self.load_model(path)

    def load_model(self, path: str, *, quiet: bool = False) -> bool:
        """Use the model in `path` for drawing and show its design in the designer."""
        from nndesk.gui.model_io import read_model

        try:
            net, metadata = read_model(path)
        except ValueError as err:
            if not quiet:
                self.window.show_error(tr("Cannot open this model"), tr(
                    "{err}\n\nOpen a .npz file saved by nndesk "
                    "(File ▸ Save model, or `nndesk train --out`).").format(err=err))
            return False
        self.window.state.set_model(net, path=str(path), metadata=metadata)
        if self.window.state.training == IDLE:
            self.window.state.set_spec(net.spec)
        return True

    def save_model_dialog(self) -> None:
        from nndesk.gui.model_io import write_model

        if self.window.state.network is None:
            self.window.show_error(tr("No model to save"),
                                   tr("Train a network or open a model first."))
            return
        path, _ = QFileDialog.getSaveFileName(
            self.window, tr("Save the model"), self._dir("models"),
            "nndesk models (*.npz)")
        if not path:
            return
        path = path if path.endswith(".npz") else path + ".npz"
        try:
            write_model(path, self.window.state.network, self.window.state.metadata)
        except (OSError, ValueError) as err:
            self.window.show_error(tr("Cannot save the model"),
                                   tr("{err}\n\nChoose another folder.").format(err=err))
            return
        self._remember_dir("models", path)
        self.window.statusBar().showMessage(tr("Saved {path}").format(path=path), 8000)

    def show_model_info(self) -> None:
        from nndesk.gui.model_io import describe_metadata

        s = self.window.state
        if s.network is None:
            QMessageBox.information(self.window, tr("Model"), tr(NO_MODEL))
            return
        QMessageBox.information(self.window, tr("Model"), describe_metadata(s.network, s.model_path,
                                                                 s.metadata, s.model_source))

    def open_design_dialog(self) -> None:
        from nndesk.gui.files import DesignFileError, load_design

        path, _ = QFileDialog.getOpenFileName(
            self.window, tr("Open a design"), self._dir("designs"),
            "Network designs (*.json)")
        if not path:
            return
        try:
            spec, config = load_design(path)
        except DesignFileError as err:
            self.window.show_error(tr("Cannot open this design"), tr(
                "{err}\n\nOpen a .json file saved with File ▸ Save design.").format(err=err))
            return
        self._remember_dir("designs", path)
        self.window.state.set_spec(spec)
        if config:
            self.window.state.set_config(**config)

    def save_design_dialog(self) -> None:
        from nndesk.gui.files import save_design

        path, _ = QFileDialog.getSaveFileName(
            self.window, tr("Save the design"), self._dir("designs"),
            "Network designs (*.json)")
        if not path:
            return
        path = path if path.endswith(".json") else path + ".json"
        try:
            save_design(path, self.window.state.spec, self.window.state.config)
        except OSError as err:
            self.window.show_error(tr("Cannot save the design"),
                                   tr("{err}\n\nChoose another folder.").format(err=err))
            return
        self._remember_dir("designs", path)

    def _dir(self, kind: str) -> str:
        from nndesk.gui.settings_check import read_setting

        return read_setting(self.window.settings, f"dirs/{kind}", str, str(Path.home()))

    def _remember_dir(self, kind: str, path: str) -> None:
        self.window.settings.setValue(f"dirs/{kind}", str(Path(path).parent))
