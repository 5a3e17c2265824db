"""The 28x28 input as the network sees it: `gray_qimage` (an array in [0, 1] as an 8-bit
grayscale image, for every view that shows digits) and `InputPreview`, the digit panel's
112x112 picture of it ("no digit found" when the ink makes no digit)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QLabel, QWidget

from nndesk.gui.i18n import tr

if TYPE_CHECKING:  # numpy loads after the window is shown (launch time)
    import numpy as np

__all__ = ["InputPreview", "gray_qimage", "PREVIEW_SCALE"]

PREVIEW_SCALE = 4  # the 28x28 input shown at 112x112, pixels kept sharp
PREVIEW_STYLE = "background: #000; border: 1px solid #c9ced8;"
NO_DIGIT_STYLE = "background: #f3f4f6; color: #b5522b; border: 1px solid #c9ced8;"


def gray_qimage(a: np.ndarray) -> QImage:
    """A 2-D array in [0, 1] as an 8-bit grayscale QImage (a copy, safe to keep)."""
    import numpy as np

    g = np.ascontiguousarray(np.clip(a * 255.0, 0, 255).astype(np.uint8))
    return QImage(g.data, g.shape[1], g.shape[0], g.strides[0],
                  QImage.Format.Format_Grayscale8).copy()


class InputPreview(QLabel):
    """The network's input at PREVIEW_SCALE, remade only for a new input (a snapshot of the
    model during training predicts the same input: the picture stays)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedSize(28 * PREVIEW_SCALE, 28 * PREVIEW_SCALE)
        self.setStyleSheet(PREVIEW_STYLE)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setToolTip(tr("The 28x28 image the network sees (after preprocessing)"))
        self._shown = None  # the input the picture shows

    def show_input(self, digit: np.ndarray | None, found_none: bool) -> None:
        """Show `digit` (1, 28, 28); None: empty, or "no digit found" on a light square when
        `found_none` (ink too small or faint: said so, not a black square)."""
        style = NO_DIGIT_STYLE if found_none else PREVIEW_STYLE
        if self.styleSheet() != style:
            self.setStyleSheet(style)
        if digit is None:
            self.clear()
            if found_none:
                self.setText(tr("no digit found"))
        elif digit is not self._shown:
            self.setPixmap(QPixmap.fromImage(gray_qimage(digit[0])).scaled(
                self.size(), Qt.AspectRatioMode.IgnoreAspectRatio,
                Qt.TransformationMode.FastTransformation))
        self._shown = digit
