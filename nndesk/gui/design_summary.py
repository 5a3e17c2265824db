"""DesignSummary: the designer's line under its buttons, the design's total or why it is
refused, in one slot of fixed height, so nothing a learner clicks moves when a reason comes or
goes (a click meant for Up landed on the error text) and no blank band is reserved for one."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QStackedLayout,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from nndesk.gui.elided_label import ClampedLabel
from nndesk.gui.i18n import tr
from nndesk.gui.nobreak import WrapLabel

__all__ = ["DesignSummary", "TotalLabel", "REASON_LINES", "lines_height"]

# Lines of the slot: the total on two (its parameters, then input → output), or the first two
# lines of a refusal reason; a longer reason ends with "…" and is whole behind "more…" and in
# its tooltip (five lines reserved for Japanese left a ~100 px blank band under a valid design
# and pushed the layer settings under a 1280x720 window's fold in Chinese).
REASON_LINES = 2


def lines_height(label: QLabel, lines: int) -> int:
    """Pixels for `lines` lines of the label's text, Chinese and Japanese glyphs included
    (their fallback fonts are taller than the Latin font's line spacing)."""
    sample = "\n".join(["Ag国語"] * lines)
    return label.fontMetrics().boundingRect(0, 0, 10_000, 10_000, 0, sample).height() + 4


class TotalLabel(QLabel):
    """The total, drawn as two lines (before and after its first " · "); `text()` is the text
    given, one line, so the language switch reads and writes it as any label's."""

    def setText(self, text: str) -> None:  # noqa: N802 (Qt name)
        self._given = text
        super().setText(text.replace(" · ", "\n", 1))

    def text(self) -> str:
        return getattr(self, "_given", super().text())


class DesignSummary(QWidget):
    """`show_total(text)` or `show_reason(text)`; `total`, `problem` (the reason, "" when the
    design is valid), `more` (opens `whole`, a popup with the whole reason)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.total = TotalLabel()
        self.total.setStyleSheet("font-weight: 600;")
        self.total.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.problem = ClampedLabel(REASON_LINES)
        self.problem.setObjectName("design_problem")
        self.problem.setStyleSheet("color: #b42318;")
        self.more = QToolButton()
        self.more.setObjectName("reason_more")
        self.more.setText(tr("more…"))
        self.more.setToolTip(tr("Show the whole reason"))
        self.more.setAutoRaise(True)
        self.more.clicked.connect(self.show_whole)
        keep = self.more.sizePolicy()
        keep.setRetainSizeWhenHidden(True)  # shown or not, the reason's lines keep their width
        self.more.setSizePolicy(keep)
        self.problem.installEventFilter(self)
        reason = QWidget()
        row = QHBoxLayout(reason)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.problem, 1)
        row.addWidget(self.more, 0, Qt.AlignmentFlag.AlignBottom)
        self.pages = QStackedLayout(self)
        self.pages.addWidget(self.total)
        self.pages.addWidget(reason)
        self.setFixedHeight(max(lines_height(self.problem, REASON_LINES),
                                lines_height(self.total, 2)))
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.whole = QFrame(self, Qt.WindowType.Popup)
        self.whole.setObjectName("reason_whole")
        self.whole.setFrameShape(QFrame.Shape.Box)
        self.whole_text = WrapLabel()
        self.whole_text.setStyleSheet("color: #b42318;")
        QVBoxLayout(self.whole).addWidget(self.whole_text)

    def show_total(self, text: str) -> None:
        self.total.setText(text)
        self.problem.setText("")
        self.whole.hide()
        self.pages.setCurrentIndex(0)

    def show_reason(self, text: str) -> None:
        self.total.setText(tr("Total: —"))
        self.problem.setText(text)
        self.pages.setCurrentIndex(1)
        self._update_more()

    def _update_more(self) -> None:
        self.more.setVisible(bool(self.problem.text()) and self.problem.is_cut())
        if self.whole.isVisible():
            self.whole_text.setText(self.problem.text())

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt name)
        if watched is self.problem and event.type() == QEvent.Type.Resize:
            self._update_more()  # its lines at its new width: cut or not
        return False

    def show_whole(self) -> None:
        """The whole reason in a popup under the slot, as wide as it (a click elsewhere
        closes it)."""
        self.whole_text.setText(self.problem.text())
        self.whole.setFixedWidth(max(self.width(), 240))
        self.whole.adjustSize()
        self.whole.move(self.mapToGlobal(QPoint(0, self.height())))
        self.whole.show()

    def bring_into_view(self) -> None:
        """Scroll the enclosing scroll area (the designer dock's) so the reason's lines are in
        view: the learner may have scrolled down to the settings form's end."""
        area = self.parentWidget()
        while area is not None and not isinstance(area, QScrollArea):
            area = area.parentWidget()
        if area is None or not self.problem.text():
            return
        label = self.problem
        used = min(label.heightForWidth(label.width()), label.height())
        top = label.mapTo(area.widget(), QPoint(0, 0)).y()
        area.ensureVisible(0, top + used // 2, 0, used - used // 2)
