"""Which "not a digit" reject unit: variants compared on the same cached inputs.

    NNDESK_DATA_DIR=../shared/data/mnist .venv/bin/python benchmarks/reject_study.py \
        models/default.npz --inputs drawn.npz --cache feats_default.npz

Inputs: the drawings `nndesk calibrate MODEL --cache drawn.npz` keeps
(`nndesk.insight.calibrate.render_inputs`). Variants are chosen on the VALIDATION part of
the calibration non-digits (the last quarter of each kind's calibration drawings, never fitted
on) and on validation digits (MNIST validation; pen writers 1-20 as `nndesk calibrate` uses
them); the held-out columns (pen writers 21-30, MNIST test, held-out non-digits) are printed for the
record, never used to choose.
"""

from __future__ import annotations

import argparse
import sys
import time

import numpy as np

from nndesk.insight.calibrate import (
    fit_reject_unit,
    fit_temperature,
    reject_layers_for,
    threshold_for_coverage,
)
from nndesk.insight.reject import EXTRAS, extra_features, flatten_activation, softmax_t


def raw_features(net, x: np.ndarray, layers: tuple[int, ...]) -> list[np.ndarray]:
    outs: list[list[np.ndarray]] = [[] for _ in layers]
    for i in range(0, len(x), 200):
        acts = net.forward_all(x[i:i + 200])
        for k, j in enumerate(layers):
            outs[k].append(flatten_activation(acts[j]).astype(np.float32))
    return [np.concatenate(o) for o in outs]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("model")
    p.add_argument("--inputs", nargs="+", required=True)
    p.add_argument("--cache", required=True)
    p.add_argument("--train-images", type=int, default=10_000)
    a = p.parse_args(argv)
    from pathlib import Path

    from nndesk.data.mnist import load_mnist
    from nndesk.train import load_model

    started = time.time()
    net = load_model(a.model).network
    layers = reject_layers_for(net)
    inputs: dict[str, np.ndarray] = {}
    for f in a.inputs:
        with np.load(f) as z:
            inputs.update({k: z[k] for k in z.files})
    if Path(a.cache).is_file():
        with np.load(a.cache) as z:
            feats = {k: z[k] for k in z.files}
    else:
        d = load_mnist(flatten=False)
        sets = {"mnist_val": d.x_val, "mnist_train": d.x_train[:a.train_images],
                "mnist_test": d.x_test, "pen_fit": inputs["pen_fit_x"],
                "pen_held": inputs["pen_held_x"],
                "nd_cal": inputs["nd_cal_x"], "nd_held": inputs["nd_held_x"],
                "nd_more_held": inputs["nd_more_held_x"]}
        feats = {"mnist_val_t": d.t_val, "mnist_train_t": d.t_train[:a.train_images],
                 "mnist_test_t": d.t_test}
        for name, x in sets.items():
            for k, f in enumerate(raw_features(net, x, layers)):
                feats[f"{name}_{k}"] = f
            print(f"{name} ({time.time() - started:.0f} s)", file=sys.stderr, flush=True)
        np.savez(a.cache, **feats)
    n_parts = len(layers)

    def F(name: str, parts: tuple[int, ...], extras: tuple[str, ...]) -> np.ndarray:
        cols = [feats[f"{name}_{k}"].astype(np.float64) for k in parts]
        logits = feats[f"{name}_{n_parts - 1}"]
        return np.concatenate(cols + [extra_features(logits, extras)], axis=1)

    def logits(name: str) -> np.ndarray:
        return feats[f"{name}_{n_parts - 1}"].astype(np.float64)

    # calibration non-digits: per kind, the first 3/4 fit, the last 1/4 validate
    kinds = inputs["nd_cal_kinds"]
    val_nd = np.zeros(len(kinds), bool)
    for k in np.unique(kinds):
        idx = np.flatnonzero(kinds == k)
        val_nd[idx[int(0.75 * len(idx)):]] = True
    held_kinds = inputs["nd_held_kinds"]
    none_held = dict(zip(inputs["nd_held_none_kinds"], inputs["nd_held_none_n"], strict=True))
    n_held_total = len(held_kinds) + sum(none_held.values())
    temperature = fit_temperature(logits("mnist_val"), feats["mnist_val_t"])
    pen_t = {"pen_fit": inputs["pen_fit_t"], "pen_held": inputs["pen_held_t"]}
    print(f"layers {layers}, T={temperature:.3f}; nd fit {int((~val_nd).sum())}, "
          f"nd val {int(val_nd.sum())}, held {len(held_kinds)} (+{sum(none_held.values())} "
          f"empty)")

    def run(label: str, parts: tuple[int, ...], extras: tuple[str, ...], l2: float,
            cov_mnist: float, cov_pen: float, unsure: float, nd_fit: np.ndarray,
            per_kind: bool = False) -> None:
        w, b = fit_reject_unit(np.concatenate([F("mnist_train", parts, extras),
                                               F("pen_fit", parts, extras)]),
                               F("nd_cal", parts, extras)[nd_fit], l2=l2)

        def score(name: str) -> np.ndarray:
            return F(name, parts, extras) @ w + b

        thr, uthr = threshold_for_coverage(
            [(score("mnist_val"), softmax_t(logits("mnist_val"), temperature).max(1),
              cov_mnist),
             (score("pen_fit"), softmax_t(logits("pen_fit"), temperature).max(1), cov_pen)],
            unsure)
        row = {}
        for name in ("mnist_val", "pen_fit", "mnist_test", "pen_held"):
            s = score(name)
            top = softmax_t(logits(name), temperature).max(1)
            answered = (s <= thr) & (top >= uthr)
            t = feats.get(f"{name}_t", pen_t.get(name))
            pred = logits(name).argmax(1)
            row[name] = (answered.mean(), (pred[answered] == t[answered]).mean(),
                         (pred == t).mean())
        sv = score("nd_cal")[val_nd]
        sh = score("nd_held")
        rej_val = (sv > thr).mean()
        rej_held = ((sh > thr).sum() + sum(none_held.values())) / n_held_total
        more = (score("nd_more_held") > thr).mean()
        print(f"{label:38s} cov mnist val {row['mnist_val'][0]:.4f} pen 1-20 "
              f"{row['pen_fit'][0]:.4f} | nd val rej {rej_val:.4f} || HELD: mnist "
              f"{row['mnist_test'][0]:.4f} acc {row['mnist_test'][1]:.4f}/"
              f"{row['mnist_test'][2]:.4f} pen {row['pen_held'][0]:.4f} acc "
              f"{row['pen_held'][1]:.4f}/{row['pen_held'][2]:.4f} nd {rej_held:.4f} "
              f"more {more:.3f}", flush=True)
        if per_kind:
            out = []
            for k in np.unique(held_kinds):
                m = held_kinds == k
                out.append(f"{k} {int((sh[m] > thr).sum()) + int(none_held.get(k, 0))}")
            print("    per kind (of 150):", ", ".join(out))

    all_parts = tuple(range(n_parts))
    fit_all = ~val_nd
    base = dict(l2=1e-4, cov_mnist=0.9975, cov_pen=0.995, unsure=0.0015)
    run("no extras", all_parts, (), nd_fit=fit_all, per_kind=True, **base)
    run("+ extras", all_parts, EXTRAS, nd_fit=fit_all, per_kind=True, **base)
    for l2 in (1e-3, 1e-2, 1e-1):
        run(f"+ extras, l2 {l2}", all_parts, EXTRAS, nd_fit=fit_all, **{**base, "l2": l2})
    run("+ extras, unsure 0.0005", all_parts, EXTRAS, nd_fit=fit_all,
        **{**base, "unsure": 0.0005})
    for cov in ((0.997, 0.993), (0.998, 0.995), (0.9965, 0.993)):
        run(f"+ extras, coverage {cov[0]}/{cov[1]}", all_parts, EXTRAS, nd_fit=fit_all,
            **{**base, "cov_mnist": cov[0], "cov_pen": cov[1]})
    return 0


if __name__ == "__main__":
    sys.exit(main())
