"""The `nndesk` argument parser: every sub-command, its flags, its help and examples. The
commands that make models are declared in parser_train.py, those that look at them in
parser_model.py, the pieces they share in parser_flags.py; the rest here."""

from __future__ import annotations

import argparse
from typing import NoReturn

from nndesk import __version__
from nndesk.cli.common import UserError
from nndesk.cli.parser_flags import (
    Formatter,
    command,
    data_flags,
    network_flags,
    non_negative_int,
    positive_float,
    positive_int,
    threads_flag,
    written_file,
)
from nndesk.cli.parser_model import model_parsers
from nndesk.cli.parser_train import experiment_parser, train_parser
from nndesk.export import TARGETS

__all__ = ["build_parser"]


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage mistake is one `nndesk: error: ...` line (exit 2), not a page."""

    def error(self, message: str) -> NoReturn:
        raise UserError(f"{message}{self._hint(message)} (see '{self.prog} --help')")

    def parse_args(self, args=None, namespace=None):
        """As argparse, but an unknown flag after a command is reported by that command's
        parser: its own flags for the hint and its --help, not every command's (argparse
        leaves them to the top level, which suggested `--limit` for `eval --limit`)."""
        namespace, extras = self.parse_known_args(args, namespace)
        if extras:
            chosen = [p for a in self._actions if isinstance(a, argparse._SubParsersAction)
                      for name, p in a.choices.items()
                      if name == getattr(namespace, a.dest, None)]
            (chosen[0] if chosen else self).error(
                f"unrecognized arguments: {' '.join(extras)}")
        return namespace

    def _hint(self, message: str) -> str:
        """"; did you mean --strokes?" for an unknown flag close to a known one, "; did you
        mean predict?" for a mistyped command or choice."""
        import re

        from nndesk.cli.common import did_you_mean

        choice = re.search(r"invalid choice: '([^']*)' \(choose from (.*)\)", message)
        if choice:
            return did_you_mean(choice.group(1), re.findall(r"'([^']*)'", choice.group(2)))
        if not message.startswith("unrecognized arguments:"):
            return ""
        parsers = [self] + [p for a in self._actions if isinstance(a, argparse._SubParsersAction)
                            for p in a.choices.values()]  # the top level reports for all
        known = sorted({o for p in parsers for a in p._actions for o in a.option_strings
                        if o.startswith("--")})
        for word in message.split(":", 1)[1].split():
            hint = did_you_mean(word.split("=", 1)[0], known) if word[:1] == "-" else ""
            if hint:
                return hint
        return ""


def _gui_parser(sub) -> None:
    p = command(sub, "gui", "open the window (the default)",
                 "Open the nndesk window: design, train, look inside, draw digits.",
                 "  nndesk\n  nndesk gui --model my.npz\n")
    p.add_argument("--model", metavar="FILE", help="model to load (default: the shipped model)")


def _presets_parser(sub) -> None:
    command(sub, "presets", "list the shipped network presets",
             "List the networks you can name with --preset.", "  nndesk presets\n")


def _export_parsers(sub) -> None:
    p = command(sub, "export", "write a model as PyTorch, ONNX or book-style NumPy code",
                 "Hand a trained model to the engines that scale. pytorch: DIR with model.py "
                 "(a torch.nn.Module), weights.pt, train.py (same settings, GPU, torchrun) and "
                 "a README; onnx: one FILE.onnx (input 'image', any batch size); numpy: DIR "
                 "with network.py, the book's layers needing only NumPy, and params.npz. "
                 "Needs the extra: pip install 'nndesk[pytorch]' or 'nndesk[onnx]'.",
                 "  nndesk export models/default.npz --to pytorch digitnet_torch/\n"
                 "  nndesk export my.npz --to onnx my.onnx\n"
                 "  nndesk export my.npz --to numpy my_numpy/\n")
    p.add_argument("model", metavar="MODEL", help="a model file (.npz)")
    p.add_argument("--to", required=True, choices=TARGETS,
                   help="the target")
    p.add_argument("out", metavar="OUT", help="folder (pytorch, numpy) or .onnx file")
    p.add_argument("--force", action="store_true",
                   help="replace OUT if it exists (in a folder: the export's files only; "
                        "every other file stays)")

    p = command(sub, "import", "open a PyTorch or ONNX model in nndesk",
                 "Turn a PyTorch state_dict saved by an exported train.py (.pt, read with "
                 "torch's safe weights_only loader) or an ONNX file of nndesk's layer types "
                 "into an nndesk model file.",
                 "  nndesk import digitnet_torch/trained.pt --out trained.npz\n"
                 "  nndesk import other.pt --spec digitnet_torch/spec.json --out other.npz\n"
                 "  nndesk import my.onnx --out my.npz\n")
    p.add_argument("file", metavar="FILE", help="a .pt/.pth state_dict or an .onnx file")
    p.add_argument("--out", required=True, metavar="FILE.npz", type=written_file("model.npz"),
                   help="the nndesk model to write")
    p.add_argument("--spec", metavar="FILE.json",
                   help="the network of a .pt file (default: spec.json beside it)")


def _insight_parser(sub) -> None:
    p = command(sub, "insight", "what a model gets wrong, why it answers, its layers' health",
                 "eval: the test set's misclassified digits with their top-2 answers (the "
                 "numbers of 'nndesk eval'); saliency: gradient x input and occlusion maps of "
                 "an image; health: activations, dead/saturated units, gradient norms and "
                 "update/weight ratios per layer on a batch of training images; neighbours: "
                 "the training images nearest to an image in the last hidden layer and in "
                 "pixel space (features cached per model in the user cache folder); compare: "
                 "the settings two model files were trained with that differ.",
                 "  nndesk insight eval models/default.npz --json --limit 50\n"
                 "  nndesk insight saliency models/default.npz seven.png --class 1\n"
                 "  nndesk insight health --preset DeepMLP --json\n"
                 "  nndesk insight neighbours models/default.npz seven.png --k 5\n"
                 "  nndesk insight compare run-1.npz run-2.npz\n")
    p.add_argument("what", choices=("eval", "saliency", "health", "neighbours", "compare"),
                   metavar="VIEW", help="eval, saliency, health, neighbours or compare")
    p.add_argument("model", nargs="?", metavar="MODEL", help="a model file (.npz)")
    p.add_argument("image", nargs="?", metavar="IMAGE",
                   help="saliency, neighbours: an image of a digit; compare: a second model")
    p.add_argument("--k", type=positive_int, default=5, metavar="K",
                   help="neighbours: training images listed per space (default 5)")
    p.add_argument("--train-images", type=positive_int, default=None, metavar="N",
                   help="neighbours: only the first N training images (default: all)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--limit", type=positive_int, default=20, metavar="N",
                   help="eval: misclassified digits listed, most confident first (default 20)")
    p.add_argument("--class", dest="klass", type=non_negative_int, metavar="C",
                   help="saliency: the class to explain (default: the answer)")
    p.add_argument("--batch", type=positive_int, default=100, metavar="N",
                   help="health: training images in the batch (default 100)")
    p.add_argument("--lr", type=positive_float, default=0.001, metavar="LR",
                   help="health: learning rate of the update/weight ratio (default 0.001)")
    p.add_argument("--seed", type=non_negative_int, default=0, metavar="N",
                   help="health with --preset/--spec: seed of the weights (default 0)")
    network_flags(p, required=False)
    data_flags(p, default=None)
    threads_flag(p)


def build_parser() -> argparse.ArgumentParser:
    """The whole `nndesk` command line; `command` is None when no sub-command was given."""
    parser = _Parser(prog="nndesk", formatter_class=Formatter,
                     description="Design, train, look inside and draw for a NumPy neural "
                                 "network. With no command, opens the window.",
                     epilog="examples:\n  nndesk\n  nndesk presets\n"
                            "  nndesk train --preset SimpleConvNet --epochs 5 --out simple.npz\n"
                            "  nndesk eval simple.npz\n  nndesk predict --json digits/\n"
                            "run 'nndesk COMMAND --help' for the flags of a command")
    parser.add_argument("--version", action="version", version=f"nndesk {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    _gui_parser(sub)
    train_parser(sub)
    model_parsers(sub)
    _presets_parser(sub)
    experiment_parser(sub)
    _export_parsers(sub)
    _insight_parser(sub)
    from nndesk.cli import calibrate_cmd, finetune_cmd  # parsers; handlers import lazily

    finetune_cmd.add_parser(sub)
    calibrate_cmd.add_parser(sub)
    return parser
