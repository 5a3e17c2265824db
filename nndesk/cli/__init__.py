"""The `nndesk` command: gui | train | eval | predict | info | gradcheck | presets | experiment.

Each sub-command imports what it needs inside its handler, so `nndesk eval` never loads Qt
and `nndesk --help` is instant.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable

from nndesk.cli.common import UserError
from nndesk.cli.parser import build_parser
from nndesk.fileio import printable

__all__ = ["main", "UserError"]


def _gui(args: argparse.Namespace) -> int:
    from nndesk.gui.app import run

    return run(getattr(args, "model", None))


def _train(args: argparse.Namespace) -> int:
    from nndesk.cli.train_cmd import train

    return train(args)


def _model_command(name: str) -> Callable[[argparse.Namespace], int]:
    def handler(args: argparse.Namespace) -> int:
        from nndesk.cli import model_cmds

        return getattr(model_cmds, f"cmd_{name}")(args)
    return handler


def _eval(args: argparse.Namespace) -> int:
    from nndesk.cli.eval_cmd import cmd_eval

    return cmd_eval(args)


def _predict(args: argparse.Namespace) -> int:
    from nndesk.cli.predict_cmd import cmd_predict

    return cmd_predict(args)


def _experiment(args: argparse.Namespace) -> int:
    from nndesk.cli.experiment_cmd import experiment

    return experiment(args)


def _export_command(name: str) -> Callable[[argparse.Namespace], int]:
    def handler(args: argparse.Namespace) -> int:
        from nndesk.cli import export_cmd

        return getattr(export_cmd, f"cmd_{name}")(args)
    return handler


def _insight(args: argparse.Namespace) -> int:
    from nndesk.cli.insight_cmd import insight

    return insight(args)


def _finetune(args: argparse.Namespace) -> int:
    from nndesk.cli.finetune_cmd import cmd_finetune

    return cmd_finetune(args)


def _calibrate(args: argparse.Namespace) -> int:
    from nndesk.cli.calibrate_cmd import cmd_calibrate

    return cmd_calibrate(args)


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "finetune": _finetune, "calibrate": _calibrate,
    "gui": _gui, "train": _train, "experiment": _experiment,
    "insight": _insight, "eval": _eval, "predict": _predict,
    "export": _export_command("export"), "import": _export_command("import"),
    **{name: _model_command(name) for name in ("info", "gradcheck", "presets")},
}


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code (2 for a user's mistake, with one line)."""
    argv = sys.argv[1:] if argv is None else list(argv)
    try:
        args = build_parser().parse_args(argv)
        args.argv = argv  # `train` records the command as typed
        if args.command in ("train", "eval", "predict", "gradcheck", "experiment", "finetune"):
            from nndesk.nn.memory import keep_freed_memory  # malloc keeps freed blocks
            keep_freed_memory()
        return HANDLERS[args.command or "gui"](args)
    except UserError as err:
        print(f"nndesk: error: {printable(err)}", file=sys.stderr)
        return 2
    except SystemExit as done:  # --help and --version end here
        code = done.code
        return code if isinstance(code, int) else (0 if code is None else 1)
    except KeyboardInterrupt:
        print("nndesk: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `nndesk predict ... | head`: the reader left; end quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
