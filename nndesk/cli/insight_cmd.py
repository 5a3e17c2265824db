"""`nndesk insight eval|saliency|health|neighbours`: the window's insight views as text or
JSON."""

from __future__ import annotations

import argparse
import json

import numpy as np

from nndesk.cli.common import UserError, as_input, load_data, load_model_arg, set_threads
from nndesk.fileio import printable

__all__ = ["insight"]


def insight(args: argparse.Namespace) -> int:
    """Dispatch to the view named by `args.what`."""
    set_threads(args.threads)
    return {"eval": _eval, "saliency": _saliency, "health": _health,
            "neighbours": _neighbours, "compare": _compare}[args.what](args)


def _model(args):
    if not args.model:
        raise UserError(f"'insight {args.what}' needs a MODEL file")
    return load_model_arg(args.model)


def _calibrate(model, probabilities: np.ndarray) -> tuple[np.ndarray, str]:
    """A model file's calibrated probabilities (temperature scaling), as `nndesk predict`
    and the window show them, with the words that say which they are."""
    from nndesk.insight.reject import calibrated, model_temperature

    t = model_temperature(model.metadata)
    if t is None:
        return probabilities, "plain softmax"
    return calibrated(probabilities, t), f"calibrated with temperature {t:.2f}"


def _eval(args) -> int:
    from nndesk.insight.evaluation import evaluate_model

    model = _model(args)
    learned = model.metadata.get("data")
    dataset = args.dataset or (learned.get("dataset") if isinstance(learned, dict) else None)
    dataset = dataset if dataset in ("mnist", "fashion") else "mnist"
    data = load_data(dataset, args.data_dir, val_split=0, download=args.download)
    ev = evaluate_model(model.network, as_input(data.x_test, model.spec), data.t_test)
    ev.probabilities, kind = _calibrate(model, ev.probabilities)   # the argmax is unchanged
    report = {"model": str(args.model), "dataset": dataset, "probabilities_are": kind,
              **ev.to_json(args.limit)}
    if args.json:
        print(json.dumps(report))
        return 0
    wrong = report["misclassified"]
    print(f"{args.model}: {report['accuracy']:.2%} of {report['n']:,} {dataset} test images; "
          f"{report['n'] - int(np.trace(np.array(report['confusion']))):,} misclassified, "
          f"the {len(wrong)} most confident (probabilities {kind}):")
    print(f"{'index':>6} {'true':>4} {'pred':>4} {'p':>7}  second")
    for m in wrong:
        (_, p), (d2, p2) = m["top2"]
        print(f"{m['index']:>6} {m['label']:>4} {m['predicted']:>4} {p:>7.2%}  {d2} ({p2:.2%})")
    return 0


def _image(args):
    """The IMAGE argument preprocessed as the canvas does: (1, 28, 28); UserError if not."""
    from nndesk.data.preprocess import ImageError, preprocess

    if not args.image:
        raise UserError(f"'insight {args.what}' needs an IMAGE after the MODEL")
    try:
        x = preprocess(args.image)
    except (ImageError, OSError) as err:
        raise UserError(f"{printable(args.image)}: {printable(err)}") from None
    if x is None:
        raise UserError(f"{printable(args.image)}: no digit found (the image has no ink)")
    return x


def _neighbours(args) -> int:
    import sys

    from nndesk.data.mnist import DataMissingError, IdxError
    from nndesk.insight.neighbours import nearest, training_index

    model = _model(args)
    x = _image(args)
    dataset = args.dataset or "mnist"
    if args.download:
        load_data(dataset, args.data_dir, val_split=0, download=True)

    def progress(done: int, total: int) -> None:
        if not args.json:
            sys.stderr.write(f"\rtraining features: {done:,}/{total:,}")
            if done == total:
                sys.stderr.write("\n")

    try:
        index, how = training_index(model.network, dataset=dataset, data_dir=args.data_dir,
                                    limit=args.train_images, progress=progress)
    except ValueError as err:
        raise UserError(str(err)) from None
    except (DataMissingError, IdxError) as err:
        raise UserError(" ".join(str(err).split())) from None
    found = nearest(index, model.network, x, k=args.k)
    probs = model.network.predict(x[None])[0]
    report = {"model": str(args.model), "image": str(args.image), "dataset": dataset,
              "answer": int(np.argmax(probs)), "layer": index.layer,
              "features": int(index.features.shape[1]), "train_images": int(len(index.labels)),
              "cache": how, **found}
    if args.json:
        print(json.dumps(report))
        return 0
    layer = model.network.layers[index.layer].__class__.__name__
    print(f"{printable(args.image)}: answer {report['answer']}; the {args.k} nearest of "
          f"{report['train_images']:,} {dataset} training images (features {how})")
    for space, title in (("feature", f"in layer {index.layer + 1} ({layer}, "
                                     f"{report['features']} values)"),
                         ("pixel", "in pixel space (784 values)")):
        print(f"\n{title}:\n{'image':>7} {'label':>5} {'distance':>9}")
        for n in found[space]:
            print(f"{n['index']:>7} {n['label']:>5} {n['distance']:>9.3f}")
    return 0


def _compare(args) -> int:
    from nndesk.insight.compare import diff_runs, settings_from_model

    if not args.model or not args.image:
        raise UserError("'insight compare' needs two MODEL files")
    a, b = load_model_arg(args.model), load_model_arg(args.image)
    accs = [m.metadata.get("accuracy") for m in (a, b)]
    accs = [float(v) if isinstance(v, (int, float)) else None for v in accs]
    diffs = diff_runs(settings_from_model(a), settings_from_model(b))
    if args.json:
        print(json.dumps({"models": [str(args.model), str(args.image)], "accuracy": accs,
                          "differences": [{"group": d.group, "setting": d.setting, "a": d.a,
                                           "b": d.b} for d in diffs]}))
        return 0
    names = [printable(args.model), printable(args.image)]
    for name, acc in zip(names, accs, strict=True):
        print(f"{name}: test accuracy {'-' if acc is None else f'{acc:.2%}'}")
    if not diffs:
        print("\nsame settings")
        return 0
    print(f"\n{len(diffs)} setting(s) differ:")
    rows = [("group", "setting", "A", "B")] + [
        (d.group, d.setting, printable("-" if d.a is None else d.a),
         printable("-" if d.b is None else d.b)) for d in diffs]
    widths = [max(len(str(r[i])) for r in rows) for i in range(4)]
    for r in rows:
        print("  ".join(str(c).ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())
    return 0


def _saliency(args) -> int:
    from nndesk.insight.saliency import gradient_x_input, occlusion

    model = _model(args)
    x = _image(args)
    try:
        grad = gradient_x_input(model.network, x).reshape(-1, 28, 28)
    except ValueError as err:
        raise UserError(str(err)) from None
    occ = occlusion(model.network, x)
    probs, kind = _calibrate(model, model.network.predict(x[None]))
    probs = probs[0]
    c = int(np.argmax(probs)) if args.klass is None else args.klass
    if not 0 <= c < len(probs):
        raise UserError(f"--class {c}: the network has classes 0..{len(probs) - 1}")
    if args.json:
        print(json.dumps({"model": str(args.model), "image": str(args.image),
                          "label": int(np.argmax(probs)), "probabilities": probs.tolist(),
                          "probabilities_are": kind,
                          "class": c, "gradient_x_input": grad[c].round(6).tolist(),
                          "occlusion": occ[c].round(6).tolist()}))
        return 0
    print(f"{args.image}: answer {int(np.argmax(probs))} ({probs.max():.1%}, {kind}); maps "
          f"for {c} (+ for it, - against it, . ink, blank: nothing):")
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
    from nndesk.insight.health import layer_health, vanishing
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
    print(f"\n{'layer':>5} {'type':<10} {'|W|':>9} {'|dW|':>9} {'RMS(dW)':>9} {'RMS(db)':>9}"
          "  lr*|dW|/|W|")
    for w in report["weighted"]:
        ratio = "-" if w["update_ratio"] is None else f"{w['update_ratio']:.1e}"
        beta = "" if w["bias_of"] == w["index"] else f"  (db: BatchNorm {w['bias_of'] + 1}'s beta)"
        print(f"{w['index'] + 1:>5} {w['type']:<10} {w['weight_norm']:>9.3g} "
              f"{w['grad_norm']:>9.3g} {w['grad_rms']:>9.3g} {w['bias_grad_rms']:>9.3g}  "
              f"{ratio}{beta}")
    slow = vanishing(report["weighted"])
    if slow is not None:  # Nielsen ch. 5: the first layer learns far slower than the last
        times = f"{slow[2]:.0f}" if slow[2] < 1e6 else "inf"  # the window's words, in ASCII
        print(f"gradients vanish: layer {slow[0] + 1} learns {times}x slower than layer "
              f"{slow[1] + 1} (RMS of the bias gradients, Nielsen ch. 5)")
    if report["batchnorm"]:
        print(f"\n{'layer':>5} BatchNorm  mean of running mean / running var")
    for b in report["batchnorm"]:
        print(f"{b['index'] + 1:>5} {'':<10} {np.mean(b['running_mean']):>9.3g} "
              f"{np.mean(b['running_var']):>9.3g}")
    return 0
