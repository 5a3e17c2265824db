"""InspectorPanel: every preprocessing step of the current drawing or opened image, as small
labelled images, so that a learner sees why a photo is read the way it is."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from nndesk.gui.digit_preview import gray_qimage
from nndesk.gui.engine_text import translate_engine
from nndesk.gui.i18n import N_, tr
from nndesk.gui.nobreak import WrapLabel
from nndesk.gui.state import AppState

__all__ = ["InspectorPanel", "STEP_TITLES"]

TILE = 78            # px: each step is shown in a square this big (4 fit the dock)
COLUMNS = 4
DELAY_MS = 80        # strokes arriving faster than this are shown once (coalesced)
# nndesk.data.preprocess.STEPS, in the window's words (same order)
STEP_TITLES = (N_("gray"), N_("background removed"), N_("ink mask"), N_("component kept"),
               N_("crop"), N_("20 px box"), N_("centred 28x28"))


class InspectorPanel(QWidget):
    """The steps of `preprocess_steps` for `state.source`; recomputed only while visible."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.shown_source: Any = None  # the source whose steps are on screen
        self._shown_digit: Any = None  # and the digit (a test image has no source)
        self.refreshes = 0             # times the steps were computed (tests: coalescing)
        self._dirty = True
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self.refresh)

        grid = QGridLayout()
        grid.setSpacing(6)
        self.images: list[QLabel] = []
        self.captions: list[QLabel] = []
        self.cells: list[QWidget] = []
        for i in range(len(STEP_TITLES)):
            image = QLabel()
            image.setFixedSize(TILE, TILE)
            image.setAlignment(Qt.AlignmentFlag.AlignCenter)
            image.setStyleSheet("background: #20232a; border: 1px solid #c9ced8;")
            caption = WrapLabel()  # "1. gray": written by _write_texts, again at a language switch
            caption.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            caption.setStyleSheet("color: #5b6472;")
            caption.setWordWrap(True)
            caption.setFixedWidth(TILE + 6)
            cell = QWidget()                        # fixed: captions never cover images
            cell.setFixedSize(TILE + 8, TILE + 38)
            box = QVBoxLayout(cell)
            box.setContentsMargins(0, 0, 0, 0)
            box.setSpacing(2)
            box.addWidget(image, alignment=Qt.AlignmentFlag.AlignHCenter)
            box.addWidget(caption, alignment=Qt.AlignmentFlag.AlignTop)
            box.addStretch(1)
            grid.addWidget(cell, *divmod(i, COLUMNS))
            self.images.append(image)
            self.captions.append(caption)
            self.cells.append(cell)
        self.note = WrapLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #5b6472;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.note)  # above the steps: in view in a short dock
        layout.addLayout(grid)
        layout.addStretch(1)
        self._sizes: list[tuple[int, int] | None] = [None] * len(STEP_TITLES)  # shown steps
        self._note = lambda: ""  # writes the note in the current language
        state.digit_changed.connect(self._on_digit_changed)
        self._show_steps([], None)

    def _on_digit_changed(self) -> None:
        s = self.state
        self._dirty = s.source is not self.shown_source or (
            s.source is None and s.digit is not self._shown_digit)  # a test image: no source
        if self._dirty and self.isVisible() and not self._timer.isActive():
            self._timer.start()     # one refresh for a burst of strokes

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self._dirty:
            self._timer.start()

    def refresh(self) -> None:
        """Compute and show the steps of the current source (no-op while hidden)."""
        if not self.isVisible():
            return
        source = self.state.source
        self._dirty = False
        self.shown_source, self._shown_digit = source, self.state.digit
        self.refreshes += 1
        if source is None:
            digit = self.state.digit
            if digit is not None:  # a test image sent to the canvas: already the network's input
                self._show_steps([None] * (len(STEP_TITLES) - 1) + [digit.reshape(28, 28)],
                                 lambda: tr("A test image is already 28×28 and centred: "
                                            "nothing to preprocess. The network gets it as it "
                                            "is (step 7)."))
            else:
                self._show_steps([], None)
            return
        from nndesk.data.preprocess import ImageError, preprocess_steps

        try:
            steps = preprocess_steps(source)
        except (ImageError, OSError) as err:
            error = translate_engine(err)
            self._show_steps([], lambda: tr("Cannot read this image: {error}").format(
                error=error))
            return
        note = None
        if len(steps) < len(STEP_TITLES):
            n = len(steps)
            note = lambda: tr(  # noqa: E731
                "No digit found after step {n} ({step}): the network gets nothing.").format(
                n=n, step=tr(STEP_TITLES[n - 1]))
        self._show_steps([a for _, a in steps], note)

    def _show_steps(self, arrays: list, note=None) -> None:
        """Show `arrays` (the steps' images, in order; None: a step that does not apply,
        not shown); `note()` writes the line above them (None: the usual one)."""
        for i, label in enumerate(self.images):
            self.cells[i].setVisible(i >= len(arrays) or arrays[i] is not None)
            if i < len(arrays) and arrays[i] is not None:
                label.setPixmap(_fit(arrays[i]))
                h, w = arrays[i].shape
                self._sizes[i] = (w, h)
            else:
                label.clear()
                self._sizes[i] = None
        self._note = note if note is not None else (
            (lambda: tr("Draw a digit or open an image to see each step of the preprocessing."))
            if not arrays else (lambda: tr("What the network gets is step 7, the same as "
                                           "“network sees”. Hover a step for its size in "
                                           "pixels.")))
        self._write_texts()

    def _write_texts(self) -> None:
        """The captions, the steps' tooltips and the note in the current language."""
        for i, (caption, image) in enumerate(zip(self.captions, self.images, strict=True)):
            caption.setText(f"{i + 1}. {tr(STEP_TITLES[i])}")
            size = self._sizes[i]
            image.setToolTip("" if size is None else f"{tr(STEP_TITLES[i])}: {size[0]}×{size[1]}")
        self.note.setText(self._note())

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        """View ▸ Language: the captions ("1. gray") and the note written anew (the live
        switch cannot read a numbered caption back to its English)."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._write_texts()


def _fit(a) -> QPixmap:
    """A 2-D array in [0, 1] as a pixmap fitting TILE: small ones with sharp pixels."""
    pix = QPixmap.fromImage(gray_qimage(a))
    small = max(a.shape) <= TILE
    mode = (Qt.TransformationMode.FastTransformation if small
            else Qt.TransformationMode.SmoothTransformation)
    return pix.scaled(TILE - 2, TILE - 2, Qt.AspectRatioMode.KeepAspectRatio, mode)
