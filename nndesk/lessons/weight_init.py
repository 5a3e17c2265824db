"""Ch. 6, weight initialization: the activations of a 5-layer network on random input, as
histograms per layer (figs. 6-10, 6-11, 6-13, 6-14), computed by nndesk's own Network."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nndesk.nn.network import Network

__all__ = ["ACTIVATION_LAYERS", "InitHistograms", "init_spec", "activation_histograms"]

ACTIVATION_LAYERS = {"sigmoid": "Sigmoid", "tanh": "Tanh", "ReLU": "ReLU"}


def init_spec(activation: str = "sigmoid", init: str | float = 1.0, layers: int = 5,
              units: int = 100) -> dict:
    """The book's weight_init_activation_histogram.py as a spec: `layers` x (Dense(units),
    activation) on a (units,) input; `init` a std, "xavier" or "he" (KeyError: unknown
    activation)."""
    act = ACTIVATION_LAYERS[activation]
    body: list[dict] = []
    for _ in range(layers):
        body += [{"type": "Dense", "units": units, "init": init}, {"type": act}]
    return {"name": "ActivationHistogram", "input_shape": [units], "layers": body}


@dataclass
class InitHistograms:
    """Counts per layer over shared bins, and each layer's activation statistics."""

    edges: np.ndarray          # (bins + 1,)
    counts: np.ndarray         # (layers, bins): how many of the samples*units values per bin
    means: np.ndarray          # (layers,)
    stds: np.ndarray           # (layers,)


def activation_histograms(activation: str = "sigmoid", init: str | float = 1.0,
                          layers: int = 5, units: int = 100, samples: int = 1000,
                          bins: int = 30, seed: int = 0) -> InitHistograms:
    """Feed `samples` standard-normal inputs through the network of `init_spec` and histogram
    each activation layer's output over [0, 1] (the book's range; [-1, 1] for tanh).

    std 1 with sigmoid piles the values at 0 and 1 (fig. 6-10: vanishing gradients); std 0.01
    piles them at 0.5 (fig. 6-11: every neuron says the same); Xavier spreads them (fig. 6-13);
    with ReLU, He keeps every layer alike (fig. 6-14).
    """
    net = Network.from_spec(init_spec(activation, init, layers, units), seed=seed,
                            dtype=np.float64)
    x = np.random.default_rng(seed).standard_normal((samples, units))
    outputs = net.forward_all(x)[1::2]                        # after each activation
    lo = -1.0 if activation == "tanh" else 0.0
    edges = np.linspace(lo, 1.0, bins + 1)
    counts = np.array([np.histogram(a, bins=edges)[0] for a in outputs])
    return InitHistograms(edges, counts, np.array([a.mean() for a in outputs]),
                          np.array([a.std() for a in outputs]))
