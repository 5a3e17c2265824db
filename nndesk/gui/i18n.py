"""The window's languages: `tr("English text")` gives the text in the current language.

Translations are plain JSON files, resources/translations/<code>.json (English -> translation).
The language is chosen once at start (`detect_language`): NNDESK_LANG, else the saved setting
"ui/language", else the system locale (zh* -> zh_CN), else English. Strings with placeholders
are translated as templates: `tr("Layer {n}: {type}").format(n=..., type=...)`.
"""

from __future__ import annotations

import json
import os
from functools import cache

__all__ = ["tr", "N_", "set_language", "language", "available_languages", "detect_language",
           "LANGUAGE_NAMES", "SETTINGS_KEY"]

DEFAULT = "en"
SETTINGS_KEY = "ui/language"
LANGUAGE_NAMES = {"en": "English", "zh_CN": "简体中文"}
_current = DEFAULT


def available_languages() -> list[str]:
    """Language codes the window can show: "en" and those with a translation file."""
    return list(LANGUAGE_NAMES)


def _normalize(code: object) -> str | None:
    """"zh_CN", "zh-CN", "zh", "zh_Hans_CN.UTF-8" -> "zh_CN"; "en_US" -> "en"; else None."""
    if not code:
        return None
    c = str(code).strip().split(".")[0].replace("-", "_").lower()
    if c.startswith("zh"):
        return "zh_CN"
    if c.startswith("en") or c in ("c", "posix"):
        return "en"
    return None


@cache
def _table(code: str) -> dict[str, str]:
    if code == DEFAULT:
        return {}
    from nndesk.paths import resources_dir

    path = resources_dir() / "translations" / f"{code}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def set_language(code: str) -> None:
    """Use `code` ("en", "zh_CN"; close spellings such as "zh" work too) from now on."""
    global _current
    norm = _normalize(code)
    if norm not in LANGUAGE_NAMES:
        raise ValueError(f"unknown language {code!r}; choose from {available_languages()}")
    _current = norm


def language() -> str:
    """The current language code."""
    return _current


def tr(text: str) -> str:
    """`text` (an English UI string) in the current language; the English when untranslated."""
    return _table(_current).get(text, text) if _current != DEFAULT else text


def N_(text: str) -> str:  # noqa: N802 (the gettext name)
    """Mark a module-level English string for translation; translate it with tr() where used."""
    return text


def detect_language(settings=None) -> str:
    """NNDESK_LANG, else the saved choice, else the system locale (zh* -> zh_CN), else "en"."""
    for candidate in (os.environ.get("NNDESK_LANG"),
                      settings.value(SETTINGS_KEY) if settings is not None else None):
        norm = _normalize(candidate)
        if norm in LANGUAGE_NAMES:
            return norm
    from PySide6.QtCore import QLocale

    return "zh_CN" if QLocale.system().name().lower().startswith("zh") else DEFAULT
