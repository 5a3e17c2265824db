"""A network is data: check a spec, and work out every layer's shapes and parameter count.

The designer panel calls `infer` on every edit, so every mistake becomes a `SpecError` that
names the layer and says what is wrong in words a learner understands.
"""

from __future__ import annotations

import difflib
import math
import os
import sys
from dataclasses import dataclass
from typing import Any

from nndesk.nn.base import Layer, _show
from nndesk.nn.conv import AvgPool2D, Conv2D, MaxPool2D
from nndesk.nn.layers import LAYERS
from nndesk.nn.losses import LOSSES
from nndesk.nn.recurrent import Recurrent

__all__ = ["SpecError", "check_input_shape", "LayerInfo", "MemoryEstimate", "MAX_PARAMS",
           "infer", "build_layers", "estimate_memory", "check_memory", "machine_memory"]

MAX_PARAMS = 10 ** 9       # 4 GB of float32 weights: 1,000x the book's largest network
FLOAT_BYTES = 4            # networks train in float32
OPTIMIZER_SLOTS = 2        # Adam's m and v, the most any optimizer keeps
NOMINAL_STEPS = 200        # steps counted for a sequence of any length (input_shape [null, F])


class SpecError(ValueError):
    """A spec that cannot become a network; `index` is 0-based, the message 1-based."""

    def __init__(self, reason: str, index: int | None = None, layer_type: str | None = None):
        self.reason, self.index, self.layer_type = reason, index, layer_type
        where = f"layer {index + 1} ({layer_type}): " if index is not None else ""
        super().__init__(where + reason)


@dataclass(frozen=True)
class LayerInfo:
    """One row of the shape table: per-sample input and output shapes, trainable numbers."""

    index: int
    type: str
    input_shape: tuple[int | None, ...]      # None: a sequence's steps, when they vary
    output_shape: tuple[int | None, ...]
    params: int


def check_input_shape(value: Any) -> tuple[int | None, ...]:
    """A spec's "input_shape" as a tuple: [features], [steps, features] (steps null:
    sequences of any length, padded per batch) or [channels, height, width] of positive
    whole numbers; SpecError says what is wrong (a missing one is null)."""
    def positive(v: Any) -> bool:
        return isinstance(v, int) and not isinstance(v, bool) and v > 0

    ok = (isinstance(value, (list, tuple)) and len(value) in (1, 2, 3)
          and all(positive(v) or (v is None and len(value) == 2 and i == 0)
                  for i, v in enumerate(value)))
    if not ok:
        raise SpecError(f"input_shape must be [features], [steps, features] (steps may be "
                        f"null: any length) or [channels, height, width] of positive whole "
                        f"numbers, e.g. [1, 28, 28]; got {_show(value)}")
    return tuple(value)


def _sequence_fit(layer: Layer, shape: tuple[int | None, ...]) -> None:
    """Learner words for a sequence reaching a layer that cannot read it (ValueError)."""
    if len(shape) != 2 or isinstance(layer, Recurrent):
        return
    if isinstance(layer, (Conv2D, MaxPool2D, AvgPool2D)):
        raise ValueError(f"needs an image (channels x height x width), but its input is a "
                         f"sequence ({_steps(shape)} x {shape[1]} features); {layer.type} "
                         f"reads images, RNN, GRU and LSTM read sequences")
    elementwise = type(layer).output_shape is Layer.output_shape   # activations, Dropout
    if shape[0] is None and not elementwise:
        raise ValueError(f"needs a fixed number of inputs, but its input is a sequence of "
                         f"any number of steps (x {shape[1]}); turn return_sequences off on the "
                         f"recurrent layer before it, so that only its last state comes out")


def _steps(shape: tuple[int | None, ...]) -> str:
    if shape[0] is None:
        return "any number of steps"
    return f"{shape[0]} step" + ("" if shape[0] == 1 else "s")


def _layer(index: int, config: Any) -> Layer:
    if not isinstance(config, dict) or not isinstance(config.get("type"), str):
        raise SpecError("a layer must be a dict with a \"type\", e.g. {\"type\": \"ReLU\"}",
                        index, "?")
    kind = config["type"]
    if kind not in LAYERS:
        close = difflib.get_close_matches(kind, LAYERS, n=1)
        hint = f"did you mean {close[0]}? " if close else ""
        raise SpecError(f"unknown layer type; {hint}known types: {', '.join(LAYERS)}",
                        index, _show(kind, 30).strip("'"))
    try:
        return LAYERS[kind].from_config(config)
    except ValueError as err:
        raise SpecError(str(err), index, kind) from None


def build_layers(spec: Any, batch_size: int = 1,
                 memory_bytes: int | None = None) -> tuple[list[Layer], list[LayerInfo]]:
    """Layer objects (no weights yet) and the shape table; SpecError for any mistake,
    including a design that cannot train on `batch_size` images in `memory_bytes` (default:
    this computer's memory, see `check_memory`)."""
    if not isinstance(spec, dict):
        raise SpecError("a network spec must be a dict with \"input_shape\" and \"layers\"")
    shape = check_input_shape(spec.get("input_shape"))
    configs = spec.get("layers")
    if not isinstance(configs, list) or not configs:
        raise SpecError("a network needs a non-empty list of \"layers\"")
    loss = spec.get("loss", "softmax_cross_entropy")
    if not isinstance(loss, str) or loss not in LOSSES:
        raise SpecError(f"unknown loss {_show(loss)}; choose one of {', '.join(LOSSES)}")
    if not isinstance(spec.get("name", ""), str):
        raise SpecError(f"name must be text, not {_show(spec['name'])}")
    layers, infos = [], []
    for index, config in enumerate(configs):
        layer = _layer(index, config)
        try:
            _sequence_fit(layer, shape)
            out = layer.output_shape(shape)
        except ValueError as err:
            raise SpecError(str(err), index, layer.type) from None
        infos.append(LayerInfo(index, layer.type, shape, out, layer.num_params(shape)))
        layers.append(layer)
        shape = out
    if len(shape) == 2:
        raise SpecError(f"the last layer must give one score per class (e.g. Dense with 10 "
                        f"units), but it gives a sequence ({_steps(shape)} x {shape[1]}); turn "
                        f"return_sequences off on the last recurrent layer",
                        len(layers) - 1, layers[-1].type)
    if len(shape) != 1:
        size = "x".join(map(str, shape))
        raise SpecError(f"the last layer must give one score per class (e.g. Dense with 10 "
                        f"units), but it gives a {size} map", len(layers) - 1, layers[-1].type)
    check_memory(estimate_memory(layers, infos, batch_size), memory_bytes)
    return layers, infos


def infer(spec: Any, batch_size: int = 100, memory_bytes: int | None = None) -> list[LayerInfo]:
    """Every layer's shapes and parameter count, or a SpecError naming the layer and reason.

    Also refuses a design that cannot train on a batch of `batch_size` (default 100, the
    trainer's) in `memory_bytes` (default: this computer's memory) or has more than
    MAX_PARAMS weights; the message gives both figures.
    """
    return build_layers(spec, batch_size, memory_bytes)[1]


@dataclass(frozen=True)
class MemoryEstimate:
    """Bytes a design needs: its weights, and training on a batch (float32). An estimate:
    `training` counts weights, their gradients, two optimizer arrays per weight, and per
    image each layer's output and its gradient plus a convolution's column matrix both ways;
    NumPy's temporaries come on top (measured: peak RSS within 2x of it)."""

    params: int
    weights: int
    training: int
    batch_size: int


def estimate_memory(layers: list[Layer], infos: list[LayerInfo],
                    batch_size: int) -> MemoryEstimate:
    """The `MemoryEstimate` of built layers and their shape table, for a batch of images."""
    params = sum(info.params for info in infos)
    per_image = 0
    for layer, info in zip(layers, infos, strict=True):
        per_image += 2 * _size(info.output_shape)                # output and its gradient
        if isinstance(layer, Conv2D):                            # im2col columns, dcol
            per_image += 2 * info.input_shape[0] * layer.kernel_size ** 2 * math.prod(
                info.output_shape[1:])
        if isinstance(layer, Recurrent):                         # per step: gates, states
            steps = info.input_shape[0] or NOMINAL_STEPS
            per_image += steps * layer.units * (2 * layer.GATES + 4) * (
                2 if layer.bidirectional else 1) + 2 * _size(info.input_shape)
    weights = params * FLOAT_BYTES
    training = weights * (2 + OPTIMIZER_SLOTS) + batch_size * per_image * FLOAT_BYTES
    return MemoryEstimate(params, weights, training, batch_size)


def _size(shape: tuple[int | None, ...]) -> int:
    """Numbers per sample; a sequence of any length counts NOMINAL_STEPS steps."""
    return math.prod(NOMINAL_STEPS if d is None else d for d in shape)


def machine_memory() -> int | None:
    """This computer's physical memory in bytes, None where the system does not say."""
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (AttributeError, ValueError, OSError):
        pass
    if sys.platform == "win32":
        import ctypes

        class Status(ctypes.Structure):
            _fields_ = [("length", ctypes.c_ulong), ("load", ctypes.c_ulong),
                        ("total", ctypes.c_ulonglong), ("rest", ctypes.c_ulonglong * 6)]

        status = Status(length=ctypes.sizeof(Status))
        if ctypes.windll.kernel32.GlobalMemoryStatusEx(ctypes.byref(status)):
            return int(status.total)
    return None


def check_memory(need: MemoryEstimate, memory_bytes: int | None = None) -> None:
    """SpecError when the design has more than MAX_PARAMS weights or does not fit
    `memory_bytes` (default: `machine_memory()`; no memory check where that is unknown)."""
    if need.params > MAX_PARAMS:
        raise SpecError(f"has {need.params:,} parameters; nndesk trains at most "
                        f"{MAX_PARAMS:,} ({_gb(need.weights)} for the weights alone)")
    have = machine_memory() if memory_bytes is None else memory_bytes
    if have is None:
        return
    if need.weights > have:
        raise SpecError(f"needs {_gb(need.weights)} for the weights; this computer has "
                        f"{_gb(have)}")
    if need.training > have:
        raise SpecError(f"needs {_gb(need.training)} to train on a batch of "
                        f"{need.batch_size} (weights, gradients, optimizer state and each "
                        f"layer's outputs); this computer has {_gb(have)}")


def _gb(n: int) -> str:
    return f"{n / 1e9:,.1f} GB"
