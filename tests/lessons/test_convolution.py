"""Ch. 7: the book's convolution examples, eq. 7.1, im2col's columns, an edge filter."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk.lessons.convolution import (
    EDGE_FILTERS,
    apply_filter,
    first_conv_filters,
    im2col_demo,
    output_size,
)


def _loop_conv(x, w, stride=1, padding=0):
    """The definition, one window at a time."""
    x = np.pad(x, padding)
    fh, fw = w.shape
    oh, ow = (x.shape[0] - fh) // stride + 1, (x.shape[1] - fw) // stride + 1
    return np.array([[(x[i * stride:i * stride + fh, j * stride:j * stride + fw] * w).sum()
                      for j in range(ow)] for i in range(oh)])


def test_the_books_convolutions():
    assert im2col_demo().output.tolist() == [[15, 16], [6, 15]]                   # fig. 7-3
    assert im2col_demo(padding=1).output.tolist() == [                            # fig. 7-6
        [7, 12, 10, 2], [4, 15, 16, 10], [10, 6, 15, 6], [8, 10, 4, 3]]
    assert im2col_demo(bias=3).output.tolist() == [[18, 19], [9, 18]]             # fig. 7-5


@pytest.mark.parametrize("n, f, p, s, size", [(4, 3, 1, 1, 4), (7, 3, 0, 2, 3),
                                              (28, 5, 2, 3, 10), (31, 5, 2, 3, 11)])
def test_output_size_examples_of_7_2_4(n, f, p, s, size):
    assert output_size(n, f, p, s) == (size, True)


def test_output_size_flags_a_stride_that_does_not_divide_and_a_filter_that_does_not_fit():
    assert output_size(6, 3, 0, 2) == (2, False)                                  # 3/2 + 1
    with pytest.raises(ValueError, match="does not fit"):
        output_size(2, 5, 1, 1)


def test_each_column_is_one_window_and_one_product_gives_the_convolution():
    rng = np.random.default_rng(0)
    x, w = rng.integers(0, 9, (7, 7)).astype(float), rng.integers(-2, 3, (3, 3)).astype(float)
    demo = im2col_demo(x, w, stride=2, padding=1)
    assert demo.col.shape == (9, 16) and demo.output.shape == (4, 4)              # fig. 7-7
    for k, (r, c) in enumerate(demo.windows):
        assert demo.col[:, k].tolist() == demo.padded[r:r + 3, c:c + 3].ravel().tolist()
    assert np.array_equal(demo.output, _loop_conv(x, w, 2, 1))


def test_edge_filter_finds_the_edges_of_a_bar():
    image = np.zeros((8, 8))
    image[:, 3:5] = 1.0                                                           # a vertical bar
    out = apply_filter(image, EDGE_FILTERS["vertical edges"])
    assert np.array_equal(out, _loop_conv(image, EDGE_FILTERS["vertical edges"], 1, 1))
    assert out[4, 2] < 0 < out[4, 5] and out[4, 0] == 0
    assert np.abs(apply_filter(image, EDGE_FILTERS["horizontal edges"])[2:6]).max() == 0


def test_first_conv_filters_of_a_spec():
    spec = {"layers": [{"type": "Dense"}, {"type": "Conv2D"}]}
    w = np.arange(2 * 3 * 5 * 5, dtype=float).reshape(2, 3, 5, 5)
    assert np.array_equal(first_conv_filters({"1.W": w}, spec), w[:, 0])
    assert first_conv_filters({}, {"layers": [{"type": "Dense"}]}) is None
