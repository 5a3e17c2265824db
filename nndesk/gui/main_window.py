"""MainWindow: builds the panels, docks them, makes the menus and wires signals. Nothing else."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QWidget,
)

from nndesk.gui.designer import DesignerPanel
from nndesk.gui.digit_panel import DigitPanel
from nndesk.gui.file_actions import NO_MODEL, FileActions
from nndesk.gui.i18n import (
    LANGUAGE_NAMES,
    N_,
    SETTINGS_KEY,
    detect_language,
    language,
    set_language,
    tr,
)
from nndesk.gui.inspector_panel import InspectorPanel
from nndesk.gui.state import IDLE, AppState
from nndesk.gui.train_panel import TrainPanel
from nndesk.gui.training import TrainingController

__all__ = ["MainWindow"]



class MainWindow(QMainWindow):
    """Designer + training on the left, curves and the network's insides in the middle,
    the drawing canvas on the right."""

    def __init__(self, state: AppState | None = None) -> None:
        super().__init__()
        self.settings = QSettings("nndesk", "nndesk")
        set_language(detect_language(self.settings))  # before any text is made
        self.setWindowTitle(tr("nndesk — design, train, look inside, draw"))
        self.state = state or AppState(self)
        self.training = TrainingController(self.state, self)
        self.files = FileActions(self)
        self.designer = DesignerPanel(self.state)
        self.train_panel = TrainPanel(self.state, lazy=True)
        self.plots = None  # PlotsPanel and InsidePanel need pyqtgraph (slow to import):
        self.inside = None  # build_views() makes them, right after the window is shown
        self.digit = DigitPanel(self.state)
        self._run_id: int | None = None

        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.designer)
        left.addWidget(self.train_panel)
        left.setStretchFactor(0, 3)
        left.setStretchFactor(1, 2)
        self.left_splitter = left
        self.center = QSplitter(Qt.Orientation.Vertical)
        for text in (tr("Loading the plots…"), tr("Loading the filter views…")):
            placeholder = QLabel(text)
            placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.center.addWidget(placeholder)
        self.center.setSizes([480, 420])
        self.setCentralWidget(self.center)
        self._dock(N_("Network designer"), left, Qt.DockWidgetArea.LeftDockWidgetArea, 380)
        self._dock(N_("Draw a digit"), self.digit, Qt.DockWidgetArea.RightDockWidgetArea, 360)
        self.inspector = InspectorPanel(self.state)  # View ▸ Preprocessing steps; hidden first
        self._dock(N_("Preprocessing steps"), self.inspector,
                   Qt.DockWidgetArea.RightDockWidgetArea, 360)
        steps = self.findChild(QDockWidget, "Preprocessing_steps")
        steps.setFeatures(steps.features() | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        steps.hide()
        self.model_status = QLabel(tr(NO_MODEL))
        self.statusBar().addPermanentWidget(self.model_status)
        self._menus()
        self._wire()
        self._restore_settings()

    def _dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea, width: int) -> None:
        dock = QDockWidget(tr(title), self)
        dock.setObjectName(title.replace(" ", "_"))  # English: saved layouts keep working
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        self.resizeDocks([dock], [width], Qt.Orientation.Horizontal)

    def _action(self, menu, text: str, slot, *keys) -> QAction:
        action = QAction(text, self)
        if keys:
            action.setShortcuts([QKeySequence(k) for k in keys])
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _menus(self) -> None:
        bar = self.menuBar()
        f = bar.addMenu(tr("&File"))
        keys = QKeySequence.StandardKey
        self._action(f, tr("&Open model…"), self.files.open_model_dialog, keys.Open)
        self._action(f, tr("&Save model as…"), self.files.save_model_dialog, keys.Save)
        self._action(f, tr("Model &info…"), self.files.show_model_info, "Ctrl+I")
        f.addSeparator()
        self._action(f, tr("Open &design…"), self.files.open_design_dialog, "Ctrl+Shift+O")
        self._action(f, tr("Save d&esign as…"), self.files.save_design_dialog, "Ctrl+Shift+S")
        f.addSeparator()
        self._action(f, tr("Export curves as &PNG…"), lambda: self.plots and self.plots._ask_png())
        self._action(f, tr("Export history as &CSV…"), lambda: self.plots and self.plots._ask_csv())
        f.addSeparator()
        self._action(f, tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        t = bar.addMenu(tr("&Training"))
        self._action(t, tr("&Train"), self._on_train_requested, "Ctrl+T")
        self._action(t, tr("&Pause / resume"), self.training.toggle_pause, "Ctrl+P")
        self._action(t, tr("&Stop"), self.training.stop, "Ctrl+.")
        c = bar.addMenu(tr("&Canvas"))
        self._action(c, tr("&Clear"), self.digit.canvas.clear, "Esc", "Delete", "Ctrl+L")
        self._action(c, tr("&Undo stroke"), self.digit.canvas.undo, QKeySequence.StandardKey.Undo)
        self._action(c, tr("&Open image…"), self.digit._ask_image, "Ctrl+Shift+I")
        v = bar.addMenu(tr("&View"))
        for dock in self.findChildren(QDockWidget):
            v.addAction(dock.toggleViewAction())
        v.addSeparator()
        self._language_menu(v.addMenu(tr("&Language")))
        h = bar.addMenu(tr("&Help"))
        self._action(h, tr("&Keyboard shortcuts"), self._show_shortcuts, "F1")

    def _language_menu(self, menu) -> None:
        """View ▸ Language: the choice is saved and used from the next start."""
        group = QActionGroup(self)
        for code, name in LANGUAGE_NAMES.items():
            action = QAction(name, self, checkable=True)
            action.setObjectName(f"language_{code}")
            action.setChecked(code == language())
            action.triggered.connect(lambda _=False, code=code: self._choose_language(code))
            group.addAction(action)
            menu.addAction(action)

    def _choose_language(self, code: str) -> None:
        self.settings.setValue(SETTINGS_KEY, code)
        self.settings.sync()
        QMessageBox.information(self, tr("Language"), tr(
            "The window will use {language} from the next start of nndesk."
        ).format(language=LANGUAGE_NAMES[code]))

    def _wire(self) -> None:
        tc = self.training
        self.train_panel.train_requested.connect(self._on_train_requested)
        self.train_panel.pause_requested.connect(tc.toggle_pause)
        self.train_panel.stop_requested.connect(tc.stop)
        tc.run_started.connect(self._on_run_started)
        tc.batch_done.connect(self._on_batch_done)
        tc.epoch_done.connect(self._on_epoch_done)
        tc.message.connect(self.train_panel.show_message)
        for source in (tc, self.digit):
            source.error.connect(self.show_error)
        self.state.model_changed.connect(self._on_model_changed)

    def build_views(self) -> None:
        """Create the pyqtgraph panels (curves, filters, feature maps) in the centre."""
        if self.plots is not None:
            return
        self.train_panel.load_choices()
        import pyqtgraph as pg

        pg.setConfigOptions(imageAxisOrder="row-major", antialias=True)
        from nndesk.gui.inside_panel import InsidePanel
        from nndesk.gui.plots import PlotsPanel

        self.plots, self.inside = PlotsPanel(), InsidePanel(self.state)
        self.plots.error.connect(self.show_error)
        sizes = self.center.sizes()
        for i, panel in enumerate((self.plots, self.inside)):
            self.center.replaceWidget(i, panel).deleteLater()
        self.center.setSizes(sizes)

    # -- training -> plots ------------------------------------------------------------------
    def _on_train_requested(self) -> None:
        from nndesk.gui.download import ensure_mnist

        if self.state.training != IDLE:
            return
        if self.training.data is None and not ensure_mnist(self, self.training.data_dir):
            self.train_panel.show_message(tr("Training needs MNIST; drawing still works."))
            return
        self.training.start()

    def _on_run_started(self, name: str, history: list) -> None:
        self.build_views()
        self._run_id = self.plots.start_run(name)
        for record in history:
            self._on_epoch_done(record)

    def _on_batch_done(self, info: dict) -> None:
        if self._run_id is not None:
            self.plots.add_batches(self._run_id, info["steps"], info["losses"])
        if "fraction" in info:
            self.train_panel.show_progress(info)

    def _on_epoch_done(self, record: dict) -> None:
        if self._run_id is not None:
            self.plots.add_epoch(self._run_id, record["epoch"], record.get("train_acc"),
                                 record.get("val_acc"), record.get("val_loss"))

    def _on_model_changed(self) -> None:
        s = self.state
        if s.network is None:
            self.model_status.setText(tr(NO_MODEL))
        elif s.model_source == "snapshot":
            self.model_status.setText(tr("Canvas uses the network being trained"))
        else:
            self.model_status.setText(tr("Model: {name}").format(
                name=Path(s.model_path or "untitled").name) + _accuracy_text(s.metadata))
        if s.network is not None:
            from nndesk.gui.model_io import describe_metadata

            self.model_status.setToolTip(describe_metadata(s.network, s.model_path, s.metadata,
                                                           s.model_source))

    def show_error(self, title: str, text: str) -> None:
        """Every error ends here: a dialog that says what happened and what to do."""
        QMessageBox.warning(self, title, text)

    def _show_shortcuts(self) -> None:
        QMessageBox.information(self, tr("Keyboard shortcuts"), tr(
            "Esc / Delete / Ctrl+L  clear the canvas\nCtrl+Z  undo the last stroke\n"
            "Ctrl+T  train · Ctrl+P  pause/resume · Ctrl+.  stop\n"
            "Ctrl+O / Ctrl+S  open / save a model · Ctrl+I  model info\n"
            "Ctrl+Shift+O / Ctrl+Shift+S  open / save a design\nCtrl+Q  quit"))

    # -- settings and closing ---------------------------------------------------------------
    def _restore_settings(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1400, 900)
        for key, widget in (("window/state", self), ("window/center", self.center),
                            ("window/left", self.left_splitter)):
            saved = self.settings.value(key)
            if saved is not None:
                widget.restoreState(saved)

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("window/center", self.center.saveState())
        self.settings.setValue("window/left", self.left_splitter.saveState())
        if self.training.busy:
            self.hide()  # gone at once for the user; the checkpoint is written meanwhile
            ckpt = self.training.shutdown()
            if ckpt is not None:
                self.settings.setValue("resume/checkpoint", str(ckpt))
        self.settings.sync()
        event.accept()

    def offer_resume(self) -> None:
        """After a close during training: ask whether to continue that run."""
        path = self.settings.value("resume/checkpoint")
        self.settings.remove("resume/checkpoint")
        if not path or not Path(path).is_file():
            return
        answer = QMessageBox.question(
            self, tr("Resume training?"), tr("Training was interrupted when the window closed.\n"
                                            "Its checkpoint is {path}.\n\nResume that run now?"
                                            ).format(path=path))
        if answer == QMessageBox.StandardButton.Yes:
            QTimer.singleShot(0, lambda: self.training.start(resume=path))


def _accuracy_text(metadata: dict) -> str:
    acc = metadata.get("accuracy")
    return (tr(" · test accuracy {acc}%").format(acc=f"{100 * acc:.2f}")
            if isinstance(acc, (int, float)) else "")
