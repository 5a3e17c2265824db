"""Synthetic photos of handwritten digits on paper, made by code, each reproducible from a seed.

A digit (an MNIST image or a pen digit drawn on the canvas: white ink on black) is printed as
dark ink on paper and photographed with one kind of damage: uneven lighting, vignetting, a
shadow, sensor noise, JPEG compression, blur, a box or ruled lines around the digit, the paper
lying on a dark desk, or the camera tilted by a few degrees. `photo(ink, kind, seed)` gives
the image; `photo_set` a labelled set for the tests and `benchmarks/photos.py`.

Used to measure the preprocessing (`nndesk.data.preprocess`), never to train.
The damage models follow the usual document-image degradations (Baird, "The state of the art
of document image degradation modeling", 2000): illumination, blur, noise, compression,
perspective.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

__all__ = ["KINDS", "photo", "photo_set", "digit_ink", "seven_uneven_light",
           "framed_seven", "four_on_desk"]

KINDS = ("clean", "gradient", "vignette", "shadow", "noise", "jpeg", "blur", "box", "ruled",
         "desk", "tilt")
PAGE = (360, 480)  # (H, W) px of a photo: small enough for the suite, large for a phone's 20 px


def digit_ink(ink: np.ndarray) -> np.ndarray:
    """Crop a white-on-black digit image (H, W) (any scale) to its ink: float32 in [0, 1]."""
    a = np.asarray(ink, np.float32)
    a = a / max(float(a.max()), 1e-6)
    rows, cols = np.flatnonzero(a.max(1) > 0.05), np.flatnonzero(a.max(0) > 0.05)
    if not len(rows):
        raise ValueError("the digit image has no ink")
    return a[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1]


def _paste_digit(ink: np.ndarray, shape: tuple[int, int], rng: np.random.Generator,
                 height: float) -> tuple[np.ndarray, tuple[int, int, int, int]]:
    """The cropped ink scaled to `height` x page height, placed at random: coverage (H, W) in
    [0, 1] and the digit's box (x0, y0, x1, y1)."""
    import cv2

    h, w = ink.shape
    H, W = shape
    dh = max(8, int(round(height * H)))
    dw = max(2, int(round(w * dh / h)))
    big = cv2.resize(ink, (dw, dh), interpolation=cv2.INTER_CUBIC if dh > h else cv2.INTER_AREA)
    big = np.clip(big, 0, 1)
    mx, my = int(0.12 * W), int(0.12 * H)
    x0 = int(rng.integers(mx, max(mx + 1, W - mx - dw)))
    y0 = int(rng.integers(my, max(my + 1, H - my - dh)))
    cover = np.zeros(shape, np.float32)
    cover[y0:y0 + dh, x0:x0 + dw] = big[:H - y0, :W - x0]
    return cover, (x0, y0, x0 + dw, y0 + dh)


def _soft_threshold(cover: np.ndarray) -> np.ndarray:
    """Upscaled MNIST strokes have wide grey ramps; real ink has a sharper edge."""
    return np.clip((cover - 0.25) / 0.5, 0, 1)


def photo(ink: np.ndarray, kind: str = "clean", seed: int = 0,
          shape: tuple[int, int] = PAGE) -> np.ndarray:
    """A photo (H, W, 3) uint8 of the digit `ink` (white on black, any size) with one damage.

    `kind` is one of KINDS; every photo has mild sensor noise (sigma 2) and a slight blur
    like any phone picture. Raises ValueError for an unknown kind or an empty digit.
    """
    import cv2

    if kind not in KINDS:
        raise ValueError(f"unknown kind of damage {kind!r}; expected one of {KINDS}")
    rng = np.random.default_rng(seed)
    H, W = shape
    cover, (x0, y0, x1, y1) = _paste_digit(digit_ink(ink), shape, rng,
                                           rng.uniform(0.35, 0.7))
    cover = _soft_threshold(cover)
    paper = rng.uniform(175, 235)
    ink_level = rng.uniform(20, 80)
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    if kind == "box":                       # a box drawn around the digit with the same pen
        m = int(rng.integers(10, 30))
        t = int(rng.integers(2, 6))
        frame = np.zeros(shape, np.uint8)
        cv2.rectangle(frame, (max(x0 - m, 1), max(y0 - m, 1)),
                      (min(x1 + m, W - 2), min(y1 + m, H - 2)), 255, t, cv2.LINE_AA)
        cover = np.maximum(cover, frame / 255.0)
    elif kind == "ruled":                   # notebook paper: lines across the page
        gap = int(rng.integers(22, 40))
        t = int(rng.integers(1, 3))
        lines = np.zeros(shape, np.uint8)
        for y in range(int(rng.integers(5, gap)), H, gap):
            cv2.line(lines, (0, y), (W - 1, y), 255, t, cv2.LINE_AA)
        if rng.random() < 0.5:              # the margin line
            x = int(rng.integers(20, max(21, x0 - 5)))
            cv2.line(lines, (x, 0), (x, H - 1), 255, t, cv2.LINE_AA)
        cover = np.maximum(cover, lines / 255.0 * rng.uniform(0.3, 0.6))
    img = paper - (paper - ink_level) * cover  # (H, W) gray
    light = np.ones(shape, np.float32)
    if kind == "gradient":                  # light falling off across the page
        angle = rng.uniform(0, 2 * np.pi)
        ramp = (np.cos(angle) * (xx - W / 2) + np.sin(angle) * (yy - H / 2)) / max(H, W)
        light = 1 + rng.uniform(0.3, 0.5) * ramp
    elif kind == "vignette":
        r2 = ((xx - W / 2) / (W / 2)) ** 2 + ((yy - H / 2) / (H / 2)) ** 2
        light = 1 - rng.uniform(0.25, 0.45) * r2 / 2
    elif kind == "shadow":                  # a hand or phone between the lamp and the page
        side = rng.integers(4)
        edge = rng.uniform(0.15, 0.4)
        u = [xx / W, 1 - xx / W, yy / H, 1 - yy / H][side]
        mask = (u + 0.15 * np.sin(rng.uniform(2, 6) * [yy / H, yy / H, xx / W, xx / W][side])
                < edge).astype(np.float32)
        mask = cv2.GaussianBlur(mask, (0, 0), rng.uniform(4, 15))
        light = 1 - rng.uniform(0.3, 0.5) * mask
    img = img * light
    if kind == "desk":                      # the sheet lying on a dark desk, slightly turned
        desk = rng.uniform(20, 80)
        cx, cy = W / 2 + rng.uniform(-0.05, 0.05) * W, H / 2 + rng.uniform(-0.05, 0.05) * H
        sw, sh = rng.uniform(0.75, 0.9) * W, rng.uniform(0.8, 0.92) * H
        sw, sh = max(sw, (x1 - x0) + 0.1 * W), max(sh, (y1 - y0) + 0.1 * H)
        box = cv2.boxPoints(((cx, cy), (sw, sh), rng.uniform(-4, 4))).astype(np.int32)
        sheet = np.zeros(shape, np.uint8)
        cv2.fillConvexPoly(sheet, box, 255, cv2.LINE_AA)
        s = sheet / 255.0
        texture = cv2.GaussianBlur(rng.normal(0, 12, shape).astype(np.float32), (0, 0), 3)
        img = img * s + (desk + texture) * (1 - s)
    elif kind == "tilt":                    # the camera a few degrees off the page's normal
        d = rng.uniform(0.02, 0.06, (4, 2)) * [W, H] * rng.choice([-1, 1], (4, 2))
        src = np.float32([[0, 0], [W, 0], [W, H], [0, H]])
        M = cv2.getPerspectiveTransform(src, (src + d).astype(np.float32))
        img = cv2.warpPerspective(img.astype(np.float32), M, (W, H),
                                  flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
    blur = rng.uniform(1.5, 3.5) if kind == "blur" else 0.7
    img = cv2.GaussianBlur(img.astype(np.float32), (0, 0), blur)
    sigma = rng.uniform(8, 15) if kind == "noise" else 2.0
    img = img + rng.normal(0, sigma, shape)
    tint = np.array([1.0, 0.98, 0.93], np.float32) * rng.uniform(0.97, 1.0, 3)  # warm paper
    rgb = np.clip(img[..., None] * tint, 0, 255).astype(np.uint8)
    if kind == "jpeg":
        ok, buf = cv2.imencode(".jpg", rgb[..., ::-1],
                               [cv2.IMWRITE_JPEG_QUALITY, int(rng.integers(8, 30))])
        rgb = cv2.imdecode(buf, cv2.IMREAD_COLOR)[..., ::-1]
    return np.ascontiguousarray(rgb)


def photo_set(digits: Sequence[np.ndarray], labels: Sequence[int], kinds: Sequence[str] = KINDS,
              seed: int = 0, shape: tuple[int, int] = PAGE):
    """Each digit photographed once per kind: yields (kind, label, photo (H, W, 3) uint8).

    Photo i of kind k has seed `seed * 1_000_003 + 1009 * i + KINDS.index(k)`: any one photo
    is rebuilt alone from its seed.
    """
    for kind in kinds:
        for i, (digit, label) in enumerate(zip(digits, labels, strict=True)):
            s = seed * 1_000_003 + 1009 * i + KINDS.index(kind)
            yield kind, int(label), photo(digit, kind, s, shape)


# -- the named failures of issue 11 -----------------------------------------------------------
def _stroke_image(points: Sequence[tuple[float, float]], shape: tuple[int, int],
                  width: int) -> np.ndarray:
    import cv2

    img = np.zeros(shape, np.uint8)
    pts = np.array(points, np.int32).reshape(-1, 1, 2)
    cv2.polylines(img, [pts], False, 255, width, cv2.LINE_AA)
    return img


def seven_uneven_light(seed: int = 0) -> np.ndarray:
    """Issue 11's 7: 640x480 grey paper 150..210 left to right, noise sigma 8, a dark, slightly
    blurred 7 (stroke 22 px, (220,120) -> (420,110) -> (300,380)). uint8 (480, 640)."""
    import cv2

    rng = np.random.default_rng(seed)
    paper = np.tile(np.linspace(150, 210, 640, dtype=np.float32), (480, 1))
    seven = _stroke_image([(220, 120), (420, 110), (300, 380)], (480, 640), 22) / 255.0
    img = paper * (1 - seven) + 40 * seven
    img = cv2.GaussianBlur(img.astype(np.float32), (0, 0), 1.5) + rng.normal(0, 8, (480, 640))
    return np.clip(img, 0, 255).astype(np.uint8)


def framed_seven() -> np.ndarray:
    """Issue 11's black 7 on white with a 1-pixel black line around the image. uint8 (280, 280)."""
    img = 255 - _stroke_image([(80, 60), (200, 60), (120, 230)], (280, 280), 22)
    img[0, :] = img[-1, :] = img[:, 0] = img[:, -1] = 0
    return img


def four_on_desk() -> np.ndarray:
    """Issue 11's photo of white paper on a dark desk with a 4. uint8 (480, 640)."""
    img = np.full((480, 640), 40, np.uint8)                  # the desk
    img[40:440, 120:520] = 235                               # the sheet
    four = _stroke_image([(330, 120), (250, 290), (390, 290)], (480, 640), 20)
    four = np.maximum(four, _stroke_image([(350, 200), (350, 380)], (480, 640), 20)) / 255.0
    return np.where(four > 0, 235 - (235 - 35) * four, img).astype(np.uint8)
