"""`nndesk insight eval|saliency|health`: the window's insight views as text or JSON."""

from __future__ import annotations

import argparse
import json

import numpy as np

from nndesk.cli.common import UserError, as_input, load_data, load_model_arg, set_threads

__all__ = ["insight"]


def insight(args: argparse.Namespace) -> int:
    """Dispatch to the view named by `args.what`."""
    set_threads(args.threads)
    return {"eval": _eval, "saliency": _saliency, "health": _health}[args.what](args)


def _model(args):
    if not args.model:
        raise UserError(f"'insight {args.what}' needs a MODEL file")
    return load_model_arg(args.model)


def _eval(args) -> int:
    from nndesk.insight.evaluation import evaluate_model

    model = _model(args)
    learned = model.metadata.get("data")
    dataset = args.dataset or (learned.get("dataset") if isinstance(learned, dict) else None)
    dataset = dataset if dataset in ("mnist", "fashion") else "mnist"
    data = load_data(dataset, args.data_dir, val_split=0, download=args.download)
    ev = evaluate_model(model.network, as_input(data.x_test, model.spec), data.t_test)
    report = {"model": str(args.model), "dataset": dataset, **ev.to_json(args.limit)}
    if args.json:
        print(json.dumps(report))
        return 0
    wrong = report["misclassified"]
    print(f"{args.model}: {report['accuracy']:.2%} of {report['n']:,} {dataset} test images; "
          f"{report['n'] - int(np.trace(np.array(report['confusion']))):,} misclassified, "
          f"the {len(wrong)} most confident:")
    print(f"{'index':>6} {'true':>4} {'pred':>4} {'p':>7}  second")
    for m in wrong:
        (_, p), (d2, p2) = m["top2"]
        print(f"{m['index']:>6} {m['label']:>4} {m['predicted']:>4} {p:>7.2%}  {d2} ({p2:.2%})")
    return 0


def _saliency(args) -> int:
    from nndesk.data.preprocess import ImageError, preprocess
    from nndesk.insight.saliency import gradient_x_input, occlusion

    model = _model(args)
    if not args.image:
        raise UserError("'insight saliency' needs an IMAGE after the MODEL")
    try:
        x = preprocess(args.image)
    except (ImageError, OSError) as err:
        raise UserError(f"{args.image}: {err}") from None
    if x is None:
        raise UserError(f"{args.image}: no digit found (the image has no ink)")
    try:
        grad = gradient_x_input(model.network, x).reshape(-1, 28, 28)
    except ValueError as err:
        raise UserError(str(err)) from None
    occ = occlusion(model.network, x)
    probs = model.network.predict(x[None])[0]
    c = int(np.argmax(probs)) if args.klass is None else args.klass
    if not 0 <= c < len(probs):
        raise UserError(f"--class {c}: the network has classes 0..{len(probs) - 1}")
    if args.json:
        print(json.dumps({"model": str(args.model), "image": str(args.image),
                          "label": int(np.argmax(probs)), "probabilities": probs.tolist(),
                          "class": c, "gradient_x_input": grad[c].round(6).tolist(),
                          "occlusion": occ[c].round(6).tolist()}))
        return 0
    print(f"{args.image}: answer {int(np.argmax(probs))} ({probs.max():.1%}); maps for {c} "
          "(+ for it, - against it, . ink, blank: nothing):")
    for name, m in (("gradient x input", grad[c]), ("occlusion", occ[c])):
        print(f"\n{name}:")
        print("\n".join(_ascii(m, x.reshape(28, 28))))
    return 0


def _ascii(m: np.ndarray, ink: np.ndarray) -> list[str]:
    top = float(np.abs(m).max()) or 1.0
    rows = []
    for r in range(28):
        line = ""
        for c in range(28):
            v = m[r, c] / top
            line += "+" if v > 0.25 else "-" if v < -0.25 else "." if ink[r, c] > 0.3 else " "
        rows.append(line.rstrip())
    return rows


def _health(args) -> int:
    from nndesk.cli.common import spec_from_args
    from nndesk.insight.health import layer_health
    from nndesk.nn import Network

    if args.model:
        net = _model(args).network
    elif args.preset or args.spec:
        net = Network.from_spec(spec_from_args(args.preset, args.spec), seed=args.seed)
    else:
        raise UserError("'insight health' needs a MODEL file, --preset or --spec")
    data = load_data(args.dataset or "mnist", args.data_dir, download=args.download)
    x, t = as_input(data.x_train[:args.batch], net.spec), data.t_train[:args.batch]
    report = layer_health(net, x, t, lr=args.lr)
    if args.json:
        print(json.dumps(report))
        return 0
    print(f"loss {report['loss']:.4f} on {len(x)} training images (training mode)\n")
    print(f"{'layer':>5} {'type':<10} {'mean':>8} {'std':>8}  dead / saturated")
    for a in report["activations"]:
        share = a["dead_fraction"] if a["dead_fraction"] is not None else a["saturated_fraction"]
        what = "dead" if a["dead_fraction"] is not None else "saturated"
        print(f"{a['index'] + 1:>5} {a['type']:<10} {a['hist']['mean']:>8.3f} "
              f"{a['hist']['std']:>8.3f}  {share:.1%} {what}")
    print(f"\n{'layer':>5} {'type':<10} {'|W|':>9} {'|dW|':>9}  lr*|dW|/|W|")
    for w in report["weighted"]:
        ratio = "-" if w["update_ratio"] is None else f"{w['update_ratio']:.1e}"
        print(f"{w['index'] + 1:>5} {w['type']:<10} {w['weight_norm']:>9.3g} "
              f"{w['grad_norm']:>9.3g}  {ratio}")
    if report["batchnorm"]:
        print(f"\n{'layer':>5} BatchNorm  mean of running mean / running var")
    for b in report["batchnorm"]:
        print(f"{b['index'] + 1:>5} {'':<10} {np.mean(b['running_mean']):>9.3g} "
              f"{np.mean(b['running_var']):>9.3g}")
    return 0
