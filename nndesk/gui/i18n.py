"""The window's languages through Qt's translation system: `tr("English text")`.

Translations are Qt Linguist files, resources/translations/<code>.ts, compiled to <code>.qm
(`python -m nndesk.gui.i18n_tools update` refreshes and compiles them). Every string lives in
one context, CONTEXT ("nndesk"): the English text is the key, as in the code. Templates keep
`{name}` placeholders and are formatted after translation: `tr("Layer {n}: {type}").format(...)`.
Counted strings use Qt's plural forms: `tr_n("Finished %n epoch(s)", n)` (en.qm holds the
English singular and plural). Qt's own texts (Yes/No buttons, file dialogs) come from the
qtbase_<code>.qm shipped in the PySide6 wheel; `QtGaps` fills what those files miss: a text
Qt 6 gave a mnemonic after it was translated ("&Look in:" was "Look in:", so the file dialog's
"Look in:" and "Files of type:" stayed English) and the few texts they lack (`QT_GAPS`).

The language is chosen at start (`detect_language`: NNDESK_LANG, else the saved setting
"ui/language", else the system locale) and can change while the window runs: `set_language`
installs the new translators, which sends every widget a QEvent.LanguageChange
(`nndesk.gui.retranslate` then re-reads the visible texts).
"""

from __future__ import annotations

import os
import re
import string
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

__all__ = ["tr", "tr_n", "N_", "fill", "set_language", "language", "available_languages",
           "detect_language", "translate_in", "seen_sources", "qm_path", "ts_path",
           "LANGUAGE_NAMES", "SETTINGS_KEY", "CONTEXT", "QtGaps", "QT_GAPS", "with_mnemonic"]

DEFAULT = "en"
CONTEXT = "nndesk"
SETTINGS_KEY = "ui/language"
LANGUAGE_NAMES = {"en": "English", "zh_CN": "简体中文", "ja": "日本語"}

_current = DEFAULT
_translators: dict[str, tuple[QTranslator | None, ...]] = {}  # (ours, qtbase, QtGaps)
_installed: list[QTranslator] = []
_seen: dict[str, bool] = {}  # every source tr()/tr_n() gave out (-> counted): what can show


def translations_dir() -> Path:
    """Folder of the .ts sources and the compiled .qm files."""
    from nndesk.paths import resources_dir

    return resources_dir() / "translations"


def ts_path(code: str) -> Path:
    """The Qt Linguist source of a language."""
    return translations_dir() / f"{code}.ts"


def qm_path(code: str) -> Path:
    """The compiled translation the window loads."""
    return translations_dir() / f"{code}.qm"


def available_languages() -> list[str]:
    """Language codes the window can show."""
    return list(LANGUAGE_NAMES)


def _normalize(code: object) -> str | None:
    """"zh_CN", "zh-CN", "zh", "zh_Hans_CN.UTF-8" -> "zh_CN"; "ja_JP" -> "ja"; "en_US" -> "en"."""
    if not code or not isinstance(code, str):
        return None
    c = code.strip().split(".")[0].replace("-", "_").lower()
    if c.startswith("zh"):
        return "zh_CN"
    if c.startswith("ja"):
        return "ja"
    if c.startswith("en") or c in ("c", "posix"):
        return "en"
    return None


def N_(text: str) -> str:  # noqa: N802 (the gettext name)
    """Mark a module-level English string for translation; translate it with tr() where used."""
    return text


# Qt's own texts that its shipped qtbase_ja.qm and qtbase_zh_CN.qm do not translate (the file
# dialog's type column); translated in our .ts, looked up there by `QtGaps`
QT_GAPS = (N_("Folder"), N_("Drive"), N_("File"), N_("%1 File"))


class QtGaps(QTranslator):
    """Qt's own texts that Qt's translation file misses, for a context of Qt's ("QFileDialog").

    Installed before (so asked after) qtbase's translator. A text with a mnemonic ("&Look
    in:", "Files of &type:") is looked up without it and given it back the way Qt's Chinese
    and Japanese files write one ("アドレス(&L):", "文件类型(&T)："); a text of `QT_GAPS` comes
    from our own translation. Our own context is never looked up here (`tr` asks ours).
    """

    def __init__(self, qt: QTranslator, ours: QTranslator | None) -> None:
        super().__init__()
        self.qt, self.ours = qt, ours

    def isEmpty(self) -> bool:  # noqa: N802 (Qt name)
        return False

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        # None, not "": Qt 6 asks the next translator only after a null answer (an empty
        # one would blank the texts pyqtgraph_translator gives, asked after this one)
        if context == CONTEXT or "&" not in source and source not in QT_GAPS:
            return None
        if source in QT_GAPS:
            return self.ours.translate(CONTEXT, source, None, n) if self.ours else None
        at = source.find("&")
        key = source[at + 1:at + 2]
        if not key.isalnum():  # "&&" is an ampersand, not a mnemonic
            return None
        text = self.qt.translate(context, source[:at] + source[at + 1:], disambiguation, n)
        return with_mnemonic(text, key) if text else None


def with_mnemonic(text: str, key: str) -> str:
    """`text` with the mnemonic `key` as Qt's Chinese and Japanese translations write it,
    "(&K)" before a closing colon: with_mnemonic("アドレス:", "l") == "アドレス(&L):"."""
    end = len(text.rstrip(":：").rstrip())
    return f"{text[:end]}(&{key.upper()}){text[end:]}"


def _load(code: str) -> tuple[QTranslator | None, ...]:
    """Our translator for `code` (plural forms only for English), Qt's own and the `QtGaps`
    between them, loaded once; None for a file that is missing (the English then shows)."""
    if code not in _translators:
        ours, qt = QTranslator(), QTranslator()
        found = ours.load(str(qm_path(code)))
        qt_found = code != DEFAULT and qt.load(
            f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
        gaps = QtGaps(qt, ours if found else None) if qt_found else None
        # installed in this order: the last one installed is asked first, the gaps last
        _translators[code] = (gaps, ours if found else None, qt if qt_found else None)
    return _translators[code]


def set_language(code: str) -> None:
    """Use `code` ("en", "zh_CN", "ja"; close spellings such as "zh" work too) from now on.

    With a QApplication running, the translators are installed on it: Qt's own dialogs follow
    and every widget receives a LanguageChange event. Raises ValueError for an unknown code.
    """
    global _current
    norm = _normalize(code)
    if norm not in LANGUAGE_NAMES:
        raise ValueError(f"unknown language {code!r}; choose from {available_languages()}")
    _current = norm
    app = QCoreApplication.instance()
    if app is None:
        return
    wanted = [t for t in _load(norm) if t is not None]
    if wanted == _installed:
        return
    for t in _installed:
        QCoreApplication.removeTranslator(t)
    _installed[:] = wanted
    for t in wanted:
        QCoreApplication.installTranslator(t)


def language() -> str:
    """The current language code."""
    return _current


def translate_in(code: str, text: str, n: int = -1) -> str:
    """`text` in language `code` without changing the current one ("" when untranslated)."""
    ours = _load(code)[1]
    return ours.translate(CONTEXT, text, None, n) if ours is not None else ""


def tr(text: str) -> str:
    """`text` (an English UI string) in the current language; the English when untranslated."""
    _seen.setdefault(text, False)
    if _current == DEFAULT:
        return text
    return translate_in(_current, text) or text


# Chinese and Japanese characters and punctuation (CJK, kana, full-width forms)
CJK = "\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef"


def _cjk(char: str) -> bool:
    return bool(char) and re.match(f"[{CJK}]", char) is not None


def fill(template: str, **values: object) -> str:
    """`template.format(**values)` for a translated template whose field holds a file's name
    or a translated phrase: the space beside the field is dropped where the value and the
    character across the space are both Chinese or Japanese («学習中のネットワークを評価中»),
    kept beside a Latin name or a number («default.npz を評価中»)."""
    out = ""
    for literal, name, spec, conversion in string.Formatter().parse(template):
        if out and _cjk(out[-1]) and literal.startswith(" ") and _cjk(literal[1:2]):
            literal = literal[1:]  # the value before ended in CJK
        out += literal
        if name is None:
            continue
        value = values[name]
        value = repr(value) if conversion == "r" else str(value) if conversion else value
        value = format(value, spec or "")
        if out.endswith(" ") and _cjk(out[-2:-1]) and _cjk(value[:1]):
            out = out[:-1]
        out += value
    return out


def tr_n(text: str, n: int) -> str:
    """A counted string with Qt's plural forms: tr_n("Finished %n epoch(s)", 3).

    `text` holds %n where the number goes; each language's .ts gives its forms (English:
    "Finished %n epoch" / "Finished %n epochs"; Chinese and Japanese one form).
    """
    _seen[text] = True
    return (translate_in(_current, text, int(n)) or text).replace("%n", str(int(n)))


def seen_sources() -> dict[str, bool]:
    """Every English text given out so far -> whether it is counted (tr_n); the live language
    switch (nndesk.gui.retranslate) looks for their translations on screen."""
    return dict(_seen)


def detect_language(settings=None) -> str:
    """NNDESK_LANG, else the saved choice, else the system locale (zh* -> zh_CN, ja* -> ja),
    else "en". A saved value of the wrong type is ignored."""
    saved = None
    if settings is not None:
        from nndesk.gui.settings_check import read_setting

        saved = read_setting(settings, SETTINGS_KEY, str, None,
                             lambda v: _normalize(v) in LANGUAGE_NAMES)
    for candidate in (os.environ.get("NNDESK_LANG"), saved):
        norm = _normalize(candidate)
        if norm in LANGUAGE_NAMES:
            return norm
    return _normalize(QLocale.system().name()) or DEFAULT
