"""`nndesk finetune MODEL --folder DIR --out OUT.npz`: fine-tune a model on your own digits.

The folder's files are split per file (about one in four held out, decided by each file's
checksum); the model learns from the rest with MNIST training images mixed in, and the command
prints the accuracy on the held-out digits and on the MNIST test set before and after.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

__all__ = ["add_parser", "cmd_finetune"]


def add_parser(sub) -> None:
    """Declare `nndesk finetune` on the sub-command parsers."""
    from nndesk.cli.parser_flags import (
        command,
        data_flags,
        positive_float,
        positive_int,
        threads_flag,
        written_file,
    )

    p = command(sub, "finetune", "fine-tune a model on your own digits",
                 "Fine-tune a model on your handwriting: a folder with sub-folders 0/ ... 9/ "
                 "of images (the window's 'Save as my digit' writes one). About one file in "
                 "four, chosen by its checksum, is held out to measure the gain (the command "
                 "says how many); MNIST "
                 "training images are mixed in so the model keeps reading other hands. The "
                 "model given is never changed.",
                 "  nndesk finetune models/default.npz --folder my_digits/ --out mine.npz\n"
                 "  nndesk finetune models/default.npz --folder my_digits/ --out mine.npz "
                 "--epochs 5 --json\n")
    p.add_argument("model", metavar="MODEL", help="the model file to start from (.npz)")
    p.add_argument("--folder", required=True, metavar="DIR", help="your digits: DIR/0 ... DIR/9")
    p.add_argument("--out", "-o", required=True, metavar="OUT.npz", type=written_file("tuned.npz"),
                   help="where to save the fine-tuned model")
    p.add_argument("--epochs", type=positive_int, default=10, metavar="N",
                   help="passes over your digits (default 10)")
    p.add_argument("--lr", type=positive_float, default=1e-4, metavar="RATE",
                   help="Adam's learning rate (default 0.0001)")
    p.add_argument("--mnist-per-digit", type=float, default=3.0, metavar="F",
                   help="MNIST training images mixed in per digit of yours (default 3)")
    p.add_argument("--mnist-test", type=positive_int, default=10_000, metavar="N",
                   help="MNIST test images measured before and after (default all 10,000)")
    p.add_argument("--seed", type=int, default=0, metavar="N", help="random seed (default 0)")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    data_flags(p)
    threads_flag(p)


def cmd_finetune(args: argparse.Namespace) -> int:
    """Fine-tune, measure before/after, save to --out; exit 2 for a user's mistake."""
    from nndesk.cli.common import UserError, dumps, load_data, load_model_arg, set_threads
    from nndesk.cli.train_cmd import portable_command
    from nndesk.data.folder import FolderError, folder_sha256
    from nndesk.fileio import printable
    from nndesk.insight.handwriting import (
        finetune,
        finetuned_metadata,
        load_split,
        model_source,
    )
    from nndesk.train import save_model

    set_threads(args.threads)
    if Path(args.out).resolve() == Path(args.model).resolve():
        raise UserError("--out must not be the model you start from: it is never replaced")
    model = load_model_arg(args.model)
    try:
        split = load_split(args.folder)
    except FolderError as err:
        raise UserError(str(err)) from None
    if len(split.t_train) == 0:
        raise UserError(f"{printable(args.folder)}: all {len(split.t_held)} digits fell in the "
                        f"held-out part; save a few more")
    data = load_data(args.dataset, args.data_dir, download=args.download)
    test = (data.x_test[:args.mnist_test], data.t_test[:args.mnist_test])
    print(f"{len(split.t_train)} of your digits to learn from, {len(split.t_held)} held out"
          f" to measure; {len(split.skipped)} files skipped (no digit found)", file=sys.stderr)
    shown = [-1]

    def progress(done: int, total: int) -> None:  # a line per tenth, on stderr
        tenth = 10 * done // total
        if tenth != shown[0]:
            shown[0] = tenth
            print(f"fine-tuning: {done}/{total} batches", file=sys.stderr, flush=True)

    try:
        result = finetune(model.network, split, mnist_pool=(data.x_train, data.t_train),
                          mnist_test=test, epochs=args.epochs, lr=args.lr,
                          mnist_per_digit=args.mnist_per_digit, seed=args.seed,
                          on_progress=progress)
    except ValueError as err:
        raise UserError(str(err)) from None
    metadata = finetuned_metadata(model.metadata, result,
                                  source=model_source(args.model, model.metadata),
                                  folder_sha256=folder_sha256(args.folder))
    if getattr(args, "argv", None):  # its own command; the start model's is under "parent"
        metadata["command"] = portable_command(args.argv)
    out = save_model(args.out, result.network, metadata)
    if args.json:
        print(dumps({"model": str(args.model), "out": str(out), **result.to_json()}))
        return 0

    def pct(v: float | None) -> str:
        return "-" if v is None else f"{v:.2%}"

    b, a = result.before, result.after
    print(f"your held-out digits ({result.n_held_out}): {pct(b['held_out'])} -> "
          f"{pct(a['held_out'])}")
    print(f"MNIST test ({result.n_mnist_test:,}): {pct(b['mnist'])} -> {pct(a['mnist'])}")
    print(f"saved {printable(out)} (from {printable(args.model)}, unchanged)")
    return 0
