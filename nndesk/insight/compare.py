"""Which settings two training runs differ in: architecture, weight init, optimizer, learning
rate (and its schedule), seed, augmentation and the rest of `TrainConfig`. Never imports Qt;
the window's run comparison and `nndesk insight compare` show the same list."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["Difference", "GROUPS", "run_settings", "diff_runs", "settings_from_model",
           "layer_text"]

GROUPS = ("architecture", "init", "optimizer", "learning rate", "seed", "augmentation",
          "other")
_CONFIG_GROUPS = {"optimizer": "optimizer", "momentum": "optimizer", "lr": "learning rate",
                  "schedule": "learning rate", "step_size": "learning rate",
                  "gamma": "learning rate", "warmup_epochs": "learning rate", "seed": "seed",
                  "augment": "augmentation"}
_NEEDS = {"momentum": ("optimizer", {"momentum", "nesterov"}),  # read only by these
          "step_size": ("schedule", {"step"}), "gamma": ("schedule", {"step"})}
_WINDOW_ONLY = {"tensorboard", "snapshot_every_s"}  # not how the network learns


@dataclass(frozen=True)
class Difference:
    """One setting that differs: `group` (one of GROUPS), `setting` ("lr", "layer 3",
    "layer 1 init"), the two values (None: the run does not have it)."""

    group: str
    setting: str
    a: Any
    b: Any


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


def run_settings(spec: dict, config: dict) -> dict[tuple[str, str], Any]:
    """{(group, setting): value} of a run: every layer (type and settings), every weight
    init, the spec's input shape and loss, and the training settings (`TrainConfig`'s
    defaults filled in; settings an optimizer or schedule does not read are left out)."""
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


def diff_runs(a: tuple[dict, dict], b: tuple[dict, dict]) -> list[Difference]:
    """The settings in which run `a` = (spec, config) and run `b` differ, grouped in GROUPS'
    order, then in the order the settings come (layers first to last). A layer only one run
    has is a difference with None on the other side (its init is not listed again); 0.1 and
    0.10000 are the same number."""
    sa, sb = run_settings(*a), run_settings(*b)
    keys = list(sa) + [k for k in sb if k not in sa]
    diffs = [Difference(g, s, sa.get((g, s)), sb.get((g, s))) for g, s in keys
             if not _same(sa.get((g, s)), sb.get((g, s)))
             # an init only one side has: that layer differs already (architecture)
             and not (g == "init" and None in (sa.get((g, s)), sb.get((g, s))))]
    return sorted(diffs, key=lambda d: GROUPS.index(d.group))  # stable: order kept within


def settings_from_model(model) -> tuple[dict, dict]:
    """(spec, config) of a model file (`ModelFile`): the config its training recorded in the
    metadata (empty when the file does not say: every setting then reads as the default)."""
    cfg = model.metadata.get("config") if isinstance(model.metadata, dict) else None
    return model.spec, dict(cfg) if isinstance(cfg, dict) else {}
