"""Start-up: with and without a model, bad files as dialogs, layout remembered, `nndesk gui`."""

from __future__ import annotations

import json

import pytest
from gui_helpers import TINY_SPEC


@pytest.fixture
def tiny_model(tmp_path):
    from nndesk.nn import Network
    from nndesk.train import save_model

    path = tmp_path / "tiny.npz"
    save_model(path, Network.from_spec(TINY_SPEC, seed=1), {"accuracy": 0.9123,
                                                            "command": "nndesk train ..."})
    return path


def test_without_a_model_the_window_says_what_to_do(qtbot, monkeypatch, tmp_path):
    import nndesk.paths
    from nndesk.gui.app import create_window

    monkeypatch.setattr(nndesk.paths, "default_model_path", lambda: tmp_path / "none.npz")
    _, w = create_window(None)
    qtbot.addWidget(w)
    assert w.state.network is None
    assert "No model yet — train one or open a model file" in w.digit.model_label.text()
    assert w.state.spec["layers"] and w.state.spec_error is None  # a preset to start from
    assert w.train_panel.train_button.isEnabled()


def test_start_with_a_model_file_shows_it_and_its_design(qtbot, tiny_model):
    from nndesk.gui.app import create_window
    from nndesk.gui.files import describe_metadata

    _, w = create_window(str(tiny_model))
    qtbot.addWidget(w)
    assert w.state.network is not None and w.state.spec["name"] == "TinyConv"
    assert "tiny.npz" in w.model_status.text() and "91.23%" in w.model_status.text()
    assert w.designer.table.rowCount() == len(TINY_SPEC["layers"])
    info = describe_metadata(w.state.network, w.state.model_path, w.state.metadata, "file")
    assert "Test accuracy: 91.23%" in info and "nndesk train ..." in info


def test_bad_model_and_design_files_are_dialogs(qtbot, tmp_path, dialogs):
    from nndesk.gui.main_window import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"PK not really a zip")
    assert not w.files.load_model(str(bad))
    assert dialogs and dialogs[-1][0] == "Cannot open this model"
    assert "Open a .npz file saved by nndesk" in dialogs[-1][1]
    assert w.state.network is None


def test_save_and_reopen_a_model(qtbot, tmp_path, tiny_model, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from nndesk.gui.main_window import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    assert w.files.load_model(str(tiny_model))
    out = tmp_path / "copy"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    w.files.save_model_dialog()
    again = MainWindow()
    qtbot.addWidget(again)
    assert again.files.load_model(str(out) + ".npz")
    a, b = w.state.network.state_dict(), again.state.network.state_dict()
    assert a.keys() == b.keys() and all((a[k] == b[k]).all() for k in a)
    assert again.state.metadata["accuracy"] == 0.9123


def test_design_saved_from_the_menu_opens_again(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from nndesk.gui.main_window import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    w.state.set_spec(TINY_SPEC)
    w.state.set_config(epochs=7)
    path = tmp_path / "design.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    w.files.save_design_dialog()
    assert json.loads(path.read_text())["training"]["epochs"] == 7
    other = MainWindow()
    qtbot.addWidget(other)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    other.files.open_design_dialog()
    assert other.state.spec["layers"] == TINY_SPEC["layers"] and other.state.config["epochs"] == 7


def test_window_layout_is_remembered(qtbot):
    from PySide6.QtCore import QSettings

    from nndesk.gui.main_window import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    w.resize(900, 700)
    w.center.setSizes([200, 400])
    sizes = w.center.sizes()
    w.close()
    assert QSettings("nndesk", "nndesk").value("window/geometry") is not None
    again = MainWindow()
    qtbot.addWidget(again)
    again.show()
    assert again.center.sizes() == sizes
    assert again.width() < 1400  # the remembered geometry, not the first-start 1400x900


def test_nndesk_gui_command_shows_the_window(tmp_path):
    """`python -m nndesk gui` shows the window, then loads the plots and the model, and
    exits cleanly (the launch probe quits once ready; start-up times are in benchmarks/)."""
    import os
    import subprocess
    import sys

    env = dict(os.environ, NNDESK_LAUNCH_PROBE="1", XDG_CONFIG_HOME=str(tmp_path))
    out = subprocess.run([sys.executable, "-m", "nndesk", "gui"], env=env, capture_output=True,
                         text=True, timeout=120)
    marks = [line.split()[0] for line in out.stdout.splitlines()
             if line.startswith("NNDESK_")]
    assert out.returncode == 0, out.stderr[-2000:]
    assert marks == ["NNDESK_SHOWN", "NNDESK_READY"]  # shown first, then ready
