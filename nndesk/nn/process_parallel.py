"""The second half of a data-parallel step in a worker process: no GIL shared.

With two batch workers, `train_step` (nn/data_parallel.py) cuts the batch in two parts once
per step. On threads the parts share one interpreter: the Python between LeNet5's short
NumPy calls holds the GIL, and each half ran ~1.45x its time alone. Here (Linux) the second
part runs in a worker process with its own interpreter, on a replica of the network:

    caller                                   worker (nn/process_worker.py, one per network)
    weights, part 1's images -> mapping
    "step s" ------------------------------> claims part 1 of step s
    part 0 on replicas of its layers         part 1: forward, loss, backward
                                              gradients -> mapping (Dense dW written there)
    <-------------------------------------- (s, its loss)
    gradients = part 0's + the mapping's;  the optimizer steps the network's own arrays

The mapping is one shared memory file (memfd: no name on disk) cut into arrays: "p:<i>.<k>"
layer i's parameter k (copied in each step, 0.25 MB for LeNet5), "g:<i>.<k>" the worker's
gradient of it, "x" (m, *input_shape) part 1's images, "t" their labels, "d:<i>" part 1's
rows of Dropout i's draw, "claim" (1,) the last step whose part 1 was taken. The parts,
shares and order of the final addition are the thread step's: the same bits. BatchNorm
networks (`fits`): each part's BatchNorm swaps its per-channel sums with the other's through
"e:<i>" and "f:<i>" (nn/batchnorm_exchange.py), so no part is taken back, and a worker lost
mid-step leaves the network as before the step for the per-layer split to redo it.

Threads instead (`process_step` returns None) where the worker cannot help or run: not
Linux, disabled (`set_enabled(False)`, env NNDESK_STEP_PROCESS=0), other programs keeping a
core busy (`LoadWatch`: two processes then share three runnable tasks' two cores, 1.09-1.10x
the thread step for LeNet5), a worker that failed to start or died (its part of that step
is run by the caller: the same numbers). A part the worker has not begun when the caller's
ends is taken by the caller (`_claim`), as `for_batch` takes a helper's. The worker ends when
the network is collected, at exit, or when the caller's process dies (its pipe closes).
Measured: benchmarks/PROFILE.md, issue 16 seventh pass.
"""

from __future__ import annotations

import mmap
import os
import socket
import subprocess
import sys
import time
import weakref
from multiprocessing.connection import Connection
from pathlib import Path

import numpy as np

from nndesk.nn import batchnorm_exchange as bnx
from nndesk.nn import memory
from nndesk.nn.batchnorm import BatchNorm
from nndesk.nn.data_parallel import DataParallel, _Drawn, _replica, run_part
from nndesk.nn.layers import Dropout
from nndesk.nn.network import Network
from nndesk.nn.parallel import LoadWatch, batch_slices, cpu_seconds, serial
from nndesk.nn.process_worker import stop
from nndesk.nn.shared_mapping import claim as _claim  # patched by tests
from nndesk.nn.shared_mapping import layout as _layout
from nndesk.nn.shared_mapping import views as _views

__all__ = ["process_step", "fits", "set_enabled", "available", "worker_cpu_seconds",
           "ProcessHalf"]

START_TIMEOUT_S = 60.0   # a worker not ready by then is killed; the network stays on threads
_enabled = os.environ.get("NNDESK_STEP_PROCESS", "1") != "0"
_halves: weakref.WeakKeyDictionary[Network, ProcessHalf] = weakref.WeakKeyDictionary()
_refused: weakref.WeakSet[Network] = weakref.WeakSet()   # worker failed: threads from then on


def available() -> bool:
    """Whether this system can run the worker: memfd and /proc/stat (Linux)."""
    return hasattr(os, "memfd_create") and os.path.exists("/proc/stat")


def set_enabled(on: bool) -> None:
    """Run part 1 in a worker process (True, the default) or always on threads (False)."""
    global _enabled
    _enabled = bool(on)


def fits(net: Network) -> bool:
    """Whether the network's step can run in two processes: `DataParallel.fits`, or its
    only coupling layers are BatchNorm (nn/batchnorm_exchange.py; x86-64)."""
    return DataParallel.fits(net) or (bnx.supported() and not any(
        layer.TAKES_MASK for layer in net.layers))


def process_step(net: Network, x: np.ndarray, t: np.ndarray) -> float | None:
    """Like `DataParallel(net, 2).loss_and_grads(net, x, t)`, part 1 in the worker process
    (for BatchNorm networks like the one-worker step, to 1e-10 in float64); None when the
    step should run on threads (the module's docstring says when)."""
    if not (_enabled and available() and fits(net)) or net in _refused:
        return None
    half = _halves.get(net)
    if half is not None and half.watch.others_busy():
        return None
    x = net._check_input(x)
    if half is None or half.dead or not half.fits(x, t):
        if half is not None:
            half.close()
        try:
            half = _halves[net] = ProcessHalf(net, len(x), x, t)
        except (OSError, EOFError, RuntimeError):
            _halves.pop(net, None)
            _refused.add(net)
            return None
    try:
        loss = half.loss_and_grads(net, x, t)
    except BaseException:
        if half.bn:                      # the worker may be mid-step: a new one next step
            half.close()
            _halves.pop(net, None)
        raise
    if half.dead:                        # its part was run here; no worker from now on
        half.close()
        del _halves[net]
        _refused.add(net)
    return loss


class ProcessHalf:
    """One network's worker process and mapping, for batches of up to n images like x, t."""

    def __init__(self, net: Network, n: int, x: np.ndarray, t: np.ndarray) -> None:
        m = n - n // 2                                  # part 1's images at most
        entries: list = [("claim", (1,), np.int64), ("x", (m, *x.shape[1:]), x.dtype),
                         ("t", (m, *t.shape[1:]), t.dtype)]
        for i, layer in enumerate(net.layers):
            entries += [(f"{a}:{i}.{k}", p.shape, p.dtype)
                        for k, p in layer.params.items() for a in "pg"]
            if isinstance(layer, Dropout) and layer.rate > 0:
                entries.append((f"d:{i}", (m, *net.info[i].input_shape), x.dtype))
        layout, size = _layout(entries + bnx.entries(net, net.dtype))
        self.n, self.kind = n, (x.shape[1:], x.dtype, t.shape[1:], t.dtype)
        self.step, self.taken, self.dead = 0, 0, False  # steps sent; parts 1 taken back
        started = time.perf_counter()
        self.fd = os.memfd_create("nndesk-step")
        os.ftruncate(self.fd, size)
        self.v = _views(mmap.mmap(self.fd, size), layout)
        ours, theirs = socket.socketpair()
        root = str(Path(__file__).resolve().parents[2])   # the directory holding nndesk/
        env = dict(os.environ, OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1",
                   MKL_NUM_THREADS="1",
                   PYTHONPATH=os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")])))
        code = f"from nndesk.nn.process_worker import serve; serve({theirs.fileno()}, {self.fd})"
        self.proc = subprocess.Popen([sys.executable, "-c", code], env=env,
                                     stdin=subprocess.DEVNULL, pass_fds=(theirs.fileno(), self.fd))
        theirs.close()
        self.conn = Connection(ours.detach())
        self._finalizer = weakref.finalize(self, stop, self.conn, self.proc, self.fd)
        self.conn.send((net.spec, net.dtype.str, layout, size, memory.kept()))
        if not self.conn.poll(START_TIMEOUT_S) or self.conn.recv() != "ready":
            self.close()
            raise RuntimeError("the step's worker process did not start")
        self.startup_s = time.perf_counter() - started  # ~0.11 s: Python, NumPy, nndesk.nn
        self.exchange = bnx.Exchange(0, self.v, self.conn)
        self.bn = [layer for layer in net.layers if isinstance(layer, BatchNorm)]
        self.mine = [bnx.part_layer(_replica(layer), i, self.exchange)   # part 0's layers
                     for i, layer in enumerate(net.layers)]
        self.spare = [_replica(layer) for layer in net.layers]    # part 1's, when taken back
        self.loss_fns = type(net.loss_fn)(), type(net.loss_fn)()
        self.watch = LoadWatch(self.proc.pid)

    def fits(self, x: np.ndarray, t: np.ndarray) -> bool:
        return len(x) <= self.n and self.kind == (x.shape[1:], x.dtype, t.shape[1:], t.dtype)

    def close(self) -> None:
        self._finalizer()

    def loss_and_grads(self, net: Network, x: np.ndarray, t: np.ndarray) -> float | None:
        """Part 0 (images a0..b0-1) here, part 1 (a1..b1-1) in the worker; fills the
        network's layers' `grads` with the whole batch's and returns its mean loss. None:
        a BatchNorm network's worker died mid-step (nothing changed; threads redo it)."""
        n, order, stop, v = len(x), net._order, net._first_weighted, self.v
        (a0, b0), (a1, b1) = batch_slices(n, 2)
        m = b1 - a1
        restore = bnx.keep(net) if self.bn else None   # a lost worker's step is redone
        for i, layer in enumerate(net.layers):
            self.mine[i].params = self.spare[i].params = layer.params
            for k, p in layer.params.items():
                np.copyto(v[f"p:{i}.{k}"], p)           # this step's weights
            if isinstance(layer, Dropout) and layer.rate > 0:   # the one-worker draw, in order
                rng = layer.rng if layer.rng is not None else np.random.default_rng()
                drawn = rng.random((n, *net.info[i].input_shape), dtype=x.dtype)
                self.mine[i].rng, self.spare[i].rng = _Drawn(drawn[a0:b0]), _Drawn(drawn[a1:b1])
                v[f"d:{i}"][:m] = drawn[a1:b1]
        v["x"][:m], v["t"][:m] = x[a1:b1], t[a1:b1]
        self.step += 1
        self.exchange.begin(self.step, n)
        try:
            self.conn.send((self.step, n, np.geterr()))
        except OSError:
            self.dead = True
        if self.bn:
            return self._coupled(net, x, t, restore)
        with serial():
            loss0 = run_part(self.mine, self.loss_fns[0], order, stop, x[a0:b0], t[a0:b0],
                             (b0 - a0) / n)
        loss1 = None
        if not self.dead and not _claim(self.fd, v["claim"], self.step):
            loss1 = self._answer()                      # the worker's (None: it died)
        if loss1 is None:                               # part 1 not begun there: here
            self.taken += 1
            self.dead = self.dead or self.proc.poll() is not None
            with serial():
                loss1 = run_part(self.spare, self.loss_fns[1], order, stop, x[a1:b1],
                                 t[a1:b1], m / n)
            theirs = {(i, k): g for i, rep in enumerate(self.spare) for k, g in rep.grads.items()}
        else:
            theirs = {(i, k): v[f"g:{i}.{k}"] for i, layer in enumerate(net.layers)
                      for k in layer.params}
        self._add(net, theirs)
        return float(loss0 + loss1)

    def _add(self, net: Network, theirs: dict) -> None:
        for i, layer in enumerate(net.layers):           # part 0's + part 1's, as on threads
            if layer.params:
                layer.grads = {k: self.mine[i].grads[k] + theirs[i, k] for k in layer.params}

    def _coupled(self, net: Network, x: np.ndarray, t: np.ndarray, restore) -> float | None:
        """The parts of a BatchNorm network: both run to the end (their BatchNorm layers
        exchange sums, nn/batchnorm_exchange.py), none is taken back. A worker lost mid-
        step: the network as before the step (`restore`), None."""
        (a0, b0), _ = batch_slices(len(x), 2)
        loss0 = loss1 = None
        if not self.dead:
            try:
                with serial():
                    loss0 = run_part(self.mine, self.loss_fns[0], net._order,
                                     net._first_weighted, x[a0:b0], t[a0:b0], (b0 - a0) / len(x))
            except bnx.PartnerGone:
                pass                                    # the worker's error raised below
            loss1 = self._answer()
        if loss0 is None or loss1 is None:
            self.dead = True
            restore()
            return None
        self._add(net, {(i, k): self.v[f"g:{i}.{k}"] for i, layer in enumerate(net.layers)
                        for k in layer.params})
        return float(loss0 + loss1)

    def _answer(self) -> float | None:
        """The worker's loss of this step (its error raised here); None if it died."""
        while True:
            try:
                if self.conn.poll(0.2):
                    step, got = self.conn.recv()
                    if step != self.step:               # a part 1 the caller took back
                        continue
                    if isinstance(got, BaseException):
                        raise got
                    return got
            except (EOFError, OSError):
                pass
            if self.proc.poll() is not None:
                self.dead = True
                return None


def worker_cpu_seconds() -> float:
    """CPU seconds the live workers have used (benchmarks/ count them as their own)."""
    return sum(cpu_seconds(half.proc.pid) for half in list(_halves.values()))
