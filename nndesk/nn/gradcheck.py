"""Gradient check (the book's ch. 5.7.3): backprop against central differences, in float64,
per parameter tensor."""

from __future__ import annotations

import numpy as np

from nndesk.nn.network import Network

__all__ = ["gradcheck", "rel_error"]


def rel_error(a: np.ndarray, b: np.ndarray, tiny: float = 1e-8) -> float:
    """||a - b|| / (||a|| + ||b||): 0 for equal tensors, ~1 for unrelated ones.

    Where both gradients vanish (norms below `tiny`, e.g. a bias right before BatchNorm),
    the plain difference ||a - b|| is returned: relative error of rounding noise means nothing.
    """
    diff, size = np.linalg.norm(a - b), np.linalg.norm(a) + np.linalg.norm(b)
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
    errors = {}
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
        errors[key] = rel_error(analytic[key].reshape(-1)[idx], numeric)
    return errors


def _backward(net: Network) -> dict[str, np.ndarray]:
    """Backprop gradients of the last loss: every parameter and the input."""
    dx = net.backward(input_grad=True)
    return {**net.grads(), "input": dx}
