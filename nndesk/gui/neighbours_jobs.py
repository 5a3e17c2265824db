"""The neighbours view's background work: the training features (`Build`, once per model,
cancellable) and each look-up (`Query`), as QThreads that end before the interpreter does."""

from __future__ import annotations

import time

import numpy as np
from PySide6.QtCore import QCoreApplication, QThread, Signal

from nndesk.gui.jobs import delete_when_finished

__all__ = ["Build", "Query", "start", "finish_threads", "RUNNING"]

RUNNING: set = set()  # threads a dropped view leaves behind live on until they end


class Build(QThread):
    """training_index() on a private copy of the network, one BLAS thread."""

    progressed = Signal(int, int)
    done = Signal(object)  # (FeatureIndex, how) | str (what went wrong)

    def __init__(self, spec: dict, weights: dict) -> None:
        super().__init__()
        self.spec, self.weights = spec, weights

    def run(self) -> None:
        from threadpoolctl import threadpool_limits

        from nndesk.data.mnist import DataMissingError, IdxError
        from nndesk.gui.drawing_jobs import yield_to_drawing
        from nndesk.gui.preparer import lower_priority
        from nndesk.insight.neighbours import Cancelled, training_index
        from nndesk.nn import Network

        lower_priority(10)  # the window and the canvas's answer first

        def progress(done: int, total: int) -> None:  # no next batch while the canvas is
            self.progressed.emit(done, total)  # drawn on (yield_to_drawing)
            yield_to_drawing(stop=self.isInterruptionRequested)

        try:
            with threadpool_limits(limits=1):
                net = Network.from_spec(self.spec)
                net.load_state_dict(self.weights)
                self.done.emit(training_index(net, progress=progress,
                                              should_stop=self.isInterruptionRequested))
        except Cancelled:
            pass
        except (DataMissingError, IdxError, OSError, ValueError) as err:
            self.done.emit(" ".join(str(err).split()))


class Query(QThread):
    done = Signal(object)  # {"feature": [...], "pixel": [...], "ms": float}

    def __init__(self, index, digit: np.ndarray, feature: np.ndarray, k: int) -> None:
        super().__init__()
        self.index, self.digit, self.feature, self.k = index, digit, feature, k

    def run(self) -> None:
        from threadpoolctl import threadpool_limits

        from nndesk.gui.drawing_jobs import yield_to_drawing
        from nndesk.gui.preparer import lower_priority

        lower_priority(10)  # the window and the canvas's answer first
        yield_to_drawing()  # not while the canvas is drawn on: its answer first
        t0 = time.perf_counter()
        with threadpool_limits(limits=1):
            found = {"feature": self.index.query("feature", self.feature, self.k)}
            waited = yield_to_drawing()  # again before the larger look-up (784 values)
            found["pixel"] = self.index.query("pixel", self.digit, self.k)
        self.done.emit({**found, "ms": 1000 * (time.perf_counter() - t0 - waited)})


def finish_threads(running: set, wait_ms: int = 10_000) -> None:
    """At quit: ask every thread in `running` to stop and wait for it (a QThread destroyed
    while it runs aborts the process)."""
    for thread in list(running):
        thread.requestInterruption()
        thread.wait(wait_ms)


def start(thread: QThread) -> None:
    app = QCoreApplication.instance()
    if app is not None and not app.property("nndesk_neighbours_hooked"):
        app.setProperty("nndesk_neighbours_hooked", True)
        app.aboutToQuit.connect(lambda: finish_threads(RUNNING))
    delete_when_finished(thread, RUNNING)   # after the view's own finished slots
    thread.start(QThread.Priority.LowPriority)
