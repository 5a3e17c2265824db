"""File ▸ Export model…: the dialog writes the window's model and says what happened."""

from __future__ import annotations

import numpy as np
import pytest
from gui_helpers import TINY_SPEC
from PySide6.QtWidgets import QMessageBox

from nndesk.gui import export_dialog
from nndesk.gui.export_dialog import ExportDialog
from nndesk.nn import Network


def _dialog(qtbot, tmp_path) -> ExportDialog:
    net = Network.from_spec(TINY_SPEC, seed=2)
    dialog = ExportDialog(net, {"config": {"optimizer": "sgd"}}, None, str(tmp_path))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _export_numpy(qtbot, dialog: ExportDialog, out):
    """Export the book's NumPy form to `out` from the dialog, waiting until it is done."""
    dialog.target.setCurrentIndex(dialog.target.findData("numpy"))
    dialog.path.setText(str(out))
    with qtbot.waitSignal(dialog._done.done, timeout=60_000):
        dialog.export_button.click()
    return out


def test_export_numpy_from_the_dialog(qtbot, tmp_path):
    dialog = _dialog(qtbot, tmp_path)
    out = _export_numpy(qtbot, dialog, tmp_path / "book")
    assert dialog.status.text() == f"Written: {out}"
    assert (out / "network.py").is_file()
    params = np.load(out / "params.npz")
    np.testing.assert_array_equal(params["W1"], dialog.model.network.params()["0.W"])
    assert dialog.export_button.isEnabled()


def _answer(monkeypatch, button) -> list[str]:
    """QMessageBox.question answers `button`; returns the questions asked."""
    asked = []

    def question(parent, title, text, *args):
        asked.append(text)
        return button

    monkeypatch.setattr(export_dialog.QMessageBox, "question", question)
    return asked


def test_exporting_again_to_the_same_place_asks_and_keeps_other_files(qtbot, tmp_path,
                                                                      monkeypatch):
    """A second export to the same folder (after training more) asks, then replaces the
    export's files and keeps the rest; 'No' writes nothing. The dialog never says --force."""
    dialog = _dialog(qtbot, tmp_path)
    out = _export_numpy(qtbot, dialog, tmp_path / "book")
    (out / "my notes.txt").write_text("mine")
    (out / "params.npz").write_bytes(b"old")
    asked = _answer(monkeypatch, QMessageBox.StandardButton.No)
    dialog.export_button.click()
    assert len(asked) == 1 and str(out) in asked[0]
    assert (out / "params.npz").read_bytes() == b"old" and dialog.export_button.isEnabled()
    asked = _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(dialog._done.done, timeout=60_000):
        dialog.export_button.click()
    assert len(asked) == 1 and dialog.status.text() == f"Written: {out}"
    assert "--force" not in dialog.status.text()
    assert (out / "my notes.txt").read_text() == "mine"
    params = np.load(out / "params.npz")
    np.testing.assert_array_equal(params["W1"], dialog.model.network.params()["0.W"])


def test_an_existing_onnx_file_is_replaced_only_when_asked(qtbot, tmp_path, monkeypatch):
    dialog = _dialog(qtbot, tmp_path)
    dialog.target.setCurrentIndex(dialog.target.findData("onnx"))
    out = tmp_path / "net.onnx"
    out.write_bytes(b"precious")
    dialog.path.setText(str(out))
    _answer(monkeypatch, QMessageBox.StandardButton.No)
    dialog.export_button.click()
    assert out.read_bytes() == b"precious"
    _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(dialog._done.done, timeout=60_000):
        dialog.export_button.click()
    assert dialog.status.text() == f"Written: {out}" and out.read_bytes() != b"precious"


def test_a_bad_place_is_said_in_the_dialog(qtbot, tmp_path):
    dialog = _dialog(qtbot, tmp_path)
    (tmp_path / "taken").write_text("a file, not a folder")
    dialog.target.setCurrentIndex(dialog.target.findData("numpy"))
    dialog.path.setText(str(tmp_path / "taken"))
    with qtbot.waitSignal(dialog._done.done, timeout=60_000):
        dialog.export_button.click()
    assert dialog.status.text().startswith("Not exported: ")
    assert "is not a folder" in dialog.status.text()
    assert (tmp_path / "taken").read_text() == "a file, not a folder"


def test_switching_target_suggests_a_name(qtbot, tmp_path):
    dialog = _dialog(qtbot, tmp_path)
    dialog.target.setCurrentIndex(dialog.target.findData("onnx"))
    assert dialog.path.text() == str(tmp_path / f"{TINY_SPEC['name']}.onnx".replace(" ", ""))


SEQUENCE_SPEC = {"name": "PenGRU", "input_shape": [None, 5], "layers": [
    {"type": "GRU", "units": 6}, {"type": "Dense", "units": 10}]}


def test_a_sequence_model_is_offered_only_what_its_export_writes(qtbot, tmp_path):
    """A recurrent network's PyTorch export has no train.py (it trains on images) and
    book-style NumPy has no recurrent layers: the dialog says so before anything is written."""
    net = Network.from_spec(SEQUENCE_SPEC, seed=1)
    dialog = ExportDialog(net, {}, None, str(tmp_path))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    items = {dialog.target.itemData(i): dialog.target.model().item(i)
             for i in range(dialog.target.count())}
    assert items["pytorch"].text() == ("PyTorch: model.py, weights.pt, spec.json, README.md "
                                       "(folder)")
    assert items["pytorch"].isEnabled() and items["onnx"].isEnabled()
    assert not items["numpy"].isEnabled()
    assert "GRU" in items["numpy"].toolTip()
    assert dialog.target.currentData() == "pytorch"
    out = tmp_path / "seq"
    dialog.path.setText(str(out))
    with qtbot.waitSignal(dialog._done.done, timeout=120_000):
        dialog.export_button.click()
    assert dialog.status.text() == f"Written: {out}"
    assert sorted(p.name for p in out.iterdir()) == sorted(
        ["model.py", "weights.pt", "spec.json", "README.md"])


def test_an_image_model_lists_train_py(qtbot, tmp_path):
    dialog = _dialog(qtbot, tmp_path)
    labels = [dialog.target.itemText(i) for i in range(dialog.target.count())]
    assert labels[0] == "PyTorch: model.py, weights.pt, train.py, spec.json, README.md (folder)"
    assert labels[2] == "NumPy, as in the book: network.py, params.npz (folder)"
    assert all(dialog.target.model().item(i).isEnabled() for i in range(3))


def test_return_exports_and_escape_closes(qtbot, tmp_path, monkeypatch):
    """QA: the dialog had no default button (Return in the path did not export)."""
    from PySide6.QtCore import Qt

    dialog = _dialog(qtbot, tmp_path)
    assert dialog.export_button.isDefault()
    dialog.target.setCurrentIndex(dialog.target.findData("numpy"))
    out = tmp_path / "by_return"
    dialog.path.setText(str(out))
    dialog.path.setFocus()
    chosen = []
    monkeypatch.setattr(export_dialog.QFileDialog, "getExistingDirectory",
                        lambda *a, **k: chosen.append(a) or "")
    with qtbot.waitSignal(dialog._done.done, timeout=60_000):
        qtbot.keyClick(dialog.path, Qt.Key.Key_Return)
    assert not chosen  # not the Choose… button
    assert (out / "network.py").is_file() and dialog.isVisible()
    qtbot.keyClick(dialog.path, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.result() == dialog.DialogCode.Rejected


# (target, name typed in the Where field, what the dialog says): the CLI's rule, one place
WRONG_PLACES = [
    ("onnx", "a.txt", "{dir}/a.txt: an ONNX file ends in .onnx — try {dir}/a.onnx"),
    ("onnx", "", "no file name given: an ONNX export is one file, e.g. model.onnx"),
    ("numpy", "   ", "no folder name given: a NumPy export is a folder, e.g. model_numpy"),
    ("numpy", "a.onnx", "{dir}/a.onnx: a NumPy export is a folder, not a .onnx file — try "
                        "{dir}/a_numpy"),
    ("pytorch", "b.npz", "{dir}/b.npz: a PyTorch export is a folder, not a .npz file — try "
                         "{dir}/b_pytorch"),
    ("pytorch", "", "no folder name given: a PyTorch export is a folder, e.g. model_pytorch"),
]


def _type_place(qtbot, dialog: ExportDialog, target: str, text: str) -> None:
    dialog.target.setCurrentIndex(dialog.target.findData(target))
    dialog.path.clear()
    qtbot.keyClicks(dialog.path, text)


@pytest.mark.parametrize(("target", "name", "said"), WRONG_PLACES)
def test_a_wrong_name_is_refused_as_the_cli_does(qtbot, tmp_path, monkeypatch, target, name,
                                                  said):
    """QA: an .onnx export went to a.txt, an empty Where did nothing at all. The dialog says
    what `nndesk export` says, asks nothing (a.txt exists) and writes nothing."""
    from nndesk.export import place_problem

    dialog = _dialog(qtbot, tmp_path)
    (tmp_path / "a.txt").write_text("mine")
    before = sorted(tmp_path.iterdir())
    asked = _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    typed = str(tmp_path / name) if name.strip() else name
    _type_place(qtbot, dialog, target, typed)
    dialog.export_button.click()
    assert dialog.status.text() == "Not exported: " + said.format(dir=tmp_path)
    assert dialog.status.text() == "Not exported: " + place_problem(target, typed.strip())
    assert not asked and sorted(tmp_path.iterdir()) == before
    assert (tmp_path / "a.txt").read_text() == "mine" and dialog.export_button.isEnabled()


@pytest.mark.parametrize("language", ["zh_CN", "ja"])
@pytest.mark.parametrize(("target", "name", "said"), WRONG_PLACES)
def test_a_wrong_name_is_said_in_the_windows_language(qtbot, tmp_path, language, target, name,
                                                      said):
    from gui_helpers import english_runs

    from nndesk.gui import i18n

    i18n.set_language(language)
    dialog = _dialog(qtbot, tmp_path)
    _type_place(qtbot, dialog, target, str(tmp_path / name) if name.strip() else name)
    dialog.export_button.click()
    shown = dialog.status.text()
    assert not english_runs(shown), shown
    assert said.format(dir=tmp_path).rsplit(" ", 1)[-1] in shown  # the name to try instead


def test_the_suggested_onnx_name_exports(qtbot, tmp_path):
    """Typing the name the refusal suggested writes the ONNX file, read back."""
    from nndesk.export.importers import import_model

    dialog = _dialog(qtbot, tmp_path)
    _type_place(qtbot, dialog, "onnx", str(tmp_path / "a.txt"))
    dialog.export_button.click()
    better = dialog.status.text().rsplit(" ", 1)[-1]
    assert better == str(tmp_path / "a.onnx")
    _type_place(qtbot, dialog, "onnx", better)
    with qtbot.waitSignal(dialog._done.done, timeout=60_000):
        dialog.export_button.click()
    assert dialog.status.text() == f"Written: {better}"
    got = import_model(better).state_dict()
    np.testing.assert_allclose(got["0.W"], dialog.model.network.params()["0.W"], rtol=1e-6)


def test_a_name_chosen_for_onnx_gets_its_ending(qtbot, tmp_path, monkeypatch):
    """Choose… with the ONNX filter: a name typed there without .onnx is given it (Qt's own
    file dialog does not add it), so Export writes what the chooser showed."""
    from PySide6.QtWidgets import QPushButton

    dialog = _dialog(qtbot, tmp_path)
    dialog.target.setCurrentIndex(dialog.target.findData("onnx"))
    choose = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Choose…")
    for typed, shown in (("net", "net.onnx"), ("net.ONNX", "net.ONNX"), ("a.txt", "a.txt.onnx")):
        monkeypatch.setattr(export_dialog.QFileDialog, "getSaveFileName",
                            lambda *a, t=typed, **k: (str(tmp_path / t), "ONNX (*.onnx)"))
        choose.click()
        assert dialog.path.text() == str(tmp_path / shown)


@pytest.mark.parametrize("language", ["en", "zh_CN", "ja"])
def test_an_error_fits_the_dialog_and_goes_when_the_format_or_place_changes(qtbot, tmp_path,
                                                                           language):
    """QA (ja): exporting to an existing photo3.jpg said why, but the dialog did not grow:
    the format box and the place field were squashed and cut; after a new format and a new
    place the old error still showed. At the dialog's shown size, in en/zh_CN/ja."""
    from nndesk.gui import i18n

    i18n.set_language(language)
    dialog = _dialog(qtbot, tmp_path)
    (tmp_path / "photo3.jpg").write_bytes(b"\xff\xd8\xff a photo")

    def fails() -> None:
        dialog.target.setCurrentIndex(dialog.target.findData("pytorch"))
        dialog.path.setText(str(tmp_path / "photo3.jpg"))
        with qtbot.waitSignal(dialog._done.done, timeout=60_000):
            dialog.export_button.click()
        qtbot.wait(20)  # the dialog's new size, laid out
        assert dialog.status.isVisible() and dialog.status.text()

    fails()
    inside = dialog.rect()
    for field in (dialog.target, dialog.path, dialog.export_button):
        assert field.height() >= field.minimumSizeHint().height(), type(field).__name__
        assert inside.contains(field.geometry().translated(
            field.mapTo(dialog, field.rect().topLeft()) - field.geometry().topLeft()))
    status = dialog.status
    assert status.height() >= status.heightForWidth(status.width())  # every line of it
    assert inside.contains(status.geometry())

    dialog.target.setCurrentIndex(dialog.target.findData("numpy"))  # another format
    assert dialog.status.text() == "" and not dialog.status.isVisible()
    fails()
    dialog.path.selectAll()
    qtbot.keyClicks(dialog.path, str(tmp_path / "elsewhere"))          # another place
    assert dialog.status.text() == ""
