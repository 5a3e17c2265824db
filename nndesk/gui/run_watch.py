"""What the window watches in a run and keeps beside it: a diverging loss, a run that is not
learning, the batch-loss curve saved next to a checkpoint, the status line at the end
(`finish_line`).
(Split out of training.py, which starts and stops the worker thread.)"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from pathlib import Path

from nndesk.fileio import loads_json
from nndesk.gui.engine_text import translate_engine
from nndesk.gui.i18n import tr, tr_n

__all__ = ["CHANCE_FACTOR", "not_learning", "not_learning_hint",
           "usual_lr", "lr_far_too_small",
           "curve_path", "is_diverging", "save_curve", "load_curve", "finish_line",
           "finish_text", "untrainable", "keeps_model_before"]

# "not learning": validation accuracy below twice chance (20% for ten classes). A network that
# learns at all passes that within its first epoch on MNIST (a linear model reaches ~85%); the
# runs QA saw at 14.8% and 16.9% were equally useless and were told apart by a 15% line.
CHANCE_FACTOR = 2.0


def not_learning(val_acc: float | None, num_classes: int) -> bool:
    """The one rule of a run that is not learning (the epoch's warning, the canvas keeping
    its model): validation accuracy below CHANCE_FACTOR x chance. None (no validation): False."""
    return val_acc is not None and val_acc < CHANCE_FACTOR / num_classes


def usual_lr(optimizer: str) -> float | None:
    """The optimizer's usual learning rate: its constructor's default, the book's and Keras's
    (Adam 0.001, SGD 0.01; the book's ch. 6 compares them at these); None for an unknown name."""
    import inspect

    from nndesk.nn import OPTIMIZERS

    for name, cls in OPTIMIZERS.items():
        if name.lower() == str(optimizer).lower():
            return float(inspect.signature(cls).parameters["lr"].default)
    return None


def lr_far_too_small(optimizer: str, lr: object) -> bool:
    """True when `lr` is under a tenth of the optimizer's usual rate (Adam below 1e-4, SGD
    below 1e-3): the weights hardly move in an epoch, and lowering it is the wrong advice
    (QA: Adam at 3e-7, 9.4% after an epoch, was told to lower it)."""
    usual = usual_lr(optimizer)
    return usual is not None and isinstance(lr, (int, float)) and 0 < lr < usual / 10


def not_learning_hint(trouble: str | None, optimizer: str = "", lr: object = None) -> str:
    """What to try for a run that is not learning: `trouble` is what Layer health measured
    on the run's weights ("saturated", "vanishing", "dead"; None: nothing measured or seen);
    `optimizer` and `lr` the run's, a rate far below the usual one advised up."""
    from nndesk.gui.float_box import compact

    raise_it = ""
    if lr_far_too_small(optimizer, lr):
        usual = compact(usual_lr(optimizer))
        raise_it = tr("The learning rate {lr} is far below {optimizer}'s usual {usual}: the "
                      "weights hardly move. Raise it (try {usual}).").format(
            lr=compact(lr), optimizer=optimizer, usual=usual)
    if trouble:
        measured = tr("Layer health measured {trouble} units or gradients: the initial weights "
                      "are the likely cause (try He or Xavier init instead of a large std), "
                      "then the learning rate.").format(trouble=tr(trouble))
        return f"{measured} {raise_it}".strip()
    if raise_it:
        return raise_it
    return tr("Lower the learning rate, or open View ▸ Layer health: saturated units or "
              "vanishing gradients point at the initial weights.")


def curve_path(checkpoint: str | Path) -> Path:
    """Where the window keeps a checkpoint's batch losses: run-x.ckpt.npz -> run-x.ckpt.curve.json
    (the checkpoint holds per-epoch history only; the curve makes a resumed plot whole)."""
    p = Path(checkpoint)
    return p.with_name(p.name.removesuffix(".npz") + ".curve.json")


def save_curve(ckpt: Path, steps: list[int], losses: list[float]) -> None:
    """Write the batch losses beside checkpoint `ckpt` (atomic); an unwritable folder is
    passed over: the run still resumes, its plot starts where it resumed."""
    from nndesk.fileio import atomic_write_text

    try:
        atomic_write_text(curve_path(ckpt), json.dumps({"steps": steps, "losses": losses}))
    except OSError:
        pass


def load_curve(ckpt: Path, up_to_step: int) -> list[tuple[int, float]]:
    """(step, loss) pairs saved beside `ckpt`, up to `up_to_step`; [] when there is no curve
    or it is not ours (unreadable, wrong shape)."""
    try:
        data = loads_json(curve_path(ckpt).read_bytes())
        return [(int(s), float(v)) for s, v in zip(data["steps"], data["losses"], strict=True)
                if int(s) <= up_to_step]
    except (OSError, ValueError, KeyError, TypeError):
        return []


def is_diverging(losses: list[float], num_classes: int = 10, window: int = 10) -> bool:
    """True when the recent batch losses are far above where training started.

    losses: every finite batch loss so far. Diverging = the mean of the last `window` losses
    is over 10x the larger of the first loss and chance level, ln(num_classes) (the
    cross-entropy of a uniform guess: 2.30 for 10 classes). A learning rate that is too large
    makes the loss grow by orders of magnitude (the book's ch. 6, Fig. 6-2 and its text), so the
    test is loose on purpose: it never fires on the noise of a healthy run.
    """
    if len(losses) < window:
        return False
    base = max(losses[0], math.log(num_classes))
    recent = losses[-window:]
    return sum(recent) / window > 10 * base


def keeps_model_before(before: tuple | None, new_acc: object,
                       confirm_worse: Callable[[float, float | None], bool] | None) -> bool:
    """True when the canvas keeps the model it had before the run, `before` = (network,
    path, metadata). A trained model never measured on the test images (`new_acc` None: a
    stopped run, resumed rather than judged) never replaces it. A measured one replaces it
    unasked only when it is at least as accurate; when it is less accurate, or when the
    model before has no accuracy recorded (a fine-tuned or older file: not known to be
    worse), `confirm_worse(new, old or None)` (the window asks the user; True: use the new
    one) decides; without a question (None) the new one is used."""
    if before is None or before[0] is None:
        return False
    if not isinstance(new_acc, (int, float)):
        return True   # never swapped, unasked, for a model of unknown accuracy
    old_acc = (before[2] or {}).get("accuracy")
    old = float(old_acc) if isinstance(old_acc, (int, float)) else None
    if confirm_worse is None or (old is not None and new_acc >= old):
        return False
    return not confirm_worse(float(new_acc), old)


def finish_text(info: dict) -> str:
    """The status line for a finished run: the window's own words for a normal end (the
    trainer's message otherwise)."""
    n = (info.get("metadata") or {}).get("epochs")
    if info.get("stopped") == "finished" and isinstance(n, int):
        return tr_n("Finished %n epoch(s)", n)
    return translate_engine(str(info.get("message", "")))


def finish_line(info: dict, did_not_learn: bool, kept: bool) -> Callable[[], str]:
    """The finished run's status line (`finish_text`, the test accuracy, the file, what became
    of the model) as a function of the current language: it holds the run's numbers and
    names, its words are looked up at each call (View ▸ Language calls it again; read back
    from the screen, its pieces came out in two languages)."""
    acc = (info.get("test") or {}).get("accuracy")
    out, tb = info.get("out"), info.get("tensorboard")

    def line() -> str:
        text = finish_text(info)
        if acc is not None:
            text += tr(" · test accuracy {acc}%").format(acc=f"{100 * acc:.2f}")
        if out:
            text += tr(" · saved to {path}").format(path=Path(out).name)  # full path: Ctrl+I
        if tb:  # where the log went (and the command to view it), or why there is none
            text += " · " + (tb["problem"] or tr("TensorBoard: tensorboard --logdir {dir}")
                             .format(dir=Path(tb["dir"]).parent))
        if did_not_learn:
            text += tr(" · the canvas keeps the model it had (this one did not learn)")
        elif kept and acc is None:
            text += tr(" · the canvas keeps the model it had (this one was not measured on "
                       "the test images; File ▸ Open model… uses it)")
        elif kept:
            text += tr(" · the canvas keeps the model it had, as you chose (File ▸ Open "
                       "model… uses this one)")
        return text[:1].upper() + text[1:]

    return line


def untrainable(spec: dict) -> tuple[str, str] | None:
    """(title, why) when the window cannot train the design `spec`, else None: a sequence
    design (input (T, F)) reads pen paths, and the window trains on MNIST images only. The
    Train button says it in its tooltip (disabled); Ctrl+T shows it as a dialog."""
    if len(spec.get("input_shape") or ()) != 2:
        return None
    return tr("This network reads pen paths"), tr(
        "Its input is a sequence of pen points, not an image, and the window trains "
        "on MNIST images. Save the design and train it from the command line:\n\n"
        "nndesk train --spec DESIGN.json --dataset pendigits --augment --out path.npz")
