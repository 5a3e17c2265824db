"""Saliency maps: the gradient is the numerical one, occluding blank paper changes nothing."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk.insight.saliency import gradient_x_input, log_prob_gradients, occlusion
from nndesk.nn import Network

SMALL = {"name": "small", "input_shape": [1, 8, 8], "layers": [
    {"type": "Conv2D", "filters": 3, "kernel_size": 3}, {"type": "BatchNorm"}, {"type": "Tanh"},
    {"type": "AvgPool2D", "pool_size": 2}, {"type": "Dense", "units": 5}]}


def _log_p(net, x, c):
    y = net.forward(x[None], train=False)[0].astype(np.float64)
    return y[c] - np.log(np.exp(y - y.max()).sum()) - y.max()


def test_gradient_agrees_with_central_differences():
    net = Network.from_spec(SMALL, seed=3, dtype=np.float64)
    bn = net.layers[1]
    bn.buffers["running_mean"][:] = [0.1, -0.2, 0.3]  # eval-mode statistics that matter
    bn.buffers["running_var"][:] = [0.5, 2.0, 1.5]
    x = np.random.default_rng(0).random((1, 8, 8))
    grads = log_prob_gradients(net, x)
    assert grads.shape == (5, 1, 8, 8)
    h = 1e-6
    for c in (0, 4):
        numeric = np.empty(x.size)
        for i in range(x.size):
            up, down = x.copy().reshape(-1), x.copy().reshape(-1)
            up[i] += h
            down[i] -= h
            numeric[i] = (_log_p(net, up.reshape(x.shape), c)
                          - _log_p(net, down.reshape(x.shape), c)) / (2 * h)
        err = np.linalg.norm(grads[c].reshape(-1) - numeric) / (
            np.linalg.norm(grads[c]) + np.linalg.norm(numeric))
        assert err < 1e-6, (c, err)
    np.testing.assert_allclose(gradient_x_input(net, x), grads * x)


def test_occluding_blank_paper_changes_nothing_and_ink_matters():
    net = Network.from_spec({"name": "c", "input_shape": [1, 28, 28], "layers": [
        {"type": "Conv2D", "filters": 4, "kernel_size": 5}, {"type": "ReLU"},
        {"type": "MaxPool2D", "pool_size": 2}, {"type": "Dense", "units": 10}]}, seed=1)
    x = np.zeros((1, 28, 28), dtype=np.float32)
    x[0, 2:10, 3:9] = 1.0  # ink only in the top-left corner
    maps = occlusion(net, x, patch=4, stride=2)
    assert maps.shape == (10, 28, 28)
    # every patch covering a pixel at row/column >= 12 lies in blank paper
    np.testing.assert_allclose(maps[:, 12:, :], 0.0, atol=1e-6)
    np.testing.assert_allclose(maps[:, :, 12:], 0.0, atol=1e-6)
    assert np.abs(maps[:, 2:10, 3:9]).max() > 1e-4  # blanking the ink does change p
    assert np.allclose(maps.sum(axis=0), 0.0, atol=1e-5)  # the ten probabilities sum to 1
    assert (gradient_x_input(net, x)[:, 0, 12:, 12:] == 0).all()  # x = 0 there


def test_occlusion_in_pieces_calls_between_before_each_and_gives_the_same_maps():
    """The Why view predicts the occluded copies in pieces and waits between them: `between`
    is called before each batch, and the maps are the ones one batch gives."""
    net = Network.from_spec({"name": "c", "input_shape": [1, 28, 28], "layers": [
        {"type": "Conv2D", "filters": 4, "kernel_size": 5}, {"type": "ReLU"},
        {"type": "MaxPool2D", "pool_size": 2}, {"type": "Dense", "units": 10}]}, seed=2)
    x = np.random.default_rng(0).random((1, 28, 28)).astype(np.float32)
    calls: list[int] = []
    pieces = occlusion(net, x, patch=6, stride=3, batch_size=28,
                       between=lambda: calls.append(1))
    assert len(calls) == 3  # 81 occluded copies and the whole image: 82 in batches of 28
    np.testing.assert_array_equal(pieces, occlusion(net, x, patch=6, stride=3, batch_size=28))
    np.testing.assert_allclose(pieces, occlusion(net, x, patch=6, stride=3), atol=1e-6)


def test_occluding_a_class_evidence_lowers_it():
    """Softmax regression whose class 2 weights are positive on one patch: blanking that
    patch takes probability from 2 (a positive map), elsewhere the map of 2 is 0."""
    net = Network.from_spec({"name": "sr", "input_shape": [1, 28, 28],
                             "layers": [{"type": "Dense", "units": 10}]}, seed=0)
    w = net.params()["0.W"]
    w[:] = 0
    mask = np.zeros((28, 28), dtype=bool)
    mask[8:12, 8:12] = True
    w[mask.reshape(-1), 2] = 1.0
    x = np.full((1, 28, 28), 0.5, dtype=np.float32)
    maps = occlusion(net, x)
    assert maps[2, 8:12, 8:12].min() > 0
    near = np.zeros((28, 28), dtype=bool)
    near[5:15, 5:15] = True  # pixels with a covering patch that overlaps the weights
    assert np.abs(maps[2][~near]).max() < 1e-6
    g = log_prob_gradients(net, x)
    assert g[2, 0][mask].min() > 0 and abs(g[2, 0][~mask]).max() < 1e-6


def test_refuses_what_it_cannot_explain():
    net = Network.from_spec({"name": "m", "input_shape": [1, 28, 28], "loss": "mse",
                             "layers": [{"type": "Dense", "units": 10}]})
    with pytest.raises(ValueError, match="softmax_cross_entropy"):
        log_prob_gradients(net, np.zeros((1, 28, 28)))
    with pytest.raises(ValueError, match="does not fit"):
        occlusion(net, np.zeros((1, 28, 28)), patch=30)
