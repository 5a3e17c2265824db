"""The canvas with both readers: the pen's times, the combined answer, each model's answer."""

from __future__ import annotations

import numpy as np
import pytest
from gui_helpers import default_model, digit_strokes
from test_canvas import draw

from nndesk.gui.digit_panel import DigitPanel
from nndesk.gui.state import AppState


@pytest.fixture
def both(qtbot, monkeypatch, trajectory_model):
    """A digit panel with the shipped image model and a small trained trajectory model."""
    from nndesk.gui.files import read_model

    monkeypatch.setenv("NNDESK_TRAJECTORY_MODEL", str(trajectory_model))
    panel = DigitPanel(AppState())
    qtbot.addWidget(panel)
    panel.resize(360, 760)
    panel.show()
    qtbot.waitExposed(panel)
    net, metadata = read_model(default_model())[:2]
    panel.state.set_model(net, path=str(default_model()), metadata=metadata)
    return panel


def test_the_canvas_keeps_the_pens_times(both, qtbot):
    draw(qtbot, both.canvas, digit_strokes("7") + digit_strokes("1"))
    timed = both.canvas.timed_strokes()
    assert [len(s) for s in timed] == [len(s) for s in both.canvas.strokes]
    times = [p[2] for s in timed for p in s]
    assert times[0] == 0 and all(b >= a for a, b in zip(times, times[1:], strict=False))
    assert [p[:2] for p in timed[1]] == list(both.canvas.strokes[1])
    both.undo_button.click()
    assert len(both.canvas.timed_strokes()) == 1


def test_the_answer_combines_both_models_and_shows_each_on_request(both, qtbot,
                                                                   trajectory_model):
    from nndesk.insight.combined import TrajectoryReader
    from nndesk.train import load_model

    draw(qtbot, both.canvas, digit_strokes("1"))
    assert both.answer.text() == "1"
    reader = TrajectoryReader(load_model(trajectory_model))
    path = reader.probabilities(both.canvas.timed_strokes())
    image = both.verdict(combined=False).probabilities
    mix = np.exp(0.5 * np.log(np.clip(image, 1e-12, 1)) + 0.5 * np.log(np.clip(path, 1e-12, 1)))
    np.testing.assert_allclose(both.bars.probabilities, mix / mix.sum(), rtol=1e-5, atol=1e-9)
    lines = both.answers.lines
    assert not any(line.isVisible() for line in lines)          # only on request
    both.answers.toggle.setChecked(True)
    assert all(line.isVisible() for line in lines)
    assert lines[0].text().startswith("Image model: 1 (")
    assert lines[1].text().startswith(f"Pen path model: {int(np.argmax(path))} (")
    assert lines[2].text().startswith("Together: 1 (") and "weighted 0.5" in lines[2].toolTip()
    both.canvas.clear()
    assert lines[0].text() == "Draw a digit to see each model's answer."
    assert all(line.isVisible() for line in lines)              # still three rows


def test_showing_each_models_answer_keeps_the_canvas_size(both, qtbot):
    """The three rows take the room of the big answer they detail (the "Together" row repeats
    it): the canvas keeps its size (it shrank 273 -> 241 px) and nothing below moves."""
    draw(qtbot, both.canvas, digit_strokes("7"))
    canvas, bars = both.canvas.geometry(), both.bars.geometry()
    assert both.answer.isVisible()
    both.answers.toggle.setChecked(True)
    qtbot.wait(50)
    assert [line.isVisible() for line in both.answers.lines] == [True] * 3
    assert not both.answer.isVisible() and not both.confidence.isVisible()
    assert both.canvas.geometry() == canvas and both.bars.geometry() == bars
    heights = {line.height() for line in both.answers.lines}
    assert len(heights) == 1 and heights.pop() < 2 * both.answers.fontMetrics().height()
    both.answers.toggle.setChecked(False)
    qtbot.wait(50)
    assert both.answer.isVisible() and both.canvas.geometry() == canvas


def test_an_opened_image_has_no_pen_path(both, qtbot, tmp_path):
    from PIL import Image

    from nndesk.data.strokes import render_strokes

    path = tmp_path / "seven.png"
    Image.fromarray(255 - render_strokes(digit_strokes("7"))).save(path)
    both.open_image(str(path))
    both.answers.toggle.setChecked(True)
    assert both.answer.text() == "7"
    assert both.answers.lines[1].text().startswith("Pen path model: none")
    assert both.answers.lines[2].text() == "" and both.answers.lines[2].isVisible()  # a blank row


def test_the_pen_paths_answer_and_a_new_snapshot_leave_the_preview_as_it_is(both, qtbot):
    """A path reading changes the answer only; a new snapshot of the model sees the same
    input: the preview's picture is kept (made once per input, on the GUI thread)."""
    from nndesk.nn import Network

    draw(qtbot, both.canvas, digit_strokes("7"))
    assert both.wait_idle()
    picture = both.preview.pixmap().cacheKey()
    reads_one = np.full(10, 0.001)
    reads_one[1] = 0.991
    both.jobs.path = (reads_one, 1.0)  # a pen path that reads "1", alone in the combination
    both.jobs.path_read.emit()
    assert both.preview.pixmap().cacheKey() == picture
    assert both.verdict().probabilities.argmax() == 1 and both.bars.probabilities[1] > 0.5
    net = both.state.network
    both.state.set_model(Network.from_spec(net.spec, seed=4), source="snapshot")
    assert both.preview.pixmap().cacheKey() == picture
    both.canvas.undo()
    assert both.wait_idle()
    assert both.preview.pixmap() is None or both.preview.pixmap().cacheKey() != picture


def test_the_image_verdict_is_judged_once_per_answer_and_the_same_as_judged_anew(
        both, qtbot, monkeypatch):
    """The pen path's reading redoes only the combination: the image model's verdict of the
    same answer is not judged again, and it is the verdict a fresh judgement gives; a new
    answer (a stroke) or another model is judged anew."""
    import nndesk.insight.reject as reject
    from nndesk.insight.combined import combined_verdict

    draw(qtbot, both.canvas, digit_strokes("1"))
    assert both.jobs.path is not None
    calls = []
    judge = reject.judge_activations
    monkeypatch.setattr(reject, "judge_activations",
                        lambda cal, acts: calls.append(1) or judge(cal, acts))
    shown = both.answer.text(), list(both.bars.probabilities)
    both._on_path_read()                                  # the path's reading again
    assert calls == [] and (both.answer.text(), list(both.bars.probabilities)) == shown
    image = both.verdict(combined=False)
    fresh = judge(both._verdicts.calibration, both.state.activations())
    assert image.kind == fresh.kind and image.label == fresh.label
    np.testing.assert_array_equal(image.probabilities, fresh.probabilities)
    together = combined_verdict(fresh, both.jobs.path[0], both.jobs.path[1],
                                both._verdicts.calibration.unsure_threshold)
    np.testing.assert_array_equal(both.verdict().probabilities, together.probabilities)
    assert calls == []
    draw(qtbot, both.canvas, [[(150, 60), (150, 200)]])   # a new answer: judged anew
    assert calls
    calls.clear()
    both.state.set_model(both.state.network, source="snapshot")  # no calibration now
    assert calls and both._verdicts.calibration is None
