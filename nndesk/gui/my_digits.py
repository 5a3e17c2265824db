"""MyDigitsBar: save the canvas drawing under a label into the user's digit folder, show how
well the current model reads that handwriting, and open the fine-tuning dialog."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QSignalBlocker, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from nndesk.gui.elided_label import ClampedLabel
from nndesk.gui.float_box import IntBox
from nndesk.gui.i18n import tr, tr_n
from nndesk.gui.jobs import start_thread

__all__ = ["MyDigitsBar", "UNSET"]

UNSET = -1  # the label box's "?": no digit chosen, none answered for sure


class _Scorer(QObject):
    """Reads the folder and predicts it on a background thread with a copy of the network."""

    done = Signal(object)  # (generation, {"n", "accuracy"})


class MyDigitsBar(QWidget):
    """A label (0-9), "Save as my digit", "Fine-tune…" and "your handwriting: N digits,
    accuracy X%". `state` (the AppState) gives the fine-tuning dialog its model."""

    save_requested = Signal(int)  # the label: the digit panel saves the canvas drawing

    def __init__(self, state: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.folder = None  # None: my_digits_dir(); tests point it elsewhere
        self.dialog = None  # the FinetuneDialog, made on first use
        self.label = IntBox()
        self.label.setRange(UNSET, 9)
        self.label.setSpecialValueText("?")
        self.label.setValue(UNSET)
        self.label.setToolTip(tr("The digit you drew: it is saved under this label"))
        self.chosen = False  # the user set the box for this drawing: it follows no answer
        self.label.valueChanged.connect(self._on_label_set)
        self.save_button = QPushButton(tr("Save as my digit"))
        self.save_button.setToolTip(tr("Keep this drawing in your digit folder (the folder "
                                       "'nndesk eval --folder' reads)"))
        self.save_button.clicked.connect(self.save)
        self.finetune_button = QPushButton(tr("Fine-tune…"))
        self.finetune_button.setToolTip(tr("Train the current model a little more on your saved "
                                           "digits, in the background"))
        self.finetune_button.clicked.connect(self.open_finetune)
        self.finetune_button.setVisible(state is not None)
        self.status = ClampedLabel(3)  # beside Fine-tune…: 3 lines at most (1280x720, ja)
        self.status.setStyleSheet("color: #5b6472;")
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.label)
        row.addWidget(self.save_button, 1)
        # Fine-tune on the status's line: the three in one row are wider than the canvas's
        # dock in Japanese (tests/gui/test_canvas_dock.py).
        second = QHBoxLayout()
        second.addWidget(self.status, 1)
        second.addWidget(self.finetune_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addLayout(second)
        self._scorer = _Scorer()
        self._scorer.done.connect(self._on_scored)
        self._generation = 0
        self.result: dict | None = None  # the last {"n", "accuracy"} shown

    def follow_answer(self, verdict: Any, probabilities: Any) -> None:
        """The label box shows the answer the window gives the drawing (a sure digit; "?" for
        an unsure one, not a digit, or nothing drawn) until the user sets it; a cleared
        canvas (`probabilities` None) lets it follow again. `verdict`: insight.reject.Verdict
        or None (then the plain `probabilities`, (10,))."""
        if probabilities is None:
            self.chosen = False
        if self.chosen:
            return
        shown = (verdict.probabilities if verdict is not None and verdict.kind == "digit"
                 else probabilities if verdict is None else None)
        digit = UNSET if shown is None else max(range(len(shown)), key=lambda i: shown[i])
        with QSignalBlocker(self.label):
            self.label.setValue(digit if 0 <= digit <= 9 else UNSET)

    def set_label(self, digit: int) -> None:
        """The label box shows `digit` (0-9; a test digit's true label) and keeps it, as if
        the user had set it, until the canvas is cleared."""
        with QSignalBlocker(self.label):
            self.label.setValue(digit)
        self.chosen = True

    def _on_label_set(self, _value: int) -> None:
        self.chosen = True

    def save(self) -> None:
        """Save under the box's digit; at "?" ask for the digit instead of guessing one."""
        if self.label.value() == UNSET:
            self.status.setText(tr("Which digit is it? Set the box left of “Save as my "
                                   "digit”, then save."))
            self.label.setFocus()
            self.label.selectAll()
            return
        self.save_requested.emit(self.label.value())

    def open_finetune(self) -> None:
        """Show the fine-tuning dialog (one, kept between uses; it never blocks the window)."""
        if self.state is None:
            return
        if self.dialog is None:
            from nndesk.gui.finetune_dialog import FinetuneDialog

            self.dialog = FinetuneDialog(self.state, self.folder, self.window())
        self.dialog.folder = self.folder
        self.dialog.show()
        self.dialog.raise_()

    def refresh(self, network: Any, folder: Any = None) -> None:
        """Measure the folder's digits with `network` (a copy, on a background thread)."""
        folder = folder if folder is not None else self.folder
        self._generation += 1
        if self.dialog is not None:  # a digit saved: the dialog's Start may now run
            self.dialog.refresh_digits()
        if network is None:
            self.status.setText("")
            return
        from nndesk.nn import Network

        copy = Network.from_spec(network.spec)
        copy.load_state_dict(network.state_dict())
        generation, scorer = self._generation, self._scorer

        def work() -> None:
            from nndesk.insight.handwriting import handwriting_accuracy

            scorer.done.emit((generation, handwriting_accuracy(copy, folder)))

        start_thread(work, scorer, name="nndesk-my-digits")  # holds the relay, not the bar

    def _on_scored(self, item: tuple) -> None:
        generation, result = item
        if generation != self._generation:
            return
        self.result = result
        if result["n"] == 0:
            self.status.setText(tr("your handwriting: no digits saved yet"))
        else:
            self.status.setText(tr_n("your handwriting: %n digit(s), accuracy {acc}%",
                                     result["n"]).format(acc=f"{100 * result['accuracy']:.1f}"))
