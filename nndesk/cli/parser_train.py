"""The parsers of the commands that make models: `nndesk train` and `nndesk experiment`."""

from __future__ import annotations

import argparse

from nndesk.cli.parser_flags import (
    DATASETS,
    command,
    data_flags,
    network_flags,
    non_negative_float,
    non_negative_int,
    positive_float,
    positive_int,
    threads_flag,
    written_file,
    written_folder,
)

__all__ = ["train_parser", "experiment_parser", "EXPERIMENT_NAMES", "SCHEDULES"]

EXPERIMENT_NAMES = ("optimizers", "init", "batchnorm", "overfit", "hyperparams")
SCHEDULES = ("constant", "step", "cosine")


def train_parser(sub: argparse._SubParsersAction) -> None:
    """`nndesk train`: its flags, help and examples."""
    p = command(sub, "train", "train a network and save it as a model file",
                 "Train a network on MNIST with a progress bar. Ctrl-C stops after saving a "
                 "checkpoint next to --out (FILE.ckpt.npz) and prints the command that resumes.",
                 "  nndesk train --preset SimpleConvNet --epochs 20 --out simple.npz\n"
                 "  nndesk train --spec my_net.json --optimizer sgd --lr 0.1 --schedule cosine "
                 "--out my.npz\n"
                 "  nndesk train --preset LeNet5 --augment --extra-data my_digits/ "
                 "--out lenet.npz\n"
                 "  nndesk train --preset SimpleConvNet --out simple.npz "
                 "--resume simple.ckpt.npz\n"
                 "  nndesk train --init-from models/default.npz --extra-data my_digits/ --epochs 2 "
                 "--lr 0.0001 --out mine.npz\n"
                 "  nndesk train --preset PenGRU --dataset pendigits --augment --out traj.npz\n")
    network_flags(p, required=False)
    p.add_argument("--out", required=True, metavar="FILE.npz", type=written_file("model.npz"),
                   help="where to save the model")
    p.add_argument("--resume", metavar="CHECKPOINT",
                   help="continue a stopped run from its checkpoint, exactly where it stopped")
    p.add_argument("--init-from", "--from", dest="start_from", metavar="MODEL",
                   help="start from this model's weights and BatchNorm statistics "
                        "(fine-tuning, e.g. on --extra-data); its network unless "
                        "--preset/--spec says otherwise, which must then be the same network")
    p.add_argument("--epochs", type=positive_int, metavar="N", help="passes over the data")
    p.add_argument("--batch-size", type=positive_int, metavar="N", help="images per step")
    p.add_argument("--optimizer", metavar="NAME",
                   help="sgd, momentum, nesterov, adagrad, rmsprop or adam")
    p.add_argument("--lr", type=positive_float, metavar="RATE", help="learning rate")
    p.add_argument("--weight-decay", type=non_negative_float, metavar="LAMBDA",
                   help="L2 penalty on the weights, as in the book's ch. 6")
    p.add_argument("--augment", nargs="?", const="affine", choices=("affine", "elastic"),
                   help="randomly shift, rotate, scale and thicken the training digits; "
                        "'--augment elastic' also bends them with a random smooth field "
                        "(elastic distortion, Simard et al. 2003: alpha 34, sigma 4 px)")
    p.add_argument("--schedule", choices=SCHEDULES, help="how the learning rate changes")
    p.add_argument("--step-size", type=positive_int, metavar="N",
                   help="step schedule: epochs between decays (default: 5)")
    p.add_argument("--gamma", type=positive_float, metavar="F",
                   help="step schedule: factor per decay (default: 0.1)")
    p.add_argument("--warmup-epochs", type=non_negative_float, metavar="E",
                   help="raise the learning rate linearly over the first E epochs")
    p.add_argument("--momentum", type=non_negative_float, metavar="F",
                   help="momentum and nesterov only (default: 0.9)")
    p.add_argument("--seed", type=non_negative_int, metavar="N",
                   help="random seed: the same seed gives the same run")
    p.add_argument("--val-split", type=non_negative_int, metavar="N",
                   help="training images held out for validation")
    p.add_argument("--early-stop", type=positive_int, metavar="N",
                   help="stop after N epochs without a better validation accuracy, keep the best")
    p.add_argument("--test-each-epoch", action="store_true",
                   help="also measure test accuracy after every epoch (slower)")
    p.add_argument("--extra-data", metavar="FOLDER",
                   help="your own digits (sub-folders 0/ ... 9/) mixed into the training data")
    p.add_argument("--tensorboard", metavar="DIR", type=written_folder("runs"),
                   help="also write TensorBoard event files (loss, accuracies, lr, weight "
                        "histograms) to DIR; needs nndesk[tensorboard]")
    p.add_argument("--limit", type=positive_int, metavar="N",
                   help="train on the first N training images only, for a quick run (the "
                        "window's 'train images'; default: all)")
    data_flags(p, datasets=(*DATASETS, "pendigits"))
    threads_flag(p)


def experiment_parser(sub: argparse._SubParsersAction) -> None:
    """`nndesk experiment`: the book's ch. 6 comparisons."""
    p = command(sub, "experiment", "the book's ch. 6 experiments, as CSV and PNG",
                 "Re-run a comparison from chapter 6 of Deep Learning from Scratch: "
                 "optimizers (SGD, Momentum, AdaGrad, RMSprop, Adam), init (std 0.01, Xavier, "
                 "He), batchnorm (on/off at several weight scales), overfit (300 images, plain, "
                 "weight decay 0.1, dropout), hyperparams (random search of learning rate and "
                 "weight decay, judged on validation images). Writes NAME.csv and NAME.png.",
                 "  nndesk experiment optimizers\n"
                 "  nndesk experiment overfit --epochs 100 --out results/\n")
    p.add_argument("name", choices=EXPERIMENT_NAMES + ("all",), metavar="NAME",
                   help=f"one of: {', '.join(EXPERIMENT_NAMES)}, all")
    p.add_argument("--epochs", type=positive_int, metavar="N",
                   help="passes over the training images (default: the experiment's own)")
    p.add_argument("--subset", type=positive_int, metavar="N",
                   help="training images to use (default: the experiment's own)")
    p.add_argument("--out", metavar="DIR", type=written_folder("results"),
                   help="folder for the CSV and PNG files")
    p.add_argument("--seed", type=non_negative_int, default=0, metavar="N",
                   help="random seed (default: 0)")
    data_flags(p)
    threads_flag(p)
