"""Labels whose text fits their width in every language: `ElidedLabel`, one line that ends in
"…" where its column cuts it (a plain QLabel cut mid-word without a sign, and two titles side
by side read as one heading), and `ClampedLabel`, a text wrapped onto at most a few lines, the
last cut with "…" and the whole text in the tooltip (a wrapped QLabel of fixed height lost its
last lines without a sign)."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QPainter, QTextLayout
from PySide6.QtWidgets import QLabel, QSizePolicy

from nndesk.gui.nobreak import phrase_glued, shown

__all__ = ["ElidedLabel", "ClampedLabel"]


class ElidedLabel(QLabel):
    """A QLabel whose text is drawn elided to its width; `text()` stays the whole text (the
    language switch reads it; a tooltip can show it). It asks for its text's width but can be
    narrower; its height is one line. `mode`: where the "…" goes (ElideMiddle keeps a line's
    end, an answer after its model's name)."""

    def __init__(self, *args, mode: Qt.TextElideMode = Qt.TextElideMode.ElideRight,
                 **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.mode = mode
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        return QSize(0, super().minimumSizeHint().height())

    def shown_text(self) -> str:
        """The text as drawn: whole when it fits, else cut with "…"."""
        return self.fontMetrics().elidedText(self.text(), self.mode, self.contentsRect().width())

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt name)
        painter = QPainter(self)
        self.style().drawItemText(painter, self.contentsRect(), int(self.alignment()),
                                  self.palette(), self.isEnabled(), self.shown_text(),
                                  self.foregroundRole())


class ClampedLabel(QLabel):
    """Plain text wrapped to the label's width on at most `lines` lines; a text that needs
    more ends its last line with "…", and its tooltip then holds the whole text. Its height
    follows its width (as many lines as the text takes, at most `lines`); `text()` stays the
    whole text. Any width is accepted (a long word is broken, never cut at the edge)."""

    def __init__(self, lines: int, text: str = "", parent=None) -> None:
        super().__init__(text, parent)
        self.lines = lines
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self._tip_set = False  # the tooltip is ours (the whole text of a cut one)
        self._step = float(self.fontMetrics().lineSpacing())  # a line's height, as laid out

    def setText(self, text: str) -> None:  # noqa: N802 (Qt name)
        super().setText(text)
        self._update_tip()

    def shown_lines(self, width: int | None = None) -> list[str]:
        """The lines as drawn at `width` (default: the label's): the text wrapped, the last of
        at most `lines` ended with "…" when the text needs more."""
        width = self.contentsRect().width() if width is None else width
        text = phrase_glued(self.text()).replace("\n", "\u2028")  # no break inside a name
        if not text or width <= 0:
            return [text] if text else []
        layout = QTextLayout(text, self.font())
        layout.beginLayout()
        spans = []
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            spans.append((line.textStart(), line.textLength()))
        layout.endLayout()
        # a line's height: Chinese and Japanese glyphs come from taller fallback fonts
        self._step = max([self.fontMetrics().lineSpacing()]
                         + [layout.lineAt(i).height() for i in range(layout.lineCount())])
        rows = [text[start:start + length].rstrip("\u2028 ") for start, length in spans]
        if len(rows) > self.lines:
            rest = text[spans[self.lines - 1][0]:].replace("\u2028", " ")
            rows = rows[:self.lines - 1] + [self.fontMetrics().elidedText(
                rest, Qt.TextElideMode.ElideRight, width)]
        return [shown(row) for row in rows]

    def is_cut(self) -> bool:
        """True when the text needs more than `lines` lines at the label's width."""
        return self._needed(self.contentsRect().width()) > self.lines

    def _needed(self, width: int) -> int:
        lines, self.lines = self.lines, 10 ** 6
        try:
            return len(self.shown_lines(width))
        finally:
            self.lines = lines

    def _update_tip(self) -> None:
        cut = self.is_cut()
        if cut or self._tip_set:
            self.setToolTip(self.text() if cut else "")
            self._tip_set = cut

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt name)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt name)
        m = self.contentsMargins()
        inner = width - m.left() - m.right()
        lines = max(1, min(self.lines, self._needed(inner)))
        return math.ceil(lines * self._step) + m.top() + m.bottom()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        hint = super().sizeHint()
        return QSize(hint.width(), self.heightForWidth(hint.width()))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        m = self.contentsMargins()
        return QSize(0, math.ceil(self._step) + m.top() + m.bottom())

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        self._update_tip()

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt name)
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.setFont(self.font())
        rect, fm = self.contentsRect(), self.fontMetrics()
        y = rect.top() + fm.ascent()
        for line in self.shown_lines():
            if y - fm.ascent() >= rect.bottom():
                break
            painter.drawText(QPointF(rect.left(), y), line)
            y += self._step
