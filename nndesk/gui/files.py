"""The window's files, without Qt: designs (a spec plus training settings, JSON) and models
(read, write and describe, through nndesk.train.modelfile, which alone knows the format)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from nndesk.fileio import atomic_write_text, loads_json

__all__ = ["save_design", "load_design", "DesignFileError", "read_model", "ModelOpenError",
           "write_model", "describe_metadata", "describe_checkpoint", "with_suffix", "history_csv"]

MAX_DESIGN_BYTES = 1_000_000


class DesignFileError(ValueError):
    """A design file that cannot be read; the message says what is wrong."""


class ModelOpenError(ValueError):
    """A model file that cannot be opened: `problem` (the file named once) and `advice`, what
    to do as the model file's reader says it ("" when it says nothing)."""

    def __init__(self, problem: str, advice: str = "") -> None:
        super().__init__(f"{problem}; {advice}" if advice else problem)
        self.problem, self.advice = problem, advice


def save_design(path: str | os.PathLike, spec: dict, config: dict | None = None) -> None:
    """A design as JSON: the network spec, plus the training settings under "training"."""
    data = dict(spec)
    if config is not None:
        data["training"] = dict(config)
    atomic_write_text(path, json.dumps(data, indent=2) + "\n")


def load_design(path: str | os.PathLike) -> tuple[dict, dict | None]:
    """(spec, training settings or None) from a design JSON; DesignFileError says why not,
    naming what the file is when it is no JSON (a folder, empty, an image, binary, text) and
    a JSON text cut short as truncated (QA: a 13-byte .json was "too short")."""
    from nndesk.fileio import HEAD_BYTES, describe_file

    path = Path(path)
    if path.is_dir():
        raise DesignFileError(f"{path.name} is a folder, not a file")
    try:
        if path.stat().st_size > MAX_DESIGN_BYTES:
            raise DesignFileError(f"{path.name} is too large to be a design file")
        raw = path.read_bytes()
    except OSError as err:
        raise DesignFileError(f"cannot read {path}: {err.strerror or err}") from err
    if not raw.lstrip(b"\xef\xbb\xbf \t\r\n").startswith((b"{", b"[")):  # no JSON text
        raise DesignFileError(f"{path.name} is {describe_file(path, raw[:HEAD_BYTES])[0]}, not a "
                              f"network design")
    try:
        data = loads_json(raw)
    except ValueError as err:
        raise DesignFileError(f"{path.name} is {err}") from err
    if not isinstance(data, dict) or not isinstance(data.get("layers"), list):
        raise DesignFileError(f"{path.name} has no \"layers\" list: it is not a network design")
    from nndesk.nn.spec import SpecError, check_input_shape

    try:  # no layer could be fixed for it in the designer: the file is refused
        check_input_shape(data.get("input_shape"))
    except SpecError as err:
        raise DesignFileError(f"{path.name}: {err}") from err
    config = data.pop("training", None)
    return data, config if isinstance(config, dict) else None


def read_model(path: str | Path) -> tuple:
    """(network, metadata) from a .npz model file; ModelOpenError says what is wrong (and,
    apart, what to do when the model file's reader knows: it alone knows the format)."""
    from nndesk.train import ModelFileError, load_model

    try:
        m = load_model(path)
    except (ModelFileError, OSError, KeyError) as err:
        problem = getattr(err, "problem", str(err))  # what the file is, named once
        name = Path(path).name
        raise ModelOpenError(problem if name in problem else f"{name}: {problem}",
                             getattr(err, "advice", "")) from err
    return m.network, dict(m.metadata or {})


def write_model(path: str | Path, network, metadata: dict | None = None) -> Path:
    """Save `network` with its metadata (atomically, by nndesk.train.modelfile)."""
    from nndesk.train import ModelFileError, save_model

    meta = {k: v for k, v in (metadata or {}).items() if k != "kind"}
    try:
        return Path(save_model(path, network, meta))
    except ModelFileError as err:
        raise ValueError(str(err)) from err


def describe_metadata(network, path: str | None, metadata: dict, source: str) -> str:
    """A few readable lines: file, layers, parameters, then the model's story (accuracy,
    how it was trained or fine-tuned), a fine-tuned model's start model's story after it,
    as that model's (`modelfile.parent_story`)."""
    from nndesk.fileio import printable
    from nndesk.gui.i18n import tr
    from nndesk.gui.terms import design_name

    if path:
        lines = [tr("File: {path}").format(path=printable(path))]
    else:
        lines = [tr("Not saved yet (the network being trained)") if source == "snapshot"
                 else tr("File: {path}").format(path="—")]
    spec = getattr(network, "spec", {}) or {}
    lines.append(tr("Network: {name}, {layers} layers, {params} parameters").format(
        name=printable(design_name(spec.get("name", "untitled")), 80),
        layers=len(spec.get("layers", [])), params=f"{getattr(network, 'num_params', 0):,}"))
    return "\n".join(lines + _story_lines(metadata))


def _story_lines(metadata: dict, depth: int = 0) -> list[str]:
    """How a model's weights came to be, from its metadata: its accuracy, its training or
    fine-tuning, its creation; a start model's story after it, indented."""
    from nndesk.fileio import printable
    from nndesk.gui.i18n import fill, tr
    from nndesk.gui.terms import config_value, train_label
    from nndesk.train.modelfile import finetuning, parent_story

    lines = []
    acc, images = metadata.get("accuracy"), metadata.get("accuracy_images")
    if isinstance(acc, (int, float)):
        lines.append(tr("Test accuracy: {acc}% ({n} test images)").format(
            acc=f"{100 * acc:.2f}", n=f"{images:,}") if isinstance(images, int) else
            tr("Test accuracy: {acc}%").format(acc=f"{100 * acc:.2f}"))
    val = metadata.get("val_accuracy")
    if isinstance(val, (int, float)):
        lines.append(tr("Validation accuracy: {acc}%").format(acc=f"{100 * val:.2f}"))
    ft = finetuning(metadata)
    if ft is not None:
        lines += _finetuning_lines(ft)
    if metadata.get("epochs") is not None:
        best = metadata.get("best_epoch")
        lines.append(tr("Epochs: {epochs} (best: {best})").format(
            epochs=metadata["epochs"], best=best) if best else
            tr("Epochs: {epochs}").format(epochs=metadata["epochs"]))
    t = metadata.get("train_time_s")
    if isinstance(t, (int, float)):
        lines.append(tr("Training time: {minutes} min").format(minutes=f"{t / 60:.1f}"))
    cfg = metadata.get("config")
    if isinstance(cfg, dict):
        keys = ("optimizer", "lr", "batch_size", "weight_decay", "schedule", "augment")
        lines.append(tr("Settings: {settings}").format(settings=", ".join(
            f"{train_label(k)} {printable(config_value(cfg[k]), 40)}" for k in keys if k in cfg)))
    if metadata.get("command"):
        lines.append(tr("Command: {command}").format(command=printable(metadata["command"], 400)))
    if metadata.get("created"):
        lines.append(tr("Created: {created}").format(created=printable(metadata["created"], 80)))
    parent = parent_story(metadata)
    if parent is not None and depth < 3:
        name = printable(str((ft["from"] if ft else {}).get("name") or "—"), 80)
        lines.append(fill(tr("Before fine-tuning, the model it started from ({name}):"),
                          name=name))
        lines += ["    " + line for line in _story_lines(parent, depth + 1)]
    return lines


def _finetuning_lines(ft: dict) -> list[str]:
    """A fine-tuned model's own story: what from, on how many of the user's digits, its
    settings and time, the figures before -> after."""
    from nndesk.fileio import printable
    from nndesk.gui.float_box import compact
    from nndesk.gui.i18n import fill, tr
    from nndesk.train.modelfile import STORY_PARTS

    def pct(v: object) -> str:
        return f"{100 * v:.1f}%" if isinstance(v, (int, float)) else "–"

    start, settings, before, after = (ft[part] for part in STORY_PARTS)
    lines = [fill(tr("Fine-tuned from {name} on {n} of your digits ({held} kept aside to "
                     "check it)"), name=printable(str(start.get("name") or "—"), 80),
                  n=ft.get("n_train", "?"), held=ft.get("n_held_out", "?"))]
    what = tr("Fine-tuning: {epochs} epochs, Adam, learning rate {lr}, MNIST digits mixed "
              "in: {mixed}").format(epochs=ft.get("epochs_done", "?"),
                                   lr=compact(settings.get("lr", 0)),
                                   mixed=f"{ft.get('n_mnist_mixed', 0):,}")
    t = ft.get("time_s")
    if isinstance(t, (int, float)) and t >= 60:
        what += tr(", {minutes} min").format(minutes=f"{t / 60:.1f}")
    elif isinstance(t, (int, float)) and t > 0:
        what += tr(", {seconds} s").format(seconds=f"{t:.1f}")
    lines.append(what)
    lines.append(tr("Your held-out digits ({n}): {before} → {after}").format(
        n=ft.get("n_held_out", "?"), before=pct(before.get("held_out")),
        after=pct(after.get("held_out"))))
    if ft.get("n_mnist_test"):
        lines.append(tr("MNIST test ({n}): {before} → {after}").format(
            n=f"{ft['n_mnist_test']:,}", before=pct(before.get("mnist")),
            after=pct(after.get("mnist"))))
    return lines


def describe_checkpoint(path: str | Path) -> str | None:
    """'SimpleConvNet, epoch 2 of 4 reached, validation accuracy 97.10%' for the resume offer;
    None when the file is not a readable checkpoint."""
    from nndesk.train import ModelFileError, load_model

    try:
        m = load_model(path)
    except (ModelFileError, OSError, ValueError, KeyError):
        return None
    ck = m.checkpoint or {}
    if not isinstance(ck, dict):
        return None
    from nndesk.gui.i18n import tr

    cfg = ck.get("config") or {}
    text = tr("{network}, {optimizer} lr {lr}: {epochs_done} of {epochs} epochs done").format(
        network=m.spec.get("name", "network"), optimizer=cfg.get("optimizer", "?"),
        lr=f"{cfg.get('lr', 0):g}", epochs_done=ck.get("epoch", 0), epochs=cfg.get("epochs", "?"))
    history = ck.get("history") or []
    acc = history[-1].get("val_acc") if history and isinstance(history[-1], dict) else None
    if isinstance(acc, (int, float)):
        text += tr(", validation accuracy {acc}%").format(acc=f"{100 * acc:.2f}")
    else:
        text += tr(", no epoch finished yet")
    return text


def with_suffix(path: str, suffix: str) -> str:
    """`path` ending in `suffix` (".png"): a name typed without it gets it, as a save dialog
    on other systems would do."""
    return path if path.lower().endswith(suffix) else path + suffix


def history_csv(runs) -> str:
    """The curves as CSV text: one row per batch loss and one per epoch of every run.

    runs: objects with name, n, steps, losses, smooth (batch arrays, first n used), epochs,
    train_acc, val_acc (percent) and val_loss (gui/plots.py's Run).
    """
    import csv
    import io

    rows = [["run", "kind", "x", "loss", "smoothed_loss", "train_acc", "val_acc", "val_loss"]]
    for run in runs:
        rows += [[run.name, "batch", f"{s:g}", f"{v:.6g}", f"{m:.6g}", "", "", ""]
                 for s, v, m in zip(run.steps[:run.n], run.losses[:run.n], run.smooth[:run.n],
                                    strict=True)]
        rows += [[run.name, "epoch", e, "", "", f"{a / 100:.6g}", f"{b / 100:.6g}", f"{c:.6g}"]
                 for e, a, b, c in zip(run.epochs, run.train_acc, run.val_acc, run.val_loss,
                                       strict=True)]
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue()
