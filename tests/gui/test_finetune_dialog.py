"""The fine-tuning dialog: opened from the canvas's "my digits" row, trains in the background
with progress, can be cancelled, and only offers its model (Save…, Use this model)."""

from __future__ import annotations

import pytest
from PIL import Image

from nndesk.gui.my_digits import MyDigitsBar
from nndesk.gui.state import AppState


@pytest.fixture
def bar(qtbot, trained_softmax, tmp_path):
    net, d = trained_softmax
    folder = tmp_path / "mine"
    for i in range(60):  # MNIST test digits as the user's files
        (folder / str(d.t_test[i])).mkdir(parents=True, exist_ok=True)
        Image.fromarray((255 * d.x_test[i, 0]).astype("uint8")).save(
            folder / str(d.t_test[i]) / f"{i:03d}.png")
    state = AppState()
    state.set_model(net, path=str(tmp_path / "src.npz"), metadata={"accuracy": 0.8})
    bar = MyDigitsBar(state)
    bar.folder = folder
    qtbot.addWidget(bar)
    bar.show()
    return bar


def test_finetune_in_the_background_then_save_and_use(bar, qtbot, tmp_path, trained_softmax):
    from nndesk.train import load_model

    net, _ = trained_softmax
    bar.finetune_button.click()
    dialog = bar.dialog
    qtbot.addWidget(dialog)
    assert dialog.isVisible() and not dialog.save_button.isEnabled()
    dialog.epochs.setValue(2)
    assert dialog.lr.text() == "0.0001"                # `nndesk finetune`'s default
    dialog.lr.setFocus()
    dialog.lr.lineEdit().selectAll()
    qtbot.keyClicks(dialog.lr.lineEdit(), "3e-5")      # typed as a learner would
    seen = []
    dialog.progress.valueChanged.connect(seen.append)
    dialog.start_button.click()
    assert dialog.running and dialog.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=60_000)
    assert seen and max(seen) >= 1  # progress reached the window while it trained
    assert "Your held-out digits" in dialog.status.text() and "MNIST test (2,000)" in \
        dialog.status.text()
    assert bar.state.network is net  # offered, not used: the loaded model stays
    assert dialog.result.settings["lr"] == 3e-5        # the rate typed is the rate used
    assert dialog.save(str(tmp_path / "mine.npz"))
    saved = load_model(tmp_path / "mine.npz")
    assert saved.metadata["finetuned"]["from"]["name"] == "src.npz"
    assert saved.metadata["finetuned"]["from"]["accuracy"] == 0.8
    assert saved.metadata["accuracy"] == dialog.result.after["mnist"]  # measured: recorded
    assert saved.metadata["accuracy_images"] == 2000 and saved.metadata["parent"] == {
        "accuracy": 0.8}
    assert saved.metadata["finetuned"]["after"] == dialog.result.after
    dialog.use_button.click()
    assert bar.state.network is dialog.result.network
    assert bar.state.model_path == str(tmp_path / "mine.npz")
    assert bar.state.metadata["finetuned"]["n_held_out"] == dialog.result.n_held_out


def test_cancel_offers_nothing(bar, qtbot, trained_softmax):
    net, _ = trained_softmax
    bar.open_finetune()
    dialog = bar.dialog
    qtbot.addWidget(dialog)
    dialog.epochs.setValue(100)
    dialog.progress.valueChanged.connect(lambda v: v >= 1 and dialog.cancel())
    dialog.start_button.click()
    qtbot.waitUntil(lambda: not dialog.running, timeout=60_000)
    assert dialog.status.text() == "Cancelled: nothing changed."
    assert dialog.result is None and not dialog.use_button.isEnabled()
    assert dialog.start_button.isEnabled() and bar.state.network is net


def test_without_saved_digits_start_waits_and_says_what_to_do(bar, qtbot, tmp_path):
    """QA: with no digit saved yet (the folder does not exist) Start gave "Cannot fine-tune:
    …/my_digits: not a folder". Start is disabled and the dialog names the canvas's button;
    the first digit saved enables it; reached anyway, Start says the same."""
    bar.folder = tmp_path / "nothing"
    bar.open_finetune()
    dialog = bar.dialog
    qtbot.addWidget(dialog)
    assert not dialog.start_button.isEnabled()
    text = dialog.status.text()
    assert text.startswith("No digits saved yet") and "“Save as my digit”" in text
    assert bar.save_button.text() == "Save as my digit"  # the button the text names
    dialog.start()                                         # reached anyway (Enter, a script)
    assert not dialog.running and dialog.status.text() == text
    assert "not a folder" not in dialog.status.text() and not dialog.save_button.isEnabled()
    (tmp_path / "nothing" / "3").mkdir(parents=True)       # the first digit saved
    Image.new("L", (28, 28)).save(tmp_path / "nothing" / "3" / "a.png")
    bar.refresh(bar.state.network)
    assert dialog.start_button.isEnabled() and dialog.status.text() == ""


def test_the_no_digits_line_is_translated(qtbot, tmp_path):
    from nndesk.gui import i18n
    from nndesk.gui.finetune_dialog import FinetuneDialog

    for lang, button in (("zh_CN", "存为我的数字"), ("ja", "自分の数字として保存")):
        i18n.set_language(lang)
        assert i18n.tr("Save as my digit") == button
        dialog = FinetuneDialog(AppState(), tmp_path / "nothing")
        qtbot.addWidget(dialog)
        assert f"“{button}”" in dialog.status.text() or f"「{button}」" in dialog.status.text()
        assert "Save as my digit" not in dialog.status.text()
    i18n.set_language("en")


def test_a_status_line_never_clips_the_intro(bar, qtbot, tmp_path):
    """QA: the error line appeared and the dialog kept its height: the intro's first line was
    cut. The dialog grows to fit the status line."""
    bar.folder = tmp_path / "nothing"
    bar.open_finetune()
    dialog = bar.dialog
    qtbot.addWidget(dialog)
    dialog.say("")
    dialog.resize(dialog.minimumWidth(), dialog.sizeHint().height())
    qtbot.waitExposed(dialog)
    dialog.say("Cannot fine-tune: " + "a long reason that wraps over two lines " * 3)
    qtbot.wait(50)
    for label in (dialog.intro, dialog.status):
        assert label.height() >= label.heightForWidth(label.width()), label.text()


@pytest.mark.parametrize("lang", ["en", "zh_CN", "ja"])
def test_at_its_least_width_nothing_in_the_dialog_is_cut_or_crushed(qtbot, tmp_path, lang):
    """QA (ja): the dialog's fixed least width, 460 px, was narrower than its row of fields
    and buttons: "ファインチューニング開始" was cut and the intro's first line clipped ("Learning
    rate" in English, 轮数（epoch） in Chinese too). At its least width, in each language,
    every label, field and button has at least its least size and each wrapped text its
    lines."""
    from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QLabel

    from nndesk.gui import i18n
    from nndesk.gui.finetune_dialog import FinetuneDialog

    i18n.set_language(lang)
    dialog = FinetuneDialog(AppState(), tmp_path / "nothing")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.resize(dialog.minimumWidth(), dialog.sizeHint().height())
    qtbot.waitUntil(lambda: dialog.width() == dialog.minimumWidth())
    qtbot.wait(1)
    assert dialog.minimumWidth() >= 440
    for kind in (QAbstractButton, QAbstractSpinBox, QLabel):
        for w in dialog.findChildren(kind):
            if not w.isVisible() or isinstance(w.parentWidget(), QAbstractSpinBox):
                continue
            if isinstance(w, QLabel) and w.wordWrap():
                assert w.height() >= w.heightForWidth(w.width()), (lang, w.text())
            else:
                hint = w.minimumSizeHint()
                assert w.width() >= hint.width() and w.height() >= hint.height(), \
                    (lang, type(w).__name__, getattr(w, "text", str)(), w.size(), hint)


def test_the_intro_says_how_many_digits_are_kept_aside_and_the_choices_come_back(
        bar, qtbot, trained_softmax):
    """QA: the text said a quarter is kept aside while 4 of 10 were; the epochs went back to
    10 at every opening."""
    from nndesk.gui.finetune_dialog import FinetuneDialog
    from nndesk.insight.handwriting import load_split

    split = load_split(bar.folder)
    held, n = len(split.t_held), len(split.t_held) + len(split.t_train)
    bar.open_finetune()
    dialog = bar.dialog
    qtbot.addWidget(dialog)
    assert f"{held} of your {n} digits are kept aside to check the gain" in dialog.intro.text()
    assert f"learns from the other {n - held}." in dialog.intro.text()
    assert "quarter" not in dialog.intro.text()
    dialog.epochs.setValue(2)
    dialog.lr.setValue(3e-5)
    dialog.start_button.click()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=60_000)
    assert dialog.result.n_held_out == held and dialog.result.n_train == n - held
    again = FinetuneDialog(bar.state, bar.folder)  # the next opening (and the next start)
    qtbot.addWidget(again)
    assert again.epochs.value() == 2 and again.lr.value() == 3e-5
