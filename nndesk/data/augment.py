"""Batch-vectorized augmentation: random affine (shift, rotate, scale, shear), elastic
distortion (Simard, Steinkraus & Platt 2003) and pen thickness.

One gather per batch: the inverse map of every output pixel of every image is built at once
(affine, plus the elastic displacement field when it is on) and sampled bilinearly; no Python
loop over images. Randomness comes in as a Generator.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image

from nndesk.fileio import atomic_write

__all__ = ["Augmenter", "warp", "elastic_field", "thicken", "save_grid",
           "ELASTIC_ALPHA", "ELASTIC_SIGMA"]

# Simard, Steinkraus & Platt (2003), section 2: alpha = 34 px, sigma = 4 px on MNIST's 28x28.
ELASTIC_ALPHA = 34.0
ELASTIC_SIGMA = 4.0
_CHANNELS = 128  # maps per GaussianBlur call: OpenCV 5's Python binding takes at most 128


@dataclass
class Augmenter:
    """Random distortions drawn per image, uniformly within +-each setting."""

    shift: float = 2.0       # pixels, each axis
    rotate: float = 12.0     # degrees
    scale: float = 0.12      # relative size change: 0.12 -> 0.88x .. 1.12x
    shear: float = 0.15      # horizontal shear factor (slant)
    thickness: float = 0.6   # blend toward a 1-px grey dilation (+) or erosion (-)
    elastic_alpha: float = 0.0   # elastic distortion: field strength in pixels (0 = off)
    elastic_sigma: float = ELASTIC_SIGMA  # its smoothness: Gaussian std in pixels

    def __call__(self, x: np.ndarray, rng: np.random.Generator) -> np.ndarray:
        """Augmented copy of a batch: (N, 784), (N, H, W) or (N, 1, H, W), same shape back."""
        shape = x.shape
        side = int(round(np.sqrt(np.prod(shape[1:]))))
        imgs = np.asarray(x, np.float32).reshape(len(x), side, side)
        out = self.affine(imgs, rng)
        if self.thickness:
            out = thicken(out, rng.uniform(-self.thickness, self.thickness, len(x)))
        return out.reshape(shape)

    def affine(self, imgs: np.ndarray, rng: np.random.Generator) -> np.ndarray:
        """(N, H, W) -> (N, H, W): each image warped about its centre, zeros outside; with
        `elastic_alpha` > 0 each output pixel first moves by a random smooth field."""
        n, h, w = imgs.shape
        angle = np.deg2rad(rng.uniform(-self.rotate, self.rotate, n))
        zoom = 1 + rng.uniform(-self.scale, self.scale, n)
        shear = rng.uniform(-self.shear, self.shear, n)
        shift = rng.uniform(-self.shift, self.shift, (n, 2))         # (dy, dx)
        cos, sin = np.cos(angle) / zoom, np.sin(angle) / zoom
        # inverse map, (y, x) order: output about the centre -> input; un-rotate, then slant
        inverse = np.stack([np.stack([cos, -sin], 1),
                            np.stack([sin + shear * cos, cos - shear * sin], 1)], 1)
        field = None
        if self.elastic_alpha > 0:
            noise = rng.uniform(-1, 1, (n, 2, h, w)).astype(np.float32)
            field = elastic_field(noise, self.elastic_alpha, self.elastic_sigma)
        return warp(imgs, inverse, shift, field)


def elastic_field(noise: np.ndarray, alpha: float, sigma: float) -> np.ndarray:
    """Simard et al. (2003), section 2: a displacement field (N, 2, H, W), (dy, dx) in pixels,
    from uniform noise in [-1, 1] of that shape, each map smoothed by a Gaussian of std
    `sigma` pixels (OpenCV's GaussianBlur, reflected border) and scaled by `alpha`.

    Raises ValueError for a `sigma` that is not positive.
    """
    import cv2  # lazily: a training run without elastic distortion never loads OpenCV

    if not sigma > 0:
        raise ValueError(f"the elastic distortion's sigma must be above 0, not {sigma}")
    n, two, h, w = noise.shape
    maps = np.ascontiguousarray(noise.reshape(n * two, h, w).transpose(1, 2, 0), np.float32)
    out = np.empty_like(maps)
    for start in range(0, n * two, _CHANNELS):  # OpenCV blurs a limited number of channels
        out[:, :, start:start + _CHANNELS] = cv2.GaussianBlur(
            np.ascontiguousarray(maps[:, :, start:start + _CHANNELS]), (0, 0), sigma,
            borderType=cv2.BORDER_REFLECT_101).reshape(h, w, -1)
    out *= np.float32(alpha)
    return out.transpose(2, 0, 1).reshape(n, two, h, w)


def warp(imgs: np.ndarray, inverse: np.ndarray, shift: np.ndarray,
         field: np.ndarray | None = None) -> np.ndarray:
    """(N, H, W) -> (N, H, W): output pixel p (about the centre, (y, x)) takes input
    pixel `inverse[i] @ (p + field[i, :, p] - shift[i])`, bilinear, zero outside; the whole
    batch at once. `field` (N, 2, H, W), (dy, dx) in pixels, is an elastic displacement
    (`elastic_field`); None for none."""
    n, h, w = imgs.shape
    cy, cx = (h - 1) / 2, (w - 1) / 2
    gy, gx = np.mgrid[0:h, 0:w].astype(np.float32)
    grid = np.stack([gy.ravel() - cy, gx.ravel() - cx])               # (2, H*W)
    moved = grid[None] - np.asarray(shift, np.float32)[:, :, None]    # (N, 2, H*W)
    if field is not None:
        moved = moved + np.asarray(field, np.float32).reshape(n, 2, h * w)
    src = np.asarray(inverse, np.float32) @ moved                     # (N, 2, H*W)
    return _bilinear(imgs, src[:, 0] + cy, src[:, 1] + cx).reshape(n, h, w)


def _bilinear(imgs: np.ndarray, sy: np.ndarray, sx: np.ndarray) -> np.ndarray:
    """Sample (N, H, W) at float coordinates (N, P); zero outside the image."""
    n, h, w = imgs.shape
    pad = np.zeros((n, h + 2, w + 2), np.float32)                    # a zero frame
    pad[:, 1:-1, 1:-1] = imgs
    sy = np.clip(sy + 1, 0, h)                                       # frame coordinates
    sx = np.clip(sx + 1, 0, w)
    y0, x0 = sy.astype(np.int32), sx.astype(np.int32)               # floor (both >= 0)
    fy, fx = sy - y0.astype(np.float32), sx - x0.astype(np.float32)  # (N, P) weights
    index = y0 * (w + 2) + x0 + (np.arange(n, dtype=np.int32) * (h + 2) * (w + 2))[:, None]
    flat = pad.ravel()
    top_left, top_right = flat.take(index), flat.take(index + 1)
    index += w + 2
    bottom_left, bottom_right = flat.take(index), flat.take(index + 1)
    top_right -= top_left                                            # in place: fewer passes
    top_right *= fx
    top_left += top_right                                            # top row, interpolated
    bottom_right -= bottom_left
    bottom_right *= fx
    bottom_left += bottom_right
    bottom_left -= top_left
    bottom_left *= fy
    top_left += bottom_left
    return top_left


def thicken(imgs: np.ndarray, amount: np.ndarray) -> np.ndarray:
    """Per image, blend toward a 3x3-cross grey dilation (amount > 0) or erosion (< 0)."""
    p = np.pad(imgs, ((0, 0), (1, 1), (1, 1)))
    near = (p[:, :-2, 1:-1], p[:, 2:, 1:-1], p[:, 1:-1, :-2], p[:, 1:-1, 2:])
    dil = np.maximum(np.maximum(near[0], near[1]), np.maximum(near[2], near[3]))
    dil = np.maximum(dil, imgs)
    ero = np.minimum(np.minimum(near[0], near[1]), np.minimum(near[2], near[3]))
    ero = np.minimum(ero, imgs)
    a = amount.astype(np.float32)[:, None, None]
    return np.where(a > 0, imgs + a * (dil - imgs), imgs - a * (ero - imgs))


def save_grid(images: np.ndarray, path: str | os.PathLike, cols: int | None = None,
              zoom: int = 2) -> Path:
    """Write square grey images ([0, 1], any of (N, 784) (N, H, W) (N, 1, H, W)) as one PNG."""
    images = np.asarray(images, np.float32)
    n = len(images)
    side = int(round(np.sqrt(np.prod(images.shape[1:]))))
    imgs = np.clip(images.reshape(n, side, side), 0, 1)
    cols = cols or int(np.ceil(np.sqrt(n)))
    rows = -(-n // cols)
    cell = side + 2                                                   # 2 px grey gutter
    sheet = np.full((rows * cell + 2, cols * cell + 2), 0.25, np.float32)
    for i, img in enumerate(imgs):                                    # a few hundred at most
        r, c = divmod(i, cols)
        sheet[2 + r * cell:2 + r * cell + side, 2 + c * cell:2 + c * cell + side] = img
    pic = Image.fromarray((sheet * 255).round().astype(np.uint8))
    if zoom > 1:
        pic = pic.resize((pic.width * zoom, pic.height * zoom), Image.Resampling.NEAREST)
    path = Path(path)
    atomic_write(path, lambda f: pic.save(f, format="PNG"))
    return path
