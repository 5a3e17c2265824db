"""The window's languages through Qt's translation system: `tr("English text")`.

Translations are Qt Linguist files, resources/translations/<code>.ts, compiled to <code>.qm
(`python -m nndesk.gui.i18n_tools update` refreshes and compiles them). Every string lives in
one context, CONTEXT ("nndesk"): the English text is the key, as in the code. Templates keep
`{name}` placeholders and are formatted after translation: `tr("Layer {n}: {type}").format(...)`.
Counted strings use Qt's plural forms: `tr_n("Finished %n epoch(s)", n)` (en.qm holds the
English singular and plural). Qt's own texts (Yes/No buttons, file dialogs) come from the
qtbase_<code>.qm shipped in the PySide6 wheel.

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
           "LANGUAGE_NAMES", "SETTINGS_KEY", "CONTEXT"]

DEFAULT = "en"
CONTEXT = "nndesk"
SETTINGS_KEY = "ui/language"
LANGUAGE_NAMES = {"en": "English", "zh_CN": "简体中文", "ja": "日本語"}

_current = DEFAULT
_translators: dict[str, tuple[QTranslator | None, QTranslator | None]] = {}  # (ours, qtbase)
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


def _load(code: str) -> tuple[QTranslator | None, QTranslator | None]:
    """Our translator for `code` (plural forms only for English) and Qt's own, loaded once;
    None for a file that is missing (the English then shows)."""
    if code not in _translators:
        ours, qt = QTranslator(), QTranslator()
        found = ours.load(str(qm_path(code)))
        qt_found = code != DEFAULT and qt.load(
            f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
        _translators[code] = (ours if found else None, qt if qt_found else None)
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
    ours = _load(code)[0]
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


def N_(text: str) -> str:  # noqa: N802 (the gettext name)
    """Mark a module-level English string for translation; translate it with tr() where used."""
    return text


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
