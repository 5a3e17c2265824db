"""The training step (loss, gradients, update); with two batch workers, split once per step.

`train_step(net, x, t, optimizer)` is the step the trainer and the benchmarks run. With one
worker it is the book's: `net.loss`, `net.backward`, `optimizer.update`. With two or more
(`parallel.workers()`) the batch is cut into one part per worker ONCE, and each part runs
forward, loss and backward through the whole network on one thread (data parallelism):
one hand-over between threads per step instead of one per layer call (~38 in LeNet5's
step, each a wake-up while Python holds the GIL between NumPy calls). A part runs on a
replica of the layers: copies that share the parameter arrays but keep their own caches,
gradients and work arrays (`_replica`); inside a part `for_batch` runs serially. Each
part's loss gradient is scaled by its share of the batch, so d loss / d y is (softmax -
t) / N as for the whole batch, and the parts' gradients added are the whole batch's.
Dropout masks do not depend on the worker count: one draw for the whole batch, in the
order a one-worker forward makes them (`_Drawn`), each part reading its rows. The numbers
differ from the one-worker step only by the order of float additions (tests/nn/
test_data_parallel.py). With exactly two workers on Linux, part 1 runs in a worker process
instead of a thread (nn/process_parallel.py: no GIL shared; the same numbers), unless other
programs keep a core busy.

Networks with BatchNorm (its statistics are the whole batch's) run in two processes, each
part's BatchNorm exchanging its sums with the other's (nn/batchnorm_exchange.py: the one-
worker step's numbers to 1e-10 in float64); where the process step does not run (other
programs keep a core busy, not x86-64 Linux, three or more workers) they keep the one-worker
step with the per-layer split of parallel.py: on threads, running the parts up to each
BatchNorm and the BatchNorm on the whole batch measured 1.01-1.03x the per-layer step of
DigitNet, BatchNorm inside the parts with a barrier exchanging their sums 0.95x idle and
1.06x with a core busy (benchmarks/PROFILE.md, issue 16 sixth pass). The parts are handed
out by `for_batch`: a helper that has not woken leaves its part to the caller.
"""

from __future__ import annotations

import copy
import math
from weakref import WeakKeyDictionary

import numpy as np

from nndesk.nn.base import Layer
from nndesk.nn.batchnorm import BatchNorm
from nndesk.nn.layers import Dropout
from nndesk.nn.network import Network
from nndesk.nn.optimizers import Optimizer
from nndesk.nn.parallel import batch_slices, for_batch, serial, workers

__all__ = ["train_step", "DataParallel", "run_part"]

MIN_PART = 8   # images per part at least: a smaller batch runs the one-worker step

_steppers: WeakKeyDictionary[Network, DataParallel] = WeakKeyDictionary()


def train_step(net: Network, x: np.ndarray, t: np.ndarray, optimizer: Optimizer,
               lengths: np.ndarray | None = None) -> float:
    """One step of mini-batch gradient descent (the book's ch. 4.5) on batch x (N, ...),
    labels t: the loss in training mode, the gradients by backprop (ch. 5) into each layer's
    `grads`, the optimizer's update (ch. 6). Returns the loss measured before the update;
    a loss that is not finite updates nothing. Two or more batch workers run it data-
    parallel (this module's docstring); recurrent networks and sequences with `lengths`
    always run the one-worker step."""
    from nndesk.nn import process_parallel  # imports this module

    parts = workers()
    if (parts < 2 or lengths is not None or not isinstance(net, Network)
            or len(x) < parts * MIN_PART or not process_parallel.fits(net)):
        return _one_worker_step(net, x, t, optimizer, lengths)
    loss = (process_parallel.process_step(net, x, np.asarray(t))   # part 1 in a process
            if parts == 2 else None)
    if loss is None and not DataParallel.fits(net):       # BatchNorm: the per-layer split
        return _one_worker_step(net, x, t, optimizer)
    if loss is None:
        stepper = _steppers.get(net)
        if stepper is None or stepper.parts != parts:
            stepper = _steppers[net] = DataParallel(net, parts)
        loss = stepper.loss_and_grads(net, x, t)
    if math.isfinite(loss):
        optimizer.update(net.params(), net.grads())
    return loss


def _one_worker_step(net, x, t, optimizer: Optimizer, lengths=None) -> float:
    """The book's step (its layers' `for_batch` may still split each layer's batch)."""
    loss = (net.loss(x, t, train=True) if lengths is None else
            net.loss(x, t, train=True, lengths=lengths))
    if math.isfinite(loss):
        net.backward()
        optimizer.update(net.params(), net.grads())
    return loss


def run_part(layers: list[Layer], loss_fn, order: list[int], stop: int, x: np.ndarray,
             t: np.ndarray, share: float) -> float:
    """Forward, loss and backward of one part's images x (n_k, ...) on `layers` (a replica
    of a network's, run in `order`, backward down to position `stop` as Network.backward):
    fills the layers' `grads`, returns share * the part's mean loss. `share` = n_k / N also
    scales d loss / d y, so the parts' gradients add up to the whole batch's."""
    h = x
    for p in order:
        h = layers[p].forward(h, True)
    loss = share * loss_fn.forward(h, t)
    d = loss_fn.backward() * h.dtype.type(share)
    for pos in range(len(order) - 1, stop - 1, -1):
        layer = layers[order[pos]]
        layer.needs_dx = pos > stop
        d = layer.backward(d)
    return loss


def _replica(layer: Layer) -> Layer:
    """A copy of `layer` for one part: the same settings and parameter arrays, its own
    caches (set by its forward), gradients and work arrays."""
    r = copy.copy(layer)
    r.grads, r._scratch = {}, {}
    return r


class _Drawn:
    """Stands in for a part's Dropout Generator: hands out that part's rows of the draw the
    whole batch's forward would have made (`Generator.random(shape, dtype)`)."""

    def __init__(self, rows: np.ndarray) -> None:
        self.rows = rows

    def random(self, shape: tuple[int, ...], dtype: np.dtype) -> np.ndarray:
        if shape != self.rows.shape or dtype != self.rows.dtype:
            raise ValueError(f"drawn {self.rows.shape} {self.rows.dtype}, asked {shape} {dtype}")
        return self.rows


class DataParallel:
    """`parts` replicas of a network's layers and loss, and the step that runs them. Part k
    takes the images cut[k], `batch_slices(n, parts)`: always the same cut for a batch size,
    so a run repeats exactly (a cut following each thread's speed was not kept: PROFILE.md,
    issue 16 sixth pass)."""

    def __init__(self, net: Network, parts: int) -> None:
        self.parts = parts
        self.replicas = [[_replica(layer) for layer in net.layers] for _ in range(parts)]
        self.losses = [type(net.loss_fn)() for _ in range(parts)]
        self.cut: list[tuple[int, int]] = []

    @staticmethod
    def fits(net: Network) -> bool:
        """Whether the step can run in parts: no layer couples the images of a batch
        (BatchNorm: its statistics are the whole batch's) or takes a mask (recurrent)."""
        return not any(isinstance(layer, BatchNorm) or layer.TAKES_MASK for layer in net.layers)

    def loss_and_grads(self, net: Network, x: np.ndarray, t: np.ndarray) -> float:
        """Forward, loss and backward of batch (x, t) in parts; fills the network's layers'
        `grads` with the whole batch's gradients and returns the whole batch's mean loss."""
        x = net._check_input(x)
        n, order, stop = len(x), net._order, net._first_weighted
        self._prepare(net, n, x.dtype)
        losses = [0.0] * self.parts
        errors = np.geterr()                  # the caller's floating-point error handling

        def part(k: int) -> None:                              # images a..b-1, whole network
            a, b = self.cut[k]
            losses[k] = run_part(self.replicas[k], self.losses[k], order, stop, x[a:b],
                                 t[a:b], (b - a) / n)

        def parts(i: int, j: int) -> None:   # on a helper too: the caller's np.errstate
            with serial(), np.errstate(**errors):
                for k in range(i, j):
                    part(k)

        for_batch(parts, self.parts)
        for i, layer in enumerate(net.layers):                 # the parts' gradients added
            if layer.params:
                layer.grads = {key: sum(rep[i].grads[key] for rep in self.replicas)
                               for key in layer.params}
        return float(sum(losses))

    def _prepare(self, net: Network, n: int, dtype: np.dtype) -> None:
        """Before a step: the cut, the replicas given the network's current parameter dicts,
        and each Dropout's masks for the whole batch drawn now, in run order (as the
        one-worker forward draws them), each part given its rows."""
        self.cut = batch_slices(n, self.parts)
        for i in net._order:
            layer = net.layers[i]
            for rep in self.replicas:
                rep[i].params = layer.params
            if isinstance(layer, Dropout) and layer.rate > 0:
                rng = layer.rng if layer.rng is not None else np.random.default_rng()
                drawn = rng.random((n, *net.info[i].input_shape), dtype=dtype)
                for rep, (a, b) in zip(self.replicas, self.cut, strict=True):
                    rep[i].rng = _Drawn(drawn[a:b])
