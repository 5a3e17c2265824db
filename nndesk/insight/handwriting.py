"""The user's own handwriting: digits saved from the canvas, how well a model reads them, and
fine-tuning a model on them (measured on the user's digits held out from the fine-tuning).

The folder is the one `nndesk eval --folder` and `load_folder` read: `0/ ... 9/` of images.
Never imports Qt: the window's fine-tuning dialog and `nndesk finetune` call the same code.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

__all__ = ["my_digits_dir", "save_digit", "handwriting_accuracy", "HELD_OUT_SHARE",
           "HandwritingSplit", "FinetuneResult", "folder_files", "is_held_out", "load_split",
           "finetune", "finetuned_metadata", "model_source", "HandStyle", "styled",
           "write_styled_folder"]


def my_digits_dir() -> Path:
    """Where the canvas saves the user's digits: `NNDESK_MY_DIGITS`, else <user data>/my_digits."""
    env = os.environ.get("NNDESK_MY_DIGITS")
    if env:
        return Path(env)
    from nndesk.paths import user_data_dir

    return user_data_dir() / "my_digits"


def save_digit(bitmap: np.ndarray, label: int, folder: str | os.PathLike | None = None) -> Path:
    """Write the canvas bitmap (uint8 (H, W), white ink on black, as `render_strokes` gives)
    as folder/<label>/<time>.png, atomically. Raises ValueError for a label outside 0-9 or an
    empty bitmap, OSError when the folder cannot be written."""
    if not (isinstance(label, (int, np.integer)) and 0 <= int(label) <= 9):
        raise ValueError(f"the label must be a digit 0-9, not {label!r}")
    bitmap = np.asarray(bitmap)
    if bitmap.ndim != 2 or bitmap.max() == 0:
        raise ValueError("nothing drawn: the bitmap is empty")
    from PIL import Image

    from nndesk.fileio import atomic_write

    folder = Path(folder) if folder is not None else my_digits_dir()
    stamp = time.strftime("%Y%m%d-%H%M%S") + f"-{time.time_ns() % 1_000_000_000:09d}"
    path = folder / str(int(label)) / f"{stamp}.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    image = Image.fromarray(np.ascontiguousarray(bitmap.astype(np.uint8)), mode="L")
    atomic_write(path, lambda f: image.save(f, format="PNG"))
    return path


def handwriting_accuracy(network: Any, folder: str | os.PathLike | None = None
                         ) -> dict[str, Any]:
    """{"n": digits saved, "accuracy": share the network reads right (None when n == 0)}
    for the images under folder/0 ... 9 (unreadable ones are skipped)."""
    from nndesk.data.folder import FolderError, load_folder

    folder = Path(folder) if folder is not None else my_digits_dir()
    try:
        x, t = load_folder(folder, skip_bad=True)
    except FolderError:
        return {"n": 0, "accuracy": None}
    pred = network.predict(x).argmax(1)
    return {"n": int(len(t)), "accuracy": float((pred == t).mean())}


# -- fine-tuning on the user's digits -----------------------------------------------------

HELD_OUT_SHARE = 0.25  # of the user's files kept out of fine-tuning, to measure the gain
MNIST_PER_DIGIT = 3.0  # MNIST training images mixed in per user digit (against forgetting)
MIN_MNIST = 256        # at least this many, so a small folder does not shift the whole model
FINETUNE_LR = 1e-4     # Adam's learning rate: small, every layer moves a little (Yosinski 2014)


@dataclass
class HandwritingSplit:
    """The user's digits split per file: x_* (N, 1, 28, 28) float32, t_* (N,) int64;
    files_* the paths in the same order; skipped: files that are no image or show no digit."""

    x_train: np.ndarray
    t_train: np.ndarray
    x_held: np.ndarray
    t_held: np.ndarray
    files_train: list[Path] = field(default_factory=list)
    files_held: list[Path] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)


@dataclass
class FinetuneResult:
    """network: the fine-tuned copy (the one given is untouched); before/after:
    {"held_out": accuracy on the user's held-out digits (None without any), "mnist":
    accuracy on the MNIST test images given (None without)}; n_*: images used; stopped:
    True when cancelled (network then holds the weights reached so far); epochs_done."""

    network: Any
    before: dict
    after: dict
    n_train: int
    n_held_out: int
    n_mnist_mixed: int
    n_mnist_test: int
    stopped: bool
    epochs_done: int
    settings: dict
    time_s: float = 0.0  # the fine-tuning's training time (the measurements not included)

    def to_json(self) -> dict[str, Any]:
        """The figures as JSON-able data (`nndesk finetune --json`, the model's metadata)."""
        return {"before": self.before, "after": self.after, "n_train": self.n_train,
                "n_held_out": self.n_held_out, "n_mnist_mixed": self.n_mnist_mixed,
                "n_mnist_test": self.n_mnist_test, "stopped": self.stopped,
                "epochs_done": self.epochs_done, "settings": self.settings,
                "time_s": self.time_s}


def folder_files(folder: str | os.PathLike) -> list[tuple[Path, int]]:
    """(path, label) of every image file under folder/0 ... 9 (regular files, sorted), the
    files `load_folder` reads. Raises FolderError for a missing folder."""
    from nndesk.data.folder import IMAGE_SUFFIXES, FolderError

    root = Path(folder)
    if not root.is_dir():
        raise FolderError(f"{root}: not a folder")
    out = []
    for label in range(10):
        sub = root / str(label)
        if not sub.is_dir():
            continue
        out += [(f, label) for f in sorted(sub.iterdir())
                if not f.name.startswith(".") and f.suffix.lower() in IMAGE_SUFFIXES
                and f.is_file()]
    return out


def is_held_out(path: str | os.PathLike, share: float = HELD_OUT_SHARE) -> bool:
    """Whether a file is kept out of fine-tuning: the first 8 hex digits of the SHA-256 of
    its bytes, read as a fraction of 2^32, fall below `share`. Deterministic and stable: the
    same file is always on the same side, adding a digit never moves another, and two copies
    of one drawing cannot land on both sides."""
    import hashlib

    digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()
    return int(digest[:8], 16) / 2**32 < share


def load_split(folder: str | os.PathLike, share: float = HELD_OUT_SHARE) -> HandwritingSplit:
    """The folder's digits through THE preprocessing, split per file by `is_held_out`.
    Raises FolderError for a missing folder or one without a single readable digit."""
    from nndesk.data.folder import FolderError
    from nndesk.data.preprocess import ImageError, preprocess

    parts: dict[bool, tuple[list, list, list]] = {False: ([], [], []), True: ([], [], [])}
    skipped = []
    for path, label in folder_files(folder):
        try:
            x = preprocess(path)
        except (ImageError, OSError):
            x = None
        if x is None:
            skipped.append(path)
            continue
        xs, ts, fs = parts[is_held_out(path, share)]
        xs.append(x)
        ts.append(label)
        fs.append(path)
    if not parts[False][0] and not parts[True][0]:
        raise FolderError(f"{folder}: no readable digit images in 0/ ... 9/")

    def stack(xs: list) -> np.ndarray:
        return np.stack(xs).astype(np.float32) if xs else np.zeros((0, 1, 28, 28), np.float32)

    return HandwritingSplit(stack(parts[False][0]), np.array(parts[False][1], np.int64),
                            stack(parts[True][0]), np.array(parts[True][1], np.int64),
                            parts[False][2], parts[True][2], skipped)


def _accuracy(network: Any, x: np.ndarray, t: np.ndarray) -> float | None:
    if len(t) == 0:
        return None
    x = x.reshape(len(x), *network.spec["input_shape"])
    return float((network.predict(x).argmax(1) == t).mean())


def finetune(network: Any, split: HandwritingSplit, *, mnist_pool: tuple | None = None,
             mnist_test: tuple | None = None, epochs: int = 10, lr: float = FINETUNE_LR,
             batch_size: int = 32, mnist_per_digit: float = MNIST_PER_DIGIT,
             augment: bool = True, seed: int = 0,
             on_progress: Callable[[int, int], None] | None = None,
             control: Any = None) -> FinetuneResult:
    """Fine-tune a copy of `network` on the user's training part, with MNIST mixed in.

    Transfer learning by fine-tuning every layer at a small learning rate (Yosinski et al.,
    "How transferable are features in deep neural networks?", NIPS 2014), with rehearsal of
    old data against catastrophic forgetting (Robins, "Catastrophic forgetting, rehearsal and
    pseudorehearsal", 1995): each epoch sees the user's digits and `mnist_per_digit` times as
    many MNIST training images (at least MIN_MNIST), shuffled together, Adam at `lr`.
    mnist_pool: (x, t) MNIST training images to draw the mix from (N, 1, 28, 28); mnist_test:
    (x, t) measured before and after; on_progress(batches done, batches in all) runs on the
    calling thread; control: a `nndesk.train.TrainControl` (its stop() cancels between
    batches). Raises ValueError when the split has no training digits.
    """
    from nndesk.data.mnist import Splits
    from nndesk.nn import Network
    from nndesk.train import TrainConfig, Trainer

    if len(split.t_train) == 0:
        raise ValueError("no digits to fine-tune on: save some digits first (all were held "
                         "out to measure)" if len(split.t_held) else "no digits to fine-tune on")
    net = Network.from_spec(network.spec, seed=seed)
    net.load_state_dict(network.state_dict())
    shape = tuple(net.spec["input_shape"])
    rng = np.random.default_rng(seed)
    n_mix = 0
    x_train, t_train = split.x_train, split.t_train
    if mnist_pool is not None and len(mnist_pool[1]):
        n_mix = min(len(mnist_pool[1]), max(MIN_MNIST, int(mnist_per_digit * len(t_train))))
        pick = rng.choice(len(mnist_pool[1]), n_mix, replace=False)
        x_train = np.concatenate([x_train, mnist_pool[0][pick].reshape(n_mix, 1, 28, 28)])
        t_train = np.concatenate([t_train, np.asarray(mnist_pool[1])[pick].astype(np.int64)])
    empty_x, empty_t = np.zeros((0, *shape), np.float32), np.zeros(0, np.int64)
    data = Splits(x_train.reshape(len(x_train), *shape).astype(np.float32), t_train,
                  empty_x, empty_t, empty_x, empty_t)

    def measure(n: Any) -> dict:
        return {"held_out": _accuracy(n, split.x_held, split.t_held),
                "mnist": None if mnist_test is None else _accuracy(n, *mnist_test)}

    before = measure(network)
    config = TrainConfig(epochs=epochs, batch_size=batch_size, optimizer="adam", lr=lr,
                         augment=augment, seed=seed, val_split=0, train_eval_size=0,
                         restore_best=False, snapshot_every_s=3600.0)
    total = epochs * -(-len(t_train) // batch_size)
    done = [0]

    def on_batch(info: dict) -> None:
        done[0] += 1
        if on_progress is not None:
            on_progress(done[0], total)

    trainer = Trainer(net, data, config, on_batch=on_batch, control=control)
    started = time.perf_counter()
    result = trainer.run()
    spent = time.perf_counter() - started
    settings = {"epochs": epochs, "lr": lr, "batch_size": batch_size, "optimizer": "adam",
                "augment": augment, "seed": seed, "mnist_per_digit": mnist_per_digit,
                "held_out_share": HELD_OUT_SHARE}
    return FinetuneResult(net, before, measure(net), int(len(split.t_train)),
                          int(len(split.t_held)), n_mix,
                          0 if mnist_test is None else int(len(mnist_test[1])),
                          result.stopped == "stopped", result.epochs_done, settings,
                          round(spent, 3))


def finetuned_metadata(metadata: dict, result: FinetuneResult, *, source: dict | None = None,
                       folder_sha256: str | None = None) -> dict:
    """The fine-tuned model's metadata (`modelfile.derived_metadata`): its own story,
    `finetuned` (`from` the start model `source` {name, sha256, command, accuracy}, the
    folder's checksum, settings, digits used, figures before/after, time), `init_from` the
    same `source` (the key `nndesk train --init-from` writes), `accuracy` the MNIST test
    figure after fine-tuning when it was measured, with `accuracy_images` how many test
    images that was; the start model's story (command, epochs, time, history...) kept under
    `parent`, never as this model's. The calibration ("not a digit") is carried over, marked
    as fitted before fine-tuning: `nndesk calibrate OUT` refits it."""
    from nndesk.train.modelfile import derived_metadata

    own = {"finetuned": {"from": source, "folder_sha256": folder_sha256, **result.to_json()},
           "init_from": source}
    if result.after.get("mnist") is not None and result.n_mnist_test:
        own["accuracy"] = result.after["mnist"]
        own["accuracy_images"] = result.n_mnist_test
    md = derived_metadata(metadata, own)
    cal = md.get("calibration")
    if isinstance(cal, dict):
        md["calibration"] = {**cal, "info": {**(cal.get("info") or {}), "carried_over": (
            "fitted before fine-tuning; run 'nndesk calibrate MODEL' to refit it")}}
    return md


def model_source(path: str | os.PathLike, metadata: dict | None) -> dict:
    """What a fine-tuned file records of the model it started from: {name, sha256, command,
    accuracy} (as `nndesk train --init-from` records it; sha256 None when the file is gone)."""
    import hashlib

    path = Path(path)
    try:
        digest = hashlib.sha256()
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
        sha = digest.hexdigest()
    except OSError:
        sha = None
    metadata = metadata or {}
    return {"name": path.name, "sha256": sha, "command": metadata.get("command"),
            "accuracy": metadata.get("accuracy")}


# -- a synthetic user: to measure fine-tuning on a hand no model has seen ------------------

@dataclass(frozen=True)
class HandStyle:
    """A consistent personal way of writing digits, applied to pen trajectories.

    slant: horizontal shear (x += slant * height above the digit's middle; > 0 leans right);
    aspect: width scale; width: pen width in canvas px (None: the canvas's pen);
    flag_one: 1 written with a long up-stroke before the stem (the continental European 1);
    bar_seven: 7 crossed by a bar at mid-height (the European 7). The defaults, a
    back-slanted, narrow, heavy-pen hand, are one the shipped model reads measurably worse
    than the pen writers (on 200 pen digits of writers 1-20: slant -0.45, aspect 0.6, 1.4x
    pen 97.0%; -0.6, 0.5, 1.5x 85.5%; the European 1 and 7 alone: 100%). See
    benchmarks/finetune_gain.py."""

    slant: float = -0.5
    aspect: float = 0.55
    width: float | None = 32.0
    flag_one: bool = False
    bar_seven: bool = False


def styled(digit: Any, style: HandStyle) -> Any:
    """A `PenDigit` (strokes (n, 2), y down) written in `style`: the same label and writer."""
    from nndesk.data.pendigits import PenDigit

    strokes = [np.asarray(s, np.float64) for s in digit.strokes]
    pts = np.vstack(strokes)
    lo, hi = pts.min(0), pts.max(0)
    h = max(hi[1] - lo[1], 1e-6)
    mid = (lo[1] + hi[1]) / 2
    if style.flag_one and digit.label == 1:
        k = min(range(len(strokes)), key=lambda j: strokes[j][:, 1].min())
        top = int(strokes[k][:, 1].argmin())
        start = strokes[k][top] + np.array([-0.45 * h, 0.4 * h])
        strokes[k] = np.vstack([start, strokes[k][top:]])
    if style.bar_seven and digit.label == 7:
        near = pts[np.abs(pts[:, 1] - mid) < 0.1 * h]
        x = near[:, 0].mean() if len(near) else (lo[0] + hi[0]) / 2
        strokes.append(np.array([[x - 0.25 * h, mid], [x + 0.25 * h, mid]]))
    out = tuple(np.c_[(s[:, 0] + style.slant * (mid - s[:, 1])) * style.aspect, s[:, 1]]
                for s in strokes)
    return PenDigit(digit.label, digit.writer, out)


def write_styled_folder(digits: Any, folder: str | os.PathLike, style: HandStyle,
                        seed: int = 0) -> list[Path]:
    """Draw pen digits in `style` on the canvas (placed and sized as users draw, seeded) and
    save each as folder/<label>/<index>.png, the way the window saves the user's digits
    (white ink on black, canvas size). Returns the files written."""
    from PIL import Image

    from nndesk.data.pendigits import WIDTH_RANGE, to_canvas
    from nndesk.data.strokes import PEN_WIDTH, render_strokes
    from nndesk.fileio import atomic_write

    rng = np.random.default_rng(seed)
    paths = []
    for i, digit in enumerate(digits):
        width = style.width or PEN_WIDTH * rng.uniform(*WIDTH_RANGE)
        bitmap = render_strokes(to_canvas(styled(digit, style), rng), width=width)
        path = Path(folder) / str(digit.label) / f"{i:05d}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        image = Image.fromarray(bitmap, mode="L")
        atomic_write(path, lambda f, image=image: image.save(f, format="PNG"))
        paths.append(path)
    return paths
