"""AppState: the one object that holds what several panels show; panels subscribe to it."""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:  # numpy loads after the window is shown (launch time)
    import numpy as np

__all__ = ["AppState", "CONFIG_KEYS", "IDLE", "LOADING", "RUNNING", "PAUSED",
           "NUM_CLASSES", "default_config", "output_error"]

IDLE, LOADING, RUNNING, PAUSED = "idle", "loading", "running", "paused"
NUM_CLASSES = 10  # MNIST and Fashion-MNIST: ten classes, labels 0..9

# The training settings the window edits (TrainConfig's names). Their defaults are
# TrainConfig's own, read by ensure_config() once NumPy may load (after the window is shown).
CONFIG_KEYS = ("optimizer", "lr", "batch_size", "epochs", "weight_decay", "schedule", "augment",
               "seed", "val_split", "train_limit", "early_stop", "tensorboard")
# Window settings that are not TrainConfig fields (TrainConfig.from_dict ignores them).
WINDOW_DEFAULTS = {"tensorboard": False}  # log each run to <runs>/tensorboard/<run name>


def default_config() -> dict[str, Any]:
    """TrainConfig's defaults for the CONFIG_KEYS, the optimizer spelled as the engine lists it
    ("Adam", as the window's choices carry it). Imports the trainer: call after start-up."""
    from nndesk.nn import OPTIMIZERS
    from nndesk.train import TrainConfig

    defaults = TrainConfig().to_dict()
    spelled = {name.lower(): name for name in OPTIMIZERS}
    defaults["optimizer"] = spelled.get(str(defaults["optimizer"]).lower(), defaults["optimizer"])
    defaults.update(WINDOW_DEFAULTS)
    return {k: defaults[k] for k in CONFIG_KEYS}


def output_error(infos: list, num_classes: int):
    """A SpecError on the layer that sets the output size when the network does not output one
    score per class (a 5-unit last Dense for 10 digits); None when it does.

    infos: `infer(spec)` rows. The error names the last layer with parameters (the one whose
    `units` or `filters` to change), else the last layer.
    """
    from math import prod

    from nndesk.gui.i18n import tr
    from nndesk.nn import SpecError

    if not infos:
        return None
    outputs = prod(infos[-1].output_shape)
    if outputs == num_classes:
        return None
    at = next((i for i in reversed(infos) if i.params), infos[-1])
    return SpecError(tr("the network outputs {n} scores, but the data has {classes} classes "
                        "(digits 0-9): the last Dense layer needs {classes} units").format(
                        n=outputs, classes=num_classes), at.index, at.type)


class AppState(QObject):
    """Spec, model, drawn digit and training status; setters emit, panels listen."""

    spec_changed = Signal()  # the design (and its infer() result) changed
    config_changed = Signal()  # training settings changed
    model_changed = Signal()  # the network used for prediction changed (file or snapshot)
    digit_changed = Signal()  # the 28x28 input from the canvas (or None) and its prediction
    training_state_changed = Signal(str)
    image_requested = Signal(object)  # a (1, 28, 28) image for the canvas (evaluation view)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.spec: dict = {"name": "untitled", "input_shape": [1, 28, 28], "layers": []}
        self.num_classes = NUM_CLASSES  # of the data set the window trains on
        self.layer_infos: list = []  # nndesk.nn.LayerInfo per layer, [] when invalid
        self.spec_error: Any = None  # nndesk.nn.SpecError or None
        self.config: dict[str, Any] = {}  # filled by ensure_config() (TrainConfig's defaults)
        self.network: Any = None  # nndesk.nn.Network used by the canvas and feature maps
        self.image_label: int | None = None  # the true digit of the test image last shown
        self.model_spec: dict = {}  # network.spec, copied once (the property copies each time)
        self.model_path: str | None = None
        self.metadata: dict = {}
        self.model_source = "none"  # "file", "snapshot" or "none"
        # a snapshot's place in its run: {"step", "epoch", "batch"} (None: not a snapshot)
        self.snapshot_at: dict | None = None
        # what Layer health last measured wrong (N_ words: "saturated", "vanishing", "dead"),
        # None: nothing or not measured; the training's "not learning" hint reads it
        self.health_trouble: str | None = None
        self.digit: np.ndarray | None = None  # (1, 28, 28) float32 in [0, 1]
        self.source: Any = None  # what `digit` was made from: canvas bitmap (H, W) or a path
        # the pen's path of the canvas's drawing: timed ink strokes [[(x, y, t), ...], ...];
        # None for an opened image, a test digit or a drawing with rubbed-out ink
        self.strokes: list | None = None
        self.probabilities: np.ndarray | None = None  # (10,)
        self.training = IDLE
        self._activations: list[np.ndarray] | None = None

    # -- design ---------------------------------------------------------------------------
    def set_spec(self, spec: dict) -> None:
        """Take a new design, check it with `infer`, tell the panels."""
        from nndesk.nn import SpecError, infer

        self.spec = copy.deepcopy(spec)
        try:
            self.layer_infos, self.spec_error = list(infer(self.spec)), None
        except SpecError as err:
            self.layer_infos, self.spec_error = [], err
        if self.spec_error is None:
            self.spec_error = output_error(self.layer_infos, self.num_classes)
            if self.spec_error is not None:
                self.layer_infos = []
        self.spec_changed.emit()

    def set_config(self, **changes: Any) -> None:
        """Update some training settings (names outside CONFIG_KEYS are ignored)."""
        self.config.update({k: v for k, v in changes.items() if k in CONFIG_KEYS})
        self.config_changed.emit()

    def ensure_config(self) -> None:
        """Fill the settings not set yet with TrainConfig's defaults (one set of defaults for
        the window and `nndesk train`; imports the trainer, so called after start-up)."""
        if all(k in self.config for k in CONFIG_KEYS):
            return
        self.config = {**default_config(), **self.config}
        self.config_changed.emit()

    # -- model used for prediction --------------------------------------------------------
    def set_model(self, network: Any, *, path: str | None = None, metadata: dict | None = None,
                  source: str = "file", at: dict | None = None) -> None:
        """Use `network` for the canvas and the feature maps; `at`: a training snapshot's
        place in its run ({"step", "epoch", "batch"}: the weights after that batch)."""
        if network is not self.network or not self.model_spec:
            self.model_spec = network.spec if network is not None else {}
        self.network = network
        self.model_source = source if network is not None else "none"
        self.snapshot_at = dict(at) if at is not None and source == "snapshot" else None
        if source == "file" or network is None:
            self.model_path, self.metadata = path, dict(metadata or {})
        self._activations = None
        self.model_changed.emit()
        self._predict()

    def set_digit(self, digit: np.ndarray | None, source: Any = None,
                  strokes: list | None = None, activations: list | None = None) -> None:
        """The canvas's 28x28 input (None = empty canvas) and the image it was preprocessed
        from (`source`: for the preprocessing inspector), with the pen's path it was drawn
        along (`strokes`, for the recurrent lesson): predict it and tell the panels.

        `activations`: every layer's output for `digit` from the network in use, computed
        elsewhere (the canvas's own thread, `preparer.Preparer`, with a copy of the model):
        taken as they are, no forward pass here. None: computed here, now."""
        self.digit = digit
        self.source = source
        self.strokes = strokes
        self._activations = activations if digit is not None else None
        self._predict()

    def show_image(self, digit: np.ndarray, label: int | None = None) -> None:
        """Put a (1, 28, 28) image in [0, 1] on the canvas (a test digit from the evaluation
        view; `label` its true digit when known, for "Save as my digit"): `image_requested`
        tells the canvas, the prediction follows at once."""
        self.image_label = label
        self.image_requested.emit(digit)
        self.set_digit(digit)

    def _predict(self) -> None:
        """One forward pass gives both the feature maps and the probabilities."""
        acts = self.activations()
        if acts is None:
            self.probabilities = None
        elif self.model_spec.get("loss", "softmax_cross_entropy") == "softmax_cross_entropy":
            from nndesk.nn.functions import softmax

            self.probabilities = softmax(acts[-1][None])[0]
        else:
            self.probabilities = acts[-1]
        self.digit_changed.emit()

    def activations(self) -> list[np.ndarray] | None:
        """Every layer's output for the current digit (computed once per digit and model)."""
        if self.digit is None or self.network is None:
            return None
        if self._activations is None:
            self._activations = [a[0] for a in self.network.forward_all(self.digit[None])]
        return self._activations

    # -- training status ------------------------------------------------------------------
    def set_training(self, status: str) -> None:
        """IDLE, LOADING, RUNNING or PAUSED."""
        if status != self.training:
            self.training = status
            self.training_state_changed.emit(status)
