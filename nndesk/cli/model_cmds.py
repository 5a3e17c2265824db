"""`nndesk eval | predict | info | gradcheck | presets`: looking at networks and models."""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import numpy as np

from nndesk.cli.common import (
    UserError,
    as_input,
    dumps,
    load_data,
    load_model_arg,
    set_threads,
    spec_from_args,
)
from nndesk.cli.parser import DATASETS
from nndesk.fileio import printable

__all__ = ["cmd_eval", "cmd_predict", "cmd_info", "cmd_gradcheck", "cmd_presets"]

GRADCHECK_TOLERANCE = 1e-6
PREDICT_CHUNK = 500  # images preprocessed and predicted together


def _shape(shape) -> str:
    return "x".join("T" if d is None else str(d) for d in shape)  # T: steps vary


def _table(rows: list[list[str]], right: set[int] = frozenset()) -> str:
    """Rows of cells as aligned text; columns in `right` are right-aligned (numbers)."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "  ".join(cell.rjust(w) if i in right else cell.ljust(w)
                  for i, (cell, w) in enumerate(zip(row, widths, strict=True))).rstrip()
        for row in rows)


def cmd_eval(args: argparse.Namespace) -> int:
    """Test accuracy, per-digit accuracy and the confusion matrix of a model."""
    from nndesk.train.metrics import evaluate

    set_threads(args.threads)
    model = load_model_arg(args.model)
    noun = "images"
    extra: dict = {}
    if isinstance(model.metadata.get("trajectory"), dict):  # reads the pen's path
        x, t, writers = _pen_sequences(args, model)
        dataset, noun = "pendigits", "sequences"
        what = _writers_text(writers)
        extra = {"inputs": "sequences", "writers": writers}
    elif args.folder:
        x, t = _own_digits(args.folder)
        dataset, what = str(args.folder), "of your"
    elif args.pendigits:
        x, t = _pen_digits(args.pendigits, args.variants)
        dataset = "pendigits"
        what = f"pen-digit (writers {args.pendigits[0]}-{args.pendigits[-1]})"
    else:
        learned = model.metadata.get("data")
        dataset = args.dataset or (learned.get("dataset") if isinstance(learned, dict) else None)
        dataset = dataset if dataset in DATASETS else "mnist"
        data = load_data(dataset, args.data_dir, val_split=0, download=args.download)
        x, t, what = data.x_test, data.t_test, f"{dataset} test"
    report = evaluate(model.network, as_input(x, model.spec), t)
    report = {"model": str(args.model), "dataset": dataset, **extra, **report}
    selective = _selective(model, as_input(x, model.spec), t)
    if selective:
        report["selective"] = selective
    if args.json:
        print(dumps(report))
        return 0
    if report["n"] == 0:
        raise UserError(f"{printable(dataset)}: no test {noun} to measure the model on")
    print(f"{printable(args.model)}: {report['accuracy']:.2%} of {report['n']:,} {what} {noun}"
          if noun == "images" else
          f"{printable(args.model)}: {report['accuracy']:.2%} of {report['n']:,} {noun} "
          f"(pen paths as written) {what}")
    if selective:
        acc = selective["accuracy_answered"]
        print(f"with its calibration: answers {selective['coverage']:.2%} (accuracy "
              f"{'-' if acc is None else f'{acc:.2%}'}), not sure {selective['unsure']:.2%}, "
              f"'not a digit' {selective['not_a_digit']:.2%}")
    counts = np.array(report["confusion"])
    rows = [["digit", "accuracy", noun]]
    rows += [[str(d), "-" if acc is None else f"{acc:.2%}", str(counts[d].sum())]
             for d, acc in enumerate(report["per_digit"])]
    print("\n" + _table(rows, right={0, 1, 2}))
    print("\nconfusion matrix (row: true digit, column: predicted digit)")
    rows = [["", *map(str, range(10))]] + [[str(d), *map(str, counts[d])] for d in range(10)]
    print(_table(rows, right=set(range(11))))
    mistakes = counts - np.diag(np.diag(counts))
    worst = [divmod(int(i), 10) for i in np.argsort(-mistakes, axis=None, kind="stable")[:3]]
    worst = [f"{true} taken for {guess} ({mistakes[true, guess]}x)" for true, guess in worst
             if mistakes[true, guess]]
    if worst:
        print(f"\nmost frequent mistakes: {', '.join(worst)}")
    return 0


def _calibration(model):
    """The model file's calibration ("not a digit", "a or b?"), None without; a malformed one
    is a UserError."""
    from nndesk.insight.reject import Calibration

    try:
        return Calibration.from_metadata(model.metadata)
    except ValueError as err:
        raise UserError(str(err)) from None


def _selective(model, x, t) -> dict | None:
    """Coverage and accuracy of answered images under the model's calibration, or None."""
    from nndesk.insight.reject import coverage_report, judge

    cal = _calibration(model)
    if cal is None:
        return None
    try:
        return coverage_report(judge(model.network, cal, x), t)
    except ValueError as err:
        raise UserError(str(err)) from None


def _pen_digits(writers: list[int], variants: int):
    """Real pen trajectories of `writers`, drawn as on the canvas and preprocessed."""
    from nndesk.data.pendigits import load_pendigits, pendigits_path, render_set

    path = pendigits_path()
    if not path.is_file():
        raise UserError(f"pen digits not found at {path}; set NNDESK_PENDIGITS to "
                        f"pendigits-orig.tra (UCI pen-based digits)")
    keep = set(writers)
    digits = [d for d in load_pendigits(path) if d.writer in keep]
    x, t, _ = render_set(digits, n_variants=variants, seed=0)
    return x, t


def _pen_sequences(args: argparse.Namespace, model):
    """The pen digits of `args.pendigits` (default the held-out writers 21-30) as a trajectory
    model reads them (`trajectory.sequence_set`, as written), shaped for its input, with the
    writers. Image-only flags (--folder, --variants, --dataset) are a UserError: this model
    reads pen paths, not pictures."""
    from nndesk.data.pendigits import HELD_OUT_WRITERS, load_pendigits, pendigits_path
    from nndesk.data.trajectory import sequence_set

    for flag, given in (("--folder", args.folder), ("--variants", args.variants != 1),
                        ("--dataset", args.dataset)):
        if given:
            raise UserError(f"{printable(args.model)} reads pen paths, not images: {flag} is "
                            f"for image models (measure it with --pendigits WRITERS, default "
                            f"the held-out writers 21-30)")
    path = pendigits_path()
    if not path.is_file():
        raise UserError(f"pen digits not found at {path}; set NNDESK_PENDIGITS to "
                        f"pendigits-orig.tra (UCI pen-based digits)")
    writers = sorted(set(args.pendigits or HELD_OUT_WRITERS))
    length = model.metadata["trajectory"].get("length")
    if not isinstance(length, int) or length < 1:
        raise UserError(f"{printable(str(model.metadata['trajectory']))}: no sequence length")
    keep = set(writers)
    x, t = sequence_set([d for d in load_pendigits(path) if d.writer in keep], length=length)
    return as_input(x, model.spec), t, writers


def _writers_text(writers: list[int]) -> str:
    """'of held-out writers 21-30', 'of writers 1-3, 7 (trained on: not a held-out measure)':
    consecutive writers as ranges, and whether any of them was trained on."""
    from nndesk.data.pendigits import HELD_OUT_WRITERS

    runs: list[list[int]] = []
    for w in writers:
        if runs and w == runs[-1][-1] + 1:
            runs[-1].append(w)
        else:
            runs.append([w])
    names = ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}-{r[-1]}" for r in runs)
    if set(writers) <= set(HELD_OUT_WRITERS):
        return f"of held-out writer{'s' * (len(writers) > 1)} {names}"
    return (f"of writer{'s' * (len(writers) > 1)} {names} (writers 1-20 are trained on: "
            f"not a held-out measure)")


def _own_digits(folder: str):
    """The user's digits in folder/0 ... folder/9, as (x, t); any problem is a UserError."""
    from nndesk.data.folder import load_folder

    try:
        x, t = load_folder(folder)
    except (OSError, ValueError) as err:  # FolderError is a ValueError
        raise UserError(" ".join(str(err).split())) from None
    if len(x) == 0:
        raise UserError(f"no images in {folder}/0 ... {folder}/9")
    return x, t


def _expand(paths: list[str]) -> list[Path]:
    """Files as given; folders replaced by the image files inside them (sorted, recursive)."""
    from nndesk.data.folder import IMAGE_SUFFIXES

    files = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            files += sorted(p for p in path.rglob("*")
                            if p.is_file() and p.suffix.lower() in IMAGE_SUFFIXES)
        else:
            files.append(path)
    return files


def cmd_predict(args: argparse.Namespace) -> int:
    """Recognize each image with one model load; a bad image is reported and skipped."""
    from nndesk.paths import default_model_path

    set_threads(args.threads)
    for flag, given in (("--y-up", args.y_up), ("--y-down", args.y_down)):
        if given and not args.strokes:
            raise UserError(f"{flag} is for strokes files: add --strokes")
    if args.model is None and not default_model_path().is_file():
        raise UserError(f"the shipped model {default_model_path()} is missing; "
                        f"give one with --model FILE (train it with 'nndesk train')")
    model = load_model_arg(args.model or default_model_path())
    if args.strokes:
        from nndesk.cli.strokes_cmd import predict_strokes

        return predict_strokes(args, model)
    files = _expand(args.images)
    if not files:
        strokes = any(p.suffix == ".json" or (p.is_dir() and any(p.rglob("*.json")))
                      for p in map(Path, args.images))
        raise UserError(f"no image files in {', '.join(args.images)}"
                        + ("; strokes files (.json)? add --strokes" if strokes else ""))
    failed = False
    for start in range(0, len(files), PREDICT_CHUNK):  # bounded memory, early first answers
        for result in _predict_files(model, files[start:start + PREDICT_CHUNK]):
            failed |= "error" in result
            _print_prediction(result, args.json)
    return 1 if failed else 0


def _predict_files(model, files: list[Path]) -> list[dict]:
    """One result per file: label and probabilities, None for no digit, or an error."""
    from nndesk.data.preprocess import ImageError, preprocess

    inputs, results = [], []
    for path in files:
        result = {"file": str(path), "label": None, "probabilities": None}
        try:
            x = preprocess(path)  # (1, 28, 28) or None: no digit
        except (ImageError, OSError, ValueError) as err:
            result["error"] = " ".join(str(err).split()) or type(err).__name__
            if path.suffix.lower() == ".json":
                result["error"] = "a .json file: a drawing's strokes? add --strokes"
        else:
            if x is not None:
                result["input"] = len(inputs)
                inputs.append(x)
        results.append(result)
    cal = _calibration(model)
    if inputs:
        x = as_input(np.stack(inputs), model.spec)
        with np.errstate(over="ignore", invalid="ignore"):  # checked per row below
            probs = model.network.predict(x)  # (n, 10)
        if cal is not None:
            from nndesk.insight.reject import judge

            try:
                verdicts = judge(model.network, cal, x)
            except ValueError as err:  # a calibration made for another network
                raise UserError(printable(str(err))) from None
    for result in results:
        if "input" in result:
            i = result.pop("input")
            row = probs[i]
            if not np.all(np.isfinite(row)):  # finite weights can still overflow
                result["error"] = ("the model's output is not a number for this image "
                                   "(its weights overflow float32)")
                continue
            result["label"] = int(row.argmax())
            result["probabilities"] = [round(float(p), 6) for p in row]
            if cal is not None:
                result["answer"] = verdicts[i].to_json()
    return results


def print_result_head(result: dict, as_json: bool) -> str | None:
    """What every `predict` result prints alike, images and strokes files: the whole result as
    one strict JSON line, or `NAME: error: TEXT`, or `NAME: no digit` (file name and error
    text escaped for the terminal). Returns None when the result's line is out, else the
    escaped file name for the caller's answer line (a digit was found)."""
    if as_json:
        print(dumps(result), flush=True)
        return None
    name = printable(result["file"])
    if "error" in result:
        print(f"{name}: error: {printable(result['error'])}")
        return None
    if result["label"] is None:
        print(f"{name}: no digit")
        return None
    return name


def _print_prediction(result: dict, as_json: bool) -> None:
    name = print_result_head(result, as_json)
    if name is None:
        return
    label = result["label"]
    answer = result.get("answer") or {}
    if answer.get("verdict") == "not_a_digit":
        note = f"; not a digit (best guess {label})"
    elif answer.get("verdict") == "unsure":
        first, second = answer["candidates"]
        note = f"; not sure: {first} or {second}?"
    else:
        note = ""
    # a calibrated model's number is the calibrated one, as the window and the gallery show it
    probs = answer.get("calibrated_probabilities") or result["probabilities"]
    print(f"{name}: {label} ({probs[label]:.1%}){note}")


def cmd_info(args: argparse.Namespace) -> int:
    """The layers of a network (a model file, a preset or a spec) and a model's metadata."""
    from nndesk.nn import infer

    if args.model is not None and (args.preset or args.spec):
        raise UserError("give a model file, --preset or --spec, not several")
    metadata = None
    if args.model is not None:
        model = load_model_arg(args.model)
        spec, metadata = model.spec, model.metadata
    else:
        if not (args.preset or args.spec):
            raise UserError("give a model file, --preset NAME or --spec FILE.json")
        spec = spec_from_args(args.preset, args.spec)
    layers = infer(spec)
    if args.json:
        print(dumps({"spec": spec, "metadata": metadata,
                          "layers": [{"type": i.type, "output_shape": list(i.output_shape),
                                      "params": i.params} for i in layers]}))
        return 0
    print(f"{printable(spec.get('name', 'network'))}: input {_shape(spec['input_shape'])}")
    rows = [["#", "layer", "settings", "output", "params"]]
    for layer, config in zip(layers, spec["layers"], strict=True):
        settings = printable(" ".join(f"{k}={v}" for k, v in config.items() if k != "type"))
        rows.append([str(layer.index + 1), layer.type, settings, _shape(layer.output_shape),
                     f"{layer.params:,}"])
    rows.append(["", "total", "", "", f"{sum(layer.params for layer in layers):,}"])
    print(_table(rows, right={0, 4}))
    if metadata:
        print("\nmetadata")
        width = min(30, max(len(printable(k)) for k in metadata))
        room = shutil.get_terminal_size((120, 24)).columns - width - 4
        for key, value in metadata.items():
            text = printable(_meta_text(key, value), limit=room)
            print(f"  {printable(key, limit=width).ljust(width)}  {text}")
    return 0


def _meta_text(key: str, value) -> str:
    """One readable line for a metadata entry (`nndesk info --json` gives it all)."""
    if isinstance(value, float) and ("accuracy" in key or key.endswith("_acc")):
        return f"{value:.2%}"
    if isinstance(value, float) and key.endswith("_s"):
        return f"{value:.1f} s"
    if key == "per_digit" and isinstance(value, list):
        return "  ".join(f"{d}: {'-' if v is None else f'{v:.1%}'}" for d, v in enumerate(value))
    if key == "history" and isinstance(value, list):
        return f"{len(value)} epochs (nndesk info --json for the curves)"
    if key == "data" and isinstance(value, dict):
        official = "official files" if value.get("official") else "files differ from official"
        return f"{value.get('dataset')}, {official} (sha256 in --json)"
    if isinstance(value, dict):
        return " ".join(f"{k}={v}" for k, v in value.items())
    return value if isinstance(value, str) else json.dumps(value)


def cmd_gradcheck(args: argparse.Namespace) -> int:
    """Backprop against numerical gradients, tensor by tensor; exit 1 if any is off."""
    from nndesk.nn import gradcheck as check

    set_threads(args.threads)
    spec = spec_from_args(args.preset, args.spec)
    errors = check(spec, seed=args.seed, h=args.step, max_checks=args.max_checks or None)
    rows = [["tensor", "layer", "relative error", "result"]]
    failed = False
    for name, err in errors.items():
        ok = bool(err < GRADCHECK_TOLERANCE)  # NaN fails too
        failed |= not ok
        index = name.split(".")[0]
        layer = spec["layers"][int(index)]["type"] if index.isdigit() else ""
        rows.append([name, layer, f"{err:.2e}", "PASS" if ok else "FAIL"])
    print(_table(rows, right={2}))
    sampled = (f"{args.max_checks} random elements per tensor" if args.max_checks
               else "every element")
    print(f"\n{'FAIL' if failed else 'PASS'}: relative error below {GRADCHECK_TOLERANCE:g} "
          f"for every tensor ({sampled}, float64 central differences, step {args.step:g})")
    return 1 if failed else 0


def cmd_presets(args: argparse.Namespace) -> int:
    """Each shipped preset with its parameter count and one-line description."""
    from nndesk.nn import infer
    from nndesk.presets import list_presets, load_preset

    rows = [["preset", "params", "description"]]
    for name in list_presets():
        spec = load_preset(name)
        params = sum(layer.params for layer in infer(spec))
        rows.append([name, f"{params:,}", spec.get("description", "")])
    room = shutil.get_terminal_size((120, 24)).columns - 2
    for line in _table(rows, right={1}).splitlines():
        print(line if len(line) <= room else line[:room - 3] + "...")
    return 0
