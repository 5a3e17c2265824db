"""Every flag naming a file or folder a command writes refuses an empty or blank name, and a
model file's name that is a folder, before any work: "" is "." as a path (QA: `train --out ""`
ended in a traceback, `experiment --out ""` wrote into the default folder, `calibrate --out
""` rewrote MODEL). The export's OUT has its own rule: tests/export/test_export_place.py."""

from __future__ import annotations

import pytest

from nndesk.cli import main
from nndesk.paths import default_model_path

MODEL = str(default_model_path())
# (the command before the flag, the flag, a good name the refusal shows)
PLACES = [
    (["train", "--preset", "TwoLayerNet", "--epochs", "1"], "--out", "model.npz"),
    (["train", "--preset", "TwoLayerNet", "--out", "m.npz"], "--tensorboard", "runs"),
    (["experiment", "overfit", "--epochs", "1"], "--out", "results"),
    (["import", "net.onnx"], "--out", "model.npz"),
    (["finetune", MODEL, "--folder", "mine"], "--out", "tuned.npz"),
    (["calibrate", MODEL], "--out", "calibrated.npz"),
    (["calibrate", MODEL], "--cache", "drawn.npz"),
]
FILES = [place for place in PLACES if place[2].endswith(".npz")]


@pytest.mark.parametrize("blank", ["", "   "])
@pytest.mark.parametrize(("before", "flag", "example"), PLACES)
def test_an_empty_name_is_refused(tmp_path, monkeypatch, capsys, before, flag, example, blank):
    monkeypatch.chdir(tmp_path)
    assert main([*before, flag, blank]) == 2
    err = capsys.readouterr().err
    what = "file" if example.endswith(".npz") else "folder"
    assert f"argument {flag}" in err and f"no {what} name given, e.g. {example}" in err, err
    assert list(tmp_path.iterdir()) == []  # nothing written, nothing begun


@pytest.mark.parametrize(("before", "flag", "example"), FILES)
def test_a_folder_is_no_model_file(tmp_path, capsys, before, flag, example):
    folder = tmp_path / "models"
    folder.mkdir()
    assert main([*before, flag, str(folder)]) == 2
    err = capsys.readouterr().err
    assert f"{folder} is a folder; give a file name, e.g. {folder / example}" in err, err
    assert list(folder.iterdir()) == []


def test_a_name_is_still_a_name(tmp_path, mnist_dir):
    """A plain name still trains and writes its model file (read back)."""
    from nndesk.train import load_model

    out = tmp_path / "m.npz"
    assert main(["train", "--preset", "TwoLayerNet", "--epochs", "1", "--limit", "200",
                 "--batch-size", "50", "--val-split", "100", "--data-dir", str(mnist_dir),
                 "--threads", "1", "--out", str(out)]) == 0
    assert load_model(out).spec["name"] == "TwoLayerNet"
