"""The window's hook for unexpected errors (app._error_dialog): an error raised on a job's
thread, or inside a paintEvent, becomes a dialog opened by the GUI thread from its event loop,
and keeps nothing of the failing handler alive. Before: a QThread's error built the dialog on
that thread (SIGSEGV), and a paintEvent's error left its QPainter active (a crash later)."""

from __future__ import annotations

import sys
import threading
import weakref

import pytest
from PySide6.QtCore import QThread
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QLabel


@pytest.fixture
def shown(window, monkeypatch, dialogs):
    """The window's hook installed; each dialog it opens recorded with whether the GUI thread
    opened it and whether a paintEvent was running then."""
    from nndesk.gui.app import _error_dialog

    record: list[dict] = []
    show_error = window.show_error

    def recorded(title: str, text: str) -> None:
        record.append({"text": text, "gui": threading.current_thread() is threading.main_thread(),
                       "painting": _Broken.painting})
        show_error(title, text)

    monkeypatch.setattr(window, "show_error", recorded)
    monkeypatch.setattr(sys, "excepthook", _error_dialog(window))
    return record


class _Failing(QThread):
    """A job whose run() lets an error escape (PySide calls sys.excepthook on this thread)."""

    def run(self) -> None:
        raise MemoryError("a job ran out of memory")


class _Broken(QLabel):
    """A label whose first paintEvent raises with its painter open."""

    painting = False
    painters: list = []

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt name)
        painter = QPainter(self)
        _Broken.painting = True
        try:
            if not _Broken.painters:
                _Broken.painters.append(weakref.ref(painter))
                raise ZeroDivisionError("a bug in a paintEvent")
            painter.drawText(self.rect(), 0, self.text())
        finally:
            _Broken.painting = False


@pytest.mark.qt_no_exception_capture
@pytest.mark.parametrize("repeat", range(3))
def test_an_error_on_a_job_thread_is_shown_by_the_gui_thread(qtbot, window, shown, repeat):
    job = _Failing()
    job.start()
    assert job.wait(10_000)
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=5000)
    assert shown[0]["gui"], "the dialog was opened on the job's thread"
    assert "MemoryError: a job ran out of memory" in shown[0]["text"]
    assert sys.last_traceback is None


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_paint_event_frees_its_painter_before_the_dialog(qtbot, window, shown):
    _Broken.painters.clear()
    label = _Broken("drawn", window.statusBar())
    window.statusBar().addWidget(label)
    label.show()
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=5000)
    assert _Broken.painters and _Broken.painters[0]() is None, "the painter outlived its paint"
    assert sys.last_traceback is None
    assert shown[0]["gui"] and not shown[0]["painting"]
    assert "ZeroDivisionError: a bug in a paintEvent" in shown[0]["text"]
    label.repaint()  # the label paints again, the window keeps working
    assert label.grab().width() == label.width()
