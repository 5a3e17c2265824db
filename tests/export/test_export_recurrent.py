"""Recurrent networks exported to PyTorch and ONNX: the shipped PenGRU on real pen digits and a
small variable-length LSTM/RNN/GRU stack on end-padded batches give nndesk's numbers in torch
and in onnxruntime (1e-5), and come back into nndesk from the exported state_dict."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys

import numpy as np
import onnxruntime as ort
import pytest
import torch

from nndesk.data.pendigits import load_pendigits
from nndesk.data.trajectory import sequence_set
from nndesk.export import ExportError, export_model
from nndesk.export.importers import import_model
from nndesk.export.torch_recurrent import ResetBeforeGRU, run_recurrent
from nndesk.nn import Network
from nndesk.paths import models_dir
from nndesk.train import load_model, save_model

TRAJECTORY = models_dir() / "trajectory.npz"
TOL = 1e-5

# Every recurrent kind, both directions, stacked, on sequences of any length: the
# first layer's gate reordering (LSTM), the plain RNN and the GRU's reset gate all matter.
STACK = {"name": "Stack", "input_shape": [None, 3], "layers": [
    {"type": "LSTM", "units": 4, "bidirectional": True, "return_sequences": True},
    {"type": "Tanh"},
    {"type": "RNN", "units": 3, "return_sequences": True},
    {"type": "GRU", "units": 5, "bidirectional": True},
    {"type": "Dense", "units": 10}]}


def _module(folder):
    """The exported model.py, imported as a module of its own."""
    spec = importlib.util.spec_from_file_location(f"exported_{folder.name}", folder / "model.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _stack_network() -> Network:
    """STACK with every weight and bias moved off its initial value (zero biases would hide
    a bias put in the wrong gate)."""
    net = Network.from_spec(STACK, seed=4)
    rng = np.random.default_rng(4)
    for value in net.params().values():
        value += rng.normal(0, 0.4, value.shape).astype(value.dtype)
    return net


@pytest.fixture(scope="module")
def pen_sequences(pen_subset):
    """Writer 21's 60 pen digits as PenGRU reads them, (60, 32, 5)."""
    digits = [d for d in load_pendigits(pen_subset) if d.writer == 21]
    return sequence_set(digits)[0]


def test_pen_gru_in_torch_and_onnxruntime(tmp_path, pen_sequences):
    model = load_model(TRAJECTORY)
    expected = model.network.predict(pen_sequences)
    logits = model.network.forward(pen_sequences)
    folder = export_model(model, "pytorch", tmp_path / "torch")
    assert sorted(p.name for p in folder.iterdir()) == ["README.md", "model.py", "spec.json",
                                                        "weights.pt"]      # no MNIST train.py
    exported = _module(folder)
    net = exported.load_model(folder / "weights.pt")
    assert type(net.gru1).__name__ == "ResetBeforeGRU"        # model.py's own copy
    np.testing.assert_allclose(exported.predict(net, pen_sequences).numpy(), expected, atol=TOL)
    export_model(model, "onnx", tmp_path / "pen.onnx")
    session = ort.InferenceSession(str(tmp_path / "pen.onnx"), providers=["CPUExecutionProvider"])
    assert [i.name for i in session.get_inputs()] == ["sequence"]
    got_logits, got = session.run(["logits", "probabilities"], {"sequence": pen_sequences})
    np.testing.assert_allclose(got_logits, logits, atol=TOL)
    np.testing.assert_allclose(got, expected, atol=TOL)
    assert (got.argmax(1) == expected.argmax(1)).all()
    for back in (import_model(folder / "weights.pt"),               # spec.json beside it
                 import_model(tmp_path / "pen.onnx")):
        assert back.spec["layers"] == model.network.spec["layers"]
        for key, value in model.network.state_dict().items():
            np.testing.assert_allclose(back.state_dict()[key], value, atol=1e-7, err_msg=key)


def test_torch_gru_is_another_function_than_nndesks(pen_sequences):
    """The reason for ResetBeforeGRU: the same weights in torch.nn.GRU (reset gate after the
    recurrent product) give other hidden states than nndesk's GRU."""
    model = load_model(TRAJECTORY)
    gru = model.network.layers[0].pair.fw                          # the forward direction
    ours = ResetBeforeGRU(5, 64)
    theirs = torch.nn.GRU(5, 64, batch_first=True)
    from nndesk.export.pytorch import torch_arrays

    arrays = torch_arrays({"input_shape": [32, 5], "layers": [
        {"type": "GRU", "units": 64}, {"type": "Dense", "units": 10}]},
        {"0.W": gru.params["W"], "0.U": gru.params["U"], "0.b": gru.params["b"],
         "1.W": np.zeros((64, 10), np.float32), "1.b": np.zeros(10, np.float32)})
    state = {k.removeprefix("gru1."): torch.from_numpy(v) for k, v in arrays.items()
             if k.startswith("gru1.")}
    ours.load_state_dict(state)
    theirs.load_state_dict(state)
    x = torch.from_numpy(pen_sequences)
    gru.forward(pen_sequences)
    with torch.no_grad():
        np.testing.assert_allclose(run_recurrent(ours, x).numpy(), gru.last[0], atol=TOL)
        assert np.abs(run_recurrent(theirs, x).numpy() - gru.last[0]).max() > 1e-2


def test_variable_length_stack_with_padding(tmp_path):
    net = _stack_network()
    path = tmp_path / "stack.npz"
    save_model(path, net)
    lengths = np.array([7, 3, 5, 1, 6])
    rng = np.random.default_rng(0)
    x = rng.normal(0, 1, (5, 7, 3)).astype(np.float32)   # padding holds garbage, not zeros
    expected = net.predict(x, lengths=lengths)
    alone = np.concatenate([net.predict(x[i:i + 1, :n]) for i, n in enumerate(lengths)])
    np.testing.assert_allclose(expected, alone, atol=1e-6)  # nndesk: padding changes nothing
    model = load_model(path)
    folder = export_model(model, "pytorch", tmp_path / "torch")
    exported = _module(folder)
    tnet = exported.load_model(folder / "weights.pt")
    assert type(tnet.lstm1) is torch.nn.LSTM and type(tnet.rnn1) is torch.nn.RNN
    np.testing.assert_allclose(exported.predict(tnet, x, torch.from_numpy(lengths)).numpy(),
                               expected, atol=TOL)
    full = net.predict(x)                                 # without lengths: every step is real
    np.testing.assert_allclose(exported.predict(tnet, x).numpy(), full, atol=TOL)
    export_model(model, "onnx", tmp_path / "stack.onnx")
    session = ort.InferenceSession(str(tmp_path / "stack.onnx"),
                                   providers=["CPUExecutionProvider"])
    assert [i.name for i in session.get_inputs()] == ["sequence", "lengths"]
    (got,) = session.run(["probabilities"], {"sequence": x, "lengths": lengths.astype(np.int32)})
    np.testing.assert_allclose(got, expected, atol=TOL)
    (got,) = session.run(["probabilities"], {"sequence": x[:, :3],
                                             "lengths": np.full(5, 3, np.int32)})
    np.testing.assert_allclose(got, net.predict(x[:, :3]), atol=TOL)   # another T
    for back in (import_model(folder / "weights.pt"), import_model(tmp_path / "stack.onnx")):
        assert back.spec["input_shape"] == [None, 3]
        np.testing.assert_allclose(back.predict(x, lengths=lengths), expected, atol=1e-6)


def test_onnx_import_refuses_torchs_gru(tmp_path):
    """A GRU that resets after the recurrent product (torch.nn.GRU's, ONNX
    linear_before_reset=1) is not nndesk's GRU: refused with the reason, not misread."""
    import onnx

    net = Network.from_spec({"input_shape": [4, 2], "layers": [
        {"type": "GRU", "units": 3}, {"type": "Dense", "units": 10}]})
    save_model(tmp_path / "g.npz", net)
    export_model(load_model(tmp_path / "g.npz"), "onnx", tmp_path / "g.onnx")
    proto = onnx.load(str(tmp_path / "g.onnx"))
    gru = next(n for n in proto.graph.node if n.op_type == "GRU")
    gru.attribute.append(onnx.helper.make_attribute("linear_before_reset", 1))
    del gru.attribute[[a.name for a in gru.attribute].index("linear_before_reset")]
    onnx.save(proto, str(tmp_path / "torch_gru.onnx"))
    with pytest.raises(ExportError, match="resets after the recurrent product"):
        import_model(tmp_path / "torch_gru.onnx")


def test_exported_model_py_reads_as_written(tmp_path):
    path = tmp_path / "stack.npz"
    save_model(path, _stack_network())
    folder = export_model(load_model(path), "pytorch", tmp_path / "torch")
    source = (folder / "model.py").read_text(encoding="utf-8")
    assert "self.lstm1 = nn.LSTM(3, 4, batch_first=True, bidirectional=True)" in source
    assert "self.gru1 = ResetBeforeGRU(3, 5, bidirectional=True)" in source
    assert "x = run_recurrent(self.lstm1, x, lengths, return_sequences=True)" in source
    assert "INPUT_SHAPE = (None, 3)" in source and "(N, T, 8)" in source
    assert json.loads((folder / "spec.json").read_text())["input_shape"] == [None, 3]
    assert "ResetBeforeGRU" in (folder / "README.md").read_text()
    export_model(load_model(TRAJECTORY), "pytorch", tmp_path / "pen")
    done = subprocess.run([sys.executable, "-m", "ruff", "check", "--isolated",
                           "--line-length", "100", "--select", "E,F,W,B", str(folder),
                           str(tmp_path / "pen")], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_numpy_target_refuses_recurrent_layers(tmp_path):
    with pytest.raises(ExportError, match=r"layer 1 \(LSTM\).*pytorch or onnx"):
        export_model(load_model_from(tmp_path), "numpy", tmp_path / "np")
    assert not (tmp_path / "np").exists()


def load_model_from(tmp_path):
    path = tmp_path / "stack.npz"
    save_model(path, _stack_network())
    return load_model(path)


def test_cli_exports_the_trajectory_model(tmp_path, capsys):
    from nndesk.cli import main

    assert main(["export", str(TRAJECTORY), "--to", "onnx", str(tmp_path / "t.onnx")]) == 0
    assert "input 'sequence' (N, steps, features), outputs" in capsys.readouterr().err
    session = ort.InferenceSession(str(tmp_path / "t.onnx"), providers=["CPUExecutionProvider"])
    assert session.get_inputs()[0].shape == ["N", 32, 5]
    assert main(["export", str(TRAJECTORY), "--to", "numpy", str(tmp_path / "np")]) == 2
    assert "layer 1 (GRU)" in capsys.readouterr().err
