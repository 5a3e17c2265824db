"""A design file handed to File ▸ Open design: one clear error for every way it can be bad,
nothing changed in the window."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "words"), [
    ("[" * 100_000 + "]" * 100_000, "nested more than 64 levels"),   # was "Something went wrong"
    ('{"layers": [}', "not valid JSON"),
    ('{"name": 1}', '"layers"'),
])
def test_a_bad_design_file_is_one_clear_error_and_changes_nothing(qtbot, tmp_path, monkeypatch,
                                                                   text, words):
    from PySide6.QtWidgets import QFileDialog

    from nndesk.gui.main_window import MainWindow

    path = tmp_path / "design.json"
    path.write_text(text, encoding="ascii")
    w = MainWindow()
    qtbot.addWidget(w)
    before = w.state.spec
    shown = []
    monkeypatch.setattr(w, "show_error", lambda title, body: shown.append((title, body)))
    w.files.show_error = w.show_error
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    w.files.open_design_dialog()
    assert len(shown) == 1 and words in shown[0][1], shown
    assert w.state.spec == before
