"""MainWindow: builds the panels, docks them, makes the menus and wires signals. Nothing else."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QLabel,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QStatusBar,
    QWidget,
)

from nndesk.gui import wheel_guard
from nndesk.gui.designer import DesignerPanel
from nndesk.gui.digit_panel import DigitPanel
from nndesk.gui.export_dialog import MENU_TEXT as EXPORT_MENU
from nndesk.gui.export_dialog import open_export_dialog
from nndesk.gui.file_actions import FileActions
from nndesk.gui.i18n import N_, detect_language, set_language, tr
from nndesk.gui.inspector_panel import InspectorPanel
from nndesk.gui.lessons import install_lessons
from nndesk.gui.pg_i18n import install_pyqtgraph_translator
from nndesk.gui.session import panel_width
from nndesk.gui.state import IDLE, AppState
from nndesk.gui.train_panel import TrainPanel
from nndesk.gui.training import TrainingController
from nndesk.gui.window_dialogs import (
    ask_quit_while_training,
    fill_language_menu,
    keep_worse_model,
    open_help,
    resume_checkpoint,
)

__all__ = ["MainWindow"]
BOTTOM_SHARE = 0.45  # of the window's height: a bottom view (evaluation, health...) when shown
BOTTOM_MIN = 200  # px a bottom view keeps when the window is short
TRAIN_MIN_HEIGHT = 120  # px the training panel keeps in a short window (the rest scrolls)
VIEW_KEYS = {  # View ▸ the inspector views (dock object names); none taken by another action
    "Preprocessing_steps": "Ctrl+Shift+P", "Evaluation": "Ctrl+Shift+E",
    "Why_this_answer": "Ctrl+Shift+W", "Layer_health": "Ctrl+Shift+H",
    "Gradient_check": "Ctrl+Shift+D"}


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
        self.train_panel = TrainPanel(self.state, lazy=True)
        self.plots = None  # PlotsPanel and InsidePanel need pyqtgraph (slow to import):
        self.inside = None  # build_views() makes them, right after the window is shown
        self.digit = DigitPanel(self.state)
        self._run_id: int | None = None

        # Each part scrolls on its own: a short window (1280x720, a bottom view open) keeps
        # the layer list's first rows and the training panel's Train button in view together
        left = QSplitter(Qt.Orientation.Vertical)
        left.setChildrenCollapsible(False)
        left.addWidget(_scrolling(self.designer))
        left.addWidget(_scrolling(self.train_panel))
        high = self.screen().availableGeometry().height()  # a tiny screen (640x360) fits too
        left.widget(0).setMinimumHeight(min(self.designer.top_height(), int(0.4 * high)))
        left.widget(1).setMinimumHeight(min(TRAIN_MIN_HEIGHT, int(0.2 * high)))
        left.setStretchFactor(0, 1)  # the designer's layer list takes the spare height;
        left.setStretchFactor(1, 0)  # the training panel keeps what it needs
        left.setSizes([10_000, self.train_panel.minimumSizeHint().height()])
        self.left_splitter = left
        self.center = QSplitter(Qt.Orientation.Vertical)
        for text in (tr("Loading the plots…"), tr("Loading the filter views…")):
            placeholder = QLabel(text)
            placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.center.addWidget(placeholder)
        self.center.setSizes([480, 420])
        self.setCentralWidget(_scrolling(self.center))
        self._dock(N_("Network designer"), left, Qt.DockWidgetArea.LeftDockWidgetArea, 380,
                   scroll=False)
        # a bottom view (evaluation, health...) spans the designer and the centre: the canvas
        # and its probability bars keep the window's full height
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        self._dock(N_("Draw a digit"), self.digit, Qt.DockWidgetArea.RightDockWidgetArea, 360)
        self.inspector = InspectorPanel(self.state)  # View ▸ Preprocessing steps; hidden first
        self._dock(N_("Preprocessing steps"), self.inspector,
                   Qt.DockWidgetArea.RightDockWidgetArea, 360).hide()
        self._menus()
        self._wire()
        self._restore_settings()

    def _dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea,
              width: int, scroll: bool = True) -> QDockWidget:
        dock = QDockWidget(tr(title), self)
        dock.setObjectName(title.replace(" ", "_"))  # English: saved layouts keep working
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable)  # View ▸ hides it
        dock.setWidget(_scrolling(widget) if scroll else widget)
        self.addDockWidget(area, dock)
        self.resizeDocks([dock], [max(width, panel_width(dock))], Qt.Orientation.Horizontal)
        return dock

    def _action(self, menu, text: str, slot, *keys, where: QWidget | None = None) -> QAction:
        """A menu item; with `where`, its shortcut acts only while the focus is in that widget
        (Delete in the designer removes a layer, on the canvas it clears the drawing)."""
        action = QAction(text, self)
        if keys:
            action.setShortcuts([QKeySequence(k) for k in keys])
        if where is not None:
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            where.addAction(action)
        action.triggered.connect(slot)
        if menu is not None:
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
        self._action(f, tr("Export curves as &PNG…"), lambda: self.plots and self.plots.ask_png())
        self._action(f, tr("Export history as &CSV…"), lambda: self.plots and self.plots.ask_csv())
        self._action(f, tr(EXPORT_MENU), lambda: open_export_dialog(self))
        f.addSeparator()
        self._action(f, tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        t = bar.addMenu(tr("&Training"))
        self._action(t, tr("&Train"), self._on_train_requested, "Ctrl+T")
        self._action(t, tr("&Pause / resume"), self.training.toggle_pause, "Ctrl+P")
        self._action(t, tr("&Stop"), self.training.stop, "Ctrl+.")
        c = bar.addMenu(tr("&Canvas"))
        self._action(c, tr("&Clear"), self.digit.canvas.clear, "Esc", "Delete", "Ctrl+L",
                     where=self.digit)
        self._action(c, tr("&Undo stroke"), self.digit.canvas.undo, QKeySequence.StandardKey.Undo,
                     where=self.digit)
        self._action(c, tr("&Open image…"), self.digit.open_button.click, "Ctrl+Shift+I")
        self._action(None, tr("&Remove layer"), self.designer.remove_layer, "Delete",
                     where=self.designer.table)  # no menu: the designer's Remove button
        install_lessons(self, bar.addMenu(tr("&Lessons")))
        v = self.view_menu = bar.addMenu(tr("&View"))
        for dock in self.findChildren(QDockWidget):
            v.addAction(_view_action(dock))
        v.addSeparator()
        fill_language_menu(v.addMenu(tr("&Language")), self, self.settings)
        h = bar.addMenu(tr("&Help"))
        self._action(h, tr("&Guide to the window…"), lambda: self.show_help("guide"), "F1")
        self._action(h, tr("&Keyboard shortcuts…"), lambda: self.show_help("shortcuts"))
        self._action(h, tr("Where the &books explain it…"), lambda: self.show_help("books"))
        self._action(h, tr("&About nndesk…"), lambda: self.show_help("about"))

    def _wire(self) -> None:
        tc = self.training
        self.train_panel.train_requested.connect(self._on_train_requested)
        self.train_panel.pause_requested.connect(tc.toggle_pause)
        self.train_panel.stop_requested.connect(tc.stop)
        tc.run_started.connect(self._on_run_started)
        tc.batch_done.connect(self._on_batch_done)
        tc.epoch_done.connect(self._on_epoch_done)
        tc.message.connect(self.train_panel.show_message)
        tc.warning.connect(self.train_panel.show_warning)
        tc.evaluating.connect(self.train_panel.show_evaluating)
        tc.earlier_batches.connect(self._on_earlier_batches)
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
            dock = self._dock(title, panel, Qt.DockWidgetArea.BottomDockWidgetArea, 900)
            if first is None:
                first = dock
            else:  # tabs of one bottom area, not four docks squeezed side by side
                self.tabifyDockWidget(first, dock)
            dock.hide()
            action = _view_action(dock)
            action.triggered.connect(lambda on, d=dock: on and self._open_bottom(d))
            self.view_menu.addAction(action)

    def _open_bottom(self, dock: QDockWidget) -> None:
        """A bottom view just shown: its tab in front and the bottom area tall enough to use
        (BOTTOM_SHARE of the window, at least the panel's own minimum)."""
        dock.raise_()
        height = max(int(self.height() * BOTTOM_SHARE), dock.widget().minimumSizeHint().height())
        # ...but never so tall that the designer's dock above it loses Train, Pause, Stop and
        # the status line (QA: the first-start size, 1280x720): the bottom view gets the rest
        left = self.left_splitter
        designer_dock = self.findChild(QDockWidget, "Network_designer")
        panel = self.train_panel  # its buttons to its status line: what must stay in view
        tail = (max(panel.status.geometry().bottom(), panel.warning.geometry().bottom())
                - panel.train_button.y() + panel.layout().contentsMargins().bottom())
        title = max(designer_dock.height() - left.height(), 0)
        need = self.designer.top_height() + tail + left.handleWidth() + title
        bar = self.findChild(QStatusBar)  # statusBar() would make one
        total = (self.height() - self.menuBar().height()
                 - (bar.height() if bar is not None and bar.isVisible() else 0))
        height = max(min(height, total - need - 8), BOTTOM_MIN)
        self.resizeDocks([dock], [height], Qt.Orientation.Vertical)
        QTimer.singleShot(0, self._show_train_buttons)

    def _show_train_buttons(self) -> None:
        """The training panel scrolled so Train, Pause, Stop and the status line are in view
        (the settings under them scroll away)."""
        panel, scroll = self.train_panel, self.left_splitter.widget(1)
        if isinstance(scroll, QScrollArea):
            scroll.ensureWidgetVisible(panel.status, 0, 0)
            scroll.ensureWidgetVisible(panel.train_button, 0, 0)

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
        self._run_id = self.plots.start_run(name, settings=self.training.run_settings)
        for record in history:
            self._on_epoch_done(record)

    def _on_earlier_batches(self, info: dict) -> None:
        if self._run_id is not None:
            self.plots.add_batches(self._run_id, info["steps"], info["losses"])

    def _on_training_finished(self, info: dict) -> None:
        """A run that failed before its first batch leaves no empty entry in the run list; the
        freed memory malloc kept for the run's steps goes back to the system."""
        if (self._run_id is not None and info.get("stopped") == "error"
                and self.plots.is_empty(self._run_id)):
            self.plots.remove_run(self._run_id)
        self._run_id = None
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
        if self.training.busy and not ask_quit_while_training(self):
            event.ignore()
            return
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


def _scrolling(widget: QWidget) -> QScrollArea:
    """`widget` in a frameless scroll area: on a small screen (1280x720) it scrolls, never cut."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(widget)
    return scroll


def _view_action(dock: QDockWidget) -> QAction:
    """The dock's View menu item, with its shortcut (VIEW_KEYS) when it has one."""
    action = dock.toggleViewAction()
    if dock.objectName() in VIEW_KEYS:
        action.setShortcut(QKeySequence(VIEW_KEYS[dock.objectName()]))
    return action
