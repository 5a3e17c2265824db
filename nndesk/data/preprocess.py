"""THE one path from any image (canvas, file, array) to a 1x28x28 MNIST-like input.

As MNIST was made: white ink on black, crop to the ink, longer side to 20 px keeping the
aspect ratio, centre of mass to the middle of 28x28 (sub-pixel), values in [0, 1].
"""

from __future__ import annotations

import os
import stat
import warnings
from pathlib import Path
from typing import NamedTuple

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from nndesk.data.stroke_width import thickened as _thickened

__all__ = ["ImageError", "open_image", "to_gray", "preprocess", "preprocess_steps",
           "remove_background", "ink_polarity", "STEPS", "MAX_PIXELS", "WORK_SIDE"]

MAX_PIXELS = 64_000_000  # refuse larger images before decoding them (an 8000x8000 photo fits)
WORK_SIDE = 1024         # bigger images are reduced to this side first: 20 px need no more
BOX = 20                 # the digit's longer side, as in MNIST
SIZE = 28
CENTRE = 14.0            # MNIST's mean centre of mass, row and column index (measured: 14.0)
MIN_EXTENT = 0.1         # ink spanning less than this share of the image is no digit
INK_THRESHOLD = 0.1      # of the ink's peak: fainter pixels do not widen the crop
MIN_CONTRAST = 25        # gray levels: less ink than this above the paper is no ink
BACKGROUND_SCALE = 0.4   # of the longer side: the paper is estimated over squares this wide
SHADOW_SCALE = 0.15      # ...and, for dark ink, over these, to follow shadows
SHADOW_RATIO = 0.45      # a "shadow" darker than this share of the paper is a blot of ink
DESK_AREA = 0.25         # of the image: a light area this large, away from the border...
DESK_DEPTH = 0.06        # ...and this thick (of the shorter side) is a sheet on a desk
BACKGROUND_SIDE = 128    # px: the paper's brightness and the ink's side are found this small
LINE_SPAN = 0.9          # of the image's side: a thin straight line this long is a ruled line
STRAIGHT = 0.02          # of a line's length: the spread of its pixels across it is at most this
LINE_CUT = 0.35          # a disc this share of the thickest strokes' width cuts thinner lines
SPECK = 0.02             # of the heaviest component's ink: less is a speck
BORDER_CONTACT = 0.25    # of the shorter side: along the border for longer is desk or shadow
NEAR = 0.5               # pieces within this share of the digit's size belong to it
BOX_REACH = 0.5          # soft edges kept this many half stroke widths (+2 px) from the core
WINDOW_MARGIN = 2        # px of paper kept around the ink when the steps look at it alone
STEPS = ("gray", "background removed", "ink mask", "component kept", "crop", "20 px box",
         "centred 28x28")
# Area average. Measured on 7,494 pen digits through a SimpleConvNet: BOX 92.3%, LANCZOS
# 92.5%; on MNIST digits photographed large and thick (correlation with the original):
# 0.912 vs 0.914. LANCZOS rings (overshoot at stroke edges, MNIST digits no longer pass
# through unchanged) and is slower; the 0.2% is within run-to-run noise, so BOX.
FILTER = Image.Resampling.BOX


class ImageError(ValueError):
    """An image that cannot be read or is unreasonably large; the message says which."""


def open_image(path: str | os.PathLike) -> Image.Image:
    """Open an image file safely: size checked before decoding, huge ones reduced on load,
    turned upright as its EXIF orientation says. Only regular files are opened (a FIFO or a
    device named x.png would block). Raises ImageError naming the file for any problem."""
    path = Path(path)
    try:
        mode = path.stat().st_mode
    except OSError as e:
        raise ImageError(f"{path}: cannot open ({e.strerror or e})") from e
    if stat.S_ISDIR(mode):
        raise ImageError(f"{path}: a folder, not a file")
    if not stat.S_ISREG(mode):
        raise ImageError(f"{path}: not a regular file")
    img = None
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
        if img is not None:
            img.close()                             # no file left open by a failed decode
        if isinstance(e, ImageError):
            raise
        if isinstance(e, UnidentifiedImageError):  # no image at all: say what the file is
            what = _file_kind(path)
            if what:
                raise ImageError(f"{path}: {what}, not an image") from e
        raise _decode_error(path, img, e) from e
    try:
        return _reduce(ImageOps.exif_transpose(img))
    except (OSError, SyntaxError, ValueError, TypeError) as e:  # a damaged EXIF block, ...
        raise ImageError(f"{path}: not a readable image ({e})") from e


def _decode_error(path: object, img: object, err: BaseException) -> ImageError:
    """The one reading of a file that fails to decode: a file whose format was recognised
    (a JPEG, a PNG) but whose data cannot be decoded is a damaged image of that format, cut
    short or corrupted (Pillow's "image file is truncated" kept as the reason; QA: the window
    called a truncated JPEG "not an image nndesk can read" and then listed JPEG as read);
    anything else is not a readable image."""
    fmt = getattr(img, "format", None)
    if not fmt and isinstance(path, (str, os.PathLike)):  # cut before PIL knew the format
        from nndesk.fileio import describe_path

        try:
            what = describe_path(path)[0]
        except OSError:
            what = ""
        if what.startswith("a ") and what.endswith(" image"):  # "a JPEG image": its bytes
            fmt = what[2:-len(" image")]
    if fmt:
        return ImageError(f"{path}: a damaged {fmt} image, cut short or corrupted ({err})")
    return ImageError(f"{path}: not a readable image ({err})")


def _file_kind(path: Path) -> str | None:
    """What a file PIL cannot identify is ("empty or all zero bytes", "a JSON text file ...",
    "a binary file of an unknown kind": `fileio.describe_file`), None when it starts as an
    image does (a damaged image: PIL's reason then)."""
    from nndesk.fileio import describe_path

    try:
        what = describe_path(path)[0]
    except OSError:
        return None
    return None if what.endswith(" image") else what


def _reduce(img: Image.Image) -> Image.Image:
    """Shrink by an integer factor until the longer side is at most WORK_SIDE."""
    factor = -(-max(img.size) // WORK_SIDE)
    if factor > 1 and img.mode == "1":              # Pillow reduces no 1-bit images
        img = img.convert("L")
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
        img = open_image(image)
        try:
            return _gray_from_pil(img)
        except (OSError, ValueError, SyntaxError) as e:     # decoded lazily, or odd modes
            raise _decode_error(image, img, e) from e
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


# -- the steps -----------------------------------------------------------------------------
_CV2 = None  # OpenCV once `_cv2` has imported it and set its threads


def _cv2():
    """OpenCV, imported on first use (about 0.1 s) so that the window opens without it; its
    threads set once (asking OpenCV each time was ~5% of a canvas drawing's preprocessing)."""
    global _CV2
    if _CV2 is None:
        import cv2

        cv2.setNumThreads(1)    # images this small: threads cost more than they give (measured)
        _CV2 = cv2
    return _CV2


def _odd(n: float) -> int:
    return max(3, int(n) | 1)


class _Window(NamedTuple):
    """The part [top:bottom, left:right] of an image of `shape` outside which the ink is 0:
    the steps after the background's removal look only in there, for the same numbers
    (tests/data/test_preprocess_same.py). It starts on even rows and columns, so OpenCV's
    connected components (scanned in 2x2 blocks) are numbered as in the whole image."""

    top: int
    bottom: int
    left: int
    right: int
    shape: tuple[int, int]

    def of(self, a: np.ndarray) -> np.ndarray:
        return a[self.top:self.bottom, self.left:self.right]

    @property
    def outside(self) -> int:
        """Pixels of the image outside the window."""
        return self.shape[0] * self.shape[1] - (self.bottom - self.top) * (self.right - self.left)

    def edges(self) -> tuple[bool, bool, bool, bool]:
        """Which of its sides (top, bottom, left, right) lie on the image's border."""
        return (self.top == 0, self.bottom == self.shape[0], self.left == 0,
                self.right == self.shape[1])


def _ink_window(ink: np.ndarray) -> _Window | None:
    """The ink's bounding box with WINDOW_MARGIN px of paper around it (as far as the image
    goes), or None when that is most of the image anyway."""
    h, w = ink.shape
    rows, cols = np.flatnonzero(ink.any(1)), np.flatnonzero(ink.any(0))
    if min(h, w) < 3 or not len(rows):
        return None
    top = max(int(rows[0]) - WINDOW_MARGIN, 0) & ~1
    left = max(int(cols[0]) - WINDOW_MARGIN, 0) & ~1
    bottom = min(int(rows[-1]) + 1 + WINDOW_MARGIN, h)
    right = min(int(cols[-1]) + 1 + WINDOW_MARGIN, w)
    if (bottom - top) * (right - left) > 0.8 * h * w:
        return None
    return _Window(top, bottom, left, right, (h, w))


def _border_labels(labels: np.ndarray, window: _Window | None) -> np.ndarray:
    """The labels of the pixels on the image's border, each pixel once."""
    if window is None:
        return np.concatenate([labels[0], labels[-1], labels[1:-1, 0], labels[1:-1, -1]])
    top, bottom, left, right = window.edges()
    r0, r1 = int(top), labels.shape[0] - int(bottom)
    parts = ([labels[0]] if top else []) + ([labels[-1]] if bottom else [])
    parts += ([labels[r0:r1, 0]] if left else []) + ([labels[r0:r1, -1]] if right else [])
    return np.concatenate(parts) if parts else np.zeros(0, labels.dtype)


def ink_polarity(gray: np.ndarray) -> bool:
    """True when the ink is darker than the paper, decided from the whole image.

    Otsu's threshold splits the image into its dark and its light pixels. The side that holds
    most of a band around the image (3% of its side wide, so that a frame line does not count)
    is taken for the paper; when that is the dark side but the light side is a wide area (over
    DESK_AREA of the image, its mean distance to the dark side over DESK_DEPTH of the image's
    side: no strokes are that thick), the light side is a sheet lying on a desk, or paper with
    dark corners, and the ink is dark.
    gray: (H, W) float32, 0..255, lightly smoothed.
    """
    cv2 = _cv2()
    u8 = np.clip(gray, 0, 255).astype(np.uint8)
    _, light = cv2.threshold(u8, 0, 1, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    light = light.astype(bool)
    if light.all() or not light.any():
        return float(np.median(gray)) > 127
    b = max(1, round(0.03 * min(light.shape)))
    band = np.ones(light.shape, bool)
    band[b:-b, b:-b] = False
    paper_light = light[band].mean() >= 0.5
    if not paper_light and light.mean() > DESK_AREA:    # a wide light area...
        d = cv2.distanceTransform(np.pad(light, 1).astype(np.uint8), cv2.DIST_L2, 3)
        if d[1:-1, 1:-1][light].mean() > max(DESK_DEPTH * min(light.shape), 4):  # no strokes
            paper_light = True                      # a sheet on a desk, dark corners
    return bool(paper_light)


def _morph(small: np.ndarray, op: int, scale: float) -> np.ndarray:
    """Grey-level closing or opening with a square `scale` x the longer side (at least 11 px)."""
    cv2 = _cv2()
    k = _odd(max(scale * max(small.shape), 11))
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (k, k))
    return cv2.morphologyEx(small, op, kernel, borderType=cv2.BORDER_REPLICATE)


def remove_background(gray: np.ndarray) -> np.ndarray:
    """White ink on black, background at 0: float32 (H, W), 0..255.

    The paper's brightness is estimated at a scale much larger than a stroke and subtracted
    (a grey-level closing for dark ink, an opening for light ink: the "top-hat transformation",
    Gonzalez & Woods, Digital Image Processing, 9.6), on a copy reduced to at most
    BACKGROUND_SIDE px: lighting gradients, vignetting and shadows go, the strokes stay.
    Dark ink: squares of SHADOW_SCALE of the image follow shadows; where that estimate is
    darker than SHADOW_RATIO of the one over BACKGROUND_SCALE squares, it sits on a blot of
    ink, not a shadow, and the wider one is used. Dark ink is measured as a share of the
    paper's brightness there (what a shadow does not change).
    """
    cv2 = _cv2()
    h, w = gray.shape
    f = max(1.0, max(h, w) / BACKGROUND_SIDE)
    size = (max(1, round(w / f)), max(1, round(h / f)))
    cells = _inked_cells(gray, size)            # where the reduced image may be above 0
    no_paper = cells is not None and _no_paper(cells)   # light ink on clean black (a canvas)
    if no_paper and _surely_light(cells):       # drawing): nothing to remove, surely
        return np.maximum(gray, 0)
    small = gray if f == 1 else cv2.resize(gray, size, interpolation=cv2.INTER_AREA)
    dark = ink_polarity(cv2.GaussianBlur(small, (0, 0), 1.0) if min(small.shape) >= 8
                        else small)             # smoothed: noise makes no strokes
    if no_paper and not dark:                   # the opening below finds no paper: the same
        return np.maximum(gray, 0)
    if dark:
        wide = _morph(small, cv2.MORPH_CLOSE, BACKGROUND_SCALE)
        near = _morph(small, cv2.MORPH_CLOSE, SHADOW_SCALE)
        background = np.where(near < SHADOW_RATIO * wide, wide, near)
    else:
        background = _morph(small, cv2.MORPH_OPEN, BACKGROUND_SCALE)
    if not dark and not background.any():       # no paper to remove (a canvas drawing):
        return np.maximum(gray, 0)              # gray - 0, as below, without the resize
    if f != 1:
        background = cv2.resize(background, (w, h), interpolation=cv2.INTER_LINEAR)
    if dark:
        ink = (background - gray) * (255.0 / np.maximum(background, 1.0))
    else:
        ink = gray - background
    return np.maximum(ink, 0, out=ink)


def _feeds(n_src: int, n_dst: int) -> tuple[np.ndarray, np.ndarray]:
    """For each of n_dst pixels of an area-average reduction (OpenCV's INTER_AREA) of n_src
    pixels, a range [start, stop) of the source pixels it averages (or one more)."""
    i = np.arange(n_dst)
    f = n_src / n_dst
    start = np.maximum(np.floor(i * f - 1e-6).astype(np.int64), 0)
    stop = np.minimum(np.floor((i + 1) * f + 1e-6).astype(np.int64) + 1, n_src)
    return start, stop


def _inked_cells(gray: np.ndarray, size: tuple[int, int]) -> np.ndarray | None:
    """uint8 (h, w) of `size` (w, h): 1 where `gray` reduced to that size (an area average)
    may be above 0, 0 where it surely is 0 (an average of zeros), for gray >= 0 everywhere
    (clean paper at 0, a canvas drawing); None for other images (negative or NaN pixels) and
    for ones too small to be smoothed (see `_surely_light`)."""
    cv2 = _cv2()
    sw, sh = size
    if min(sw, sh) < 8 or not gray.min() >= 0:
        return None
    ink = (gray > 0).view(np.uint8)
    if (sh, sw) == ink.shape:
        return ink.copy()
    table = cv2.integral(ink)                                       # (H + 1, W + 1) sums
    r0, r1 = _feeds(ink.shape[0], sh)
    c0, c1 = _feeds(ink.shape[1], sw)
    strips = table.take(r1, axis=0) - table.take(r0, axis=0)       # (sh, W + 1)
    return ((strips.take(c1, axis=1) - strips.take(c0, axis=1)) > 0).view(np.uint8)


def _no_paper(cells: np.ndarray) -> bool:
    """True when the opening that estimates the paper under light ink (`_morph`, a square of
    BACKGROUND_SCALE of the image) is surely 0 everywhere: it finds paper only where a whole
    square (edge pixels repeated) is above 0, and no square of `cells` is all 1."""
    cv2 = _cv2()
    k = _odd(max(BACKGROUND_SCALE * max(cells.shape), 11))
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (k, k))
    return not cv2.erode(cells, kernel, borderType=cv2.BORDER_REPLICATE).any()


def _surely_light(cells: np.ndarray) -> bool:
    """True when `ink_polarity` surely says light ink: it smooths the reduced image with a
    Gaussian of sigma 1 (a 9-tap kernel: 4 px each side) and counts as light only pixels above
    Otsu's threshold (>= 0), so every light pixel lies in `cells` grown by 4 px; when those
    cannot fill half the border band nor DESK_AREA of the image, the ink is light."""
    cv2 = _cv2()
    may = cv2.dilate(cells, np.ones((9, 9), np.uint8))
    b = max(1, round(0.03 * min(may.shape)))
    total, inner = int(may.sum()), int(may[b:-b, b:-b].sum())
    band = may.size - may[b:-b, b:-b].size
    return 2 * (total - inner) < band and total <= DESK_AREA * may.size


def _otsu(ink: np.ndarray, peak: float, outside: int = 0) -> np.ndarray:
    """The ink above Otsu's threshold (IEEE Trans. SMC 9(1), 1979): bool (H, W). `outside`:
    how many more pixels of 0 the whole image has (`ink` is a window of it): they count in the
    threshold as they would in the whole image."""
    cv2 = _cv2()
    u8 = np.clip(ink * (255.0 / peak), 0, 255).astype(np.uint8)
    if outside:
        row = np.zeros((1, u8.size + outside), np.uint8)
        row[0, :u8.size] = u8.ravel()
        _, mask = cv2.threshold(row, 0, 1, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
        return mask[0, :u8.size].reshape(u8.shape).astype(bool)
    _, mask = cv2.threshold(u8, 0, 1, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    return mask.astype(bool)


def _without_thin_lines(mask: np.ndarray, half: float,
                        window: _Window | None = None) -> np.ndarray:
    """The mask opened by a disc LINE_CUT as wide as the digit's strokes (`half`: half their
    width, px): ruled lines and a drawn box thinner than the strokes are cut off it. Thin
    strokes (under about 12 px: MNIST's, a thin pen's) are left as they are. `window`: the
    mask is that part of the image (the paper around it is put back for the opening)."""
    cv2 = _cv2()
    r = int(round(LINE_CUT * half))
    if r < 2:
        return mask
    disc = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * r + 1, 2 * r + 1))
    m = mask.astype(np.uint8)
    if window is not None:
        pads = [(0 if edge else r + 1) for edge in window.edges()]
        m = np.pad(m, ((pads[0], pads[1]), (pads[2], pads[3])))
    opened = cv2.morphologyEx(m, cv2.MORPH_OPEN, disc).astype(bool)
    if window is not None:
        opened = opened[pads[0]:pads[0] + mask.shape[0], pads[2]:pads[2] + mask.shape[1]]
    return opened if opened.any() else mask


def _main_components(mask: np.ndarray, ink: np.ndarray,
                     window: _Window | None = None) -> np.ndarray:
    """The digit: the connected components of `mask` that make it (bool (H, W)).

    Dropped: specks (under SPECK of the largest), ruled lines (straight, thin and as long as
    LINE_SPAN of the image: not a thin pen's 7 or 4), frames (thin outlines around other ink:
    above, below, left and right of it, not a thin pen's 7 around its bar), things lying along
    the border (a desk, a shadow, a frame line: touching it over BORDER_CONTACT of the shorter
    side); then kept: the heaviest left and what lies near it. Never drops everything: the
    heaviest is the fallback.
    `window`: mask and ink are that part of the image (sizes and the border are the image's).
    """
    cv2 = _cv2()
    H, W = mask.shape if window is None else window.shape
    n, labels, stats, centres = cv2.connectedComponentsWithStats(mask.astype(np.uint8),
                                                                 connectivity=8)
    if n <= 2:
        return labels > 0
    mass = np.bincount(labels.ravel(), ink.ravel(), minlength=n)[1:]
    x, y, w, h, area = (stats[1:, i].astype(np.float64) for i in range(5))
    border = _border_labels(labels, window)
    contact = np.bincount(border, minlength=n)[1:]
    length = np.maximum(w, h)
    side = np.where(w >= h, W, H)
    keep = mass >= SPECK * mass.max()
    for i in np.flatnonzero(keep & (length >= LINE_SPAN * side) & (area / length <= length / 25)):
        keep[i] = not _straight(labels[int(y[i]):int(y[i] + h[i]), int(x[i]):int(x[i] + w[i])]
                                == i + 1, length[i])                             # lines
    keep &= contact < BORDER_CONTACT * min(H, W)                                 # on the border
    fill = area / (w * h)
    for i in np.flatnonzero(keep & (fill < 0.3)):                                # frames
        inside = ((x > x[i]) & (y > y[i]) & (x + w < x[i] + w[i]) & (y + h < y[i] + h[i])
                  & keep & (mass >= 0.1 * mass[i]))
        if any(_surrounds(labels, i + 1, centres[j + 1]) for j in np.flatnonzero(inside)):
            keep[i] = False
    if not keep.any():
        keep[:] = mass >= SPECK * mass.max()
        keep &= mass == mass[keep].max()
    main = int(np.argmax(np.where(keep, mass, -1)))
    box = [x[main], y[main], x[main] + w[main], y[main] + h[main]]
    reach = NEAR * max(w[main], h[main])
    chosen = np.zeros(n - 1, bool)
    chosen[main] = True
    grown = True
    while grown:                      # add the pieces near what is kept (a 4's or 5's strokes)
        near = (keep & ~chosen & (x <= box[2] + reach) & (x + w >= box[0] - reach)
                & (y <= box[3] + reach) & (y + h >= box[1] - reach))
        grown = bool(near.any())
        for i in np.flatnonzero(near):
            chosen[i] = True
            box = [min(box[0], x[i]), min(box[1], y[i]), max(box[2], x[i] + w[i]),
                   max(box[3], y[i] + h[i])]
    return labels > 0 if chosen.all() else np.concatenate([[False], chosen])[labels]


def _straight(mask: np.ndarray, length: float) -> bool:
    """True when the pixels of a mask lie along one straight line: their spread across its
    direction (the smaller principal axis' standard deviation) is at most STRAIGHT of the
    `length` (px), or 2 px. A ruled line, even ragged or tilted; not a 7's bar and stroke."""
    ys, xs = np.nonzero(mask)
    if len(xs) < 3:
        return True
    across = float(np.linalg.eigvalsh(np.cov(np.stack([xs, ys]).astype(np.float64)))[0])
    return np.sqrt(max(across, 0.0)) <= max(2.0, STRAIGHT * length)


def _surrounds(labels: np.ndarray, label: int, centre: np.ndarray) -> bool:
    """True when component `label` lies above, below, left and right of the point `centre`
    (x, y): an outline around it (a drawn box), not a stroke beside it."""
    cx, cy = int(centre[0]), int(centre[1])
    row, col = labels[cy], labels[:, cx]
    return bool((row[:cx] == label).any() and (row[cx:] == label).any()
                and (col[:cy] == label).any() and (col[cy:] == label).any())


def _attached(low: np.ndarray, core: np.ndarray, reach: int | None) -> np.ndarray:
    """The pixels of `low` connected to `core` (hysteresis thresholding, Canny 1986), and
    within `reach` px of it unless None: a stroke's soft edges, not the line that crosses it."""
    cv2 = _cv2()
    n, labels = cv2.connectedComponents(low.astype(np.uint8), connectivity=8)
    hit = np.zeros(n, bool)
    hit[labels[core & low]] = True
    hit[0] = False
    attached = labels > 0 if hit[1:].all() else hit[labels]  # (the same pixels, sooner)
    if reach is None:
        return attached
    disc = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * reach + 1, 2 * reach + 1))
    side = _inner_square(disc)  # a square the disc holds: what lies that close is in reach
    if side > 1 and not (attached & ~cv2.dilate(core.view(np.uint8),
                                                 np.ones((side, side), np.uint8)).view(bool)).any():
        return attached         # all of it close to the core (a canvas stroke's soft edge)
    near = np.zeros(core.shape, bool)
    rows, cols = np.flatnonzero(core.any(1)), np.flatnonzero(core.any(0))
    if len(rows):   # dilated only around the core: the same pixels, less work
        y0, y1 = max(rows[0] - reach, 0), rows[-1] + reach + 1
        x0, x1 = max(cols[0] - reach, 0), cols[-1] + reach + 1
        near[y0:y1, x0:x1] = cv2.dilate(core[y0:y1, x0:x1].astype(np.uint8), disc).astype(bool)
    return attached & near


def _inner_square(disc: np.ndarray) -> int:
    """The side (odd) of the largest square around the centre of a structuring element that
    it covers whole."""
    r = disc.shape[0] // 2
    s = r
    while s > 0 and not disc[r - s:r + s + 1, r - s:r + s + 1].all():
        s -= 1
    return 2 * s + 1


def _centred(crop: np.ndarray) -> np.ndarray | None:
    """Longer side to BOX px, centre of mass to (CENTRE, CENTRE) of SIZE x SIZE (sub-pixel):
    one area-average resize does the scaling and the shift. crop: (h, w) in [0, 1]."""
    h, w = crop.shape
    scale = BOX / max(h, w)                         # source px -> MNIST px
    mass = crop.sum()
    cy = (crop.sum(1) @ (np.arange(h) + 0.5)) / mass    # centre of mass, pixel-centre coords
    cx = (crop.sum(0) @ (np.arange(w) + 0.5)) / mass
    # The 28x28 output covers a (28 / scale)-wide window of the source placed so the centre
    # of mass lands on CENTRE; one resize does scaling and sub-pixel shift together.
    span = SIZE / scale
    left, top = cx - (CENTRE + 0.5) / scale, cy - (CENTRE + 0.5) / scale
    px0, py0 = int(np.ceil(max(0.0, -left))) + 2, int(np.ceil(max(0.0, -top))) + 2
    px1 = int(np.ceil(max(0.0, left + span - w))) + 2
    py1 = int(np.ceil(max(0.0, top + span - h))) + 2
    src = np.zeros((h + py0 + py1, w + px0 + px1), np.float32)   # zeros around the crop
    src[py0:py0 + h, px0:px0 + w] = crop
    box = (left + px0, top + py0, left + px0 + span, top + py0 + span)
    image = Image.frombuffer("F", (src.shape[1], src.shape[0]), src, "raw", "F", 0, 1)
    out = np.asarray(image.resize((SIZE, SIZE), FILTER, box=box))  # (fromarray, sooner)
    out = np.clip(out, 0, 1)                        # the source peaks at 1: no overshoot
    top_value = out.max()
    if top_value <= 0:
        return None
    return np.minimum(out / top_value, 1.0).astype(np.float32)


def _boxed(crop: np.ndarray) -> np.ndarray:
    """The crop with its longer side at BOX px (for showing the step; same filter)."""
    h, w = crop.shape
    scale = BOX / max(h, w)
    size = (max(1, round(w * scale)), max(1, round(h * scale)))
    return np.asarray(Image.fromarray(crop.astype(np.float32)).resize(size, FILTER))


def preprocess_steps(image: Image.Image | np.ndarray | str | os.PathLike,
                     ) -> list[tuple[str, np.ndarray]]:
    """Every step from any image to the network's input, as (name, 2-D float32 array in [0, 1]).

    Names, in order (STEPS): "gray", "background removed", "ink mask", "component kept",
    "crop", "20 px box", "centred 28x28". The list stops early when there is no digit to see
    (an empty page, a speck, a dot); it ends with "centred 28x28" (28, 28) otherwise.
    `preprocess` is this list's last image. The method: LeCun et al. 1998 (MNIST: crop, 20 px
    box, centre of mass at the centre of 28x28), with a background removed first and the digit
    picked as the main connected component(s) (see the functions above).
    Raises ImageError for an unreadable or too large image.
    """
    return _steps(image, shown=True)


def _steps(image, shown: bool) -> list[tuple[str, np.ndarray]]:
    """`preprocess_steps`; without `shown`, the images only a viewer needs are skipped (None
    in their place), the last one is computed the same way."""
    gray = to_gray(image)
    steps = [(STEPS[0], np.clip(gray / 255.0, 0, 1).astype(np.float32) if shown else None)]
    if gray.size == 0:
        return steps
    ink = remove_background(gray)                   # (H, W), 0 = background
    peak = float(ink.max())
    steps.append((STEPS[1], (ink / max(peak, 1e-6)).astype(np.float32) if shown else None))
    if peak < MIN_CONTRAST:                         # nothing darker/lighter than 10% contrast
        return steps
    window = None if shown else _ink_window(ink)    # the same numbers from the ink's part
    part = ink if window is None else window.of(ink)
    core = _otsu(part, peak, 0 if window is None else window.outside)
    steps.append((STEPS[2], core.astype(np.float32) if shown else None))
    if core.sum() < 0.0005 * ink.size:              # a few stray pixels are not a digit
        return steps
    kept = _main_components(core, part, window)
    half = _stroke_half_width(kept)
    if kept[0].any() or kept[-1].any() or kept[:, 0].any() or kept[:, -1].any():
        cut = _without_thin_lines(core, half, window)  # ruled lines cross the digit to the border
        if cut is not core:                         # lines were cut: pick the digit again
            kept = _main_components(cut, part, window)
    noise = _paper_noise(ink, core, window, part)   # robust sigma of the paper (MAD)
    low = part > max(INK_THRESHOLD * peak, 3 * noise)
    reach = int(np.ceil(BOX_REACH * half)) + 2
    region = _attached(low | kept, kept, reach)
    digit = np.where(region, part, 0).astype(np.float32)
    steps.append((STEPS[3], digit / peak if shown else None))
    rows, cols = np.flatnonzero(region.any(1)), np.flatnonzero(region.any(0))
    if not len(rows):
        return steps
    y0, y1, x0, x1 = rows[0], rows[-1] + 1, cols[0], cols[-1] + 1
    if max(y1 - y0, x1 - x0) < MIN_EXTENT * max(ink.shape):
        return steps                                # a dot or a tick, not a digit
    crop = digit[y0:y1, x0:x1]
    crop = crop / crop.max()                        # peak = 1
    crop = _thickened(crop)                         # hairlines to MNIST-like strokes
    steps.append((STEPS[4], crop))
    steps.append((STEPS[5], np.clip(_boxed(crop), 0, 1) if shown else None))
    out = _centred(crop)
    if out is not None:
        steps.append((STEPS[6], out))
    return steps


def _paper_noise(ink: np.ndarray, core: np.ndarray, window: _Window | None,
                 part: np.ndarray) -> float:
    """`_mad_sigma` of a sample of the paper, every 7th pixel of the image off the `core`
    (a sample is enough for its spread). In a `window`: when the paper's pixels above 0 (all
    of them in the window) are too few to fill half the sample, the sample's median and its
    deviations' are 0 (clean paper: a canvas drawing), as `_mad_sigma` finds, without it."""
    if window is not None:
        inside = int(core.sum())
        size = -(-(ink.size - inside) // 7)
        if size - (int(np.count_nonzero(part)) - inside) > size // 2:  # core pixels are > 0
            return 1.4826 * 0.0
        whole = np.zeros(ink.shape, bool)
        window.of(whole)[...] = core
        core = whole
    return _mad_sigma(ink[~core][::7])


def _mad_sigma(paper: np.ndarray) -> float:
    """1.4826 x the median absolute deviation of a sample (0.0 when empty). When more than
    half of it is exactly 0 and none of it below (clean paper: a canvas drawing), both medians
    are 0: no sorting needed for the same number."""
    if not paper.size:
        return 0.0
    if paper.min() >= 0 and paper.size - np.count_nonzero(paper) > paper.size // 2:
        return 1.4826 * 0.0
    return 1.4826 * float(np.median(np.abs(paper - np.median(paper))))


def _stroke_half_width(mask: np.ndarray) -> float:
    """Half the width of the thickest strokes of a mask, px (98th percentile of the distance
    to the background inside it)."""
    cv2 = _cv2()
    rows, cols = np.flatnonzero(mask.any(1)), np.flatnonzero(mask.any(0))
    if not len(rows):
        return 0.0
    # Only around the mask (one px of background kept on every side that has it): the
    # distance of a pixel inside to the background is the same, for less work.
    y0, y1 = max(rows[0] - 1, 0), rows[-1] + 2
    x0, x1 = max(cols[0] - 1, 0), cols[-1] + 2
    part = mask[y0:y1, x0:x1]
    dist = cv2.distanceTransform(part.astype(np.uint8), cv2.DIST_L2, 3)
    return float(np.percentile(dist[part], 98))


def preprocess(image: Image.Image | np.ndarray | str | os.PathLike) -> np.ndarray | None:
    """An MNIST-like float32 (1, 28, 28) in [0, 1], or None when there is no digit to see.

    The last of `preprocess_steps(image)`. Raises ImageError for an unreadable image.
    """
    name, last = _steps(image, shown=False)[-1]   # the same path, no images for a viewer
    return last[None] if name == STEPS[-1] else None
