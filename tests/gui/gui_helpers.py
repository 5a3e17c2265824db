"""Helpers shared by the GUI tests: where the model is, a digit panel on screen, strokes that
trace digits."""

from __future__ import annotations

import json
import multiprocessing
import os
import re
import threading
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[2]
TINY_SPEC = {"name": "TinyConv", "input_shape": [1, 28, 28], "layers": [
    {"type": "Conv2D", "filters": 4, "kernel_size": 5}, {"type": "ReLU"},
    {"type": "MaxPool2D", "pool_size": 2}, {"type": "Dense", "units": 10}]}

# The designer's real cases of a refused design: a layer that cannot read what it is given,
# a setting out of range, too large for this computer (test_engine_text, test_small_screens).
DESIGNS = {
    "recurrent after Conv2D": ([1, 28, 28], [{"type": "Conv2D", "filters": 4, "kernel_size": 5},
                                              {"type": "LSTM", "units": 8},
                                              {"type": "Dense", "units": 10}]),
    "recurrent after Dense": ([1, 28, 28], [{"type": "Dense", "units": 20},
                                            {"type": "GRU", "units": 8},
                                            {"type": "Dense", "units": 10}]),
    "Conv2D after Dense": ([1, 28, 28], [{"type": "Dense", "units": 20},
                                         {"type": "Conv2D", "filters": 2}]),
    "Conv2D on a sequence": ([28, 28], [{"type": "Conv2D", "filters": 2},
                                        {"type": "Dense", "units": 10}]),
    "Dense on any length": ([None, 5], [{"type": "LSTM", "units": 8,
                                         "return_sequences": True},
                                        {"type": "Dense", "units": 10}]),
    "sequence last": ([None, 5], [{"type": "LSTM", "units": 10, "return_sequences": True}]),
    "init too large": ([1, 28, 28], [{"type": "Dense", "units": 10, "init": 1000}]),
    "not a switch": ([None, 5], [{"type": "GRU", "units": 8, "bidirectional": "yes"},
                                 {"type": "Dense", "units": 10}]),
    "kernel too large": ([1, 28, 28], [{"type": "Conv2D", "filters": 2, "kernel_size": 31},
                                       {"type": "Dense", "units": 10}]),
    "too many weights": ([1, 1000, 1000], [{"type": "Dense", "units": 4096},
                                           {"type": "Dense", "units": 10}]),
    "too large to train": ([3, 1000, 1000], [{"type": "Conv2D", "filters": 1024, "pad": 1}] * 4
                           + [{"type": "MaxPool2D", "pool_size": 16}] * 2
                           + [{"type": "Dense", "units": 10}]),  # ~25 TB for a batch of 100
}


def default_model() -> Path:
    """The shipped model (NNDESK_TEST_MODEL may point elsewhere while it is not shipped)."""
    env = os.environ.get("NNDESK_TEST_MODEL")
    return Path(env) if env else ROOT / "models" / "default.npz"


def screen_env(tmp_path: Path, width: int, height: int, **extra: str) -> dict[str, str]:
    """The environment for a child process whose offscreen platform has one width x height
    screen at 96 dpi (its config written into tmp_path), and NNDESK_HOME in tmp_path."""
    config = {"screens": [{"name": "s", "x": 0, "y": 0, "width": width, "height": height,
                           "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}
    (tmp_path / "screen.json").write_text(json.dumps(config))
    return dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={tmp_path / 'screen.json'}",
                NNDESK_HOME=str(tmp_path), **extra)


def shipped_model():
    """(network, metadata) of the shipped model; the test is skipped, saying why, without it."""
    path = default_model()
    if not path.is_file():
        pytest.skip(f"{path} is absent (the shipped model is trained by `nndesk train`)")
    from nndesk.gui.files import read_model

    return read_model(path)


def shown(qtbot, panel, width: int, height: int):
    """`panel` at width x height, shown and exposed, closed by qtbot after the test."""
    qtbot.addWidget(panel)
    panel.resize(width, height)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def shown_digit_panel(qtbot):
    """A DigitPanel on its own AppState, 360x700, shown and exposed (no model yet)."""
    from nndesk.gui.digit_panel import DigitPanel
    from nndesk.gui.state import AppState

    return shown(qtbot, DigitPanel(AppState()), 360, 700)


def digit_strokes(name: str) -> list[list[tuple[float, float]]]:
    """Strokes on the 280x280 canvas that trace digits as people write them."""
    if name == "7":
        return [[(80, 60), (130, 60), (180, 60), (205, 62), (190, 100), (170, 140),
                 (150, 180), (135, 225)]]
    if name == "1":
        return [[(140, 50), (140, 100), (139, 150), (138, 200), (138, 230)]]
    if name == "0":
        t = np.linspace(0, 2 * np.pi, 40)
        return [[(140 + 55 * np.sin(a), 140 - 85 * np.cos(a)) for a in t]]
    raise KeyError(name)


# The end of a script run by `python -c` that drives the real app (app.run): once the lazy
# views exist, `act()` (defined by the script) runs; then the app's own event loop.
RUN_WHEN_READY = """
def wait_ready():
    try:
        window().eval_panel
    except (StopIteration, AttributeError):
        QTimer.singleShot(100, wait_ready)
        return
    QTimer.singleShot(300, act)

QTimer.singleShot(100, wait_ready)
sys.exit(gui_app.run())
"""


def open_bottom_view(window, qtbot, size: tuple[int, int], view: str, settle_ms: int = 150):
    """Resize the real window to `size` and open the bottom dock named `view` from the View
    menu's action; returns the dock once it is shown and laid out."""
    from PySide6.QtWidgets import QDockWidget

    window.resize(*size)
    qtbot.waitUntil(lambda: window.size().width() == size[0])
    qtbot.wait(50)
    dock = window.findChild(QDockWidget, view)
    dock.toggleViewAction().trigger()
    qtbot.waitUntil(dock.isVisible)
    qtbot.wait(settle_ms)
    return dock


# The window's background jobs on Python threads (nndesk-batch is the process's pool of batch
# workers: it lives as long as the process, parked between batches, by design).
JOB_THREADS = ("nndesk-", "mnist-download", "lesson-experiment")
JOBS_END_S = 60.0  # at most this long for the jobs of a test to end after its teardown


def jobs_left() -> list[str]:
    """What of nndesk still runs in the background: Python job threads, the views' QThreads
    not yet deleted (jobs.pending_threads), training runs and their child processes."""
    from nndesk.gui.jobs import pending_threads
    from nndesk.train.remote import live_runs

    left = [f"thread {t.name}" for t in threading.enumerate()
            if t.name.startswith(JOB_THREADS) and t.name != "nndesk-batch" and t.is_alive()]
    left += [f"QThread {type(t).__name__}" for t in pending_threads()]
    left += [f"training run (child {r.pid})" for r in live_runs()]
    left += [f"process {p.name} ({p.pid})" for p in multiprocessing.active_children()]
    return left


def free_windows() -> None:
    """Close and delete every parentless top-level widget now. pytest-qt's deleteLater, posted
    outside any event loop, ran only in a later test's event loop (or when the GC freed the
    window): a window's jobs then ran on into the following tests."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    for w in QApplication.topLevelWidgets():
        if w.parent() is None:
            if w.isVisible():
                w.close()
            w.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


# Names a translated text keeps in English: layer types, data sets, optimizers, tools.
ENGLISH_NAMES = {"Dense", "Conv2D", "Flatten", "ReLU", "RNN", "GRU", "LSTM", "BatchNorm",
                 "MNIST", "IDX", "NaN", "SGD", "Adam", "gzip", "nndesk"}


def english_runs(text: str) -> list[str]:
    """Runs of 4+ consecutive ASCII words in `text`: English left in a translated text (words:
    letters only, lower case after the first, not in ENGLISH_NAMES; numbers, paths, ".png",
    acronyms (PNG, WebP), setting keys do not count)."""
    runs, run = [], []
    for token in re.split(r"[\s,;:()\[\]（）：；，、。…]+", text) + [""]:
        word = token.rstrip(".'\"?!`”").lstrip("'\"`“")  # ".png" is a suffix, not a word
        if re.fullmatch(r"[A-Za-z][a-z]*", word) and word not in ENGLISH_NAMES:  # not PNG, WebP
            run.append(word)
            continue
        if len(run) >= 4:
            runs.append(" ".join(run))
        run = []
    return runs
