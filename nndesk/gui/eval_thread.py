"""EvalThread: reads or draws the images, then evaluates a copy of the network on them, off the
GUI thread (the evaluation panel shows its stages and its result)."""

from __future__ import annotations

from PySide6.QtCore import QThread, Signal

from nndesk.gui.engine_text import job_failure, translate_engine
from nndesk.gui.i18n import N_, tr

__all__ = ["EvalThread", "RUNNING", "SOURCE_NAMES", "STAGES"]

RUNNING: set = set()  # threads dropped by a panel live on until their batch ends
FAILED = N_("The evaluation stopped on an unexpected error: {reason}. The rest of the window "
            "keeps working; press Evaluate to try again.")
SOURCE_NAMES = {"test": N_("test set"), "folder": N_("my digits"),
                "pendigits": N_("pen digits (writers 21-30) as images")}
STAGES = {"read": N_("reading the images…"), "draw": N_("drawing the pen digits: %v of %m"),
          "evaluate": N_("evaluating: %v of %m images")}  # the progress bar's text per stage


class EvalThread(QThread):
    """Reads or draws the images, then evaluates a private copy of the network on them, one
    BLAS thread; each stage reports its progress and stops between steps when asked."""

    progressed = Signal(int, int)  # done, total
    staged = Signal(str)  # a key of STAGES: the steps that follow are that stage's
    done = Signal(object)  # (Evaluation, x)
    failed = Signal(str)

    def __init__(self, spec: dict, weights: dict, dataset: str, source: str = "test",
                 parent=None) -> None:
        super().__init__(parent)
        self.spec, self.weights, self.dataset, self.source = spec, weights, dataset, source

    def run(self) -> None:
        from threadpoolctl import threadpool_limits

        from nndesk.data.mnist import DataMissingError, IdxError
        from nndesk.insight import evaluation as e
        from nndesk.nn import Network

        try:
            with threadpool_limits(limits=1):
                self.staged.emit("read")
                net = Network.from_spec(self.spec)
                net.load_state_dict(self.weights)
                if self.source == "test":
                    # the data set's own uint8 images (shared): no float32 copy is kept
                    x, t = e.load_test_images(self.spec["input_shape"], self.dataset,
                                              scale=False)
                else:
                    if self.source == "folder":
                        x, t = e.load_own_digits()
                    else:  # seconds to minutes of drawing: a stage of its own
                        self.staged.emit("draw")
                        x, t = e.load_pen_digits(progress=self.progressed.emit,
                                                 should_stop=self.isInterruptionRequested)
                    x = x.reshape(len(x), *self.spec["input_shape"])
                if not len(x):
                    raise OSError(tr("no images in the folder yet: save some from the canvas"))
                if self.isInterruptionRequested():
                    raise e.Cancelled
                self.staged.emit("evaluate")
                ev = e.evaluate_model(net, x, t, progress=self.progressed.emit,
                                    should_stop=self.isInterruptionRequested)
            self.done.emit((ev, x))
        except e.Cancelled:
            pass
        except (DataMissingError, IdxError, OSError, ValueError) as err:
            self.failed.emit(tr("Cannot evaluate ({what}): {error}").format(
                what=tr(SOURCE_NAMES[self.source]), error=" ".join(translate_engine(err).split())))
        except Exception as err:  # noqa: BLE001 (a bug or no memory: said in the panel)
            self.failed.emit(job_failure(FAILED, err))
