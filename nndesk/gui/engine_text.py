"""The engine's and trainer's English messages in the window's language.

`nndesk.nn` and `nndesk.train` stay English and Qt-free; their messages are built from a few
sentence patterns. The window translates them here, at its boundary: each pattern below is the
engine's sentence with its values as {fields}; a message that matches one is shown as the
translated pattern with the same values (themselves translated when they are words such as a
setting name). A message that matches nothing (a new one) shows as the engine wrote it.
"""

from __future__ import annotations

import re
from functools import cache

from nndesk.gui.i18n import N_, tr, tr_n

__all__ = ["translate_engine", "ENGINE_PATTERNS", "COUNTED_PATTERNS"]

# The engine's sentences (nn/spec.py, nn/base.py, nn/conv.py, train/trainer.py, the model
# file's reader), values as fields.
ENGINE_PATTERNS = [
    N_("layer {n} ({type}): {reason}"),
    N_("a {k}x{k} kernel does not fit a {h}x{w} input padded by {p}"),
    N_("a {k}x{k} kernel does not fit a {h}x{w} input"),
    N_("a {p}x{p} window does not fit a {h}x{w} input"),
    N_("needs an image (channels x height x width), but its input is {size} numbers in a row; "
       "put {layer} before any Dense or Flatten"),
    N_("the last layer must give one score per class (e.g. Dense with 10 units), but it gives "
       "a {size} map"),
    N_("{name} must be a whole number, not {value}"),
    N_("{name} must be a number, not {value}"),
    N_("{name} must be above {low}, not {value}"),
    N_("{name} must be at least {low}, not {value}"),
    N_("{name} must be at most {high}, not {value}"),
    N_("{name} must be one of {choices} or a number (the std of a normal distribution), "
       "not {value}"),
    N_("unknown setting {name} (settings: {known})"),
    N_("unknown layer type; did you mean {close}? known types: {known}"),
    N_("unknown layer type; known types: {known}"),
    N_("a network needs a non-empty list of \"layers\""),
    N_("stopped in epoch {epoch} after batch {batch} of {batches}"),
    N_("stopped early: no better validation accuracy for {n} epochs (best: epoch {best}, "
       "{acc}); weights of epoch {restored} restored"),
    N_("stopped early: no better validation accuracy for {n} epochs (best: epoch {best}, "
       "{acc})"),
    N_("the loss became {kind} at step {step}: the learning rate {lr} is probably too high; "
       "try {suggest} (the last good weights were kept)"),
    N_("labels must be in 0..{high}; got {low}..{top}"),
    # the model file's reader (train/model_archive.py, fileio.describe_file)
    N_("{file}: {what}, not an nndesk model file"),
    N_("a model file is an .npz written by 'nndesk train' or the window's File ▸ Save model "
       "as…"),
]
# Sentences with a count: (the engine's English as a regex, the counted text for tr_n).
COUNTED_PATTERNS = [
    (r"finished (?P<n>\d+) epochs?", N_("Finished %n epoch(s)")),
]
# Words the engine puts into its sentences that the window also translates.
VALUE_WORDS = {"infinite": N_("infinite")}


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


def translate_engine(message: str) -> str:
    """`message` from nndesk.nn / nndesk.train in the window's language (unchanged when no
    pattern matches; a setting's name becomes its label, "kernel size", in every language)."""
    text = str(message)
    for regex, counted in COUNTED_PATTERNS:
        m = re.fullmatch(regex, text, re.IGNORECASE)
        if m:
            return tr_n(counted, int(m.group("n")))
    for pattern in ENGINE_PATTERNS:
        m = _compiled(pattern).fullmatch(text)
        if m:
            values = {k: _value(k, v) for k, v in m.groupdict().items()}
            return tr(pattern).format(**values)
    return text


def _value(field: str, value: str) -> str:
    if field == "reason":
        return translate_engine(value)
    if field == "name":
        from nndesk.gui.terms import setting_label

        return setting_label(value.strip("'"))
    if value in VALUE_WORDS:
        return tr(VALUE_WORDS[value])
    return value
