"""The fine-tuning dialog's texts and figures: the folder's real counts of digits, the intro
built from them, what to do without digits, the before → after summary, an error on one line,
and the fine-tuned model's metadata. No widgets: `finetune_dialog.py` shows them."""

from __future__ import annotations

from typing import Any

from nndesk.gui.engine_text import translate_engine
from nndesk.gui.i18n import tr

__all__ = ["digit_counts", "intro_text", "no_digits_text", "one_line", "result_metadata",
           "summary"]


def no_digits_text() -> str:
    """What to do when no digit is saved yet, naming the canvas's button by its label."""
    return tr("No digits saved yet: draw a digit on the canvas, set its label and press "
              "“{save}”; then start.").format(save=tr("Save as my digit"))


def digit_counts(folder: Any = None) -> tuple[int, int]:
    """(digit images in the folder, how many of them are kept aside to measure the gain:
    `handwriting.is_held_out`, the rule the fine-tuning splits by); (0, 0) without a folder.
    `folder` None: the user's my_digits folder."""
    from nndesk.data.folder import FolderError
    from nndesk.insight.handwriting import folder_files, is_held_out, my_digits_dir

    try:
        files = folder_files(folder if folder is not None else my_digits_dir())
        return len(files), sum(is_held_out(path) for path, _ in files)
    except (FolderError, OSError):
        return 0, 0


def intro_text(n: int, held: int) -> str:
    """What the dialog does, with the real numbers of digits learned from and kept aside
    (QA: "a quarter are kept aside" while 4 of 10 were: each file's content decides)."""
    text = tr("Train the current model a little more on the digits you saved; MNIST "
              "digits are mixed in so it keeps reading other hands. The loaded model is "
              "not changed.")
    if n:
        text += "\n" + tr("{held} of your {n} digits are kept aside to check the gain "
                          "(each file's content decides, about one in four); the model "
                          "learns from the other {train}.").format(
            held=held, n=n, train=n - held)
    return text


def summary(result: Any) -> str:
    """The figures before -> after, in words."""
    def pct(v: float | None) -> str:
        return "–" if v is None else f"{100 * v:.1f}%"

    b, a = result.before, result.after
    return (tr("Your held-out digits ({n}): {before} → {after}").format(
                n=result.n_held_out, before=pct(b["held_out"]), after=pct(a["held_out"]))
            + "\n" + tr("MNIST test ({n}): {before} → {after}").format(
                n=f"{result.n_mnist_test:,}", before=pct(b["mnist"]),
                after=pct(a["mnist"])))


def result_metadata(started_from: tuple | None, result: Any, folder: Any = None) -> dict:
    """The fine-tuned model's metadata: what it started from ((model path, metadata)), its
    own settings, digits and figures, and the checksum of the folder as fine-tuned on."""
    from nndesk.data.folder import FolderError, folder_sha256
    from nndesk.insight.handwriting import finetuned_metadata, model_source, my_digits_dir

    start = started_from or (None, {})
    source = model_source(start[0], start[1]) if start[0] else None
    try:
        folder_sum = folder_sha256(folder if folder is not None else my_digits_dir())
    except (FolderError, OSError):
        folder_sum = None
    return finetuned_metadata(start[1], result, source=source, folder_sha256=folder_sum)


def one_line(err: BaseException) -> str:
    """An error in the reader's language, printable, on one line of at most 300 characters."""
    from nndesk.fileio import printable

    return printable(translate_engine(err) or type(err).__name__, 300)
