"""One ch. 6 experiment trained off the GUI thread for the experiments page: the thread, its
stop flag, its messages and the progress they add up to (no widget: the page draws)."""

from __future__ import annotations

import math
import queue
import threading

from nndesk.experiments import EXPERIMENTS
from nndesk.gui.i18n import tr

__all__ = ["ExperimentRun"]


class ExperimentRun:
    """`run_experiment(name, ...)` in a daemon thread, loading MNIST there unless `splits`.

    The thread only puts messages on a queue; the GUI thread takes them with `messages()`:
    ("value", (run, metric, x, y)) for each point of a curve, ("status", text), and last
    ("done", summaries) or ("error", text). Progress counts the values of `unit`: the loss of
    each step ("train_loss") or the training accuracy of each epoch ("train_acc").
    """

    def __init__(self, name: str, epochs: int, images: int, splits=None) -> None:
        exp = EXPERIMENTS[name]
        self.unit = "train_loss" if "train_loss" in exp.metrics else "train_acc"
        per_epoch = math.ceil(min(images, 55_000) / exp.batch_size)
        self.total = len(exp.runs) * epochs * (per_epoch if self.unit == "train_loss" else 1)
        self.done = 0
        self._queue: queue.Queue = queue.Queue()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._work, args=(name, epochs, images, splits),
                                        daemon=True, name="lesson-experiment")

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        """Ask the run to stop between batches (it then sends its "done")."""
        self._stop.set()

    @property
    def stopped(self) -> bool:
        """True once stop() was asked."""
        return self._stop.is_set()

    def join(self, timeout: float) -> None:
        """Stop the run and wait up to `timeout` seconds for its thread."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    def messages(self) -> list[tuple[str, object]]:
        """The messages put since the last call, in order; counts the progress values."""
        out = []
        while True:
            try:
                kind, payload = self._queue.get_nowait()
            except queue.Empty:
                return out
            if kind == "value" and payload[1] == self.unit and payload[2] > 0:
                self.done += 1
            out.append((kind, payload))

    @property
    def fraction(self) -> float:
        """Share of the run's progress values received, 0..1 (0 for an empty run)."""
        return min(1.0, self.done / self.total) if self.total else 0.0

    def _work(self, name: str, epochs: int, images: int, splits) -> None:
        from nndesk.experiments import run_experiment

        q = self._queue
        try:
            data = splits
            if data is None:
                from nndesk.data.mnist import load_mnist

                q.put(("status", tr("Loading MNIST…")))
                data = load_mnist(flatten=False)
            result = run_experiment(name, data, epochs=epochs, subset=images,
                                    progress=lambda text: q.put(("status", text)),
                                    on_value=lambda *v: q.put(("value", v)),
                                    stop=self._stop.is_set)
            q.put(("done", result[2]))
        except Exception as err:  # noqa: BLE001 - reported in the page, never raised in Qt
            q.put(("error", str(err)))
