"""The user's digit folder: saved files are what `load_folder` reads; bad input is refused."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk.insight.handwriting import handwriting_accuracy, save_digit


class _Always:
    """A stand-in network that answers `digit` for everything."""

    def __init__(self, digit: int) -> None:
        self.digit = digit

    def predict(self, x):
        p = np.zeros((len(x), 10))
        p[:, self.digit] = 1
        return p


def test_saved_digits_are_read_back_with_their_labels(tmp_path):
    from nndesk.data.folder import load_folder
    from nndesk.data.strokes import render_strokes

    bitmap = render_strokes([[(140, 50), (140, 230)]])
    a = save_digit(bitmap, 1, tmp_path)
    b = save_digit(bitmap, 1, tmp_path)
    c = save_digit(bitmap, 4, tmp_path)
    assert a != b and a.parent.name == "1" and c.parent.name == "4"
    x, t = load_folder(tmp_path)
    assert t.tolist() == [1, 1, 4] and x.shape == (3, 1, 28, 28)
    assert handwriting_accuracy(_Always(1), tmp_path) == {"n": 3, "accuracy": pytest.approx(2 / 3)}
    assert handwriting_accuracy(_Always(1), tmp_path / "none") == {"n": 0, "accuracy": None}


def test_bad_label_or_empty_drawing_is_refused(tmp_path):
    with pytest.raises(ValueError, match="0-9"):
        save_digit(np.full((8, 8), 255, np.uint8), 10, tmp_path)
    with pytest.raises(ValueError, match="nothing drawn"):
        save_digit(np.zeros((8, 8), np.uint8), 3, tmp_path)
    assert not any(tmp_path.iterdir())
