"""The designer's view of layers: the engine's `LAYERS[t].SETTINGS`, shapes and short names."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the engine is imported when first needed (start-up time)
    from nndesk.nn.base import Setting

__all__ = ["layer_types", "settings_of", "layer_doc", "default_layer", "describe",
           "preset_of", "weight_shapes", "weights_text", "infer_prefix"]


def layer_types() -> list[str]:
    """Every layer type the engine knows, in its registry order."""
    from nndesk.nn import LAYERS

    return list(LAYERS)


def layer_doc(layer_type: str) -> str:
    """The engine's one-line description of a layer type (for tooltips)."""
    from nndesk.nn import LAYER_DOCS

    return LAYER_DOCS.get(layer_type, "")


def settings_of(layer_type: str) -> list[Setting]:
    """The engine's settings of a layer type (`nn.Setting`, each with its `name`), in order;
    [] for an unknown type. Labels and tooltips in the window's language: `gui.terms`."""
    from nndesk.nn import LAYERS

    cls = LAYERS.get(layer_type)
    return list(cls.SETTINGS.values()) if cls else []


def default_layer(layer_type: str) -> dict:
    """A new layer of this type with the engine's default settings."""
    layer: dict = {"type": layer_type}
    for s in settings_of(layer_type):
        if s.default is not None:
            layer[s.name] = s.default
    return layer


def describe(layer: dict) -> str:
    """A short line for the layer list: 'Conv2D 30 × 5×5, pad 2'."""
    t = layer.get("type", "?")
    if t == "Dense":
        return f"Dense {layer.get('units', '?')}"
    if t == "Conv2D":
        k = layer.get("kernel_size", "?")
        extra = "".join(f", {name} {layer[name]}" for name, default in (("stride", 1), ("pad", 0))
                        if layer.get(name, default) != default)
        return f"Conv2D {layer.get('filters', '?')} × {k}×{k}{extra}"
    if t in ("MaxPool2D", "AvgPool2D"):
        p = layer.get("pool_size", 2)
        stride = layer.get("stride")
        return f"{t} {p}×{p}" + (f", stride {stride}" if stride not in (None, p) else "")
    if t == "Dropout":
        return f"Dropout {layer.get('rate', 0.5):g}"
    if t in ("RNN", "GRU", "LSTM"):                 # 'GRU 32 ⇄ …': both ways, every step
        return (f"{t} {layer.get('units', '?')}" + (" ⇄" if layer.get("bidirectional") else "")
                + (" …" if layer.get("return_sequences") else ""))
    if t == "LeakyReLU":
        return f"LeakyReLU {layer.get('alpha', 0.01):g}"
    return str(t)


def _filled(layers: list) -> list:
    """Layers with every default setting written out and unset (None) ones dropped, so a
    preset's short form and a trained network's full spec compare equal."""
    out = []
    for layer in layers:
        if not isinstance(layer, dict):
            return [layer]
        full = {**default_layer(str(layer.get("type"))), **layer}
        out.append({k: v for k, v in full.items() if v is not None})
    return out


def same_design(a: dict, b: dict) -> bool:
    """True when two specs are the same network: input shape, loss and layers (every default
    setting written out: a preset's short form equals a trained network's full spec)."""
    def loss(spec: dict) -> object:
        return spec.get("loss", "softmax_cross_entropy")

    return (list(a.get("input_shape") or []) == list(b.get("input_shape") or [])
            and loss(a) == loss(b)
            and _filled(a.get("layers", [])) == _filled(b.get("layers", [])))


def preset_of(spec: dict) -> str | None:
    """The name of the preset `spec` is (same name, same layers), else None."""
    from nndesk.presets import list_presets, load_preset

    name = str(spec.get("name"))
    if name not in list_presets():
        return None
    same = _filled(load_preset(name).get("layers", [])) == _filled(spec.get("layers", []))
    return name if same else None


def weight_shapes(layer: dict, input_shape: tuple[int, ...]) -> list[tuple[str, tuple[int, ...]]]:
    """The trainable arrays of `layer` fed a per-sample `input_shape`, in the engine's layouts:
    Dense W (D, units) with D the flattened input and b (units,) (book ch. 3.3, 5.6 Affine);
    Conv2D W (filters, C, KH, KW) and b (filters,) (ch. 7.2, fig. 7-12); BatchNorm gamma, beta
    (C,) or (D,) (ch. 6.3). [] for a layer without weights. Computed from the settings, no
    array is made; the sizes add up to the layer's `num_params`."""
    t = layer.get("type")
    if t == "Dense":
        units = int(layer.get("units", 100))
        return [("W", (math.prod(input_shape), units)), ("b", (units,))]
    if t == "Conv2D":
        from nndesk.nn import LAYERS

        conv = LAYERS["Conv2D"].from_config(layer)
        k = conv.kernel_size
        return [("W", (conv.filters, input_shape[0], k, k)), ("b", (conv.filters,))]
    if t == "BatchNorm":
        return [("gamma", (input_shape[0],)), ("beta", (input_shape[0],))]
    if t in ("RNN", "GRU", "LSTM"):                # W (F, G*H), U (H, G*H), b (G*H,) per way
        from nndesk.nn import LAYERS

        rnn = LAYERS[t].from_config(layer)
        gh = rnn.GATES * rnn.units
        one = [("W", (input_shape[-1], gh)), ("U", (rnn.units, gh)), ("b", (gh,))]
        return one + [(f"back.{k}", v) for k, v in one] if rnn.bidirectional else one
    return []


def weights_text(layer: dict, input_shape: tuple[int, ...]) -> str:
    """'W 3136×256, b 256' for a Dense on a 64×7×7 input, 'γ 30, β 30' for a BatchNorm (the
    book's symbols, eq. 6.7); '' for a layer without weights."""
    symbols = {"gamma": "γ", "beta": "β"}
    return ", ".join(f"{symbols.get(name, name)} {'×'.join(map(str, shape))}"
                     for name, shape in weight_shapes(layer, input_shape))


def infer_prefix(spec: dict, stop: int) -> list:
    """`LayerInfo`s of layers 0 .. stop-1 (the valid layers before a faulty one), without the
    whole-network checks `nn.infer` adds (the last layer's shape, memory): a list shortened at
    the first layer that fails, [] when the input shape itself is wrong."""
    from nndesk.nn import LAYERS, LayerInfo

    shape = spec.get("input_shape")
    if not (isinstance(shape, (list, tuple)) and all(
            isinstance(d, int) or (d is None and i == 0 and len(shape) == 2)  # steps vary
            for i, d in enumerate(shape))):
        return []
    shape, infos = tuple(shape), []
    for index, config in enumerate(spec.get("layers", [])[:stop]):
        try:
            layer = LAYERS[config["type"]].from_config(config)
            out = layer.output_shape(shape)
            infos.append(LayerInfo(index, layer.type, shape, out, layer.num_params(shape)))
        except (KeyError, TypeError, ValueError):
            break
        shape = out
    return infos
