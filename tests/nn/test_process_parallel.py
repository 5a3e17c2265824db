"""Part 1 of a two-worker step in a worker process (nn/process_parallel.py): the thread
step's numbers bit for bit, part 1 taken back when the worker has not begun it, a dead
worker's part run by the caller, no process left behind; BatchNorm networks on the whole
batch's statistics (nn/batchnorm_exchange.py): the one-worker step's numbers to 1e-10."""

from __future__ import annotations

import gc
import os
import signal
import subprocess
import sys
import textwrap
import time

import numpy as np
import pytest

from nndesk.nn import SGD, Adam, Network, parallel, process_parallel, train_step
from nndesk.nn.data_parallel import DataParallel
from nndesk.presets import load_preset

MLP = {"input_shape": [12], "loss": "mse", "layers": [
    {"type": "Dense", "units": 16}, {"type": "Tanh"}, {"type": "Dropout", "rate": 0.3},
    {"type": "Dense", "units": 10}]}


@pytest.fixture(autouse=True)
def _two_workers():
    parallel.set_workers(2)
    yield
    parallel.set_workers(1)
    process_parallel.set_enabled(True)


@pytest.fixture
def worker_claims(monkeypatch):
    """The caller waits until the worker has claimed part 1 (never takes it back), so
    the worker's part is what a test checks, however busy the machine."""
    claim = process_parallel._claim

    def wait_for_worker(fd, flags, step):
        for _ in range(6000):
            if flags[0] == step:
                break
            time.sleep(0.01)
        return claim(fd, flags, step)

    monkeypatch.setattr(process_parallel, "_claim", wait_for_worker)


CONV_BN = {"input_shape": [2, 8, 8], "loss": "softmax_cross_entropy", "layers": [
    {"type": "Conv2D", "filters": 4, "kernel_size": 3, "stride": 1, "pad": 1},
    {"type": "BatchNorm", "momentum": 0.5}, {"type": "ReLU"},
    {"type": "MaxPool2D", "pool_size": 2, "stride": 2},
    {"type": "Dense", "units": 12}, {"type": "BatchNorm"}, {"type": "ReLU"},
    {"type": "Dropout", "rate": 0.3}, {"type": "Dense", "units": 10}]}


def _spec(name: str) -> dict:
    return {"MLP": MLP, "ConvBN": CONV_BN}.get(name) or load_preset(name)


def _batch(spec: dict, n: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    return rng.random((n, *spec["input_shape"])), rng.integers(0, 10, n)


def _run(spec: dict, x, t, process: bool, steps: int = 2, net=None):
    """`steps` float64 Adam steps on threads or with the worker process: the last loss,
    the last gradients, the weights, the Generator's state, the network."""
    process_parallel.set_enabled(process)
    net = net or Network.from_spec(spec, seed=5, dtype=np.float64)
    opt = Adam(lr=1e-3)
    for _ in range(steps):
        loss = train_step(net, x, t, opt)
    grads = {k: g.copy() for k, g in net.grads().items()}
    return loss, grads, net.state_dict(), net.rng.bit_generator.state, net


def _after_one_step(preset: str):
    """Three one-worker steps' results on 20 images of `preset`, and a network (float64,
    Adam) that has taken the first of them with the worker process: (expected, net, opt, x,
    t)."""
    spec = load_preset(preset)
    x, t = _batch(spec, 20)
    expected = _run(spec, x, t, False, steps=3)
    process_parallel.set_enabled(True)
    net, opt = Network.from_spec(spec, seed=5, dtype=np.float64), Adam(lr=1e-3)
    train_step(net, x, t, opt)
    return expected, net, opt, x, t


def _assert_same(a: dict, b: dict) -> None:
    assert a.keys() == b.keys()
    for k in a:
        np.testing.assert_array_equal(b[k], a[k], err_msg=k)


@pytest.mark.parametrize("name", ["LeNet5", "DeepConvNet", "SimpleConvNet", "MLP"])
def test_the_worker_gives_the_thread_steps_numbers(name, worker_claims):
    """The same parts, shares and order of addition: the thread step's bits (which equal
    the one-worker step's to 1e-10, test_data_parallel.py), the same Dropout draws."""
    spec = _spec(name)
    x, t = _batch(spec, 23)                                  # parts of 11 and 12 images
    threads, proc = _run(spec, x, t, False), _run(spec, x, t, True)
    half = process_parallel._halves[proc[4]]
    assert (half.step, half.taken) == (2, 0)                 # both parts 1 in the worker
    assert proc[0] == threads[0]
    _assert_same(threads[1], proc[1])
    _assert_same(threads[2], proc[2])
    assert proc[3] == threads[3]


def test_a_dense_layer_writes_its_weight_gradient_where_it_is_told():
    """The worker hands Dense its mapping's array (`grad_out`): backward writes dW there,
    the same bits as into a new array; an array of another shape is not used."""
    rng = np.random.default_rng(0)
    layer = Network.from_spec(MLP, seed=1, dtype=np.float32).layers[0]      # Dense 12 -> 16
    layer.forward(rng.random((7, 12), dtype=np.float32), True)
    dout = rng.random((7, 16), dtype=np.float32)
    layer.backward(dout)
    fresh = layer.grads["W"].copy()
    layer.grad_out = np.full((12, 16), np.nan, np.float32)
    layer.backward(dout)
    assert layer.grads["W"] is layer.grad_out
    np.testing.assert_array_equal(layer.grad_out, fresh)
    layer.grad_out = np.zeros((16, 12), np.float32)
    layer.backward(dout)
    assert layer.grads["W"] is not layer.grad_out and not layer.grad_out.any()


def test_a_part_the_worker_has_not_begun_is_taken_back():
    """A stopped worker (its core taken) cannot claim part 1: the caller runs it, the same
    numbers; resumed, the worker skips that part and runs the next step's."""
    expected, net, opt, x, t = _after_one_step("LeNet5")
    half = process_parallel._halves[net]
    os.kill(half.proc.pid, signal.SIGSTOP)
    try:
        train_step(net, x, t, opt)
    finally:
        os.kill(half.proc.pid, signal.SIGCONT)
    assert half.taken >= 1
    loss = train_step(net, x, t, opt)
    assert process_parallel._halves[net] is half and not half.dead
    assert loss == expected[0]
    _assert_same(expected[1], net.grads())
    _assert_same(expected[2], net.state_dict())


def test_a_killed_worker_leaves_its_part_to_the_caller_then_threads():
    expected, net, opt, x, t = _after_one_step("DeepConvNet")
    proc = process_parallel._halves[net].proc
    proc.kill()
    proc.wait()
    train_step(net, x, t, opt)
    assert net not in process_parallel._halves                # no new worker: threads
    loss = train_step(net, x, t, opt)
    assert loss == expected[0]
    _assert_same(expected[1], net.grads())
    _assert_same(expected[2], net.state_dict())


def test_other_programs_on_a_core_send_the_step_to_threads(monkeypatch):
    spec = load_preset("LeNet5")
    x, t = _batch(spec, 20)
    net, opt = Network.from_spec(spec, seed=5, dtype=np.float64), Adam(lr=1e-3)
    train_step(net, x, t, opt)                               # starts the worker
    half = process_parallel._halves[net]
    monkeypatch.setattr(parallel.LoadWatch, "others_busy", lambda self: True)
    on_threads = []
    real = DataParallel.loss_and_grads
    monkeypatch.setattr(DataParallel, "loss_and_grads",
                        lambda *a: on_threads.append(1) or real(*a))
    train_step(net, x, t, opt)
    assert on_threads == [1] and half.step == 1


def test_the_load_watch_counts_only_other_programs(monkeypatch):
    """Busy seconds of all cores minus this process's and the worker's, per second."""
    watch = parallel.LoadWatch(os.getpid())
    readings = iter([(100.0, 10.0), (101.4, 10.5), (102.9, 11.8)])   # (all, ours) seconds
    monkeypatch.setattr(watch, "_cpu", lambda: next(readings))
    watch._mark()
    monkeypatch.setattr(parallel.time, "perf_counter",
                        lambda: watch.t0 + watch.WINDOW_S)
    assert watch.others_busy() and watch.others == pytest.approx(0.9 / watch.WINDOW_S)
    assert not watch.others_busy() and watch.others == pytest.approx(0.2 / watch.WINDOW_S)


def test_a_larger_batch_starts_a_worker_with_room(worker_claims):
    spec = load_preset("LeNet5")
    x, t = _batch(spec, 40)
    expected = _run(spec, x, t, False, steps=2)
    process_parallel.set_enabled(True)
    net, opt = Network.from_spec(spec, seed=5, dtype=np.float64), Adam(lr=1e-3)
    train_step(net, x[:20], t[:20], opt)
    first = process_parallel._halves[net]
    net.load_state_dict(Network.from_spec(spec, seed=5, dtype=np.float64).state_dict())
    opt = Adam(lr=1e-3)
    train_step(net, x, t, opt)
    loss = train_step(net, x, t, opt)
    assert process_parallel._halves[net] is not first and first.proc.returncode == 0
    assert loss == expected[0]
    _assert_same(expected[1], net.grads())


def test_a_collected_network_ends_its_worker():
    spec = load_preset("LeNet5")
    x, t = _batch(spec, 20)
    net = Network.from_spec(spec, seed=0, dtype=np.float64)
    train_step(net, x, t, Adam(lr=1e-3))
    proc = process_parallel._halves[net].proc
    del net
    gc.collect()
    assert proc.returncode == 0


CHILD = textwrap.dedent("""
    import sys, time
    import numpy as np
    from nndesk.nn import SGD, Adam, Network, parallel, process_parallel, train_step
    from nndesk.presets import load_preset
    parallel.set_workers(2)
    net = Network.from_spec(load_preset("LeNet5"), seed=0)
    x = np.random.default_rng(0).random((20, 1, 28, 28), dtype=np.float32)
    train_step(net, x, np.arange(20) % 10, Adam(lr=1e-3))
    print(process_parallel._halves[net].proc.pid, flush=True)
    if sys.argv[1] == "hang":
        time.sleep(600)
""")


def _gone(pid: int) -> bool:
    """Whether process `pid` has ended (a zombie counts: its parent has not reaped it)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as f:
            return f.read().rsplit(")", 1)[1].split()[0] == "Z"
    except FileNotFoundError:
        return True


@pytest.mark.parametrize("how", ["exit", "killed"])
def test_no_worker_outlives_its_caller(how):
    """The caller exits (its finalizer ends the worker) or is killed (the worker reads the
    end of its pipe and exits)."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    with subprocess.Popen([sys.executable, "-c", CHILD, "hang" if how == "killed" else ""],
                          stdout=subprocess.PIPE, text=True, env=env) as child:
        worker = int(child.stdout.readline())
        if how == "killed":
            child.kill()
        child.wait(60)
    for _ in range(600):
        if _gone(worker):
            break
        time.sleep(0.05)
    assert _gone(worker)


def _sgd_run(spec: dict, x, t, workers: int, steps: int = 3, net=None):
    """`steps` float64 SGD steps (Adam would turn the ~0 gradient of a bias before
    BatchNorm, rounding, into a step of lr): last loss, gradients, weights and running
    statistics, the network's outputs in evaluation mode, the network."""
    parallel.set_workers(workers)
    net = net or Network.from_spec(spec, seed=5, dtype=np.float64)
    opt = SGD(lr=0.1)
    for _ in range(steps):
        loss = train_step(net, x, t, opt)
    grads = {k: g.copy() for k, g in net.grads().items()}
    return loss, grads, net.state_dict(), net.forward(x, train=False), net


def _assert_close(a: dict, b: dict, rtol: float = 1e-10) -> None:
    """Each array of b equals a's to rtol of the largest value of all of a's arrays (a bias
    before BatchNorm has a gradient of ~0: its own scale is the rounding's)."""
    scale = max(float(np.abs(v).max()) for v in a.values())
    assert a.keys() == b.keys()
    for k in a:
        np.testing.assert_allclose(b[k], a[k], rtol=0, atol=rtol * scale, err_msg=k)


@pytest.mark.parametrize("name", ["DigitNet", "ConvBN"])
def test_batchnorm_networks_step_on_the_whole_batchs_statistics(name):
    """BatchNorm's mean and variance over both parts, its dgamma and dbeta sums exchanged:
    the one-worker step's loss, gradients, weights, running mean and variance, and
    evaluation-mode outputs, to 1e-10 in float64; the same Dropout draws."""
    spec = _spec(name)
    x, t = _batch(spec, 23)                                  # parts of 11 and 12 images
    one = _sgd_run(spec, x, t, 1)
    proc = _sgd_run(spec, x, t, 2)
    half = process_parallel._halves[proc[4]]
    assert half.step == 3 and not half.dead                  # every step in two processes
    assert proc[0] == pytest.approx(one[0], rel=1e-12)
    _assert_close(one[1], proc[1])
    _assert_close(one[2], proc[2])
    assert any(k.endswith("running_var") for k in proc[2])
    np.testing.assert_allclose(proc[3], one[3], rtol=0, atol=1e-10 * np.abs(one[3]).max())
    assert proc[4].rng.bit_generator.state == one[4].rng.bit_generator.state


def test_a_batchnorm_networks_lost_worker_leaves_the_step_to_the_split():
    """A worker killed before a step: the caller, waiting in an exchange, sees its pipe
    end, leaves the running statistics as they were and the step runs per layer."""
    spec = CONV_BN
    x, t = _batch(spec, 20)
    one = _sgd_run(spec, x, t, 1)
    parallel.set_workers(2)
    net, opt = Network.from_spec(spec, seed=5, dtype=np.float64), SGD(lr=0.1)
    train_step(net, x, t, opt)
    proc = process_parallel._halves[net].proc
    proc.kill()
    proc.wait()
    train_step(net, x, t, opt)
    assert net not in process_parallel._halves               # no new worker: threads
    two = _sgd_run(spec, x, t, 2, steps=1, net=net)
    _assert_close(one[1], two[1])
    _assert_close(one[2], two[2])


def test_a_batchnorm_networks_step_goes_per_layer_when_a_core_is_busy(monkeypatch):
    spec = CONV_BN
    x, t = _batch(spec, 20)
    net, opt = Network.from_spec(spec, seed=5, dtype=np.float64), SGD(lr=0.1)
    train_step(net, x, t, opt)                               # starts the worker
    half = process_parallel._halves[net]
    monkeypatch.setattr(parallel.LoadWatch, "others_busy", lambda self: True)
    train_step(net, x, t, opt)
    assert half.step == 1 and not DataParallel.fits(net)


def test_a_caller_error_mid_step_ends_the_worker_and_the_next_step_starts_one():
    """The caller's part raises (np.errstate) while the worker waits in an exchange: the
    worker is told to stop and exits; the next step starts a new one."""
    spec = CONV_BN
    x, t = _batch(spec, 20)
    net, opt = Network.from_spec(spec, seed=5, dtype=np.float64), SGD(lr=0.1)
    train_step(net, x, t, opt)
    half = process_parallel._halves[net]
    bad = x.copy()
    bad[0, 0, 0, 0] = np.inf                                 # in part 0: inf - inf in the mean
    with np.errstate(invalid="raise"), pytest.raises(FloatingPointError):
        train_step(net, bad, t, opt)
    assert half.proc.returncode is not None and net not in process_parallel._halves
    train_step(net, x, t, opt)
    assert process_parallel._halves[net] is not half
