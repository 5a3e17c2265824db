"""A network is data: check a spec, and work out every layer's shapes and parameter count.

The designer panel calls `infer` on every edit, so every mistake becomes a `SpecError` that
names the layer and says what is wrong in words a learner understands.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any

from nndesk.nn.base import Layer
from nndesk.nn.layers import LAYERS
from nndesk.nn.losses import LOSSES

__all__ = ["SpecError", "LayerInfo", "infer", "build_layers"]


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
    input_shape: tuple[int, ...]
    output_shape: tuple[int, ...]
    params: int


def _shape(value: Any) -> tuple[int, ...]:
    ok = (isinstance(value, (list, tuple)) and len(value) in (1, 3)
          and all(isinstance(v, int) and not isinstance(v, bool) and v > 0 for v in value))
    if not ok:
        raise SpecError(f"input_shape must be [features] or [channels, height, width] of "
                        f"positive whole numbers, e.g. [1, 28, 28]; got {value!r}")
    return tuple(value)


def _layer(index: int, config: Any) -> Layer:
    if not isinstance(config, dict) or not isinstance(config.get("type"), str):
        raise SpecError("a layer must be a dict with a \"type\", e.g. {\"type\": \"ReLU\"}",
                        index, "?")
    kind = config["type"]
    if kind not in LAYERS:
        close = difflib.get_close_matches(kind, LAYERS, n=1)
        hint = f"did you mean {close[0]}? " if close else ""
        raise SpecError(f"unknown layer type; {hint}known types: {', '.join(LAYERS)}",
                        index, kind)
    try:
        return LAYERS[kind].from_config(config)
    except ValueError as err:
        raise SpecError(str(err), index, kind) from None


def build_layers(spec: Any) -> tuple[list[Layer], list[LayerInfo]]:
    """Layer objects (no weights yet) and the shape table; SpecError for any mistake."""
    if not isinstance(spec, dict):
        raise SpecError("a network spec must be a dict with \"input_shape\" and \"layers\"")
    shape = _shape(spec.get("input_shape"))
    configs = spec.get("layers")
    if not isinstance(configs, list) or not configs:
        raise SpecError("a network needs a non-empty list of \"layers\"")
    loss = spec.get("loss", "softmax_cross_entropy")
    if loss not in LOSSES:
        raise SpecError(f"unknown loss {loss!r}; choose one of {', '.join(LOSSES)}")
    layers, infos = [], []
    for index, config in enumerate(configs):
        layer = _layer(index, config)
        try:
            out = layer.output_shape(shape)
        except ValueError as err:
            raise SpecError(str(err), index, layer.type) from None
        infos.append(LayerInfo(index, layer.type, shape, out, layer.num_params(shape)))
        layers.append(layer)
        shape = out
    if len(shape) != 1:
        size = "x".join(map(str, shape))
        raise SpecError(f"the last layer must give one score per class (e.g. Dense with 10 "
                        f"units), but it gives a {size} map", len(layers) - 1, layers[-1].type)
    return layers, infos


def infer(spec: Any) -> list[LayerInfo]:
    """Every layer's shapes and parameter count, or a SpecError naming the layer and reason."""
    return build_layers(spec)[1]
