"""ModelAnswers: on request, what each reader of the drawing says (image, pen path, together)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QCheckBox, QSizePolicy, QVBoxLayout, QWidget

from nndesk.gui.elided_label import ElidedLabel
from nndesk.gui.i18n import tr

__all__ = ["ModelAnswers", "AnswerLine", "SMALLEST"]


def _answer(probabilities) -> str:
    best = max(range(len(probabilities)), key=lambda i: probabilities[i])
    return f"{best} ({100 * float(probabilities[best]):.1f}%)"


def _verdict(verdict) -> str:
    """The combined answer as the big label says it: a digit, "not a digit" or "7 or 1?"
    (it showed "9 (50.2%)" beside a big "not a digit")."""
    if verdict.kind == "not_a_digit":
        return tr("not a digit")
    if verdict.kind == "unsure":
        first, second = verdict.candidates
        return tr("{first} or {second}?").format(first=first, second=second)
    return _answer(verdict.probabilities)


SMALLEST = 0.7  # of its font's size: how far a line's text shrinks to be shown whole


class AnswerLine(ElidedLabel):
    """One model's line, "Pen path model: 7 (99.9%)", on one row: where it does not fit, its
    font shrinks (down to SMALLEST of its size) so the line is shown whole (QA, ja: 「ペン…ル：
    なし（開いた画像）」 was cut in the middle of the model's name); only where even that does
    not fit is the name before the colon cut in its middle and the answer after it kept; a
    line without a colon, or whose answer alone is too wide, is cut at its end."""

    def fitted_font(self) -> QFont:
        """The label's font, made smaller (to SMALLEST of it at most) until the text fits."""
        font, width = QFont(self.font()), self.contentsRect().width()
        size = font.pointSizeF()
        if size <= 0 or not self.text() or width <= 0:
            return font
        least = size * SMALLEST
        while QFontMetrics(font).horizontalAdvance(self.text()) > width and size > least:
            size = max(least, size - 0.25)
            font.setPointSizeF(size)
        return font

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt name)
        painter = QPainter(self)
        painter.setFont(self.fitted_font())
        self.style().drawItemText(painter, self.contentsRect(), int(self.alignment()),
                                  self.palette(), self.isEnabled(), self.shown_text(),
                                  self.foregroundRole())

    def shown_text(self) -> str:
        text, width = self.text(), self.contentsRect().width()
        fm = QFontMetrics(self.fitted_font())
        if fm.horizontalAdvance(text) <= width:
            return text
        colon = min((i for i in (text.find(":"), text.find("：")) if i >= 0), default=-1)
        tail = text[colon + 1:] if colon >= 0 else ""
        room = width - fm.horizontalAdvance(tail)
        head = fm.elidedText(text[:colon + 1] if colon >= 0 else text,
                             Qt.TextElideMode.ElideMiddle, room) if room > 0 else ""
        if colon < 0 or not head or head == "…":
            return fm.elidedText(text, Qt.TextElideMode.ElideRight, width)
        return head + tail


class ModelAnswers(QWidget):
    """A check box "Show each model's answer" and, when checked, one line per model.

    The digit panel calls `show_answers(image_verdict, path, combined_verdict, no_path)`;
    `path` is the trajectory model's (probabilities, weight) or None, then `no_path` says why.
    With `toggle_outside`, the check box is left for the caller to place (the digit panel puts
    it beside the answer, where there is room) and this widget shows only while it is checked.
    While shown it is always three one-line rows (a long one is cut, whole in its tooltip), and
    the widgets in `replaces` (the panel's big answer and its confidence line, which the
    "Together" row repeats) are hidden: the rows take their room, so the canvas keeps its size.
    """

    def __init__(self, parent: QWidget | None = None, toggle_outside: bool = False,
                 replaces: Sequence[QWidget] = ()) -> None:
        super().__init__(parent)
        self._outside, self._replaces = toggle_outside, tuple(replaces)
        self.toggle = QCheckBox(tr("Show each model's answer"))
        self.toggle.setToolTip(tr(
            "The answer above combines two networks: one reads the image of your drawing, "
            "the other the path of the pen (stroke order and direction)."))
        # image, pen path, together: a line too long for the dock (Japanese, a scroll bar
        # beside it while the preprocessing steps are open) has its model's name cut, so the
        # answer after it stays (it was cut off at the right edge); whole in its tooltip
        self.lines = [AnswerLine() for _ in range(3)]
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        if not toggle_outside:
            layout.addWidget(self.toggle)
        for line in self.lines:
            line.setStyleSheet("color: #5b6472;")
            line.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            line.setFixedHeight(line.fontMetrics().height())  # one row, with text or without
            line.setVisible(False)
            layout.addWidget(line)
        self.toggle.toggled.connect(self._on_toggled)
        if toggle_outside:
            self.setVisible(False)

    def _on_toggled(self, on: bool) -> None:
        for line in self.lines:
            line.setVisible(on)
        if self._outside:  # no empty row (and no spacing around it) while unchecked
            self.setVisible(on)
        for widget in self._replaces:
            widget.setVisible(not on)

    def show_answers(self, image, path, combined, no_path: str = "") -> None:
        """Update the lines (kept while hidden, so checking the box shows them at once).
        `no_path`: why there is no pen-path answer (shown when `path` is None)."""
        texts, tips = ["", "", ""], ["", "", ""]
        if image is None and path is None:
            texts[0] = tr("Draw a digit to see each model's answer.")
        else:
            texts[0] = tr("Image model: {answer}").format(
                answer=_answer(image.probabilities) if image is not None
                else tr("no digit found"))
            if path is None:
                texts[1] = tr("Pen path model: none ({reason})").format(
                    reason=no_path or tr("no trajectory model"))
            else:
                texts[1] = tr("Pen path model: {answer}").format(answer=_answer(path[0]))
                if combined is not None:
                    texts[2] = tr("Together: {answer}").format(answer=_verdict(combined))
                    tips[2] = tr("Together: {answer}, pen path weighted {weight}").format(
                        answer=_verdict(combined), weight=f"{path[1]:g}")
        for line, text, tip in zip(self.lines, texts, tips, strict=True):
            line.setText(text)  # (Qt does nothing for the same text; a tooltip it sets anew)
            if line.toolTip() != (tip or text):
                line.setToolTip(tip or text)
        self._on_toggled(self.toggle.isChecked())

    def text(self) -> str:
        """The lines as shown (tests, the CLI's wording)."""
        return "\n".join(line.text() for line in self.lines if line.text())
