"""HelpDialog: a short guide to the window, every keyboard shortcut, where the books explain
each part, and About (version, model, where the data and the user's files are).

The shortcut list is read from the window's own actions, so it is complete by construction.
Chapters are those of ゼロから作るDeep Learning (斎藤康毅), whose Chinese edition 深度学习入门 and
English edition Deep Learning from Scratch keep the same numbering.
"""

from __future__ import annotations

import html
import platform
import re

from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from nndesk.gui.i18n import N_, tr
from nndesk.gui.nobreak import WrapLabel

__all__ = ["HelpDialog", "about_facts", "shortcut_rows", "BOOK_MAP", "TABS"]

TABS = ("guide", "shortcuts", "books", "about")

GUIDE = [
    N_("<b>Left: design and train.</b> Pick a preset network of the book or build your own: "
       "Add layer, then select a row to edit its settings (hover over a setting to see what "
       "it does). Each row shows the layer's output shape and parameter count; a red row "
       "says what does not fit. Below: the training settings and Train, Pause, Stop."),
    N_("<b>Centre: watch it learn.</b> The loss per mini-batch and the accuracy per epoch "
       "(training and validation data) of every run, to compare runs; then the first "
       "layer's weights and the feature maps of the digit you drew."),
    N_("<b>Right: try it.</b> Draw a digit with the mouse or a pen: the bars show the "
       "network's probabilities (softmax) for each digit, and the small image is the 28x28 "
       "input it really sees. Open or drop an image file to recognize it."),
    N_("<b>Two models read your drawing.</b> The image model is the network of the "
       "designer (the one you train, or a model file you open): it reads the 28x28 image. "
       "The pen path model, a small recurrent network (GRU) that comes with nndesk, reads the "
       "strokes in the order and direction you drew them. The big answer combines the two; "
       "tick \"Show each model's answer\" to see each. An opened image has no pen path, so "
       "the image model reads it alone. The window trains the image model only."),
    N_("<b>Your handwriting.</b> \"Save as my digit\" keeps the drawing under the digit in "
       "the box beside it (the answer shown, until you set another); \"Fine-tune…\" trains "
       "a copy of the model a little more on your saved digits."),
    N_("<b>View menu: look inside.</b> <i>Evaluation</i>: the model on the test images, the "
       "accuracy of each digit, a confusion heat map (click a cell to see its images, click "
       "an image to put it on the canvas). <i>Why this answer</i>: which pixels made the "
       "answer (saliency, occlusion) and the training images nearest to your drawing. "
       "<i>Layer health</i>: each layer's weights, activations and gradient sizes while it "
       "learns, to see vanishing or exploding gradients. <i>Gradient check</i>: backprop against "
       "numerical gradients for the design, tensor by tensor. <i>Preprocessing steps</i>: "
       "how the drawing becomes the 28x28 input."),
    N_("<b>Lessons menu.</b> Small interactive pages beside the chapters of the books: "
       "perceptrons, activations, loss and gradient, the computational graph, optimizers, "
       "initial weights, experiments on MNIST, convolution, recurrent networks."),
    N_("While training, the canvas and the feature maps use the latest weights. A run is "
       "saved with its curves and settings; File ▸ Open model brings any model back. "
       "View ▸ Language switches between English, 简体中文 and 日本語 at once."),
]

# (part of the window, chapters of the book): the chapter numbers are shared by the editions.
BOOK_MAP = [
    (N_("Dense layer, activation functions (ReLU, Sigmoid, Tanh), softmax bars on the "
        "canvas"), N_("ch. 3")),
    (N_("Loss per batch, mini-batches, learning rate, epochs"), N_("ch. 4")),
    (N_("Layers as forward/backward pairs (Affine = Dense, ReLU, Softmax-with-Loss)"),
     N_("ch. 5")),
    (N_("Optimizer: SGD, Momentum, AdaGrad, Adam"), N_("ch. 6.1")),
    (N_("Initial weights: auto, He, Xavier"), N_("ch. 6.2")),
    (N_("BatchNorm layer"), N_("ch. 6.3")),
    (N_("Weight decay, Dropout, early stop, train vs validation accuracy (overfitting)"),
     N_("ch. 6.4")),
    (N_("Validation images, choosing settings"), N_("ch. 6.5")),
    (N_("Conv2D, padding, stride, MaxPool2D/AvgPool2D, the SimpleConvNet preset"),
     N_("ch. 7.1-7.5")),
    (N_("First layer's weights and feature maps"), N_("ch. 7.6")),
    (N_("LeNet5 preset"), N_("ch. 7.7")),
    (N_("DeepConvNet preset, data augmentation"), N_("ch. 8.1")),
    (N_("Gradient check (backprop against numerical gradients)"), N_("ch. 4.4, 5.7")),
    (N_("Layer health: activations and gradients per layer, initial weights"),
     N_("ch. 6.2")),
    (N_("Pen path model (GRU), the recurrent lesson"), N_("book 2, ch. 5-6")),
]


def about_facts(state, settings=None) -> dict[str, str]:
    """What the About tab says: version, the model in use, the data and settings locations."""
    import nndesk
    from nndesk.data.mnist import data_dir
    from nndesk.paths import user_data_dir

    model = tr("none yet")
    if getattr(state, "network", None) is not None:
        if state.model_source == "snapshot":
            model = tr("the network being trained")
        else:
            model = str(state.model_path or "—")
        acc = (state.metadata or {}).get("accuracy")
        if isinstance(acc, (int, float)) and state.model_source != "snapshot":
            model += tr(" · test accuracy {acc}%").format(acc=f"{100 * acc:.2f}")
    return {
        tr("Version"): f"nndesk {nndesk.__version__}",
        tr("Model"): model,
        tr("MNIST data"): str(data_dir()),
        tr("Your runs"): str(user_data_dir() / "runs"),
        tr("Settings file"): settings.fileName() if settings is not None else "—",
        tr("Built with"): f"Python {platform.python_version()} · Qt {qVersion()}",
    }


def shortcut_rows(actions: list[QAction]) -> list[tuple[str, str]]:
    """(keys, what they do) for every action that has a shortcut, in menu order."""
    rows = []
    for action in actions:
        keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
        keys = [k for k in keys if k]  # a standard key this platform does not bind
        if not keys:
            continue
        name = re.sub(r"\(&\w\)", "", action.text())  # 打开(&O) -> 打开; &Open -> Open
        name = name.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")
        rows.append((" / ".join(keys), name.strip()))
    return rows


def _table(rows: list[tuple[str, str]], headers: tuple[str, str]) -> QTableWidget:
    table = QTableWidget(len(rows), 2)
    table.setHorizontalHeaderLabels(list(headers))
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setWordWrap(True)
    for r, (a, b) in enumerate(rows):
        for c, text in enumerate((a, b)):
            table.setItem(r, c, QTableWidgetItem(text))
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    table.resizeRowsToContents()
    return table


class HelpDialog(QDialog):
    """Four tabs: guide, shortcuts (from `actions`), book chapters, about (`facts`)."""

    def __init__(self, parent: QWidget | None, actions: list[QAction], facts: dict[str, str],
                 tab: str = "guide") -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("nndesk help"))
        self.tabs = QTabWidget()
        self.guide = WrapLabel("<p>" + "</p><p>".join(tr(p) for p in GUIDE) + "</p>")
        self.guide.setObjectName("help_guide")
        self.guide.setWordWrap(True)
        self.guide.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.guide.setTextFormat(Qt.TextFormat.RichText)
        self.guide.setContentsMargins(8, 8, 8, 8)
        scroll = QScrollArea()  # every view and both models: taller than the dialog
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.guide)
        self.tabs.addTab(scroll, tr("Guide"))
        self.shortcuts = _table(shortcut_rows(actions), (tr("Keys"), tr("Action")))
        self.tabs.addTab(self.shortcuts, tr("Keyboard shortcuts"))
        self.books = _table([(tr(part), tr(ch)) for part, ch in BOOK_MAP],
                            (tr("In the window"), tr("Book chapter")))
        self.tabs.addTab(self.books, tr("Book chapters"))
        rows = "".join(f"<tr><td><b>{html.escape(k)}</b>&nbsp;&nbsp;</td>"
                       f"<td>{html.escape(v)}</td></tr>" for k, v in facts.items())
        about = WrapLabel(f"<h3>nndesk</h3><p>{html.escape(tr(ABOUT))}</p><table>{rows}</table>"
                       f"<p>{html.escape(tr(BOOKS))}</p>")
        about.setWordWrap(True)
        about.setTextFormat(Qt.TextFormat.RichText)
        about.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        about.setAlignment(Qt.AlignmentFlag.AlignTop)
        about.setContentsMargins(8, 8, 8, 8)
        self.tabs.addTab(about, tr("About"))
        self.tabs.setCurrentIndex(TABS.index(tab) if tab in TABS else 0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.resize(680, 520)


ABOUT = N_("Design, train and look inside a neural network written in NumPy, and draw "
           "digits for it to read. For learners of deep learning from scratch.")
BOOKS = N_("Chapters: ゼロから作るDeep Learning (Koki Saitoh, O'Reilly Japan); the same "
           "numbering in 深度学习入门 and Deep Learning from Scratch.")

