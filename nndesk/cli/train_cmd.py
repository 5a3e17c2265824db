"""`nndesk train`: a Trainer run with a progress bar, Ctrl-C to a checkpoint, and exact resume."""

from __future__ import annotations

import argparse
import dataclasses
import shlex
import signal
import sys
import tempfile
from pathlib import Path

import numpy as np

from nndesk.cli.common import (
    UserError,
    data_error_text,
    did_you_mean,
    fetch_data,
    load_model_arg,
    set_threads,
    spec_from_args,
)
from nndesk.cli.progress import ProgressBar, format_duration

__all__ = ["train", "resume_command", "portable_command"]

# Flags that map one to one onto TrainConfig fields.
_CONFIG_FLAGS = {"epochs": "epochs", "batch_size": "batch_size", "optimizer": "optimizer",
                 "lr": "lr", "weight_decay": "weight_decay", "schedule": "schedule",
                 "seed": "seed", "val_split": "val_split", "early_stop": "early_stop",
                 "limit": "train_limit", "step_size": "step_size", "gamma": "gamma",
                 "warmup_epochs": "warmup_epochs", "momentum": "momentum"}
# What may change when a run is resumed: how long it goes on, not what it is.
_RESUMABLE_CHANGES = {"epochs", "early_stop", "eval_test"}
# Flags whose value is a path: the recorded command keeps only the file or folder's name.
_PATH_FLAGS = ("--spec", "--data-dir", "--out", "--resume", "--from", "--init-from",
               "--extra-data", "--folder", "-o")


def portable_command(argv: list[str]) -> str:
    """The command as typed, for a model's metadata, with no path of this machine in it.

    Paths given to a path flag (and any other absolute path) are cut to their last part; the
    data themselves are recorded by name and SHA-256 beside the command.
    """
    out, path_next = [], False
    for arg in argv:
        flag, eq, value = arg.partition("=")
        if path_next:
            arg, path_next = Path(arg).name or arg, False
        elif arg in _PATH_FLAGS:
            path_next = True
        elif eq and flag in _PATH_FLAGS:
            arg = f"{flag}={Path(value).name or value}"
        elif Path(arg).is_absolute():
            arg = Path(arg).name or arg
        out.append(arg)
    return shlex.join(["nndesk", *out])


def resume_command(argv: list[str], checkpoint: Path) -> str:
    """The command as typed, with `--resume CHECKPOINT` set (replacing an earlier one);
    `--init-from`/`--from` dropped: the checkpoint holds the weights and records the start."""
    args, skip = [], False
    dropped = ("--resume", "--init-from", "--from")
    for arg in argv:
        if skip:
            skip = False
        elif arg in dropped:
            skip = True
        elif not arg.startswith(tuple(f"{flag}=" for flag in dropped)):
            args.append(arg)
    return shlex.join(["nndesk", *args, "--resume", str(checkpoint)])


def _config(args: argparse.Namespace, saved: dict | None):
    """TrainConfig from the flags given (over the checkpoint's settings when resuming)."""
    from nndesk.nn import OPTIMIZERS
    from nndesk.train import TrainConfig

    given = {field: getattr(args, flag) for flag, field in _CONFIG_FLAGS.items()
             if getattr(args, flag) is not None}
    if "optimizer" in given:
        names = [name.lower() for name in OPTIMIZERS]
        given["optimizer"] = given["optimizer"].lower()
        if given["optimizer"] not in names:
            raise UserError(f"unknown optimizer {args.optimizer!r}"
                            f"{did_you_mean(args.optimizer, names)}; choose one of "
                            f"{', '.join(names)}")
    if args.augment:
        given["augment"] = True
    if args.augment == "elastic":
        from nndesk.data.augment import ELASTIC_ALPHA, ELASTIC_SIGMA

        given["elastic_alpha"], given["elastic_sigma"] = ELASTIC_ALPHA, ELASTIC_SIGMA
    if args.test_each_epoch:
        given["eval_test"] = True
    if saved is not None:
        changed = sorted(k for k, v in given.items()
                         if k not in _RESUMABLE_CHANGES and saved.get(k) != v)
        if changed:
            raise UserError(f"a resumed run keeps its settings; cannot change "
                            f"{', '.join(changed)} (the checkpoint has "
                            f"{', '.join(f'{k}={saved.get(k)!r}' for k in changed)})")
        given = {**saved, **given}
    try:
        return TrainConfig.from_dict(given)
    except (ValueError, TypeError) as err:
        raise UserError(str(err)) from None


def _extra_data(args: argparse.Namespace, config, spec: dict):
    """MNIST as the session would load it, plus the user's own digits (--extra-data)."""
    from nndesk.data.folder import load_folder
    from nndesk.train.session import load_data

    if not Path(args.extra_data).is_dir():
        raise UserError(f"--extra-data: folder not found: {args.extra_data}")
    data = load_data(config, spec["input_shape"], data_dir=args.data_dir,
                     dataset=args.dataset, download=args.download)
    try:
        x_extra, t_extra = load_folder(args.extra_data)
    except (OSError, ValueError) as err:
        raise UserError(f"--extra-data {args.extra_data}: {err}") from None
    if len(x_extra) == 0:
        raise UserError(f"--extra-data: no images in {args.extra_data}/0 ... 9")
    x_extra = x_extra.reshape(len(x_extra), *data.x_train.shape[1:]).astype(data.x_train.dtype)
    # First, so that a --limit run keeps them; every epoch shuffles anyway.
    return dataclasses.replace(data, x_train=np.concatenate([x_extra, data.x_train]),
                               t_train=np.concatenate([t_extra.astype(data.t_train.dtype),
                                                       data.t_train]))


def _epoch_line(record: dict, epochs: int) -> str:
    parts = [f"epoch {record['epoch']}/{epochs}", f"loss {record['train_loss']:.4f}"]
    for key, name in (("train_acc", "train"), ("val_acc", "val"), ("test_acc", "test")):
        if record.get(key) is not None:
            parts.append(f"{name} {record[key]:.2%}")
    parts.append(format_duration(record["time_s"]))
    if record.get("best_epoch") == record["epoch"] and record.get("val_acc") is not None:
        parts.append("best")
    return "  ".join(parts)


def _session(args: argparse.Namespace, bar: ProgressBar, ckpt: Path):
    """A TrainSession for --preset/--spec, or one continuing --resume's checkpoint."""
    from nndesk.data.mnist import DataMissingError, IdxError
    from nndesk.nn import SpecError
    from nndesk.train import ModelFileError
    from nndesk.train.session import TrainSession

    start = None
    if args.resume and args.start_from:
        raise UserError("--resume continues a run, --from starts a new one: give one of them")
    if args.resume:
        if not Path(args.resume).is_file():
            raise UserError(f"checkpoint not found: {args.resume}")
        loaded = load_model_arg(args.resume)
        if loaded.checkpoint is None:
            raise UserError(f"{args.resume} is a finished model, not a checkpoint; "
                            f"train a new run (its spec: nndesk info {args.resume})")
        spec, config = loaded.spec, _config(args, loaded.checkpoint.get("config", {}))
    elif args.preset is None and args.spec is None and args.start_from is None:
        raise UserError("give a network with --preset NAME or --spec FILE.json "
                        "(or --resume CHECKPOINT, or --from MODEL)")
    else:
        start = load_model_arg(args.start_from) if args.start_from else None
        if start is not None and not (args.preset or args.spec):
            spec = start.spec
        else:
            spec = spec_from_args(args.preset, args.spec)
        config = _config(args, None)
    epochs = config.epochs
    if args.download:
        fetch_data(args.dataset, args.data_dir)
    try:
        data = _extra_data(args, config, spec) if args.extra_data else None
        session = TrainSession(
            None if args.resume else spec, config, resume=args.resume, data=data,
            data_dir=args.data_dir, dataset=args.dataset, download=args.download,
            checkpoint_path=ckpt, init_from=None if args.resume else args.start_from,
            on_batch=lambda b: bar.update(b["epoch"], epochs, b["batch"], b["batches"],
                                          b["loss"], b["images_per_s"]),
            on_epoch=lambda record: bar.line(_epoch_line(record, epochs)))
    except ModelFileError as err:
        what = "--init-from: " if start is not None and not args.resume else ""
        raise UserError(what + " ".join(str(err).split())) from None
    except (DataMissingError, IdxError, SpecError, ValueError) as err:
        raise UserError(data_error_text(err)) from None
    return session


def train(args: argparse.Namespace) -> int:
    """Run `nndesk train`; 0 when finished, 130 after a clean Ctrl-C (143: SIGTERM), 1 when
    it diverged (the last good weights are in NAME.last-good.npz), 2 for a user's problem,
    a checkpoint or model that cannot be written included (one line naming the file)."""
    from nndesk.data.folder import folder_sha256
    from nndesk.fileio import sweep_temp
    from nndesk.train import save_model
    from nndesk.train.session import checkpoint_path_for, data_checksums

    set_threads(args.threads)
    out = Path(args.out)
    ckpt = checkpoint_path_for(out)
    try:  # find out now, not after an hour of training, that the folder cannot be written
        out.parent.mkdir(parents=True, exist_ok=True)
        tempfile.TemporaryFile(dir=out.parent).close()
    except OSError as err:
        raise UserError(f"cannot write into {out.parent}: {err.strerror or err}") from None
    for path in (out, ckpt):  # what a killed earlier run's atomic writes left behind
        sweep_temp(path)
    bar = ProgressBar(sys.stderr)
    session = _session(args, bar, ckpt)
    trainer = session.trainer
    if args.tensorboard:  # nndesk[tensorboard]: the Trainer's callbacks also feed TensorBoard
        from nndesk.cli.export_cmd import tensorboard_hook
        tensorboard_hook(trainer, args)
    if trainer.epoch >= trainer.config.epochs:
        raise UserError(f"the checkpoint has done {trainer.epoch} of {trainer.config.epochs} "
                        f"epochs already; give more with --epochs N")

    received = []

    def on_signal(signum, frame):  # only a flag: writing to stderr here could re-enter a write
        signal.signal(signal.SIGINT, signal.default_int_handler)  # a second Ctrl-C quits now
        received.append(signum)
        trainer.stop()

    # Ctrl-C, and `kill` (SIGTERM), stop after the current batch with a checkpoint.
    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        done = session.run(out=None, command=portable_command(args.argv))
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    result = done.result
    if result.stopped == "stopped":
        where = (f"in epoch {trainer.epoch + 1}, after batch {trainer.batch} of "
                 f"{trainer.batches}" if trainer.batch else f"after epoch {trainer.epoch}")
        bar.line(f"stopped {where}; checkpoint saved to {ckpt}")
        bar.line(f"resume with: {resume_command(args.argv, ckpt)}")
        return 128 + (received[0] if received else signal.SIGINT)  # 130 for Ctrl-C
    if result.stopped == "write_error":  # disk full, folder made read-only: a user's fix
        bar.line(f"nndesk: error: {result.message}")
        return 2
    if result.stopped == "diverged":
        bar.line(f"nndesk: {result.message}")
        return 1
    if result.stopped == "early_stop":
        bar.line(result.message)
    metadata = dict(done.metadata)
    if "data" not in metadata:  # --extra-data: MNIST's files plus the user's folder
        extra = Path(args.extra_data)
        metadata["data"] = {**data_checksums(args.data_dir, args.dataset),
                            "extra": {"name": extra.resolve().name,
                                      "sha256": folder_sha256(extra)}}
    try:
        save_model(out, trainer.net, metadata)
    except OSError as err:
        kept = f"; the checkpoint {ckpt} is kept" if ckpt.is_file() else ""
        raise UserError(f"cannot write {out}: {err.strerror or err}{kept}") from None
    bar.line(f"test accuracy {done.test['accuracy']:.2%} on {done.test['n']:,} images, "
             f"trained in {format_duration(result.train_time_s)}; saved {out}")
    return 0
