"""Two readers of one drawing: the image model (offline) and the trajectory model (online).

They make different mistakes: the image loses the stroke order, the trajectory loses how the
ink looks when it is done. Their answers are combined by a weighted average of
log-probabilities (a product of experts; Kittler et al. 1998, "On combining classifiers",
the product rule; Vinciarelli 2002 surveys it for handwriting), renormalized:

    log p(c) = (1 - w) log p_image(c) + w log p_trajectory(c) + const.

The weight `w` is chosen on pen-digit writers the trajectory model was not trained on and the
held-out writers 21-30 are only measured (`fit_weight`, `python -m nndesk.insight.combined`).
Never imports Qt.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from nndesk.insight.reject import DIGIT, NOT_A_DIGIT, UNSURE, Verdict, judge, softmax_t

__all__ = ["COMBINATION_KEY", "DEFAULT_WEIGHT", "combine", "fit_weight", "TrajectoryReader",
           "CombinedRecognizer", "Recognition", "combined_verdict", "trajectory_model_path",
           "evaluate_combined"]

COMBINATION_KEY = "combination"  # the trajectory model's metadata: the weight and its story
DEFAULT_WEIGHT = 0.5             # without a fitted weight: the plain average of log-probs
FLOOR = 1e-12                    # probabilities are clipped here before the log
WEIGHTS = np.round(np.linspace(0.0, 1.0, 21), 2)  # the grid fit_weight searches


def trajectory_model_path() -> Path:
    """The shipped trajectory model (models/trajectory.npz); `NNDESK_TRAJECTORY_MODEL` overrides."""
    from nndesk.paths import models_dir

    env = os.environ.get("NNDESK_TRAJECTORY_MODEL")
    return Path(env) if env else models_dir() / "trajectory.npz"


def combine(p_image: np.ndarray, p_trajectory: np.ndarray, weight: float) -> np.ndarray:
    """(N, 10) and (N, 10) probabilities -> (N, 10): softmax((1-w) log p_image + w log p_traj).

    weight 0 gives the image model's answer, 1 the trajectory model's. Raises ValueError for
    a weight outside [0, 1] or shapes that differ.
    """
    if not 0.0 <= weight <= 1.0:
        raise ValueError(f"the combination weight must be in [0, 1], not {weight}")
    p_image, p_trajectory = np.asarray(p_image, np.float64), np.asarray(p_trajectory, np.float64)
    if p_image.shape != p_trajectory.shape:
        raise ValueError(f"probabilities of shape {p_image.shape} and {p_trajectory.shape}")
    z = ((1 - weight) * np.log(np.clip(p_image, FLOOR, 1))
         + weight * np.log(np.clip(p_trajectory, FLOOR, 1)))
    return softmax_t(z)


def fit_weight(p_image: np.ndarray, p_trajectory: np.ndarray, t: np.ndarray,
               weights: Sequence[float] = tuple(WEIGHTS)) -> tuple[float, list[dict]]:
    """The weight in `weights` with the lowest mean negative log-likelihood of labels `t` (N,),
    and a table [{"weight", "nll", "accuracy"}]. Log-likelihood rather than accuracy: on a
    few hundred digits many weights tie on accuracy, the likelihood still separates them."""
    table = []
    for w in weights:
        p = combine(p_image, p_trajectory, float(w))
        table.append({"weight": float(w),
                      "nll": float(-np.log(np.clip(p[np.arange(len(t)), t], FLOOR, 1)).mean()),
                      "accuracy": float((p.argmax(1) == t).mean())})
    best = min(table, key=lambda row: (row["nll"], abs(row["weight"] - 0.5)))
    return best["weight"], table


def combined_verdict(image: Verdict | None, p_trajectory: np.ndarray | None, weight: float,
                     unsure_threshold: float = 0.0) -> Verdict | None:
    """One drawing's combined answer from the image model's verdict and the trajectory
    model's probabilities (10,); either may be None (no digit in the image, no model).

    "Not a digit" is the image model's call (the trajectory model has no reject unit); else
    the combined top probability below `unsure_threshold` (the image calibration's) is UNSURE.
    """
    if image is not None and image.kind == NOT_A_DIGIT:
        return image
    if p_trajectory is None:
        return image
    if image is None:
        p = np.asarray(p_trajectory, np.float64)
    else:
        p = combine(image.probabilities[None], np.asarray(p_trajectory)[None], weight)[0]
    order = np.argsort(-p, kind="stable")
    score = image.reject_score if image is not None else float("nan")  # the image model's
    if p[order[0]] < unsure_threshold:
        return Verdict(UNSURE, None, (int(order[0]), int(order[1])), p, score)
    return Verdict(DIGIT, int(order[0]), (int(order[0]),), p, score)


class TrajectoryReader:
    """A trajectory model file: strokes in, ten probabilities out.

    `model` is a `train.ModelFile` whose metadata has `trajectory.TRAJECTORY_KEY` (written by
    `nndesk train --dataset pendigits`); raises ValueError for any other model. Not
    thread-safe (one network): a second thread loads its own reader.
    """

    def __init__(self, model) -> None:
        from nndesk.data.trajectory import TRAJECTORY_KEY

        info = model.metadata.get(TRAJECTORY_KEY) if isinstance(model.metadata, dict) else None
        if not isinstance(info, dict) or not isinstance(info.get("length"), int):
            raise ValueError("not a trajectory model (its metadata does not say which "
                             "sequences it reads); train one with --dataset pendigits")
        self.model, self.network, self.length = model, model.network, info["length"]
        self.input_shape = tuple(model.spec["input_shape"])
        combo = model.metadata.get(COMBINATION_KEY)
        weight = combo.get("weight") if isinstance(combo, dict) else None
        ok = isinstance(weight, (int, float)) and 0 <= weight <= 1
        self.weight = float(weight) if ok else DEFAULT_WEIGHT

    @classmethod
    def load(cls, path: str | os.PathLike | None = None) -> TrajectoryReader:
        """Read a trajectory model file (default: `trajectory_model_path()`). Raises
        `ModelFileError` for a bad file and ValueError for an image model."""
        from nndesk.train import load_model

        return cls(load_model(path or trajectory_model_path()))

    def sequences(self, strokes_list: Sequence[Sequence]) -> tuple[np.ndarray, np.ndarray]:
        """`to_sequence` of each drawing, shaped for the network: (M, *input_shape) and the
        indices (M,) of the drawings that had ink."""
        from nndesk.data.trajectory import to_sequence

        seqs, keep = [], []
        for i, strokes in enumerate(strokes_list):
            s = to_sequence(strokes, self.length)
            if s is not None:
                seqs.append(s.reshape(self.input_shape))
                keep.append(i)
        x = np.stack(seqs) if seqs else np.zeros((0, *self.input_shape), np.float32)
        return x, np.array(keep, np.int64)

    def predict(self, x: np.ndarray) -> np.ndarray:
        """Sequences (N, *input_shape) -> probabilities (N, 10)."""
        return self.network.predict(np.asarray(x, np.float32).reshape(len(x), *self.input_shape))

    def probabilities(self, strokes: Sequence) -> np.ndarray | None:
        """One drawing's strokes ((n, 2) or (n, 3) points, y down) -> (10,), None without ink."""
        x, keep = self.sequences([strokes])
        return self.predict(x)[0] if len(keep) else None


@dataclass
class Recognition:
    """One drawing read by both models: each one's answer and the combined one."""

    image: Verdict | None            # None: preprocessing found no digit in the bitmap
    trajectory: np.ndarray | None    # (10,) probabilities, None without a trajectory model
    combined: Verdict | None
    weight: float

    def to_json(self) -> dict:
        """The fields `nndesk predict --strokes --json` prints beside "file"."""
        def probs(p):
            return None if p is None else [round(float(v), 6) for v in p]

        comb = self.combined
        return {"label": None if comb is None else int(np.argmax(comb.probabilities)),
                "probabilities": probs(None if comb is None else comb.probabilities),
                "answer": None if comb is None else comb.to_json(),
                "models": {
                    "image": None if self.image is None else {
                        "label": int(np.argmax(self.image.probabilities)),
                        "probabilities": probs(self.image.probabilities),
                        "answer": self.image.to_json()},
                    "trajectory": None if self.trajectory is None else {
                        "label": int(np.argmax(self.trajectory)),
                        "probabilities": probs(self.trajectory)},
                    "weight": self.weight}}


class CombinedRecognizer:
    """The image model (a `train.ModelFile`, its calibration if any) and a `TrajectoryReader`
    (or None: the image model alone). Any image model works; the weight is the trajectory
    model's (fitted with the image model its metadata names)."""

    def __init__(self, image_model, trajectory: TrajectoryReader | None,
                 weight: float | None = None) -> None:
        from nndesk.insight.reject import Calibration

        self.image_model, self.trajectory = image_model, trajectory
        self.calibration = Calibration.from_metadata(image_model.metadata)
        self.weight = (weight if weight is not None else
                       trajectory.weight if trajectory is not None else 0.0)

    def image_verdicts(self, x: np.ndarray) -> list[Verdict]:
        """Image verdicts of (N, 1, 28, 28) inputs (calibrated when the file has one)."""
        shape = tuple(self.image_model.spec["input_shape"])
        return judge(self.image_model.network, self.calibration, x.reshape(len(x), *shape))

    def recognize(self, strokes_list: Sequence[Sequence]) -> list[Recognition]:
        """Each drawing (strokes in canvas pixels, y down, optional times) read by both models:
        rendered as the canvas renders and preprocessed (the image), resampled (the path)."""
        from nndesk.data.preprocess import preprocess
        from nndesk.data.strokes import render_strokes

        images, has_image = [], []
        for strokes in strokes_list:
            xy = [np.asarray(s, np.float64)[:, :2] for s in strokes if len(s)]
            x = preprocess(render_strokes(xy)) if xy else None
            has_image.append(x is not None)
            if x is not None:
                images.append(x)
        verdicts = iter(self.image_verdicts(np.stack(images)) if images else [])
        p_traj: list[np.ndarray | None] = [None] * len(strokes_list)
        if self.trajectory is not None:
            x, keep = self.trajectory.sequences(strokes_list)
            for i, p in zip(keep, self.trajectory.predict(x) if len(keep) else [], strict=True):
                p_traj[i] = p
        unsure = self.calibration.unsure_threshold if self.calibration is not None else 0.0
        out = []
        for ok, p in zip(has_image, p_traj, strict=True):
            image = next(verdicts) if ok else None
            out.append(Recognition(image, p, combined_verdict(image, p, self.weight, unsure),
                                   self.weight))
        return out


def evaluate_combined(recognizer: CombinedRecognizer, digits: Sequence, seed: int = 0,
                      weights: Sequence[float] | None = None) -> dict:
    """Accuracy of the image model, the trajectory model and their combination on pen digits
    (`pendigits.PenDigit`s), each drawn once on the canvas (`to_canvas`, random size, place and
    pen width, as `evaluate_pendigits` does with the same seed) and read as a user's drawing.

    Returns {"n", "writers", "no_digit", "image", "trajectory", "combined", "per_writer",
    "probabilities": {"image", "trajectory"} (N, 10), "labels"}; with `weights`, also
    "by_weight" (fit_weight's table). A drawing the image model finds no digit in counts as
    wrong for it (and for the combination when the trajectory model is absent).
    """
    from nndesk.data.pendigits import PEN_WIDTH, WIDTH_RANGE, to_canvas
    from nndesk.data.preprocess import preprocess
    from nndesk.data.strokes import render_strokes

    rng = np.random.default_rng(seed)
    images, found, drawings = [], [], []
    for d in digits:  # the draws in render()'s order: the pen width, then the placement
        width = PEN_WIDTH * rng.uniform(*WIDTH_RANGE)
        strokes = to_canvas(d, rng)
        x = preprocess(render_strokes(strokes, width=width))
        found.append(x is not None)
        if x is not None:
            images.append(x)
        drawings.append(strokes)
    found = np.array(found, bool)
    image = np.full((len(digits), 10), 0.1)  # no digit found: no preference
    if images:
        image[found] = [v.probabilities for v in recognizer.image_verdicts(np.stack(images))]
    labels, writers = [d.label for d in digits], [d.writer for d in digits]
    t, w = np.array(labels), np.array(writers)
    result = {"n": len(t), "writers": sorted({int(k) for k in w}),
              "no_digit": int(len(t) - sum(found))}
    right = {"image": (image.argmax(1) == t) & found}
    traj = None
    if recognizer.trajectory is not None:
        x, keep = recognizer.trajectory.sequences(drawings)
        traj = np.full((len(t), 10), 0.1)
        traj[keep] = recognizer.trajectory.predict(x)
        right["trajectory"] = traj.argmax(1) == t
        comb = combine(image, traj, recognizer.weight)
        right["combined"] = comb.argmax(1) == t
        if weights is not None:
            result["by_weight"] = fit_weight(image, traj, t, weights)[1]
    for name, r in right.items():
        result[name] = float(r.mean()) if len(t) else float("nan")
    result["per_writer"] = {int(k): {name: float(r[w == k].mean()) for name, r in right.items()}
                            for k in np.unique(w)}
    result["probabilities"] = {"image": image, "trajectory": traj}
    result["labels"] = t
    return result


def _writers(text: str) -> list[int]:
    parts = [p.split("-") for p in text.split(",")]
    return [w for p in parts for w in range(int(p[0]), int(p[-1]) + 1)]


def main(argv: Sequence[str] | None = None) -> int:
    """`python -m nndesk.insight.combined fit|measure TRAJECTORY_MODEL [--image-model M]`.

    fit: choose the weight on pen writers the trajectory model was not trained on (default
    its validation writers, 17-20; writers 21-30 are refused) and write it, with the table and
    the image model's name and SHA-256, into the trajectory model's metadata (same weights).
    measure: the image model, the trajectory model and the combination on writers (default
    21-30), each digit drawn once as `nndesk eval --pendigits` draws it (seed 0); with
    --backwards, each stroke traced from its other end (`trajectory.traced_backwards`: the
    same ink, the pen moving the other way, as writers who draw a 0 clockwise do).
    """
    import argparse
    import hashlib
    import json
    import time

    from threadpoolctl import threadpool_limits

    from nndesk.data.pendigits import HELD_OUT_WRITERS, load_pendigits, pendigits_path
    from nndesk.fileio import printable
    from nndesk.paths import default_model_path
    from nndesk.train import load_model, save_model

    p = argparse.ArgumentParser(prog="python -m nndesk.insight.combined",
                                description=main.__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("what", choices=("fit", "measure"))
    p.add_argument("model", help="the trajectory model (.npz)")
    p.add_argument("--image-model", help="default: the shipped models/default.npz")
    p.add_argument("--writers", help="fit: default the model's validation writers; "
                                     "measure: default 21-30")
    p.add_argument("--backwards", action="store_true",
                   help="measure: every stroke traced from its other end")
    p.add_argument("--json", action="store_true")
    a = p.parse_args(argv)
    if a.backwards and a.what == "fit":
        p.error("--backwards only measures; fit on the digits as written")
    threadpool_limits(limits=1)
    started = time.time()
    image_path = Path(a.image_model) if a.image_model else default_model_path()
    traj = load_model(a.model)
    reader = TrajectoryReader(traj)
    from nndesk.data.trajectory import TRAJECTORY_KEY

    if a.writers:
        writers = _writers(a.writers)
    elif a.what == "fit":
        writers = list(traj.metadata[TRAJECTORY_KEY].get("validation_writers") or [])
    else:
        writers = list(HELD_OUT_WRITERS)
    trained = set(traj.metadata[TRAJECTORY_KEY].get("train_writers") or [])
    if a.what == "fit" and (not writers or set(writers) & (set(HELD_OUT_WRITERS) | trained)):
        p.error(f"fit on writers the trajectory model was not trained on and that are not "
                f"held out (21-30); it was trained on {sorted(trained)}")
    source = pendigits_path()
    if not source.is_file():
        p.error(f"no pen digits at {printable(source)}: put pendigits-orig.tra there, beside "
                f"the MNIST folder, or name the file in NNDESK_PENDIGITS")
    digits = [d for d in load_pendigits(source) if d.writer in set(writers)]
    if a.backwards:
        from nndesk.data.trajectory import traced_backwards

        digits = [dataclasses.replace(d, strokes=tuple(traced_backwards(d.strokes)))
                  for d in digits]
    recognizer = CombinedRecognizer(load_model(image_path), reader)
    result = evaluate_combined(recognizer, digits, weights=list(WEIGHTS))
    summary = {k: result[k] for k in ("n", "writers", "no_digit", "image", "trajectory",
                                       "combined")}
    summary["weight"] = recognizer.weight
    summary["backwards"] = a.backwards
    summary["per_writer"] = result["per_writer"]
    if a.what == "fit":
        t = result["labels"]
        weight, table = fit_weight(result["probabilities"]["image"],
                                   result["probabilities"]["trajectory"], t)
        digest = hashlib.sha256(image_path.read_bytes()).hexdigest()
        combo = {"weight": weight, "rule": "softmax((1-w) log p_image + w log p_trajectory)",
                 "chosen_by": "lowest mean negative log-likelihood",
                 "fitted_on_writers": writers, "n": int(len(t)),
                 "image_model": {"name": image_path.name, "sha256": digest},
                 "table": [{k: round(v, 5) for k, v in row.items()} for row in table]}
        save_model(a.model, traj.network, {**traj.metadata, COMBINATION_KEY: combo})
        again = TrajectoryReader(load_model(a.model))
        x = np.zeros((1, *again.input_shape), np.float32)
        assert np.array_equal(again.predict(x), reader.predict(x)), "weights changed"
        summary = {**summary, "fitted_weight": weight, "table": combo["table"]}
    summary["time_s"] = round(time.time() - started, 1)
    if a.json:
        print(json.dumps(summary))
        return 0
    way = ", each stroke traced backwards" if a.backwards else ""
    print(f"{printable(a.what)} on pen writers {writers[0]}-{writers[-1]}{way} "
          f"({summary['n']} digits, {summary['no_digit']} without a digit found in the image)")
    for name in ("image", "trajectory", "combined"):
        print(f"  {name:10s} {summary[name]:.2%}")
    if a.what == "fit":
        print(f"weight {summary['fitted_weight']:g} written into {printable(a.model)}")
        for row in summary["table"]:
            print(f"  w={row['weight']:.2f}  nll {row['nll']:.4f}  accuracy {row['accuracy']:.2%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
