"""The pieces every `nndesk` sub-command's parser is made of: number types with bounds, a
sub-command with its help and examples, and the flags several commands share (network,
threads, data set)."""

from __future__ import annotations

import argparse
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = ["number", "positive_int", "non_negative_int", "positive_float", "non_negative_float",
           "written_file", "written_folder", "command", "network_flags", "threads_flag",
           "data_flags", "Formatter", "DATASETS"]

DATASETS = ("mnist", "fashion")


class Formatter(argparse.RawDescriptionHelpFormatter):
    """Keeps our examples as written, wraps descriptions, gives option names room."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, max_help_position=30)


def number(kind: type, minimum: float, strict: bool = False) -> Callable[[str], Any]:
    """An argparse type: `kind` at least `minimum` (or above it when `strict`)."""
    def parse(text: str):
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a valid {kind.__name__}") from None
        if value < minimum or (strict and value == minimum) or value != value:
            relation = "above" if strict else "at least"
            raise argparse.ArgumentTypeError(f"{text!r}: must be {relation} {minimum}")
        return value
    parse.__name__ = kind.__name__  # argparse names the type in its messages
    return parse


positive_int = number(int, 1)
non_negative_int = number(int, 0)
positive_float = number(float, 0.0, strict=True)
non_negative_float = number(float, 0.0)


def _place(example: str, file: bool) -> Callable[[str], str]:
    """An argparse type for a file (`file`) or folder a command writes: an empty or blank
    name is refused (as a path "" is ".", the current folder: a traceback, a default folder
    used silently, or a model written over), and a file's name that is an existing folder."""
    def parse(text: str) -> str:
        if not text.strip():
            what = "file" if file else "folder"
            raise argparse.ArgumentTypeError(f"no {what} name given, e.g. {example}")
        if file and Path(text).is_dir():
            raise argparse.ArgumentTypeError(
                f"{text} is a folder; give a file name, e.g. {Path(text) / example}")
        return text
    parse.__name__ = "file name" if file else "folder name"
    return parse


def written_file(example: str) -> Callable[[str], str]:
    """The type of a file a command writes (--out FILE.npz): `example` shows a good name."""
    return _place(example, file=True)


def written_folder(example: str) -> Callable[[str], str]:
    """The type of a folder a command writes into (--tensorboard DIR)."""
    return _place(example, file=False)


def command(sub: argparse._SubParsersAction, name: str, summary: str, description: str,
            examples: str) -> argparse.ArgumentParser:
    """A sub-command on `sub` with its summary, wrapped description and examples."""
    return sub.add_parser(name, help=summary, description=textwrap.fill(description, 79),
                          epilog="examples:\n" + examples, formatter_class=Formatter)


def network_flags(p: argparse.ArgumentParser, required: bool) -> None:
    """--preset NAME | --spec FILE.json (one of them when `required`)."""
    group = p.add_mutually_exclusive_group(required=required)
    group.add_argument("--preset", metavar="NAME", help="a shipped network (see 'nndesk presets')")
    group.add_argument("--spec", metavar="FILE.json", help="a network spec of your own (JSON)")


def threads_flag(p: argparse.ArgumentParser) -> None:
    """--threads N."""
    p.add_argument("--threads", type=positive_int, metavar="N",
                   help="threads sharing each batch (default: 2 on a computer with 2+ cores)")


def data_flags(p: argparse.ArgumentParser, default: str | None = "mnist",
                datasets: tuple[str, ...] = DATASETS) -> None:
    """--dataset (one of `datasets`, `default` when not given), --data-dir, --download."""
    more = (" (pendigits: pen trajectories of writers 1-20 as sequences, for a trajectory "
            "model)" if "pendigits" in datasets else "")
    p.add_argument("--dataset", choices=datasets, default=default,
                   help=f"which data set (default: {default or 'the one the model learned'})"
                        + more)
    p.add_argument("--data-dir", metavar="DIR",
                   help="folder with the IDX files (default: $NNDESK_DATA_DIR or your data folder)")
    p.add_argument("--download", action="store_true",
                   help="download missing data files from the public mirrors (checksummed)")
