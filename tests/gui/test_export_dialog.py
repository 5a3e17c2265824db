"""File ▸ Export model…: the dialog writes the window's model and says what happened."""

from __future__ import annotations

import numpy as np
from gui_helpers import TINY_SPEC

from nndesk.gui.export_dialog import ExportDialog
from nndesk.nn import Network


def _dialog(qtbot, tmp_path) -> ExportDialog:
    net = Network.from_spec(TINY_SPEC, seed=2)
    dialog = ExportDialog(net, {"config": {"optimizer": "sgd"}}, None, str(tmp_path))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_export_numpy_from_the_dialog(qtbot, tmp_path):
    dialog = _dialog(qtbot, tmp_path)
    dialog.target.setCurrentIndex(dialog.target.findData("numpy"))
    out = tmp_path / "book"
    dialog.path.setText(str(out))
    with qtbot.waitSignal(dialog._done.finished, timeout=60_000):
        dialog.export_button.click()
    assert dialog.status.text() == f"Written: {out}"
    assert (out / "network.py").is_file()
    params = np.load(out / "params.npz")
    np.testing.assert_array_equal(params["W1"], dialog.model.network.params()["0.W"])
    assert dialog.export_button.isEnabled()


def test_a_bad_place_is_said_in_the_dialog(qtbot, tmp_path):
    dialog = _dialog(qtbot, tmp_path)
    (tmp_path / "taken").write_text("a file, not a folder")
    dialog.target.setCurrentIndex(dialog.target.findData("numpy"))
    dialog.path.setText(str(tmp_path / "taken"))
    with qtbot.waitSignal(dialog._done.finished, timeout=60_000):
        dialog.export_button.click()
    assert dialog.status.text().startswith("Not exported: ")
    assert "is not a folder" in dialog.status.text()
    assert (tmp_path / "taken").read_text() == "a file, not a folder"


def test_switching_target_suggests_a_name(qtbot, tmp_path):
    dialog = _dialog(qtbot, tmp_path)
    dialog.target.setCurrentIndex(dialog.target.findData("onnx"))
    assert dialog.path.text() == str(tmp_path / f"{TINY_SPEC['name']}.onnx".replace(" ", ""))
