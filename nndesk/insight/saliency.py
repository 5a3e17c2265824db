"""Why this answer: which pixels of one input speak for each class. Never imports Qt.

Two maps per class c, both (K, H, W) for a 28x28 image:
- gradient x input (Shrikumar et al. 2016, "Not just a black box"; Simonyan et al. 2013 for
  the gradient): x * d log p_c / d x, from one backward pass (`net.backward(input_grad=True)`
  after `net.loss`, the book's ch. 5 backprop carried down to the pixels);
- occlusion sensitivity (Zeiler & Fergus 2014, "Visualizing and understanding convolutional
  networks", sec. 4.2): how much p_c drops when a square patch of the image is blanked,
  averaged over the patches that cover each pixel.
Positive values speak for class c, negative ones against it.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

__all__ = ["log_prob_gradients", "gradient_x_input", "occlusion"]


def _batch(net, x: np.ndarray) -> np.ndarray:
    shape = tuple(net.info[0].input_shape)
    if int(np.prod(shape)) != x.size:
        raise ValueError(f"the network takes inputs of shape {shape}, got {x.shape}")
    return np.asarray(x, dtype=net.dtype).reshape((1, *shape))


def log_prob_gradients(net, x: np.ndarray) -> np.ndarray:
    """d log p_c / d x for every class c: (K, *x.shape), in eval mode (BatchNorm running
    statistics, no dropout), one forward and one backward pass over a batch of K copies.

    `net` must end in softmax cross-entropy (`ValueError` otherwise, or for a wrong input size).
    Calls `net.loss` and `net.backward`: do not share `net` with another thread meanwhile.
    """
    if net.spec.get("loss", "softmax_cross_entropy") != "softmax_cross_entropy":
        raise ValueError("saliency needs a network whose loss is softmax_cross_entropy")
    xb = _batch(net, x)
    k = int(net.info[-1].output_shape[0])
    copies = np.repeat(xb, k, axis=0)
    net.loss(copies, np.arange(k), train=False)  # copy c is labelled c: loss_c = -log p_c
    dx = net.backward(input_grad=True)           # (K, ...) = d(mean_c loss_c)/d copy_c
    return (-k * dx).reshape((k, *np.shape(x)))  # undo the batch mean; -: log p, not loss


def gradient_x_input(net, x: np.ndarray) -> np.ndarray:
    """x * d log p_c / d x for every class: (K, *x.shape). Blank pixels (x = 0) get 0."""
    return log_prob_gradients(net, x) * np.asarray(x, dtype=np.float64)


def occlusion(net, x: np.ndarray, patch: int = 4, stride: int = 2, fill: float = 0.0,
              batch_size: int = 100, between: Callable[[], object] | None = None,
              ) -> np.ndarray:
    """Occlusion sensitivity (K, H, W) of a (1, H, W) or (H, W) image: for each pixel, the
    mean over the patches covering it of p_c(x) - p_c(x with the patch set to `fill`).

    Patches are `patch` x `patch` pixels every `stride` pixels (the last row and column of
    patches touch the border); 28x28 with 4 and 2 is 13x13 = 169 occluded images, predicted
    in batches of `batch_size`; `between()`, when given, is called before each batch (a
    background caller waits there for more urgent work). Blanking a blank area changes
    nothing: 0 there.
    """
    img = np.asarray(x, dtype=np.float32).reshape(np.shape(x)[-2:])
    h, w = img.shape
    if patch > min(h, w) or patch < 1 or stride < 1:
        raise ValueError(f"a {patch}x{patch} patch every {stride} pixels does not fit {h}x{w}")
    rows = sorted({*range(0, h - patch + 1, stride), h - patch})
    cols = sorted({*range(0, w - patch + 1, stride), w - patch})
    where = [(r, c) for r in rows for c in cols]
    batch = np.repeat(img[None], len(where) + 1, axis=0)  # image 0 stays whole: the baseline
    for i, (r, c) in enumerate(where, start=1):
        batch[i, r:r + patch, c:c + patch] = fill
    shape = tuple(net.info[0].input_shape)
    batch = batch.reshape((len(batch), *shape))
    parts = []
    for start in range(0, len(batch), batch_size):
        if between is not None:
            between()
        parts.append(net.predict(batch[start:start + batch_size], batch_size=batch_size))
    p = np.concatenate(parts)
    drop = (p[0] - p[1:]).astype(np.float64)  # (P, K)
    total = np.zeros((p.shape[1], h, w))
    count = np.zeros((h, w))
    for i, (r, c) in enumerate(where):
        total[:, r:r + patch, c:c + patch] += drop[i][:, None, None]
        count[r:r + patch, c:c + patch] += 1
    return total / count
