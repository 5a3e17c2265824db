"""The engine's English messages (nn, train, data, insight) in the window's language.

The engine stays English and Qt-free; its messages are built from a few sentence
patterns. The window translates them here, at its boundary: each pattern (in
`engine_sentences.py`, re-exported here) is the engine's sentence with its values as
{fields}; a message that matches one is shown as the translated pattern with the same values
(themselves translated when they are words such as a setting name). A message that matches
nothing (a new one) shows as the engine wrote it.
"""

from __future__ import annotations

import re
from functools import cache

from nndesk.gui.engine_sentences import (
    CARRIERS,
    COUNTED_PATTERNS,
    ENGINE_PATTERNS,
    LIBRARY_REASONS,
    PIECE_FIELDS,
    PIECES,
    VALUE_WORDS,
)
from nndesk.gui.i18n import tr, tr_n

__all__ = ["translate_engine", "translate_piece", "job_failure", "ENGINE_PATTERNS", "PIECES",
           "CARRIERS", "COUNTED_PATTERNS", "LIBRARY_REASONS", "PIECE_FIELDS", "VALUE_WORDS"]


@cache
def _compiled(pattern: str) -> re.Pattern:
    parts, seen = [], set()
    for i, piece in enumerate(re.split(r"\{(\w+)\}", pattern)):
        if i % 2 == 0:
            parts.append(re.escape(piece))
        else:
            parts.append(f"(?P={piece})" if piece in seen else f"(?P<{piece}>.+?)")
            seen.add(piece)
    return re.compile("".join(parts), re.DOTALL)


def translate_engine(message: object) -> str:
    """`message` (an engine's exception or text) in the window's language (unchanged when no
    pattern matches; a setting's name becomes its label, "kernel size", in every language)."""
    text = str(message)
    for regex, counted in COUNTED_PATTERNS:
        m = re.fullmatch(regex, text, re.IGNORECASE)
        if m:
            return tr_n(counted, int(m.group("n")))
    shown = _translated(text, ENGINE_PATTERNS)
    if shown == text:
        for pattern in CARRIERS:
            m = _compiled(pattern).fullmatch(text)
            if m and translate_engine(m["reason"]) != m["reason"]:
                return _translated(text, [pattern])
    return shown


def job_failure(what: str, err: BaseException) -> str:
    """What a background job's panel says when the job failed unexpectedly: `what` (an N_()
    sentence with {reason}: what failed and what to do) with the error's reason, translated
    when it is one of the engine's sentences; the traceback goes to stderr for a report."""
    import traceback

    traceback.print_exception(err)
    if isinstance(err, MemoryError):
        reason = tr("this computer ran out of memory")
    else:
        reason = translate_engine(err) if str(err).strip() else type(err).__name__
    return tr(what).format(reason=reason)


def translate_piece(text: str) -> str:
    """A piece of PIECES given apart from its sentence (a model file's `advice`) in the
    window's language (unchanged when it is none of them)."""
    return _translated(text, PIECES)


def _translated(text: str, patterns: list[str]) -> str:
    for pattern in patterns:
        m = _compiled(pattern).fullmatch(text)
        if m:
            values = {k: _value(k, v) for k, v in m.groupdict().items()}
            shown = tr(pattern)
            if pattern in LIBRARY_REASONS and shown != pattern:
                values["reason"] = ""
            return shown.format(**values)
    return text


def _value(field: str, value: str) -> str:
    if value in VALUE_WORDS:
        return tr(VALUE_WORDS[value])
    if field == "reason":
        return translate_engine(value)
    if field in PIECE_FIELDS:
        return _translated(value, PIECES)
    if field == "name":  # a layer's setting ("kernel_size"), else a training one ("batch_size")
        from nndesk.gui.terms import SETTING_LABELS, setting_label, train_label

        name = value.strip("'")
        return setting_label(name) if name in SETTING_LABELS else train_label(name)
    return value
