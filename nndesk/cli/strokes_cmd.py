"""`nndesk predict --strokes FILE.json`: a drawing's strokes read by the image model, the
trajectory model and their combination (`nndesk.insight.combined`)."""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

from nndesk.cli.common import UserError, load_model_arg
from nndesk.cli.predict_cmd import print_result_head
from nndesk.fileio import loads_json

__all__ = ["predict_strokes", "read_strokes_file", "read_drawings", "y_direction",
           "starts_low", "on_canvas", "STROKES_FORMAT", "MAX_STROKES_BYTES", "UNIPEN_SUFFIXES"]

STROKES_FORMAT = ('{"strokes": [[[x, y, t], ...], ...], "y": "down" | "up"}: x, y in any units '
                  '(canvas pixels, tablet units, 0..1), t in ms')
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp", ".gif", ".tif", ".tiff", ".webp")
UNIPEN_SUFFIXES = (".tra", ".tes")  # pendigits' own files (UNIPEN text, y up); others by content
AS_DRAWN = 0.25  # a drawing inside the canvas at least this share of it tall or wide: canvas px
MAX_STROKES_BYTES = 10 << 20  # a drawing is kilobytes; a bigger file is refused unread
Y_DIRECTIONS = ("down", "up")
# A drawing whose file does not say which way y points is read y down (screens, the canvas)
# unless it looks written with y up: people start a digit at its top and end lower down. On the
# 7,494 pen digits: the pen starts in the top half in 95% of them (every 3, 4, 5, 6, 7), ends
# more than 0.2 of the height above its start in 2%; either sign of "y up" is met by 6.3% of
# the digits read the right way up and missed by 1.35% read upside down (0s, 1s and 8s, which
# look alike both ways, and 3% of the 9s).
RISE = 0.2


def read_strokes_file(path: Path) -> tuple[list, str | None]:
    """(strokes, y) of one JSON file: `y` is the file's own "y" ("down" or "up"), None when it
    does not say. Raises ValueError with a sentence for any bad file."""
    _check_file(path)
    return _json_strokes(path)


def _json_strokes(path: Path) -> tuple[list, str | None]:
    """`read_strokes_file` of a file already checked (`_check_file`)."""
    from nndesk.data.trajectory import parse_strokes

    try:
        data = loads_json(path.read_bytes())
    except ValueError as err:
        raise ValueError(f"{err}; expected JSON {STROKES_FORMAT}") from None
    strokes = parse_strokes(data)
    y = data.get("y")
    if y is not None and y not in Y_DIRECTIONS:
        raise ValueError(f'"y" must be "down" or "up", not {str(y)[:40]!r}')
    return strokes, y


def _check_file(path: Path) -> None:
    if not path.is_file():
        raise ValueError("not a file")
    if path.suffix.lower() in IMAGE_SUFFIXES:
        raise ValueError("an image, not strokes: leave out --strokes to read images")
    if path.stat().st_size > MAX_STROKES_BYTES:
        raise ValueError(f"larger than {MAX_STROKES_BYTES >> 20} MB; a drawing is kilobytes")


def _is_unipen(path: Path) -> bool:
    """A pendigits file (UNIPEN text: `.SEGMENT`, `.PEN_DOWN` ... lines), by suffix or by its
    first line starting with a dot (JSON starts with { )."""
    if path.suffix.lower() in UNIPEN_SUFFIXES:
        return True
    with open(path, "rb") as f:
        head = f.read(256).lstrip()
    return head[:1] == b"."


def read_drawings(path: Path) -> list[tuple[str, list, str | None, int | None]]:
    """The drawings of one file as (name, strokes as in the file, y, label): a JSON strokes
    file is one (its y as the file says, None when it does not; no label); a pendigits file
    (UNIPEN text, as UCI's pendigits-orig.tra) is one per digit, named FILE#N, y "up" (its
    format's: tablet units), with the label the file gives. Raises ValueError with a
    sentence for any bad file."""
    _check_file(path)
    if not _is_unipen(path):
        strokes, y = _json_strokes(path)
        return [(str(path), strokes, y, None)]
    from nndesk.data.pendigits import load_pendigits

    try:
        digits = load_pendigits(path)
    except UnicodeDecodeError:
        raise ValueError("not a pendigits file (not ASCII text)") from None
    return [(f"{path}#{n}", [s * (1, -1) for s in d.strokes], "up", d.label)  # as written
            for n, d in enumerate(digits, 1)]


def starts_low(strokes: list) -> bool:
    """True when a drawing read with y down looks written with y up: the pen starts in the
    bottom half of its bounding box, or ends more than RISE of its height above its start
    (people write digits from the top down; see RISE's note). False without height."""
    pts = [s[:, :2] for s in strokes if len(s)]
    if not pts:
        return False
    ys = np.concatenate(pts)[:, 1]
    top, height = ys.min(), np.ptp(ys)
    if not height > 0:
        return False
    first, last = (pts[0][0, 1] - top) / height, (pts[-1][-1, 1] - top) / height
    return bool(first > 0.5 or first - last > RISE)


def y_direction(strokes: list, said: str | None, flag: str | None) -> str:
    """Which way y points in a drawing: what its file says (`said`) or the command line
    (`flag`, --y-up/--y-down), which must agree; with neither, "down" (screens, the canvas)
    unless the drawing looks written with y up (`starts_low`), which cannot be known: a
    ValueError then says what to pass."""
    if said and flag and said != flag:
        raise ValueError(f"the file says y points {said}, --y-{flag} says {flag}: leave out "
                         f"--y-{flag}")
    if said or flag:
        return said or flag
    if starts_low(strokes):
        raise ValueError("which way does y point? The pen starts low in this drawing, as in "
                         "files with y pointing up (tablet units, pendigits): pass --y-up if "
                         'y points up, --y-down if it points down, or write "y": "up" or '
                         '"y": "down" in the file')
    return "down"


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
        files += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in
                        (".json", *UNIPEN_SUFFIXES)) if path.is_dir() else [path]
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
    """Read each drawing (a strokes file, or each digit of a pendigits file) with both
    models, y turned as `y_direction` says and fitted to the canvas first (`on_canvas`); a
    bad file or drawing is reported, the others go on."""
    recognizer = _recognizer(args, image_model)
    files = _files(args.images)
    if not files:
        raise UserError(f"no strokes files (.json, .tra, .tes) in {', '.join(args.images)}; "
                        "images? leave out --strokes")
    flag = "up" if args.y_up else "down" if args.y_down else None
    failed = False
    for path in files:
        try:
            drawings = read_drawings(path)
        except (OSError, ValueError) as err:
            drawings, failed = [], True
            _print(_error(str(path), err), args.json)
        for name, strokes, said, label in drawings:
            try:
                strokes = on_canvas(strokes, y_direction(strokes, said, flag) == "up")
            except ValueError as err:
                result, failed = _error(name, err), True
            else:
                result = {"file": name, **recognizer.recognize([strokes])[0].to_json()}
                if label is not None:
                    result["label_in_file"] = label
            _print(result, args.json)
    return 1 if failed else 0


def _error(name: str, err: Exception) -> dict:
    return {"file": name, "label": None, "probabilities": None,
            "error": " ".join(str(err).split())}


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
    said = f"; the file says {result['label_in_file']}" if "label_in_file" in result else ""
    print(f"{name}: {head}; {', '.join(parts)}, weight {models['weight']:g}{said}")
