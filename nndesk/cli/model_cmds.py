"""`nndesk info | gradcheck | presets`: looking at networks (`eval`: eval_cmd.py, `predict`:
predict_cmd.py)."""

from __future__ import annotations

import argparse
import json
import shutil

from nndesk.cli.common import UserError, dumps, load_model_arg, set_threads, spec_from_args, table
from nndesk.fileio import printable

__all__ = ["cmd_info", "cmd_gradcheck", "cmd_presets"]



def _shape(shape) -> str:
    return "x".join("T" if d is None else str(d) for d in shape)  # T: steps vary


def cmd_info(args: argparse.Namespace) -> int:
    """The layers of a network (a model file, a preset or a spec) and a model's metadata."""
    from nndesk.nn import infer

    if args.model is not None and (args.preset or args.spec):
        raise UserError("give a model file, --preset or --spec, not several")
    metadata = None
    if args.model is not None:
        model = load_model_arg(args.model)
        spec, metadata = model.spec, model.metadata
    else:
        if not (args.preset or args.spec):
            raise UserError("give a model file, --preset NAME or --spec FILE.json")
        spec = spec_from_args(args.preset, args.spec)
    layers = infer(spec)
    if args.json:
        print(dumps({"spec": spec, "metadata": metadata,
                          "layers": [{"type": i.type, "output_shape": list(i.output_shape),
                                      "params": i.params} for i in layers]}))
        return 0
    print(f"{printable(spec.get('name', 'network'))}: input {_shape(spec['input_shape'])}")
    rows = [["#", "layer", "settings", "output", "params"]]
    for layer, config in zip(layers, spec["layers"], strict=True):
        settings = printable(" ".join(f"{k}={v}" for k, v in config.items() if k != "type"))
        rows.append([str(layer.index + 1), layer.type, settings, _shape(layer.output_shape),
                     f"{layer.params:,}"])
    rows.append(["", "total", "", "", f"{sum(layer.params for layer in layers):,}"])
    print(table(rows, right={0, 4}))
    if metadata:
        print("\nmetadata")
        _print_metadata(metadata, 2)
    return 0


def _print_metadata(metadata: dict, indent: int, depth: int = 0) -> None:
    """One line per entry; a fine-tuned model's start model's story (`parent`) as a block of
    its own, indented, named as that model's (`nndesk info --json` gives it all)."""
    from nndesk.train.modelfile import finetuning, parent_story

    parent = parent_story(metadata)
    keys = [k for k in metadata if k != "parent" or parent is None]
    if not keys and parent is None:
        return
    width = min(30, max([len(printable(k)) for k in keys] or [6]))
    room = shutil.get_terminal_size((120, 24)).columns - width - indent - 2
    for key in keys:
        first, *more = _meta_text(key, metadata[key]).split("\n")  # a story: several lines
        print(f"{' ' * indent}{printable(key, limit=width).ljust(width)}  "
              f"{printable(first, limit=room)}")
        for line in more:
            print(f"{' ' * (indent + width + 2)}{printable(line, limit=room)}")
    if parent is not None:
        ft = finetuning(metadata)
        name = ft["from"].get("name") if ft else None
        print(f"{' ' * indent}parent: the model it started from"
              f"{' (' + printable(str(name), 80) + ')' if name else ''}, as that model's")
        if depth < 3:
            _print_metadata(parent, indent + 4, depth + 1)


def _meta_text(key: str, value) -> str:
    """One readable line for a metadata entry (`nndesk info --json` gives it all)."""
    if isinstance(value, float) and ("accuracy" in key or key.endswith("_acc")):
        return f"{value:.2%}"
    if isinstance(value, float) and key.endswith("_s"):
        return f"{value:.1f} s"
    if key == "per_digit" and isinstance(value, list):
        return "  ".join(f"{d}: {'-' if v is None else f'{v:.1%}'}" for d, v in enumerate(value))
    if key == "history" and isinstance(value, list):
        return f"{len(value)} epochs (nndesk info --json for the curves)"
    if key == "data" and isinstance(value, dict):
        official = "official files" if value.get("official") else "files differ from official"
        return f"{value.get('dataset')}, {official} (sha256 in --json)"
    if key == "finetuned" and isinstance(value, dict):
        from nndesk.train.modelfile import finetuning

        return _finetuned_text(finetuning({key: value}))
    if key == "init_from" and isinstance(value, dict):
        acc = value.get("accuracy")
        return f"{value.get('name')}" + (f" (test accuracy {acc:.2%})"
                                         if isinstance(acc, (int, float)) else "")
    if key == "accuracy_images" and isinstance(value, int):
        return f"{value:,} MNIST test images measured (accuracy above)"
    if isinstance(value, dict):
        return " ".join(f"{k}={v}" for k, v in value.items())
    return value if isinstance(value, str) else json.dumps(value)


def cmd_gradcheck(args: argparse.Namespace) -> int:
    """Backprop against numerical gradients, tensor by tensor; exit 1 if any is off."""
    from nndesk.insight.gradients import TOLERANCE, tolerance_text
    from nndesk.nn import gradcheck as check

    set_threads(args.threads)
    spec = spec_from_args(args.preset, args.spec)
    errors = check(spec, seed=args.seed, h=args.step, max_checks=args.max_checks or None)
    rows = [["tensor", "layer", "relative error", "result"]]
    failed = False
    for name, err in errors.items():
        ok = bool(err < TOLERANCE)  # NaN fails too
        failed |= not ok
        index = name.split(".")[0]
        layer = spec["layers"][int(index)]["type"] if index.isdigit() else ""
        rows.append([name, layer, f"{err:.2e}", "PASS" if ok else "FAIL"])
    print(table(rows, right={2}))
    sampled = (f"{args.max_checks} random elements per tensor" if args.max_checks
               else "every element")
    print(f"\n{'FAIL' if failed else 'PASS'}: relative error below {tolerance_text()} "
          f"for every tensor ({sampled}, float64 central differences, step {args.step:g})")
    return 1 if failed else 0


def cmd_presets(args: argparse.Namespace) -> int:
    """Each shipped preset with its parameter count and one-line description."""
    from nndesk.nn import infer
    from nndesk.presets import list_presets, load_preset

    rows = [["preset", "params", "description"]]
    for name in list_presets():
        spec = load_preset(name)
        params = sum(layer.params for layer in infer(spec))
        rows.append([name, f"{params:,}", spec.get("description", "")])
    room = shutil.get_terminal_size((120, 24)).columns - 2
    for line in table(rows, right={1}).splitlines():
        print(line if len(line) <= room else line[:room - 3] + "...")
    return 0


def _finetuned_text(ft: dict) -> str:
    """A fine-tuned model's own story on three lines: from what, on which digits; how; the
    figures before -> after."""
    from nndesk.train.modelfile import STORY_PARTS

    def pct(v: object) -> str:
        return f"{v:.1%}" if isinstance(v, (int, float)) else "-"

    start, cfg, before, after = (ft[part] for part in STORY_PARTS)
    text = (f"from {start.get('name', '?')} on {ft.get('n_train', '?')} of your digits "
            f"({ft.get('n_held_out', '?')} held out)\n{ft.get('epochs_done', '?')} epochs, "
            f"adam lr {cfg.get('lr', '?')}, {ft.get('n_mnist_mixed', 0):,} MNIST images mixed in")
    if isinstance(ft.get("time_s"), (int, float)):
        text += f", {ft['time_s']:.1f} s"
    text += f"\nheld-out digits {pct(before.get('held_out'))} -> {pct(after.get('held_out'))}"
    if ft.get("n_mnist_test"):
        text += (f"; MNIST test ({ft['n_mnist_test']:,}) {pct(before.get('mnist'))} -> "
                 f"{pct(after.get('mnist'))}")
    return text
