"""Model files for the window: read, write and describe (through nndesk.train.modelfile)."""

from __future__ import annotations

from pathlib import Path

__all__ = ["read_model", "write_model", "describe_metadata"]


def read_model(path: str | Path) -> tuple:
    """(network, metadata) from a .npz model file; ValueError says what is wrong."""
    from nndesk.train import ModelFileError, load_model

    try:
        m = load_model(path)
    except (ModelFileError, OSError, KeyError) as err:
        raise ValueError(f"{Path(path).name}: {err}") from err
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
    """A few readable lines: file, layers, parameters, accuracy, how it was trained."""
    from nndesk.gui.i18n import tr
    from nndesk.gui.terms import choice_label, train_label

    def _value(v: object) -> str:  # a choice or a switch in the window's words
        return (tr("on") if v else tr("off")) if isinstance(v, bool) else choice_label(str(v))

    if path:
        lines = [tr("File: {path}").format(path=path)]
    else:
        lines = [tr("Not saved yet (the network being trained)") if source == "snapshot"
                 else tr("File: {path}").format(path="—")]
    spec = getattr(network, "spec", {}) or {}
    lines.append(tr("Network: {name}, {layers} layers, {params} parameters").format(
        name=spec.get("name", "untitled"), layers=len(spec.get("layers", [])),
        params=f"{getattr(network, 'num_params', 0):,}"))
    acc = metadata.get("accuracy")
    if isinstance(acc, (int, float)):
        lines.append(tr("Test accuracy: {acc}%").format(acc=f"{100 * acc:.2f}"))
    val = metadata.get("val_accuracy")
    if isinstance(val, (int, float)):
        lines.append(tr("Validation accuracy: {acc}%").format(acc=f"{100 * val:.2f}"))
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
        lines.append(tr("Settings: {settings}").format(settings=", ".join(
            f"{train_label(k)} {_value(cfg[k])}" for k in ("optimizer", "lr", "batch_size",
                                                           "weight_decay", "schedule", "augment")
            if k in cfg)))
    if metadata.get("command"):
        lines.append(tr("Command: {command}").format(command=metadata["command"]))
    if metadata.get("created"):
        lines.append(tr("Created: {created}").format(created=metadata["created"]))
    return "\n".join(lines)
