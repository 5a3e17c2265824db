"""Ch. 6, figs. 6-10 to 6-14: where each initialization puts a 5-layer network's activations."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk.lessons.weight_init import activation_histograms, init_spec
from nndesk.nn import infer


def _outer(h, k=3):
    """Share of each layer's values in the k bins at either end (0 and 1 for sigmoid)."""
    return (h.counts[:, :k].sum(1) + h.counts[:, -k:].sum(1)) / h.counts.sum(1)


def test_the_network_is_the_books_five_layers_of_100():
    infos = infer(init_spec("sigmoid", 1.0))
    assert [i.output_shape for i in infos] == [(100,)] * 10
    assert sum(i.params for i in infos) == 5 * (100 * 100 + 100)


def test_sigmoid_with_std_1_piles_activations_at_0_and_1():       # fig. 6-10
    h = activation_histograms("sigmoid", 1.0)
    assert h.counts.shape == (5, 30) and np.all(h.counts.sum(1) == 100_000)
    assert np.all(_outer(h) > 0.6)


def test_sigmoid_with_std_001_clusters_at_half():                  # fig. 6-11
    h = activation_histograms("sigmoid", 0.01)
    centre = (h.edges[:-1] >= 0.4) & (h.edges[1:] <= 0.6)
    assert np.all(h.counts[:, ~centre].sum(1) < 10)                # < 0.01% outside 0.4..0.6
    assert np.all(h.counts[1:, ~centre] == 0)
    assert np.allclose(h.means, 0.5, atol=0.01) and np.all(h.stds < 0.03)


def test_xavier_spreads_sigmoid_activations():                     # fig. 6-13
    h = activation_histograms("sigmoid", "xavier")
    assert np.all(_outer(h)[1:] < 0.01)                            # not saturated ...
    assert np.all(h.stds > 0.08)                                   # ... and not all equal


def test_relu_he_keeps_layers_alike_where_small_inits_fade():      # fig. 6-14
    tiny = activation_histograms("ReLU", 0.01)
    assert tiny.means[-1] < 1e-4
    xavier = activation_histograms("ReLU", "xavier")
    assert np.all(np.diff(xavier.means) < 0) and xavier.means[-1] < 0.5 * xavier.means[0]
    he = activation_histograms("ReLU", "he")
    assert 0.7 < he.means[-1] / he.means[0] < 1.5


def test_unknown_activation_is_a_key_error():
    with pytest.raises(KeyError):
        init_spec("softplus")
