"""`nndesk export --to onnx FILE.onnx` and `nndesk import FILE.onnx`, with the onnx package's
own API (onnx.helper): nndesk needs no PyTorch for either.

The graph: input `image`, float32 (N, C, H, W) (or (N, D) for a vector input) with N a
symbolic dimension "N", so any batch size runs (a recurrent network: `sequence` (N, T, F),
and `lengths` (N,) int32 when the spec's T varies, fed to the RNN/GRU/LSTM nodes'
`sequence_lens`, so padding changes nothing); outputs `logits` (N, K) and `probabilities`
(N, K) (softmax of the logits; for an "mse" network the outputs themselves). Opset 17.
Dense becomes Flatten + Gemm with nndesk's (in, units) W as is (transB=0), Conv2D a Conv with
nndesk's (F, C, KH, KW) W, BatchNorm a BatchNormalization (inference: running statistics),
Dropout a Dropout node that is the identity in inference. RNN/GRU/LSTM become ONNX's own
nodes between Transposes (ONNX is time-major); ONNX's GRU with `linear_before_reset=0` is
exactly nndesk's (Cho et al. 2014: reset gate before the recurrent product), LSTM gates are
reordered to ONNX's [i|o|f|c]. The spec travels in the model's
metadata (`nndesk_spec`), so nndesk restores the name; the layers are read from the graph.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np

from nndesk.export.common import RECURRENT, ExportError, is_sequence_spec, plan
from nndesk.fileio import atomic_write

__all__ = ["OPSET", "INPUT_NAME", "SEQUENCE_INPUT", "LENGTHS_INPUT", "to_onnx", "write_onnx",
           "read_onnx", "ONNX_GATE_ORDER"]

OPSET = 17
INPUT_NAME = "image"
SEQUENCE_INPUT = "sequence"  # a recurrent network's input (N, T, F)
LENGTHS_INPUT = "lengths"    # (N,) int32, only when the spec's T varies ([null, F])
# ONNX's gate block k is nndesk's block ONNX_GATE_ORDER[kind][k]: ONNX GRU [z|r|h] is
# nndesk's order; ONNX LSTM [i|o|f|c], nndesk [f|g|i|o].
ONNX_GATE_ORDER = {"RNN": (0,), "GRU": (0, 1, 2), "LSTM": (2, 3, 0, 1)}


def _recurrent_weights(kind: str, config: dict, state: dict, i: int):
    """ONNX W (D, G*H, F), R (D, G*H, H), B (D, 2*G*H) of nndesk layer i (D directions)."""
    h = config["units"]
    cols = np.concatenate([np.arange(g * h, (g + 1) * h) for g in ONNX_GATE_ORDER[kind]])
    keys = [f"{i}.", f"{i}.back."][:2 if config["bidirectional"] else 1]
    w = np.stack([state[k + "W"][:, cols].T for k in keys])
    r = np.stack([state[k + "U"][:, cols].T for k in keys])
    b = np.stack([np.concatenate([state[k + "b"][cols], np.zeros(len(cols))]) for k in keys])
    return w, r, b


def to_onnx(spec: dict, state: dict[str, np.ndarray], *, doc: str = ""):
    """An `onnx.ModelProto` for a network spec and its `state_dict` (ExportError names an
    unsupported layer)."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    steps = plan(spec)
    nodes, inits = [], []
    seq = is_sequence_spec(spec)
    varying = seq and steps[0].input_shape[0] is None

    def init(name: str, array: np.ndarray, dtype=np.float32) -> str:   # float32 weights
        inits.append(numpy_helper.from_array(np.asarray(array, dtype=dtype), name))
        return name

    x = SEQUENCE_INPUT if seq else INPUT_NAME
    for step in steps:
        i, c, kind = step.index, step.config, step.type
        name = step.torch_name or f"{kind.lower()}{i + 1}"
        out = f"{name}_out"
        if kind in RECURRENT:
            # ONNX's RNN/GRU/LSTM read (T, N, F) and give Y (T, D, N, H), Y_h (D, N, H);
            # nndesk's layers are batch-first with the directions joined: (N, T, D*H), (N, D*H).
            w, r, b = _recurrent_weights(kind, c, state, i)
            nodes.append(helper.make_node("Transpose", [x], [f"{name}_tnf"], perm=[1, 0, 2],
                                          name=f"{name}_time_major"))
            extra = {"linear_before_reset": 0} if kind == "GRU" else {}   # Cho et al. 2014
            nodes.append(helper.make_node(
                kind, [f"{name}_tnf", init(f"{name}.W", w), init(f"{name}.R", r),
                       init(f"{name}.B", b), LENGTHS_INPUT if varying else ""],
                [f"{name}_Y", f"{name}_Y_h"], name=name, hidden_size=c["units"],
                direction="bidirectional" if c["bidirectional"] else "forward", **extra))
            if c["return_sequences"]:
                nodes.append(helper.make_node("Transpose", [f"{name}_Y"], [f"{name}_ntdh"],
                                              perm=[2, 0, 1, 3], name=f"{name}_batch_major"))
                shape, src = init(f"{name}.shape", [0, 0, -1], np.int64), f"{name}_ntdh"
            else:
                nodes.append(helper.make_node("Transpose", [f"{name}_Y_h"], [f"{name}_ndh"],
                                              perm=[1, 0, 2], name=f"{name}_batch_major"))
                shape, src = init(f"{name}.shape", [0, -1], np.int64), f"{name}_ndh"
            nodes.append(helper.make_node("Reshape", [src, shape], [out],
                                          name=f"{name}_join_directions"))
        elif kind == "Conv2D":
            k, p = c["kernel_size"], c["pad"]
            nodes.append(helper.make_node(
                "Conv", [x, init(f"{name}.W", state[f"{i}.W"]), init(f"{name}.b", state[f"{i}.b"])],
                [out], name=name, kernel_shape=[k, k], strides=[c["stride"]] * 2,
                pads=[p, p, p, p]))
        elif kind in ("MaxPool2D", "AvgPool2D"):
            p, s = c["pool_size"], c["stride"] or c["pool_size"]
            nodes.append(helper.make_node(
                "MaxPool" if kind == "MaxPool2D" else "AveragePool", [x], [out], name=name,
                kernel_shape=[p, p], strides=[s, s], ceil_mode=0))
        elif kind == "Dense":
            if len(step.input_shape) > 1:
                nodes.append(helper.make_node("Flatten", [x], [f"{name}_flat"], axis=1,
                                              name=f"{name}_flatten"))
                x = f"{name}_flat"
            nodes.append(helper.make_node(
                "Gemm", [x, init(f"{name}.W", state[f"{i}.W"]), init(f"{name}.b", state[f"{i}.b"])],
                [out], name=name))
        elif kind == "Flatten":
            nodes.append(helper.make_node("Flatten", [x], [out], axis=1, name=name))
        elif kind == "BatchNorm":
            nodes.append(helper.make_node(
                "BatchNormalization",
                [x, init(f"{name}.gamma", state[f"{i}.gamma"]),
                 init(f"{name}.beta", state[f"{i}.beta"]),
                 init(f"{name}.running_mean", state[f"{i}.running_mean"]),
                 init(f"{name}.running_var", state[f"{i}.running_var"])],
                [out], name=name, epsilon=float(c["eps"]), momentum=float(c["momentum"])))
        elif kind == "Dropout":
            ratio = init(f"{name}.ratio", np.array(c["rate"], dtype=np.float32))
            nodes.append(helper.make_node("Dropout", [x, ratio], [out], name=name))
        elif kind == "LeakyReLU":
            nodes.append(helper.make_node("LeakyRelu", [x], [out], name=name,
                                          alpha=float(c["alpha"])))
        else:
            op = {"ReLU": "Relu", "Sigmoid": "Sigmoid", "Tanh": "Tanh"}[kind]
            nodes.append(helper.make_node(op, [x], [out], name=name))
        x = out
    nodes.append(helper.make_node("Identity", [x], ["logits"], name="logits"))
    if spec.get("loss", "softmax_cross_entropy") == "softmax_cross_entropy":
        nodes.append(helper.make_node("Softmax", ["logits"], ["probabilities"], axis=1,
                                      name="softmax"))
    else:
        nodes.append(helper.make_node("Identity", ["logits"], ["probabilities"], name="outputs"))
    k = steps[-1].output_shape[0]
    dims = ["T" if d is None else d for d in steps[0].input_shape]
    inputs = [helper.make_tensor_value_info(x0, TensorProto.FLOAT, ["N", *dims])
              for x0 in [SEQUENCE_INPUT if seq else INPUT_NAME]]
    if varying:
        inputs.append(helper.make_tensor_value_info(LENGTHS_INPUT, TensorProto.INT32, ["N"]))
    graph = helper.make_graph(
        nodes, str(spec.get("name") or "nndesk"), inputs,
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["N", k]),
         helper.make_tensor_value_info("probabilities", TensorProto.FLOAT, ["N", k])],
        initializer=inits)
    model = helper.make_model(graph, producer_name="nndesk",
                              opset_imports=[helper.make_opsetid("", OPSET)],
                              doc_string=doc or (_SEQ_DOC if varying else _FIXED_DOC if seq
                                                 else _DOC).format(shape=dims))
    model.ir_version = min(model.ir_version, 8)   # readable by onnxruntime >= 1.13
    helper.set_model_props(model, {"nndesk_spec": json.dumps(spec)})
    onnx.checker.check_model(model, full_check=True)
    return model


_DOC = ("nndesk network. Input 'image': float32 (N, *{shape}) in [0, 1], any batch size N. "
        "Outputs 'logits' (N, K) and 'probabilities' (N, K).")
_FIXED_DOC = ("nndesk sequence network. Input 'sequence': float32 (N, *{shape}), any batch "
              "size N. Outputs 'logits' (N, K) and 'probabilities' (N, K).")
_SEQ_DOC = ("nndesk sequence network. Inputs 'sequence': float32 (N, *{shape}), end-padded "
            "to one length T, and 'lengths': int32 (N,), each sequence's real steps (padding "
            "changes nothing). Outputs 'logits' (N, K) and 'probabilities' (N, K).")


def write_onnx(model_file, out: str | os.PathLike) -> Path:
    """Export a `ModelFile` to one .onnx file, atomically (ExportError, ImportError)."""
    net = model_file.network
    proto = to_onnx(net.spec, net.state_dict())
    data = proto.SerializeToString()
    return atomic_write(out, lambda f: f.write(data))


def _recurrent_layer(node, a: dict, values: dict, graph, where: str) -> tuple[dict, dict]:
    """An ONNX RNN/GRU/LSTM node -> nndesk's layer config and arrays ("W", "U", "b" and
    "back.*"); return_sequences when its Y output (not Y_h) is read on. ExportError for
    what nndesk's layers are not: torch's GRU (linear_before_reset=1), other activations,
    peepholes, clipping, a reverse-only direction, initial states."""
    kind = node.op_type
    direction = a.get("direction", b"forward")
    direction = direction.decode() if isinstance(direction, bytes) else direction
    acts = [x.decode() if isinstance(x, bytes) else x for x in a.get("activations", [])]
    default = {"RNN": ["Tanh"], "GRU": ["Sigmoid", "Tanh"],
               "LSTM": ["Sigmoid", "Tanh", "Tanh"]}[kind]
    if (kind == "GRU" and a.get("linear_before_reset", 0)) or "clip" in a or \
            direction not in ("forward", "bidirectional") or \
            any(x != default[k % len(default)] for k, x in enumerate(acts)) or \
            any(len(node.input) > k and node.input[k] for k in (5, 6, 7)) or \
            len(node.input) < 4 or not node.input[3]:
        raise ExportError(f"{where}: nndesk's {kind} is forward or bidirectional with a bias, "
                          f"default activations, no initial state, peepholes or clipping"
                          + (" (this GRU resets after the recurrent product, as torch.nn.GRU: "
                             "another function than nndesk's)" if kind == "GRU" else ""))
    w, r, b = (np.asarray(values[n], np.float32) for n in node.input[1:4])
    units = int(a.get("hidden_size", r.shape[-1]))
    order = ONNX_GATE_ORDER[kind]
    back = np.argsort(np.concatenate([np.arange(g * units, (g + 1) * units) for g in order]))
    arrays = {}
    for d, prefix in enumerate(("", "back.")[:w.shape[0]]):
        gh = len(order) * units
        arrays[prefix + "W"] = np.ascontiguousarray(w[d].T[:, back])
        arrays[prefix + "U"] = np.ascontiguousarray(r[d].T[:, back])
        arrays[prefix + "b"] = (b[d, :gh] + b[d, gh:])[back]
    reads_y = any(n.input and n.input[0] == node.output[0] for n in graph.node)
    return ({"type": kind, "units": units, "bidirectional": direction == "bidirectional",
             "return_sequences": bool(reads_y)}, arrays)


def _f32(value) -> float:
    """An ONNX float attribute (float32) back to the decimal it was written from."""
    return float(f"{float(value):.7g}")


def read_onnx(path: str | os.PathLike):
    """A `Network` from an .onnx file of the supported operators (ours, or a PyTorch export
    of the model.py we write). ExportError names an operator nndesk has no layer for."""
    import onnx
    from onnx import numpy_helper

    from nndesk.nn import Network, SpecError

    try:
        model = onnx.load(str(path))
    except Exception as err:  # a truncated or foreign file: DecodeError and friends
        raise ExportError(f"{path} is not an ONNX model: {err}") from None
    graph = model.graph
    values = {t.name: numpy_helper.to_array(t) for t in graph.initializer}
    for node in graph.node:
        if node.op_type == "Constant":
            values[node.output[0]] = numpy_helper.to_array(node.attribute[0].t)
    inputs = [v for v in graph.input if v.name not in values and v.name != LENGTHS_INPUT]
    if len(inputs) != 1:
        raise ExportError(f"{path}: expected one input image, found {len(inputs)} inputs")
    dims = [d.dim_value if d.HasField("dim_value") else None   # a named dimension: any T
            for d in inputs[0].type.tensor_type.shape.dim][1:]
    props = {p.key: p.value for p in model.metadata_props}
    layers, state = [], {}
    current, input_shape = inputs[0].name, dims
    ours = "nndesk_spec" in props
    image = len(dims) == 3               # is the current tensor an image (N, C, H, W)?
    implicit: set[int] = set()           # Flatten layers that are a Dense's own flattening
    glue = 0                             # Transpose/Reshape nodes of a recurrent layer left
    for node in graph.node:
        if node.op_type == "Constant" or not node.input or node.input[0] != current:
            continue
        op, where = node.op_type, f"ONNX node {node.name or node.output[0]!r} ({node.op_type})"
        a = {att.name: onnx.helper.get_attribute_value(att) for att in node.attribute}
        i = len(layers)
        if op == "Transpose" and list(a.get("perm", [])) == [1, 0, 2] and glue == 0 and \
                len(dims) == 2:                     # batch-first -> time-major, before a layer
            current = node.output[0]
            continue
        if glue and op in ("Transpose", "Reshape"):  # time-major -> batch-first, directions
            glue -= 1
            current = node.output[0]
            continue
        if op in RECURRENT:
            layer, arrays = _recurrent_layer(node, a, values, graph, where)
            layers.append(layer)
            state.update({f"{i}.{k}": v for k, v in arrays.items()})
            current = node.output[1 if not layer["return_sequences"] else 0]
            glue = 2
            continue
        if op == "Reshape" and not layers:          # model.py's x.reshape(-1, *INPUT_SHAPE)
            input_shape = [int(v) for v in values[node.input[1]][1:]]
            image = len(input_shape) == 3
        elif op in ("Flatten", "Reshape"):
            if image and (not ours or node.name.endswith("_flatten")):
                implicit.add(i)
            layers.append({"type": "Flatten"})
            image = False
        elif op == "Conv":
            k = list(a.get("kernel_shape", values[node.input[1]].shape[2:]))
            s, p = list(a.get("strides", [1, 1])), list(a.get("pads", [0, 0, 0, 0]))
            if (k[0] != k[1] or s[0] != s[1] or len(set(p)) > 1 or a.get("group", 1) != 1
                    or set(a.get("dilations", [1])) != {1} or len(node.input) < 3):
                raise ExportError(f"{where}: nndesk's Conv2D needs a square kernel, one "
                                  f"stride, equal padding, a bias, no groups or dilation")
            w = values[node.input[1]]
            layers.append({"type": "Conv2D", "filters": int(w.shape[0]), "kernel_size": int(k[0]),
                           "stride": int(s[0]), "pad": int(p[0])})
            state[f"{i}.W"], state[f"{i}.b"] = w, values[node.input[2]]
        elif op in ("MaxPool", "AveragePool"):
            k, s = list(a["kernel_shape"]), list(a.get("strides", a["kernel_shape"]))
            if (k[0] != k[1] or s[0] != s[1] or any(a.get("pads", [0])) or a.get("ceil_mode", 0)
                    or set(a.get("dilations", [1])) != {1}):
                raise ExportError(f"{where}: nndesk's pools are square, unpadded, floor mode")
            layers.append({"type": "MaxPool2D" if op == "MaxPool" else "AvgPool2D",
                           "pool_size": int(k[0]), "stride": None if s[0] == k[0] else int(s[0])})
        elif op == "Gemm":
            w = values[node.input[1]]
            if (a.get("alpha", 1.0) != 1.0 or a.get("beta", 1.0) != 1.0 or a.get("transA", 0)
                    or len(node.input) < 3):
                raise ExportError(f"{where}: only x @ W + b maps to nndesk's Dense")
            w = w.T if a.get("transB", 0) else w                     # nndesk: (in, units)
            if i - 1 in implicit:                                    # Dense flattens itself
                layers.pop()
                i -= 1
            image = False
            layers.append({"type": "Dense", "units": int(w.shape[1])})
            state[f"{i}.W"], state[f"{i}.b"] = w, values[node.input[2]]
        elif op == "BatchNormalization":
            layers.append({"type": "BatchNorm", "eps": _f32(a.get("epsilon", 1e-5)),
                           "momentum": _f32(a.get("momentum", 0.9))})
            for key, src in zip(("gamma", "beta", "running_mean", "running_var"),
                                node.input[1:5], strict=True):
                state[f"{i}.{key}"] = values[src]
        elif op == "Dropout":
            rate = _f32(values[node.input[1]]) if len(node.input) > 1 and node.input[1] else 0.5
            layers.append({"type": "Dropout", "rate": rate})
        elif op in ("Relu", "Sigmoid", "Tanh", "LeakyRelu"):
            layers.append({"type": {"Relu": "ReLU", "Sigmoid": "Sigmoid", "Tanh": "Tanh",
                                    "LeakyRelu": "LeakyReLU"}[op]})
            if op == "LeakyRelu":
                layers[-1]["alpha"] = _f32(a.get("alpha", 0.01))
        elif op in ("Identity", "Softmax"):
            pass                                                     # the outputs
        else:
            raise ExportError(f"{where}: nndesk has no layer for this operator")
        current = node.output[0]
    try:
        saved = json.loads(props.get("nndesk_spec", "{}"))
    except json.JSONDecodeError:
        saved = {}
    saved = saved if isinstance(saved, dict) else {}
    spec = {"name": str(saved.get("name") or graph.name or "Imported"),
            **{k: v for k, v in saved.items() if k == "description" and isinstance(v, str)},
            "input_shape": input_shape, "layers": layers,
            "loss": "mse" if saved.get("loss") == "mse" else "softmax_cross_entropy"}
    try:
        net = Network.from_spec(spec)
        net.load_state_dict(state)
    except (SpecError, ValueError) as err:
        raise ExportError(f"{path}: the graph does not make an nndesk network: {err}") from None
    return net
