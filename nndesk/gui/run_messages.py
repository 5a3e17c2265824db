"""What the window says when a training run fails or its child process dies: each message says
what went wrong and what to do (`TrainWorker` emits them; tests/gui/test_engine_text.py)."""

from __future__ import annotations

from nndesk.gui.i18n import tr

__all__ = ["explain", "crash_text", "tensorboard_problem"]


def tensorboard_problem(problem: tuple | None) -> str | None:
    """Why the child wrote no TensorBoard log, in the window's words."""
    if problem is None:
        return None
    kind, detail = problem
    if kind == "missing":
        return tr("no TensorBoard log: pip install 'nndesk[tensorboard]' to write one")
    return tr("no TensorBoard log: {err}").format(err=detail)


def explain(kind: str, text: str) -> str:
    """A message that says what went wrong and what to do; `kind` from
    `nndesk.train.remote_child.error_kind` ("data_missing", "memory", "other"), `text` the
    error's."""
    from nndesk.gui.engine_text import translate_engine

    if kind == "data_missing":
        return tr("{err}\n\nUse Train again to download MNIST, or put the files there.").format(
            err=translate_engine(text))
    if kind == "memory":
        return tr("Out of memory: use a smaller batch size, fewer filters or fewer training "
                  "images.")
    return tr("Training failed: {err}\n\nCheck the design and the training settings.").format(
        err=translate_engine(text))


def crash_text(exitcode: int | None, checkpoint: str | None) -> str:
    """The message for a training process that ended without a word (killed, crashed)."""
    code = "?" if exitcode is None else str(exitcode)
    if exitcode is not None and exitcode < 0:
        import signal

        try:
            code += f" ({signal.Signals(-exitcode).name})"
        except ValueError:
            pass
    head = tr("The training process ended unexpectedly (exit code {code}).").format(code=code)
    if checkpoint is None:
        return head + "\n\n" + tr("No checkpoint was written yet (one is written at the end of "
                                  "each epoch): train again.")
    return head + "\n\n" + tr("The last checkpoint is kept: {path}\nResume it with: nndesk "
                              "train --resume \"{path}\" --out model.npz").format(
        path=checkpoint)
