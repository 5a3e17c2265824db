"""What every exporter shares: the layer plan (names per target), clear refusals, atomic folders.

A spec is walked once into a `plan`: one `Step` per layer with its shapes and the names the
PyTorch module and the book-style NumPy file give it (`conv1`, `bn1`, `fc2` / `Conv1`,
`Affine2`, ...). The exporters and the importers both use it, so names always agree.
"""

from __future__ import annotations

import contextlib
import math
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

__all__ = ["ExportError", "Step", "plan", "SUPPORTED", "RECURRENT", "atomic_dir", "config_of",
           "class_name", "is_sequence_spec"]

# Layer types every target knows. A new engine layer fails with ExportError naming it.
SUPPORTED = ("Dense", "Conv2D", "MaxPool2D", "AvgPool2D", "Flatten", "ReLU", "LeakyReLU",
             "Sigmoid", "Tanh", "BatchNorm", "Dropout", "RNN", "GRU", "LSTM")
# Recurrent layers (bidirectional or not): PyTorch and ONNX only (the book-style NumPy target
# has no recurrent layers; nndesk's are in nn/recurrent.py).
RECURRENT = ("RNN", "GRU", "LSTM")
LOSSES = ("softmax_cross_entropy", "mse")

# PyTorch attribute prefix and the book's layer-name prefix for each layer type
_TORCH_PREFIX = {"Dense": "fc", "Conv2D": "conv", "MaxPool2D": "pool", "AvgPool2D": "pool",
                 "BatchNorm": "bn", "Dropout": "drop", "RNN": "rnn", "GRU": "gru", "LSTM": "lstm"}
_BOOK_PREFIX = {"Dense": "Affine", "Conv2D": "Conv", "MaxPool2D": "Pool", "AvgPool2D": "AvgPool",
                "BatchNorm": "BatchNorm", "Dropout": "Dropout", "ReLU": "Relu",
                "LeakyReLU": "LeakyRelu", "Sigmoid": "Sigmoid", "Tanh": "Tanh",
                "Flatten": "Flatten", "RNN": "TimeRNN", "GRU": "TimeGRU", "LSTM": "TimeLSTM"}


class ExportError(ValueError):
    """A network or setting a target cannot express; the message names the layer."""


@dataclass(frozen=True)
class Step:
    """One layer of the spec, as the exporters see it."""

    index: int                       # 0-based position in the spec
    type: str                        # "Conv2D", ...
    config: dict                     # its settings (every one filled in)
    input_shape: tuple[int, ...]     # without the batch axis
    output_shape: tuple[int, ...]
    torch_name: str | None           # attribute in model.py ("conv1"), None when stateless
    book_name: str                   # key in the book-style layers dict ("Conv1")
    book_number: int                 # the number in W1/b1/gamma1... (0 when no params)

    @property
    def where(self) -> str:
        """'layer 3 (MaxPool2D)', 1-based like nndesk's own messages."""
        return f"layer {self.index + 1} ({self.type})"

    @property
    def flat_in(self) -> int:
        return math.prod(self.input_shape)


def plan(spec: dict, *, recurrent: bool = True) -> list[Step]:
    """The layers of a (checked) spec with their names per target; ExportError if a layer
    type or the loss has no equivalent (`recurrent=False`: a target without recurrent
    layers, which then names the first one)."""
    from nndesk.nn import SpecError, infer

    try:
        info = infer(spec)
    except SpecError as err:
        raise ExportError(f"the network does not build: {err}") from None
    loss = spec.get("loss", "softmax_cross_entropy")
    if loss not in LOSSES:
        raise ExportError(f"loss {loss!r} has no exported equivalent ({', '.join(LOSSES)})")
    counts: dict[str, int] = {}
    weighted = 0
    steps = []
    for layer, row in zip(spec["layers"], info, strict=True):
        kind = row.type
        if kind not in SUPPORTED:
            raise ExportError(f"layer {row.index + 1} ({kind}) cannot be exported yet; "
                              f"supported: {', '.join(SUPPORTED)}")
        if kind in RECURRENT and not recurrent:
            raise ExportError(f"layer {row.index + 1} ({kind}) cannot be exported as book-style "
                              f"NumPy; export it to pytorch or onnx")
        if kind == "BatchNorm" and len(row.input_shape) == 2 and is_sequence_spec(spec):
            raise ExportError(f"layer {row.index + 1} (BatchNorm) on a sequence cannot be "
                              f"exported yet")
        prefix = _TORCH_PREFIX.get(kind)
        counts[prefix or kind] = counts.get(prefix or kind, 0) + 1
        book_key = _BOOK_PREFIX[kind]
        counts["book." + book_key] = counts.get("book." + book_key, 0) + 1
        number = 0
        if kind in ("Dense", "Conv2D", "BatchNorm"):
            weighted += 1
            number = weighted
        steps.append(Step(
            index=row.index, type=kind, config=_filled(layer, kind),
            input_shape=tuple(row.input_shape), output_shape=tuple(row.output_shape),
            torch_name=f"{prefix}{counts[prefix]}" if prefix else None,
            book_name=f"{book_key}{counts['book.' + book_key]}", book_number=number))
    return steps


def is_sequence_spec(spec: dict) -> bool:
    """True for a network that reads sequences (N, T, F): it has a recurrent layer."""
    return any(layer.get("type") in RECURRENT for layer in spec.get("layers", ()))


def class_name(spec: dict) -> str:
    """The spec's name as a Python class name: ASCII letters and digits ("Digit Net" ->
    "DigitNet"), "Net" when nothing is left; the name is never copied into code otherwise."""
    name = "".join(ch for ch in str(spec.get("name") or "") if ch.isascii() and ch.isalnum())
    return name if name[:1].isalpha() else "Net" + name


def _filled(layer: dict, kind: str) -> dict:
    """The layer's settings with every default filled in (the engine's own defaults)."""
    from nndesk.nn import LAYERS

    return LAYERS[kind].from_config(layer).get_config()


def config_of(metadata: dict) -> dict:
    """The training settings a model was made with (its metadata's `config`), over the
    defaults of `TrainConfig`, for models written without one."""
    from nndesk.train import TrainConfig

    saved = metadata.get("config") if isinstance(metadata, dict) else None
    base = TrainConfig().to_dict()
    if isinstance(saved, dict):
        base.update({k: v for k, v in saved.items() if k in base})
    return base


@contextlib.contextmanager
def atomic_dir(target: str | os.PathLike, *, replace: bool = False) -> Iterator[Path]:
    """Yield a fresh temp folder beside `target`; on success its files become `target`'s.

    On any error (or Ctrl-C) the temp folder is removed and `target` is untouched: there is
    never a half-written export. A new or empty `target` is the temp folder renamed. An
    existing non-empty `target` is an ExportError unless `replace`; then each written file
    replaces its namesake in `target` and every other file there stays (a `trained.pt`, the
    user's notes: `--force` onto a folder must never delete what the export did not write).
    """
    target = Path(target)
    if target.exists() and not target.is_dir():
        raise ExportError(f"{target} exists and is not a folder")
    filled = target.is_dir() and any(target.iterdir())
    if filled and not replace:
        raise ExportError(f"{target} exists and is not empty (use --force to replace it)")
    target = target.resolve() if target.exists() else target   # "." has no name of its own
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"))
    try:
        yield tmp
        os.chmod(tmp, 0o755)  # mkdtemp makes 0700
        if not filled:
            if target.exists():
                target.rmdir()     # empty
            os.replace(tmp, target)
            return
        written = sorted(tmp.iterdir())
        for path in written:
            if (target / path.name).is_dir():
                raise ExportError(f"{target / path.name} is a folder, not a file an export "
                                  f"writes")
        for path in written:
            os.replace(path, target / path.name)
        tmp.rmdir()
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
