"""Closing the window while work a quit would lose is under way asks first, the same way
for every such job (gui/quit_guard.py): fine-tuning running or finished but not saved, as a
training run; No keeps the window and the job, Yes stops it and closes."""

from __future__ import annotations


def test_closing_while_fine_tuning_asks_no_keeps_it_yes_stops_it(finetuning, qtbot, questions):
    """QA (ja): closing 3 s into a fine-tuning closed at once, without a word."""
    w, dialog = finetuning
    dialog.epochs.setValue(100)
    with qtbot.waitSignal(dialog.job.progressed, timeout=60_000):
        dialog.start_button.click()
    questions.answer = questions.answer.No
    w.close()
    assert questions[-1][0] == "Stop fine-tuning and quit?"
    assert "the fine-tuned model is not kept" in questions[-1][1]
    assert w.isVisible() and dialog.running
    questions.answer = questions.answer.Yes
    w.close()
    assert not w.isVisible() and not dialog.running


def test_closing_with_an_unsaved_fine_tuned_model_asks(finetuning, qtbot, questions, tmp_path):
    w, dialog = finetuning
    dialog.epochs.setValue(1)
    dialog.start_button.click()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=60_000)
    questions.answer = questions.answer.No
    w.close()
    assert questions[-1][0] == "Quit without saving the fine-tuned model?" and w.isVisible()
    assert dialog.save(str(tmp_path / "ft.npz")) and (tmp_path / "ft.npz").is_file()
    asked = len(questions)
    w.close()  # saved: nothing is lost, nothing asked
    assert len(questions) == asked and not w.isVisible()


def test_training_and_fine_tuning_are_asked_about_in_one_question(finetuning, qtbot,
                                                                   questions, small_data):
    w, dialog = finetuning
    dialog.epochs.setValue(100)
    with qtbot.waitSignal(dialog.job.progressed, timeout=60_000):
        dialog.start_button.click()
    w.training.data = small_data
    w.state.set_config(epochs=200, batch_size=50)
    with qtbot.waitSignal(w.training.batch_done, timeout=60_000):
        w.train_panel.train_button.click()
    questions.answer = questions.answer.No
    w.close()
    title, text = questions[-1]
    assert title == "Stop the work under way and quit?"
    assert "A run is training" in text and "Fine-tuning is running" in text
    assert w.isVisible() and w.training.busy and dialog.running
    questions.answer = questions.answer.Yes
    w.close()
    assert not w.training.busy and not dialog.running


def test_closing_while_a_lessons_experiment_runs_asks_and_stops_it(window, qtbot, questions,
                                                                    small_data):
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QDockWidget

    window.findChild(QAction, "lesson_experiments").trigger()
    page = window.findChild(QDockWidget, "Lessons").widget().pages["experiments"]
    page.epochs.setValue(50)
    page.start(small_data)
    qtbot.waitUntil(lambda: page.running, timeout=10_000)
    questions.answer = questions.answer.No
    window.close()
    assert questions[-1][0] == "Stop the experiment and quit?"
    assert "its curves are lost" in questions[-1][1]
    assert window.isVisible() and page.running
    questions.answer = questions.answer.Yes
    window.close()
    assert not window.isVisible()
    qtbot.waitUntil(lambda: not page.running, timeout=60_000)  # stopped between batches


def test_closing_while_an_export_is_written_asks(window, qtbot, questions, trained_softmax,
                                                 tmp_path, monkeypatch):
    import threading

    from nndesk.gui import export_dialog

    release = threading.Event()
    real = export_dialog._export
    monkeypatch.setattr(export_dialog, "_export",
                        lambda *a, **k: (release.wait(30), real(*a, **k))[1])
    window.state.set_model(trained_softmax[0], path=None, metadata={}, source="file")
    dialog = export_dialog.open_export_dialog(window)
    dialog.target.setCurrentIndex(dialog.target.findData("numpy"))
    dialog.path.setText(str(tmp_path / "out_np"))
    dialog.export_button.click()
    questions.answer = questions.answer.No
    window.close()
    assert questions[-1][0] == "Stop the export and quit?" and window.isVisible()
    release.set()
    qtbot.waitUntil(lambda: dialog.export_button.isEnabled(), timeout=30_000)
    asked = len(questions)
    window.close()  # written: nothing to lose
    assert len(questions) == asked and not window.isVisible()
    assert (tmp_path / "out_np").is_dir()
