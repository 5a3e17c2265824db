"""What every target shares: a layer no target knows is refused by name, and an export that
fails half-way leaves nothing behind (never half a folder, never a replaced one)."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from nndesk.cli import main
from nndesk.export import ExportError, export_model, plan
from nndesk.nn import LAYERS, Network
from nndesk.nn.base import Layer
from nndesk.train import load_model, save_model


class Softplus(Layer):
    """A layer the engine could grow one day and no exporter knows yet."""

    ACTIVATION = "relu"

    def forward(self, x, train=False):
        return np.logaddexp(0, x)


SPEC = {"name": "Soft", "input_shape": [784],
        "layers": [{"type": "Dense", "units": 8}, {"type": "Softplus"},
                   {"type": "Dense", "units": 10}]}


@pytest.fixture
def softplus_model(monkeypatch, tmp_path):
    monkeypatch.setitem(LAYERS, "Softplus", Softplus)
    path = tmp_path / "soft.npz"
    save_model(path, Network.from_spec(SPEC))
    return path


@pytest.mark.parametrize("target", ["pytorch", "onnx", "numpy"])
def test_an_unknown_layer_is_named(target, softplus_model, tmp_path, capsys):
    out = tmp_path / ("out.onnx" if target == "onnx" else "out")
    assert main(["export", str(softplus_model), "--to", target, str(out)]) == 2
    err = capsys.readouterr().err
    assert "layer 2 (Softplus) cannot be exported yet" in err
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["soft.npz"]   # no temp left over


def test_plan_names_layers_per_target():
    steps = plan({"input_shape": [1, 28, 28], "layers": [
        {"type": "Conv2D", "filters": 2, "kernel_size": 3}, {"type": "BatchNorm"},
        {"type": "ReLU"}, {"type": "MaxPool2D"}, {"type": "Dense", "units": 10}]})
    assert [s.torch_name for s in steps] == ["conv1", "bn1", None, "pool1", "fc1"]
    assert [s.book_name for s in steps] == ["Conv1", "BatchNorm1", "Relu1", "Pool1", "Affine1"]
    assert steps[4].input_shape == (2, 13, 13) and steps[4].flat_in == 338


@pytest.mark.parametrize("error", [RuntimeError("disk full"), KeyboardInterrupt()])
def test_a_failed_export_leaves_no_half_folder(error, every_layer_path, tmp_path, monkeypatch):
    def broken_save(*args, **kwargs):
        raise error

    monkeypatch.setattr(torch, "save", broken_save)   # model.py is written, weights.pt fails
    out = tmp_path / "exports" / "torch"
    with pytest.raises(type(error)):
        export_model(load_model(every_layer_path), "pytorch", out)
    assert not out.exists()
    assert list((tmp_path / "exports").iterdir()) == []


def test_a_failed_replace_keeps_the_old_folder(every_layer_path, tmp_path, monkeypatch):
    out = tmp_path / "book"
    out.mkdir()
    (out / "mine.txt").write_text("keep me")
    with pytest.raises(ExportError, match="not empty"):
        export_model(load_model(every_layer_path), "numpy", out)
    def full_disk(*args, **kwargs):
        raise OSError("no room")

    monkeypatch.setattr(np, "savez", full_disk)
    with pytest.raises(OSError):
        export_model(load_model(every_layer_path), "numpy", out, replace=True)
    assert [p.name for p in out.iterdir()] == ["mine.txt"]
    monkeypatch.undo()
    export_model(load_model(every_layer_path), "numpy", out, replace=True)
    assert sorted(p.name for p in out.iterdir()) == ["mine.txt", "network.py", "params.npz"]
    assert (out / "mine.txt").read_text() == "keep me"
    assert [p.name for p in tmp_path.iterdir()] == ["book"]


@pytest.mark.parametrize("target", ["pytorch", "numpy"])
def test_force_onto_a_folder_replaces_only_the_exports_files(every_layer_path, tmp_path,
                                                             monkeypatch, target):
    """`--force` onto a folder (an earlier export the user trained in, or the current folder)
    writes the export's files and deletes nothing else: not trained.pt, not a sub-folder."""
    work = tmp_path / "my project"
    (work / "notes").mkdir(parents=True)
    (work / "notes" / "a.txt").write_text("mine")
    (work / "trained.pt").write_bytes(b"hours of GPU")
    monkeypatch.chdir(work)
    assert main(["export", str(every_layer_path), "--to", target, ".", "--force"]) == 0
    assert main(["export", str(every_layer_path), "--to", target, str(work), "--force"]) == 0
    names = sorted(p.name for p in work.iterdir())
    assert {"notes", "trained.pt"} < set(names) and len(names) > 2
    assert (work / "trained.pt").read_bytes() == b"hours of GPU"
    assert (work / "notes" / "a.txt").read_text() == "mine"
    assert [p.name for p in tmp_path.iterdir()] == ["my project"]   # no temp folder left


def test_onnx_export_refuses_to_overwrite_without_force(every_layer_path, tmp_path, capsys):
    out = tmp_path / "net.onnx"
    out.write_bytes(b"precious")
    assert main(["export", str(every_layer_path), "--to", "onnx", str(out)]) == 2
    assert "use --force" in capsys.readouterr().err and out.read_bytes() == b"precious"
    assert main(["export", str(every_layer_path), "--to", "onnx", str(out), "--force"]) == 0
    assert out.read_bytes() != b"precious"


def test_import_needs_a_spec_for_a_bare_state_dict(tmp_path, capsys):
    torch.save({"fc1.weight": torch.zeros(10, 784)}, tmp_path / "bare.pt")
    assert main(["import", str(tmp_path / "bare.pt"), "--out", str(tmp_path / "b.npz")]) == 2
    assert "no network spec" in capsys.readouterr().err


def test_nndesk_never_imports_the_extras_until_an_export_runs():
    import subprocess
    import sys

    code = ("import sys; from nndesk.cli import main; "
            "import nndesk.export.pytorch, nndesk.export.onnx_export, nndesk.export.importers, "
            "nndesk.export.numpy_book, nndesk.export.tensorboard, nndesk.cli.export_cmd; "
            "main(['info', '--preset', 'TwoLayerNet']); "
            "print(sorted(m for m in ('torch', 'onnx', 'onnxruntime', 'tensorboardX') "
            "if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_a_strange_name_never_becomes_code():
    from nndesk.export.numpy_book import numpy_source
    from nndesk.export.pytorch import model_source

    spec = {"name": '我的网络 """; import os #', "input_shape": [784],
            "layers": [{"type": "Dense", "units": 10}]}
    for source in (model_source(spec), numpy_source(spec)):
        compile(source, "exported.py", "exec")          # valid Python
        assert "import os" not in source and "class importos" in source


GRU_SPEC = {"name": "Seq", "input_shape": [None, 5], "layers": [
    {"type": "GRU", "units": 4}, {"type": "Dense", "units": 10}]}


@pytest.mark.parametrize("kind", ["image", "sequence"])
def test_written_files_are_the_files_written(kind, tmp_path):
    """What the export dialog lists is what lands in the folder: a sequence model's PyTorch
    folder has no train.py, and book-style NumPy refuses it before writing."""
    from nndesk.export import export_problem, written_files
    from nndesk.train import ModelFile

    spec = SPEC_IMAGE if kind == "image" else GRU_SPEC
    net = Network.from_spec(spec, seed=0)
    model = ModelFile(network=net, spec=net.spec, metadata={}, checkpoint=None)
    export_model(model, "pytorch", tmp_path / "pt")
    assert sorted(p.name for p in (tmp_path / "pt").iterdir()) == sorted(
        written_files(spec, "pytorch"))
    assert ("train.py" in written_files(spec, "pytorch")) == (kind == "image")
    if kind == "image":
        assert export_problem(spec, "numpy") is None
        export_model(model, "numpy", tmp_path / "np")
        assert sorted(p.name for p in (tmp_path / "np").iterdir()) == ["network.py",
                                                                       "params.npz"]
    else:
        assert export_problem(spec, "numpy").startswith("layer 1 (GRU) cannot be exported")
        assert export_problem(spec, "pytorch") is None
        with pytest.raises(ExportError):
            export_model(model, "numpy", tmp_path / "np")
    with pytest.raises(ExportError, match="unknown target"):
        written_files(spec, "keras")


SPEC_IMAGE = {"name": "Img", "input_shape": [784],
              "layers": [{"type": "Dense", "units": 8}, {"type": "ReLU"},
                         {"type": "Dense", "units": 10}]}


def test_import_of_an_export_folder_names_the_file_to_pass(every_layer_path, tmp_path, capsys):
    """QA: `nndesk import d_pt` (the folder an export wrote) said "file not found: d_pt"."""
    folder = tmp_path / "d_pt"
    assert main(["export", str(every_layer_path), "--to", "pytorch", str(folder)]) == 0
    capsys.readouterr()
    assert main(["import", str(folder), "--out", str(tmp_path / "b.npz")]) == 2
    err = capsys.readouterr().err
    assert "file not found" not in err
    assert f"{folder} is a folder (an nndesk export for PyTorch), not a model file" in err
    assert f"nndesk import {folder / 'weights.pt'} --out" in err
    assert main(["import", str(folder / "weights.pt"), "--out", str(tmp_path / "b.npz")]) == 0
    (tmp_path / "empty").mkdir()
    assert main(["import", str(tmp_path / "empty"), "--out", str(tmp_path / "c.npz")]) == 2
    assert "is a folder, not a model file; give a .pt/.pth state_dict or an .onnx" in \
        capsys.readouterr().err
