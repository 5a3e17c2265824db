"""Every lesson string has a Chinese and a Japanese entry (the two books' terms)."""

from __future__ import annotations

import ast
import json
import string
from pathlib import Path

import pytest

from nndesk.gui import i18n
from nndesk.paths import resources_dir

LESSONS_GUI = Path(i18n.__file__).resolve().parent / "lessons"


def _lesson_strings() -> set[str]:
    found = set()
    for path in LESSONS_GUI.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in ("tr", "N_") and node.args
                    and isinstance(node.args[0], ast.Constant)):
                found.add(node.args[0].value)
    return found


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


@pytest.mark.parametrize("code", ["zh_CN", "ja"])
def test_every_lesson_string_is_translated_with_its_placeholders(code):
    table = json.loads((resources_dir() / "translations" / f"{code}.json").read_text("utf-8"))
    strings = _lesson_strings()
    assert len(strings) > 10
    missing = sorted(s for s in strings if s not in table)
    assert not missing, f"add to {code}.json: {missing}"
    for s in strings:
        assert _fields(table[s]) == _fields(s) and table[s] != s, s


def test_a_lesson_page_shows_the_japanese_terms(qtbot, monkeypatch):
    monkeypatch.setattr(i18n, "_current", "ja")  # LANGUAGE_NAMES gains ja on the i18n branch
    from nndesk.gui.lessons.panel import LessonsPanel

    panel = LessonsPanel()
    qtbot.addWidget(panel)
    page = panel.show_lesson("perceptron")
    assert "パーセプトロン" in panel.chapters.item(0).text()
    assert page.find_button.text() == "重みを求める（パーセプトロンの学習規則）"
