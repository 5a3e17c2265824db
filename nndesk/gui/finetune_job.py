"""FinetuneJob: fine-tuning a copy of a model on the user's saved digits on a worker thread
(`nndesk.insight.handwriting.finetune`), stoppable between batches; the fine-tuning dialog
(finetune_dialog.py) shows what it reports. A cancelled or forgotten run's late signals are
dropped (each run has its generation)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from nndesk.gui.jobs import start_thread

__all__ = ["FinetuneJob", "MNIST_TEST_IMAGES"]

MNIST_TEST_IMAGES = 2000  # measured before and after in the window (the CLI: all 10,000)


class _Signals(QObject):
    """Emitted from the worker thread; delivered on the GUI thread (queued)."""

    progress = Signal(object)  # (generation, done, total)
    finished = Signal(object)  # (generation, FinetuneResult | Exception | None = cancelled)


class FinetuneJob(QObject):
    """`start(network, folder, epochs, lr)`; `progressed(done, total)` per batch, then
    `finished(result)`: a FinetuneResult, the Exception that stopped it, or None."""

    progressed = Signal(int, int)
    finished = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._control = None
        self._generation = 0
        self._signals = _Signals()
        self._signals.progress.connect(self._on_progress)
        self._signals.finished.connect(self._on_finished)

    @property
    def running(self) -> bool:
        return self._control is not None

    def start(self, network: Any, folder: Any, epochs: int, lr: float) -> None:
        """Fine-tune a copy of `network` (the caller's is never touched)."""
        from nndesk.nn import Network
        from nndesk.train import TrainControl

        copy = Network.from_spec(network.spec)
        copy.load_state_dict(network.state_dict())
        self._generation += 1
        generation, signals = self._generation, self._signals
        control = self._control = TrainControl()

        def work() -> None:
            try:
                result = _finetune(copy, folder, epochs, lr, control, lambda d, t: (
                    signals.progress.emit((generation, d, t))))
            except Exception as err:  # shown by the dialog, the window goes on
                result = err
            signals.finished.emit((generation, result))

        start_thread(work, signals, name="nndesk-finetune")  # holds the relay, not the job

    def cancel(self) -> None:
        """Stop between batches (`finished` then brings a stopped result)."""
        if self._control is not None:
            self._control.stop()

    def forget(self) -> None:
        """Stop, and drop whatever the run still reports (its dialog is closing)."""
        self.cancel()
        self._generation += 1
        self._control = None

    def _on_progress(self, item: tuple) -> None:
        generation, done, total = item
        if generation == self._generation:
            self.progressed.emit(done, total)

    def _on_finished(self, item: tuple) -> None:
        generation, result = item
        if generation != self._generation:
            return
        self._control = None
        self.finished.emit(result)


def _finetune(network: Any, folder: Any, epochs: int, lr: float, control: Any,
              progress: Any) -> Any:
    """Load the folder and MNIST, fine-tune, measure on MNIST_TEST_IMAGES test images (the
    worker thread's job). Returns the FinetuneResult; raises ValueError/OSError on bad data."""
    from threadpoolctl import threadpool_limits

    from nndesk.data.mnist import load_mnist
    from nndesk.insight.handwriting import finetune, load_split, my_digits_dir

    split = load_split(folder if folder is not None else my_digits_dir())
    data = load_mnist(flatten=False)
    test = (data.x_test[:MNIST_TEST_IMAGES], data.t_test[:MNIST_TEST_IMAGES])
    with threadpool_limits(limits=1):  # leave a core to the window
        return finetune(network, split, mnist_pool=(data.x_train, data.t_train),
                        mnist_test=test, epochs=epochs, lr=lr, on_progress=progress,
                        control=control)
