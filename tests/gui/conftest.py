"""GUI fixtures: row-major pyqtgraph, private QSettings, a small MNIST subset, a window; each
test's windows freed and its background jobs ended by its own teardown."""

from __future__ import annotations

import time

import pytest
from gui_helpers import JOBS_END_S, TINY_SPEC, free_windows, jobs_left
from PySide6.QtWidgets import QMessageBox

pytest.importorskip("PySide6")


@pytest.fixture(autouse=True, scope="module")
def _gc_on_the_gui_thread(qapp):
    """The cyclic GC runs on the GUI thread only, from a timer, as in the app (finish_window):
    never on a worker thread, never inside the delivery of a signal to the object it frees."""
    from nndesk.gui.jobs import collect_anywhere, collect_on_gui_thread

    collect_on_gui_thread(interval_s=0.2)
    yield
    collect_anywhere()


@pytest.fixture(autouse=True)
def _jobs_end_with_the_test(qapp, _private_settings, questions):
    """A test's windows are freed and its background jobs have ended when its teardown is over
    (a job still running meets the next test's widgets, or Qt's teardown: a crash seen once in
    CI, in pytest-qt's processEvents after the gradient-check test). Waits for the jobs (a
    dropped gradient check cannot be interrupted), then fails the test naming what is left.
    After the test's own fixtures (a closed window's questions are still answered)."""
    yield
    from PySide6.QtCore import QCoreApplication

    from nndesk.gui.jobs import reap

    free_windows()
    deadline = time.monotonic() + JOBS_END_S
    while jobs_left() and time.monotonic() < deadline:
        QCoreApplication.processEvents()  # the jobs' last queued signals, their deletion
        free_windows()  # a dialog opened by one of those signals
        time.sleep(0.01)  # a poll: the loop ends as soon as they have
    QCoreApplication.processEvents()
    reap()
    left = jobs_left()
    assert not left, f"still running {JOBS_END_S:.0f} s after the test: {left}"


@pytest.fixture(autouse=True)
def _private_settings(tmp_path, qapp, monkeypatch):
    """QSettings of each test live in its own folder (never the user's); the window speaks
    English whatever the machine's locale (tests of other languages set NNDESK_LANG)."""
    from nndesk.gui import i18n

    monkeypatch.setenv("NNDESK_LANG", "en")
    i18n.set_language("en")
    import pyqtgraph as pg
    from PySide6.QtCore import QSettings

    pg.setConfigOptions(imageAxisOrder="row-major", antialias=True)
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope,
                      str(tmp_path / "settings"))
    yield
    i18n.set_language("en")


@pytest.fixture(scope="session")
def small_data(mnist_dir):
    """600 training, 200 validation and 200 test images: a few seconds of training."""
    from nndesk.data.mnist import Splits, load_mnist

    d = load_mnist(flatten=False, data_dir=mnist_dir, val_split=5000)
    return Splits(d.x_train[:600], d.t_train[:600], d.x_val[:200], d.t_val[:200],
                  d.x_test[:200], d.t_test[:200])


@pytest.fixture
def window(qtbot):
    """The real main window, 1400x900, with the tiny design and no model."""
    from nndesk.gui.main_window import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    w.build_views()
    w.resize(1400, 900)
    w.state.set_spec(TINY_SPEC)
    w.show()
    qtbot.waitExposed(w)
    yield w
    if w.training.busy:
        w.training.shutdown(30_000)


@pytest.fixture(autouse=True)
def questions(monkeypatch):
    """Every yes/no question is recorded and answered Yes (a modal dialog would block the
    test), a Save/Discard/Cancel one Discard (go on); a test wanting another answer sets
    `questions.answer`."""

    class Asked(list):
        answer = QMessageBox.StandardButton.Yes

    asked = Asked()

    def question(parent, title, text, *args, **kwargs):
        asked.append((title, text))
        buttons = args[0] if args else kwargs.get("buttons")
        if (asked.answer == QMessageBox.StandardButton.Yes and buttons is not None
                and buttons & QMessageBox.StandardButton.Discard
                and not buttons & QMessageBox.StandardButton.Yes):
            return QMessageBox.StandardButton.Discard  # Save/Discard/Cancel: go on, unsaved
        return asked.answer

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


@pytest.fixture
def dialogs(monkeypatch):
    """Record warnings instead of blocking on a modal dialog."""
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda parent, title, text, *a: shown.append((title, text)))
    return shown


@pytest.fixture(autouse=True)
def _no_trajectory_model(tmp_path, monkeypatch):
    """The canvas reads the image model alone unless a test gives it a trajectory model
    (NNDESK_TRAJECTORY_MODEL): the tests of the image model's answers stay exact."""
    monkeypatch.setenv("NNDESK_TRAJECTORY_MODEL", str(tmp_path / "no-trajectory-model.npz"))


@pytest.fixture
def finetuning(window, trained_softmax, tmp_path):
    """The window with a model from a file, 40 of the user's digits (MNIST test digits
    saved as real PNG files), and its fine-tune dialog open: (window, dialog)."""
    from PIL import Image

    net, d = trained_softmax
    folder = tmp_path / "mine"
    for i in range(40):  # MNIST test digits as the user's saved digits (real files)
        (folder / str(d.t_test[i])).mkdir(parents=True, exist_ok=True)
        Image.fromarray((255 * d.x_test[i, 0]).astype("uint8")).save(
            folder / str(d.t_test[i]) / f"{i:03d}.png")
    window.state.set_model(net, path=str(tmp_path / "src.npz"), metadata={"accuracy": 0.8},
                           source="file")
    bar = window.digit.my_digits
    bar.folder = folder
    bar.finetune_button.click()
    return window, bar.dialog
