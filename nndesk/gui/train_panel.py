"""TrainPanel: training settings, Train / Pause-Resume / Stop, and the progress line."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from nndesk.gui.engine_text import translate_engine
from nndesk.gui.float_box import LR_MIN, FloatBox, IntBox
from nndesk.gui.i18n import tr
from nndesk.gui.live_text import LiveTexts
from nndesk.gui.nobreak import WrapLabel
from nndesk.gui.reflow_form import ReflowForm
from nndesk.gui.run_watch import untrainable
from nndesk.gui.state import IDLE, LOADING, PAUSED, RUNNING, AppState
from nndesk.gui.terms import choice_label, train_label, train_tip

__all__ = ["TrainPanel", "format_eta"]


def format_eta(seconds: float | None) -> str:
    """'1:05' or '1:02:05'; '—' when unknown."""
    if seconds is None or seconds != seconds or seconds < 0:
        return "—"
    s = int(round(seconds))
    h, m = divmod(s // 60, 60)
    return f"{h}:{m:02d}:{s % 60:02d}" if h else f"{m}:{s % 60:02d}"


class TrainPanel(QWidget):
    """Edits state.config; asks for training through signals; shows progress."""

    train_requested = Signal()
    pause_requested = Signal()  # pause or resume, depending on the state
    stop_requested = Signal()

    def __init__(self, state: AppState, parent: QWidget | None = None, *,
                 lazy: bool = False) -> None:
        super().__init__(parent)
        self.state = state
        c = state.config
        self.optimizer = QComboBox()
        self.lr = FloatBox(LR_MIN, 1e6)  # 1e-4, 3e-7 or 0.001 as typed, shown as it reads
        self.batch_size = IntBox(minimum=1, maximum=10_000)
        self.epochs = IntBox(minimum=1, maximum=1000)
        self.weight_decay = FloatBox(0.0, 1.0)
        self.weight_decay.setSingleStep(1e-4)  # the first step up from 0 (off)
        self.schedule = QComboBox()
        self.augment = QCheckBox()
        self.seed = IntBox(minimum=0, maximum=2**31 - 1)
        self.val_split = IntBox(minimum=0, maximum=30_000, singleStep=1000)
        self.train_limit = IntBox(minimum=0, maximum=60_000, singleStep=1000)
        self.train_limit.setSpecialValueText(tr("all"))
        self.early_stop = IntBox(minimum=0, maximum=100)
        self.early_stop.setSpecialValueText(tr("off"))
        self.tensorboard = QCheckBox()  # off by default: <runs>/tensorboard/<run name>
        self._editors = {"optimizer": self.optimizer, "lr": self.lr,
                         "batch_size": self.batch_size, "epochs": self.epochs,
                         "weight_decay": self.weight_decay, "schedule": self.schedule,
                         "augment": self.augment, "seed": self.seed,
                         "val_split": self.val_split, "train_limit": self.train_limit,
                         "early_stop": self.early_stop, "tensorboard": self.tensorboard}
        box = QGroupBox(tr("Training"))
        self.form = ReflowForm()  # two columns of settings where the dock is wide enough
        QVBoxLayout(box).addWidget(self.form)
        for name, editor in self._editors.items():
            editor.setObjectName(f"config_{name}")
            editor.setToolTip(train_tip(name))  # what it does, a range, the book's chapter
            boxed = name == "augment"  # its check box carries its own text
            if boxed:
                editor.setText(train_label(name))
            label = QLabel("" if boxed else train_label(name))
            label.setToolTip("" if boxed else train_tip(name))
            self.form.add_pair(label, editor)
            if isinstance(editor, QComboBox):  # the item's data is the engine's name
                editor.currentIndexChanged.connect(
                    lambda _, name=name, e=editor: e.currentData() is not None
                    and self.state.set_config(**{name: e.currentData()}))
                continue
            signal = editor.toggled if isinstance(editor, QCheckBox) else editor.valueChanged
            signal.connect(lambda v, name=name: self.state.set_config(**{name: v}))
        if not lazy:
            self.load_choices()
        self._load_config(c)

        self.train_button = QPushButton(tr("Train"))
        self.train_button.setStyleSheet("font-weight: 600;")
        self.train_button.setToolTip(tr("Train this design on MNIST (Ctrl+T)"))
        self.train_button.clicked.connect(self.train_requested)
        self.pause_button = QPushButton(tr("Pause"))
        self.pause_button.setToolTip(tr("Pause or resume training (Ctrl+P)"))
        self.pause_button.clicked.connect(self.pause_requested)
        self.stop_button = QPushButton(tr("Stop"))
        self.stop_button.setToolTip(tr("Stop training and keep a checkpoint (Ctrl+.)"))
        self.stop_button.clicked.connect(self.stop_requested)
        buttons = QHBoxLayout()
        for b in (self.train_button, self.pause_button, self.stop_button):
            buttons.addWidget(b)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(True)
        self.progress.setFormat("")
        self.status = WrapLabel(tr("Ready."))
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: #5b6472;")
        sample = "\n".join(["Ag国語"] * 3)  # three lines, CJK fallback fonts included
        self.status.setMinimumHeight(self.status.fontMetrics().boundingRect(
            0, 0, 10_000, 10_000, 0, sample).height())  # the text wraps in reserved space
        self.status.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.live = LiveTexts(status=self.status.setText, progress=self.progress.setFormat)
        self.warning = WrapLabel("")
        self.warning.setObjectName("training_warning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #b42318; font-weight: 600;")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        # Train, Pause, Stop and what the run does first, the settings under them: in a
        # short dock (1280x720) the buttons are in view while the settings scroll
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.warning)
        layout.addWidget(box)
        layout.addStretch(1)
        state.config_changed.connect(lambda: self._load_config(state.config))
        state.spec_changed.connect(self._update_buttons)
        state.training_state_changed.connect(self._on_training_state_changed)
        self._on_training_state_changed(state.training)

    def load_choices(self) -> None:
        """Fill the optimizer and schedule lists from the engine and the trainer.

        (lazy=True leaves this for after the window is shown: these imports load NumPy.)
        """
        from nndesk.nn import OPTIMIZERS
        from nndesk.train.schedules import SCHEDULES

        self.state.ensure_config()  # TrainConfig's defaults (its import is what lazy defers)
        for combo, names in ((self.optimizer, OPTIMIZERS), (self.schedule, SCHEDULES)):
            with QSignalBlocker(combo):
                combo.clear()
                for name in names:
                    combo.addItem(choice_label(name), name)
        self._load_config(self.state.config)

    def _load_config(self, c: dict) -> None:
        """Show the settings (signals blocked so nothing loops back into the state)."""
        for name, editor in self._editors.items():
            if name not in c:
                continue
            with QSignalBlocker(editor):
                if isinstance(editor, QComboBox):
                    index = _choice_index(editor, c[name])
                    if index < 0:  # before load_choices: show the setting
                        editor.addItem(choice_label(str(c[name])), c[name])
                        index = editor.count() - 1
                    editor.setCurrentIndex(index)
                elif isinstance(editor, QCheckBox):
                    editor.setChecked(bool(c[name]))
                else:
                    editor.setValue(c[name])

    def _on_training_state_changed(self, status: str) -> None:
        busy = status != IDLE
        for editor in self._editors.values():
            editor.setEnabled(not busy)
        self.pause_button.setText(tr("Resume") if status == PAUSED else tr("Pause"))
        if status == IDLE:
            self.live.show("progress", lambda: "")
        elif status == LOADING:
            self.warning.setText("")
            self.progress.setValue(0)
            self._bring_controls_into_view()
            self.live.show("status", lambda: tr("Loading MNIST and building the network…"))
        self._update_buttons()

    def _bring_controls_into_view(self) -> None:
        """A run starts with the settings scrolled into view (a field was edited): Train,
        Pause, Stop, the bar and the time left, above the settings, come back into view."""
        area = self.parentWidget()
        while area is not None and not isinstance(area, QScrollArea):
            area = area.parentWidget()
        if area is not None:
            area.ensureWidgetVisible(self.progress, 0, 0)
            area.ensureWidgetVisible(self.train_button, 0, 0)

    def _update_buttons(self) -> None:
        s = self.state.training
        ok = self.state.spec_error is None and bool(self.state.spec.get("layers"))
        cannot = untrainable(self.state.spec) if ok else None  # a pen-path design
        self.train_button.setEnabled(s == IDLE and ok and cannot is None)
        problem = self.state.spec_error or tr("no layers")
        self.train_button.setToolTip(
            "\n\n".join(cannot) if cannot else
            tr("Train this design on MNIST (Ctrl+T)") if ok else
            tr("Fix the design first: {problem}").format(problem=translate_engine(str(problem))))
        self.pause_button.setEnabled(s in (RUNNING, PAUSED))
        self.stop_button.setEnabled(s in (RUNNING, PAUSED, LOADING))

    # -- progress from the worker (plain dicts) ---------------------------------------------
    def show_progress(self, info: dict) -> None:
        """info: epoch, epochs, batch, batches (1-based, the batch just done), fraction (0..1
        of the whole run), images_per_s, eta_s. The bar fills over the whole run; its text
        says where in the run it stands, the line below says how much of the run is done."""
        frac = min(max(float(info.get("fraction", 0.0)), 0.0), 1.0)
        self.progress.setValue(int(1000 * frac))
        epoch, epochs = info.get("epoch"), info.get("epochs")
        if info.get("batch") is not None:
            self.live.show("progress", lambda: tr(
                "epoch {epoch}/{epochs} · batch {batch}/{batches}").format(
                epoch=epoch, epochs=epochs, batch=info["batch"], batches=info.get("batches")))
        else:
            self.live.show("progress", lambda: tr("epoch {epoch}/{epochs}").format(
                epoch=epoch, epochs=epochs))
        ips = info.get("images_per_s")
        paused = self.state.training == PAUSED

        def line() -> str:
            text = tr("{percent}% of the run").format(percent=f"{100 * frac:.0f}")
            if ips:
                text += tr(" · {rate} images/s · {eta} left").format(
                    rate=f"{ips:,.0f}", eta=format_eta(info.get("eta_s")))
            return text + (tr(" · paused") if paused else "")

        self.live.show("status", line)

    def show_evaluating(self) -> None:
        """Training is done; the test set is evaluated and the model saved (a few seconds)."""
        self.progress.setValue(1000)
        self.live.show("progress", lambda: tr("evaluating the test set…"))
        self.live.show("status", lambda: tr(
            "Training done. Evaluating the test set and saving the model…"))

    def show_warning(self, text: str) -> None:
        """A problem seen while the run goes on (it keeps running until the user stops it);
        "" takes the warning away (the problem is gone)."""
        self.warning.setText("⚠ " + text if text else "")

    def show_message(self, text: str | Callable[[], str]) -> None:
        """A status line (finished, stopped, error): a text, or a function writing it in the
        current language (a line built from pieces: written anew at View ▸ Language)."""
        if callable(text):
            self.live.show("status", text)
        else:
            self.live.forget("status")
            self.status.setText(text)

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        """View ▸ Language: the status line and the progress text written anew from their
        numbers (read back from the screen, a line of several pieces came out mixed)."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.live.refresh()
            self._update_buttons()  # the Train button's tooltip says why in the new language


def _choice_index(combo: QComboBox, value: object) -> int:
    """The item holding `value`, a name in any case ("ADAM" from a file: the item "Adam",
    not a second one beside it); -1 when none does."""
    index = combo.findData(value)
    if index < 0 and isinstance(value, str):
        names = [str(combo.itemData(i)).lower() for i in range(combo.count())]
        index = names.index(value.lower()) if value.lower() in names else -1
    return index
