"""The `nndesk` argument parser: every sub-command, its flags, its help and examples."""

from __future__ import annotations

import argparse
import textwrap
from typing import NoReturn

from nndesk import __version__
from nndesk.cli.common import UserError

__all__ = ["build_parser", "EXPERIMENT_NAMES", "SCHEDULES"]

EXPERIMENT_NAMES = ("optimizers", "init", "batchnorm", "overfit", "hyperparams")
SCHEDULES = ("constant", "step", "cosine")
DATASETS = ("mnist", "fashion")


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage mistake is one `nndesk: error: ...` line (exit 2), not a page."""

    def error(self, message: str) -> NoReturn:
        raise UserError(f"{message}{self._hint(message)} (see '{self.prog} --help')")

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


class _Formatter(argparse.RawDescriptionHelpFormatter):
    """Keeps our examples as written, wraps descriptions, gives option names room."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, max_help_position=30)


def _number(kind: type, minimum: float, strict: bool = False):
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


positive_int = _number(int, 1)
non_negative_int = _number(int, 0)
positive_float = _number(float, 0.0, strict=True)
non_negative_float = _number(float, 0.0)


def _command(sub, name: str, summary: str, description: str, examples: str) -> _Parser:
    return sub.add_parser(name, help=summary, description=textwrap.fill(description, 79),
                          epilog="examples:\n" + examples, formatter_class=_Formatter)


def _network_flags(p: argparse.ArgumentParser, required: bool) -> None:
    group = p.add_mutually_exclusive_group(required=required)
    group.add_argument("--preset", metavar="NAME", help="a shipped network (see 'nndesk presets')")
    group.add_argument("--spec", metavar="FILE.json", help="a network spec of your own (JSON)")


def _threads_flag(p: argparse.ArgumentParser) -> None:
    p.add_argument("--threads", type=positive_int, metavar="N",
                   help="threads sharing each batch (default: 2 on a computer with 2+ cores)")


def _data_flags(p: argparse.ArgumentParser, default: str | None = "mnist",
                datasets: tuple[str, ...] = DATASETS) -> None:
    more = (" (pendigits: pen trajectories of writers 1-20 as sequences, for a trajectory "
            "model)" if "pendigits" in datasets else "")
    p.add_argument("--dataset", choices=datasets, default=default,
                   help=f"which data set (default: {default or 'the one the model learned'})"
                        + more)
    p.add_argument("--data-dir", metavar="DIR",
                   help="folder with the IDX files (default: $NNDESK_DATA_DIR or your data folder)")
    p.add_argument("--download", action="store_true",
                   help="download missing data files from the public mirrors (checksummed)")


def _train_parser(sub) -> None:
    p = _command(sub, "train", "train a network and save it as a model file",
                 "Train a network on MNIST with a progress bar. Ctrl-C stops after saving a "
                 "checkpoint next to --out (FILE.ckpt.npz) and prints the command that resumes.",
                 "  nndesk train --preset SimpleConvNet --epochs 20 --out simple.npz\n"
                 "  nndesk train --spec my_net.json --optimizer sgd --lr 0.1 --schedule cosine "
                 "--out my.npz\n"
                 "  nndesk train --preset LeNet5 --augment --extra-data my_digits/ "
                 "--out lenet.npz\n"
                 "  nndesk train --preset SimpleConvNet --out simple.npz "
                 "--resume simple.ckpt.npz\n"
                 "  nndesk train --init-from models/default.npz --extra-data my_digits/ --epochs 2 "
                 "--lr 0.0001 --out mine.npz\n"
                 "  nndesk train --preset PenGRU --dataset pendigits --augment --out traj.npz\n")
    _network_flags(p, required=False)
    p.add_argument("--out", required=True, metavar="FILE.npz", help="where to save the model")
    p.add_argument("--resume", metavar="CHECKPOINT",
                   help="continue a stopped run from its checkpoint, exactly where it stopped")
    p.add_argument("--init-from", "--from", dest="start_from", metavar="MODEL",
                   help="start from this model's weights and BatchNorm statistics "
                        "(fine-tuning, e.g. on --extra-data); its network unless "
                        "--preset/--spec says otherwise, which must then be the same network")
    p.add_argument("--epochs", type=positive_int, metavar="N", help="passes over the data")
    p.add_argument("--batch-size", type=positive_int, metavar="N", help="images per step")
    p.add_argument("--optimizer", metavar="NAME",
                   help="sgd, momentum, nesterov, adagrad, rmsprop or adam")
    p.add_argument("--lr", type=positive_float, metavar="RATE", help="learning rate")
    p.add_argument("--weight-decay", type=non_negative_float, metavar="LAMBDA",
                   help="L2 penalty on the weights, as in the book's ch. 6")
    p.add_argument("--augment", nargs="?", const="affine", choices=("affine", "elastic"),
                   help="randomly shift, rotate, scale and thicken the training digits; "
                        "'--augment elastic' also bends them with a random smooth field "
                        "(elastic distortion, Simard et al. 2003: alpha 34, sigma 4 px)")
    p.add_argument("--schedule", choices=SCHEDULES, help="how the learning rate changes")
    p.add_argument("--step-size", type=positive_int, metavar="N",
                   help="step schedule: epochs between decays (default: 5)")
    p.add_argument("--gamma", type=positive_float, metavar="F",
                   help="step schedule: factor per decay (default: 0.1)")
    p.add_argument("--warmup-epochs", type=non_negative_float, metavar="E",
                   help="raise the learning rate linearly over the first E epochs")
    p.add_argument("--momentum", type=non_negative_float, metavar="F",
                   help="momentum and nesterov only (default: 0.9)")
    p.add_argument("--seed", type=non_negative_int, metavar="N",
                   help="random seed: the same seed gives the same run")
    p.add_argument("--val-split", type=non_negative_int, metavar="N",
                   help="training images held out for validation")
    p.add_argument("--early-stop", type=positive_int, metavar="N",
                   help="stop after N epochs without a better validation accuracy, keep the best")
    p.add_argument("--test-each-epoch", action="store_true",
                   help="also measure test accuracy after every epoch (slower)")
    p.add_argument("--extra-data", metavar="FOLDER",
                   help="your own digits (sub-folders 0/ ... 9/) mixed into the training data")
    p.add_argument("--tensorboard", metavar="DIR", help="also write TensorBoard event files "
                   "(loss, accuracies, lr, weight histograms) to DIR; needs nndesk[tensorboard]")
    p.add_argument("--limit", type=positive_int, help=argparse.SUPPRESS)  # tests: N images
    _data_flags(p, datasets=(*DATASETS, "pendigits"))
    _threads_flag(p)


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


def _model_parsers(sub) -> None:
    p = _command(sub, "eval", "test accuracy, per-digit accuracy and confusion matrix",
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
    _data_flags(p, default=None)
    _threads_flag(p)

    p = _command(sub, "predict", "recognize the digits in image files",
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
    p.add_argument("--weight", type=_number(float, 0.0), metavar="W",
                   help="with --strokes: weight of the trajectory model's log-probabilities, "
                        "0..1 (default: the one fitted with the trajectory model)")
    p.add_argument("--model", metavar="MODEL", help="model file (default: the shipped model)")
    p.add_argument("--json", action="store_true",
                   help='one JSON object per line: {"file", "label", "probabilities"}')
    _threads_flag(p)

    p = _command(sub, "info", "layers, output shapes, parameter counts (and model metadata)",
                 "Show a network layer by layer: what goes in, what comes out, how many "
                 "parameters. For a model file, also how it was made.",
                 "  nndesk info --preset DeepConvNet\n  nndesk info models/default.npz\n")
    p.add_argument("model", nargs="?", metavar="MODEL", help="a model file (.npz)")
    _network_flags(p, required=False)
    p.add_argument("--json", action="store_true", help="spec, layers and metadata as JSON")

    p = _command(sub, "gradcheck", "compare backprop with numerical gradients",
                 "Check the hand-written backward passes of a network against central "
                 "differences in float64. Every tensor must agree to a relative error of 1e-6.",
                 "  nndesk gradcheck --preset SimpleConvNet\n  nndesk gradcheck --spec my.json\n")
    _network_flags(p, required=True)
    p.add_argument("--seed", type=non_negative_int, default=0, metavar="N",
                   help="seed of the weights and the test batch (default: 0)")
    p.add_argument("--max-checks", type=non_negative_int, default=100, metavar="N",
                   help="random elements compared per tensor (default: 100; 0: every one)")
    p.add_argument("--step", type=positive_float, default=1e-6, metavar="H",
                   help="finite-difference step (default: 1e-6; larger steps can cross a "
                        "ReLU or max-pool kink)")
    _threads_flag(p)


def _gui_parser(sub) -> None:
    p = _command(sub, "gui", "open the window (the default)",
                 "Open the nndesk window: design, train, look inside, draw digits.",
                 "  nndesk\n  nndesk gui --model my.npz\n")
    p.add_argument("--model", metavar="FILE", help="model to load (default: the shipped model)")


def _other_parsers(sub) -> None:
    _command(sub, "presets", "list the shipped network presets",
             "List the networks you can name with --preset.", "  nndesk presets\n")

    p = _command(sub, "experiment", "the book's ch. 6 experiments, as CSV and PNG",
                 "Re-run a comparison from chapter 6 of Deep Learning from Scratch: "
                 "optimizers (SGD, Momentum, AdaGrad, RMSProp, Adam), init (std 0.01, Xavier, "
                 "He), batchnorm (on/off at several weight scales), overfit (300 images, plain, "
                 "weight decay 0.1, dropout), hyperparams (random search of learning rate and "
                 "weight decay, judged on validation images). Writes NAME.csv and NAME.png.",
                 "  nndesk experiment optimizers\n"
                 "  nndesk experiment overfit --epochs 100 --out results/\n")
    p.add_argument("name", choices=EXPERIMENT_NAMES + ("all",), metavar="NAME",
                   help=f"one of: {', '.join(EXPERIMENT_NAMES)}, all")
    p.add_argument("--epochs", type=positive_int, metavar="N",
                   help="passes over the training images (default: the experiment's own)")
    p.add_argument("--subset", type=positive_int, metavar="N",
                   help="training images to use (default: the experiment's own)")
    p.add_argument("--out", metavar="DIR", help="folder for the CSV and PNG files")
    p.add_argument("--seed", type=non_negative_int, default=0, metavar="N",
                   help="random seed (default: 0)")
    _data_flags(p)
    _threads_flag(p)


def _export_parsers(sub) -> None:
    p = _command(sub, "export", "write a model as PyTorch, ONNX or book-style NumPy code",
                 "Hand a trained model to the engines that scale. pytorch: DIR with model.py "
                 "(a torch.nn.Module), weights.pt, train.py (same settings, GPU, torchrun) and "
                 "a README; onnx: one FILE.onnx (input 'image', any batch size); numpy: DIR "
                 "with network.py, the book's layers needing only NumPy, and params.npz. "
                 "Needs the extra: pip install 'nndesk[pytorch]' or 'nndesk[onnx]'.",
                 "  nndesk export models/default.npz --to pytorch digitnet_torch/\n"
                 "  nndesk export my.npz --to onnx my.onnx\n"
                 "  nndesk export my.npz --to numpy my_numpy/\n")
    p.add_argument("model", metavar="MODEL", help="a model file (.npz)")
    p.add_argument("--to", required=True, choices=("pytorch", "onnx", "numpy"),
                   help="the target")
    p.add_argument("out", metavar="OUT", help="folder (pytorch, numpy) or .onnx file")
    p.add_argument("--force", action="store_true", help="replace OUT if it exists")

    p = _command(sub, "import", "open a PyTorch or ONNX model in nndesk",
                 "Turn a PyTorch state_dict saved by an exported train.py (.pt, read with "
                 "torch's safe weights_only loader) or an ONNX file of nndesk's layer types "
                 "into an nndesk model file.",
                 "  nndesk import digitnet_torch/trained.pt --out trained.npz\n"
                 "  nndesk import other.pt --spec digitnet_torch/spec.json --out other.npz\n"
                 "  nndesk import my.onnx --out my.npz\n")
    p.add_argument("file", metavar="FILE", help="a .pt/.pth state_dict or an .onnx file")
    p.add_argument("--out", required=True, metavar="FILE.npz", help="the nndesk model to write")
    p.add_argument("--spec", metavar="FILE.json",
                   help="the network of a .pt file (default: spec.json beside it)")


def _insight_parser(sub) -> None:
    p = _command(sub, "insight", "what a model gets wrong, why it answers, how its layers are",
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
    _network_flags(p, required=False)
    _data_flags(p, default=None)
    _threads_flag(p)


def build_parser() -> argparse.ArgumentParser:
    """The whole `nndesk` command line; `command` is None when no sub-command was given."""
    parser = _Parser(prog="nndesk", formatter_class=_Formatter,
                     description="Design, train, look inside and draw for a NumPy neural "
                                 "network. With no command, opens the window.",
                     epilog="examples:\n  nndesk\n  nndesk presets\n"
                            "  nndesk train --preset SimpleConvNet --epochs 5 --out simple.npz\n"
                            "  nndesk eval simple.npz\n  nndesk predict --json digits/\n"
                            "run 'nndesk COMMAND --help' for the flags of a command")
    parser.add_argument("--version", action="version", version=f"nndesk {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    _gui_parser(sub)
    _train_parser(sub)
    _model_parsers(sub)
    _other_parsers(sub)
    _export_parsers(sub)
    _insight_parser(sub)
    from nndesk.cli import calibrate_cmd, finetune_cmd  # parsers; handlers import lazily

    finetune_cmd.add_parser(sub)
    calibrate_cmd.add_parser(sub)
    return parser
