"""The layer-health measurement in its own thread: `HealthJob` loads a network's weights into
the panel's private network (`Probe`) and runs `nndesk.insight.health.layer_health` on a probe
batch of `BATCH` training images, with one BLAS thread."""

from __future__ import annotations

import time

from PySide6.QtCore import QThread, Signal

from nndesk.gui.engine_text import job_failure, translate_engine
from nndesk.gui.i18n import N_

__all__ = ["BATCH", "Probe", "HealthJob", "trouble"]

BATCH = 100  # training images the figures are measured on
FAILED = N_("Layer health could not be measured: {reason}. The rest of the window keeps "
            "working; change the design or the model to measure again.")


class _NoProbe(Exception):
    """No MNIST training images to measure on: the data's own sentence, translated."""


class Probe:
    """The panel's private network and its probe batch, made in the job's thread on first use
    (one job at a time uses them): each update loads the new weights into the same network
    instead of building one, and the batch is read once, not per update."""

    def __init__(self) -> None:
        self.spec: dict | None = None
        self.net = None
        self.x = self.t = None


class HealthJob(QThread):
    """One measurement of `spec` with `weights` (None: the design's initial weights, seeded
    by `seed`) at learning rate `lr`; `at`: a run's snapshot's place, handed back as is."""

    done = Signal(object)  # (report, ms, cpu_ms): wall time, CPU time (upper bound)
    failed = Signal(str)

    def __init__(self, probe: Probe, spec: dict, weights: dict | None, lr: float,
                 seed: int = 0, at: dict | None = None) -> None:
        super().__init__()
        self.probe, self.spec, self.weights, self.lr, self.seed = probe, spec, weights, lr, seed
        self.at = at  # a run's snapshot: its {"step", "epoch", "batch"}; else None
        self.design = False  # the panel's: measuring the designer's design, not a model

    def run(self) -> None:
        """Measure; `done` with the figures, or `failed` with a sentence for the panel: no
        MNIST to probe with, or any other error (it never reaches the window's excepthook)."""
        try:
            self.done.emit(self._measure())
        except _NoProbe as err:
            self.failed.emit(str(err))
        except Exception as err:  # noqa: BLE001 (a bug or no memory: said in the panel)
            self.probe.spec = self.probe.net = None  # perhaps half loaded: built anew next time
            self.failed.emit(job_failure(FAILED, err))

    def _measure(self) -> tuple:
        from threadpoolctl import threadpool_limits

        from nndesk.data.mnist import DataMissingError, IdxError, load_mnist
        from nndesk.insight.health import layer_health
        from nndesk.nn import Network

        p = self.probe
        shape = tuple(self.spec["input_shape"])
        if p.x is None or p.x.shape[1:] != shape:
            try:
                d = load_mnist(flatten=False)
            except (DataMissingError, IdxError, OSError) as err:
                raise _NoProbe(" ".join(translate_engine(err).split())) from None
            # copies: a view would keep the whole float32 training set (165 MB) alive
            p.x = d.x_train[:BATCH].reshape((BATCH, *shape)).copy()
            p.t = d.t_train[:BATCH].copy()
            del d
        with threadpool_limits(limits=1):
            t0, c0 = time.perf_counter(), time.thread_time()
            if self.weights is None:  # a design: its initial weights, as training starts
                p.spec, p.net = None, Network.from_spec(self.spec, seed=self.seed)
            else:
                if p.spec != self.spec:
                    p.spec, p.net = self.spec, Network.from_spec(self.spec)
                p.net.load_state_dict(self.weights)
            report = layer_health(p.net, p.x, p.t, lr=self.lr, copy=False)
        # a conv layer splits its batch with nn.parallel's workers: their CPU time is not this
        # thread's; counted as if each worked as long as this one (an upper bound)
        from nndesk.nn.parallel import workers

        return (report, 1000 * (time.perf_counter() - t0),
                1000 * (time.thread_time() - c0) * workers())


def trouble(report: dict) -> str | None:
    """What a measurement shows wrong, in one word for the "not learning" hint: a third of
    some layer's outputs saturated (sigmoid/tanh), half its units dead (ReLU), or vanishing
    gradients (`insight.health.vanishing`)."""
    from nndesk.insight.health import vanishing

    acts = report.get("activations", [])
    if any((a.get("saturated_fraction") or 0) > 1 / 3 for a in acts):
        return N_("saturated")
    if vanishing(report["weighted"]) is not None:
        return N_("vanishing")
    if any((a.get("dead_fraction") or 0) > 0.5 for a in acts):
        return N_("dead")
    return None
