"""`nndesk predict`: recognize the digits in image files (strokes files: `strokes_cmd`), and the
result lines every `predict` prints alike (`print_result_head`)."""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

from nndesk.cli.common import (
    UserError,
    as_input,
    dumps,
    load_model_arg,
    model_calibration,
    set_threads,
)
from nndesk.fileio import printable

__all__ = ["cmd_predict", "print_result_head", "PREDICT_CHUNK"]

PREDICT_CHUNK = 500  # images preprocessed and predicted together


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
    cal = model_calibration(model)
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
