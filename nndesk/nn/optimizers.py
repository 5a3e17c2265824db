"""The book's optimizers (ch. 6), updating parameters in place, with resumable state.

`update(params, grads)` takes dicts keyed like "0.W". Two penalties act on weights only (keys
ending in "W", never biases or BatchNorm's gamma/beta), the book's ch. 6.4.1: weight decay adds
`weight_decay * W` to the gradient (the gradient of the L2 penalty 0.5 * weight_decay * W**2)
and `l1` adds `l1 * sign(W)` (the gradient of l1 * |W|; 0 at W = 0). `Network.penalty` gives
the matching loss term. `state_dict()` holds every array and the step counter, so a loaded
optimizer takes the identical next step.
"""

from __future__ import annotations

import numpy as np

from nndesk.nn.base import weights_changed
from nndesk.nn.parallel import for_batch

__all__ = ["Optimizer", "SGD", "Momentum", "Nesterov", "AdaGrad", "RMSprop", "Adam",
           "OPTIMIZERS", "make_optimizer"]


class Optimizer:
    """Base: hyperparameters, per-parameter state arrays (`slots`) and a step counter.

    `lr` is the learning rate (may change between steps); `weight_decay` and `l1` the
    penalties above (0: none). Parameters and gradients: dicts of same-shaped arrays; state
    arrays are made on the first step, in the parameters' dtype.
    """

    SLOTS: tuple[str, ...] = ()                # names of per-parameter state arrays

    def __init__(self, lr: float = 0.01, weight_decay: float = 0.0, l1: float = 0.0) -> None:
        self.lr = float(lr)
        self.weight_decay = float(weight_decay)
        self.l1 = float(l1)
        self.t = 0                             # steps taken
        self.state: dict[str, dict[str, np.ndarray]] = {s: {} for s in self.SLOTS}
        self._g: dict[str, np.ndarray] = {}    # scratch: gradient + decay, preallocated

    def _grad(self, key: str, p: np.ndarray, g: np.ndarray) -> np.ndarray:
        """The gradient to use: `g` plus, for weights, `weight_decay * W + l1 * sign(W)`.
        Never writes into `g`."""
        if not (self.weight_decay or self.l1) or not (key == "W" or key.endswith(".W")):
            return g
        buf = self._g.get(key)
        if buf is None:
            buf = self._g[key] = np.empty_like(p)
        np.multiply(p, self.weight_decay, out=buf)
        buf += g
        if self.l1:
            buf += self.l1 * np.sign(p)
        return buf

    def _slot(self, name: str, key: str, p: np.ndarray) -> np.ndarray:
        arr = self.state[name].get(key)
        if arr is None:
            arr = self.state[name][key] = np.zeros_like(p)
        return arr

    def update(self, params: dict[str, np.ndarray], grads: dict[str, np.ndarray]) -> None:
        """One step on every parameter, in place."""
        self.t += 1
        for key, p in params.items():
            self._step(key, p, self._grad(key, p, grads[key]))
        weights_changed(params.values())       # after the writes: their plans rebuild

    def _step(self, key: str, p: np.ndarray, g: np.ndarray) -> None:
        raise NotImplementedError

    def state_dict(self) -> dict[str, np.ndarray]:
        """Copies of every state array ("m.0.W", ...) plus "t" and "lr" as 0-d arrays."""
        out = {"t": np.array(self.t, dtype=np.int64), "lr": np.array(self.lr)}
        for name, arrays in self.state.items():
            out.update({f"{name}.{key}": a.copy() for key, a in arrays.items()})
        return out

    def load_state_dict(self, d: dict[str, np.ndarray]) -> None:
        """Restore what `state_dict` gave; ValueError names a key that does not belong."""
        self.t = int(d["t"])
        self.lr = float(d["lr"])
        self.state = {s: {} for s in self.SLOTS}
        for name, arr in d.items():
            if name in ("t", "lr"):
                continue
            slot, _, key = name.partition(".")
            if slot not in self.state:
                slots = ", ".join(self.SLOTS) or "none"
                raise ValueError(f"optimizer state key {name!r} is not one of "
                                 f"{type(self).__name__}'s state arrays ({slots})")
            self.state[slot][key] = np.array(arr, copy=True)


class SGD(Optimizer):
    """p -= lr * g (the book's ch. 6.1.2)."""

    def _step(self, key, p, g) -> None:
        p -= self.lr * g


class Momentum(Optimizer):
    """v = momentum * v - lr * g; p += v: a ball rolling downhill (the book's ch. 6.1.4,
    eq. 6.3-6.4; Polyak 1964)."""

    SLOTS = ("v",)

    def __init__(self, lr: float = 0.01, weight_decay: float = 0.0, momentum: float = 0.9,
                 l1: float = 0.0):
        super().__init__(lr, weight_decay, l1)
        self.momentum = float(momentum)

    def _step(self, key, p, g) -> None:
        v = self._slot("v", key, p)
        v *= self.momentum
        v -= self.lr * g
        p += v


class Nesterov(Momentum):
    """Nesterov's accelerated gradient, in the form of the book's `common/optimizer.py`.

    Sutskever et al. 2013 (eq. 3-4) take the gradient at the look-ahead point theta + mu*v:
    v' = mu*v - lr*grad(theta + mu*v); theta' = theta + v'. Storing the look-ahead point
    p = theta + mu*v instead (Bengio et al. 2013, "Advances in optimizing recurrent networks",
    eq. 7) gives an update with the gradient at p itself, which is the one a network computes:
    p' = p + mu*mu*v - (1 + mu)*lr*g, with the OLD v; then v' = mu*v - lr*g.
    """

    def _step(self, key, p, g) -> None:
        v = self._slot("v", key, p)
        p += self.momentum * self.momentum * v                   # v is still the old v
        p -= (1 + self.momentum) * self.lr * g
        v *= self.momentum
        v -= self.lr * g


class AdaGrad(Optimizer):
    """Each parameter's step shrinks with the sum of its squared gradients: h += g*g,
    p -= lr * g / (sqrt(h) + 1e-7) (Duchi et al. 2011; the book's ch. 6.1.5, eq. 6.5-6.6)."""

    SLOTS = ("h",)

    def _step(self, key, p, g) -> None:
        h = self._slot("h", key, p)
        h += g * g
        p -= self.lr * g / (np.sqrt(h) + 1e-7)


class RMSprop(Optimizer):
    """AdaGrad with forgetting: h = decay * h + (1 - decay) * g*g (Tieleman & Hinton 2012,
    lecture 6.5; the book's ch. 6.1.5)."""

    SLOTS = ("h",)

    def __init__(self, lr: float = 0.01, weight_decay: float = 0.0, decay_rate: float = 0.99,
                 l1: float = 0.0):
        super().__init__(lr, weight_decay, l1)
        self.decay_rate = float(decay_rate)

    def _step(self, key, p, g) -> None:
        h = self._slot("h", key, p)
        h *= self.decay_rate
        h += (1 - self.decay_rate) * g * g
        p -= self.lr * g / (np.sqrt(h) + 1e-7)


class Adam(Optimizer):
    """Momentum plus RMSprop with bias correction: Kingma & Ba 2015, Algorithm 1 in the
    paper's efficient form (end of its section 2, as the book's ch. 6.1.6 code):
    m = beta1 m + (1-beta1) g; v = beta2 v + (1-beta2) g^2;
    p -= lr * sqrt(1-beta2^t) / (1-beta1^t) * m / (sqrt(v) + eps). In preallocated buffers:
    no array is allocated per step (benchmarks/PROFILE.md, "Adam update")."""

    SLOTS = ("m", "v")
    PIECE = 131072      # values per cache-sized piece (512 KB of float32 per array)

    def __init__(self, lr: float = 0.001, weight_decay: float = 0.0, beta1: float = 0.9,
                 beta2: float = 0.999, eps: float = 1e-8, l1: float = 0.0):
        super().__init__(lr, weight_decay, l1)
        self.beta1, self.beta2, self.eps = float(beta1), float(beta2), float(eps)
        self._tmp: dict[str, np.ndarray] = {}

    def _step(self, key, p, g) -> None:
        """The update above in cache-sized pieces of PIECE values for arrays over 4 pieces:
        the 12 element-wise passes run on 512 KB slices of p, g, m, v and a work buffer
        (2.5 MB) that stay in the CPU cache, instead of 12 trips through memory over the
        whole array (0.72x the time on DigitNet's 800,000 weights; smaller arrays fit the
        cache whole; benchmarks/PROFILE.md, issue 16). The pieces are shared out between the
        batch workers (`for_batch`; DigitNet's Dense weights, 16 MB of passes, were one
        thread's alone); 128 KB pieces took 1.96 ms on two workers against 1.29 ms (more
        calls holding the GIL; one worker 1.70 / 1.59 ms; issue 16 eighth pass). Replaces
        the same passes on whole arrays; element-wise, so the same numbers with any split."""
        m, v = self._slot("m", key, p), self._slot("v", key, p)
        tmp = self._tmp.get(key)
        if tmp is None:
            tmp = self._tmp[key] = np.empty_like(p)
        lr_t = float(self.lr * np.sqrt(1 - self.beta2 ** self.t) / (1 - self.beta1 ** self.t))
        pieces = [(p, g, m, v, tmp)]            # fits the cache anyway, or not C-ordered
        if p.size > 4 * self.PIECE and all(a.flags.c_contiguous for a in (p, m, v, tmp)):
            flat = [a.reshape(-1) for a in (p, g, m, v, tmp)]    # views, not copies
            pieces = [[x[a:a + self.PIECE] for x in flat] for a in range(0, p.size, self.PIECE)]
        b1, b2, eps = 1 - self.beta1, 1 - self.beta2, self.eps

        def update(i: int, j: int) -> None:     # pieces i..j-1
            for p_, g_, m_, v_, t_ in pieces[i:j]:
                np.subtract(g_, m_, out=t_)
                t_ *= b1
                m_ += t_                                         # m -> beta1 m + (1-beta1) g
                np.multiply(g_, g_, out=t_)
                t_ -= v_
                t_ *= b2
                v_ += t_                                         # v -> beta2 v + (1-beta2) g^2
                np.sqrt(v_, out=t_)
                t_ += eps
                np.divide(m_, t_, out=t_)
                t_ *= lr_t
                p_ -= t_

        for_batch(update, len(pieces), nbytes=5 * p.nbytes)

OPTIMIZERS: dict[str, type[Optimizer]] = {cls.__name__: cls for cls in (
    SGD, Momentum, Nesterov, AdaGrad, RMSprop, Adam)}


def make_optimizer(name: str, **kwargs: float) -> Optimizer:
    """An optimizer by name, case-insensitive ("adam", "Adam"; the old spelling "RMSProp" is
    RMSprop), with its hyperparameters as keywords; ValueError lists the names."""
    for key, cls in OPTIMIZERS.items():
        if key.lower() == name.lower():
            return cls(**kwargs)
    raise ValueError(f"unknown optimizer {name!r}; choose one of {', '.join(OPTIMIZERS)}")
