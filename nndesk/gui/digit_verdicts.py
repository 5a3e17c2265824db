"""The digit panel's verdicts: the image model's answer (calibrated by the model file), judged
once per answer, and the same combined with the pen path's reading; why the pen path has
none. No widgets: `DigitPanel` shows what these say."""

from __future__ import annotations

from typing import TYPE_CHECKING

from nndesk.gui.i18n import tr

if TYPE_CHECKING:
    from nndesk.gui.canvas import DrawingCanvas
    from nndesk.gui.state import AppState

__all__ = ["Verdicts", "why_no_path"]


class Verdicts:
    """The verdicts (`insight.reject.Verdict`) on the state's current answer.

    The image model's verdict is judged once per answer (the state's activations for it),
    not again when the pen path's reading follows: only the combination is redone then."""

    def __init__(self) -> None:
        self.calibration = None  # nndesk.insight.reject.Calibration of the model file
        self._judged: tuple | None = None  # (activations, calibration, image verdict, its cal)

    def set_model(self, state: AppState) -> None:
        """Read the calibration of the state's model (a model file's; none for a snapshot)."""
        self.calibration, self._judged = None, None
        if state.network is not None and state.model_source == "file":
            from nndesk.insight.reject import Calibration

            try:
                self.calibration = Calibration.from_metadata(state.metadata)
            except ValueError:
                self.calibration = None  # an odd file: plain probabilities, as before

    def judge(self, state: AppState, path: tuple | None) -> tuple:
        """(the image model's verdict, the combined one) or (None, None) without model or
        input; `path`: the pen path's (probabilities, weight), None for none (an opened image,
        no reading yet): the combined verdict is then the image model's."""
        acts = state.activations()
        if acts is None or state.model_spec.get(
                "loss", "softmax_cross_entropy") != "softmax_cross_entropy":
            return None, None
        cal = self.calibration if state.model_source == "file" else None
        judged = self._judged
        if judged is not None and judged[0] is acts and judged[1] is cal:
            image, cal = judged[2], judged[3]
        else:
            from nndesk.insight.reject import judge_activations

            key = cal
            try:
                image = judge_activations(cal, acts)
            except ValueError:  # a calibration made for another network: plain probabilities
                cal, image = None, judge_activations(None, acts)
            self._judged = (acts, key, image, cal)
        if path is None:
            return image, image
        from nndesk.insight.combined import combined_verdict

        return image, combined_verdict(image, path[0], path[1],
                                       cal.unsure_threshold if cal is not None else 0.0)


def why_no_path(canvas: DrawingCanvas) -> str:
    """Why the pen-path model has no answer for what the canvas shows (when it has none)."""
    from nndesk.insight.combined import trajectory_model_path

    if canvas.shows_image():
        return tr("an opened image")
    if canvas.base is not None:
        return tr("drawn on a bitmap")
    if any(canvas.erasing):
        return tr("eraser used")
    if not trajectory_model_path().is_file():
        return tr("no trajectory model")
    return tr("reading…")
