"""The parsers of the commands that look at models: `nndesk eval | predict | info | gradcheck`."""

from __future__ import annotations

import argparse

from nndesk.cli.parser_flags import (
    command,
    data_flags,
    network_flags,
    non_negative_int,
    number,
    positive_float,
    positive_int,
    threads_flag,
)

__all__ = ["model_parsers", "writer_range"]


def writer_range(text: str) -> list[int]:
    """'21-30' or '3,5,7' -> writer numbers (1..30)."""
    try:
        parts = [p.split("-") for p in text.split(",")]
        writers = [w for p in parts for w in range(int(p[0]), int(p[-1]) + 1)]
    except ValueError:
        writers = []
    if not writers or not all(1 <= w <= 30 for w in writers):
        raise argparse.ArgumentTypeError(f"{text!r}: give writers 1..30 as 21-30 or 3,5,7")
    return writers


def model_parsers(sub: argparse._SubParsersAction) -> None:
    """`nndesk eval`, `predict`, `info` and `gradcheck`: flags, help and examples."""
    p = command(sub, "eval", "test accuracy, per-digit accuracy and confusion matrix",
                 "Measure a model on the test set of MNIST (or Fashion-MNIST), or on your own "
                 "digits: a folder with sub-folders 0/ ... 9/ of images.",
                 "  nndesk eval models/default.npz\n  nndesk eval my.npz --json > report.json\n"
                 "  nndesk eval models/default.npz --folder my_digits/\n"
                 "  nndesk eval models/default.npz --pendigits 21-30 --variants 3\n"
                 "  nndesk eval models/trajectory.npz   # a trajectory model: pen writers 21-30\n")
    p.add_argument("model", metavar="MODEL", help="a model file (.npz)")
    p.add_argument("--json", action="store_true", help="print JSON instead of tables")
    p.add_argument("--folder", metavar="DIR",
                   help="your own digits (DIR/0/ ... DIR/9/) instead of the test set")
    p.add_argument("--pendigits", metavar="WRITERS", type=writer_range,
                   help="real pen digits of these writers (e.g. 21-30) drawn as on the canvas")
    p.add_argument("--variants", metavar="N", type=positive_int, default=1,
                   help="with --pendigits: draw each digit N times (random size, place, pen)")
    data_flags(p, default=None)
    threads_flag(p)

    p = command(sub, "predict", "recognize the digits in image files",
                 "Recognize digits in PNG/JPEG files (folders: every image inside), loading the "
                 "model once. Images go through the same preprocessing as the drawing canvas. "
                 "An unreadable file is reported and the others go on; the exit code is then 1.",
                 "  nndesk predict seven.png\n"
                 "  nndesk predict --model my.npz scans/ --json > answers.jsonl\n"
                 "  nndesk predict --strokes seven.json --json\n"
                 "  nndesk predict --strokes pendigits-orig.tra   # every pen digit in it\n"
                 "\nstrokes files (--strokes): the pen's path as the canvas records it,\n"
                 '  {"strokes": [[[x, y, t], ...], ...], "y": "down"}: one list of points per\n'
                 "  stroke, in drawing order; x, y in canvas pixels (0..280: read as drawn) or\n"
                 "  any other units (tablet units, 0..1, offsets: the drawing is fitted to the\n"
                 "  canvas as pen digits are, 70% tall and centred), t in ms (optional: [x, y]\n"
                 '  points work too). "y": "down" (screens, the canvas) or "up" (tablets); a\n'
                 "  file without it is read y down, or --y-up/--y-down, and one whose pen\n"
                 "  starts low is refused until it says. A single dot or no points: no digit.\n"
                 "  Pendigits files (UNIPEN text, as UCI's pendigits-orig.tra; y up): every\n"
                 '  digit, named FILE#N, the JSON adding "label_in_file".\n'
                 "  x, y must be finite and within +-1e9. Each is read by the image model (the\n"
                 "  strokes drawn as on the canvas), the trajectory model (the path) and their\n"
                 '  combination; the JSON adds "models": {"image", "trajectory", "weight"}.\n')
    p.add_argument("images", nargs="+", metavar="IMAGE|FOLDER", help="image files or folders")
    p.add_argument("--strokes", action="store_true",
                   help="the files are drawings' strokes (.json, format below), not images")
    y = p.add_mutually_exclusive_group()
    y.add_argument("--y-up", action="store_true",
                   help='with --strokes: y points up in files that do not say ("y")')
    y.add_argument("--y-down", action="store_true",
                   help='with --strokes: y points down in files that do not say ("y")')
    p.add_argument("--trajectory-model", metavar="MODEL",
                   help="with --strokes: trajectory model (default: the shipped one)")
    p.add_argument("--weight", type=number(float, 0.0), metavar="W",
                   help="with --strokes: weight of the trajectory model's log-probabilities, "
                        "0..1 (default: the one fitted with the trajectory model)")
    p.add_argument("--model", metavar="MODEL", help="model file (default: the shipped model)")
    p.add_argument("--json", action="store_true",
                   help='one JSON object per line: {"file", "label", "probabilities"}')
    threads_flag(p)

    p = command(sub, "info", "layers, output shapes, parameter counts (and model metadata)",
                 "Show a network layer by layer: what goes in, what comes out, how many "
                 "parameters. For a model file, also how it was made.",
                 "  nndesk info --preset DeepConvNet\n  nndesk info models/default.npz\n")
    p.add_argument("model", nargs="?", metavar="MODEL", help="a model file (.npz)")
    network_flags(p, required=False)
    p.add_argument("--json", action="store_true", help="spec, layers and metadata as JSON")

    p = command(sub, "gradcheck", "compare backprop with numerical gradients",
                 "Check the hand-written backward passes of a network against central "
                 "differences in float64. Every tensor must agree to a relative error of 1e-6.",
                 "  nndesk gradcheck --preset SimpleConvNet\n  nndesk gradcheck --spec my.json\n")
    network_flags(p, required=True)
    p.add_argument("--seed", type=non_negative_int, default=0, metavar="N",
                   help="seed of the weights and the test batch (default: 0)")
    p.add_argument("--max-checks", type=non_negative_int, default=100, metavar="N",
                   help="random elements compared per tensor (default: 100; 0: every one)")
    p.add_argument("--step", type=positive_float, default=1e-6, metavar="H",
                   help="finite-difference step (default: 1e-6; larger steps can cross a "
                        "ReLU or max-pool kink)")
    threads_flag(p)
