"""The timed operations, built the same way for nndesk and PyTorch from one spec and one batch."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

__all__ = ["Case", "nndesk_case", "nndesk_epoch", "run_epoch", "time_calls", "torch_case",
           "torch_epoch"]


@dataclass
class Case:
    """One library running one network: a training step, a 1-image and a big-batch predict."""

    lib: str
    step: Callable[[], object]  # forward + backward + Adam update on the training batch
    predict1: Callable[[], object]  # probabilities of one image
    predict_batch: Callable[[], object]  # probabilities of the inference batch
    state: dict | None = None  # nndesk's weights (to copy into the torch twin)
    check: Callable[[np.ndarray], np.ndarray] | None = None  # eval-mode probabilities of x


def time_calls(fn: Callable[[], object], n: int, cpu: list[float] | None = None) -> list[float]:
    """Wall seconds taken by each of `n` calls of `fn`; their CPU seconds (this process's and
    the training step's worker process's, nn/process_parallel.py) appended to `cpu`."""
    from nndesk.nn.process_parallel import worker_cpu_seconds

    out = []
    for _ in range(n):
        c0, t0 = time.process_time() + worker_cpu_seconds(), time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
        if cpu is not None:
            cpu.append(time.process_time() + worker_cpu_seconds() - c0)
    return out


def nndesk_case(spec: dict, x: np.ndarray, t: np.ndarray, x_batch: np.ndarray,
                network=None, lr: float = 1e-3) -> Case:
    """nndesk's Network + Adam on batch (x, t); `network` overrides building from `spec`."""
    from nndesk.nn import Adam, Network, train_step

    net = network if network is not None else Network.from_spec(spec, seed=0)
    state = net.state_dict()
    train_net = Network.from_spec(spec, seed=0)  # train a copy: the predict net stays as loaded
    opt = Adam(lr=lr)

    def step():  # the trainer's step (data-parallel with two batch workers)
        train_step(train_net, x, t, opt)

    one = x[:1]
    return Case("nndesk", step, lambda: net.predict(one),
                lambda: net.predict(x_batch), state,  # the engine's own chunking: product path
                lambda xs: net.predict(xs))


def torch_case(torch, spec: dict, x: np.ndarray, t: np.ndarray, x_batch: np.ndarray,
               state: dict | None, lr: float = 1e-3, channels_last: bool = False) -> Case:
    """The PyTorch twin of `spec` + torch.optim.Adam on the same batch, float32."""
    from torchnet import to_torch

    predictor = to_torch(torch, spec, state, channels_last)
    trainer = to_torch(torch, spec, state, channels_last)
    trainer.model.train()
    opt = torch.optim.Adam(trainer.model.parameters(), lr=lr)
    xt, tt = torch.from_numpy(x), torch.from_numpy(t.astype(np.int64))
    xb, one = torch.from_numpy(x_batch), torch.from_numpy(x[:1])

    def step():
        opt.zero_grad(set_to_none=True)
        trainer.loss(xt, tt).backward()
        opt.step()

    return Case("torch", step, lambda: predictor.predict(one),
                lambda: predictor.predict(xb), None,
                lambda xs: predictor.predict(torch.from_numpy(xs)).numpy())


def run_epoch(step_fn: Callable[[np.ndarray, np.ndarray], object], x_train: np.ndarray,
              t_train: np.ndarray, batch: int = 100, seed: int = 0) -> float:
    """Wall seconds of one shuffled epoch of `step_fn(xb, tb)` over the training set."""
    order = np.random.default_rng(seed).permutation(len(x_train))
    t0 = time.perf_counter()
    for i in range(0, len(order) - batch + 1, batch):
        idx = order[i:i + batch]
        step_fn(x_train[idx], t_train[idx])
    return time.perf_counter() - t0


def nndesk_epoch(spec: dict, x_train: np.ndarray, t_train: np.ndarray) -> float:
    """One real nndesk epoch (Adam, batch 100), seconds."""
    from nndesk.nn import Adam, Network, train_step

    net = Network.from_spec(spec, seed=0)
    opt = Adam(lr=1e-3)

    def step(xb, tb):
        train_step(net, xb, tb, opt)

    return run_epoch(step, x_train, t_train)


def torch_epoch(torch, spec: dict, x_train: np.ndarray, t_train: np.ndarray,
                channels_last: bool = False) -> float:
    """One real PyTorch epoch (Adam, batch 100), seconds; batches sliced from numpy like nndesk."""
    from torchnet import to_torch

    net = to_torch(torch, spec, channels_last=channels_last)
    net.model.train()
    opt = torch.optim.Adam(net.model.parameters(), lr=1e-3)
    labels = t_train.astype(np.int64)

    def step(xb, tb):
        opt.zero_grad(set_to_none=True)
        net.loss(torch.from_numpy(xb), torch.from_numpy(tb)).backward()
        opt.step()

    return run_epoch(step, x_train, labels)
