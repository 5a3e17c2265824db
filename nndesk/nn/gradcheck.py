"""Gradient check (the book's ch. 5.7.3): backprop against central differences, in float64,
per parameter tensor."""

from __future__ import annotations

import numpy as np

from nndesk.nn.network import Network

__all__ = ["gradcheck", "rel_error", "FLOOR"]


FLOOR = 1e-2        # of the network's largest gradient norm: below it a tensor's gradient
                    # is measured against this floor, not against itself


def rel_error(a: np.ndarray, b: np.ndarray, tiny: float = 1e-8, floor: float = 0.0) -> float:
    """||a - b|| / max(||a|| + ||b||, floor): 0 for equal tensors, ~1 for unrelated ones.

    `floor`: the smallest denominator (`gradcheck` passes FLOOR times the largest gradient
    norm of the network). A tensor whose true gradient vanishes (a bias right before a
    BatchNorm: the normalization subtracts it again) has only rounding noise in both
    estimates, and noise over noise is ~1 whatever the backprop; against the floor a wrong
    backprop still shows (an error of 1e-6 of the largest gradient gives ~1e-4), rounding
    does not. Where everything vanishes (norms below `tiny`) the plain ||a - b|| is returned.
    """
    diff = np.linalg.norm(a - b)
    size = max(float(np.linalg.norm(a) + np.linalg.norm(b)), floor)
    return float(diff if size < tiny else diff / size)


def gradcheck(spec_or_net: dict | Network, x: np.ndarray | None = None,
              t: np.ndarray | None = None, seed: int = 0, h: float = 1e-5,
              max_checks: int | None = None,
              lengths: np.ndarray | None = None) -> dict[str, float]:
    """Relative error between backprop and (L(p+h) - L(p-h)) / 2h for each parameter tensor
    ("0.W", ...) and for the input ("input").

    The check runs on a float64 copy in training mode (BatchNorm uses batch statistics); the
    dropout masks are the same in every pass because the Generator's state is reset each time.
    `max_checks` compares that many random elements per tensor instead of all (big nets).
    `lengths` (N,): padded sequences' real steps (Network.forward); x is then required.
    Each error is `rel_error` with a floor of FLOOR times the largest tensor's ||a|| + ||b||:
    a gradient that should vanish (a bias before BatchNorm) is not failed for its rounding.
    """
    rng = np.random.default_rng(seed)
    if isinstance(spec_or_net, Network):
        net = Network.from_spec(spec_or_net.spec, seed, np.float64)
        net.load_state_dict(spec_or_net.state_dict())
    else:
        net = Network.from_spec(spec_or_net, seed, np.float64)
    if x is None:                              # a sequence of any length: 5 steps
        x = rng.standard_normal((3,) + tuple(5 if d is None else d
                                             for d in net.info[0].input_shape))
    x = np.array(x, dtype=np.float64)
    if t is None:
        t = rng.integers(0, net.info[-1].output_shape[0], size=len(x))
    start = net.rng.bit_generator.state

    def loss() -> float:
        """The training loss at the current parameters, with the same dropout masks."""
        net.rng.bit_generator.state = start    # same dropout masks every time
        return net.loss(x, t, train=True, lengths=lengths)

    loss()
    analytic = {k: g.copy() for k, g in _backward(net).items()}
    tensors = {**net.params(), "input": x}
    pairs = {}
    for key, arr in tensors.items():
        flat = arr.reshape(-1)                 # a view: writes change the live tensor
        idx = np.arange(flat.size)
        if max_checks is not None and flat.size > max_checks:
            idx = rng.choice(flat.size, size=max_checks, replace=False)
        numeric = np.empty(idx.size)
        for j, i in enumerate(idx):
            old = flat[i]
            flat[i] = old + h
            up = loss()
            flat[i] = old - h
            down = loss()
            flat[i] = old
            numeric[j] = (up - down) / (2 * h)
        pairs[key] = (analytic[key].reshape(-1)[idx], numeric)
    largest = max(np.linalg.norm(a) + np.linalg.norm(b) for a, b in pairs.values())
    return {key: rel_error(a, b, floor=FLOOR * largest) for key, (a, b) in pairs.items()}


def _backward(net: Network) -> dict[str, np.ndarray]:
    """Backprop gradients of the last loss: every parameter and the input."""
    dx = net.backward(input_grad=True)
    return {**net.grads(), "input": dx}
