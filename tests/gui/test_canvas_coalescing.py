"""The canvas under a fast pen: one drawing in the works at a time, then only the newest; the
prediction shown is the last drawing's, nothing stale follows it, and it is the answer
`nndesk predict` gives for the same drawing. (No timing here: benchmarks/gui_measure.py.)"""

from __future__ import annotations

import json
import threading

import numpy as np
import pytest
from gui_helpers import default_model, digit_strokes, shipped_model, shown_digit_panel
from PySide6.QtCore import QPoint, Qt


@pytest.fixture(scope="module")
def model():
    return shipped_model()


@pytest.fixture
def panel(qtbot, model):
    panel = shown_digit_panel(qtbot)
    panel.state.set_model(model[0], path=str(default_model()), metadata=model[1])
    assert panel.wait_idle()  # the warm-up (imports, the first forward) done
    return panel


@pytest.fixture
def held(monkeypatch):
    """`preprocess` on the preparer's thread waits for `held.gate`; `held.calls` counts."""
    import nndesk.data.preprocess as pp

    real = pp.preprocess

    class Held:
        preprocess = staticmethod(real)  # the function itself, not held
        gate = threading.Event()
        calls: list[threading.Thread] = []
        started = threading.Semaphore(0)

    def waiting(image):
        Held.calls.append(threading.current_thread())
        Held.started.release()
        assert Held.gate.wait(20), "the test never let the preparation go on"
        return real(image)

    monkeypatch.setattr(pp, "preprocess", waiting)
    yield Held
    Held.gate.set()


def _moves(qtbot, canvas, points) -> int:
    """Press at the first point, move through the others one event each, release; the
    number of events that changed the drawing."""
    pts = [canvas.to_widget(x, y).toPoint() for x, y in points]
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=pts[0])
    for p in pts[1:]:
        qtbot.mouseMove(canvas, pos=QPoint(p.x(), p.y()))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=pts[-1])
    return len(pts)


def _seven_points(n: int = 60) -> list[tuple[float, float]]:
    """A 7 through n points two or more canvas px apart (each one a new point)."""
    corners = np.array(digit_strokes("7")[0], float)
    t = np.linspace(0, len(corners) - 1, n)
    xs = np.interp(t, np.arange(len(corners)), corners[:, 0])
    ys = np.interp(t, np.arange(len(corners)), corners[:, 1])
    return list(zip(xs.round(), ys.round(), strict=True))


def test_many_moves_while_one_drawing_is_in_the_works_make_one_more_prediction(
        panel, qtbot, model, held):
    from nndesk.data.strokes import render_strokes

    state, canvas = panel.state, panel.canvas
    on_gui_thread = []  # the model in the state never runs a forward pass for a drawing
    real_forward = state.network.forward_all
    state.network.forward_all = lambda *a, **k: on_gui_thread.append(1) or real_forward(*a, **k)
    shown: list[np.ndarray | None] = []
    state.digit_changed.connect(lambda: shown.append(state.digit))
    pts = [canvas.to_widget(x, y).toPoint() for x, y in _seven_points(60)]
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=pts[0])  # the first drawing: a dot
    assert held.started.acquire(timeout=10)  # held up (after the warm-up, if that still ran)
    for p in pts[1:]:  # 59 more events while it is held: they wait as one
        qtbot.mouseMove(canvas, pos=QPoint(p.x(), p.y()))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=pts[-1])
    events = len(pts)
    assert len(canvas.strokes[0]) == events == 60  # every move was taken meanwhile
    assert panel.busy and state.digit is None and shown == []
    assert len(held.calls) == 1  # one drawing in the works, the other 59 wait as one
    held.gate.set()
    assert panel.wait_idle()
    assert len(held.calls) == 2  # then only the newest drawing: 2 preparations for 60 events
    assert threading.main_thread() not in held.calls
    del state.network.forward_all
    assert on_gui_thread == []  # predicted on the preparer's thread, with its own copy
    # at most the first drawing (the press: a dot, no digit) and the newest were shown
    assert 1 <= len(shown) <= 2 and shown[-1] is not None
    last = render_strokes(canvas.strokes)  # the drawing as it is now, prepared afresh
    np.testing.assert_array_equal(state.digit, held.preprocess(last))  # the last one shown
    probs = model[0].predict(state.digit[None])[0]  # the engine's answer, on the GUI thread
    np.testing.assert_allclose(state.probabilities, probs, rtol=1e-5, atol=1e-7)
    assert panel.answer.text() == "7"
    newest, on_show = panel.job_ids
    assert newest == on_show
    assert len(panel.latencies_ms) == events  # every event answered, by the newest drawing


def test_nothing_stale_is_shown_after_the_canvas_is_cleared(panel, qtbot, held):
    state, canvas = panel.state, panel.canvas
    _moves(qtbot, canvas, _seven_points(30))
    assert held.started.acquire(timeout=10)
    shown: list = []
    state.digit_changed.connect(lambda: shown.append(state.digit))
    panel.clear_button.click()  # while the 7 is still being prepared
    assert shown == [None]
    held.gate.set()
    assert panel.wait_idle()
    qtbot.wait(50)  # any result still on its way is delivered by now
    assert shown == [None] and state.digit is None and state.probabilities is None
    assert panel.answer.text() == "?"


def test_a_newer_model_is_not_shown_with_an_older_forward(panel, qtbot, model, held):
    """A model change while a drawing is in the works: its answer is the new model's."""
    from nndesk.nn import Network

    state, canvas = panel.state, panel.canvas
    _moves(qtbot, canvas, _seven_points(20))
    assert held.started.acquire(timeout=10)
    other = Network.from_spec(model[0].spec, seed=3)  # untrained weights: other answers
    state.set_model(other, source="snapshot")
    held.gate.set()
    assert panel.wait_idle()
    expected = other.predict(state.digit[None])[0]
    np.testing.assert_allclose(state.probabilities, expected, rtol=1e-5, atol=1e-7)


def test_the_answer_shown_is_what_nndesk_predict_says(panel, qtbot, model, tmp_path, capsys):
    from PySide6.QtGui import QImage

    from nndesk.cli import main

    state, canvas = panel.state, panel.canvas
    _moves(qtbot, canvas, _seven_points(40))
    assert panel.wait_idle()
    strokes_file = tmp_path / "drawing.json"
    strokes_file.write_text(json.dumps({"strokes": canvas.timed_strokes()}))
    bitmap = np.ascontiguousarray(state.source)  # the canvas bitmap the input was made from
    png = tmp_path / "drawing.png"
    assert QImage(bitmap.tobytes(), bitmap.shape[1], bitmap.shape[0], bitmap.shape[1],
                  QImage.Format.Format_Grayscale8).save(str(png))
    capsys.readouterr()
    assert main(["predict", "--model", str(default_model()), "--json", str(png)]) == 0
    image_row = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert main(["predict", "--model", str(default_model()), "--strokes", "--json",
                 str(strokes_file)]) == 0
    strokes_row = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    # the image model's probabilities (the panel's state) as `predict` prints them for the PNG
    np.testing.assert_allclose(state.probabilities, image_row["probabilities"], atol=2e-6)
    # the answer shown (image and pen path combined, calibrated): `predict --strokes`
    verdict = panel.verdict()
    np.testing.assert_allclose(panel.bars.probabilities, strokes_row["probabilities"],
                               atol=2e-6)
    np.testing.assert_allclose(verdict.probabilities, strokes_row["probabilities"], atol=2e-6)
    np.testing.assert_allclose(panel.verdict(combined=False).probabilities,
                               strokes_row["models"]["image"]["probabilities"], atol=2e-6)
    label = strokes_row["label"]
    assert label == 7 and panel.answer.text() == str(label)


def test_the_pen_path_is_read_once_the_image_reader_is_idle(panel, qtbot, held, monkeypatch):
    """The image model's answer first: the pen-path reader starts no reading while the
    preparer works (here held up inside preprocess)."""
    import nndesk.gui.preparer as preparer

    monkeypatch.setattr(preparer, "PATH_WAIT_S", 30.0)  # no waiting cut short here
    reader = panel.jobs.path_reader
    real = reader.work
    began_after_release: list[bool] = []
    monkeypatch.setattr(reader, "work", lambda strokes: (
        began_after_release.append(held.gate.is_set()), real(strokes))[1])
    _moves(qtbot, panel.canvas, _seven_points(20))
    assert held.started.acquire(timeout=10)
    qtbot.wait(200)  # five path intervals: a reader that did not wait would have begun
    assert began_after_release == []
    held.gate.set()
    assert panel.wait_idle()
    assert began_after_release and all(began_after_release)


def test_background_jobs_wait_while_a_drawing_is_in_the_works(panel, qtbot, held):
    """`yield_to_drawing` (the Why view's maps and neighbours call it between pieces): it
    waits while the image reader works on a drawing (here held up inside preprocess), to its
    limit; once the reader is idle and nothing new is drawn it returns at once; a job asked
    to stop is let go."""
    from nndesk.gui.drawing_jobs import yield_to_drawing

    _moves(qtbot, panel.canvas, _seven_points(10))
    assert held.started.acquire(timeout=10)
    assert yield_to_drawing(quiet_s=0.0, max_wait_s=0.3) >= 0.3  # the reader is busy
    assert yield_to_drawing(quiet_s=60.0, max_wait_s=60.0, stop=lambda: True) < 60.0
    held.gate.set()
    assert panel.wait_idle()
    assert yield_to_drawing(quiet_s=0.0, max_wait_s=60.0) < 60.0  # idle, nothing drawn since


def test_an_unchanged_drawing_is_not_preprocessed_again_and_gives_the_same_input(
        qtbot, monkeypatch):
    """A bitmap equal to the last one (a move that adds no ink, the same drawing for a new
    model) skips preprocessing: the input is the one preprocessing gives, a copy of its own."""
    import nndesk.data.preprocess as pp
    from nndesk.gui.preparer import Preparer

    real = pp.preprocess
    calls: list[int] = []
    monkeypatch.setattr(pp, "preprocess", lambda image: calls.append(1) or real(image))
    prep = Preparer()
    try:
        strokes = digit_strokes("7")
        first = prep.work({"strokes": strokes})
        again = prep.work({"strokes": [list(s) for s in strokes]})  # an equal drawing
        assert len(calls) == 1 and first.digit is not None
        np.testing.assert_array_equal(again.digit, first.digit)
        np.testing.assert_array_equal(again.digit, real(again.bitmap))
        again.digit[...] = 0  # each answer is its own array: the next one is still right
        np.testing.assert_array_equal(prep.work({"strokes": strokes}).digit, first.digit)
        assert len(calls) == 1
        more = prep.work({"strokes": strokes + [[(40.0, 40.0), (90.0, 60.0)]]})
        assert len(calls) == 2
        np.testing.assert_array_equal(more.digit, real(more.bitmap))
        back = prep.work({"strokes": strokes})  # not the last bitmap: preprocessed again
        assert len(calls) == 3
        np.testing.assert_array_equal(back.digit, first.digit)
    finally:
        prep.stop()


def test_a_new_model_is_loaded_by_the_reader_before_the_first_stroke(
        panel, qtbot, model, held):
    """A new model (a run's snapshot, an opened file): the image reader makes or refills its
    copy as the model arrives, not when the next stroke comes (a snapshot of the same network
    refills the same copy), and the answer to the next drawing is the newest model's."""
    from nndesk.nn import Network
    from nndesk.presets import load_preset

    state, prep = panel.state, panel.jobs.preparer
    other = Network.from_spec(load_preset("SimpleConvNet"), seed=3)
    assert other.spec != model[0].spec
    state.set_model(other, source="snapshot")
    qtbot.waitUntil(lambda: prep._net_spec == other.spec, timeout=20_000)
    assert not held.calls  # nothing drawn, nothing preprocessed: the model alone was made
    made = prep._net
    again = Network.from_spec(other.spec, seed=4)  # the next snapshot: same spec, new weights
    state.set_model(again, source="snapshot")
    assert prep.idle.wait(10) and prep._net is made and not held.calls
    for key, value in again.params().items():  # refilled before any stroke
        np.testing.assert_array_equal(made.params()[key], value)
    held.gate.set()
    _moves(qtbot, panel.canvas, _seven_points(20))
    assert panel.wait_idle()
    assert prep._net is made  # refilled, not made again
    np.testing.assert_allclose(state.probabilities, again.predict(state.digit[None])[0],
                               rtol=1e-5, atol=1e-7)


def test_a_runs_losses_and_snapshot_wait_while_the_canvas_is_drawn_on(panel, qtbot,
                                                                       monkeypatch):
    """While the pen moves (a drawing handed to the image reader within DRAWING_QUIET_S) the
    training relay holds the losses for the plots and the newest snapshot, HOLD_MAX_S at
    most; once the pen rests they go out, losses first; an epoch sends what is held first."""
    from nndesk.gui import drawing_jobs, worker
    from nndesk.gui.worker import TrainWorker

    spec = {"name": "tiny", "input_shape": [1, 28, 28], "layers": [{"type": "Dense", "units": 10}]}
    w = TrainWorker(spec, {"epochs": 2})  # its child is never started here
    got: list = []
    w.batch_done.connect(lambda info: got.append(("losses", info["steps"])))
    w.snapshot.connect(lambda weights, where: got.append(("snapshot", where["step"])))
    w.epoch_done.connect(lambda record: got.append(("epoch", record["epoch"])))

    def batch(step: int) -> tuple:
        return ("batch", [{"step": step, "loss": 2.0, "epoch": 1, "batch": step,
                           "images_per_s": 100.0}])

    monkeypatch.setattr(drawing_jobs, "DRAWING_QUIET_S", 600.0)  # "the pen moves" all along
    monkeypatch.setattr(worker, "HOLD_MAX_S", 600.0)
    _moves(qtbot, panel.canvas, _seven_points(10))
    assert panel.wait_idle()
    w._handle(batch(1))
    w._handle(("snapshot", {"0.W": np.zeros(3)}))
    w._handle(batch(2))
    w._handle(("snapshot", {"0.W": np.ones(3)}))  # replaces the one held
    assert got == []
    monkeypatch.setattr(drawing_jobs, "DRAWING_QUIET_S", 0.0)  # the pen rests
    w._release()
    assert got == [("losses", [1, 2]), ("snapshot", 2)]

    monkeypatch.setattr(drawing_jobs, "DRAWING_QUIET_S", 600.0)
    got.clear()
    w._handle(("snapshot", {"0.W": np.zeros(3)}))
    w._handle(("epoch", {"epoch": 1}))  # the epoch's news after what was held
    assert got == [("snapshot", 2), ("epoch", 1)]

    got.clear()
    monkeypatch.setattr(worker, "HOLD_MAX_S", 0.0)  # held long enough: out while drawing
    w._handle(("snapshot", {"0.W": np.zeros(3)}))
    assert got == [("snapshot", 2)]
