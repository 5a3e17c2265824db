"""A fine-tuned model put on the canvas before it is saved: the canvas says it is not saved
yet (QA, ja: «モデル：model», an English word naming no file), and saving it afterwards names
its file there (it stayed unsaved for the canvas, Info and the next start); the quit
question names the fine-tuning window's save button as that button reads (QA, zh_CN/ja:
«保存…» for a button reading 另存为… / 別名で保存…)."""

from __future__ import annotations

import pytest


@pytest.fixture
def fine_tuned(finetuning, qtbot):
    window, dialog = finetuning
    dialog.epochs.setValue(1)
    dialog.start_button.click()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=60_000)
    return window, dialog


def test_a_used_fine_tuned_model_is_unsaved_then_named_by_its_file(fine_tuned, tmp_path):
    w, dialog = fine_tuned
    dialog.use_button.click()
    assert w.state.network is dialog.result.network
    label = w.digit.model_label.text()
    assert label.startswith("Model: not saved yet · test accuracy"), label
    ft = tmp_path / "ft.npz"
    assert dialog.save(str(ft)) and ft.is_file()
    assert w.state.model_path == str(ft)
    assert w.digit.model_label.text().startswith("Model: ft.npz · test accuracy")


@pytest.mark.parametrize("lang", ["zh_CN", "ja"])
def test_the_quit_question_names_the_save_button_as_it_reads(fine_tuned, questions, lang):
    from nndesk.gui import i18n

    w, dialog = fine_tuned
    i18n.set_language(lang)
    questions.answer = questions.answer.No
    w.close()
    assert w.isVisible()
    button = i18n.tr("Save…")
    assert button != "Save…"
    assert button in questions[-1][1], questions[-1]
