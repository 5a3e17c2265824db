"""ReflowForm: label-and-editor pairs in two columns of pairs where the width allows, one
column where it does not (the training settings: their two-column grid was wider than the
designer's dock at 1280x720 in Japanese and was cut)."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QGridLayout, QWidget

__all__ = ["ReflowForm"]


class ReflowForm(QWidget):
    """Pairs (label, editor) laid out in `columns` columns of pairs, 2 when the widget is wide
    enough for them, else 1. Its minimum width is one column's: it never widens its dock."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(8)
        self.pairs: list[tuple[QWidget, QWidget]] = []
        self.columns = 0

    def add_pair(self, label: QWidget, editor: QWidget) -> None:
        """One more setting, after the others."""
        self.pairs.append((label, editor))
        self._lay_out(2)

    def _pair_width(self) -> int:
        labels = max((lab.sizeHint().width() for lab, _ in self.pairs), default=0)
        editors = max((ed.minimumSizeHint().width() for _, ed in self.pairs), default=0)
        return labels + self.grid.horizontalSpacing() + editors

    def width_for(self, columns: int) -> int:
        """The width `columns` columns of pairs need (labels whole, editors at their minimum)."""
        return columns * self._pair_width() + (columns - 1) * 2 * self.grid.horizontalSpacing()

    def _lay_out(self, columns: int) -> None:
        if columns == self.columns and self.grid.count() == 2 * len(self.pairs):
            return
        self.columns = columns
        while self.grid.count():
            self.grid.takeAt(0)
        for c in range(4):
            self.grid.setColumnStretch(c, 0)
        for i, (label, editor) in enumerate(self.pairs):
            row, col = divmod(i, columns)
            self.grid.addWidget(label, row, 2 * col)
            self.grid.addWidget(editor, row, 2 * col + 1)
        for col in range(columns):
            self.grid.setColumnStretch(2 * col + 1, 1)
        self.updateGeometry()
        self.grid.activate()  # the widgets placed now, not at the next layout request

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        return QSize(self.width_for(1), super().minimumSizeHint().height())

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        self._lay_out(2 if event.size().width() >= self.width_for(2) else 1)
