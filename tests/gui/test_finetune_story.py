"""A fine-tuned model's file tells its own story (what it started from, its settings, the
digits used, its time and accuracy) and keeps its start model's as that model's, in the
window's Info (Ctrl+I) and in `nndesk info` (QA: the shipped model's command, 6.0 min and
1 epoch were shown as the fine-tuned model's own)."""

from __future__ import annotations

from PIL import Image
from PySide6.QtWidgets import QMessageBox

PARENT = {"accuracy": 0.8, "command": "nndesk train --init-from C.npz --epochs 1 --out D.npz",
          "train_time_s": 360.0, "epochs": 1, "best_epoch": 1,
          "config": {"optimizer": "adam", "lr": 0.0001, "schedule": "cosine"}}


def test_info_and_nndesk_info_tell_the_fine_tuning_apart(window, trained_softmax, tmp_path,
                                                         qtbot, monkeypatch, capsys):
    from nndesk.cli import main
    from nndesk.train import save_model

    net, d = trained_softmax
    folder = tmp_path / "mine"
    for i in range(40):
        (folder / str(d.t_test[i])).mkdir(parents=True, exist_ok=True)
        Image.fromarray((255 * d.x_test[i, 0]).astype("uint8")).save(
            folder / str(d.t_test[i]) / f"{i:03d}.png")
    src = save_model(tmp_path / "D.npz", net, PARENT)
    w = window
    assert w.files.load_model(str(src))
    bar = w.digit.my_digits
    bar.folder = folder
    bar.finetune_button.click()
    dialog = bar.dialog
    dialog.epochs.setValue(2)
    dialog.start_button.click()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=60_000)
    ft = tmp_path / "ft.npz"
    assert dialog.save(str(ft))
    dialog.close()
    assert w.files.load_model(str(ft))
    shown = []
    monkeypatch.setattr(QMessageBox, "information",
                        lambda parent, title, text, *a: shown.append(text))
    w.files.show_model_info()
    text = shown[-1]
    own, _, parent = text.partition("Before fine-tuning, the model it started from (D.npz):")
    assert parent, text
    assert "Fine-tuned from D.npz on" in own and "Fine-tuning: 2 epochs, Adam, learning " \
        "rate 0.0001" in own
    assert f"Test accuracy: {100 * dialog.result.after['mnist']:.2f}% (2,000 test images)" \
        in own
    for theirs in ("Command: nndesk train --init-from C.npz", "Training time: 6.0 min",
                   "Epochs: 1", "Test accuracy: 80.00%"):
        assert theirs not in own and theirs in parent, theirs

    assert main(["info", str(ft)]) == 0
    out = capsys.readouterr().out
    mine, _, theirs = out.partition("parent: the model it started from (D.npz)")
    assert theirs, out
    assert "finetuned" in mine and "from D.npz on" in mine and "init_from" in mine
    assert "--init-from C.npz" not in mine and "360.0 s" not in mine
    assert "--init-from C.npz" in theirs and "360.0 s" in theirs
