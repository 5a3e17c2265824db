"""A run's name in the run list names each changed setting as the training panel labels it
(QA 8: "epochs 2, train_limit 40000"), in the window's language."""

from __future__ import annotations

from gui_helpers import TINY_SPEC
from PySide6.QtWidgets import QLabel

from nndesk.gui import i18n
from nndesk.gui.run_names import run_name, run_tip
from nndesk.gui.state import AppState
from nndesk.gui.terms import train_label
from nndesk.gui.train_panel import TrainPanel


def test_changed_settings_are_named_by_the_training_panels_labels(qtbot):
    before = {"spec": TINY_SPEC, "config": {"optimizer": "Adam", "lr": 0.001, "epochs": 5,
                                            "train_limit": 0}}
    config = {"optimizer": "Adam", "lr": 0.001, "epochs": 2, "train_limit": 40000}
    name = run_name(2, TINY_SPEC, config, before)
    assert "train_limit" not in name and "train images 40000" in name, name
    assert "epochs 2" in name
    panel = TrainPanel(AppState())  # the labels the learner reads beside the boxes
    qtbot.addWidget(panel)
    labels = {label.text() for label in panel.findChildren(QLabel)}
    assert train_label("train_limit") in labels and train_label("epochs") in labels
    i18n.set_language("ja")
    try:
        name = run_name(2, TINY_SPEC, config, before)
        assert f"{train_label('train_limit')} 40000" in name and "train" not in name, name
        assert train_label("train_limit") != "train images"
    finally:
        i18n.set_language("en")


def test_run_names_in_the_list_follow_view_language(window, qtbot):
    """QA: after View ▸ Language the run list kept its English names ("custom", the setting
    that changed). Each name is written anew from its run's settings in the new language,
    its tooltip too, and back again."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QAction

    tc, config = window.training, {"optimizer": "Adam", "lr": 0.001, "epochs": 1}
    specs = [{**TINY_SPEC, "name": "custom", "layers": [
        dict(TINY_SPEC["layers"][0], init=init), *TINY_SPEC["layers"][1:]]}
        for init in ("he", "xavier")]
    for spec in specs:  # two runs start, as the worker reports them
        tc.runs += 1
        tc._on_started({"config": config, "spec": spec, "history": [], "epochs": 1,
                        "batches": 1})
    items = [window.plots.run_list.item(row) for row in range(2)]

    def expected() -> list[str]:
        return [run_name(1, specs[0], config, None),
                run_name(2, specs[1], config, {"spec": specs[0], "config": config})]

    def tips() -> list[str]:
        return [run_tip(1, specs[0], config, None),
                run_tip(2, specs[1], config, {"spec": specs[0], "config": config})]

    english = expected()
    assert [item.text() for item in items] == english and "custom" in english[1]
    for code in ("ja", "en"):
        window.findChild(QAction, f"language_{code}").trigger()
        QCoreApplication.processEvents()  # the LanguageChange events Qt posts
        names = expected()
        assert [item.text() for item in items] == names, (code, names)
        assert [item.toolTip() for item in items] == tips()
        assert [r.name for r in window.plots.runs.values()] == names
        assert (names == english) == (code == "en"), names


def test_a_runs_tooltip_shows_its_whole_name(window, qtbot):
    """QA: hovering a run showed "2: TwoLayerNet · SGD lr 0.1 · Conv2D 1 –, Conv2D 2 –, …",
    the tooltip cut as the name is. The tooltip names every difference, one a line."""
    from nndesk.presets import load_preset

    tc, config = window.training, {"optimizer": "SGD", "lr": 0.1, "epochs": 1}
    specs = [load_preset("DigitNet"), load_preset("TwoLayerNet")]
    for spec in specs:  # two runs start, as the worker reports them
        tc.runs += 1
        tc._on_started({"config": config, "spec": spec, "history": [], "epochs": 1,
                        "batches": 1})
    item = window.plots.run_list.item(1)
    assert "…" in item.text()                            # the name stops at two differences
    lines = item.toolTip().split("\n")
    assert "…" not in item.toolTip() and len(lines) > 3, lines
    assert lines[0] == "2: TwoLayerNet · SGD lr 0.1"
    assert all(line in item.toolTip() for line in item.text().split(" · ")[2].split(", ")[:2])
