"""One training run as `nndesk train` and the window both start it: spec in, model file out."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from nndesk.train import modelfile
from nndesk.train.config import TrainConfig
from nndesk.train.metrics import evaluate
from nndesk.train.modelfile import ModelFileError, load_model, save_model
from nndesk.train.trainer import TrainControl, Trainer, TrainResult

__all__ = ["TrainSession", "SessionResult", "run_training", "load_data", "data_checksums",
           "checkpoint_path_for", "thread_policy"]

VAL_SEED = 0  # the validation images are the same for every run, so runs compare fairly


@dataclass
class SessionResult:
    """A finished session: the trainer's result, the test-set evaluation, the file written."""

    result: TrainResult
    test: dict | None  # metrics.evaluate on the test set (accuracy, per_digit, confusion)
    out: Path | None
    metadata: dict


def load_data(config: TrainConfig, input_shape=(1, 28, 28), *, data_dir=None,
              dataset: str = "mnist", download: bool = False):
    """The `Splits` a run trains on, shaped for the network's input (views, no copies)."""
    from nndesk.data.mnist import load_mnist

    if dataset == "pendigits":
        data = _pendigit_data(config)
    else:
        data = load_mnist(flatten=False, dataset=dataset, data_dir=data_dir,
                          val_split=config.val_split, seed=VAL_SEED, download=download)
    shape = tuple(int(s) for s in input_shape)
    for name in ("x_train", "x_val", "x_test"):
        x = getattr(data, name)
        if x.shape[1:] != shape:
            if int(np.prod(shape)) != int(np.prod(x.shape[1:])):
                raise ValueError(f"the network expects input {list(shape)}, the images are "
                                 f"{list(x.shape[1:])}")
            setattr(data, name, x.reshape((len(x), *shape)))
    return data


PENDIGITS_SHA256 = "a66225d68d7d68591e62944df1ad33b3f5aa608e2df2505844b41f5568a80da4"
PENDIGIT_VARIANTS = 8  # with augment: each training digit also 8 times distorted


def _pendigit_data(config: TrainConfig):
    """Pen digits as sequences (`trajectory.pendigit_splits`): writers 1-20 train (17-20
    validate unless `val_split` is 0), 21-30 are the test set, never trained on."""
    from nndesk.data.pendigits import load_pendigits, pendigits_path
    from nndesk.data.trajectory import VALIDATION_WRITERS, pendigit_splits

    path = pendigits_path()
    if not path.is_file():
        raise ValueError(f"pen digits not found at {path}; set NNDESK_PENDIGITS to "
                         f"pendigits-orig.tra (UCI pen-based digits)")
    return pendigit_splits(load_pendigits(path), seed=config.seed,
                           variants=PENDIGIT_VARIANTS if config.augment else 0,
                           validation=VALIDATION_WRITERS if config.val_split else ())


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def data_checksums(data_dir=None, dataset: str = "mnist") -> dict:
    """SHA-256 of each data file used, and whether all match the published ones."""
    from nndesk.data.mnist import DATASETS

    if dataset == "pendigits":
        from nndesk.data.pendigits import HELD_OUT_WRITERS, pendigits_path

        path = pendigits_path()
        digest = _file_sha256(path)
        return {"dataset": "pendigits", "sha256": {path.name: digest},
                "official": digest == PENDIGITS_SHA256,
                "held_out_writers": list(HELD_OUT_WRITERS)}
    from nndesk.data.mnist import data_dir as find_dir

    ds = DATASETS[dataset]
    folder = find_dir(data_dir, dataset)
    sums = {}
    for f in ds.files.values():
        digest = hashlib.sha256()
        with open(folder / f.name, "rb") as fh:
            for chunk in iter(lambda fh=fh: fh.read(1 << 20), b""):
                digest.update(chunk)
        sums[f.name] = digest.hexdigest()
    official = all(sums[f.name] == f.sha256 for f in ds.files.values())
    return {"dataset": dataset, "sha256": sums, "official": official}


def _file_sha256(path: str | Path) -> str:
    """SHA-256 (hex) of a file, read in 1 MB chunks."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def thread_policy() -> dict:
    """The thread policy a training step runs with: the batch workers it is split between
    (nn/parallel.py) and the thread counts of NumPy's BLAS (threadpoolctl; process-wide; the
    library NumPy ships, else every BLAS loaded: another one, e.g. OpenCV's own OpenBLAS in
    the window, does no training work). Recorded in a model's metadata, so the window and
    `nndesk train` can be shown to train alike (benchmarks/gui_measure.py gui-vs-cli)."""
    from threadpoolctl import threadpool_info

    from nndesk.nn.parallel import workers

    blas = [p for p in threadpool_info() if p.get("user_api") == "blas"]
    ours = [p for p in blas if "numpy" in p.get("filepath", "")] or blas
    return {"batch_workers": workers(),
            "blas_threads": sorted({int(p["num_threads"]) for p in ours})}


def checkpoint_path_for(out: str | Path) -> Path:
    """Where a run writing `out` keeps its checkpoint: `model.npz` -> `model.ckpt.npz`."""
    out = Path(out)
    stem = out.name[:-4] if out.name.endswith(".npz") else out.name
    return out.with_name(f"{stem}.ckpt.npz")


class TrainSession:
    """Build the network from `spec` (or resume a checkpoint), load the data, make the trainer.

    `session.trainer` is ready for `pause()` / `resume()` / `stop()` from another thread; or
    make a `TrainControl` first and pass it as `control` (it works before the trainer exists);
    `session.run(out, command)` trains, measures the test set and writes the model file.
    """

    def __init__(self, spec: dict | None = None, config: TrainConfig | None = None, *,
                 resume: str | Path | None = None, data=None, data_dir=None,
                 dataset: str = "mnist", download: bool = False,
                 checkpoint_path: str | Path | None = None,
                 init_from: str | Path | None = None,
                 on_batch: Callable[[dict], None] | None = None,
                 on_epoch: Callable[[dict], None] | None = None,
                 on_snapshot: Callable[[dict], None] | None = None,
                 control: TrainControl | None = None) -> None:
        from nndesk.nn import Network

        if (spec is None) == (resume is None):
            raise ValueError("give either a spec to train or a checkpoint to resume")
        if resume is not None and init_from is not None:
            raise ValueError("a resumed run continues its own weights: give resume or "
                             "init_from, not both")
        self.init_from: dict | None = None  # what the metadata says about the start weights
        callbacks = {"on_batch": on_batch, "on_epoch": on_epoch, "on_snapshot": on_snapshot,
                     "control": control}
        self.data_dir, self.dataset = data_dir, dataset
        self.data_from_files = data is None  # checksums go into the metadata only then
        if resume is not None:
            loaded = load_model(resume)
            if loaded.checkpoint is None:
                raise ModelFileError(f"{resume}: a model file without training state; it "
                                     f"cannot be resumed")
            saved = TrainConfig.from_dict(loaded.checkpoint.get("config", {}))
            self.config = config or saved
            self.spec = loaded.spec
            self.data = data or load_data(self.config, self.spec["input_shape"],
                                          data_dir=data_dir, dataset=dataset,
                                          download=download)
            self.trainer = Trainer.from_checkpoint(resume, self.data, config,
                                                   checkpoint_path=checkpoint_path or resume,
                                                   **callbacks)
            if isinstance(loaded.metadata.get("init_from"), dict):  # a fine-tuning resumed
                self.init_from = loaded.metadata["init_from"]
        else:
            self.config = config or TrainConfig()
            self.spec = spec
            net = Network.from_spec(spec, seed=self.config.seed)
            if init_from is not None:  # fine-tuning: a model's weights, not random ones
                start = modelfile.init_from(init_from, net)
                self.init_from = {"name": Path(init_from).name,
                                  "sha256": _file_sha256(init_from),
                                  "command": start.metadata.get("command"),
                                  "accuracy": start.metadata.get("accuracy")}
            self.data = data or load_data(self.config, spec["input_shape"], data_dir=data_dir,
                                          dataset=dataset, download=download)
            self.trainer = Trainer(net, self.data, self.config,
                                   checkpoint_path=checkpoint_path, **callbacks)
        if self.init_from is not None:  # checkpoints carry it, so a resumed run records it
            self.trainer.run_metadata["init_from"] = self.init_from

    def run(self, out: str | Path | None = None, command: str | None = None,
            metadata: dict | None = None) -> SessionResult:
        """Train, evaluate on the test set, and write the model (with its story) to `out`."""
        started = time.time()
        threads = thread_policy()  # in force in this thread, as the steps run
        result = self.trainer.run()
        net = self.trainer.net
        finished = result.stopped != "stopped"  # a stopped run is resumed, not judged: no wait
        test = evaluate(net, self.data.x_test, self.data.t_test, self.config.eval_batch_size
                        ) if finished and len(self.data.x_test) else None
        last = result.history[-1] if result.history else {}
        meta = {"accuracy": test["accuracy"] if test else None,
                "per_digit": test["per_digit"] if test else None,
                "val_accuracy": last.get("val_acc"), "command": command,
                "config": self.config.to_dict(), "stopped": result.stopped,
                "message": result.message, "epochs": result.epochs_done,
                "best_epoch": result.best_epoch, "train_time_s": result.train_time_s,
                "wall_time_s": time.time() - started, "history": result.history,
                "num_params": getattr(net, "num_params", None), "threads": threads}
        if self.init_from is not None:
            meta["init_from"] = self.init_from
        if self.data_from_files:
            meta["data"] = data_checksums(self.data_dir, self.dataset)
        if self.dataset == "pendigits":
            from nndesk.data.trajectory import sequence_metadata

            meta["trajectory"] = sequence_metadata(self.config.val_split > 0, self.config.augment)
        meta.update(metadata or {})
        path = save_model(out, net, meta) if out else None
        return SessionResult(result=result, test=test, out=path, metadata=meta)


def run_training(spec: dict | None, config: TrainConfig | None = None,
                 out: str | Path | None = None, *, command: str | None = None,
                 **kwargs) -> SessionResult:
    """`TrainSession(spec, config, **kwargs).run(out, command)` in one call."""
    return TrainSession(spec, config, **kwargs).run(out, command)
