"""Winograd's F(2, 3) along rows (winograd_rows.py) against Conv2D's im2col path."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk.nn import Conv2D, parallel
from nndesk.nn import winograd_rows as wr


@pytest.mark.parametrize(("c", "f", "pad", "h", "w", "n"), [
    (16, 16, 1, 9, 10, 5), (3, 5, 0, 7, 6, 4), (4, 6, 2, 5, 5, 3), (2, 3, 1, 4, 7, 9)])
@pytest.mark.parametrize("workers", [1, 2])
def test_forward_and_gradients_equal_the_im2col_path(monkeypatch, c, f, pad, h, w, n, workers):
    monkeypatch.setattr(wr, "chunk_images", lambda values, itemsize: 2)   # several chunks
    rng = np.random.default_rng(4)
    layer = Conv2D(filters=f, kernel_size=3, pad=pad)
    layer.build((c, h, w), rng, np.float64, None)
    layer.params["b"] = rng.standard_normal(f)
    monkeypatch.setattr(Conv2D, "wide_pays", lambda self: False)
    x = rng.standard_normal((n, c, h, w))
    out = layer.forward(x, train=True)
    dout = rng.standard_normal(out.shape)
    dx = layer.backward(dout)
    kept = np.empty(wr.planes_shape(x.shape, pad, x.itemsize))
    parallel.set_workers(workers)
    try:
        got = wr.forward(x, layer.params["W"], layer.params["b"], pad, kept)
        dW, db, gdx = wr.backward(dout, x.shape, layer.params["W"], pad, kept)
    finally:
        parallel.set_workers(1)
    for a, ref in ((got, out), (dW, layer.grads["W"]), (db, layer.grads["b"]), (gdx, dx)):
        np.testing.assert_allclose(a, ref, rtol=1e-11, atol=1e-11)


def test_the_transforms_are_lavin_and_grays_f23():
    """y = A^T [(G g) * (B^T d)] is the correlation of 4 pixels with a 3-tap kernel."""
    rng = np.random.default_rng(5)
    W = rng.standard_normal((1, 1, 3, 3))
    U = wr.kernel_transform(W).reshape(4, 3)[:, 0]               # kernel row 0, (4,)
    d = rng.standard_normal(4)
    V = np.array([d[0] - d[2], d[1] + d[2], d[2] - d[1], d[1] - d[3]])
    m = U * V
    y = [m[0] + m[1] + m[2], m[1] - m[2] - m[3]]
    g = W[0, 0, 0]
    np.testing.assert_allclose(y, [d[0:3] @ g, d[1:4] @ g], rtol=1e-12)
