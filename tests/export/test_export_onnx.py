"""`nndesk export --to onnx`: a valid opset-17 graph that onnxruntime runs to nndesk's
probabilities, any batch size; `nndesk import` reads it (and a torch-style graph) back."""

from __future__ import annotations

import json

import numpy as np
import onnx
import onnxruntime as ort
import pytest
from onnx import TensorProto, helper, numpy_helper

from nndesk.cli import main
from nndesk.export import ExportError
from nndesk.export.onnx_export import read_onnx
from nndesk.nn import Network
from nndesk.train import load_model


def export(model, out):
    assert main(["export", str(model), "--to", "onnx", str(out)]) == 0
    return out


def session(path) -> ort.InferenceSession:
    return ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])


@pytest.mark.parametrize("which", ["shipped", "every_layer"])
def test_onnxruntime_gives_nndesks_probabilities(which, shipped_path, every_layer_path,
                                                 test_images, nndesk_probabilities, tmp_path):
    path = shipped_path if which == "shipped" else every_layer_path
    out = export(path, tmp_path / "net.onnx")
    model = onnx.load(str(out))
    onnx.checker.check_model(model, full_check=True)
    assert model.opset_import[0].version >= 17
    assert [i.name for i in model.graph.input] == ["image"]
    dims = model.graph.input[0].type.tensor_type.shape.dim
    assert dims[0].dim_param == "N" and [d.dim_value for d in dims[1:]] == [1, 28, 28]
    expected = nndesk_probabilities(path)
    got = session(out).run(["probabilities"], {"image": test_images})[0]
    assert np.abs(got - expected).max() < 1e-5


def test_any_batch_size_runs(every_layer_path, test_images, tmp_path):
    run = session(export(every_layer_path, tmp_path / "net.onnx"))
    expected = load_model(every_layer_path).network.predict(test_images[:7])
    one = run.run(["probabilities"], {"image": test_images[:1]})[0]
    seven = run.run(["probabilities"], {"image": test_images[:7]})[0]
    assert one.shape == (1, 10) and seven.shape == (7, 10)
    assert np.abs(seven - expected).max() < 1e-5


def test_import_gives_back_the_same_network(every_layer_path, tmp_path):
    out = export(every_layer_path, tmp_path / "net.onnx")
    assert main(["import", str(out), "--out", str(tmp_path / "back.npz")]) == 0
    original, back = load_model(every_layer_path), load_model(tmp_path / "back.npz")
    assert back.spec["layers"] == original.spec["layers"]
    assert back.spec["name"] == "EveryLayer"
    for key, value in original.network.state_dict().items():
        np.testing.assert_array_equal(back.network.state_dict()[key], value)


def _torch_style_graph(rng) -> tuple[onnx.ModelProto, dict]:
    """The graph torch.onnx writes for a small model.py: a Reshape of the input, Conv, Relu,
    MaxPool, Flatten, Gemm with the weight as (out, in) (transB=1), no softmax."""
    w1 = rng.normal(0, 0.3, (4, 1, 3, 3)).astype(np.float32)
    b1 = rng.normal(0, 0.1, 4).astype(np.float32)
    w2 = rng.normal(0, 0.1, (10, 4 * 13 * 13)).astype(np.float32)
    b2 = rng.normal(0, 0.1, 10).astype(np.float32)
    inits = [numpy_helper.from_array(a, n) for a, n in ((w1, "conv1.weight"), (b1, "conv1.bias"),
                                                         (w2, "fc1.weight"), (b2, "fc1.bias"))]
    shape = helper.make_node("Constant", [], ["shape"], value=numpy_helper.from_array(
        np.array([-1, 1, 28, 28], np.int64)))
    nodes = [shape, helper.make_node("Reshape", ["input"], ["r"]),
             helper.make_node("Conv", ["r", "conv1.weight", "conv1.bias"], ["c"],
                              kernel_shape=[3, 3], pads=[0, 0, 0, 0], strides=[1, 1]),
             helper.make_node("Relu", ["c"], ["a"]),
             helper.make_node("MaxPool", ["a"], ["p"], kernel_shape=[2, 2], strides=[2, 2]),
             helper.make_node("Flatten", ["p"], ["f"], axis=1),
             helper.make_node("Gemm", ["f", "fc1.weight", "fc1.bias"], ["output"], transB=1)]
    nodes[1].input.append("shape")
    graph = helper.make_graph(
        nodes, "main_graph",
        [helper.make_tensor_value_info("input", TensorProto.FLOAT, ["batch", 784])],
        [helper.make_tensor_value_info("output", TensorProto.FLOAT, ["batch", 10])], inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    onnx.checker.check_model(model)
    return model, {"w1": w1, "b1": b1, "w2": w2, "b2": b2}


def test_import_reads_a_torch_style_graph(test_images, tmp_path):
    model, w = _torch_style_graph(np.random.default_rng(0))
    onnx.save(model, str(tmp_path / "torch.onnx"))
    net = read_onnx(tmp_path / "torch.onnx")
    assert [layer["type"] for layer in net.spec["layers"]] == ["Conv2D", "ReLU", "MaxPool2D",
                                                               "Dense"]
    assert net.spec["input_shape"] == [1, 28, 28]
    np.testing.assert_array_equal(net.params()["3.W"], w["w2"].T)
    scores = session(tmp_path / "torch.onnx").run(
        ["output"], {"input": test_images[:50].reshape(50, 784)})[0]
    e = np.exp(scores - scores.max(1, keepdims=True))
    assert np.abs(net.predict(test_images[:50]) - e / e.sum(1, keepdims=True)).max() < 1e-5


def test_an_unsupported_operator_is_named(tmp_path, capsys):
    model, _ = _torch_style_graph(np.random.default_rng(0))
    model.graph.node[3].op_type = "Elu"
    model.graph.node[3].name = "act1"
    onnx.save(model, str(tmp_path / "elu.onnx"))
    with pytest.raises(ExportError, match=r"ONNX node 'act1' \(Elu\): nndesk has no layer"):
        read_onnx(tmp_path / "elu.onnx")
    assert main(["import", str(tmp_path / "elu.onnx"), "--out", str(tmp_path / "x.npz")]) == 2
    assert "(Elu)" in capsys.readouterr().err and not (tmp_path / "x.npz").exists()


def test_a_file_that_is_not_onnx_is_one_clear_error(tmp_path, capsys):
    (tmp_path / "junk.onnx").write_bytes(b"\x08\x07not a protobuf at all" * 10)
    assert main(["import", str(tmp_path / "junk.onnx"), "--out", str(tmp_path / "x.npz")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("nndesk: error: ") and err.count("\n") == 1
    assert not (tmp_path / "x.npz").exists()


def test_the_spec_rides_along_in_the_metadata(every_layer_path, tmp_path):
    model = onnx.load(str(export(every_layer_path, tmp_path / "net.onnx")))
    props = {p.key: p.value for p in model.metadata_props}
    assert json.loads(props["nndesk_spec"]) == load_model(every_layer_path).spec
    assert "Input 'image'" in model.doc_string and "any batch size" in model.doc_string


def test_mse_networks_output_their_scores(tmp_path, test_images):
    from nndesk.train import save_model

    spec = {"name": "Mse", "input_shape": [784], "loss": "mse",
            "layers": [{"type": "Dense", "units": 10}, {"type": "Sigmoid"}]}
    save_model(tmp_path / "mse.npz", Network.from_spec(spec, seed=1))
    run = session(export(tmp_path / "mse.npz", tmp_path / "mse.onnx"))
    x = test_images[:20].reshape(20, 784)
    got = run.run(["probabilities"], {"image": x})[0]
    assert np.abs(got - load_model(tmp_path / "mse.npz").network.predict(x)).max() < 1e-6
