"""MainWindow: builds the panels, docks them (window_docks.py), makes the menus
(window_menus.py) and wires signals. Nothing else."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QMessageBox, QSplitter

from nndesk.gui import wheel_guard
from nndesk.gui.designer import DesignerPanel
from nndesk.gui.digit_panel import DigitPanel
from nndesk.gui.file_actions import FileActions
from nndesk.gui.i18n import N_, detect_language, set_language, tr
from nndesk.gui.inspector_panel import InspectorPanel
from nndesk.gui.pg_i18n import install_pyqtgraph_translator
from nndesk.gui.state import IDLE, AppState
from nndesk.gui.train_panel import TrainPanel
from nndesk.gui.training import TrainingController
from nndesk.gui.window_dialogs import (
    keep_worse_model,
    open_help,
    resume_checkpoint,
)
from nndesk.gui.window_docks import add_dock, designer_column, open_bottom, scrolling
from nndesk.gui.window_menus import build_menus, view_action

__all__ = ["MainWindow"]


class MainWindow(QMainWindow):
    """Designer + training on the left, curves and the network's insides in the middle,
    the drawing canvas on the right."""

    def __init__(self, state: AppState | None = None) -> None:
        super().__init__()
        self.settings = QSettings("nndesk", "nndesk")
        set_language(detect_language(self.settings))  # before any text is made
        install_pyqtgraph_translator()  # pyqtgraph's menus through our translations
        wheel_guard.install()  # the wheel scrolls panels, not the boxes the pointer passes
        self.setWindowTitle(tr("nndesk — design, train, look inside, draw"))
        self.state = state or AppState(self)
        self.training = TrainingController(self.state, self)
        self.files = FileActions(self.state, self.settings, self, self.show_error,
                                 lambda text: self.statusBar().showMessage(text, 8000))
        self.designer = DesignerPanel(self.state)
        self.designer.may_replace = partial(self.files.may_replace_design, preset=True)
        self.train_panel = TrainPanel(self.state, lazy=True)
        self.plots = None  # PlotsPanel and InsidePanel need pyqtgraph (slow to import):
        self.inside = None  # build_views() makes them, right after the window is shown
        self.digit = DigitPanel(self.state)
        self._run_id: int | None = None

        high = self.screen().availableGeometry().height()
        self.left_splitter = designer_column(self.designer, self.train_panel, high)
        self.center = QSplitter(Qt.Orientation.Vertical)
        for text in (tr("Loading the plots…"), tr("Loading the filter views…")):
            placeholder = QLabel(text)
            placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.center.addWidget(placeholder)
        self.center.setSizes([480, 420])
        # a shorter centre (a bottom view opened) takes its height from the plots first, down
        # to their minimum: the inside views below keep theirs (both shrank alike, and the
        # feature maps were titles without pictures at 1280x720)
        self.center.setStretchFactor(0, 1)
        self.center.setStretchFactor(1, 0)
        self.setCentralWidget(scrolling(self.center))
        add_dock(self, N_("Network designer"), self.left_splitter,
                 Qt.DockWidgetArea.LeftDockWidgetArea, 380, scroll=False)
        # a bottom view (evaluation, health...) spans the designer and the centre: the canvas
        # and its probability bars keep the window's full height
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        add_dock(self, N_("Draw a digit"), self.digit, Qt.DockWidgetArea.RightDockWidgetArea, 360)
        self.inspector = InspectorPanel(self.state)  # View ▸ Preprocessing steps; hidden first
        add_dock(self, N_("Preprocessing steps"), self.inspector,
                   Qt.DockWidgetArea.RightDockWidgetArea, 360).hide()
        self.view_menu = build_menus(self)
        self._wire()
        self._restore_settings()

    def _wire(self) -> None:
        tc = self.training
        self.train_panel.train_requested.connect(self.request_training)
        self.train_panel.pause_requested.connect(tc.toggle_pause)
        self.train_panel.stop_requested.connect(tc.stop)
        tc.run_started.connect(self._on_run_started)
        tc.batch_done.connect(self._on_batch_done)
        tc.epoch_done.connect(self._on_epoch_done)
        tc.message.connect(self.train_panel.show_message)
        tc.warning.connect(self.train_panel.show_warning)
        tc.evaluating.connect(self.train_panel.show_evaluating)
        tc.earlier_batches.connect(self._on_earlier_batches)
        tc.diverged.connect(self._on_diverged)
        tc.finished.connect(self._on_training_finished)
        for source in (tc, self.digit):
            source.error.connect(self.show_error)
        tc.confirm_worse = keep_worse_model(self)  # a worse new model: ask before it is used

    def build_views(self) -> None:
        """Create the pyqtgraph panels (curves, filters, feature maps) in the centre."""
        if self.plots is not None:
            return
        self.train_panel.load_choices()
        import pyqtgraph as pg

        pg.setConfigOptions(imageAxisOrder="row-major", antialias=True)
        from nndesk.gui.inside_panel import InsidePanel
        from nndesk.gui.plots import PlotsPanel

        self.plots, self.inside = PlotsPanel(self.state), InsidePanel(self.state)
        self.plots.error.connect(self.show_error)
        from nndesk.gui.compare_view import show_comparison

        self.plots.compare_requested.connect(lambda a, b: show_comparison(self.state, a, b, self))
        sizes = self.center.sizes()
        for i, panel in enumerate((self.plots, self.inside)):
            self.center.replaceWidget(i, panel).deleteLater()
        self.center.setSizes(sizes)
        self._insight_docks()
        from nndesk.gui.settings_check import read_bytes

        saved = read_bytes(self.settings, "window/state")  # restored before these docks
        if saved is not None:  # existed: again, so they come back where they were, not as a
            self.restoreState(saved)  # stray box over the menu bar when opened (QA)
            if self.isVisible():  # shown already: narrow side docks widened again
                from nndesk.gui.session import widen_docks

                widen_docks(self)

    def _insight_docks(self) -> None:
        """Evaluation (and other insight views) as bottom docks, hidden until View shows them."""
        from nndesk.gui.eval_panel import EvalPanel
        from nndesk.gui.gradcheck_panel import GradcheckPanel
        from nndesk.gui.health_panel import HealthPanel
        from nndesk.gui.why_panel import WhyPanel

        self.eval_panel, self.gradcheck_panel = EvalPanel(self.state), GradcheckPanel(self.state)
        self.why_panel, self.health_panel = WhyPanel(self.state), HealthPanel(self.state)
        first = None
        for title, panel in ((N_("Evaluation"), self.eval_panel),
                             (N_("Why this answer"), self.why_panel),
                             (N_("Layer health"), self.health_panel),
                             (N_("Gradient check"), self.gradcheck_panel)):
            dock = add_dock(self, title, panel, Qt.DockWidgetArea.BottomDockWidgetArea, 900)
            if first is None:
                first = dock
            else:  # tabs of one bottom area, not four docks squeezed side by side
                self.tabifyDockWidget(first, dock)
            dock.hide()
            action = view_action(dock)
            action.triggered.connect(lambda on, d=dock: on and open_bottom(self, d))
            # with the other docks' items, above the Language submenu
            separator = next(a for a in self.view_menu.actions() if a.isSeparator())
            self.view_menu.insertAction(separator, action)

    # -- training -> plots ------------------------------------------------------------------
    def request_training(self) -> None:
        """Train (Ctrl+T, the Train button): MNIST first (offered for download), then a run."""
        from nndesk.gui.download import ensure_mnist

        if self.state.training != IDLE:
            return
        if self.training.data is None and not ensure_mnist(self, self.training.data_dir):
            self.train_panel.show_message(tr("Training needs MNIST; drawing still works."))
            return
        self.training.start()

    def _on_run_started(self, name: str, history: list) -> None:
        self.build_views()
        self._run_id = self.plots.start_run(name, settings=self.training.run_settings,
                                            title=self.training.run_title,
                                            tip=self.training.run_tip)
        for record in history:
            self._on_epoch_done(record)

    def _on_earlier_batches(self, info: dict) -> None:
        if self._run_id is not None:
            self.plots.add_batches(self._run_id, info["steps"], info["losses"])

    def _on_diverged(self, step: int, loss: float) -> None:
        if self._run_id is not None:  # before the dialog saying so: the plot shows where
            self.plots.mark_diverged(self._run_id, step, loss)

    def _on_training_finished(self, info: dict) -> None:
        """A run that failed before its first batch leaves no empty entry in the run list; the
        freed memory malloc kept for the run's steps goes back to the system."""
        if (self._run_id is not None and info.get("stopped") == "error"
                and self.plots.is_empty(self._run_id)):
            self.plots.remove_run(self._run_id)
        self._run_id = None
        if info.get("out") or info.get("checkpoint"):  # the run's design is in its files
            self.files.design_kept(self.state.spec)
        from nndesk.nn.memory import release_freed_memory

        release_freed_memory()  # what the run's steps kept for speed (nn/memory.py): not kept

    def _on_batch_done(self, info: dict) -> None:
        if self._run_id is not None:
            self.plots.add_batches(self._run_id, info["steps"], info["losses"])
        if "fraction" in info:
            self.train_panel.show_progress(info)

    def _on_epoch_done(self, record: dict) -> None:
        if self._run_id is not None:
            self.plots.add_epoch(self._run_id, record["epoch"], record.get("train_acc"),
                                 record.get("val_acc"), record.get("val_loss"))

    def show_error(self, title: str, text: str) -> None:
        """Every error ends here: a dialog that says what happened and what to do."""
        QMessageBox.warning(self, title, text)

    def show_help(self, tab: str = "guide"):
        """Help ▸ guide, shortcuts (read from the menus), book chapters, about."""
        return open_help(self, self.state, self.settings, tab)

    # -- settings and closing ---------------------------------------------------------------
    def _layout_parts(self) -> dict:
        return {"window/state": self, "window/center": self.center,
                "window/left": self.left_splitter}

    def _restore_settings(self) -> None:
        """Layout as saved (each value checked, a bad one ignored), inside the screen."""
        from nndesk.gui.session import COMPACT_WIDTH, restore_layout

        small = restore_layout(self, self.settings, self._layout_parts())
        if small and self.screen().availableGeometry().width() < COMPACT_WIDTH:
            # three columns do not fit (1280x720 at 150%: 853 px): the canvas becomes a tab
            # beside the designer, the centre keeps a usable width
            docks = [self.findChild(QDockWidget, n) for n in ("Network_designer",
                                                             "Draw_a_digit")]
            self.tabifyDockWidget(*docks)
            docks[0].raise_()

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        from nndesk.gui.quit_guard import ask_quit, unfinished_work

        work = unfinished_work(self)  # training, fine-tuning, an experiment, an export
        if work and not ask_quit(self, work):
            event.ignore()
            return
        for job in work:
            if job.stop is not None:
                job.stop()
        from nndesk.gui.session import save_layout, save_session

        save_layout(self, self.settings, self._layout_parts())
        s = self.state  # the canvas's model file (not a run's weights in the middle of training)
        save_session(self.settings, s.spec, s.config,
                     s.model_path if s.model_source == "file" else None)
        if self.training.busy:
            self.hide()  # gone at once for the user; the checkpoint is written meanwhile
            ckpt = self.training.shutdown()
            if ckpt is not None:
                self.settings.setValue("resume/checkpoint", str(ckpt))
        self.settings.sync()
        event.accept()

    def offer_resume(self) -> None:
        """After a close during training: ask whether to continue that run."""
        path = resume_checkpoint(self, self.settings)
        if path is not None:
            QTimer.singleShot(0, lambda: self.training.start(resume=path))

