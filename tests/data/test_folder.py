"""load_folder: the user's own digits, and clear errors for folders that cannot be used."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from nndesk.data.folder import FolderError, load_folder
from nndesk.data.preprocess import preprocess
from nndesk.data.strokes import render_strokes

SEVEN = [[(60, 60), (220, 60), (120, 240)]]
ONE = [[(140, 40), (140, 240)]]


def test_loads_labels_from_sub_folders(tmp_path):
    for label, strokes in ((7, SEVEN), (1, ONE)):
        (tmp_path / str(label)).mkdir()
        img = render_strokes(strokes)
        Image.fromarray(255 - img).save(tmp_path / str(label) / "a.png")   # black on white
        Image.fromarray(img).convert("RGB").save(tmp_path / str(label) / "b.jpg")
    (tmp_path / "7" / "notes.txt").write_text("ignored")
    (tmp_path / "misc").mkdir()
    x, t = load_folder(tmp_path)
    assert x.shape == (4, 1, 28, 28) and x.dtype == np.float32
    assert t.tolist() == [1, 1, 7, 7]
    assert np.abs(x[2] - preprocess(render_strokes(SEVEN))).max() < 0.05


@pytest.mark.parametrize("make, message", [
    (lambda p: None, "no digit sub-folders"),
    (lambda p: (p / "3").mkdir(), "hold no images"),
    (lambda p: ((p / "3").mkdir(), (p / "3" / "x.png").write_bytes(b"junk")),
     "a text file, not an image"),
    (lambda p: ((p / "3").mkdir(), Image.new("L", (50, 50), 255).save(p / "3" / "w.png")),
     "no digit found"),
])
def test_bad_folders(tmp_path, make, message):
    make(tmp_path)
    with pytest.raises(FolderError, match=message):
        load_folder(tmp_path)


def test_skip_bad_and_not_a_folder(tmp_path):
    (tmp_path / "3").mkdir()
    (tmp_path / "3" / "x.png").write_bytes(b"junk")
    Image.fromarray(render_strokes(ONE)).save(tmp_path / "3" / "ok.png")
    x, t = load_folder(tmp_path, skip_bad=True)
    assert len(x) == 1 and t.tolist() == [3]
    with pytest.raises(FolderError, match="not a folder"):
        load_folder(tmp_path / "nope")
