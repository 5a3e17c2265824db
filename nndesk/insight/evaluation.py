"""What a model gets wrong: `nndesk eval`'s numbers plus every image's probabilities.

The confusion matrix, per-digit accuracy and accuracy come from `nndesk.train.metrics.evaluate`
(what `nndesk eval` prints) in one pass that also keeps the probabilities, so the evaluation
view can list the misclassified digits with their top-2 answers. Never imports Qt.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from nndesk.train.metrics import evaluate

__all__ = ["Evaluation", "Cancelled", "evaluate_model", "load_test_images", "load_own_digits",
           "load_pen_digits", "pendigits_available", "as_input", "SOURCES"]

SOURCES = ("test", "folder", "pendigits")  # what the evaluation view can measure
PROGRESS_EVERY = 25  # pen digits drawn between two progress reports


def as_input(x: np.ndarray) -> np.ndarray:
    """Images as the network reads them: uint8 pixels 0..255 scaled to float32 in [0, 1]
    exactly as `load_mnist` scales them (`nndesk.data.mnist.scaled`, a new array), any other
    array as float32 (no copy when it is one)."""
    if x.dtype == np.uint8:
        from nndesk.data.mnist import scaled

        return scaled(x)
    return np.asarray(x, dtype=np.float32)


class Cancelled(Exception):
    """Raised out of `evaluate_model` when `should_stop()` became true."""


@dataclass
class Evaluation:
    """One evaluation. `report` is exactly `evaluate(net, x, t)`: {"n", "accuracy",
    "per_digit", "confusion"}; `probabilities` (N, 10) float32, `labels` (N,) int64 and
    `predicted` (N,) int64 are per image, in the order of the images given."""

    report: dict
    probabilities: np.ndarray
    labels: np.ndarray
    predicted: np.ndarray

    def cell(self, true: int, predicted: int) -> np.ndarray:
        """Indices of the images of digit `true` predicted as `predicted` (one confusion cell),
        most confident first."""
        idx = np.flatnonzero((self.labels == true) & (self.predicted == predicted))
        return idx[np.argsort(-self.confidence[idx], kind="stable")]

    @property
    def confidence(self) -> np.ndarray:
        """(N,) the probability of the predicted digit."""
        return self.probabilities[np.arange(len(self.predicted)), self.predicted]

    def mistakes(self, most_confident_first: bool = True) -> np.ndarray:
        """Indices of the misclassified images sorted by the confidence of the wrong answer."""
        idx = np.flatnonzero(self.labels != self.predicted)
        order = np.argsort(self.confidence[idx], kind="stable")
        return idx[order[::-1] if most_confident_first else order]

    def top2(self, i: int) -> list[tuple[int, float]]:
        """[(digit, probability), (digit, probability)]: the two most likely answers of image i."""
        p = self.probabilities[i]
        best = np.argsort(-p, kind="stable")[:2]
        return [(int(d), float(p[d])) for d in best]

    def to_json(self, limit: int | None = None) -> dict:
        """The report plus "misclassified": [{"index", "label", "predicted", "confidence",
        "top2": [[digit, p], [digit, p]]}], most confident first (at most `limit`)."""
        wrong = self.mistakes()[:limit]
        return {**self.report, "misclassified": [
            {"index": int(i), "label": int(self.labels[i]), "predicted": int(self.predicted[i]),
             "confidence": float(self.confidence[i]),
             "top2": [[d, p] for d, p in self.top2(int(i))]} for i in wrong]}


class _Recorder:
    """Looks like a network to `evaluate`: predicts with `net`, keeps the probabilities,
    reports progress and stops between batches."""

    def __init__(self, net, n: int, progress, should_stop) -> None:
        self.net, self.n, self.done = net, n, 0
        self.progress, self.should_stop = progress, should_stop
        self.parts: list[np.ndarray] = []

    def predict(self, x: np.ndarray, batch_size: int = 100) -> np.ndarray:
        if self.should_stop is not None and self.should_stop():
            raise Cancelled
        p = self.net.predict(as_input(x), batch_size=min(batch_size, 100))
        self.parts.append(np.asarray(p, dtype=np.float32))
        self.done += len(x)
        if self.progress is not None:
            self.progress(self.done, self.n)
        return p


def evaluate_model(net, x: np.ndarray, t: np.ndarray, *, batch_size: int = 500,
                   progress: Callable[[int, int], None] | None = None,
                   should_stop: Callable[[], bool] | None = None) -> Evaluation:
    """Evaluate `net` on images `x` (N, *input_shape) with labels `t` (N,) or one-hot; `x`
    float, or uint8 0..255 (`load_test_images(scale=False)`), scaled a batch at a time.

    `progress(done, total)` is called after each batch of `batch_size` images;
    `should_stop()` is asked before each batch and raises `Cancelled` when true. The numbers
    are `nndesk.train.metrics.evaluate`'s (the book's ch. 3 accuracy; the confusion matrix
    rows are true digits, columns predictions). A network whose loss is "mse" gives its raw
    outputs as `probabilities`.
    """
    recorder = _Recorder(net, len(x), progress, should_stop)
    report = evaluate(recorder, x, t, batch_size=batch_size)
    probs = (np.concatenate(recorder.parts) if recorder.parts
             else np.zeros((0, 10), dtype=np.float32))
    labels = np.asarray(t)
    labels = labels.argmax(axis=1) if labels.ndim == 2 else labels.astype(np.int64)
    return Evaluation(report, probs, labels, probs.argmax(axis=1).astype(np.int64))


def load_test_images(input_shape, dataset: str = "mnist", data_dir=None, *,
                     scale: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """The test set (x (N, *input_shape) float32, t (N,) int64), as `nndesk eval` reads it;
    `scale=False`: x is the data set's own uint8 copy (0..255, read-only, shared: no copy),
    which `evaluate_model` and `as_input` scale as `load_mnist` does.

    Raises `nndesk.data.mnist.DataMissingError` / `IdxError` when the files are missing or bad.
    """
    from nndesk.data.mnist import load_uint8

    x, t = load_uint8("test", dataset=dataset, data_dir=data_dir)
    x = x.reshape(len(x), *input_shape)
    return (as_input(x) if scale else x), t


def load_own_digits(folder=None) -> tuple[np.ndarray, np.ndarray]:
    """The user's digits in folder/0 ... folder/9 (default: the canvas's "my digits" folder)
    as (x (N, 1, 28, 28) float32, t (N,) int64), read as `nndesk eval --folder` reads them
    (`load_folder`, every image preprocessed). Raises `nndesk.data.folder.FolderError` or
    OSError for a folder that cannot be read; (empty, empty) for an empty one, and for the
    default folder before the first digit is saved (it is made then)."""
    from nndesk.data.folder import load_folder
    from nndesk.insight.handwriting import my_digits_dir

    if folder is None and not my_digits_dir().exists():  # nothing saved yet: no digits
        return np.zeros((0, 1, 28, 28), np.float32), np.zeros(0, np.int64)
    return load_folder(folder if folder is not None else my_digits_dir())


def pendigits_available() -> bool:
    """True when the pen-digit trajectories (pendigits-orig.tra) are where nndesk looks."""
    from nndesk.data.pendigits import pendigits_path

    return pendigits_path().is_file()


def load_pen_digits(writers=None, variants: int = 1, *,
                    progress: Callable[[int, int], None] | None = None,
                    should_stop: Callable[[], bool] | None = None,
                    ) -> tuple[np.ndarray, np.ndarray]:
    """Real pen trajectories of `writers` (default: the held-out writers 21-30, never trained
    on), drawn as on the canvas and preprocessed, `variants` times each: exactly the images
    of `nndesk eval --pendigits 21-30 --variants N` (`render_set`'s order and Generator,
    seed 0), as (x (N, 1, 28, 28) float32, t (N,) int64); a trajectory too small to draw is
    left out as there.

    Drawing takes ~1-3 ms a digit (the 2,500 held-out ones: seconds, minutes on a loaded
    machine): `progress(done, total)` is called every `PROGRESS_EVERY` digits and at the
    end, `should_stop()` asked as often (true: `Cancelled` is raised). Raises
    FileNotFoundError when the trajectories are missing.
    """
    from nndesk.data.pendigits import HELD_OUT_WRITERS, load_pendigits, pendigits_path, render

    path = pendigits_path()
    if not path.is_file():
        raise FileNotFoundError(f"pen digits not found at {path}")
    keep = set(HELD_OUT_WRITERS if writers is None else writers)
    digits = [d for d in load_pendigits(path) if d.writer in keep]
    total, rng = variants * len(digits), np.random.default_rng(0)
    xs, ts = [], []
    for k in range(total):  # render_set's loop, with progress and a way out
        if k % PROGRESS_EVERY == 0:
            if should_stop is not None and should_stop():
                raise Cancelled
            if progress is not None and k:
                progress(k, total)
        d = digits[k % len(digits)]
        image = render(d, rng)
        if image is not None:
            xs.append(image)
            ts.append(d.label)
    if progress is not None:
        progress(total, total)
    return (np.stack(xs) if xs else np.zeros((0, 1, 28, 28), np.float32),
            np.array(ts, np.int64))
