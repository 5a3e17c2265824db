"""Start the window: `run()` is what `nndesk` and `nndesk gui` call."""

from __future__ import annotations

import os
import sys
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the real imports are lazy: the window must appear fast
    from PySide6.QtWidgets import QApplication

    from nndesk.gui.main_window import MainWindow

__all__ = ["run", "create_window", "finish_window", "freeze_start_up"]


def create_window(model_path: str | None = None, *,
                  lazy: bool = False) -> tuple[QApplication, MainWindow]:
    """The QApplication (created once) and a MainWindow with a model and a design loaded.

    lazy: leave the plots and the model for `finish_window` (run() shows the window first).
    """
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("nndesk")
    app.setOrganizationName("nndesk")
    from nndesk.gui.main_window import MainWindow

    window = MainWindow()
    if not lazy:
        finish_window(window, model_path)
    return app, window


def finish_window(window: MainWindow, model_path: str | None = None) -> None:
    """Build the plot views and load the start model (after the window is on screen)."""
    from threadpoolctl import threadpool_limits

    # The CLI's thread policy (cli/common.set_threads): one BLAS thread everywhere (a GEMM split
    # over two spin-waiting BLAS threads stalled drawing 100 ms on a busy machine); training
    # splits each batch between two batch workers, which sleep when they wait.
    threadpool_limits(limits=1)
    from nndesk.nn.parallel import default_workers, set_workers
    set_workers(default_workers())
    from nndesk.nn.memory import keep_freed_memory  # malloc keeps freed blocks (nn/memory.py)
    keep_freed_memory()
    window.build_views()
    from nndesk.gui.jobs import collect_on_gui_thread

    collect_on_gui_thread()  # pyqtgraph is loaded now: the GC runs on this thread only
    _load_start_model(window, model_path)
    if model_path is None:
        _restore_session(window)
    _report_ignored_settings(window)
    if window.isVisible():  # the loaded design's rows and totals are wider than the empty
        from PySide6.QtCore import QTimer  # one's the docks were sized for at show: widen

        from nndesk.gui.session import widen_docks  # them (a sideways bar cut the designer)

        QTimer.singleShot(0, window, lambda: widen_docks(window))


def freeze_start_up() -> int:
    """Collect start-up's garbage once, then set everything alive aside from the cyclic
    garbage collector (`gc.freeze`): the modules, widgets and model made at start-up live as
    long as the window, and a full collection that scanned them all took ~70 ms on the GUI
    thread (a stroke that met it waited that long). Call on the GUI thread once the window
    is finished; returns the number of objects set aside."""
    import gc

    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()


def _restore_session(window: MainWindow) -> None:
    """The last design and training settings (checked; a bad saved value is skipped)."""
    from nndesk.gui.session import restore_session
    from nndesk.gui.state import default_config

    spec, config = restore_session(window.settings, default_config())
    if config:
        window.state.set_config(**config)
    if spec is not None:
        window.state.set_spec(spec)


def _report_ignored_settings(window: MainWindow) -> None:
    """Saved settings that were not understood: said once, in the status bar (and stderr)."""
    from nndesk.gui.i18n import tr
    from nndesk.gui.settings_check import reported

    bad = sorted(reported())
    if bad:
        window.statusBar().showMessage(tr(
            "Some saved settings were not understood and were ignored: {keys}").format(
            keys=", ".join(k.rsplit(" ", 1)[-1] for k in bad)), 20_000)


def _load_start_model(window: MainWindow, model_path: str | None) -> None:
    """The given model, else the one the canvas used when nndesk closed, else the shipped
    one; else a preset design and 'no model yet'."""
    from nndesk.gui.session import session_model
    from nndesk.paths import default_model_path

    last = None if model_path else session_model(window.settings)
    if last and window.files.load_model(last):
        return
    path = model_path or str(default_model_path())
    if (model_path or default_model_path().is_file()) and window.files.load_model(path):
        return
    from nndesk.presets import list_presets, load_preset

    names = list_presets()
    if names:
        name = "SimpleConvNet" if "SimpleConvNet" in names else names[0]
        window.designer.preset.setCurrentText(name)
        if window.state.spec.get("name") != load_preset(name).get("name"):
            window.state.set_spec(load_preset(name))


def _error_dialog(window):
    """An unexpected error in a handler becomes a dialog; the window keeps working.

    PySide calls the hook on the thread that raised (a job's `QThread.run`, a worker's slot):
    the dialog is queued to the GUI thread, never built there (it was: SIGSEGV in
    `show_error`). It opens from the event loop once the failing handler has returned, not
    as a modal loop inside a paintEvent or a signal's delivery. Only the text is kept: the
    traceback, and `sys.last_traceback` that Python keeps for debuggers, hold the handler's
    frames and so its locals (a paintEvent's QPainter stayed active, and the window crashed
    painting later; freed by the next error's thread, it would be freed off the GUI thread).
    """
    import traceback

    from PySide6.QtCore import QTimer

    def show(text: str) -> None:
        from nndesk.gui.i18n import tr

        window.show_error(tr("Something went wrong"), tr(
            "{error}\n\nThe window keeps working; if this happens again, save your design "
            "and model, restart nndesk, and report the message above.").format(error=text))

    def hook(kind, value, tb) -> None:
        traceback.print_exception(kind, value, tb)
        for name in ("last_type", "last_value", "last_traceback", "last_exc"):
            if hasattr(sys, name):
                setattr(sys, name, None)
        if issubclass(kind, KeyboardInterrupt):
            QTimer.singleShot(0, window, window.close)
            return
        text = f"{kind.__name__}: {value}"
        QTimer.singleShot(0, window, lambda: show(text))  # run by the window's (GUI) thread

    return hook


def run(model_path: str | None = None) -> int:
    """Open the window (with `model_path`, or the shipped model) and run until it closes.

    Returns 2 with one line on stderr, before Qt starts, when there is no display or Qt's
    system libraries are missing (nndesk.gui.display).
    """
    from nndesk.gui.display import display_problem

    problem = display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    from PySide6.QtCore import QTimer

    app, window = create_window(model_path, lazy=True)
    sys.excepthook = _error_dialog(window)
    window.show()
    if os.environ.get("NNDESK_LAUNCH_PROBE"):  # nndesk.gui.measure: times to shown and ready
        def shown() -> None:  # runs once the show and first paint events are processed
            print(f"NNDESK_SHOWN {time.time():.6f}", flush=True)
            finish_window(window, model_path)
            print(f"NNDESK_READY {time.time():.6f}", flush=True)
            app.quit()

        QTimer.singleShot(0, shown)
    else:
        QTimer.singleShot(0, lambda: (finish_window(window, model_path), freeze_start_up(),
                                      window.offer_resume()))
    code = app.exec()  # aboutToQuit: jobs.finish_threads asked every job to stop, waited
    from nndesk.gui.jobs import running_threads

    if running_threads():  # a job that cannot stop (a long gradient check): destroying its
        sys.stdout.flush()  # QThread at exit would abort the process; the settings are
        sys.stderr.flush()  # saved (closeEvent), so end here without destroying it
        os._exit(code)
    return code
