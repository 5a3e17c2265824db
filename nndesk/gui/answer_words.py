"""The digit panel's answer in words: the big label ("7", "not a digit", "7 or 1?") and the line
under it, from the verdict (`insight.reject.Verdict`) or the plain probabilities."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from nndesk.gui.i18n import tr

__all__ = ["ANSWER_STYLE", "WORDS_STYLE", "show_answer"]

ANSWER_STYLE = "font-size: 44pt; font-weight: 600; color: {color};"
WORDS_STYLE = "font-size: 20pt; font-weight: 600; color: {color};"  # "not a digit", "7 or 1?"


def show_answer(answer: QLabel, confidence: QLabel, verdict, probs, scribble: bool,
                no_model: bool) -> None:
    """Set the two labels. `verdict`: the answer (None: plain `probs`, or nothing to show);
    `scribble`: ink too small to be a digit; `no_model`: an input, but no network to read it."""
    kind = verdict.kind if verdict is not None else ("not_a_digit" if scribble else "")
    words = kind in ("not_a_digit", "unsure")
    style = (WORDS_STYLE if words else ANSWER_STYLE).format(
        color="#c3c9d3" if probs is None and not scribble else
        "#b5522b" if kind == "not_a_digit" else "#2f6fdb")
    if answer.styleSheet() != style:  # restyling costs a millisecond
        answer.setStyleSheet(style)
    if kind == "not_a_digit":
        answer.setText(tr("not a digit"))
        confidence.setText(tr("this does not look like a digit"))
    elif kind == "unsure":
        first, second = verdict.candidates
        answer.setText(tr("{first} or {second}?").format(first=first, second=second))
        confidence.setText(tr("not sure: {first} {p1}%, {second} {p2}%").format(
            first=first, second=second,
            p1=f"{100 * float(verdict.probabilities[first]):.0f}",
            p2=f"{100 * float(verdict.probabilities[second]):.0f}"))
    elif probs is None:
        answer.setText("?")
        confidence.setText(tr("no model") if no_model else tr("draw a digit"))
    else:
        shown = verdict.probabilities if verdict is not None else probs
        best = max(range(len(shown)), key=lambda i: shown[i])
        answer.setText(str(best))
        confidence.setText(tr("{percent}% sure").format(percent=f"{100 * float(shown[best]):.1f}"))
