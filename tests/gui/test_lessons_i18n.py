"""The lessons in Japanese: the terms of ゼロから作るDeep Learning (every lesson string's
translation, placeholders and all, is checked with the others' in test_i18n.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from nndesk.gui import i18n


def test_a_lesson_page_shows_the_japanese_terms(qtbot):
    i18n.set_language("ja")
    from nndesk.gui.lessons.panel import LessonsPanel

    panel = LessonsPanel()
    qtbot.addWidget(panel)
    page = panel.show_lesson("perceptron")
    assert "パーセプトロン" in panel.chapters.item(0).text()
    assert page.find_button.text() == "重みを求める（パーセプトロンの学習規則）"


def test_lesson_headers_follow_the_live_language_switch(qtbot):
    """Opened in English, switched to Chinese then Japanese as View ▸ Language does."""
    from PySide6.QtWidgets import QLabel

    from nndesk.gui.lessons.panel import LessonsPanel
    from nndesk.gui.retranslate import retranslate_widgets

    panel = LessonsPanel()
    qtbot.addWidget(panel)
    page = panel.show_lesson("perceptron")
    texts = {name: page.findChild(QLabel, name).text()
             for name in ("lesson_title", "lesson_source", "lesson_intro")}
    assert texts["lesson_title"] == "Perceptrons"
    for old, new in (("en", "zh_CN"), ("zh_CN", "ja")):
        i18n.set_language(new)
        retranslate_widgets([panel], old, new)
        for name, english in texts.items():
            shown = page.findChild(QLabel, name).text()
            assert shown == i18n.translate_in(new, english) and shown != english
    assert page.findChild(QLabel, "lesson_title").text() == "パーセプトロン"


def test_long_chapter_names_wrap_with_the_whole_name_on_hover(qtbot):
    """「3章 活性化関数・ソフトマックス・形状」 was cut off in the fixed-width list."""
    i18n.set_language("ja")
    from nndesk.gui.lessons.panel import LessonsPanel

    panel = LessonsPanel()
    qtbot.addWidget(panel)
    panel.resize(900, 600)
    panel.show()
    qtbot.waitExposed(panel)
    lists = panel.chapters
    for row in range(lists.count()):
        item = lists.item(row)
        assert item.toolTip() == item.text()
        room = lists.visualItemRect(item)
        needed = lists.fontMetrics().boundingRect(
            0, 0, room.width(), 10_000, int(Qt.TextFlag.TextWordWrap), item.text())
        assert needed.width() <= room.width() and needed.height() <= room.height(), item.text()


def test_experiment_runs_and_measures_are_named_in_japanese():
    """The ch. 6 experiments' legend and results said "init std 0.01, no BatchNorm/train_acc"
    and "final_loss 0.154" in every language."""
    i18n.set_language("ja")
    from nndesk.gui.lessons.experiments_page import metric_value, run_label

    assert run_label("init std 0.01, no BatchNorm") == "初期値の標準偏差 0.01、Batch Norm なし"
    assert run_label("weight decay 0.1") == "荷重減衰 0.1"
    assert run_label("lr 3.5e-04, decay 1.2e-07") == "学習率 3.5e-04、荷重減衰 1.2e-07"
    assert run_label("Adam") == "Adam"
    assert metric_value("test_acc", 0.9731) == "テストデータの認識精度 97.3%"
    assert metric_value("final_loss", 0.1537, 16) == "損失（最後の 16 ステップの平均） 0.154"


def test_translations_keep_the_house_words():
    """QA: zh_CN wrote the Japanese wave dash 〜 (第5〜6章) where Chinese writes ～; "RMSProp"
    beside Keras's "RMSprop"; "Weight decay 8.38e-05" beside 荷重減衰 on one page."""
    from pathlib import Path

    from nndesk.experiments import EXPERIMENTS
    from nndesk.gui.i18n_tools import extract, read_ts

    folder = Path(__file__).resolve().parents[2] / "resources" / "translations"
    texts = {code: [f for e in read_ts(folder / f"{code}.ts").values() for f in e.forms]
             for code in ("zh_CN", "ja")}
    assert not [t for t in texts["zh_CN"] if "〜" in t]
    for code, found in texts.items():
        assert not [t for t in found if "weight decay" in t.lower()], code
        assert not [t for t in found if "RMSProp" in t], code
    assert not [s for s in extract() if "RMSProp" in s]
    assert not [r.label for e in EXPERIMENTS.values() for r in e.runs if "RMSProp" in r.label]


def test_japanese_counts_are_spaced_alike():
    i18n.set_language("ja")
    assert i18n.tr("{k} of 4 rows are wrong (red).").format(k=3) == "4 行中 3 行が不正解（赤）。"
    assert "後も 4 行中 3 行" in i18n.tr(
        "After {n} epochs the rule still gets {k} of 4 rows wrong: no single line separates "
        "XOR (fig. 2-7).").format(n=100, k=3)
