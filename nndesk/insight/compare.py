"""Which settings two training runs differ in: architecture, weight init, optimizer, learning
rate (and its schedule), seed, augmentation and the rest of `TrainConfig`. Never imports Qt;
the window's run comparison and `nndesk insight compare` show the same list.

Layers are compared by what they are, not by where they sit: the k-th Dense (Conv2D,
recurrent) hidden layer of run A beside the k-th of run B, the output layer beside the output
layer, each with the unweighted layers that follow it (activation, BatchNorm, pooling,
dropout); a weighted layer only one run has is listed on its own (`aligned_layers`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["Difference", "GROUPS", "Block", "LayerRow", "run_settings", "aligned_layers",
           "diff_runs", "settings_from_model", "layer_text"]

GROUPS = ("architecture", "init", "optimizer", "learning rate", "seed", "augmentation",
          "other")
_CONFIG_GROUPS = {"optimizer": "optimizer", "momentum": "optimizer", "lr": "learning rate",
                  "schedule": "learning rate", "step_size": "learning rate",
                  "gamma": "learning rate", "warmup_epochs": "learning rate", "seed": "seed",
                  "augment": "augmentation"}
_NEEDS = {"momentum": ("optimizer", {"momentum", "nesterov"}),  # read only by these
          "step_size": ("schedule", {"step"}), "gamma": ("schedule", {"step"})}
_WINDOW_ONLY = {"tensorboard", "snapshot_every_s"}  # not how the network learns
_FAMILY = {"Dense": "Dense", "Conv2D": "Conv2D", "RNN": "recurrent", "GRU": "recurrent",
           "LSTM": "recurrent"}  # the layers with weights, and which of them are compared


@dataclass(frozen=True)
class Difference:
    """One setting that differs: `group` (one of GROUPS), `setting` ("lr", "layer 3",
    "layer 1 init"), the two values (None: the run does not have it)."""

    group: str
    setting: str
    a: Any
    b: Any


@dataclass(frozen=True)
class Block:
    """One weighted layer of a run and the unweighted layers after it, up to the next
    weighted one: `position` (1-based, in the spec; 0 for the layers before the first
    weighted layer), `layer` (`layer_text`; None for those first layers), `init` (None when
    the layer has none), `after` (each following layer as `layer_text` writes it, without
    the settings it would take anyway)."""

    position: int
    layer: str | None
    init: Any
    after: tuple[str, ...]

    def text(self) -> str:
        """"Dense(units=100) · init he → BatchNorm, ReLU": the block on one line."""
        head = self.layer or "input"
        if self.init is not None:
            head += f" · init {self.init}"
        return f"{head} → {', '.join(self.after)}" if self.after else head


@dataclass(frozen=True)
class LayerRow:
    """One row of two runs' layers side by side: `name` ("input", "Dense 2", "recurrent 1",
    "output layer"), run A's block and run B's (None: that run has no such layer)."""

    name: str
    a: Block | None
    b: Block | None

    @property
    def differ(self) -> bool:
        """Whether the two sides differ (a side missing counts)."""
        return self.a != self.b if None in (self.a, self.b) else \
            (self.a.layer, self.a.after) != (self.b.layer, self.b.after) \
            or not _same(self.a.init, self.b.init)


def _full_layer(layer: dict) -> dict:
    """A layer's config with every setting filled in (the engine's defaults), or as given
    when the engine does not know it."""
    from nndesk.nn import LAYERS

    try:
        return LAYERS[layer["type"]].from_config(dict(layer)).get_config()
    except (KeyError, TypeError, ValueError):
        return dict(layer)


def layer_text(layer: dict | None) -> str | None:
    """"Dense(units=100)", "ReLU": a layer's type and settings without its weight init."""
    if layer is None:
        return None
    rest = {k: v for k, v in layer.items() if k not in ("type", "init")}
    return f"{layer.get('type')}({', '.join(f'{k}={v}' for k, v in rest.items())})" \
        if rest else str(layer.get("type"))


def _short_text(layer: dict) -> str:
    """`layer_text` without the settings the layer would take anyway ("BatchNorm", not
    "BatchNorm(momentum=0.9, eps=1e-05)"; "MaxPool2D(pool_size=3)"): `layer` is a full
    config; a setting is left out when the config without it builds the same layer."""
    from nndesk.nn import LAYERS

    kept = {}
    for key, value in layer.items():
        if key in ("type", "init"):
            continue
        try:
            rest = {k: v for k, v in layer.items() if k != key}
            if LAYERS[layer["type"]].from_config(rest).get_config() == layer:
                continue
        except (KeyError, TypeError, ValueError):
            pass
        kept[key] = value
    return layer_text({"type": layer.get("type"), **kept}) or ""


def _blocks(spec: dict) -> list[tuple[str, Block]]:
    """[(name, Block)] of a spec: "input" (the layers before the first weighted one, when
    there are any), "Dense 1", "Conv2D 1", ... for the hidden weighted layers (numbered per
    family), "output layer" for the last weighted layer."""
    layers = [_full_layer(raw) for raw in spec.get("layers", []) if isinstance(raw, dict)]
    starts = [i for i, layer in enumerate(layers) if layer.get("type") in _FAMILY]
    first = starts[0] if starts else len(layers)
    out = [("input", Block(0, None, None, tuple(map(_short_text, layers[:first]))))] \
        if first else []
    counts: dict[str, int] = {}
    for n, i in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(layers)
        family = _FAMILY[layers[i]["type"]]
        counts[family] = counts.get(family, 0) + 1
        name = "output layer" if n == len(starts) - 1 else f"{family} {counts[family]}"
        out.append((name, Block(i + 1, layer_text(layers[i]), layers[i].get("init"),
                                tuple(map(_short_text, layers[i + 1:end])))))
    return out


def aligned_layers(a: tuple[dict, dict], b: tuple[dict, dict]) -> list[LayerRow]:
    """The layers of runs `a` and `b` ((spec, config) each) side by side: the k-th hidden
    Dense (Conv2D, recurrent) of A beside the k-th of B, output beside output, the first
    unweighted layers beside each other; a block only one run has gets a row of its own,
    after the row of the block before it. Rows in A's order."""
    blocks_a, blocks_b = dict(_blocks(a[0])), _blocks(b[0])
    rows = [LayerRow(name, block, None) for name, block in blocks_a.items()]
    at = -1  # the row of B's previous block
    for name, block in blocks_b:
        found = next((i for i, r in enumerate(rows) if r.name == name), None)
        if found is None:
            at += 1
            rows.insert(at, LayerRow(name, None, block))
        else:
            rows[found] = LayerRow(name, rows[found].a, block)
            at = found
    return rows


def run_settings(spec: dict, config: dict) -> dict[tuple[str, str], Any]:
    """{(group, setting): value} of a run: every layer (type and settings; "layer 3"), every
    weight init ("layer 3 init"), the spec's input shape and loss, and the training settings
    (`TrainConfig`'s defaults filled in; settings an optimizer or schedule does not read are
    left out)."""
    from nndesk.train import TrainConfig

    out: dict[tuple[str, str], Any] = {
        ("architecture", "input_shape"): list(spec.get("input_shape", [])),
        ("architecture", "loss"): spec.get("loss", "softmax_cross_entropy")}
    for i, raw in enumerate(spec.get("layers", []), 1):
        layer = _full_layer(raw)
        out[("architecture", f"layer {i}")] = layer_text(layer)
        if "init" in layer:
            out[("init", f"layer {i} init")] = layer["init"]
    cfg = {**TrainConfig().to_dict(), **config}
    cfg["optimizer"] = str(cfg["optimizer"]).lower()
    for key, value in cfg.items():
        if key in _WINDOW_ONLY:
            continue
        needs = _NEEDS.get(key)
        if needs is not None and str(cfg.get(needs[0])).lower() not in needs[1]:
            continue
        out[(_CONFIG_GROUPS.get(key, "other"), key)] = value
    return out


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) \
            and not isinstance(a, bool) and not isinstance(b, bool):
        return float(a) == float(b)
    return a == b


def _layer_diffs(rows: list[LayerRow]) -> list[Difference]:
    """The architecture and init differences of aligned layers: per row the weighted layer
    ("Dense 2"), the layers after it ("after Dense 2"), its init ("Dense 2 init"); a block
    only one run has is one difference (`Block.text`, its init in it)."""
    out = []
    for row in rows:
        a, b = row.a, row.b
        if a is None or b is None:
            out.append(Difference("architecture", row.name, a and a.text(), b and b.text()))
            continue
        if a.layer != b.layer:
            out.append(Difference("architecture", row.name, a.layer, b.layer))
        if a.after != b.after:
            out.append(Difference("architecture", f"after {row.name}",
                                  ", ".join(a.after) or "nothing", ", ".join(b.after) or
                                  "nothing"))
        if not _same(a.init, b.init):
            out.append(Difference("init", f"{row.name} init", a.init, b.init))
    return out


def diff_runs(a: tuple[dict, dict], b: tuple[dict, dict]) -> list[Difference]:
    """The settings in which run `a` = (spec, config) and run `b` differ, grouped in GROUPS'
    order, then in the order the settings come. Layers are compared as `aligned_layers`
    pairs them ("Dense 2", "after Dense 2", "Dense 2 init", "output layer"; a block only one run
    has: None on the other side); 0.1 and 0.10000 are the same number."""
    sa, sb = run_settings(*a), run_settings(*b)
    keys = [k for k in list(sa) + [k for k in sb if k not in sa]
            if k[0] != "init" and not k[1].startswith("layer ")]
    diffs = [Difference("architecture", s, sa.get((g, s)), sb.get((g, s))) for g, s in keys
             if g == "architecture" and not _same(sa.get((g, s)), sb.get((g, s)))]
    diffs += _layer_diffs(aligned_layers(a, b))
    diffs += [Difference(g, s, sa.get((g, s)), sb.get((g, s))) for g, s in keys
              if g != "architecture" and not _same(sa.get((g, s)), sb.get((g, s)))]
    return sorted(diffs, key=lambda d: GROUPS.index(d.group))  # stable: order kept within


def settings_from_model(model) -> tuple[dict, dict]:
    """(spec, config) of a model file (`ModelFile`): the config its training recorded in the
    metadata (empty when the file does not say: every setting then reads as the default)."""
    cfg = model.metadata.get("config") if isinstance(model.metadata, dict) else None
    return model.spec, dict(cfg) if isinstance(cfg, dict) else {}
