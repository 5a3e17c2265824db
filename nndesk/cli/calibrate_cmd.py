"""`nndesk calibrate MODEL [--out FILE]`: fit "not a digit" and "not sure" for a model file.

The command of `python -m nndesk.insight.calibrate`: temperature, reject unit and thresholds
fitted on calibration data only (never pen writers 21-30), stored in the model's metadata with
the weights bit-identical; the held-out figures are printed and kept in the calibration's info.
"""

from __future__ import annotations

import argparse

__all__ = ["add_parser", "cmd_calibrate"]


def add_parser(sub) -> None:
    """Declare `nndesk calibrate` on the sub-command parsers."""
    from nndesk.cli.parser_flags import command, written_file

    p = command(sub, "calibrate", "fit a model's 'not a digit' and 'not sure' answers",
                 "Fit temperature scaling, the 'not a digit' reject unit and the thresholds of "
                 "a model on calibration data (MNIST validation, pen writers 1-20, drawn "
                 "non-digits), then measure them on held-out data (MNIST test, pen writers "
                 "21-30, held-out non-digits). Rewrites MODEL (or writes --out) with the same "
                 "weights. Takes minutes: the drawings are rendered as the canvas does.",
                 "  nndesk calibrate models/default.npz\n"
                 "  nndesk calibrate mine.npz --out mine-calibrated.npz\n"
                 "  nndesk calibrate mine.npz --cache drawn.npz   # the next model: a minute\n")
    p.add_argument("model", metavar="MODEL", help="a model file (.npz)")
    p.add_argument("--out", metavar="FILE", type=written_file("calibrated.npz"),
                   help="write here instead of over MODEL")
    p.add_argument("--cache", metavar="FILE.npz", type=written_file("drawn.npz"),
                   help="keep the drawn inputs here and reuse them while the drawing and "
                        "preprocessing code is the same")
    p.add_argument("--jobs", type=int, default=1, metavar="N",
                   help="processes drawing the inputs (default 1)")
    p.add_argument("--extras", metavar="NAMES",
                   help="logit scores the reject unit reads: max_logit,margin,logsumexp "
                        "(default) or none")
    p.add_argument("--mnist-coverage", type=float, metavar="SHARE",
                   help="MNIST validation digits answered (default 0.996)")
    p.add_argument("--pen-coverage", type=float, metavar="SHARE",
                   help="pen digits of writers 1-20 answered (default 0.993)")


def cmd_calibrate(args: argparse.Namespace) -> int:
    """Run nndesk.insight.calibrate.main on the model (a missing file is a UserError)."""
    from pathlib import Path

    from nndesk.cli.common import UserError
    from nndesk.insight.calibrate import main

    if not Path(args.model).is_file():
        raise UserError(f"model file not found: {args.model}")
    argv = [args.model, "--jobs", str(args.jobs)]
    for flag in ("out", "cache", "extras", "mnist_coverage", "pen_coverage"):
        value = getattr(args, flag)
        if value is not None:
            argv += ["--" + flag.replace("_", "-"), str(value)]
    return main(argv)
