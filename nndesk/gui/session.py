"""What the window remembers between launches: its layout, the last design, the training
settings. Everything read back is checked (`settings_check`): a wrong value is skipped and
reported once, never fatal. The window always opens inside the screen's available area.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QEvent, QObject, QRect
from PySide6.QtWidgets import QMainWindow, QWidget

from nndesk.fileio import loads_json
from nndesk.gui.settings_check import read_bytes, read_setting, reported

__all__ = ["restore_layout", "save_layout", "fit_to_screen", "save_session",
           "restore_session", "panel_width", "widen_docks", "narrow_docks",
           "LAYOUT_KEYS", "FIRST_SIZE", "CENTER_MIN", "COMPACT_WIDTH"]

FIRST_SIZE = (1400, 900)  # the first start, when the screen has room for it
LAYOUT_KEYS = ("window/state", "window/center", "window/left")
MAX_JSON = 1_000_000  # a saved design larger than this is not ours
CENTER_MIN = 360  # px the curves keep when the side docks widen to their panels
COMPACT_WIDTH = 1200  # a screen narrower than this (logical px) cannot show three columns
DOCK_SHARE_MAX = 0.55  # of the window's width: a side dock on a very small screen


def panel_width(dock) -> int:
    """The width a dock needs to show its panel whole (beside a vertical scroll bar); a
    splitter of scroll areas (the designer's dock): its widest part."""
    from PySide6.QtWidgets import QScrollArea, QSplitter

    inner = dock.widget()
    parts = ([inner.widget(i) for i in range(inner.count())] if isinstance(inner, QSplitter)
             else [inner])
    widths = [p.widget().minimumSizeHint().width() + p.verticalScrollBar().sizeHint().width()
              + 2 for p in parts if isinstance(p, QScrollArea) and p.widget() is not None]
    return max(widths) if widths else dock.minimumSizeHint().width()


def widen_docks(window: QMainWindow) -> None:
    """Widen each side dock narrower than its panel (a layout saved on a smaller screen or
    dragged narrow) to the panel's width, as far as the centre keeps CENTER_MIN px; a dock
    wide enough keeps its width, and no minimum is set (a small screen still fits: its
    docks scroll)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDockWidget

    sides = (Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea)
    short = {d: panel_width(d) - d.width() for d in window.findChildren(QDockWidget)
             if d.isVisibleTo(window) and not d.isFloating()
             and window.dockWidgetArea(d) in sides and panel_width(d) > d.width()}
    central = window.centralWidget()
    spare = (central.width() if central is not None else 0) - CENTER_MIN
    if not short or spare <= 0:
        return
    share = min(1.0, spare / sum(short.values()))  # too little room: each gets its share
    for dock, missing in short.items():  # one call per dock: a call with docks of two
        window.resizeDocks([dock], [dock.width() + int(missing * share)],  # areas moved
                           Qt.Orientation.Horizontal)  # only one of them


def fit_to_screen(window: QWidget, margin: int = 0) -> None:
    """Move and shrink `window` into its screen's available area (logical pixels)."""
    screen = window.screen() or _primary()
    if screen is None:
        return
    area: QRect = screen.availableGeometry()
    frame = window.frameGeometry()
    extra_w = max(frame.width() - window.width(), 0)  # the window manager's decorations
    extra_h = max(frame.height() - window.height(), 0)
    w = min(window.width(), area.width() - extra_w - 2 * margin)
    h = min(window.height(), area.height() - extra_h - 2 * margin)
    if (w, h) != (window.width(), window.height()):
        window.resize(max(w, 200), max(h, 200))
    frame = window.frameGeometry()
    x = min(max(frame.x(), area.x()), area.right() + 1 - frame.width())
    y = min(max(frame.y(), area.y()), area.bottom() + 1 - frame.height())
    if (x, y) != (frame.x(), frame.y()):
        window.move(max(x, area.x()), max(y, area.y()))


def _primary():
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.primaryScreen()


def restore_layout(window: QMainWindow, settings, parts: dict[str, Any]) -> bool:
    """Geometry, docks and splitters as saved (each checked), then fit the screen. True on
    a first start (nothing saved) on a screen smaller than FIRST_SIZE.

    parts: settings key -> the widget whose saveState() was stored ("window/state" is the
    main window's dock layout).
    """
    geometry = read_bytes(settings, "window/geometry")
    first = geometry is None or not window.restoreGeometry(geometry)
    if first:
        screen = window.screen() or _primary()
        area = screen.availableGeometry() if screen is not None else QRect(0, 0, *FIRST_SIZE)
        # a small screen: all of it but room for the window manager's frame and title bar,
        # which some (openbox) add only after the window is shown
        window.resize(min(FIRST_SIZE[0], area.width() - 16),
                      min(FIRST_SIZE[1], area.height() - 48))
        window.move(area.x() + (area.width() - window.width()) // 2,
                    area.y() + (area.height() - window.height()) // 4)
    restored = False
    for key, widget in parts.items():
        saved = read_bytes(settings, key)
        if saved is not None:  # restoreState is False for another layout: nothing changes
            restored |= bool(widget.restoreState(saved)) and widget is window
    fit_to_screen(window)
    small = first and not restored and window.width() < FIRST_SIZE[0]
    window.installEventFilter(_FitOnShow(window, small))  # again once the frame is known
    return small


def narrow_docks(window: QMainWindow) -> None:
    """Each side dock at its panel's width (at most DOCK_SHARE_MAX of the window: a very
    small screen's docks scroll sideways): the centre (the curves and the run list's
    buttons) gets all the rest."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDockWidget

    sides = (Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea)
    most = int(window.width() * DOCK_SHARE_MAX)
    for dock in window.findChildren(QDockWidget):  # one call per dock (see widen_docks)
        if dock.isVisibleTo(window) and window.dockWidgetArea(dock) in sides:
            window.resizeDocks([dock], [min(panel_width(dock), most)],
                               Qt.Orientation.Horizontal)


class _FitOnShow(QObject):
    """On the window's first show (decorations known), fit it to the screen once more, then
    give narrow side docks their panels' width. `small`: a first start on a screen smaller
    than FIRST_SIZE: the window is maximized, the side docks at their narrowest."""

    def __init__(self, window: QMainWindow, small: bool = False) -> None:
        super().__init__(window)
        self.small = small

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.Show:
            obj.removeEventFilter(self)
            if self.small:  # the window manager fits it, its frame and title bar included
                from PySide6.QtCore import Qt

                obj.setWindowState(obj.windowState() | Qt.WindowState.WindowMaximized)
            else:
                fit_to_screen(obj)
            from PySide6.QtCore import QTimer

            fit = narrow_docks if self.small else widen_docks
            QTimer.singleShot(0, obj, lambda: fit(obj))  # once laid out at that size
        return False


def save_layout(window: QMainWindow, settings, parts: dict[str, Any]) -> None:
    """Geometry and every dock/splitter state."""
    settings.setValue("window/geometry", window.saveGeometry())
    for key, widget in parts.items():
        settings.setValue(key, widget.saveState())


def save_session(settings, spec: dict, config: dict, model_path: str | None = None) -> None:
    """The design in the designer and the training settings, as JSON text; the model file
    on the canvas (`model_path`; None leaves the saved one), loaded again at the next start."""
    settings.setValue("session/design", json.dumps(spec))
    settings.setValue("session/training", json.dumps(config))
    if model_path:
        settings.setValue("session/model", str(model_path))


def session_model(settings) -> str | None:
    """The model file the canvas used when nndesk last closed, if it is still there."""
    from pathlib import Path

    path = read_setting(settings, "session/model", str, None, lambda v: 0 < len(v) < 4096)
    return path if path and Path(path).is_file() else None


def _json(settings, key: str) -> Any:
    text = read_setting(settings, key, str, None, lambda v: len(v) < MAX_JSON)
    if text is None:
        return None
    try:
        return loads_json(text)
    except ValueError:
        read_setting(settings, key, dict)  # reports it (a string is not a dict)
        return None


def restore_session(settings, defaults: dict) -> tuple[dict | None, dict]:
    """(the saved design if it is a spec-shaped dict, else None; the saved training settings
    that have the type of `defaults`' value and pass TrainConfig's checks)."""
    spec = _json(settings, "session/design")
    if not (isinstance(spec, dict) and isinstance(spec.get("layers"), list)
            and all(isinstance(layer, dict) for layer in spec["layers"])):
        if spec is not None:
            read_setting(settings, "session/design", dict)  # report the wrong shape
        spec = None
    saved = _json(settings, "session/training")
    config: dict = {}
    if isinstance(saved, dict):
        for key, default in defaults.items():
            value = saved.get(key)
            if value is None:
                continue
            want = (int, float) if isinstance(default, float) else type(default)
            if isinstance(value, bool) != isinstance(default, bool) or not isinstance(value,
                                                                                    want):
                continue
            config[key] = float(value) if isinstance(default, float) else value
        config = _valid_config(config, defaults)
    return spec, config


def _valid_config(config: dict, defaults: dict) -> dict:
    """Only the settings TrainConfig accepts (with the window's names and ranges)."""
    from nndesk.nn import OPTIMIZERS
    from nndesk.train import TrainConfig
    from nndesk.train.schedules import SCHEDULES

    good = {}
    for key, value in config.items():
        if key == "optimizer" and value not in OPTIMIZERS:
            continue
        if key == "schedule" and value not in SCHEDULES:
            continue
        trial = {**defaults, key: value}
        trial["optimizer"] = str(trial.get("optimizer", "adam")).lower()
        try:
            TrainConfig.from_dict(trial)
        except (TypeError, ValueError):
            continue
        good[key] = value
    return good


def ignored_keys() -> set[str]:
    """The saved settings found wrong so far (for the one-time status message)."""
    return reported()
