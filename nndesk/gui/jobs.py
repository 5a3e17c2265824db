"""start_thread: one background job on a Python thread, with the Qt objects it uses kept alive
until it has ended, and released on the GUI thread.

Why: a worker thread that holds the last reference to a Qt object frees it on that thread when
it ends (its target, its closure and its frame go there), and a Qt object whose owner widget
has become garbage is freed by the cyclic GC at whatever allocation triggers it, on any
thread, even while Qt is delivering one of its signals. A job therefore gets only plain data
and a relay (a parentless QObject whose signal the widget listens to, never the widget
itself); the relay is held here while the thread runs and dropped by the GUI thread only once
the thread is over (`reap`, run at each start and shortly after each job's end).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer, Signal, Slot

__all__ = ["Relay", "start_thread", "reap", "held", "collect_on_gui_thread", "collect_anywhere",
           "delete_when_finished", "install_quit_hook", "running_threads", "pending_threads",
           "finish_threads"]

_HELD: list[tuple[threading.Thread, tuple]] = []  # (thread, the Qt objects it may touch)


class Relay(QObject):
    """Carries a job's messages to the GUI thread (queued: its listeners live there)."""

    progress = Signal(object)
    done = Signal(object)


def start_thread(work: Callable[[], None], *keep: QObject, name: str) -> threading.Thread:
    """Run `work()` on a daemon thread named `name`; `keep`: the Qt objects it emits on.

    `work` must not hold a widget (a bound method of one, a closure over `self`): it reaches
    the GUI only through the relays in `keep`. Call from the GUI thread.
    """
    reap()

    def run() -> None:
        try:
            work()
        finally:
            _soon_reap()

    thread = threading.Thread(target=run, name=name, daemon=True)
    _HELD.append((thread, keep))
    thread.start()
    return thread


def reap() -> None:
    """Drop the relays of the jobs that have ended (on the GUI thread: that is where a relay
    whose last reference this was gets freed)."""
    if threading.current_thread() is not threading.main_thread():
        return  # the GUI thread's job
    _HELD[:] = [(t, k) for t, k in _HELD if t.is_alive()]


def held() -> int:
    """How many jobs' relays are held (running jobs, and ended ones not yet reaped)."""
    return len(_HELD)


def _soon_reap() -> None:
    """From the worker, as it ends: ask the GUI thread to reap (a queued call; a job still
    ending then is reaped at the next start)."""
    app = QCoreApplication.instance()
    if app is not None:
        QTimer.singleShot(0, app, reap)   # with a context object: run by the GUI thread


class _Deleter(QObject):
    """Lives on the GUI thread; deletes a panel's finished QThread there, after the panel's own
    slots for its `finished` signal have run."""

    def __init__(self) -> None:
        super().__init__()
        self.sets: dict[QThread, set] = {}

    @Slot()
    def delete(self) -> None:
        thread = self.sender()
        running = self.sets.pop(thread, None)
        if running is not None:
            # `finished` is emitted by the thread itself before it is over (Qt's
            # QThreadPrivate::finish goes on with the thread's own data after it): this slot
            # can run first. wait() returns once the thread has ended (at once, or within
            # moments); only then is the QThread freed.
            thread.wait()
            running.discard(thread)
            thread.deleteLater()


_DELETER: _Deleter | None = None


def delete_when_finished(thread: QThread, running: set) -> None:
    """Keep `thread` in `running` until it has finished, then delete it on the GUI thread.
    Connect the panel's own `finished` slots first: they run before the deletion (queued in
    the order connected). A plain function connected to `finished` runs on the finishing
    thread itself, and its deleteLater could delete the thread before the panel's queued slot
    read it ("Internal C++ object (EvalThread) already deleted", at the end of a training
    run with Evaluation and Why this answer open). Call from the GUI thread."""
    global _DELETER
    if _DELETER is None:
        _DELETER = _Deleter()
    install_quit_hook()
    running.add(thread)
    _DELETER.sets[thread] = running
    thread.finished.connect(_DELETER.delete)


_HOOKED: set[int] = set()  # id() of the application finish_threads is connected to


def install_quit_hook() -> None:
    """Connect `finish_threads` to the application's `aboutToQuit`, once (a view's job or a
    training run calls it as it starts). Call from the GUI thread."""
    app = QCoreApplication.instance()
    if app is not None and id(app) not in _HOOKED:  # at quit: stop every job still running
        app.aboutToQuit.connect(finish_threads)
        _HOOKED.add(id(app))


def running_threads() -> list[QThread]:
    """The QThreads handed to `delete_when_finished` that are still running (every view's
    job: evaluation, why, health, gradient check, neighbours)."""
    if _DELETER is None:
        return []
    return [t for t in list(_DELETER.sets) if t.isRunning()]


def pending_threads() -> list[QThread]:
    """The QThreads handed to `delete_when_finished` not deleted yet: running, ending (Qt says
    isRunning() False while a thread still ends, after its `finished`), or ended with their
    deletion still to come on the GUI thread."""
    return [] if _DELETER is None else list(_DELETER.sets)


def finish_threads(wait_ms: int = 3000) -> list[QThread]:
    """At quit: ask every running job's QThread to stop (`requestInterruption`; the
    evaluation and the neighbours stop between steps) and wait for each, `wait_ms` in all.
    Returns those still running: a QThread destroyed while it runs aborts the process
    ("QThread: Destroyed while thread is still running", exit 134), so `app.run` then ends the
    process without destroying them (a gradient check is one computation that cannot stop).
    Training runs in a child process (nndesk.train.remote): each is stopped (its checkpoint
    written) and killed when still running after `wait_ms`, so no process outlives the window.
    Call from the GUI thread."""
    from nndesk.train.remote import live_runs, stop_children

    if live_runs():
        stop_children(wait_ms / 1000)
    threads = pending_threads()  # an ending one too: none may be ending at interpreter exit
    for thread in threads:
        thread.requestInterruption()
    deadline = time.monotonic() + wait_ms / 1000
    for thread in threads:
        thread.wait(max(0, int(1000 * (deadline - time.monotonic()))))
    return [t for t in threads if t.isRunning()]


_COLLECTOR = None  # pyqtgraph's GarbageCollector while the GUI thread collects alone


def collect_on_gui_thread(interval_s: float = 1.0) -> None:
    """From now on, the cyclic garbage collector runs only on the GUI thread, from a timer of
    its own (pyqtgraph's GarbageCollector: automatic collection off, the same thresholds
    checked every `interval_s`).

    Automatic collection starts at whatever allocation crosses its threshold: on a worker
    thread it would free the Qt objects of a closed window there, and on the GUI thread it can
    free one while Qt is still delivering its signal (a segmentation fault either way). Call
    on the GUI thread once a QApplication exists; idempotent.
    """
    global _COLLECTOR
    if _COLLECTOR is None:
        from pyqtgraph.util.garbage_collector import GarbageCollector

        _COLLECTOR = GarbageCollector(interval=interval_s)


def collect_anywhere() -> None:
    """Undo `collect_on_gui_thread` (a final collection here, automatic collection back on)."""
    global _COLLECTOR
    if _COLLECTOR is not None:
        _COLLECTOR.timer.stop()
        _COLLECTOR = None
        import gc

        gc.collect()
        gc.enable()
