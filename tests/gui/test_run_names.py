"""A run's name in the run list names each changed setting as the training panel labels it
(QA 8: "epochs 2, train_limit 40000"), in the window's language."""

from __future__ import annotations

from gui_helpers import TINY_SPEC
from PySide6.QtWidgets import QLabel

from nndesk.gui import i18n
from nndesk.gui.run_names import run_name
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
