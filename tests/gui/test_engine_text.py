"""The engine's messages reach the window in its language (QA, zh_CN and ja: the divergence
message and a recurrent layer's shape error came through in English). Real cases, driven
through the engine and the window's widgets: the shown text has no run of 4 or more English
words (numbers, paths, file names, setting keys and layer names do not count)."""

from __future__ import annotations

import re

import numpy as np
import pytest
from gui_helpers import DESIGNS, english_runs

from nndesk.gui import i18n
from nndesk.gui.engine_text import CARRIERS, ENGINE_PATTERNS, PIECES, translate_engine

LANGUAGES = ("zh_CN", "ja")


def test_the_checker_finds_english():
    assert english_runs("第 2 层（LSTM）：需要序列") == []
    assert english_runs("损失 the loss exploded (mean 9.1)") == ["the loss exploded mean"]
    assert english_runs("put Dense before any Flatten or Conv2D") == []  # names break a run
    assert english_runs("图像（.png, .jpg, .jpeg, .bmp）") == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_designer_says_each_problem_in_the_windows_language(qtbot, language):
    from nndesk.gui.designer import DesignerPanel
    from nndesk.gui.state import AppState

    i18n.set_language(language)
    state = AppState()
    designer = DesignerPanel(state)
    qtbot.addWidget(designer)
    for case, (shape, layers) in DESIGNS.items():
        state.set_spec({"name": case, "input_shape": shape, "layers": layers})
        assert state.spec_error is not None, case
        shown = designer.problem.text()
        assert shown and not english_runs(shown), (case, shown)
        assert translate_engine(state.spec_error) != str(state.spec_error), case


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_recurrent_setting_is_named_by_the_forms_label(language):
    """QA (zh_CN, ja): the recurrent layer's problems, translated, still said
    "return_sequences": the setting is named as the layer's form labels it (全時刻を出力)."""
    from nndesk.gui.state import AppState
    from nndesk.gui.terms import setting_label

    i18n.set_language(language)
    label = setting_label("return_sequences")
    state = AppState()
    for case in ("recurrent after Dense", "Dense on any length", "sequence last"):
        shape, layers = DESIGNS[case]
        state.set_spec({"name": case, "input_shape": shape, "layers": layers})
        shown = translate_engine(state.spec_error)
        assert "return_sequences" in str(state.spec_error), case   # the engine's own word
        assert label in shown and "return_sequences" not in shown, (case, shown)


def _diverged_trainer(tmp_path):
    """A real run that blows up (SGD, learning rate 1e6, a small MLP, 200 synthetic images):
    the trainer's own message, and the trainer to write the other endings with."""
    from nndesk.data.mnist import Splits
    from nndesk.nn import Network
    from nndesk.train import TrainConfig, Trainer

    rng = np.random.default_rng(0)
    x = rng.random((200, 1, 28, 28), dtype=np.float32)
    t = rng.integers(0, 10, 200)
    data = Splits(x, t, x[:50], t[:50], x[:50], t[:50])
    net = Network.from_spec({"input_shape": [1, 28, 28], "layers": [
        {"type": "Dense", "units": 24}, {"type": "BatchNorm"}, {"type": "ReLU"},
        {"type": "Dense", "units": 10}]}, seed=0)
    trainer = Trainer(net, data, TrainConfig(epochs=2, batch_size=20, optimizer="sgd", lr=1e6),
                      checkpoint_path=tmp_path / "run.ckpt.npz")
    result = trainer.run()
    assert result.stopped == "diverged", result.message
    return trainer, result.message


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_ending_of_a_run_in_the_windows_language(tmp_path, language):
    trainer, message = _diverged_trainer(tmp_path)
    assert "the learning rate 1e+06 is probably too high" in message
    endings = [message]
    for trouble in ("NaN", "infinite", "chance", "exploding"):
        endings.append(trainer._diverged(trouble, 1e6).message)
    trainer.checkpoint_path = None  # no file beside it: the weights are only put back
    endings.append(trainer._diverged("exploding", 0.5).message)
    endings.append(trainer._write_failed(OSError(28, "No space left on device")).message)
    trainer._saved_epoch = 3
    endings.append(trainer._write_failed(OSError(13, "Permission denied")).message)
    i18n.set_language(language)
    for english in endings:
        shown = translate_engine(english)
        assert shown != english and not english_runs(shown), (english, shown)
    assert "1e+06" in translate_engine(message)  # the values stay


def _evaluation_failure(qtbot, source: str) -> str:
    from nndesk.gui.eval_thread import EvalThread
    from nndesk.nn import Network

    spec = {"input_shape": [1, 28, 28], "layers": [{"type": "Dense", "units": 10}]}
    thread = EvalThread(spec, Network.from_spec(spec).state_dict(), "mnist", source)
    with qtbot.waitSignal(thread.failed, timeout=30_000) as failed:
        thread.start()
    thread.wait()
    return failed.args[0]


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_bad_digit_folder_is_said_in_the_windows_language(qtbot, tmp_path, monkeypatch,
                                                            language):
    """Evaluation view ▸ my digits, on folders a learner gets wrong."""
    i18n.set_language(language)
    folders = {"no sub-folders": tmp_path / "flat", "empty sub-folders": tmp_path / "empty",
               "not an image": tmp_path / "junk", "not a folder": tmp_path / "a-file"}
    folders["no sub-folders"].mkdir()
    (folders["no sub-folders"] / "seven.png").write_bytes(b"not really")
    (folders["empty sub-folders"] / "7").mkdir(parents=True)
    (folders["not an image"] / "7").mkdir(parents=True)
    (folders["not an image"] / "7" / "seven.png").write_bytes(b"not a picture")
    folders["not a folder"].write_text("x")
    for case, folder in folders.items():
        monkeypatch.setenv("NNDESK_MY_DIGITS", str(folder))
        shown = _evaluation_failure(qtbot, "folder")
        assert str(folder) in shown and not english_runs(shown), (case, shown)


@pytest.mark.parametrize("language", LANGUAGES)
def test_bad_mnist_files_are_said_in_the_windows_language(qtbot, tmp_path, monkeypatch,
                                                          language):
    """Evaluation view ▸ test set, with the data folder missing files, then holding junk."""
    from nndesk.data.mnist import DATASETS

    i18n.set_language(language)
    monkeypatch.setenv("NNDESK_DATA_DIR", str(tmp_path))
    shown = _evaluation_failure(qtbot, "test")  # no files at all
    assert str(tmp_path) in shown and not english_runs(shown), shown
    for f in DATASETS["mnist"].files.values():
        (tmp_path / f.name).write_bytes(b"\x00\x00\x08\x03\x00\x00")  # a cut header
    shown = _evaluation_failure(qtbot, "test")
    assert not english_runs(shown), shown
    for f in DATASETS["mnist"].files.values():
        (tmp_path / f.name).write_bytes(b"PK\x03\x04 not IDX")
    shown = _evaluation_failure(qtbot, "test")
    assert not english_runs(shown), shown


def test_every_pattern_is_translated_and_keeps_its_fields():
    """Each sentence has its Chinese and Japanese, with the same {fields} (a library's
    English reason, PIL's or zlib's, comes last and is given as "": LIBRARY_REASONS)."""
    from nndesk.gui.engine_text import LIBRARY_REASONS

    for language in LANGUAGES:
        i18n.set_language(language)
        for pattern in ENGINE_PATTERNS + PIECES + CARRIERS:
            shown = i18n.tr(pattern)
            assert shown != pattern, (language, pattern)
            fields = set(re.findall(r"\{(\w+)\}", pattern))
            kept = set(re.findall(r"\{(\w+)\}", shown))
            assert kept == fields, (language, pattern)
            if pattern in LIBRARY_REASONS:
                assert shown.endswith("{reason}"), (language, pattern)


@pytest.mark.parametrize("language", LANGUAGES)
def test_files_opened_as_models_are_said_in_the_windows_language(window, tmp_path, dialogs,
                                                                 language):
    """File ▸ Open model… on what a learner might pick: a picture, notes, a cut download, a
    file that is gone."""
    i18n.set_language(language)
    files = {"digit.png": b"\x89PNG\r\n\x1a\n" + bytes(64), "notes.md": b"# my notes\n" * 9,
             "spec.json": b'{"layers": []}' + b" " * 40, "cut.npz": b"PK\x03\x04" + bytes(60),
             "tiny.npz": b"PK"}
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    for name in [*files, "gone.npz"]:
        assert not window.files.load_model(str(tmp_path / name))
        title, shown = dialogs[-1]
        assert name in shown and not english_runs(title + " " + shown), (name, shown)


@pytest.mark.parametrize("language", LANGUAGES)
def test_why_an_export_target_is_off_is_said_in_the_windows_language(qtbot, tmp_path,
                                                                     language):
    """A recurrent network cannot be written as the book's NumPy code: the disabled
    choice's tooltip says why, in the window's language."""
    from nndesk.gui.export_dialog import ExportDialog
    from nndesk.nn import Network

    i18n.set_language(language)
    net = Network.from_spec({"input_shape": [None, 5], "layers": [
        {"type": "GRU", "units": 8}, {"type": "Dense", "units": 10}]})
    dialog = ExportDialog(net, {}, None, str(tmp_path))
    qtbot.addWidget(dialog)
    numpy = dialog.target.findData("numpy")
    tip = dialog.target.model().item(numpy).toolTip()
    assert not dialog.target.model().item(numpy).isEnabled()
    assert tip and not english_runs(tip), tip


@pytest.mark.parametrize("language", LANGUAGES)
def test_files_opened_as_designs_are_said_in_the_windows_language(window, tmp_path, dialogs,
                                                                  monkeypatch, language):
    """File ▸ Open design… on a broken JSON, a list, a model, a bad input shape."""
    from PySide6.QtWidgets import QFileDialog

    i18n.set_language(language)
    files = {"cut.json": b'{"layers": [', "list.json": b"[1, 2]", "model.json": b"PK\x03\x04",
             "shape.json": b'{"input_shape": [0, 28], "layers": []}'}
    for name, data in files.items():
        path = tmp_path / name
        path.write_bytes(data)
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, p=path, **k: (str(p), ""))
        window.files.open_design_dialog()
        title, shown = dialogs[-1]
        assert name in shown and not english_runs(title + " " + shown), (name, shown)


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_image_that_cannot_be_read_is_said_in_the_windows_language(qtbot, tmp_path,
                                                                      language):
    """Canvas ▸ Open image… on a folder and on a file that is no picture: said once, named
    once, in the window's language."""
    from gui_helpers import shown_digit_panel

    i18n.set_language(language)
    panel = shown_digit_panel(qtbot)
    shown = []
    panel.error.connect(lambda title, text: shown.append((title, text)))
    (tmp_path / "seven.png").write_bytes(b"not a picture")
    for path in (tmp_path, tmp_path / "seven.png"):
        panel.open_image(str(path))
        title, text = shown[-1]
        assert not english_runs(title + " " + text), text
        assert text.count(path.name) == 1, text


@pytest.mark.parametrize("language", LANGUAGES)
def test_fine_tuning_without_digits_is_said_in_the_windows_language(qtbot, tmp_path,
                                                                    language):
    """Fine-tune… on a folder that is gone and on one whose digit folders are empty (Start
    waits, the dialog says to save a digit), and on one holding no readable image."""
    from nndesk.gui.finetune_dialog import FinetuneDialog
    from nndesk.gui.state import AppState
    from nndesk.nn import Network

    i18n.set_language(language)
    state = AppState()
    state.set_model(Network.from_spec({"input_shape": [1, 28, 28], "layers": [
        {"type": "Dense", "units": 10}]}), path=str(tmp_path / "m.npz"), metadata={})
    (tmp_path / "empty" / "3").mkdir(parents=True)
    for folder in (tmp_path / "gone", tmp_path / "empty"):
        dialog = FinetuneDialog(state, folder)
        qtbot.addWidget(dialog)
        assert not dialog.start_button.isEnabled()
        dialog.start()
        shown = dialog.status.text()
        assert shown == dialog.no_digits_text() and not english_runs(shown), shown
    (tmp_path / "junk" / "3").mkdir(parents=True)
    (tmp_path / "junk" / "3" / "a.png").write_bytes(b"not a png")
    dialog = FinetuneDialog(state, tmp_path / "junk")
    qtbot.addWidget(dialog)
    dialog.start_button.click()
    qtbot.waitUntil(lambda: not dialog.running, timeout=60_000)
    shown = dialog.status.text()
    assert "junk" in shown and not english_runs(shown), shown


@pytest.mark.parametrize("language", LANGUAGES)
def test_training_settings_the_engine_refuses_are_said_in_the_windows_language(language):
    """What a run started with impossible settings says (a settings file, an old session):
    the worker shows the engine's sentence through translate_engine."""
    from nndesk.gui.worker import explain
    from nndesk.nn import make_optimizer
    from nndesk.train import TrainConfig

    i18n.set_language(language)
    refused = []
    for bad in ({"epochs": 0}, {"batch_size": 0}, {"lr": 0.0}, {"weight_decay": -1.0},
                {"schedule": "linear"}, {"elastic_alpha": -1.0}, {"early_stop": -1}):
        with pytest.raises(ValueError) as err:
            TrainConfig(**bad)
        refused.append(str(err.value))
    with pytest.raises(ValueError) as err:
        make_optimizer("adamw")
    refused.append(str(err.value))
    for english in refused:
        shown = explain("other", english)
        assert translate_engine(english) != english and not english_runs(shown), shown


CJK = "[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]"


def _refusals() -> list[str]:
    """Every setting's refusals as the engine words them (each layer's settings given a bad
    value of each kind) and the training settings' own (weight decay below 0)."""
    from nndesk.nn import LAYERS
    from nndesk.train.config import TrainConfig

    seen = set()
    for cls in LAYERS.values():
        for name, setting in cls.SETTINGS.items():
            for bad in (-5, 10**6, "x", 10**400, float("nan"), True, "yes", 1.5, 0, 1000.0):
                try:
                    setting.check(name, bad)
                except ValueError as err:
                    seen.add(str(err))
    try:
        TrainConfig(weight_decay=-1.0)
    except ValueError as err:
        seen.add(str(err))
    return sorted(seen)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_settings_name_in_a_chinese_or_japanese_reason_has_no_spaces_around_it(language):
    """QA: «ユニット数 は», «单元数 为»: a setting's translated name was formatted into a
    translated sentence with spaces around it, as between English words. Every refusal of a
    setting, in zh_CN and ja: no space between two Chinese or Japanese characters."""
    i18n.set_language(language)
    refusals = _refusals()
    assert len(refusals) > 20
    for message in refusals:
        shown = translate_engine(message)
        assert shown != message, message
        assert not re.search(f"{CJK} {CJK}", shown), (message, shown)


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_translation_spaces_a_translated_piece_from_a_chinese_or_japanese_word(language):
    """The kind, in the translations themselves: a field that holds a translated piece of
    sentence (engine_text's PIECE_FIELDS, a reason, the loss's kind, a setting's name in the
    engine's sentences about a setting) is never set off by a space from a Chinese or
    Japanese character beside it (numbers, paths and Latin names keep theirs)."""
    from nndesk.gui.engine_text import PIECE_FIELDS

    fields = "|".join(sorted(PIECE_FIELDS | {"reason", "kind", "error", "hint"}))
    about_a_setting = [p for p in ENGINE_PATTERNS if re.match(r"\{name\} (must|is far|cannot)",
                                                              p)]
    assert len(about_a_setting) >= 9
    i18n.set_language(language)
    bad = re.compile(rf"{CJK} \{{({fields})\}}|\{{({fields})\}} {CJK}")
    named = re.compile(rf"{CJK} \{{name\}}|\{{name\}} {CJK}")
    for pattern in ENGINE_PATTERNS + PIECES + CARRIERS:
        shown = i18n.tr(pattern)
        assert not bad.search(shown), (pattern, shown)
        if pattern in about_a_setting:
            assert not named.search(shown), (pattern, shown)
    from xml.etree import ElementTree

    from nndesk.gui.i18n import ts_path

    for message in ElementTree.parse(ts_path(language)).getroot().iter("message"):
        shown = message.find("translation")  # every text of the window, the same fields
        for text in [shown.text or ""] + [f.text or "" for f in shown.iter("numerusform")]:
            assert not bad.search(text), (message.find("source").text, text)
