"""The window's languages through Qt's translation files: every text translated, plural forms,
Qt's own buttons, the live switch, and the upkeep command's files read back."""

from __future__ import annotations

import json
import re

import pytest

from nndesk.gui import i18n, i18n_tools
from nndesk.gui.i18n_tools import check_entry, read_ts

LANGS = ("zh_CN", "ja")


def test_ts_files_cover_the_code_and_qm_files_are_compiled_from_them():
    assert i18n_tools.check() == []  # `python -m nndesk.gui.i18n_tools update` fixes it
    found = i18n_tools.extract()
    assert len(found) > 250  # the scan works: menus, panels, dialogs, tooltips, engine texts
    assert found["Finished %n epoch(s)"].numerus and not found["Train"].numerus


@pytest.mark.parametrize("code", LANGS)
def test_translations_keep_placeholders_and_mnemonics_and_are_unique(code):
    entries = read_ts(i18n.ts_path(code))
    back: dict[str, str] = {}
    for source, entry in entries.items():
        assert entry.finished and check_entry(source, entry) is None, source
        assert all(form != source for form in entry.forms), source
        if "{" not in source and not entry.numerus:  # the live switch reads texts back
            assert entry.forms[0] not in back, (source, back.get(entry.forms[0]))
            back[entry.forms[0]] = source


def test_tr_follows_the_language():
    assert i18n.available_languages() == ["en", "zh_CN", "ja"]
    assert i18n.tr("Train") == "Train"
    i18n.set_language("zh_CN")
    assert i18n.tr("Train") == "训练"
    assert i18n.tr("Layer {n}: {type}").format(n=2, type="ReLU") == "第 2 层：ReLU"
    i18n.set_language("ja")
    assert i18n.language() == "ja"
    assert i18n.tr("learning rate") == "学習率" and i18n.tr("Train") == "学習"
    assert i18n.tr("not a UI string") == "not a UI string"  # untranslated: the English
    with pytest.raises(ValueError):
        i18n.set_language("xx")


def test_plural_forms_follow_each_language():
    from nndesk.gui.engine_text import translate_engine

    assert i18n.tr_n("Finished %n epoch(s)", 1) == "Finished 1 epoch"
    assert i18n.tr_n("Finished %n epoch(s)", 4) == "Finished 4 epochs"
    assert translate_engine("finished 1 epochs") == "Finished 1 epoch"  # the trainer's words
    i18n.set_language("ja")
    assert translate_engine("finished 1 epochs") == "1 エポックの学習が終わりました"
    i18n.set_language("zh_CN")
    assert i18n.tr_n("Finished %n epoch(s)", 12) == "已完成 12 轮训练"


@pytest.mark.parametrize(("code", "yes", "no"), [("en", "&Yes", "&No"),
                                                 ("zh_CN", "是(&Y)", "否(&N)"),
                                                 ("ja", "はい(&Y)", "いいえ(&N)")])
def test_qt_own_buttons_follow_the_language(qtbot, code, yes, no):
    from PySide6.QtWidgets import QMessageBox

    i18n.set_language(code)
    box = QMessageBox(QMessageBox.Icon.Question, "t", "q",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    qtbot.addWidget(box)
    assert box.button(QMessageBox.StandardButton.Yes).text() == yes
    assert box.button(QMessageBox.StandardButton.No).text() == no


def test_engine_reasons_are_translated_at_the_window(tmp_path):
    from nndesk.gui.engine_text import translate_engine
    from nndesk.nn import SpecError, infer

    bad = [  # one design per sentence of the engine
        [{"type": "Conv2D", "filters": 4, "kernel_size": 32, "pad": 1}],
        [{"type": "Conv2D", "filters": 4, "kernel_size": 30}],
        [{"type": "MaxPool2D", "pool_size": 16}, {"type": "MaxPool2D", "pool_size": 2}],
        [{"type": "Dense", "units": 10}, {"type": "Conv2D", "filters": 2}],
        [{"type": "Conv2D", "filters": 2}],
        [{"type": "Dense", "units": 0}], [{"type": "Dense", "units": 2.5}],
        [{"type": "Dense", "units": 10, "init": "zeros"}], [{"type": "Dense", "size": 3}],
        [{"type": "Dens"}], [{"type": "Dropout", "rate": 2}],
    ]
    i18n.set_language("ja")
    for layers in bad:
        with pytest.raises(SpecError) as err:
            infer({"input_shape": [1, 28, 28], "layers": layers})
        text = translate_engine(str(err.value))
        assert text != str(err.value) and text.startswith("レイヤ "), str(err.value)
        assert not re.search(r"\b(must|does|not|fit|needs|unknown)\b", text), text
    assert translate_engine("a message of a newer engine") == "a message of a newer engine"


def test_detect_language_order(monkeypatch):
    from PySide6.QtCore import QLocale, QSettings

    settings = QSettings("nndesk", "nndesk")
    monkeypatch.setenv("NNDESK_LANG", "ja_JP.UTF-8")
    assert i18n.detect_language(settings) == "ja"
    monkeypatch.delenv("NNDESK_LANG")
    settings.setValue(i18n.SETTINGS_KEY, "zh_CN")
    assert i18n.detect_language(settings) == "zh_CN"
    settings.setValue(i18n.SETTINGS_KEY, 12345)  # a wrong type is ignored
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("ja_JP")))
    assert i18n.detect_language(settings) == "ja"
    settings.remove(i18n.SETTINGS_KEY)
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("de_DE")))
    assert i18n.detect_language(settings) == "en"


def test_update_imports_json_writes_ts_and_compiles_qm(tmp_path, capsys):
    from PySide6.QtCore import QTranslator

    for code in i18n_tools.languages():  # work on copies of the real files
        (tmp_path / f"{code}.ts").write_bytes(i18n.ts_path(code).read_bytes())
    ja = read_ts(tmp_path / "ja.ts")
    (tmp_path / "more.json").write_text(json.dumps({
        "Train": "トレーニング", "not in the code": "x", "Layer {n}: {type}": "層 {n}",
        "Finished %n epoch(s)": ["%n エポック完了"]}, ensure_ascii=False), encoding="utf-8")
    problems = i18n_tools.update({"ja": [tmp_path / "more.json"]}, folder=tmp_path)
    assert problems == 0
    out = capsys.readouterr().out
    assert "ja: 2 translations taken" in out
    assert "not in the code" in out and "Layer {n}: {type} (placeholders" in out
    again = read_ts(tmp_path / "ja.ts")
    assert again["Train"].forms == ["トレーニング"]
    assert again["Layer {n}: {type}"].forms == ja["Layer {n}: {type}"].forms  # kept
    assert set(again) == set(ja)
    t = QTranslator()
    assert t.load(str(tmp_path / "ja.qm"))
    assert t.translate(i18n.CONTEXT, "Train") == "トレーニング"
    assert t.translate(i18n.CONTEXT, "Finished %n epoch(s)", None, 3) == "%n エポック完了"


# -- the real window ----------------------------------------------------------------------
@pytest.fixture
def tiny_model_file(tmp_path):
    from gui_helpers import TINY_SPEC

    from nndesk.nn import Network
    from nndesk.train import save_model

    path = tmp_path / "tiny.npz"
    save_model(path, Network.from_spec(TINY_SPEC, seed=1), {"accuracy": 0.9, "epochs": 2,
                                                            "config": {"optimizer": "Adam"}})
    return path


ALLOWED = [  # names that stay as they are in every language
    "mini-batch", "Softmax-with-Loss", "Deep Learning from Scratch", "Deep Learning", "Koki Saitoh",
    "O'Reilly Japan", "Batch Normalization", "Leaky ReLU", "forward/backward", "max(0, x)",
    "nndesk", "MNIST", "NumPy", "Python", "PNG", "CSV", "JPEG", "BMP", "Ctrl", "Shift", "Esc",
    "Delete", "Del", "Space", "English", "Affine", "Dropout", "Momentum", "AdaGrad", "RMSProp",
    "RMSprop", "Nielsen", "im2col",
    "Nesterov", "Adam", "SGD", "Xavier", "sigmoid", "tanh", "softmax", "（epoch）",
    "TensorBoard", "tensorboard", "pip install",
]


def _english_left(texts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    from nndesk.nn import LAYERS
    from nndesk.presets import list_presets

    names = sorted({*ALLOWED, *LAYERS, *list_presets(), "TinyConv"}, key=len, reverse=True)
    left = []
    for where, text in texts:
        rest = re.sub(r"\S*[/\\.]\S*", " ", re.sub(r"<[^>]+>|&\w+;", " ", text))  # paths, tags
        rest = re.sub(r"'nndesk [^']*'", " ", rest)  # a quoted command: 'nndesk eval --folder'
        rest = re.sub(r"--[\w-]+", " ", rest)  # command-line flags
        for name in names:
            rest = rest.replace(name, " ")
        rest = re.sub(r"\b(pad|stride|lr)\b", " ", rest)  # the layer list's short notation
        if re.search(r"[A-Za-z]{3,}", rest):
            left.append((where, text))
    return left


def _all_texts(w) -> list[tuple[str, str]]:
    from nndesk.gui.retranslate import visible_texts

    help_dialog = w.show_help("about")
    texts = visible_texts([w, help_dialog])
    for tab in range(help_dialog.tabs.count()):
        help_dialog.tabs.setCurrentIndex(tab)
        texts += visible_texts([help_dialog.tabs.currentWidget()])
    from PySide6.QtCore import QCoreApplication, QEvent

    help_dialog.close()  # deleted on close
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return texts


@pytest.mark.parametrize("code", LANGS)
def test_no_english_left_in_the_window(qtbot, monkeypatch, code, tiny_model_file):
    from nndesk.gui.main_window import MainWindow

    monkeypatch.setenv("NNDESK_LANG", code)
    w = MainWindow()
    qtbot.addWidget(w)
    w.build_views()
    w.files.load_model(str(tiny_model_file))
    w.designer.select(0)
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    texts = _all_texts(w)
    assert len(texts) > 80
    left = _english_left(texts)
    assert left == [], "\n".join(f"{w}: {t[:150]!r}" for w, t in left)


def test_the_check_finds_english(window):
    """The walk above sees hard-coded English (what a forgotten tr() would leave)."""
    window.train_panel.status.setText("Training is going well")
    i18n.set_language("ja")
    assert ("WrapLabel ", "Training is going well") in _english_left(_all_texts(window))


def _snapshot(w) -> list[tuple[str, str]]:
    from nndesk.gui.retranslate import visible_texts

    return visible_texts([w])


def test_language_switches_live_and_back(window, monkeypatch, qtbot):
    from PySide6.QtGui import QAction

    window.state.set_spec({"input_shape": [1, 28, 28], "layers": [  # a design error on show
        {"type": "Conv2D", "filters": 4, "kernel_size": 3},
        {"type": "MaxPool2D", "pool_size": 14}, {"type": "MaxPool2D", "pool_size": 2},
        {"type": "Dense", "units": 10}]})
    window.designer.select(0)
    english = _snapshot(window)
    assert any("does not fit" in t for _, t in english)
    for code, train in (("ja", "学習"), ("zh_CN", "训练")):
        window.findChild(QAction, f"language_{code}").trigger()
        assert i18n.language() == code and window.settings.value(i18n.SETTINGS_KEY) == code
        assert window.train_panel.train_button.text() == train
        assert window.findChild(QAction, f"language_{code}").isChecked()
        assert _english_left(_all_texts(window)) == []
    window.findChild(QAction, "language_en").trigger()
    assert _snapshot(window) == english  # every text back to its English, values kept


def test_switch_during_training_keeps_the_run(window, small_data, dialogs, qtbot):
    from PySide6.QtGui import QAction

    window.training.data = small_data
    window.state.set_config(epochs=2, batch_size=50, lr=0.01)
    with qtbot.waitSignal(window.training.finished, timeout=60_000) as done:
        window.train_panel.train_button.click()
        window.findChild(QAction, "language_ja").trigger()
    assert done.args[0]["stopped"] == "finished"
    assert window.train_panel.status.text().startswith("2 エポックの学習が終わりました")
    assert window.plots.runs[0].n == 24  # no batch lost to the switch


# -- tooltips: every training and layer setting says what it does, a range, the chapter -------
def _hover_text(qtbot, widget) -> str:
    """What a user sees when resting the mouse on `widget` (Qt's own tooltip event)."""
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    QToolTip.hideText()
    center = QPoint(widget.width() // 2, widget.height() // 2)
    QApplication.sendEvent(widget, QHelpEvent(QEvent.Type.ToolTip, center,
                                              widget.mapToGlobal(center)))
    qtbot.waitUntil(QToolTip.isVisible, timeout=2000)
    return QToolTip.text()


def test_every_training_setting_has_a_tooltip_on_hover(window, qtbot):
    from PySide6.QtWidgets import QLabel

    from nndesk.gui.terms import TRAIN_TIPS

    panel = window.train_panel
    assert set(panel._editors) == set(TRAIN_TIPS)
    for name, editor in panel._editors.items():
        tip = _hover_text(qtbot, editor)
        assert tip == f"<qt>{i18n.tr(TRAIN_TIPS[name])}</qt>" and len(tip) > 40, name
        assert re.search(r"\d", tip), name  # a range or a value to start from
    chapters = [t for t in TRAIN_TIPS.values() if "Book ch." in t]
    assert len(chapters) >= 8
    labels = [w for w in panel.findChildren(QLabel) if w.toolTip() in
              {f"<qt>{i18n.tr(t)}</qt>" for t in TRAIN_TIPS.values()}]
    assert len(labels) == len(TRAIN_TIPS) - 1  # every label but the augment box's own text


@pytest.mark.parametrize("code", ("en", "ja"))
def test_every_layer_setting_has_a_tooltip_on_hover(window, qtbot, code):
    from PySide6.QtWidgets import QLabel, QWidget

    from nndesk.gui.terms import SETTING_TIPS, setting_label
    from nndesk.nn import LAYERS

    i18n.set_language(code)
    layers = [{"type": t} for t in LAYERS if LAYERS[t].SETTINGS]
    for layer in layers:
        spec = {"input_shape": [1, 28, 28], "layers": [dict(layer)]}
        window.state.set_spec(spec)
        window.designer.select(0)
        for name in LAYERS[layer["type"]].SETTINGS:
            editor = window.designer.settings_box.findChild(QWidget, f"setting_{name}")
            assert editor is not None, (layer, name)
            tip = _hover_text(qtbot, editor)
            assert tip == f"<qt>{i18n.tr(SETTING_TIPS[name])}</qt>", (layer, name)
            label = [w for w in window.designer.settings_box.findChildren(QLabel)
                     if w.text() == setting_label(name)]
            assert label and label[0].toolTip() == tip, (layer, name)
    assert all(re.search(r"\d", t) for t in SETTING_TIPS.values())


def test_check_sees_a_stale_qm(tmp_path, monkeypatch):
    for code in i18n_tools.languages():
        (tmp_path / f"{code}.ts").write_bytes(i18n.ts_path(code).read_bytes())
        (tmp_path / f"{code}.qm").write_bytes(i18n.qm_path(code).read_bytes())
    assert i18n_tools.check(tmp_path) == []
    ts = tmp_path / "ja.ts"
    ts.write_text(ts.read_text("utf-8").replace("<translation>学習</translation>",
                                                "<translation>トレーニング</translation>"),
                  "utf-8")
    assert i18n_tools.check(tmp_path) == ["ja.qm is not compiled from ja.ts: run update"]


@pytest.mark.parametrize(("code", "look_in", "types", "folder", "cancel"), [
    ("en", "&Look in:", "Files of &type:", "Folder", "Cancel"),
    ("zh_CN", "查找范围(&L)：", "文件类型(&T)：", "文件夹", "取消"),
    ("ja", "アドレス(&L):", "ファイルの種類(&T):", "フォルダ", "キャンセル")])
def test_qt_file_dialog_speaks_the_language(qtbot, tmp_path, code, look_in, types, folder,
                                            cancel):
    """QA: Qt's file dialog said "Look in:" and "Files of type:" in Chinese and Japanese: Qt 6
    gave them a mnemonic after qtbase_*.qm translated them ("Look in:"), and the type column's
    "Folder" is in no qtbase_*.qm. `i18n.QtGaps` fills both; the standard buttons too."""
    from PySide6.QtWidgets import (
        QDialogButtonBox,
        QFileDialog,
        QFileSystemModel,
        QLabel,
        QMessageBox,
    )

    (tmp_path / "exports").mkdir()
    i18n.set_language(code)
    dialog = QFileDialog(None, "t", str(tmp_path), "ONNX (*.onnx)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    labels = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
    assert labels["lookInLabel"] == look_in and labels["fileTypeLabel"] == types
    model = dialog.findChild(QFileSystemModel)
    row = model.index(str(tmp_path / "exports"))
    qtbot.waitUntil(lambda: model.data(row.siblingAtColumn(2)) == folder)  # read in a thread
    box = QMessageBox(QMessageBox.Icon.Question, "t", "q",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QMessageBox.StandardButton.Cancel).text() == cancel
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(buttons)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == cancel


def test_a_mnemonic_is_written_as_qt_writes_it_in_chinese_and_japanese():
    assert i18n.with_mnemonic("アドレス:", "l") == "アドレス(&L):"
    assert i18n.with_mnemonic("文件类型：", "t") == "文件类型(&T)："
    assert i18n.with_mnemonic("保存", "s") == "保存(&S)"
