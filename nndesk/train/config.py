"""The settings of a training run: one dataclass, saved beside the weights in every checkpoint."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

from nndesk.train.schedules import SCHEDULES

__all__ = ["TrainConfig"]


@dataclass
class TrainConfig:
    """What a run does; every field has the default a learner gets without touching it."""

    epochs: int = 10               # passes over the training set
    batch_size: int = 100          # images per step (the book's 100)
    optimizer: str = "adam"        # sgd | momentum | nesterov | adagrad | rmsprop | adam
    lr: float = 0.001              # base learning rate (Adam's usual 0.001)
    weight_decay: float = 0.0      # L2 on weights ("W"), as in the book's ch. 6
    momentum: float = 0.9          # for momentum and nesterov only
    schedule: str = "constant"     # constant | step | cosine
    step_size: int = 5             # step: epochs between decays
    gamma: float = 0.1             # step: factor per decay
    warmup_epochs: float = 0.0     # linear warm-up of the lr over this many epochs (0 = none)
    augment: bool = False          # random shifts/rotations/scaling of training images
    elastic_alpha: float = 0.0     # elastic distortion strength, pixels (0 = off; Simard: 34)
    elastic_sigma: float = 4.0     # its smoothness, Gaussian std in pixels (Simard: 4)
    seed: int = 0                  # shuffling + augmentation (the network has its own seed)
    val_split: int = 5000          # training images held out for validation (data loading)
    train_limit: int = 0           # use only the first N training images (0 = all): quick runs
    early_stop: int = 0            # stop after this many epochs without a better val_acc (0 = off)
    restore_best: bool = True      # on an early stop, go back to the best epoch's weights
    eval_test: bool = False        # also measure test accuracy after every epoch
    train_eval_size: int = 10000   # train_acc is measured on this many training images (0 = skip)
    eval_batch_size: int = 100     # evaluation batch (never the whole set; 100 measured fastest)
    snapshot_every_s: float = 0.5  # weight copies for the window at most this often

    def __post_init__(self) -> None:
        """Refuse settings that cannot work, with a message a learner can act on."""
        if self.epochs < 1:
            raise ValueError(f"epochs must be at least 1, not {self.epochs}")
        if self.batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, not {self.batch_size}")
        if not self.lr > 0:
            raise ValueError(f"the learning rate must be above 0, not {self.lr}")
        if self.weight_decay < 0:
            raise ValueError(f"weight_decay cannot be negative ({self.weight_decay})")
        if self.schedule not in SCHEDULES:
            raise ValueError(f"unknown schedule {self.schedule!r}; choose one of "
                             f"{', '.join(SCHEDULES)}")
        if self.elastic_alpha < 0 or not self.elastic_sigma > 0:
            raise ValueError(f"elastic distortion needs alpha >= 0 and sigma > 0, not "
                             f"{self.elastic_alpha} and {self.elastic_sigma}")
        if self.early_stop < 0 or self.val_split < 0 or self.train_limit < 0:
            raise ValueError("early_stop, val_split and train_limit cannot be negative")

    def to_dict(self) -> dict:
        """Plain JSON-able settings (for checkpoints and model metadata)."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> TrainConfig:
        """Settings from `to_dict` output; keys this version does not know are ignored."""
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})
