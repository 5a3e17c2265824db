"""Fine-tuning on the user's digits: a deterministic per-file split, a copy that learns the
user's hand, the model given untouched, MNIST measured, cancel between batches, the CLI."""

from __future__ import annotations

import hashlib
import json
import shutil

import numpy as np
import pytest
from PIL import Image

from nndesk.insight.handwriting import (
    HELD_OUT_SHARE,
    finetune,
    finetuned_metadata,
    folder_files,
    is_held_out,
    load_split,
)

N = 160  # the user's digits in the test folder


def _slanted(x: np.ndarray) -> np.ndarray:
    """A hand the softmax regression never saw: each 28x28 digit sheared hard to the right and
    drawn thick (a dilation), as 8-bit images."""
    import cv2

    shear = np.float32([[1, -0.7, 10], [0, 1, 0]])  # x' = x - 0.7 y + 10: top leans right
    out = []
    for img in x[:, 0]:
        sheared = cv2.warpAffine((255 * img).astype(np.uint8), shear, (28, 28))
        out.append(cv2.dilate(sheared, np.ones((2, 2), np.uint8)))
    return np.asarray(out, np.uint8)


@pytest.fixture(scope="module")
def user_folder(tmp_path_factory, trained_softmax):
    """N MNIST test digits in a slanted, thick hand, as PNG files under 0/ ... 9/."""
    _, d = trained_softmax
    root = tmp_path_factory.mktemp("mine")
    for i, (img, label) in enumerate(zip(_slanted(d.x_test[-N:]), d.t_test[-N:], strict=True)):
        (root / str(label)).mkdir(exist_ok=True)
        Image.fromarray(img).save(root / str(label) / f"{i:04d}.png")
    return root


@pytest.fixture(scope="module")
def split(user_folder):
    return load_split(user_folder)


def test_the_split_is_by_each_files_bytes(user_folder, split, tmp_path):
    files = folder_files(user_folder)
    assert len(files) == N and {label for _, label in files} == set(range(10))
    held = [p for p, _ in files
            if int(hashlib.sha256(p.read_bytes()).hexdigest()[:8], 16) < HELD_OUT_SHARE * 2**32]
    assert [p for p, _ in files if is_held_out(p)] == held
    assert 0.15 < len(held) / N < 0.35
    assert split.files_held == held and len(split.t_train) + len(split.t_held) == N
    assert split.files_train == [p for p, _ in files if p not in held]
    assert split.t_held.tolist() == [int(p.parent.name) for p in held]
    # a copy under another name is on the same side: the bytes decide, never the name or
    # the other files, so adding a digit moves no other
    shutil.copy(held[0], tmp_path / "copy.png")
    shutil.copy(split.files_train[0], tmp_path / "copy2.png")
    assert is_held_out(tmp_path / "copy.png") and not is_held_out(tmp_path / "copy2.png")


def test_finetuning_learns_the_hand_and_keeps_mnist(split, trained_softmax):
    net, d = trained_softmax
    weights = {k: v.copy() for k, v in net.state_dict().items()}
    test = (d.x_test[:1000], d.t_test[:1000])
    result = finetune(net, split, mnist_pool=(d.x_train[:5000], d.t_train[:5000]),
                      mnist_test=test, epochs=8, lr=0.01, augment=False)
    assert all(np.array_equal(v, net.state_dict()[k]) for k, v in weights.items())
    mine = (net.predict(split.x_held).argmax(1) == split.t_held).mean()
    assert result.before["held_out"] == pytest.approx(mine)
    assert result.before["mnist"] == pytest.approx(
        (net.predict(test[0]).argmax(1) == test[1]).mean())
    theirs = (result.network.predict(split.x_held).argmax(1) == split.t_held).mean()
    assert result.after["held_out"] == pytest.approx(theirs)
    assert result.after["held_out"] > result.before["held_out"] + 0.15  # the hand is learnt
    assert result.after["mnist"] > result.before["mnist"] - 0.05  # and MNIST not forgotten
    assert result.n_train == len(split.t_train)
    assert result.n_mnist_mixed == max(256, 3 * len(split.t_train))  # 3 per digit, at least 256
    assert not result.stopped and result.epochs_done == 8
    md = finetuned_metadata({"accuracy": 0.9, "calibration": {"temperature": 1.5},
                             "command": "nndesk train --out m.npz", "epochs": 3}, result,
                            source={"name": "m.npz"})
    assert md["accuracy"] == result.after["mnist"] and md["accuracy_images"] == 1000
    assert md["parent"] == {"accuracy": 0.9, "command": "nndesk train --out m.npz",
                            "epochs": 3}  # the start model's story, as its own
    assert "command" not in md and "epochs" not in md and md["finetuned"]["time_s"] > 0
    assert md["finetuned"]["after"] == result.after and md["finetuned"]["from"]["name"] == "m.npz"
    assert "fitted before fine-tuning" in md["calibration"]["info"]["carried_over"]


def test_cancel_stops_between_batches(split, trained_softmax):
    from nndesk.train import TrainControl

    net, d = trained_softmax
    control = TrainControl()
    seen = []

    def progress(done: int, total: int) -> None:
        seen.append(done)
        if done == 2:
            control.stop()

    result = finetune(net, split, epochs=5, on_progress=progress,
                      control=control)
    assert result.stopped and seen == [1, 2] and result.epochs_done == 0


def test_nothing_to_learn_from_is_an_error(tmp_path, trained_softmax):
    from nndesk.data.folder import FolderError

    with pytest.raises(FolderError, match="not a folder"):
        load_split(tmp_path / "missing")
    (tmp_path / "5").mkdir()
    (tmp_path / "5" / "a.png").write_bytes(b"not a png")
    with pytest.raises(FolderError, match="no readable digit"):
        load_split(tmp_path)


def test_the_cli_saves_a_new_model_and_reports_before_and_after(user_folder, split,
                                                                trained_softmax, tmp_path,
                                                                capsys):
    from nndesk.cli import main
    from nndesk.train import load_model, save_model

    net, _ = trained_softmax
    src = save_model(tmp_path / "src.npz", net, {"accuracy": 0.8})
    before = src.read_bytes()
    out = tmp_path / "mine.npz"
    assert main(["finetune", str(src), "--folder", str(user_folder), "-o", str(out),
                 "--epochs", "2", "--lr", "0.01", "--mnist-test", "500", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert src.read_bytes() == before  # the model started from is never changed
    model = load_model(out)
    assert model.metadata["finetuned"]["after"] == report["after"]
    assert model.metadata["finetuned"]["from"]["name"] == "src.npz"
    assert report["n_mnist_test"] == 500 and report["after"]["held_out"] is not None
    acc = (model.network.predict(split.x_held).argmax(1) == split.t_held).mean()
    assert report["after"]["held_out"] == pytest.approx(acc)
    assert main(["finetune", str(src), "--folder", str(user_folder), "-o", str(src)]) == 2
    assert "never replaced" in capsys.readouterr().err
    assert main(["finetune", str(src), "--folder", str(tmp_path / "none"), "-o",
                 str(tmp_path / "x.npz")]) == 2
    assert "not a folder" in capsys.readouterr().err


def test_calibrate_is_one_command(tmp_path, capsys):
    from nndesk.cli import main

    assert main(["calibrate", "--help"]) == 0
    assert "MODEL" in capsys.readouterr().out
    assert main(["calibrate", str(tmp_path / "none.npz")]) == 2
    assert "model file not found" in capsys.readouterr().err


def test_a_hand_style_is_the_geometry_it_names():
    from nndesk.data.pendigits import PenDigit
    from nndesk.insight.handwriting import HandStyle, styled

    seven = PenDigit(7, 3, (np.array([[0.0, 0.0], [10.0, 0.0], [4.0, 20.0]]),))
    out = styled(seven, HandStyle(slant=0.5, aspect=2.0, flag_one=True, bar_seven=True))
    assert out.label == 7 and out.writer == 3 and len(out.strokes) == 2  # the bar
    # middle y = 10: x' = (x + 0.5 * (10 - y)) * 2
    np.testing.assert_allclose(out.strokes[0], [[10, 0], [30, 0], [(4 - 5) * 2, 20]])
    bar = out.strokes[1]
    assert bar[0, 1] == bar[1, 1] == 10 and bar[1, 0] - bar[0, 0] == pytest.approx(20)  # 0.5 h
    one = PenDigit(1, 3, (np.array([[5.0, 0.0], [5.0, 20.0]]),))
    flagged = styled(one, HandStyle(slant=0.0, aspect=1.0, flag_one=True))
    np.testing.assert_allclose(flagged.strokes[0], [[-4, 8], [5, 0], [5, 20]])  # up-stroke
    plain = styled(one, HandStyle(slant=0.0, aspect=1.0))
    np.testing.assert_allclose(plain.strokes[0], one.strokes[0])


def test_finetuning_on_a_synthetic_users_pen_digits_raises_their_held_out_accuracy(
        pen_subset, trained_softmax, tmp_path):
    from nndesk.data.pendigits import load_pendigits
    from nndesk.insight.handwriting import HandStyle, write_styled_folder

    net, d = trained_softmax
    mine = [p for p in load_pendigits(pen_subset) if p.writer in (1, 2, 17)]  # never 21
    files = write_styled_folder(mine, tmp_path / "user", HandStyle(slant=-0.6, aspect=0.5))
    assert len(files) == len(mine) == 180 and all(f.is_file() for f in files)
    split = load_split(tmp_path / "user")
    assert len(split.t_held) >= 30
    result = finetune(net, split, mnist_pool=(d.x_train[:3000], d.t_train[:3000]),
                      mnist_test=(d.x_test[:500], d.t_test[:500]), epochs=10, lr=0.01,
                      augment=False)
    assert result.after["held_out"] >= result.before["held_out"] + 0.1
    assert result.after["mnist"] >= result.before["mnist"] - 0.05


def test_calibrate_passes_its_settings_on(tmp_path, monkeypatch):
    import nndesk.insight.calibrate as c
    from nndesk.cli import main

    seen = []
    monkeypatch.setattr(c, "main", lambda argv: seen.append(argv) or 0)
    model = tmp_path / "m.npz"
    model.write_bytes(b"x")
    assert main(["calibrate", str(model), "--cache", "d.npz", "--extras", "none",
                 "--mnist-coverage", "0.997"]) == 0
    assert seen == [[str(model), "--jobs", "1", "--cache", "d.npz", "--extras", "none",
                     "--mnist-coverage", "0.997"]]
