"""Ch. 7: a convolution as im2col and one matrix product (figs. 7-3, 7-4, 7-18, 7-19), the
output-size formula (eq. 7.1), and a hand-made edge filter on a digit."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nndesk.nn.im2col import im2col, out_size, zero_pad
from nndesk.nn.layers import LAYERS

__all__ = ["BOOK_INPUT", "BOOK_FILTER", "output_size", "Im2colDemo", "im2col_demo",
           "EDGE_FILTERS", "apply_filter", "first_conv_filters", "sample_digit"]

BOOK_INPUT = np.array([[1, 2, 3, 0], [0, 1, 2, 3], [3, 0, 1, 2], [2, 3, 0, 1]], dtype=float)
BOOK_FILTER = np.array([[2, 0, 1], [0, 1, 2], [1, 0, 2]], dtype=float)   # fig. 7-3: gives
# [[15, 16], [6, 15]]


def output_size(n: int, f: int, p: int = 0, s: int = 1) -> tuple[int, bool]:
    """Eq. 7.1: (n + 2p - f) / s + 1 -> (size, exact). `exact` is False when the stride does not
    divide evenly (the last window would hang over the edge: the engine drops it). ValueError
    when the filter does not fit at all."""
    if n + 2 * p < f:
        raise ValueError(f"a {f}-wide filter does not fit an input of {n} padded by {p}")
    return out_size(n, f, s, p), (n + 2 * p - f) % s == 0


@dataclass
class Im2colDemo:
    """Every array of one convolution done the im2col way."""

    padded: np.ndarray     # (H + 2p, W + 2p)
    col: np.ndarray        # (FH*FW, OH*OW): one column per output pixel (nndesk's layout)
    product: np.ndarray    # (OH*OW,): W (1, FH*FW) @ col, before the bias
    output: np.ndarray     # (OH, OW): the product reshaped, plus the bias
    windows: list[tuple[int, int]]  # top-left (row, col) in `padded` of each column's window


def im2col_demo(x: np.ndarray = BOOK_INPUT, w: np.ndarray = BOOK_FILTER, stride: int = 1,
                padding: int = 0, bias: float = 0.0) -> Im2colDemo:
    """One channel, one filter: unfold x (H, W) with the engine's im2col, multiply once.
    Raises ValueError when the filter does not fit."""
    x = np.asarray(x, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64)
    fh, fw = w.shape
    oh, _ = output_size(x.shape[0], fh, padding, stride)
    ow, _ = output_size(x.shape[1], fw, padding, stride)
    col = im2col(x[None, None], fh, fw, stride, padding)[0]       # (FH*FW, OH*OW)
    product = w.reshape(1, -1) @ col
    windows = [(i * stride, j * stride) for i in range(oh) for j in range(ow)]
    return Im2colDemo(zero_pad(x[None, None], padding)[0, 0], col, product[0],
                      product[0].reshape(oh, ow) + bias, windows)


EDGE_FILTERS: dict[str, np.ndarray] = {   # hand-made 3x3 filters (Sobel's)
    "vertical edges": np.array([[1, 0, -1], [2, 0, -2], [1, 0, -1]], dtype=float),
    "horizontal edges": np.array([[1, 2, 1], [0, 0, 0], [-1, -2, -1]], dtype=float),
}


def apply_filter(image: np.ndarray, w: np.ndarray, padding: int = 1) -> np.ndarray:
    """Convolve an image (H, W) with one filter (FH, FW) through the engine's Conv2D layer
    (stride 1, `padding` zeros, no bias) -> (OH, OW)."""
    image = np.asarray(image, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64)
    conv = LAYERS["Conv2D"](filters=1, kernel_size=w.shape[0], pad=padding)
    conv.build((1,) + image.shape, np.random.default_rng(0), np.float64, None)
    conv.params["W"][...] = w[None, None]
    return conv.forward(image[None, None])[0, 0]


def first_conv_filters(state_dict: dict[str, np.ndarray], spec: dict) -> np.ndarray | None:
    """The first Conv2D layer's filters, channel 0: (F, FH, FW); None without a Conv2D."""
    for i, layer in enumerate(spec.get("layers", [])):
        if layer.get("type") == "Conv2D":
            return np.asarray(state_dict[f"{i}.W"])[:, 0]
    return None


def sample_digit() -> np.ndarray:
    """A "7" drawn as a user would on the canvas, preprocessed like the canvas's: (28, 28)."""
    from nndesk.data.preprocess import preprocess
    from nndesk.data.strokes import render_strokes

    stroke = [(80, 60), (130, 60), (180, 60), (205, 62), (190, 100), (170, 140), (150, 180),
              (135, 225)]
    return preprocess(render_strokes([stroke]))[0]
