"""The batch workers (nn/parallel.py): every image handled once, and a layer split between
threads gives exactly the numbers of the plain one-thread pass, on odd sizes."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from nndesk.nn import Network, parallel
from nndesk.nn.conv import Conv2D
from nndesk.nn.im2col import col2im
from nndesk.nn.layers import ReLU
from nndesk.nn.pool import MaxPool2D


@pytest.fixture(autouse=True)
def _one_worker_after():
    yield
    parallel.set_workers(1)


@pytest.mark.parametrize(("n", "parts"), [(1, 1), (1, 4), (7, 3), (100, 6), (5, 5), (6, 4)])
def test_batch_slices_cover_the_batch_once_in_order(n, parts):
    slices = parallel.batch_slices(n, parts)
    assert [i for a, b in slices for i in range(a, b)] == list(range(n))
    assert len(slices) == min(parts, n)
    sizes = [b - a for a, b in slices]
    assert max(sizes) - min(sizes) <= 1


@pytest.mark.parametrize(("workers", "n", "min_size"), [(1, 9, 1), (2, 9, 1), (3, 13, 2),
                                                         (2, 1, 1), (2, 3, 2)])
def test_for_batch_runs_every_image_once(workers, n, min_size):
    parallel.set_workers(workers)
    seen = np.zeros(n, int)
    threads = set()

    def fn(i, j):
        threads.add(threading.get_ident())
        seen[i:j] += 1
        assert j - i >= min(min_size, n)

    parallel.for_batch(fn, n, min_size=min_size)
    np.testing.assert_array_equal(seen, 1)
    assert len(threads) <= workers


def test_a_small_call_runs_whole_on_the_calling_thread(monkeypatch):
    """nbytes below MIN_SPLIT_BYTES: one fn(0, n) on the caller; at or above it: split."""
    monkeypatch.setattr(parallel, "MIN_SPLIT_BYTES", 1000)
    parallel.set_workers(2)
    calls = []

    def fn(i, j):
        calls.append((i, j, threading.get_ident()))

    parallel.for_batch(fn, 12, nbytes=999)
    assert calls == [(0, 12, threading.get_ident())]
    calls.clear()
    parallel.for_batch(fn, 12, nbytes=1000)
    assert len(calls) > 1 and sorted(c[:2] for c in calls)[0][0] == 0
    assert sum(j - i for i, j, _ in calls) == 12


def test_for_batch_raises_what_a_slice_raised():
    parallel.set_workers(2)

    def fn(i, j):
        if i > 0:
            raise RuntimeError(f"slice {i}")

    with pytest.raises(RuntimeError, match="slice"):
        parallel.for_batch(fn, 10)


def test_set_workers_refuses_zero():
    with pytest.raises(ValueError, match="at least 1"):
        parallel.set_workers(0)


def _grads(net, x, t):
    loss = net.loss(x, t, train=True)
    dx = net.backward(input_grad=True)
    return [loss, dx, *net.grads().values()]


@pytest.mark.parametrize("workers", [2, 3])
def test_a_network_gives_the_same_numbers_with_workers(workers, monkeypatch):
    """Every conv (all three input-gradient paths, stride 2), pool, BatchNorm (images and
    vectors) and ReLU (split however small), forward and backward, training and evaluation."""
    monkeypatch.setattr(ReLU, "SPLIT_SIZE", 1)
    spec = {"input_shape": [3, 13, 11], "layers": [
        {"type": "Conv2D", "filters": 4, "kernel_size": 3, "pad": 1}, {"type": "BatchNorm"},
        {"type": "ReLU"},
        {"type": "MaxPool2D"},                                      # 13x11 -> general path
        {"type": "Conv2D", "filters": 5, "kernel_size": 2, "stride": 2},
        {"type": "Conv2D", "filters": 6, "kernel_size": 3, "pad": 2}, {"type": "ReLU"},
        {"type": "MaxPool2D"},                                      # 6x6 -> 2x2 fast path
        {"type": "Conv2D", "filters": 7, "kernel_size": 1}, {"type": "Dense", "units": 12},
        {"type": "BatchNorm"}, {"type": "Dense", "units": 10}]}
    rng = np.random.default_rng(0)
    x, t = rng.standard_normal((7, 3, 13, 11)), rng.integers(0, 10, 7)
    net = Network.from_spec(spec, seed=0, dtype=np.float64)
    plain = _grads(net, x, t)
    parallel.set_workers(workers)
    for a, b in zip(plain, _grads(net, x, t), strict=True):
        np.testing.assert_array_equal(a, b)
    np.testing.assert_array_equal(net.predict(x, batch_size=5), _predict_one_worker(net, x))


def _predict_one_worker(net, x):
    old = parallel.workers()
    parallel.set_workers(1)
    try:
        return net.predict(x, batch_size=5)
    finally:
        parallel.set_workers(old)


@pytest.mark.parametrize("workers", [1, 2])
@pytest.mark.parametrize(("c", "f", "k", "pad", "n"), [(2, 3, 3, 1, 5), (3, 8, 3, 0, 3),
                                                       (1, 2, 5, 2, 7)])
def test_each_input_gradient_path_equals_the_books_col2im(workers, c, f, k, pad, n):
    """`_dx_flipped` and `_dx_flat` (fast paths) against the book's dcol = W^T dout + col2im,
    written out here, split between workers or not."""
    parallel.set_workers(workers)
    rng = np.random.default_rng(5)
    layer = Conv2D(filters=f, kernel_size=k, pad=pad)
    layer.build((c, 9, 6), rng, np.float64, None)
    x = rng.standard_normal((n, c, 9, 6))
    dout = rng.standard_normal(layer.forward(x, train=True).shape)
    dcol = np.matmul(layer.params["W"].reshape(f, -1).T, dout.reshape(n, f, -1))
    book = col2im(dcol, x.shape, k, k, 1, pad)
    for path in (layer._dx_flipped, layer._dx_flat):
        np.testing.assert_allclose(path(dout), book, rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(layer._dx_col2im(dout.reshape(n, f, -1)), book,
                               rtol=1e-10, atol=1e-12)


@pytest.mark.parametrize("piece_bytes", [1, 1 << 20])              # one image a piece .. all
@pytest.mark.parametrize("workers", [1, 3])
def test_max_pool_fast_path_equals_the_general_one(workers, piece_bytes, monkeypatch):
    """The 2x2 training fast path (masks) against the evaluation path's offsets loop, ties
    included (the first maximum wins in both)."""
    monkeypatch.setattr(parallel, "PIECE_BYTES", piece_bytes)
    parallel.set_workers(workers)
    rng = np.random.default_rng(2)
    x = rng.integers(0, 3, (5, 3, 6, 8)).astype(np.float64)     # many ties
    fast, general = MaxPool2D(), MaxPool2D()
    out = fast.forward(x, train=True)
    assert fast.right is not None                                # the fast path ran
    np.testing.assert_array_equal(out, general.forward(x, train=False))
    dout = rng.standard_normal(out.shape)
    np.testing.assert_array_equal(fast.backward(dout), general.backward(dout))


@pytest.mark.parametrize(("cores", "workers"), [({0, 1, 2, 3}, 2), ({0, 1}, 2), ({3}, 1)])
def test_default_workers_two_where_two_cores_may_be_used(monkeypatch, cores, workers):
    monkeypatch.setattr(parallel.os, "sched_getaffinity", lambda pid: cores, raising=False)
    assert parallel.default_workers() == workers


@pytest.mark.parametrize(("count", "workers"), [(8, 2), (1, 1), (None, 1)])
def test_default_workers_without_affinity_counts_the_cpus(monkeypatch, count, workers):
    monkeypatch.delattr(parallel.os, "sched_getaffinity", raising=False)   # macOS, Windows
    monkeypatch.setattr(parallel.os, "cpu_count", lambda: count)
    assert parallel.default_workers() == workers


def test_a_caller_never_waits_for_a_helper_that_has_not_started():
    """With the helper held by another caller's slice, a second caller does all its slices
    itself and returns (before: it waited for the helper's queue)."""
    parallel.set_workers(2)
    release, held, left = threading.Event(), threading.Event(), threading.Event()

    def slow(i, j):
        if threading.current_thread().name == "nndesk-batch":
            held.set()
            release.wait(30)              # hang guard only: the test releases it at once
            left.set()

    def first_caller():
        while not held.is_set() and not release.is_set():   # until the helper took a slice
            parallel.for_batch(slow, 12)

    other = threading.Thread(target=first_caller)
    other.start()
    try:
        assert held.wait(30)
        seen = np.zeros(9, int)
        threads = set()

        def fn(i, j):
            threads.add(threading.current_thread().name)
            seen[i:j] += 1

        parallel.for_batch(fn, 9)         # the helper is stuck in `slow`
        assert not left.is_set()          # returned without waiting for the helper
        np.testing.assert_array_equal(seen, 1)
        assert threads == {threading.current_thread().name}
    finally:
        release.set()
        other.join(30)
    assert not other.is_alive()


def test_two_callers_at_once_each_get_every_image_once():
    parallel.set_workers(2)
    seen = {name: np.zeros(97, int) for name in ("a", "b")}
    errors = []

    def caller(name):
        def fn(i, j):
            seen[name][i:j] += 1
        try:
            for _ in range(50):
                parallel.for_batch(fn, 97)
        except Exception as err:          # reported below, in the test's own thread
            errors.append(err)

    threads = [threading.Thread(target=caller, args=(k,)) for k in seen]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors
    for counts in seen.values():
        np.testing.assert_array_equal(counts, 50)


@pytest.mark.skipif(not hasattr(parallel.os, "setpriority"), reason="no per-thread niceness")
def test_helpers_run_at_the_niceness_of_a_lowered_caller():
    """A caller thread that lowered its own priority (as the window's training thread did) has
    its helper slices follow it."""
    parallel.set_workers(2)
    parallel.for_batch(lambda i, j: None, 10)           # helper made by this (normal) thread
    nice = {}
    got_helper = threading.Event()

    def fn(i, j):
        me = threading.current_thread().name
        nice[me] = parallel.os.getpriority(parallel.os.PRIO_PROCESS, threading.get_native_id())
        if me == "nndesk-batch":
            got_helper.set()
        else:
            got_helper.wait(10)           # leave the helper a slice

    def lowered():
        tid = threading.get_native_id()
        base = parallel.os.getpriority(parallel.os.PRIO_PROCESS, tid)
        parallel.os.setpriority(parallel.os.PRIO_PROCESS, tid, base + 3)
        parallel.for_batch(fn, 6)
        nice["expected"] = base + 3

    t = threading.Thread(target=lowered, name="trainer")
    t.start()
    t.join(60)
    assert got_helper.is_set()
    assert nice["trainer"] == nice["nndesk-batch"] == nice["expected"]


@pytest.mark.parametrize("workers", [1, 2, 3])
def test_copyto_and_contiguous_copy_every_element(workers):
    parallel.set_workers(workers)
    rng = np.random.default_rng(3)
    a = rng.standard_normal((7, 5, 4, 3))
    t = a.transpose(2, 3, 0, 1)                                 # strided, first axis 4
    c = parallel.contiguous(t)
    assert c.flags.c_contiguous and c.shape == (4, 3, 7, 5)
    np.testing.assert_array_equal(c, np.ascontiguousarray(t))
    assert parallel.contiguous(c) is c                          # already contiguous: no copy
    frame = np.zeros((9, 8, 7, 5))
    parallel.copyto(frame[1:5, 2:5], np.moveaxis(a, (-2, -1), (0, 1)))
    expected = np.zeros_like(frame)
    expected[1:5, 2:5] = np.moveaxis(a, (-2, -1), (0, 1))
    np.testing.assert_array_equal(frame, expected)
    row = np.zeros((6, 3))
    parallel.copyto(row, np.arange(3.0))                        # broadcast: copied whole
    np.testing.assert_array_equal(row, np.tile(np.arange(3.0), (6, 1)))
