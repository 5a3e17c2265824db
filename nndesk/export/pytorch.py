"""`nndesk export --to pytorch DIR`: model.py, weights.pt, train.py, spec.json and a README.

model.py is the module a person would write for the spec: one named attribute per layer with
weights (`conv1`, `bn1`, `fc1`, ...), the stateless ones as calls in `forward`, the shapes in
comments. weights.pt is its `state_dict` (tensors only, loads with `weights_only=True`).

Layout differences handled here: nndesk's Dense W is (in, units), torch's Linear weight is
(units, in), so it is transposed; both flatten (N, C, H, W) in C order, so a Dense after a
convolution needs no reordering. Conv2D W (F, C, KH, KW) is the same in both. nndesk's
BatchNorm momentum 0.9 keeps 90% of the running average; torch's momentum is the share of the
new batch, so 1 - 0.9 = 0.1. Pools are floor-mode in both (ceil_mode=False), unpadded.
Dropout is inverted dropout in both.

Recurrent layers (batch_first): RNN -> nn.RNN (tanh), LSTM -> nn.LSTM with the gate blocks
reordered (GATE_ORDER), W and U transposed, b as bias_ih and a zero bias_hh (torch adds the
two). GRU -> `ResetBeforeGRU` (torch_recurrent.py, copied into model.py): torch.nn.GRU applies
the reset gate after the recurrent product, nndesk (Cho et al. 2014) before it, and no choice
of weights makes one the other. Bidirectional: torch's "_reverse" parameters are nndesk's
"back." ones. `forward(x, lengths=None)`: lengths (N,) for end-padded batches, packed
(`pack_padded_sequence`), so padding changes nothing, as in nndesk.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np

from nndesk.export import written_files
from nndesk.export.common import (
    RECURRENT,
    ExportError,
    Step,
    atomic_dir,
    class_name,
    config_of,
    is_sequence_spec,
    plan,
)

__all__ = ["torch_arrays", "nndesk_arrays", "model_source", "write_pytorch", "README_LINES",
           "GATE_ORDER"]

_TEMPLATE = Path(__file__).with_name("train_template.py")
_RECURRENT_SOURCE = Path(__file__).with_name("torch_recurrent.py")
_MARKER = "# --- model.py from here ---\n"

# torch's gate block k is nndesk's block GATE_ORDER[kind][k]: nndesk LSTM [f|g|i|o], torch
# [i|f|g|o]; nndesk GRU [z|r|h~], torch's (and ResetBeforeGRU's) [r|z|n]; RNN one block.
GATE_ORDER = {"RNN": (0,), "GRU": (1, 0, 2), "LSTM": (2, 0, 1, 3)}


def _dims(shape: tuple[int, ...]) -> str:
    """'32, 5'; a varying number of steps shows as T."""
    return ", ".join("T" if d is None else str(d) for d in shape)


def _shape(shape: tuple[int, ...]) -> str:
    return f"(N, {_dims(shape)})"


def _pool_stride(step: Step) -> int:
    return step.config["stride"] or step.config["pool_size"]


def _gate_columns(kind: str, units: int) -> np.ndarray:
    """Columns of nndesk's (., G*units) W, U, b in torch's gate order."""
    return np.concatenate([np.arange(g * units, (g + 1) * units) for g in GATE_ORDER[kind]])


def _directions(step: Step) -> tuple[tuple[str, str], ...]:
    """(nndesk key prefix, torch suffix) per direction of a recurrent layer."""
    i = step.index
    both = ((f"{i}.", ""), (f"{i}.back.", "_reverse"))
    return both if step.config["bidirectional"] else both[:1]


def torch_arrays(spec: dict, state: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """nndesk's `net.state_dict()` ("0.W", "1.running_mean", ...) -> the arrays of model.py's
    state_dict ("conv1.weight", "bn1.running_mean", "gru1.weight_ih_l0_reverse", ...)."""
    out: dict[str, np.ndarray] = {}
    for step in plan(spec):
        i, name = step.index, step.torch_name
        if step.type in RECURRENT:
            cols = _gate_columns(step.type, step.config["units"])
            for key, sfx in _directions(step):
                out[f"{name}.weight_ih_l0{sfx}"] = np.ascontiguousarray(state[key + "W"][:, cols].T)
                out[f"{name}.weight_hh_l0{sfx}"] = np.ascontiguousarray(state[key + "U"][:, cols].T)
                out[f"{name}.bias_ih_l0{sfx}"] = state[key + "b"][cols]
                out[f"{name}.bias_hh_l0{sfx}"] = np.zeros_like(state[key + "b"])
        elif step.type == "Dense":
            out[f"{name}.weight"] = np.ascontiguousarray(state[f"{i}.W"].T)   # (units, in)
            out[f"{name}.bias"] = state[f"{i}.b"]
        elif step.type == "Conv2D":
            out[f"{name}.weight"] = state[f"{i}.W"]                          # (F, C, KH, KW)
            out[f"{name}.bias"] = state[f"{i}.b"]
        elif step.type == "BatchNorm":
            out[f"{name}.weight"] = state[f"{i}.gamma"]
            out[f"{name}.bias"] = state[f"{i}.beta"]
            out[f"{name}.running_mean"] = state[f"{i}.running_mean"]
            out[f"{name}.running_var"] = state[f"{i}.running_var"]
            out[f"{name}.num_batches_tracked"] = np.array(0, dtype=np.int64)
    return out


def nndesk_arrays(spec: dict, arrays: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """The inverse of `torch_arrays`: model.py's state_dict -> nndesk's state_dict keys.
    ExportError names a missing key; `num_batches_tracked` is dropped."""
    out: dict[str, np.ndarray] = {}

    def get(key: str) -> np.ndarray:
        if key not in arrays:
            raise ExportError(f"the state_dict has no {key!r}; was it written by this "
                              f"network's exported train.py?")
        return np.asarray(arrays[key], dtype=np.float32)

    for step in plan(spec):
        i, name = step.index, step.torch_name
        if step.type in RECURRENT:
            back = np.argsort(_gate_columns(step.type, step.config["units"]))
            for key, sfx in _directions(step):
                out[key + "W"] = np.ascontiguousarray(get(f"{name}.weight_ih_l0{sfx}").T[:, back])
                out[key + "U"] = np.ascontiguousarray(get(f"{name}.weight_hh_l0{sfx}").T[:, back])
                out[key + "b"] = (get(f"{name}.bias_ih_l0{sfx}")   # torch adds both biases
                                  + get(f"{name}.bias_hh_l0{sfx}"))[back]
        elif step.type == "Dense":
            out[f"{i}.W"] = np.ascontiguousarray(get(f"{name}.weight").T)
            out[f"{i}.b"] = get(f"{name}.bias")
        elif step.type == "Conv2D":
            out[f"{i}.W"], out[f"{i}.b"] = get(f"{name}.weight"), get(f"{name}.bias")
        elif step.type == "BatchNorm":
            out[f"{i}.gamma"], out[f"{i}.beta"] = get(f"{name}.weight"), get(f"{name}.bias")
            out[f"{i}.running_mean"] = get(f"{name}.running_mean")
            out[f"{i}.running_var"] = get(f"{name}.running_var")
    return out


def _module_line(step: Step) -> str | None:
    """`self.conv1 = nn.Conv2d(...)` for a layer with a torch module, else None."""
    c = step.config
    if step.type in RECURRENT:
        cls = {"RNN": "nn.RNN", "GRU": "ResetBeforeGRU", "LSTM": "nn.LSTM"}[step.type]
        tail = ", batch_first=True" if step.type != "GRU" else ""
        tail += ", bidirectional=True" if c["bidirectional"] else ""
        return f"{cls}({step.input_shape[-1]}, {c['units']}{tail})"
    if step.type == "Conv2D":
        args = [str(step.input_shape[0]), str(c["filters"]), f"kernel_size={c['kernel_size']}"]
        if c["stride"] != 1:
            args.append(f"stride={c['stride']}")
        if c["pad"]:
            args.append(f"padding={c['pad']}")
        return f"nn.Conv2d({', '.join(args)})"
    if step.type == "Dense":
        return f"nn.Linear({step.flat_in}, {c['units']})"
    if step.type in ("MaxPool2D", "AvgPool2D"):
        kind = "MaxPool2d" if step.type == "MaxPool2D" else "AvgPool2d"
        stride = _pool_stride(step)
        tail = "" if stride == c["pool_size"] else f", stride={stride}"
        return f"nn.{kind}({c['pool_size']}{tail})"
    if step.type == "BatchNorm":
        kind = "BatchNorm2d" if len(step.input_shape) == 3 else "BatchNorm1d"
        return (f"nn.{kind}({step.input_shape[0]}, eps={c['eps']!r}, "
                f"momentum={round(1 - c['momentum'], 12)!r})")
    if step.type == "Dropout":
        return f"nn.Dropout({c['rate']!r})"
    return None


def _forward_lines(step: Step) -> list[tuple[str, str]]:
    """(code, shape comment) lines of `forward` for one layer."""
    c, name = step.config, step.torch_name
    out = _shape(step.output_shape)
    if step.type in RECURRENT:
        seq = ", return_sequences=True" if c["return_sequences"] else ""
        return [(f"x = run_recurrent(self.{name}, x, lengths{seq})", out)]
    if step.type == "Dense" and len(step.input_shape) > 1:   # nndesk's Dense flattens
        return [("x = torch.flatten(x, 1)", _shape((step.flat_in,))), (f"x = self.{name}(x)", out)]
    if name is not None:
        return [(f"x = self.{name}(x)", out)]
    call = {"Flatten": "x = torch.flatten(x, 1)", "ReLU": "x = F.relu(x)",
            "LeakyReLU": f"x = F.leaky_relu(x, {c.get('alpha')!r})",
            "Sigmoid": "x = torch.sigmoid(x)", "Tanh": "x = torch.tanh(x)"}[step.type]
    return [(call, out)]


def _aligned(rows: list[tuple[str, str]], indent: str) -> list[str]:
    """Code lines with their `# comment`s in one column."""
    width = max(len(code) for code, _ in rows) + 2
    return [f"{indent}{code:<{width}}# {comment}" if comment else indent + code
            for code, comment in rows]


def model_source(spec: dict) -> str:
    """The text of model.py for a spec (ExportError names an unsupported layer)."""
    from nndesk.nn import infer

    steps = plan(spec)
    cls = class_name(spec)
    loss = spec.get("loss", "softmax_cross_entropy")
    n_params = sum(row.params for row in infer(spec))
    seq = is_sequence_spec(spec)
    shape_in = ", ".join(map(str, steps[0].input_shape))
    what = (f"{_shape(steps[0].input_shape)} float32 sequences (batch, steps, "
            f"features); `lengths` (N,) ints\nfor end-padded batches of different lengths "
            f"(packed: padding changes nothing)." if seq else
            f"(N, {shape_in}) float32 images in [0, 1].")
    lines = [
        f'"""{cls}, the network designed in nndesk, as a PyTorch module.',
        "",
        "Written by `nndesk export --to pytorch`: layer for layer the same network, with the",
        "same numbers. `load_model()` returns it with the trained weights from weights.pt.",
        f"Input: {what}",
        f"Output: class scores (logits), (N, {steps[-1].output_shape[0]}); "
        + ("their softmax is nndesk's probabilities." if loss == "softmax_cross_entropy"
           else "nndesk's outputs (trained on 0.5 * squared error)."),
        '"""',
        "",
        "from pathlib import Path",
        "",
        "import torch",
        *(["import torch.nn.functional as F"] if any(
            st.type in ("ReLU", "LeakyReLU") for st in steps) else []),
        "from torch import nn",
        *(_recurrent_source() if seq else []),
        "",
        f"INPUT_SHAPE = ({_dims(steps[0].input_shape).replace('T', 'None')}"
        f"{',' if len(steps[0].input_shape) == 1 else ''})",
        f'LOSS = "{loss}"',
        "",
        "",
        f"class {cls}(nn.Module):",
        f'    """{len(steps)} layers, {n_params:,} parameters (shapes without the batch axis)."""',
        "",
        "    def __init__(self):",
        "        super().__init__()",
    ]
    rows = [(f"self.{step.torch_name} = {_module_line(step)}",
             f"({_dims(step.input_shape)}) -> ({_dims(step.output_shape)})")
            for step in steps if _module_line(step) is not None]
    lines += _aligned(rows, "        ")
    rows = [("x = x.reshape(-1, *INPUT_SHAPE)" if not seq else
             "x = torch.as_tensor(x, dtype=torch.float32)", _shape(steps[0].input_shape))]
    for step in steps:
        rows += _forward_lines(step)
    lines += ["", f"    def forward(self, x{', lengths=None' if seq else ''}):",
              *_aligned(rows, "        ")]
    lines += [
        "        return x",
        "",
        "",
        f"Net = {cls}" + ("" if seq else "  # the name train.py imports"),
        "",
        "",
        'WEIGHTS = Path(__file__).with_name("weights.pt")',
        "",
        "",
        'def load_model(path=WEIGHTS, device="cpu"):',
        f'    """A {cls} with the weights in `path` (a state_dict), in evaluation mode."""',
        "    model = Net()",
        "    state = torch.load(path, map_location=device, weights_only=True)",
        "    model.load_state_dict(state)",
        "    return model.to(device).eval()",
        "",
        "",
        *(["def predict(model, sequences, lengths=None):",
           '    """Probabilities (N, K) for sequences (N, T, F), as nndesk\'s `predict`."""',
           "    with torch.no_grad():",
           "        scores = model(torch.as_tensor(sequences, dtype=torch.float32), lengths)"]
          if seq else
          ["def predict(model, images):",
           '    """Probabilities (N, K) for images (N, ...) in [0, 1], as nndesk\'s `predict`."""',
           "    with torch.no_grad():",
           "        scores = model(torch.as_tensor(images, dtype=torch.float32))"]),
        "    return " + ("torch.softmax(scores, dim=1)" if loss == "softmax_cross_entropy"
                        else "scores"),
        "",
    ]
    return "\n".join(lines)


def _recurrent_source() -> list[str]:
    """torch_recurrent.py from its marker on: ResetBeforeGRU and run_recurrent (tested code)."""
    text = _RECURRENT_SOURCE.read_text(encoding="utf-8")
    return text[text.index(_MARKER) + len(_MARKER):].rstrip("\n").split("\n")


SEQUENCE_README_LINES = (
    "A sequence model: `from model import load_model, predict`; `predict(model, x)` for x "
    "(N, T, F) float32, `predict(model, x, lengths)` for a batch end-padded to one length T "
    "with each sequence's real length (packed, so padding changes nothing). A trajectory "
    "model reads what `nndesk.data.trajectory.to_sequence(strokes)` makes of the pen's strokes "
    "(32 points of x, y, dx, dy, pen up).",
    "nndesk's GRU is Cho et al. 2014's (reset gate before the recurrent product); torch.nn.GRU "
    "puts it after, a different function, so model.py carries `ResetBeforeGRU` with "
    "torch.nn.GRU's parameter names. RNN and LSTM are torch.nn.RNN and torch.nn.LSTM.",
    "No train.py: nndesk trains sequence models on its own data (`nndesk train --dataset "
    "pendigits`). Back into nndesk: `nndesk import weights.pt --out mine.npz`.",
)

README_LINES = (
    "Run `python train.py` to train this network on MNIST with PyTorch (CPU or GPU), starting "
    "from the exported weights.pt (`--from-scratch` for new ones; `--help` lists the settings).",
    "Several GPUs or machines: `torchrun --nproc_per_node N train.py` (DistributedDataParallel); "
    "`tensorboard --logdir runs` shows the curves.",
    "Back into nndesk: `nndesk import trained.pt --out mine.npz`; in Python: "
    "`from model import load_model`.",
)


def train_source(spec: dict, config: dict) -> str:
    """train.py: the static template with this run's settings filled in."""
    text = _TEMPLATE.read_text(encoding="utf-8")
    keep = ("epochs", "batch_size", "optimizer", "lr", "weight_decay", "momentum", "schedule",
            "step_size", "gamma", "warmup_epochs", "augment", "seed", "val_split")
    settings = {k: config[k] for k in keep}
    body = "\n".join(f"    {json.dumps(k)}: {json.dumps(v) if isinstance(v, str) else repr(v)},"
                     for k, v in settings.items())
    text = text.replace("    # @SETTINGS@", body)
    return text.replace("  # noqa: I001 (the template: model.py is local, not third-party)", "")


def write_pytorch(model, out: str | os.PathLike, *, replace: bool = False) -> Path:
    """Export a `ModelFile` (from `load_model`) to the folder `out`, atomically.

    Writes model.py, weights.pt (torch state_dict), train.py (image models), spec.json,
    README.md.
    Raises ExportError (unsupported layer, folder not empty), ImportError without torch.
    """
    import torch

    spec = model.network.spec
    arrays = torch_arrays(spec, model.network.state_dict())
    config = config_of(model.metadata)
    with atomic_dir(out, replace=replace) as tmp:
        seq = is_sequence_spec(spec)
        (tmp / "model.py").write_text(model_source(spec), encoding="utf-8")
        tensors = {k: torch.from_numpy(np.array(v, dtype=np.float32 if v.dtype.kind == "f"
                                                else v.dtype)) for k, v in arrays.items()}
        torch.save(tensors, tmp / "weights.pt")
        if "train.py" in written_files(spec, "pytorch"):  # train.py trains on MNIST images
            (tmp / "train.py").write_text(train_source(spec, config), encoding="utf-8")
        (tmp / "spec.json").write_text(json.dumps(spec, indent=1) + "\n", encoding="utf-8")
        readme = SEQUENCE_README_LINES if seq else README_LINES
        (tmp / "README.md").write_text("\n".join(readme) + "\n", encoding="utf-8")
    return Path(out)
