"""The one preprocessing path: any image in, an MNIST-like (1, 28, 28) or None out."""

from __future__ import annotations

import os

import numpy as np
import pytest
from PIL import Image

from nndesk.data import preprocess as pp
from nndesk.data.mnist import load_mnist
from nndesk.data.preprocess import ImageError, open_image, preprocess
from nndesk.data.strokes import render_strokes


@pytest.fixture(scope="module")
def mnist_test(mnist_dir):
    s = load_mnist(data_dir=mnist_dir, flatten=False, val_split=0)
    return s


@pytest.fixture(scope="module")
def knn_model(mnist_test):
    """A 3-nearest-neighbour classifier on 20,000 MNIST training images (~95% accurate)."""
    x = mnist_test.x_train[:20000].reshape(20000, -1)
    t = mnist_test.t_train[:20000]
    sq = (x * x).sum(1)

    def predict(imgs: np.ndarray) -> np.ndarray:
        d = sq[:, None] - 2 * x @ imgs.reshape(len(imgs), -1).T        # (20000, N)
        nearest = t[np.argpartition(d, 3, axis=0)[:3]]                 # (3, N)
        return np.array([np.bincount(c, minlength=10).argmax() for c in nearest.T])
    return predict


def _drawn_large(digit: np.ndarray, rng) -> np.ndarray:
    """The 28x28 digit as a person's photo of it: 9x bigger, thicker, off-centre, black on white."""
    big = np.asarray(Image.fromarray((digit * 255).astype(np.uint8)).resize((252, 252),
                                                                            Image.BILINEAR))
    thick = big.copy()
    for dy, dx in ((0, 3), (3, 0), (3, 3), (-3, 0), (0, -3)):  # bolder strokes
        thick = np.maximum(thick, np.roll(big, (dy, dx), axis=(0, 1)))
    page = np.zeros((420, 600), np.uint8)
    y, x = rng.integers(0, 420 - 252), rng.integers(0, 100)   # hard against the left
    page[y:y + 252, x:x + 252] = thick
    return 255 - page                                          # black ink on white paper


def test_large_offcentre_thick_black_on_white(mnist_test, knn_model):
    rng = np.random.default_rng(0)
    digits = mnist_test.x_test[:40, 0]
    outs = []
    for digit in digits:
        out = preprocess(_drawn_large(digit, rng))
        assert out.shape == (1, 28, 28) and out.dtype == np.float32
        assert 0 <= out.min() and out.max() == pytest.approx(1.0)
        assert np.corrcoef(out.ravel(), digit.ravel())[0, 1] > 0.8
        outs.append(out[0])
    answers = knn_model(digits)
    assert (answers == mnist_test.t_test[:40]).mean() >= 0.9    # the model itself is sound
    np.testing.assert_array_equal(knn_model(np.stack(outs)), answers)


def test_mnist_digit_passes_through_unchanged(mnist_test):
    for digit in mnist_test.x_test[:50, 0]:
        assert np.corrcoef(preprocess(digit).ravel(), digit.ravel())[0, 1] > 0.9


def test_centre_of_mass_not_box_centre_goes_to_the_middle():
    """A gamma shape: its centre of mass and the centre of its box differ, so only centring by
    the centre of mass puts the mass at (14, 14) and the box 3.56 px lower right."""
    img = np.zeros((200, 300), np.uint8)
    img[20:30, 100:190] = 255    # bar 90 x 10: area 900, centre (row 25, col 145)
    img[30:90, 100:110] = 255    # leg 10 x 60: area 600, centre (row 60, col 105)
    out = preprocess(img)[0]
    # by hand: mass centre (39, 129), box centre (55, 145), scale 20 / 90 px per px
    box_offset = (55 - 39) * 20 / 90                                   # = 3.556 px
    ys = np.arange(28)
    m = out.sum()
    assert (out.sum(1) @ ys) / m == pytest.approx(pp.CENTRE, abs=0.05)
    assert (out.sum(0) @ ys) / m == pytest.approx(pp.CENTRE, abs=0.05)
    for profile in (out.max(1), out.max(0)):
        on = np.flatnonzero(profile > 0.5)
        assert (on[0] + on[-1]) / 2 == pytest.approx(pp.CENTRE + box_offset, abs=0.6)
    assert out.max(0).sum() == pytest.approx(20, abs=0.3)              # longer side 20 px
    assert out.max(1).sum() == pytest.approx(20 * 70 / 90, abs=0.3)    # aspect kept


def _ring(size=280):
    return render_strokes([[(140 + 80 * np.sin(a), 140 + 100 * np.cos(a))
                            for a in np.linspace(0, 2 * np.pi, 40)]], size=size)


def test_every_input_kind_gives_the_same_digit(tmp_path):
    canvas = _ring()                                  # white on black uint8
    ref = preprocess(canvas)
    black_on_white = 255 - canvas
    rgb = np.repeat(black_on_white[..., None], 3, axis=2)
    rgba = np.zeros((280, 280, 4), np.uint8)          # black ink on transparent
    rgba[..., 3] = canvas
    rgba_light = rgba.copy()                          # white ink on transparent
    rgba_light[..., :3] = 255
    Image.fromarray(rgb).save(tmp_path / "d.png")
    Image.fromarray(rgba).save(tmp_path / "t.png")
    Image.fromarray(black_on_white).save(tmp_path / "d.jpg", quality=90)
    for image in (black_on_white, rgb, rgba, rgba_light, canvas / 255.0, canvas[None],
                  Image.fromarray(canvas), tmp_path / "d.png", str(tmp_path / "t.png"),
                  Image.fromarray(rgba), tmp_path / "d.jpg"):
        out = preprocess(image)
        assert out is not None and np.abs(out - ref).max() < 0.1, type(image)


def test_empty_and_nearly_empty_are_no_digit():
    assert preprocess(np.zeros((280, 280), np.uint8)) is None
    assert preprocess(np.full((280, 280), 255, np.uint8)) is None      # blank paper
    speck = np.zeros((280, 280), np.uint8)
    speck[100, 100:103] = 255
    assert preprocess(speck) is None
    noisy = np.random.default_rng(0).integers(120, 136, (100, 100)).astype(np.uint8)
    assert preprocess(noisy) is None                                   # grey paper, no ink
    assert preprocess(render_strokes([[(140, 140)]])) is None          # one click on the canvas
    assert preprocess(render_strokes([[(140, 140), (143, 142)]])) is None    # a tick
    assert preprocess(render_strokes([[(140, 100), (140, 160)]])) is not None  # a small "1"
    assert preprocess(np.zeros((1, 1), np.uint8)) is None
    assert preprocess(np.full((1, 1), 255, np.uint8)) is None


def test_tiny_images():
    one = preprocess(np.array([[0, 0, 0], [0, 255, 0], [0, 0, 0]], np.uint8))
    assert one.shape == (1, 28, 28) and one.max() == pytest.approx(1)
    with pytest.raises(ImageError):
        preprocess(np.zeros((0, 5)))
    with pytest.raises(ImageError):
        preprocess(np.zeros((2, 3, 5)))


def test_huge_image_is_reduced_not_blown_up(tmp_path):
    big = Image.new("L", (8000, 8000), 255)
    big.paste(0, (2000, 1000, 3000, 7000))            # a thick black "1"
    big.save(tmp_path / "big.png")
    out = preprocess(tmp_path / "big.png")
    assert out is not None and max(open_image(tmp_path / "big.png").size) <= pp.WORK_SIDE
    rows = np.flatnonzero(out[0].max(1) > 0.5)
    assert 19 <= rows[-1] - rows[0] + 1 <= 20


def test_decompression_bomb_is_refused(tmp_path, monkeypatch):
    Image.new("L", (3000, 3000)).save(tmp_path / "bomb.png")   # 9 Mpx, compresses to ~10 kB
    monkeypatch.setattr(pp, "MAX_PIXELS", 4_000_000)
    with pytest.raises(ImageError, match="too large"):
        preprocess(tmp_path / "bomb.png")
    monkeypatch.setattr(pp, "MAX_PIXELS", 10**12)
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1_000_000)  # Pillow's own guard, too
    with pytest.raises(ImageError, match="decompression bomb"):
        preprocess(tmp_path / "bomb.png")


def test_not_an_image(tmp_path):
    (tmp_path / "x.png").write_bytes(b"not a png at all")
    with pytest.raises(ImageError, match="a text file, not an image"):  # what it is
        preprocess(tmp_path / "x.png")
    (tmp_path / "y.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\xff" * 40)  # a damaged PNG
    with pytest.raises(ImageError, match="a damaged PNG image, cut short or corrupted"):
        preprocess(tmp_path / "y.png")


def test_huge_array_is_reduced_like_a_file():
    big = np.full((6000, 3000), 255, np.uint8)
    big[1000:5000, 1200:1700] = 0                          # a thick black bar
    out = preprocess(big)
    assert out is not None and out.dtype == np.float32
    assert out[0].max(1).sum() == pytest.approx(20, abs=0.5)
    assert preprocess(np.zeros((5, 5), np.float64)) is None
    assert preprocess(np.eye(5, dtype=np.float64)).dtype == np.float32


def test_one_bit_image_larger_than_the_work_size(tmp_path):
    """1-bit scans bigger than WORK_SIDE are reduced like any other (was "wrong mode")."""
    img = Image.new("1", (3000, 2400), 1)                  # white page
    img.paste(0, (1200, 400, 1500, 2000))                  # a black bar, 300 x 1600
    img.save(tmp_path / "scan.png")
    with Image.open(tmp_path / "scan.png") as stored:
        assert stored.mode == "1"
    out = preprocess(tmp_path / "scan.png")
    assert out is not None
    rows, cols = np.flatnonzero(out[0].max(1) > 0.5), np.flatnonzero(out[0].max(0) > 0.5)
    assert rows[-1] - rows[0] + 1 == pytest.approx(20, abs=1)
    assert cols[-1] - cols[0] + 1 == pytest.approx(20 * 300 / 1600, abs=1)


def test_only_regular_files_are_opened(tmp_path):
    """A FIFO named like an image would block the reader forever: refused at once."""
    fifo = tmp_path / "x.png"
    os.mkfifo(fifo)
    with pytest.raises(ImageError, match=r"x\.png: not a regular file"):
        preprocess(fifo)
    (tmp_path / "dir.png").mkdir()
    with pytest.raises(ImageError, match=r"dir\.png: a folder, not a file"):
        preprocess(tmp_path / "dir.png")


@pytest.mark.parametrize("make", ["missing", "garbage", "truncated", "empty"])
def test_every_image_error_names_the_file(tmp_path, make):
    path = tmp_path / f"{make}-digit.png"
    if make == "garbage":
        path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 50)
    elif make == "truncated":
        Image.fromarray(np.full((300, 300), 128, np.uint8)).save(path)
        path.write_bytes(path.read_bytes()[:200])
    elif make == "empty":
        path.write_bytes(b"")
    with pytest.raises(ImageError) as err:
        preprocess(path)
    assert str(err.value).startswith(f"{path}: ")


def test_exif_orientation_is_honoured(tmp_path):
    """A phone stores the pixels sideways and says so in EXIF: the digit must stand upright."""
    upright = np.full((200, 120), 255, np.uint8)
    upright[20:180, 90:105] = 0                 # a "1" leaning on the right...
    upright[20:35, 20:105] = 0                  # ...with a bar on top: a "7" without slant
    sideways = np.rot90(upright, 1)             # stored turned 90 degrees anticlockwise
    exif = Image.Exif()
    exif[0x0112] = 6                            # Orientation 6: rotate 90 clockwise to show
    Image.fromarray(np.ascontiguousarray(sideways)).save(tmp_path / "phone.jpg", exif=exif,
                                                         quality=95)
    expected = preprocess(upright)
    got = preprocess(tmp_path / "phone.jpg")
    assert np.abs(got - expected).max() < 0.15
    assert np.abs(preprocess(np.ascontiguousarray(sideways)) - expected).max() > 0.5


def test_a_truncated_jpeg_is_named_as_a_damaged_jpeg(tmp_path):
    """One reading of a decoding failure for the CLI and the window (data.preprocess)."""
    import io

    buf = io.BytesIO()
    Image.fromarray(np.full((64, 64), 200, np.uint8)).save(buf, format="JPEG")
    data = buf.getvalue()
    for cut, reason in ((len(data) // 2, "Truncated File Read"),  # in the header
                        (len(data) - 20, "image file is truncated")):  # in the pixels
        (tmp_path / "cut.jpg").write_bytes(data[:cut])
        with pytest.raises(ImageError, match=r"cut\.jpg: a damaged JPEG image, cut short or "
                                             rf"corrupted \({reason}"):
            preprocess(tmp_path / "cut.jpg")
