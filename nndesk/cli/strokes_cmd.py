"""`nndesk predict --strokes FILE.json`: a drawing's strokes read by the image model, the
trajectory model and their combination (`nndesk.insight.combined`)."""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

from nndesk.cli.common import UserError, load_model_arg
from nndesk.cli.model_cmds import print_result_head
from nndesk.fileio import loads_json

__all__ = ["predict_strokes", "read_strokes_file", "on_canvas", "STROKES_FORMAT",
           "MAX_STROKES_BYTES"]

STROKES_FORMAT = ('{"strokes": [[[x, y, t], ...], ...]}: x, y in any units (canvas pixels, '
                  'tablet units, 0..1; y down, or --y-up), t in ms')
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp", ".gif", ".tif", ".tiff", ".webp")
AS_DRAWN = 0.25  # a drawing inside the canvas at least this share of it tall or wide: canvas px
MAX_STROKES_BYTES = 10 << 20  # a drawing is kilobytes; a bigger file is refused unread


def read_strokes_file(path: Path) -> list:
    """The strokes of one JSON file; raises ValueError with a sentence for any bad file."""
    from nndesk.data.trajectory import parse_strokes

    if not path.is_file():
        raise ValueError("not a file")
    if path.suffix.lower() in IMAGE_SUFFIXES:
        raise ValueError("an image, not strokes: leave out --strokes to read images")
    if path.stat().st_size > MAX_STROKES_BYTES:
        raise ValueError(f"larger than {MAX_STROKES_BYTES >> 20} MB; a drawing is kilobytes")
    try:
        data = loads_json(path.read_bytes())
    except ValueError as err:
        raise ValueError(f"{err}; expected JSON {STROKES_FORMAT}") from None
    return parse_strokes(data)


def on_canvas(strokes: list, y_up: bool = False) -> list:
    """A strokes file's strokes ((n, 2) or (n, 3) arrays, any units) as the canvas would have
    them. A drawing in canvas pixels (inside the 280 px canvas, its longer side at least
    AS_DRAWN share of it) is read as drawn, exactly as the canvas reads it; any other (tablet
    units, 0..1, offsets, a 28 px grid, y up) is fitted as the pen digits are
    (`fit_to_canvas`: 70% of the canvas tall, centred), so its units do not change the
    answer. y is flipped first when `y_up`. [] when there is no digit (no points, a dot)."""
    from nndesk.data.pendigits import fit_to_canvas
    from nndesk.data.strokes import CANVAS_SIZE

    if y_up:
        strokes = [s * np.array([1.0, -1.0, 1.0][:s.shape[1]]) for s in strokes]
    pts = [s[:, :2] for s in strokes if len(s)]
    if pts and not y_up:
        ink = np.concatenate(pts)
        lo, hi = ink.min(0), ink.max(0)
        if (lo.min() >= 0 and hi.max() <= CANVAS_SIZE
                and (hi - lo).max() >= AS_DRAWN * CANVAS_SIZE):
            return strokes
    return fit_to_canvas(strokes) or []


def _files(names: list[str]) -> list[Path]:
    files = []
    for name in names:
        path = Path(name)
        files += sorted(p for p in path.rglob("*.json") if p.is_file()) if path.is_dir() else [path]
    return files


def _recognizer(args: argparse.Namespace, image_model):
    from nndesk.insight.combined import CombinedRecognizer, TrajectoryReader, trajectory_model_path

    if args.weight is not None and not 0 <= args.weight <= 1:
        raise UserError(f"--weight must be between 0 and 1, not {args.weight:g}")
    path = Path(args.trajectory_model) if args.trajectory_model else trajectory_model_path()
    if not path.is_file():
        if args.trajectory_model:
            raise UserError(f"trajectory model not found: {path}")
        reader = None  # no shipped trajectory model: the image model alone, said in the output
    else:
        try:
            reader = TrajectoryReader(load_model_arg(path))
        except ValueError as err:
            raise UserError(f"{path}: {err}") from None
    try:
        return CombinedRecognizer(image_model, reader, weight=args.weight)
    except ValueError as err:
        raise UserError(str(err)) from None


def predict_strokes(args: argparse.Namespace, image_model) -> int:
    """Read each strokes file with both models, fitted to the canvas first (`on_canvas`);
    a bad file is reported, the others go on."""
    recognizer = _recognizer(args, image_model)
    files = _files(args.images)
    if not files:
        raise UserError(f"no .json files in {', '.join(args.images)}; images? leave out "
                        "--strokes")
    failed = False
    for path in files:
        result = {"file": str(path)}
        try:
            strokes = on_canvas(read_strokes_file(path), args.y_up)
        except (OSError, ValueError) as err:
            result.update(label=None, probabilities=None, error=" ".join(str(err).split()))
            failed = True
        else:
            result.update(recognizer.recognize([strokes])[0].to_json())
        _print(result, args.json)
    return 1 if failed else 0


def _print(result: dict, as_json: bool) -> None:
    name = print_result_head(result, as_json)
    if name is None:
        return
    answer, models = result["answer"], result["models"]
    verdict = answer["verdict"]
    head = ("not a digit" if verdict == "not_a_digit" else
            "not sure: {} or {}?".format(*answer["candidates"]) if verdict == "unsure" else
            f"{result['label']} ({result['probabilities'][result['label']]:.1%})")
    parts = []
    for key, title in (("image", "image"), ("trajectory", "pen path")):
        m = models[key]
        parts.append(f"{title} -" if m is None else
                     f"{title} {m['label']} ({m['probabilities'][m['label']]:.1%})")
    print(f"{name}: {head}; {', '.join(parts)}, weight {models['weight']:g}")
