"""Quitting while work is under way: the one place that decides what a close asks. Every long
job whose work a quit would lose is listed here (`unfinished_work(window)`): a training run
(its checkpoint is kept and offered at the next start), a fine-tuning running or finished
but not saved (the fine-tuned model is lost), a lesson's MNIST experiment (its curves are
lost) and an export being written (it is not finished). The close asks once about all of
them (`ask_quit(parent, work)`), Yes stops each (`Work.stop`). Jobs that lose nothing are
not asked about: an evaluation, the Why view, Layer health, the gradient check and the
neighbours' features are measured again on demand, and `jobs.finish_threads` stops them at
quit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QMessageBox, QWidget

from nndesk.gui.i18n import N_, tr

__all__ = ["Work", "unfinished_work", "ask_quit"]


@dataclass
class Work:
    """A job running now: `title` the question when it is the only one ("Stop training and
    quit?"), `text` what a quit does to it (English, translated when shown), `stop` ends it
    (None: the window's close ends it itself, as the training run's checkpoint)."""

    title: str
    text: str
    stop: Callable[[], None] | None = None


TRAINING = Work(N_("Stop training and quit?"), N_(
    "A run is training. Quit now and the run stops after this batch; its checkpoint is kept, "
    "and nndesk offers to resume it at the next start."))
FINETUNING = (N_("Stop fine-tuning and quit?"), N_(
    "Fine-tuning is running. Quit now and it stops: the fine-tuned model is not kept "
    "(the model you started from is unchanged)."))
FINETUNED = (N_("Quit without saving the fine-tuned model?"), N_(
    "The fine-tuned model is not saved yet (Save… in the fine-tuning window). Quit now and "
    "it is lost."))
EXPERIMENT = (N_("Stop the experiment and quit?"), N_(
    "A lesson's experiment is running. Quit now and it stops: its curves are lost."))
EXPORT = (N_("Stop the export and quit?"), N_(
    "A model is being exported. Quit now and the export is not finished (nothing "
    "half-written is left)."))


def unfinished_work(window: QWidget) -> list[Work]:
    """The jobs running in `window` (a MainWindow) that a quit would lose, in the order the
    question names them."""
    from nndesk.gui.finetune_dialog import FinetuneDialog

    work = []
    training = getattr(window, "training", None)
    if training is not None and training.busy:
        work.append(TRAINING)
    for dialog in window.findChildren(FinetuneDialog):
        if dialog.running:
            work.append(Work(*FINETUNING, stop=dialog.job.forget))
        elif dialog.result is not None and dialog.saved_path is None:
            work.append(Work(*FINETUNED))
    from nndesk.gui.export_dialog import ExportDialog
    from nndesk.gui.lessons.experiments_page import ExperimentsPage

    for page in window.findChildren(ExperimentsPage):
        if page.running:
            work.append(Work(*EXPERIMENT, stop=page.stop))
    for dialog in window.findChildren(ExportDialog):
        if dialog.isVisible() and dialog.running:
            work.append(Work(*EXPORT))
    return work


def ask_quit(parent: QWidget, work: list[Work]) -> bool:
    """True when the user agrees to stop `work` and quit (asked once for all of it)."""
    if len(work) == 1:
        title = tr(work[0].title)
    else:
        title = tr("Stop the work under way and quit?")
    text = "\n\n".join(tr(w.text) for w in work) + "\n\n" + title
    return QMessageBox.question(parent, title, text) == QMessageBox.StandardButton.Yes
