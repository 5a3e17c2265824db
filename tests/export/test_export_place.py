"""Where an export may be written: the one rule (`nndesk.export.place_problem`) of
`nndesk export` and of the window's Export dialog (tests/gui/test_export_dialog.py).

An ONNX file's name ends in .onnx (QA: `--to onnx a.txt` wrote an ONNX file named a.txt); a
folder export's name does not end like a file's; an empty or blank OUT is no name at all (it
was read as ".", the current folder: "`.` exists and is not empty")."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk.cli import main
from nndesk.export import TARGETS, place_problem

# (target, OUT as typed, what the refusal says): every --to choice
REFUSED = [
    ("onnx", "a.txt", "a.txt: an ONNX file ends in .onnx — try a.onnx"),
    ("onnx", "net", "net: an ONNX file ends in .onnx — try net.onnx"),
    ("onnx", "net.onnx.bak", "net.onnx.bak: an ONNX file ends in .onnx — try net.onnx.onnx"),
    ("onnx", ".onnx", ".onnx: give the file a name before .onnx, e.g. model.onnx"),
    ("onnx", "", "no file name given: an ONNX export is one file, e.g. model.onnx"),
    ("onnx", "  ", "no file name given: an ONNX export is one file, e.g. model.onnx"),
    ("pytorch", "b.npz", "b.npz: a PyTorch export is a folder, not a .npz file — try b_pytorch"),
    ("pytorch", "m.pt", "m.pt: a PyTorch export is a folder, not a .pt file — try m_pytorch"),
    ("pytorch", "", "no folder name given: a PyTorch export is a folder, e.g. model_pytorch"),
    ("numpy", "a.onnx", "a.onnx: a NumPy export is a folder, not a .onnx file — try a_numpy"),
    ("numpy", "n.py", "n.py: a NumPy export is a folder, not a .py file — try n_numpy"),
    ("numpy", "", "no folder name given: a NumPy export is a folder, e.g. model_numpy"),
    ("numpy", " \t", "no folder name given: a NumPy export is a folder, e.g. model_numpy"),
]


def test_every_target_has_its_rule():
    assert {target for target, _, _ in REFUSED} == set(TARGETS)


@pytest.mark.parametrize(("target", "out", "said"), REFUSED)
def test_a_wrong_place_is_refused_naming_the_right_one(every_layer_path, tmp_path, capsys,
                                                       monkeypatch, target, out, said):
    """The CLI says what to write instead and writes nothing (not even into "." for "")."""
    work = tmp_path / "work"
    work.mkdir()
    (work / "notes.txt").write_text("mine")  # "" was read as this folder
    monkeypatch.chdir(work)
    assert main(["export", str(every_layer_path), "--to", target, out]) == 2
    assert capsys.readouterr().err == f"nndesk: error: {said}\n"
    assert [p.name for p in work.iterdir()] == ["notes.txt"]
    assert place_problem(target, out) == said


def test_a_folder_is_no_onnx_file(every_layer_path, tmp_path, capsys):
    folder = tmp_path / "exports"
    folder.mkdir()
    for out in (str(folder), f"{folder}/"):
        assert main(["export", str(every_layer_path), "--to", "onnx", out]) == 2
        assert capsys.readouterr().err == (f"nndesk: error: {out} is a folder: an ONNX export "
                                           f"is one file — try {folder / 'model.onnx'}\n")
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize(("target", "out"), [("onnx", "Net.ONNX"), ("numpy", "v1.5"),
                                             ("pytorch", "digitnet_torch")])
def test_the_right_place_is_written_and_reads_back(every_layer_path, tmp_path, target, out):
    """The suggested names work: an .onnx file (any case), a folder with a dot in its name."""
    from nndesk.export.importers import import_model
    from nndesk.train import load_model

    path = tmp_path / out
    assert main(["export", str(every_layer_path), "--to", target, str(path)]) == 0
    want = load_model(every_layer_path).network.state_dict()
    if target == "onnx":
        got = import_model(path).state_dict()
    elif target == "pytorch":
        got = import_model(path / "weights.pt").state_dict()
    else:
        params = np.load(path / "params.npz")
        got = {"0.W": params["W1"]}
    for key, value in got.items():
        np.testing.assert_allclose(value, want[key], rtol=1e-6, atol=1e-7)
