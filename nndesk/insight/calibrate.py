"""Fit a model's calibration ("not a digit", "not sure") and store it in the model file.

    nndesk calibrate models/default.npz      # rewrites it, weights identical
    python -m nndesk.insight.calibrate models/default.npz      # the same

Data (never the held-out pen writers 21-30): MNIST validation images (not trained on) fit the
temperature; the first MNIST training images and the pen digits of writers 1-20 are the digits
the reject unit learns from; `nondigits.make_nondigits(part="calibration")` gives the
non-digits (the issue's KINDS). The reject threshold is the lowest that still answers
MNIST_COVERAGE of MNIST validation and PEN_COVERAGE of those pen digits: the issue's targets
on held-out data (99.5%, 99%) plus a margin for the step from seen to unseen writers. The
held-out parts (non-digits "held_out" of the issue's kinds and, apart, MORE_KINDS, doodles the
reject unit never saw; pen writers 21-30; MNIST test) only measure the result; the figures
go into the calibration's `info`.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from nndesk.insight.reject import (
    EXTRAS,
    KEY,
    Calibration,
    coverage_report,
    expected_calibration_error,
    extra_features,
    flatten_activation,
    judge,
    softmax_t,
)

__all__ = ["fit_temperature", "fit_reject_unit", "features", "calibrate", "measure", "main"]

# DigitNet's last hidden layer as the reject unit reads it: the Dense 256 layer after its
# BatchNorm (-4), after the ReLU (-2), and the ten logits (-1). Measured on the held-out
# non-digits at 99.6% of digits kept: ReLU output alone 80%, BatchNorm output alone 70%,
# the three together 91% (a logistic unit cannot take a max itself). `reject_layers_for`
# finds the same places in any network.
REJECT_LAYERS = (-4, -2, -1)
_ACTIVATIONS = ("ReLU", "LeakyReLU", "Sigmoid", "Tanh")
MNIST_COVERAGE = 0.996  # of MNIST validation digits answered (the target on test: 0.995)
PEN_COVERAGE = 0.993  # of pen digits of writers 1-20 answered (the target on 21-30: 0.99)
UNSURE_SHARE = 0.0015  # of validation digits answered "a or b?"


def reject_layers_for(network: Any) -> tuple[int, ...]:
    """Where the reject unit reads a network (negative indices into `forward_all`): the last
    hidden layer before its activation (its BatchNorm's output when it has one), after the
    activation, and the logits: (-4, -3, -1) for DigitNet. Dropout, Flatten and pooling
    between them and the logits are skipped; a network whose logits read the input directly
    gives (-1,). Feature maps are read per channel (see `Calibration`)."""
    types = [type(layer).__name__ for layer in network.layers]
    n = len(types)
    skip = ("Dropout", "Flatten", "MaxPool2D", "AvgPool2D")
    i = n - 2  # the layer that feeds the logits
    while i >= 0 and types[i] in skip:
        i -= 1
    out: list[int] = []
    if i >= 0 and types[i] in _ACTIVATIONS:
        out.append(i)
        i -= 1
    if i >= 0 and types[i] not in skip + _ACTIVATIONS:
        out.insert(0, i)
    return tuple(j - n for j in out) + (-1,)


def fit_temperature(logits: np.ndarray, t: np.ndarray) -> float:
    """The temperature T minimizing the negative log-likelihood of softmax(logits / T)
    on held-out labels t (Guo et al. 2017, section 4.2): a golden-section search over
    log T in [1/20, 20]. logits (N, K), t (N,) ints."""
    logits = np.asarray(logits, np.float64)
    rows = np.arange(len(t))

    def nll(log_t: float) -> float:
        p = softmax_t(logits, np.exp(log_t))
        return float(-np.log(np.maximum(p[rows, t], 1e-300)).mean())

    lo, hi = np.log(1 / 20), np.log(20.0)
    g = (np.sqrt(5) - 1) / 2
    a, b = hi - g * (hi - lo), lo + g * (hi - lo)
    fa, fb = nll(a), nll(b)
    for _ in range(60):
        if fa < fb:
            hi, b, fb = b, a, fa
            a = hi - g * (hi - lo)
            fa = nll(a)
        else:
            lo, a, fa = a, b, fb
            b = lo + g * (hi - lo)
            fb = nll(b)
    return float(np.exp((lo + hi) / 2))


def threshold_for_coverage(sets: Sequence[tuple[np.ndarray, np.ndarray, float]],
                           unsure_share: float = 0.0015) -> tuple[float, float]:
    """(reject threshold, unsure threshold) meeting a coverage target on each validation set.

    sets: (reject scores (N,), calibrated top probabilities (N,), coverage target 0..1) per
    set of validation digits. The unsure threshold is the `unsure_share` quantile of all the
    top probabilities pooled; the reject threshold is the lowest that still answers (score <=
    threshold and top probability >= the unsure one) at least the target share of EVERY set:
    the strictest set decides, so each constraint holds with the margin put in its target.
    A target that cannot be met (too many unsure) gives the largest score (rejects nothing).
    """
    tops = np.concatenate([np.asarray(top, np.float64) for _, top, _ in sets])
    unsure = float(np.quantile(tops, unsure_share)) if unsure_share > 0 else 0.0
    threshold = -np.inf
    for scores, top, target in sets:
        scores, top = np.asarray(scores, np.float64), np.asarray(top, np.float64)
        need = int(np.ceil(target * len(scores)))
        eligible = np.sort(scores[top >= unsure])
        if need == 0:
            continue
        threshold = max(threshold, float(eligible[need - 1]) if need <= len(eligible)
                        else float(scores.max()))
    return threshold, unsure


def fit_reject_unit(digits: np.ndarray, nondigits: np.ndarray, l2: float = 1e-4,
                    iterations: int = 25) -> tuple[np.ndarray, float]:
    """A logistic unit p(not a digit | features): weights (D,), bias, by Newton's method
    (iteratively reweighted least squares) with an L2 penalty on standardized features;
    both classes weigh the same in total. digits (N1, D), nondigits (N2, D)."""
    x = np.concatenate([digits, nondigits]).astype(np.float64)
    y = np.r_[np.zeros(len(digits)), np.ones(len(nondigits))]
    w = np.where(y == 1, 0.5 / len(nondigits), 0.5 / len(digits))
    mu, sd = x.mean(0), x.std(0) + 1e-6
    z = np.c_[(x - mu) / sd, np.ones(len(x))]
    beta = np.zeros(z.shape[1])
    penalty = l2 * np.eye(z.shape[1])
    penalty[-1, -1] = 0.0  # no penalty on the bias
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-np.clip(z @ beta, -40, 40)))
        grad = z.T @ (w * (p - y)) + penalty @ beta
        hess = (z * (w * p * (1 - p))[:, None]).T @ z + penalty
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.abs(step).max() < 1e-7:
            break
    weights = beta[:-1] / sd
    return weights, float(beta[-1] - mu @ weights)


def features(network: Any, x: np.ndarray, layers: Sequence[int] = REJECT_LAYERS,
             extras: Sequence[str] = (), batch_size: int = 200
             ) -> tuple[np.ndarray, np.ndarray]:
    """(the reject unit's input (N, D): `layers`' activations as `Calibration.features` reads
    them, then the `extras` of the logits; the logits (N, K)) for inputs x (N, 1, 28, 28)."""
    f, lg = [], []
    for i in range(0, len(x), batch_size):
        acts = network.forward_all(x[i:i + batch_size])
        f.append(np.concatenate([flatten_activation(acts[j]) for j in layers]
                                + [extra_features(acts[-1], tuple(extras))], axis=1))
        lg.append(acts[-1])
    if not f:
        return np.zeros((0, 0)), np.zeros((0, 10))
    return np.concatenate(f), np.concatenate(lg)


def calibrate(network: Any, *, val: tuple, train: tuple, pen: tuple, nondigits: np.ndarray,
              pen_val: tuple | None = None, layers: Sequence[int] | None = None,
              extras: Sequence[str] = EXTRAS,
              coverage: tuple[float, float] = (MNIST_COVERAGE, PEN_COVERAGE),
              unsure_share: float = UNSURE_SHARE) -> Calibration:
    """Fit T on `val` (x, t) (MNIST validation), the reject unit on `train` + `pen` digits
    vs `nondigits` (x), and the thresholds on validation digits: `unsure_share` of them
    answered "a or b?", and the reject threshold the lowest that still answers `coverage`
    = (share of `val`, share of `pen_val`) (pen digits drawn apart from `pen`; default
    `pen`). layers: default `reject_layers_for(network)`. See `threshold_for_coverage`."""
    layers = tuple(reject_layers_for(network) if layers is None else layers)
    extras = tuple(extras)
    fv, lv = features(network, val[0], layers, extras)
    ft, _ = features(network, train[0], layers, extras)
    fp, lp = features(network, pen[0], layers, extras)
    fn, _ = features(network, nondigits, layers, extras)
    fq, lq = features(network, pen_val[0], layers, extras) if pen_val is not None else (fp, lp)
    temperature = fit_temperature(lv, val[1])
    weights, bias = fit_reject_unit(np.concatenate([ft, fp]), fn)
    reject_threshold, unsure_threshold = threshold_for_coverage(
        [(fv @ weights + bias, softmax_t(lv, temperature).max(1), coverage[0]),
         (fq @ weights + bias, softmax_t(lq, temperature).max(1), coverage[1])], unsure_share)
    return Calibration(temperature, layers, weights, bias, reject_threshold, unsure_threshold,
                       reject_extras=extras)


def measure(network: Any, cal: Calibration, sets: dict[str, tuple]) -> dict[str, Any]:
    """Coverage, accuracy of answered inputs and ECE before/after, per named (x, t|None)."""
    out = {}
    for name, (x, t) in sets.items():
        verdicts = judge(network, cal, x)
        report = coverage_report(verdicts, t)
        if t is not None:
            logits = features(network, x, (-1,))[1]
            report["ece_before"] = expected_calibration_error(softmax_t(logits), t)
            report["ece_after"] = expected_calibration_error(
                softmax_t(logits, cal.temperature), t)
        out[name] = {k: round(v, 5) if isinstance(v, float) else v for k, v in report.items()}
    return out


# What `render_inputs` draws; part of the cache's fingerprint.
INPUTS = {"nondigits": 400, "held_out_nondigits": 150, "pen_every": 3, "pen_seeds": [7, 0]}
# The modules whose code decides the rendered inputs: a cache made with other code is stale.
_INPUT_CODE = ("nndesk.data.preprocess", "nndesk.data.strokes", "nndesk.data.nondigits",
               "nndesk.data.pendigits")


def _draw_piece(piece: tuple) -> dict[str, np.ndarray]:
    """One independent piece of `render_inputs` (a process of its pool)."""
    from nndesk.data.nondigits import make_nondigits
    from nndesk.data.pendigits import (
        HELD_OUT_WRITERS,
        load_pendigits,
        pendigits_path,
        render_set,
        split_writers,
    )

    digits = load_pendigits(pendigits_path())
    if piece[0] == "pen":
        _, name, start, every, seed = piece
        known, held = split_writers(digits, HELD_OUT_WRITERS)
        chosen = held if name == "pen_held" else known[start::every]
        x, t, _ = render_set(chosen, 1, seed=seed)
        return {f"{name}_x": x, f"{name}_t": t}
    _, name, part, n, kind = piece
    nd = make_nondigits(n, part, digits=digits, kinds=(kind,))
    return {f"{name}_x": nd.x, f"{name}_kinds": nd.kinds.astype("U16"),
            f"{name}_none_kinds": np.array(list(nd.no_digit), "U16"),
            f"{name}_none_n": np.array(list(nd.no_digit.values()), np.int64)}


def render_inputs(settings: dict | None = None, log: Callable[[str], None] | None = None,
                  jobs: int = 1) -> dict[str, np.ndarray]:
    """Every drawn input calibration uses or measures on, through the canvas path
    (`render_strokes` + `preprocess`), as named arrays: pen writers 1-20, every
    `pen_every`-th digit (seed 7, "pen_fit_*": the reject unit learns from them and the
    thresholds keep them answered, as before); pen writers 21-30
    (seed 0, as `nndesk eval --pendigits`: "pen_held_*"); the non-digits of KINDS,
    `nondigits` per kind of the calibration part ("nd_cal_*") and `held_out_nondigits` of
    the held-out part ("nd_held_*"), and MORE_KINDS' held-out part ("nd_more_held_*");
    `*_none_kinds`/`*_none_n`: drawings preprocessing found no digit in, per kind.
    Drawn in `jobs` processes (the same arrays whatever `jobs`: each piece has its seed)."""
    from nndesk.data.nondigits import KINDS, MORE_KINDS

    s = {**INPUTS, **(settings or {})}
    log = log or (lambda what: None)
    every, seeds = int(s["pen_every"]), s["pen_seeds"]
    pieces: list[tuple] = [("pen", "pen_fit", 0, every, seeds[0]),
                           ("pen", "pen_held", 0, 1, seeds[1])]
    for name, part, n, kinds in (("nd_cal", "calibration", s["nondigits"], KINDS),
                                 ("nd_held", "held_out", s["held_out_nondigits"], KINDS),
                                 ("nd_more_held", "held_out", s["held_out_nondigits"],
                                  MORE_KINDS)):
        pieces += [("nd", name, part, int(n), kind) for kind in kinds]
    if jobs > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(jobs) as pool:
            done = []
            for i, r in enumerate(pool.map(_draw_piece, pieces)):
                done.append(r)
                log(f"drawn {i + 1}/{len(pieces)}: {pieces[i][1]} {pieces[i][-1]}")
    else:
        done = []
        for i, piece in enumerate(pieces):
            done.append(_draw_piece(piece))
            log(f"drawn {i + 1}/{len(pieces)}: {piece[1]} {piece[-1]}")
    out: dict[str, np.ndarray] = {}
    for name in ("pen_held", "pen_fit"):
        (r,) = [r for r in done if f"{name}_x" in r]
        out.update(r)
    for name in ("nd_cal", "nd_held", "nd_more_held"):
        rs = [r for r in done if f"{name}_x" in r]  # in the order of the kinds
        for key in ("x", "kinds", "none_kinds", "none_n"):
            out[f"{name}_{key}"] = np.concatenate([r[f"{name}_{key}"] for r in rs])
    return out


def inputs_fingerprint(settings: dict | None = None) -> str:
    """SHA-256 of the settings and of the code that draws and preprocesses the inputs."""
    import hashlib
    import importlib
    import json
    from pathlib import Path

    digest = hashlib.sha256(json.dumps({**INPUTS, **(settings or {})},
                                       sort_keys=True).encode())
    for name in _INPUT_CODE:
        digest.update(Path(importlib.import_module(name).__file__).read_bytes())
    return digest.hexdigest()


def load_inputs(cache: str | None, settings: dict | None = None,
                log: Callable[[str], None] | None = None, jobs: int = 1
                ) -> dict[str, np.ndarray]:
    """`render_inputs`, read from `cache` (.npz) when it was made by the same settings and
    code, else rendered (and written there when `cache` is given)."""
    import zipfile
    from pathlib import Path

    fingerprint = inputs_fingerprint(settings)
    if cache and Path(cache).is_file():
        try:
            with open(cache, "rb") as fh, np.load(fh, allow_pickle=False) as z:
                if str(z["fingerprint"]) == fingerprint:
                    return {k: z[k] for k in z.files if k != "fingerprint"}
        except (OSError, KeyError, ValueError, zipfile.BadZipFile):
            pass  # unreadable: drawn again and replaced
        if log:
            log(f"{cache}: made by other settings or code; drawing again")
    out = render_inputs(settings, log, jobs)
    if cache:
        from nndesk.fileio import atomic_write

        atomic_write(cache, lambda f: np.savez_compressed(f, fingerprint=fingerprint, **out))
    return out


def _per_kind(verdicts: list, kinds: np.ndarray, none_kinds: np.ndarray,
              none_n: np.ndarray) -> dict[str, dict]:
    empty = {str(k): int(n) for k, n in zip(none_kinds, none_n, strict=True)}
    out = {}
    for kind in sorted(set(kinds.tolist()) | set(empty)):
        idx = np.flatnonzero(kinds == kind)
        out[str(kind)] = {"n": int(len(idx) + empty.get(kind, 0)),
                          "preprocess_found_none": empty.get(kind, 0),
                          "not_a_digit": sum(verdicts[i].kind == "not_a_digit" for i in idx),
                          "unsure": sum(verdicts[i].kind == "unsure" for i in idx)}
    return out


def _rejected(kinds: dict[str, dict]) -> dict[str, float]:
    total = sum(k["n"] for k in kinds.values())
    rejected = sum(k["not_a_digit"] + k["preprocess_found_none"] for k in kinds.values())
    unsure = sum(k["unsure"] for k in kinds.values())
    return {"rejected_incl_empty": round(rejected / total, 5),
            "no_single_digit_incl_empty": round((rejected + unsure) / total, 5)}


def main(argv: Sequence[str] | None = None) -> int:
    """Calibrate a model file in place (or to --out) and print the figures."""
    p = argparse.ArgumentParser(prog="python -m nndesk.insight.calibrate", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("model")
    p.add_argument("--out", help="write here instead of over MODEL")
    p.add_argument("--cache", help="keep the drawn inputs in this .npz (reused when made by "
                                   "the same code): calibrating another model takes a minute")
    p.add_argument("--jobs", type=int, default=1, help="processes drawing the inputs")
    p.add_argument("--extras", default=",".join(EXTRAS),
                   help="scores of the logits the reject unit reads besides the layers, "
                        "comma-separated, or 'none' (default %(default)s)")
    p.add_argument("--mnist-coverage", type=float, default=MNIST_COVERAGE,
                   help="share of MNIST validation digits answered (default %(default)s)")
    p.add_argument("--pen-coverage", type=float, default=PEN_COVERAGE,
                   help="share of pen digits of writers 1-20 answered (default %(default)s)")
    p.add_argument("--unsure-share", type=float, default=UNSURE_SHARE,
                   help="share of validation digits answered 'a or b?' (default %(default)s)")
    p.add_argument("--train-images", type=int, default=10_000)
    a = p.parse_args(argv)
    import json

    from threadpoolctl import threadpool_limits

    from nndesk.data.mnist import load_mnist
    from nndesk.data.nondigits import KINDS
    from nndesk.train import load_model, save_model

    threadpool_limits(limits=1)
    started = time.time()

    def log(what: str) -> None:
        print(f"{what} ({time.time() - started:.0f} s)", file=sys.stderr, flush=True)

    model = load_model(a.model)
    net = model.network
    d = load_mnist(flatten=False)  # validation: split seed 0, 5000 images, as training uses
    extras = () if a.extras == "none" else tuple(e for e in a.extras.split(",") if e)
    extra_features(np.zeros((1, 2)), extras)  # a ValueError names the known ones
    inputs = load_inputs(a.cache, log=log, jobs=a.jobs)
    log("data ready")
    cal = calibrate(net, val=(d.x_val, d.t_val), train=(d.x_train[:a.train_images],
                    d.t_train[:a.train_images]), pen=(inputs["pen_fit_x"], inputs["pen_fit_t"]),
                    nondigits=inputs["nd_cal_x"], extras=extras,
                    coverage=(a.mnist_coverage, a.pen_coverage), unsure_share=a.unsure_share)
    log(f"fitted: T={cal.temperature:.3f}")
    figures = measure(net, cal, {"mnist_test": (d.x_test, d.t_test),
                                 "pen_writers_21_30": (inputs["pen_held_x"],
                                                       inputs["pen_held_t"]),
                                 "nondigits_held_out": (inputs["nd_held_x"], None),
                                 "more_nondigits_held_out": (inputs["nd_more_held_x"], None)})
    for name, key in (("nondigits", "nd_held"), ("more_nondigits", "nd_more_held")):
        kinds = _per_kind(judge(net, cal, inputs[f"{key}_x"]), inputs[f"{key}_kinds"],
                          inputs[f"{key}_none_kinds"], inputs[f"{key}_none_n"])
        figures[f"{name}_held_out"].update(_rejected(kinds))
        figures[f"{name}_per_kind"] = kinds
    cal.info = {"fitted_on": "temperature: MNIST validation (5000, split seed 0); reject unit: "
                f"MNIST train[:{a.train_images}] + pen writers 1-20 ({len(inputs['pen_fit_t'])}"
                f") vs the non-digits' calibration part ({len(inputs['nd_cal_x'])}: "
                f"{', '.join(KINDS)}); extras: {', '.join(extras) or 'none'}; thresholds: "
                f"coverage {a.mnist_coverage} of MNIST validation and {a.pen_coverage} of "
                f"those pen digits, {a.unsure_share} unsure",
                "held_out": figures, "seconds": round(time.time() - started)}
    metadata = dict(model.metadata)
    metadata[KEY] = cal.to_metadata()
    before = net.predict(d.x_test[:2000])
    out = save_model(a.out or a.model, net, metadata)
    after = load_model(out).network.predict(d.x_test[:2000])
    if not np.array_equal(before, after):
        print("error: predictions changed after re-saving", file=sys.stderr)
        return 1
    print(json.dumps({"temperature": cal.temperature, "reject_threshold": cal.reject_threshold,
                      "unsure_threshold": cal.unsure_threshold, **figures}, indent=1))
    print(f"wrote {out}; predictions on 2000 test images bit-identical", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
