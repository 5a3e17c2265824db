"""A panel's background QThread that ends while a modal dialog runs its own event loop (as
"Use the new model?" does at the end of a training run): the panel's slots never touch a
deleted thread, and the thread is deleted once they have run, and once it has ended; a freed
window's threads end."""

from __future__ import annotations

import threading

from gui_helpers import free_windows, jobs_left, shown_digit_panel
from PySide6.QtCore import QEventLoop, Qt, QThread, QTimer

from nndesk.gui.eval_panel import EvalPanel
from nndesk.gui.eval_thread import RUNNING
from nndesk.gui.jobs import delete_when_finished, pending_threads
from nndesk.gui.state import AppState


def test_an_evaluation_ending_inside_a_modal_loop_leaves_no_dangling_thread(qtbot,
                                                                           trained_softmax):
    state = AppState()
    panel = EvalPanel(state)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    for _ in range(3):   # the tester's crash came at the second run's start
        state.set_model(trained_softmax[0], path="sr.npz")
        thread = panel._thread
        assert thread is not None and thread in RUNNING
        loop = QEventLoop()   # a modal dialog's loop, open while the thread ends
        poll = QTimer()
        poll.timeout.connect(lambda t=thread, q=loop: (t not in RUNNING or t.isFinished())
                             and q.quit())
        poll.start(5)
        QTimer.singleShot(30_000, loop.quit)   # never hang the suite
        loop.exec()
        poll.stop()
        qtbot.waitUntil(lambda t=thread: t not in RUNNING, timeout=30_000)
        assert panel._thread is None and not panel.busy
        assert not panel.stop_button.isEnabled()
    assert panel.evaluation is not None


def test_a_freed_window_ends_its_drawing_jobs(qtbot):
    """The canvas's readers run on threads of their own until the panel is deleted: a window
    the test closed and freed leaves none behind (a window left for a later event loop or the
    GC kept them running into the following tests)."""
    panel = shown_digit_panel(qtbot)
    readers = {"thread nndesk-canvas-input", "thread nndesk-pen-path"}
    assert readers <= set(jobs_left())
    assert panel.isVisible()
    free_windows()
    qtbot.waitUntil(lambda: not jobs_left(), timeout=10_000)


class _Ending(QThread):
    """A job whose thread is still ending after its `finished` was emitted: a slot of its own
    (direct, so on the thread; connected after the others) holds it there until `gate` opens."""

    def __init__(self, order: list[str], gate: threading.Event) -> None:
        super().__init__()
        self.order, self.gate = order, gate

    def run(self) -> None:
        pass

    def ending(self) -> None:
        self.gate.wait(10)
        self.order.append("thread over")


class _Noted(set):
    def __init__(self, order: list[str]) -> None:
        super().__init__()
        self.order = order

    def discard(self, item) -> None:
        self.order.append("let go")
        super().discard(item)


def test_a_jobs_thread_is_let_go_only_once_it_has_ended(qtbot):
    """QThread emits `finished` from the thread before it is over (isFinished() is already
    true then): the deletion queued by `finished` waits for the thread's end."""
    order: list[str] = []
    gate = threading.Event()
    running = _Noted(order)
    thread = _Ending(order, gate)
    delete_when_finished(thread, running)   # queued before the thread's own direct slot
    thread.finished.connect(thread.ending, Qt.ConnectionType.DirectConnection)
    thread.start()
    opener = threading.Timer(0.3, gate.set)  # the thread ends a moment after `finished`
    opener.start()
    qtbot.waitUntil(lambda: "let go" in order, timeout=10_000)
    opener.join()
    assert order == ["thread over", "let go"]
    assert thread not in pending_threads()


def test_a_freed_window_frees_its_readers(qtbot):
    """The readers (each with its copy of the model) go with their panel: the application's
    quit signal, which stops them at exit, does not keep them alive."""
    import gc
    import weakref

    panel = shown_digit_panel(qtbot)
    readers = [weakref.ref(panel.jobs.preparer), weakref.ref(panel.jobs.path_reader)]
    del panel
    free_windows()
    qtbot.waitUntil(lambda: not jobs_left(), timeout=10_000)
    qtbot.wait(10)  # the ended threads' relays let go (jobs.reap, queued to this thread)
    gc.collect()
    assert [r() for r in readers] == [None, None]
