"""The neighbours view's background work: the training features (`Build`, once per model,
cancellable) and each look-up (`Query`), as QThreads that end before the interpreter does."""

from __future__ import annotations

import time

import numpy as np
from PySide6.QtCore import QThread, Signal

from nndesk.gui.engine_text import job_failure, translate_engine
from nndesk.gui.i18n import N_
from nndesk.gui.jobs import delete_when_finished

__all__ = ["Build", "Query", "start", "RUNNING"]

RUNNING: set = set()  # threads a dropped view leaves behind live on until they end
FAILED = N_("The neighbours could not be found: {reason}. The rest of the window keeps "
            "working; press Find neighbours to try again.")


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
            self.done.emit(" ".join(translate_engine(err).split()))
        except Exception as err:  # noqa: BLE001 (a bug or no memory: said in the view)
            self.done.emit(job_failure(FAILED, err))


class Query(QThread):
    done = Signal(object)  # {"feature": [...], "pixel": [...], "ms": float} | str (what failed)

    def __init__(self, index, digit: np.ndarray, feature: np.ndarray, k: int) -> None:
        super().__init__()
        self.index, self.digit, self.feature, self.k = index, digit, feature, k

    def run(self) -> None:
        try:
            self.done.emit(self._found())
        except Exception as err:  # noqa: BLE001 (a bug or no memory: said in the view)
            self.done.emit(job_failure(FAILED, err))

    def _found(self) -> dict:
        from threadpoolctl import threadpool_limits

        from nndesk.gui.drawing_jobs import yield_to_drawing
        from nndesk.gui.preparer import lower_priority

        lower_priority(10)  # the window and the canvas's answer first
        stop = self.isInterruptionRequested  # at quit: no more waiting
        yield_to_drawing(stop=stop)  # not while the canvas is drawn on: its answer first
        t0 = time.perf_counter()
        with threadpool_limits(limits=1):
            found = {"feature": self.index.query("feature", self.feature, self.k)}
            waited = yield_to_drawing(stop=stop)  # again before the larger look-up (784 values)
            found["pixel"] = self.index.query("pixel", self.digit, self.k)
        return {**found, "ms": 1000 * (time.perf_counter() - t0 - waited)}


def start(thread: QThread) -> None:
    """Start a Build or Query at low priority; at quit `jobs.finish_threads` stops it."""
    delete_when_finished(thread, RUNNING)   # after the view's own finished slots
    thread.start(QThread.Priority.LowPriority)
