"""LessonsPanel: the list of the books' chapters and the page of the one chosen.

Pages are built the first time they are shown, so a hidden panel costs nothing.
"""

from __future__ import annotations

import importlib

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QListWidget,
    QScrollArea,
    QStackedWidget,
    QStyledItemDelegate,
    QWidget,
)

from nndesk.gui.i18n import N_, tr
from nndesk.gui.nobreak import title_glued

__all__ = ["LessonsPanel", "LESSONS"]

# key -> (menu/list text, module, class); in the books' order
LESSONS: dict[str, tuple[str, str, str]] = {
    "perceptron": (N_("Ch. 2 Perceptrons and logic gates"), "perceptron_page", "PerceptronPage"),
    "activations": (N_("Ch. 3 Activations, softmax, shapes"), "activations_page",
                    "ActivationsPage"),
    "learning": (N_("Ch. 4 Loss and gradient"), "learning_page", "LearningPage"),
    "graph": (N_("Ch. 5 Computational graph"), "graph_page", "GraphPage"),
    "optimizers": (N_("Ch. 6 Optimizer paths"), "optimizers_page", "OptimizersPage"),
    "init": (N_("Ch. 6 Initial weights"), "init_page", "InitPage"),
    "experiments": (N_("Ch. 6 Experiments on MNIST"), "experiments_page", "ExperimentsPage"),
    "conv": (N_("Ch. 7 Convolution and im2col"), "conv_page", "ConvPage"),
    "recurrent": (N_("Book 2, ch. 5-6 Recurrent networks"), "recurrent_page",
                  "RecurrentPage"),
    "nielsen": (N_("Nielsen: slowdown, universality"), "nielsen_page", "NielsenPage"),
}


class TitleDelegate(QStyledItemDelegate):
    """Draws (and sizes) each lesson's name as `title_glued` lays it out: wrapped between
    words only; the item's text stays the name given (the language switch reads it back)."""

    def initStyleOption(self, option, index) -> None:  # noqa: N802 (Qt name)
        super().initStyleOption(option, index)
        option.text = title_glued(option.text)


class _Scroll(QScrollArea):
    """Fills the view with the page, down to the page's minimum size, then scrolls.
    (widgetResizable would size the page by heightForWidth, i.e. its preferred heights.)"""

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        page, view = self.widget(), self.viewport().size()
        if page is not None:
            least = page.minimumSizeHint()
            page.resize(max(view.width(), least.width()), max(view.height(), least.height()))


class LessonsPanel(QWidget):
    """A list of lessons on the left, the chosen page on the right."""

    def __init__(self, state=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.pages: dict[str, QWidget] = {}
        self.scrolls: dict[str, QScrollArea] = {}
        self.chapters = QListWidget()
        for text, _, _ in LESSONS.values():
            self.chapters.addItem(tr(text))
            item = self.chapters.item(self.chapters.count() - 1)
            item.setToolTip(tr(text))  # the whole name, however narrow the list
        # Long names (Japanese: "3章 活性化関数・ソフトマックス・形状") wrap, never cut off,
        # between words (not before the last 状)
        self.chapters.setWordWrap(True)
        self.chapters.setItemDelegate(TitleDelegate(self.chapters))
        self.chapters.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.chapters.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.chapters.setFixedWidth(215)
        self.stack = QStackedWidget()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.chapters)
        layout.addWidget(self.stack, 1)
        self.chapters.currentRowChanged.connect(lambda row: self.show_lesson(list(LESSONS)[row]))

    def show_lesson(self, key: str) -> QWidget:
        """Show lesson `key` (building its page the first time); returns the page."""
        page = self.pages.get(key)
        if page is None:
            import pyqtgraph as pg

            pg.setConfigOptions(imageAxisOrder="row-major", antialias=True)
            _, module, cls = LESSONS[key]
            mod = importlib.import_module(f"nndesk.gui.lessons.{module}")
            page = self.pages[key] = getattr(mod, cls)(self.state)
            scroll = _Scroll()          # a narrow dock scrolls instead of widening the window
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setWidget(page)
            self.stack.addWidget(scroll)
            self.scrolls[key] = scroll
        self.stack.setCurrentWidget(self.scrolls[key])
        with QSignalBlocker(self.chapters):
            self.chapters.setCurrentRow(list(LESSONS).index(key))
        return page
