"""FileActions: the File menu's dialogs (models and designs) around gui/files.py."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from nndesk.gui.engine_text import translate_engine
from nndesk.gui.i18n import N_, tr
from nndesk.gui.state import IDLE, AppState

__all__ = ["FileActions", "NO_MODEL", "image_formats", "unreadable_text", "model_error_text"]

NO_MODEL = N_("No model yet — train one or open a model file.")
OPEN_MODEL_ADVICE = N_("Open a .npz file saved by nndesk (File ▸ Save model as…, or "
                       "`nndesk train --out`).")
# The reader's advice names the command line; in the window, the window's own way (QA).
WINDOW_ADVICE = {
    "to recognize the digit in it: nndesk predict IMAGE":
        N_("To recognize the digit in it: Canvas ▸ Open image… (Ctrl+Shift+I)."),
    "a spec is trained with 'nndesk train --spec FILE.json' or opened in the designer; a "
    "model file is an .npz":
        N_("A network design opens with File ▸ Open design… (Ctrl+Shift+O); a model file is "
           "an .npz."),
    "a model file is an .npz written by 'nndesk train' or the window's File ▸ Save model as…":
        OPEN_MODEL_ADVICE,
}


class FileActions:
    """Open and save models and designs; every failure becomes a dialog saying what to do.

    state: what is opened goes there, what is saved comes from there; settings: the folders
    last used; parent: the dialogs' owner; show_error(title, text) and show_status(text) tell
    the user (the window's dialog and status bar).
    """

    def __init__(self, state: AppState, settings: QSettings, parent: QWidget,
                 show_error: Callable[[str, str], None],
                 show_status: Callable[[str], None]) -> None:
        self.state, self.settings, self.parent = state, settings, parent
        self.show_error, self.show_status = show_error, show_status
        self._kept_design: dict | None = None  # the design last opened or saved as a file

    # -- the designer's design, before something replaces it ----------------------------
    def design_unsaved(self) -> bool:
        """True when the designer holds a design kept nowhere: layers that are no preset,
        not the model's network, not the design file last opened or saved, not the last
        run's (`design_kept`)."""
        from nndesk.gui.layer_schema import preset_of, same_design

        spec = self.state.spec
        if not spec.get("layers") or preset_of(spec):
            return False
        net = self.state.network
        kept = (self._kept_design, None if net is None else net.spec)
        return not any(k is not None and same_design(k, spec) for k in kept)

    def design_kept(self, spec: dict) -> None:
        """`spec` is kept in a file now (a run's model or checkpoint holds it): replacing it
        asks nothing."""
        self._kept_design = dict(spec)

    def may_replace_design(self, new_spec: dict, *, preset: bool = False) -> bool:
        """Before a model or design file (`preset`: a preset chosen in the designer) replaces
        the designer's design: True to go on. An edited design kept nowhere is asked about as
        a desktop app does (Save / Discard / Cancel; QA: opening a model silently replaced a
        custom design); Save saves it first (the file dialog cancelled: nothing is opened)."""
        from nndesk.gui.layer_schema import same_design

        if not self.design_unsaved() or same_design(new_spec, self.state.spec):
            return True
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self.parent, tr("Save the design first?"),
            tr("The design in the designer was changed and is not saved anywhere; the "
               "preset you chose replaces it.\n\nSave the design first?") if preset else
            tr("The design in the designer was changed and is not saved anywhere; what "
               "you open now replaces it.\n\nSave the design first?"),
            buttons.Save | buttons.Discard | buttons.Cancel, buttons.Save)
        if answer == buttons.Discard:
            return True
        if answer == buttons.Save:
            return self.save_design_dialog()
        return False

    def open_model_dialog(self) -> None:
        if self._busy(tr("Cannot open a model while training")):
            return
        path, _ = QFileDialog.getOpenFileName(self.parent, tr("Open a model"), self._dir("models"),
                                              tr("nndesk models (*.npz)"))
        if path:
            self._remember_dir("models", path)
            self.load_model(path)

    def _busy(self, title: str) -> bool:
        """True (and a message) while a run trains: its end would replace what is opened."""
        if self.state.training == IDLE:
            return False
        self.show_error(title, tr("A run is training; when it ends, its model takes the canvas "
                                  "and its design the designer.\n\nStop the run (Ctrl+.) or "
                                  "wait for it to finish, then open the file."))
        return True

    def load_model(self, path: str, *, quiet: bool = False) -> bool:
        """Use the model in `path` for drawing and show its design in the designer."""
        from nndesk.gui.files import read_model

        if not quiet and self._busy(tr("Cannot open a model while training")):
            return False
        try:
            net, metadata = read_model(path)
        except ValueError as err:
            if not quiet:
                self.show_error(tr("Cannot open this model"), model_error_text(err))
            return False
        if not quiet and self.state.training == IDLE and not self.may_replace_design(net.spec):
            return False
        self.state.set_model(net, path=str(path), metadata=metadata)
        if self.state.training == IDLE:
            self.state.set_spec(net.spec)
        return True

    def save_model_dialog(self) -> None:
        from nndesk.gui.files import with_suffix, write_model

        if self.state.network is None:
            self.show_error(tr("No model to save"), tr("Train a network or open a model first."))
            return
        path, _ = QFileDialog.getSaveFileName(self.parent, tr("Save the model"),
                                              self._dir("models"), tr("nndesk models (*.npz)"))
        if not path:
            return
        path = with_suffix(path, ".npz")
        try:
            write_model(path, self.state.network, self.state.metadata)
        except (OSError, ValueError) as err:
            self.show_error(tr("Cannot save the model"),
                            tr("{err}\n\nChoose another folder.").format(err=translate_engine(err)))
            return
        self._remember_dir("models", path)
        self.show_status(tr("Saved {path}").format(path=path))

    def show_model_info(self) -> None:
        from nndesk.gui.files import describe_metadata

        s = self.state
        if s.network is None:
            QMessageBox.information(self.parent, tr("Model"), tr(NO_MODEL))
            return
        QMessageBox.information(self.parent, tr("Model"), describe_metadata(
            s.network, s.model_path, s.metadata, s.model_source))

    def open_design_dialog(self) -> None:
        from nndesk.gui.files import DesignFileError, load_design

        if self._busy(tr("Cannot open a design while training")):
            return
        path, _ = QFileDialog.getOpenFileName(self.parent, tr("Open a design"),
                                              self._dir("designs"), tr("Network designs (*.json)"))
        if not path:
            return
        try:
            spec, config = load_design(path)
        except DesignFileError as err:
            self.show_error(tr("Cannot open this design"), tr(
                "{err}\n\nOpen a .json file saved with File ▸ Save design as….").format(
                    err=translate_engine(err)))
            return
        if not self.may_replace_design(spec):
            return
        self._remember_dir("designs", path)
        self._kept_design = spec
        self.state.set_spec(spec)
        config = _training_only(config or {})  # an older file's window setting stays out
        if config:
            self.state.set_config(**config)

    def save_design_dialog(self) -> bool:
        """Ask where, then save the design; True when it was saved."""
        from nndesk.gui.files import save_design, with_suffix

        path, _ = QFileDialog.getSaveFileName(self.parent, tr("Save the design"),
                                              self._dir("designs"), tr("Network designs (*.json)"))
        if not path:
            return False
        path = with_suffix(path, ".json")
        try:
            save_design(path, self.state.spec, _training_only(self.state.config))
        except OSError as err:
            self.show_error(tr("Cannot save the design"),
                            tr("{err}\n\nChoose another folder.").format(err=translate_engine(err)))
            return False
        self._remember_dir("designs", path)
        self._kept_design = dict(self.state.spec)
        return True

    def _dir(self, kind: str) -> str:
        from nndesk.gui.settings_check import read_setting

        return read_setting(self.settings, f"dirs/{kind}", str, str(Path.home()))

    def _remember_dir(self, kind: str, path: str) -> None:
        self.settings.setValue(f"dirs/{kind}", str(Path(path).parent))


def _training_only(config: dict) -> dict:
    """The training settings a design file carries: not the window's own (TensorBoard)."""
    from nndesk.gui.state import WINDOW_DEFAULTS

    return {k: v for k, v in config.items() if k not in WINDOW_DEFAULTS}


def image_formats() -> str:
    """The picture formats the open dialog offers (canvas.IMAGE_SUFFIXES, its filter's
    list): "PNG, JPEG, BMP, GIF, TIFF, WebP, PGM"."""
    from nndesk.gui.canvas import IMAGE_SUFFIXES

    names = {".jpg": "JPEG", ".jpeg": "JPEG", ".tif": "TIFF", ".tiff": "TIFF", ".webp": "WebP"}
    return ", ".join(dict.fromkeys(names.get(s, s[1:].upper()) for s in IMAGE_SUFFIXES))


def model_error_text(err: Exception) -> str:
    """What is wrong with a model file, then what to do, each said once: the reader's advice
    when it gives one (it knows what the file is: an image, a spec, a pickle), else the
    window's (QA: the reader's advice and the window's followed each other)."""
    from nndesk.gui.engine_text import translate_piece

    problem, advice = getattr(err, "problem", str(err)), getattr(err, "advice", "")
    if advice in WINDOW_ADVICE:
        advice = tr(WINDOW_ADVICE[advice])
    else:
        advice = translate_piece(advice) if advice else tr(OPEN_MODEL_ADVICE)
    return f"{translate_engine(problem)}\n\n{advice}"


def unreadable_text(path: str, err: Exception) -> str:
    """One sentence for a file that is not a picture we read: its name once (no library text)
    and the formats the open dialog offers."""
    name, formats = Path(path).name, image_formats()
    damaged = re.fullmatch(r".*: a damaged (?P<format>\S+) image, cut short or corrupted .*",
                           str(err), re.DOTALL)
    if damaged:  # the engine's one reading (data.preprocess._decode_error), as the CLI says
        return tr("“{name}” is a {format} image, but the file is damaged (cut short or "
                  "corrupted), so it cannot be read. Open a whole copy of it, or another "
                  "picture of one digit.").format(name=name, format=damaged["format"])
    if "not a readable image" in str(err):
        return tr("“{name}” is not a picture nndesk can read. Open a picture of one digit: "
                  "{formats}.").format(name=name, formats=formats)
    what = re.fullmatch(r".*: (?P<what>.+), not an image", str(err), re.DOTALL)
    if what:  # another kind of file: named as what it is (empty, a JSON or text file)
        from nndesk.gui.engine_text import translate_piece

        return tr("“{name}” is {what}, not a picture. Open a picture of one digit: "
                  "{formats}.").format(name=name, what=translate_piece(what["what"]),
                                       formats=formats)
    reason = translate_engine(err)  # too large, not a file, no permission: without the path
    for colon in (": ", "："):  # the engine's, and the one of the Chinese and Japanese texts
        reason = reason.removeprefix(f"{path}{colon}")
    return tr("“{name}” cannot be opened ({reason}). Open a picture of one digit: "
              "{formats}.").format(name=name, reason=reason, formats=formats)
