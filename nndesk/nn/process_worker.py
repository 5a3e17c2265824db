"""The worker process of the two-process step (nn/process_parallel.py starts it): part 1 of
each step on a replica of the network whose parameters are views of the shared mapping.

    caller (process_parallel.ProcessHalf)    worker (`serve`)
    (spec, dtype, layout, size, malloc) ---> builds the replica, "ready"
    "step s" ------------------------------> claims part 1 of step s
                                             forward, loss, backward on v["x"], v["t"];
                                             gradients -> v["g:<i>.<k>"]
    <-------------------------------------- (s, its loss | its error | None: taken back)

Dense layers write their weight gradient straight into the mapping (`Dense.grad_out`: no
copy of DigitNet's 3.2 MB at the end); the other gradients are copied there after backward.
The worker sets malloc as the caller did (`memory.keep_freed_memory`: its step's arrays
are not page-faulted afresh each time). It ends when told (None), when the caller's end of
the pipe closes (the caller died), or when an exchange finds the caller gone.
"""

from __future__ import annotations

import mmap
import os
import subprocess
from multiprocessing.connection import Connection

import numpy as np

from nndesk.nn import batchnorm_exchange as bnx
from nndesk.nn.data_parallel import _Drawn, run_part
from nndesk.nn.layers import Dense
from nndesk.nn.memory import keep_freed_memory
from nndesk.nn.network import Network
from nndesk.nn.shared_mapping import claim, views

__all__ = ["serve", "stop"]


def serve(conn_fd: int, mem_fd: int) -> None:
    """The worker process: build the replica, then run part 1 of each step sent, until
    told to stop (None) or the caller's end of the pipe closes."""
    conn = Connection(conn_fd)
    spec, dtype, layout, size, malloc = conn.recv()
    if malloc is not None:
        keep_freed_memory(*malloc)                      # as the caller's process
    v = views(mmap.mmap(mem_fd, size), layout)
    net = Network.from_spec(spec, dtype=dtype)
    exchange = bnx.Exchange(1, v, conn)
    for i, layer in enumerate(net.layers):
        layer.params = {k: v[f"p:{i}.{k}"] for k in layer.params}   # the caller's weights
        if isinstance(layer, Dense):
            layer.grad_out = v[f"g:{i}.W"]              # dW written there by backward
        net.layers[i] = bnx.part_layer(layer, i, exchange)
    conn.send("ready")
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            return
        if msg is None:
            return
        step, n, errors = msg
        m, share = n - n // 2, (n - n // 2) / n
        exchange.begin(step, n)
        if not claim(mem_fd, v["claim"], step):
            conn.send((step, None))                     # the caller took it
            continue
        try:
            for i, layer in enumerate(net.layers):
                if f"d:{i}" in v:
                    layer.rng = _Drawn(v[f"d:{i}"][:m])
            with np.errstate(**errors):                 # the caller's error handling
                loss = run_part(net.layers, net.loss_fn, net._order, net._first_weighted,
                                v["x"][:m], v["t"][:m], share)
            for i, layer in enumerate(net.layers):
                for k in layer.params:
                    if layer.grads[k] is not v[f"g:{i}.{k}"]:
                        np.copyto(v[f"g:{i}.{k}"], layer.grads[k])
            conn.send((step, loss))
        except bnx.PartnerGone:                         # the caller gave up mid-step
            return
        except Exception as err:                       # noqa: BLE001 - raised by the caller
            conn.send((step, err))


def stop(conn: Connection, proc: subprocess.Popen, fd: int) -> None:
    """End the worker (asked, then killed after 5 s) and reap it."""
    try:
        conn.send(None)
    except OSError:
        pass
    try:
        proc.wait(5)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    conn.close()
    os.close(fd)
