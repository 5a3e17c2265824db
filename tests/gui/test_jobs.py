"""Qt objects are freed on the GUI thread only: never by a worker thread that held their last
reference, never by a garbage collection that a worker thread's allocations started (the
flaky segmentation fault in test_export_numpy_from_the_dialog: the GC inside Qt's event loop
while the export thread ran). Each test records the thread of each `destroyed` signal."""

from __future__ import annotations

import gc
import threading

from gui_helpers import TINY_SPEC
from PySide6.QtWidgets import QWidget

from nndesk.nn import Network


def _record(obj, name: str, where: dict) -> None:
    """Note which thread destroys `obj` (Qt emits `destroyed` from the destructor)."""
    obj.destroyed.connect(lambda *_: where.setdefault(name, threading.current_thread().name),
                          )


def test_collections_run_on_the_gui_thread_only(qtbot):
    """A worker thread allocating cycles (an export, a training run) starts no collection; the
    GUI thread's timer collects instead, and frees a closed panel kept only by a cycle."""
    collectors: list[str] = []

    def note(phase: str, info: dict) -> None:
        if phase == "start":
            collectors.append(threading.current_thread().name)

    where: dict = {}
    widget = QWidget()
    widget.me = widget  # a cycle: only the cyclic GC can free it
    _record(widget, "widget", where)
    del widget

    def allocate() -> None:  # far beyond the thresholds, in cycles
        for _ in range(50_000):
            a: list = []
            a.append(a)

    gc.callbacks.append(note)
    try:
        worker = threading.Thread(target=allocate, name="worker")
        worker.start()
        worker.join(60)  # the GUI thread allocates nothing meanwhile
        qtbot.waitUntil(lambda: "widget" in where, timeout=10_000)
    finally:
        gc.callbacks.remove(note)
    assert "worker" not in collectors and "MainThread" in collectors
    assert where == {"widget": "MainThread"}


def test_a_dialog_dropped_while_it_exports_is_freed_on_the_gui_thread(qtbot, monkeypatch,
                                                                        tmp_path):
    """The export thread holds no widget: when the dialog is dropped while it exports, the
    dialog goes with the GUI thread's references, and its relay once the thread is over."""
    import nndesk.export as export
    from nndesk.gui import jobs
    from nndesk.gui.export_dialog import ExportDialog

    release, started = threading.Event(), threading.Event()

    def slow_export(model, target, out, **kw):
        started.set()
        release.wait(60)

    monkeypatch.setattr(export, "export_model", slow_export)
    where: dict = {}
    dialog = ExportDialog(Network.from_spec(TINY_SPEC, seed=0), {}, None, str(tmp_path))
    _record(dialog, "dialog", where)
    _record(dialog._done, "relay", where)
    dialog.target.setCurrentIndex(dialog.target.findData("numpy"))
    dialog.export_button.click()
    qtbot.waitUntil(started.is_set, timeout=30_000)
    del dialog
    gc.collect()
    release.set()
    qtbot.waitUntil(lambda: len(where) == 2, timeout=30_000)
    assert where == {"dialog": "MainThread", "relay": "MainThread"}
    qtbot.waitUntil(lambda: jobs.held() == 0, timeout=10_000)
