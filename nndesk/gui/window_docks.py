"""The main window's docks: a panel in its (scrolling) dock, the designer column (designer
above the training panel), and a bottom view's height when it is opened."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QStatusBar,
    QWidget,
)

from nndesk.gui.i18n import tr
from nndesk.gui.session import panel_width

__all__ = ["add_dock", "designer_column", "open_bottom", "scrolling", "BOTTOM_SHARE",
           "BOTTOM_MIN", "TRAIN_MIN_HEIGHT"]

BOTTOM_SHARE = 0.45  # of the window's height: a bottom view (evaluation, health...) when shown
BOTTOM_MIN = 200  # px a bottom view keeps when the window is short
TRAIN_MIN_HEIGHT = 120  # px the training panel keeps in a short window (the rest scrolls)


def scrolling(widget: QWidget) -> QScrollArea:
    """`widget` in a frameless scroll area: on a small screen (1280x720) it scrolls, never cut."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(widget)
    return scroll


def add_dock(window: QMainWindow, title: str, widget: QWidget, area: Qt.DockWidgetArea,
             width: int, scroll: bool = True) -> QDockWidget:
    """`widget` in a closable dock titled `tr(title)` (object name: the English title, so
    saved layouts keep working in every language), at least `width` px wide."""
    dock = QDockWidget(tr(title), window)
    dock.setObjectName(title.replace(" ", "_"))
    dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                     | QDockWidget.DockWidgetFeature.DockWidgetFloatable
                     | QDockWidget.DockWidgetFeature.DockWidgetClosable)  # View ▸ hides it
    dock.setWidget(scrolling(widget) if scroll else widget)
    window.addDockWidget(area, dock)
    window.resizeDocks([dock], [max(width, panel_width(dock))], Qt.Orientation.Horizontal)
    return dock


def designer_column(designer: QWidget, train_panel: QWidget, screen_height: int) -> QSplitter:
    """The designer above the training panel, each scrolling on its own: a short window
    (1280x720, a bottom view open) keeps the layer list's first rows and the Train button in
    view together."""
    left = QSplitter(Qt.Orientation.Vertical)
    left.setChildrenCollapsible(False)
    left.addWidget(scrolling(designer))
    left.addWidget(scrolling(train_panel))
    # a tiny screen (640x360) fits too
    left.widget(0).setMinimumHeight(min(designer.top_height(), int(0.4 * screen_height)))
    left.widget(1).setMinimumHeight(min(TRAIN_MIN_HEIGHT, int(0.2 * screen_height)))
    left.setStretchFactor(0, 1)  # the designer's layer list takes the spare height;
    left.setStretchFactor(1, 0)  # the training panel keeps what it needs
    left.setSizes([10_000, train_panel.minimumSizeHint().height()])
    return left


def open_bottom(w, dock: QDockWidget) -> None:
    """A bottom view of the MainWindow `w` just shown: its tab in front and the bottom area
    tall enough to use (BOTTOM_SHARE of the window, at least the panel's own minimum)."""
    dock.raise_()
    height = max(int(w.height() * BOTTOM_SHARE), dock.widget().minimumSizeHint().height())
    # ...but never so tall that the designer's dock above it loses Train, Pause, Stop and
    # the status line (QA: the first-start size, 1280x720): the bottom view gets the rest
    left = w.left_splitter
    designer_dock = w.findChild(QDockWidget, "Network_designer")
    panel = w.train_panel  # its buttons to its status line: what must stay in view
    tail = (max(panel.status.geometry().bottom(), panel.warning.geometry().bottom())
            - panel.train_button.y() + panel.layout().contentsMargins().bottom())
    title = max(designer_dock.height() - left.height(), 0)
    need = w.designer.top_height() + tail + left.handleWidth() + title
    # ...nor so tall that the centre scrolls: the plots and the inside views keep their
    # minimum (it moves with the font's metrics: 1 px more with DejaVu alone scrolled it)
    need = max(need, w.center.minimumSizeHint().height())
    bar = w.findChild(QStatusBar)  # statusBar() would make one
    total = (w.height() - w.menuBar().height()
             - (bar.height() if bar is not None and bar.isVisible() else 0))
    height = max(min(height, total - need - 8), BOTTOM_MIN)
    w.resizeDocks([dock], [height], Qt.Orientation.Vertical)
    QTimer.singleShot(0, w, lambda: _show_train_buttons(panel, left.widget(1)))


def _show_train_buttons(panel: QWidget, scroll: QWidget) -> None:
    """The training panel scrolled so Train, Pause, Stop and the status line are in view
    (the settings under them scroll away)."""
    if isinstance(scroll, QScrollArea):
        scroll.ensureWidgetVisible(panel.status, 0, 0)
        scroll.ensureWidgetVisible(panel.train_button, 0, 0)
