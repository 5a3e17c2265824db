"""A panel's background QThread that ends while a modal dialog runs its own event loop (as
"Use the new model?" does at the end of a training run): the panel's slots never touch a
deleted thread, and the thread is deleted once they have run."""

from __future__ import annotations

from PySide6.QtCore import QEventLoop, QTimer

from nndesk.gui.eval_panel import EvalPanel
from nndesk.gui.eval_thread import RUNNING
from nndesk.gui.state import AppState


def test_an_evaluation_ending_inside_a_modal_loop_leaves_no_dangling_thread(qtbot,
                                                                           trained_softmax):
    state = AppState()
    panel = EvalPanel(state)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    for _ in range(3):   # the tester's crash came at the second run's start
        state.set_model(trained_softmax[0], path="sr.npz")
        thread = panel._thread
        assert thread is not None and thread in RUNNING
        loop = QEventLoop()   # a modal dialog's loop, open while the thread ends
        poll = QTimer()
        poll.timeout.connect(lambda t=thread, q=loop: (t not in RUNNING or t.isFinished())
                             and q.quit())
        poll.start(5)
        QTimer.singleShot(30_000, loop.quit)   # never hang the suite
        loop.exec()
        poll.stop()
        qtbot.waitUntil(lambda t=thread: t not in RUNNING, timeout=30_000)
        assert panel._thread is None and not panel.busy
        assert not panel.stop_button.isEnabled()
    assert panel.evaluation is not None
