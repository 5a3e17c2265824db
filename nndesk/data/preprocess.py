"""THE one path from any image (canvas, file, array) to a 1x28x28 MNIST-like input.

As MNIST was made: white ink on black, crop to the ink, longer side to 20 px keeping the
aspect ratio, centre of mass to the middle of 28x28 (sub-pixel), values in [0, 1].
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps

__all__ = ["ImageError", "open_image", "to_gray", "preprocess", "MAX_PIXELS", "WORK_SIDE"]

MAX_PIXELS = 64_000_000  # refuse larger images before decoding them (an 8000x8000 photo fits)
WORK_SIDE = 1024         # bigger images are reduced to this side first: 20 px need no more
BOX = 20                 # the digit's longer side, as in MNIST
SIZE = 28
CENTRE = 14.0            # MNIST's mean centre of mass, row and column index (measured: 14.0)
MIN_EXTENT = 0.1         # ink spanning less than this share of the image is no digit
INK_THRESHOLD = 0.1      # of the ink's peak: fainter pixels do not widen the crop
# Area average. Measured on 7,494 pen digits through a SimpleConvNet: BOX 92.3%, LANCZOS
# 92.5%; on MNIST digits photographed large and thick (correlation with the original):
# 0.912 vs 0.914. LANCZOS rings (overshoot at stroke edges, MNIST digits no longer pass
# through unchanged) and is slower; the 0.2% is within run-to-run noise, so BOX.
FILTER = Image.Resampling.BOX


class ImageError(ValueError):
    """An image that cannot be read or is unreasonably large; the message says which."""


def open_image(path: str | os.PathLike) -> Image.Image:
    """Open an image file safely: size checked before decoding, huge ones reduced on load."""
    path = Path(path)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            img = Image.open(path)
            w, h = img.size
            if w * h > MAX_PIXELS:
                img.close()
                raise ImageError(f"{path}: {w}x{h} pixels is too large "
                                 f"(limit {MAX_PIXELS:,} pixels)")
            img.draft("L", (WORK_SIDE, WORK_SIDE))  # JPEG: decode at 1/2, 1/4, 1/8 scale
            img.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as e:
        raise ImageError(f"{path}: refused as a possible decompression bomb ({e})") from e
    except (OSError, SyntaxError, ValueError) as e:
        if isinstance(e, ImageError):
            raise
        raise ImageError(f"{path}: not a readable image ({e})") from e
    return _reduce(ImageOps.exif_transpose(img))


def _reduce(img: Image.Image) -> Image.Image:
    """Shrink by an integer factor until the longer side is at most WORK_SIDE."""
    factor = -(-max(img.size) // WORK_SIDE)
    return img.reduce(factor) if factor > 1 else img


def _gray_from_pil(img: Image.Image) -> np.ndarray:
    """Gray float32 (H, W) in 0..255; transparency composited onto the ink's opposite."""
    img = _reduce(img)
    if img.mode in ("P", "PA", "LA", "La", "RGBa") or "transparency" in img.info:
        img = img.convert("RGBA")
    if img.mode == "RGBA":
        return _composite(np.asarray(img))
    if img.mode.startswith("I"):                                # 16-bit gray
        return np.asarray(img, dtype=np.float32) / 257
    if img.mode == "F":
        return _scaled(np.asarray(img, dtype=np.float32))
    return np.asarray(img.convert("L"), dtype=np.float32)


def _scaled(a: np.ndarray) -> np.ndarray:
    """Float images in [0, 1] are taken as fractions of white."""
    return a * 255 if a.size and a.max() <= 1 else a


def _composite(rgba: np.ndarray) -> np.ndarray:
    """Alpha-composite onto white when the opaque ink is dark, onto black when it is light."""
    rgb = rgba[..., :3].astype(np.float32)
    gray = rgb @ np.array([0.299, 0.587, 0.114], np.float32)    # ITU-R 601-2, as Pillow's L
    alpha = rgba[..., 3].astype(np.float32) / 255
    if alpha.min() >= 1:
        return gray
    ink = float((gray * alpha).sum() / max(alpha.sum(), 1e-6))  # mean colour of what is opaque
    background = 255.0 if ink < 128 else 0.0
    return gray * alpha + background * (1 - alpha)


def to_gray(image: Image.Image | np.ndarray | str | os.PathLike) -> np.ndarray:
    """Any accepted input as gray float32 (H, W), 0..255."""
    if isinstance(image, (str, os.PathLike)):
        image = open_image(image)
    if isinstance(image, Image.Image):
        return _gray_from_pil(image)
    a = np.asarray(image)
    if a.ndim == 3 and a.shape[0] == 1:
        a = a[0]                                                # (1, H, W)
    if a.dtype == bool:
        a = a.astype(np.uint8) * 255
    if a.dtype == np.uint8 and a.ndim in (2, 3) and max(a.shape[:2]) > WORK_SIDE:
        return _gray_from_pil(Image.fromarray(a))               # reduced first, as a file is
    if a.ndim == 3 and a.shape[2] in (3, 4):
        if a.dtype != np.uint8:
            a = np.clip(_scaled(a.astype(np.float32)), 0, 255).astype(np.uint8)  # float RGB
        if a.shape[2] == 4:
            return _composite(a)
        return a.astype(np.float32) @ np.array([0.299, 0.587, 0.114], np.float32)
    if a.ndim != 2 or a.size == 0:
        raise ImageError(f"expected a gray (H, W), RGB or RGBA image, got shape {a.shape}")
    floats = a.dtype.kind == "f"
    a = a.astype(np.float32)
    return _scaled(a) if floats else a


def _ink(gray: np.ndarray) -> np.ndarray:
    """White ink on black, background at 0: invert when the border is light."""
    border = np.concatenate([gray[0], gray[-1], gray[:, 0], gray[:, -1]])
    background = float(np.median(border))
    if background > 127:
        ink = background - gray          # dark ink on light paper
    else:
        ink = gray - background
    np.maximum(ink, 0, out=ink)
    return ink


def _span(profile: np.ndarray, speck: float = 0.02) -> tuple[int, int]:
    """First and past-last index of the ink along one axis, leaving out specks: separate
    runs at either end holding less than `speck` of the ink (dust, a stray click)."""
    on = np.concatenate([[False], profile > 0, [False]])
    edges = np.flatnonzero(on[1:] != on[:-1])       # run starts and ends, alternating
    starts, ends = edges[::2], edges[1::2]
    c = np.concatenate([[0], np.cumsum(profile)])
    mass = (c[ends] - c[starts]) / c[-1]            # share of the ink in each run
    first, last = 0, len(starts) - 1
    while first < last and mass[first] < speck:
        first += 1
    while last > first and mass[last] < speck:
        last -= 1
    return int(starts[first]), int(ends[last])


def preprocess(image: Image.Image | np.ndarray | str | os.PathLike) -> np.ndarray | None:
    """An MNIST-like float32 (1, 28, 28) in [0, 1], or None when there is no digit to see."""
    ink = _ink(to_gray(image))                      # (H, W), 0 = background
    peak = float(ink.max())
    if peak < 25:                                   # nothing darker/lighter than 10% contrast
        return None
    mask = ink > INK_THRESHOLD * peak
    if mask.sum() < 0.0005 * ink.size:          # a few stray pixels are not a digit
        return None
    masked = np.where(mask, ink, 0)
    y0, y1 = _span(masked.sum(1))
    x0, x1 = _span(masked.sum(0))
    if max(y1 - y0, x1 - x0) < MIN_EXTENT * max(ink.shape):
        return None                                 # a dot or a tick, not a digit
    crop = masked[y0:y1, x0:x1] / peak  # (h, w), peak = 1
    h, w = crop.shape
    scale = BOX / max(h, w)                         # source px -> MNIST px
    mass = crop.sum()
    cy = (crop.sum(1) @ (np.arange(h) + 0.5)) / mass    # centre of mass, pixel-centre coords
    cx = (crop.sum(0) @ (np.arange(w) + 0.5)) / mass
    # The 28x28 output covers a (28 / scale)-wide window of the source placed so the centre
    # of mass lands on CENTRE; one resize does scaling and sub-pixel shift together.
    span = SIZE / scale
    left, top = cx - (CENTRE + 0.5) / scale, cy - (CENTRE + 0.5) / scale
    pad = int(np.ceil(span)) + 1
    src = np.zeros((h + 2 * pad, w + 2 * pad), np.float32)
    src[pad:pad + h, pad:pad + w] = crop
    box = (left + pad, top + pad, left + pad + span, top + pad + span)
    out = np.asarray(Image.fromarray(src).resize((SIZE, SIZE), FILTER, box=box))
    out = np.clip(out, 0, 1)                        # the source peaks at 1: no overshoot
    top_value = out.max()
    if top_value <= 0:
        return None
    return (np.minimum(out / top_value, 1.0)).astype(np.float32)[None]
