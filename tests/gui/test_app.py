"""Start-up: with and without a model, bad files as dialogs, layout remembered, `nndesk gui`."""

from __future__ import annotations

import json

import pytest
from gui_helpers import TINY_SPEC, screen_env

from nndesk.train import TrainConfig


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
    assert "tiny.npz" in w.digit.model_label.text() and "91.23%" in w.digit.model_label.text()
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
    w.resize(760, 700)  # inside the offscreen screen (800x800): kept as it is
    w.center.setSizes([200, 400])
    sizes = w.center.sizes()
    w.close()
    assert QSettings("nndesk", "nndesk").value("window/geometry") is not None
    again = MainWindow()
    qtbot.addWidget(again)
    again.show()
    a, b = again.center.sizes(), sizes  # the split is kept (a scroll bar may take a few px)
    assert abs(a[0] / sum(a) - b[0] / sum(b)) < 0.02 and abs(sum(a) - sum(b)) <= 24
    assert again.width() < 1400  # the remembered geometry, not the first-start 1400x900


def test_nndesk_gui_command_shows_the_window(tmp_path):
    """`python -m nndesk gui` shows the window, then loads the plots and the model, and
    exits cleanly (the launch probe quits once ready; start-up times are in benchmarks/)."""
    import os
    import subprocess
    import sys

    env = dict(os.environ, NNDESK_LAUNCH_PROBE="1", XDG_CONFIG_HOME=str(tmp_path))
    out = subprocess.run([sys.executable, "-m", "nndesk", "gui"], env=env, capture_output=True,
                         text=True, timeout=900)  # a hang guard only
    marks = [line.split()[0] for line in out.stdout.splitlines()
             if line.startswith("NNDESK_")]
    assert out.returncode == 0, out.stderr[-2000:]
    assert marks == ["NNDESK_SHOWN", "NNDESK_READY"]  # shown first, then ready


# -- what the window remembers, checked --------------------------------------------------------
def _conf_path():
    from PySide6.QtCore import QSettings

    return QSettings("nndesk", "nndesk").fileName()


def _start(qtbot, monkeypatch, tmp_path):
    import nndesk.paths
    from nndesk.gui.app import create_window

    monkeypatch.setattr(nndesk.paths, "default_model_path", lambda: tmp_path / "none.npz")
    _, w = create_window(None)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def _inside_screen(w) -> bool:
    area = w.screen().availableGeometry()
    return area.contains(w.frameGeometry())


def test_last_design_and_training_settings_are_remembered(qtbot, monkeypatch, tmp_path):
    w = _start(qtbot, monkeypatch, tmp_path)
    w.state.set_spec(TINY_SPEC)
    w.state.set_config(epochs=7, optimizer="SGD", lr=0.05, schedule="cosine", augment=True)
    w.close()
    again = _start(qtbot, monkeypatch, tmp_path)
    assert again.state.spec["layers"] == TINY_SPEC["layers"]
    assert again.designer.table.rowCount() == len(TINY_SPEC["layers"])
    c = again.state.config
    assert (c["epochs"], c["optimizer"], c["lr"], c["schedule"], c["augment"]) == (
        7, "SGD", 0.05, "cosine", True)
    assert again.train_panel.epochs.value() == 7
    assert again.train_panel.schedule.currentData() == "cosine"


def test_settings_of_the_wrong_shape_are_ignored_not_fatal(qtbot, monkeypatch, tmp_path,
                                                             capsys):
    from pathlib import Path

    conf = Path(_conf_path())
    conf.parent.mkdir(parents=True, exist_ok=True)
    conf.write_text(
        "[window]\nleft=12345\ngeometry=hello\nstate=@Variant(\\0\\0\\0\\x7f\\0\\0\\0\\x1)\n"
        "center=3.5\n[session]\ndesign=not json {\n"
        'training="{\\"epochs\\": \\"many\\", \\"lr\\": -1, \\"batch_size\\": 50, '
        '\\"optimizer\\": \\"Bogus\\", \\"augment\\": 1}"\n'
        "[ui]\nlanguage=42\n[dirs]\nmodels=@ByteArray(\\xff)\n[resume]\ncheckpoint=7\n",
        encoding="latin-1")
    w = _start(qtbot, monkeypatch, tmp_path)
    w.offer_resume()
    assert w.isVisible() and _inside_screen(w)
    c = w.state.config
    assert c["batch_size"] == 50  # the one good saved value is used
    d = TrainConfig()  # the bad saved values fall back to the trainer's defaults
    assert (c["epochs"], c["lr"], c["optimizer"], c["augment"]) == (
        d.epochs, d.lr, "Adam", d.augment)
    assert w.state.spec["layers"]  # a preset, not the broken saved design
    assert w.files._dir("models") == str(Path.home())
    err = capsys.readouterr().err
    for key in ("window/left", "window/geometry", "window/center", "ui/language",
                "session/design", "dirs/models"):
        assert err.count(f"[{key}]") == 1, key  # each reported once
    assert "window/left" in w.statusBar().currentMessage()


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_a_settings_file_of_random_bytes_still_opens(qtbot, monkeypatch, tmp_path, seed):
    import random
    from pathlib import Path

    conf = Path(_conf_path())
    conf.parent.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    noise = bytes(rng.randrange(256) for _ in range(4096))
    conf.write_bytes(b"[window]\nleft=" + noise[:2000] + b"\n[session]\n" + noise[2000:])
    w = _start(qtbot, monkeypatch, tmp_path)
    assert w.isVisible() and w.state.spec["layers"]
    assert _inside_screen(w), (w.frameGeometry(), w.screen().availableGeometry())
    w.close()  # and the settings are written again, readable
    again = _start(qtbot, monkeypatch, tmp_path)
    assert again.isVisible()


def test_window_opens_inside_the_screen_even_after_a_bigger_one(qtbot, monkeypatch, tmp_path):
    w = _start(qtbot, monkeypatch, tmp_path)
    assert _inside_screen(w)  # the first start on a small screen (offscreen: 800x800)
    w.resize(2400, 1600)
    w.move(600, 500)
    w.close()
    again = _start(qtbot, monkeypatch, tmp_path)
    assert _inside_screen(again)
    area = again.screen().availableGeometry()
    assert again.minimumSizeHint().width() <= 1280 and again.minimumSizeHint().height() <= 650
    assert again.width() <= area.width()


# -- no display, or Qt's system libraries missing: one line and exit 2, before Qt starts -------
linux_only = pytest.mark.skipif(not __import__("sys").platform.startswith("linux"),
                                reason="the xcb platform and its libraries exist on Linux only")


def _nndesk(env_changes: dict, tmp_path):
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(env_changes, NNDESK_HOME=str(tmp_path))
    return subprocess.run([sys.executable, "-m", "nndesk"], env=env, capture_output=True,
                          text=True, timeout=60)


@linux_only
def test_without_a_display_nndesk_says_so_in_one_line(tmp_path):
    done = _nndesk({"QT_QPA_PLATFORM": "xcb"}, tmp_path)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "needs a display" in lines[0]
    assert "nndesk predict" in lines[0] and "nndesk train" in lines[0]


@linux_only
def test_an_unreachable_display_is_named(tmp_path):
    done = _nndesk({"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":977"}, tmp_path)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [done.stderr.strip()]
    assert "cannot connect to the display ':977'" in done.stderr


@linux_only
def test_a_missing_system_library_is_named_with_its_package():
    import shutil

    from nndesk.gui.display import XCB_LIBRARIES, display_problem

    env = {"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"}
    text = display_problem(env, {"libxcb.so.1": "libxcb1",
                                 "libnndesk-absent.so.0": "nndesk-absent0"})
    assert "libnndesk-absent.so.0" in text and "libxcb.so.1" not in text
    assert ("sudo apt-get install -y nndesk-absent0" in text if shutil.which("apt-get")
            else "nndesk-absent0" in text)
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}) is None
    assert "libxcb-cursor.so.0" in XCB_LIBRARIES  # Qt >= 6.5's usual missing library


SMALL_SCREEN_PROBE = """
import json, sys
from PySide6.QtCore import QSettings
QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, sys.argv[1])
from nndesk.gui.app import create_window
app, w = create_window(None)
w.show()
app.processEvents()
area, frame = w.screen().availableGeometry(), w.frameGeometry()
from PySide6.QtWidgets import QDockWidget, QScrollArea
docks = {d.objectName(): d.isVisible() and d.width() > 50 for d in w.findChildren(QDockWidget)}
scroll = w.train_panel.parentWidget()  # the left dock's scroll area
while not isinstance(scroll, QScrollArea):
    scroll = scroll.parentWidget()
scroll.ensureWidgetVisible(w.train_panel.train_button)
app.processEvents()
b = w.train_panel.train_button
seen = b.visibleRegion().boundingRect()
print(json.dumps({"inside": area.contains(frame), "area": [area.width(), area.height()],
                  "dpr": w.screen().devicePixelRatio(), "docks": docks,
                  "train_visible": seen.width() == b.width() and seen.height() == b.height()}),
      flush=True)
import os
os._exit(0)  # skip Qt's teardown at exit: only the numbers above matter here
"""


@pytest.mark.parametrize(("scale", "lang"), [(1, "ja"), (1.5, "zh_CN"), (2, "en")])
def test_a_1280x720_screen_at_any_scale_shows_every_panel(tmp_path, scale, lang):
    import json
    import subprocess
    import sys

    env = screen_env(tmp_path, int(1280 * scale), int(720 * scale),
                     QT_SCALE_FACTOR=str(scale), NNDESK_LANG=lang)
    done = subprocess.run([sys.executable, "-c", SMALL_SCREEN_PROBE, str(tmp_path / "s")],
                          env=env, capture_output=True, text=True, timeout=900)  # a hang guard only
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["area"] == [1280, 720] and seen["dpr"] == scale  # logical pixels
    assert seen["inside"], seen
    # the two main docks are shown; the views added to the View menu start hidden
    assert seen["docks"]["Network_designer"] and seen["docks"]["Draw_a_digit"], seen
    assert seen["train_visible"], seen  # reachable: the dock scrolls to it


def test_help_lists_every_shortcut_and_says_where_things_are(window):
    from PySide6.QtGui import QAction, QKeySequence

    dialog = window.show_help("shortcuts")
    table = dialog.shortcuts
    keys = [table.item(r, 0).text() for r in range(table.rowCount())]
    for needed in ("F1", "Ctrl+Shift+I", "Ctrl+T", "Ctrl+P", "Ctrl+I", "Ctrl+Shift+O"):
        assert any(needed in k.split(" / ") for k in keys), needed
    bound = {k.toString(QKeySequence.SequenceFormat.NativeText)
             for a in window.findChildren(QAction) for k in a.shortcuts()} - {""}
    listed = {k for row in keys for k in row.split(" / ")}
    assert bound <= listed  # complete: every key the window answers to is in the list
    assert dialog.tabs.currentIndex() == 1
    about = dialog.tabs.widget(3).text()
    assert "nndesk 0.1.0" in about and "MNIST" in about and "nndesk.conf" in about
    assert dialog.books.rowCount() >= 10
    assert any("7.6" in dialog.books.item(r, 1).text() for r in range(dialog.books.rowCount()))
    dialog.close()


def test_what_start_up_made_is_set_aside_from_full_collections():
    """app.run freezes start-up's objects: a full collection on the GUI thread no longer
    scans the modules, widgets and model (~70 ms that a stroke could wait)."""
    import gc

    from nndesk.gui.app import freeze_start_up

    kept = [object()]  # a container: tracked by the collector
    assert any(o is kept for o in gc.get_objects())
    try:
        assert freeze_start_up() > 0
        assert gc.get_freeze_count() > 0
        assert not any(o is kept for o in gc.get_objects())  # not scanned any more
    finally:
        gc.unfreeze()  # the rest of the suite collects as before
