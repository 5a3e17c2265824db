"""AppState: the one object that holds what several panels show; panels subscribe to it."""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:  # numpy loads after the window is shown (launch time)
    import numpy as np

__all__ = ["AppState", "DEFAULT_TRAIN_CONFIG", "IDLE", "LOADING", "RUNNING", "PAUSED"]

IDLE, LOADING, RUNNING, PAUSED = "idle", "loading", "running", "paused"

# Training settings the window edits; the names are TrainConfig's (nndesk.train.trainer).
DEFAULT_TRAIN_CONFIG: dict[str, Any] = {
    "optimizer": "Adam",
    "lr": 0.001,
    "batch_size": 100,
    "epochs": 5,
    "weight_decay": 0.0,
    "schedule": "constant",
    "augment": False,
    "seed": 0,
    "val_split": 5000,
    "train_limit": 0,  # 0 = all training images; a number = the first N (quick experiments)
    "early_stop": 0,  # epochs without a better val accuracy before stopping (0 = off)
}


class AppState(QObject):
    """Spec, model, drawn digit and training status; setters emit, panels listen."""

    spec_changed = Signal()  # the design (and its infer() result) changed
    config_changed = Signal()  # training settings changed
    model_changed = Signal()  # the network used for prediction changed (file or snapshot)
    digit_changed = Signal()  # the 28x28 input from the canvas (or None) and its prediction
    training_state_changed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.spec: dict = {"name": "untitled", "input_shape": [1, 28, 28], "layers": []}
        self.layer_infos: list = []  # nndesk.nn.LayerInfo per layer, [] when invalid
        self.spec_error: Any = None  # nndesk.nn.SpecError or None
        self.config: dict[str, Any] = dict(DEFAULT_TRAIN_CONFIG)
        self.network: Any = None  # nndesk.nn.Network used by the canvas and feature maps
        self.model_spec: dict = {}  # network.spec, copied once (the property copies each time)
        self.model_path: str | None = None
        self.metadata: dict = {}
        self.model_source = "none"  # "file", "snapshot" or "none"
        self.digit: np.ndarray | None = None  # (1, 28, 28) float32 in [0, 1]
        self.source: Any = None  # what `digit` was made from: canvas bitmap (H, W) or a path
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
        self.spec_changed.emit()

    def set_config(self, **changes: Any) -> None:
        """Update some training settings."""
        self.config.update(changes)
        self.config_changed.emit()

    # -- model used for prediction --------------------------------------------------------
    def set_model(self, network: Any, *, path: str | None = None, metadata: dict | None = None,
                  source: str = "file") -> None:
        """Use `network` for the canvas and the feature maps."""
        if network is not self.network or not self.model_spec:
            self.model_spec = network.spec if network is not None else {}
        self.network = network
        self.model_source = source if network is not None else "none"
        if source == "file" or network is None:
            self.model_path, self.metadata = path, dict(metadata or {})
        self._activations = None
        self.model_changed.emit()
        self._predict()

    def set_digit(self, digit: np.ndarray | None, source: Any = None) -> None:
        """The canvas's 28x28 input (None = empty canvas) and the image it was preprocessed
        from (`source`: for the preprocessing inspector): predict it and tell the panels."""
        self.digit = digit
        self.source = source
        self._activations = None
        self._predict()

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
