"""Training: the loop, its settings, schedules, metrics and the model file. Never imports Qt."""

from nndesk.train.config import TrainConfig
from nndesk.train.metrics import evaluate, loss_and_accuracy
from nndesk.train.modelfile import ModelFile, ModelFileError, load_model, save_model
from nndesk.train.schedules import SCHEDULES, lr_at
from nndesk.train.session import (
    SessionResult,
    TrainSession,
    checkpoint_path_for,
    load_data,
    run_training,
)
from nndesk.train.trainer import TrainControl, Trainer, TrainResult

__all__ = ["TrainConfig", "Trainer", "TrainControl", "TrainResult", "ModelFile",
           "ModelFileError", "load_model", "save_model", "evaluate", "loss_and_accuracy",
           "SCHEDULES", "lr_at", "TrainSession", "SessionResult", "run_training", "load_data",
           "checkpoint_path_for"]
