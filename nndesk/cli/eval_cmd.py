"""`nndesk eval`: a model's accuracy, per-digit accuracy and confusion matrix on the test set,
the user's digit folder or the pen digits (a trajectory model: on pen paths as written)."""

from __future__ import annotations

import argparse

import numpy as np

from nndesk.cli.common import (
    UserError,
    as_input,
    dumps,
    load_data,
    load_model_arg,
    model_calibration,
    set_threads,
    table,
)
from nndesk.cli.parser_flags import DATASETS
from nndesk.fileio import printable

__all__ = ["cmd_eval"]


def cmd_eval(args: argparse.Namespace) -> int:
    """Test accuracy, per-digit accuracy and the confusion matrix of a model."""
    from nndesk.train.metrics import evaluate

    set_threads(args.threads)
    model = load_model_arg(args.model)
    noun = "images"
    extra: dict = {}
    if isinstance(model.metadata.get("trajectory"), dict):  # reads the pen's path
        x, t, writers = _pen_sequences(args, model)
        dataset, noun = "pendigits", "sequences"
        what = _writers_text(writers)
        extra = {"inputs": "sequences", "writers": writers}
    elif args.folder:
        x, t = _own_digits(args.folder)
        dataset, what = str(args.folder), "of your"
    elif args.pendigits:
        x, t = _pen_digits(args.pendigits, args.variants)
        dataset = "pendigits"
        what = f"pen-digit (writers {args.pendigits[0]}-{args.pendigits[-1]})"
    else:
        learned = model.metadata.get("data")
        dataset = args.dataset or (learned.get("dataset") if isinstance(learned, dict) else None)
        dataset = dataset if dataset in DATASETS else "mnist"
        data = load_data(dataset, args.data_dir, val_split=0, download=args.download)
        x, t, what = data.x_test, data.t_test, f"{dataset} test"
    report = evaluate(model.network, as_input(x, model.spec), t)
    report = {"model": str(args.model), "dataset": dataset, **extra, **report}
    selective = _selective(model, as_input(x, model.spec), t)
    if selective:
        report["selective"] = selective
    if args.json:
        print(dumps(report))
        return 0
    if report["n"] == 0:
        raise UserError(f"{printable(dataset)}: no test {noun} to measure the model on")
    print(f"{printable(args.model)}: {report['accuracy']:.2%} of {report['n']:,} {what} {noun}"
          if noun == "images" else
          f"{printable(args.model)}: {report['accuracy']:.2%} of {report['n']:,} {noun} "
          f"(pen paths as written) {what}")
    if selective:
        acc = selective["accuracy_answered"]
        print(f"with its calibration: answers {selective['coverage']:.2%} (accuracy "
              f"{'-' if acc is None else f'{acc:.2%}'}), not sure {selective['unsure']:.2%}, "
              f"'not a digit' {selective['not_a_digit']:.2%}")
    counts = np.array(report["confusion"])
    rows = [["digit", "accuracy", noun]]
    rows += [[str(d), "-" if acc is None else f"{acc:.2%}", str(counts[d].sum())]
             for d, acc in enumerate(report["per_digit"])]
    print("\n" + table(rows, right={0, 1, 2}))
    print("\nconfusion matrix (row: true digit, column: predicted digit)")
    rows = [["", *map(str, range(10))]] + [[str(d), *map(str, counts[d])] for d in range(10)]
    print(table(rows, right=set(range(11))))
    mistakes = counts - np.diag(np.diag(counts))
    worst = [divmod(int(i), 10) for i in np.argsort(-mistakes, axis=None, kind="stable")[:3]]
    worst = [f"{true} taken for {guess} ({mistakes[true, guess]}x)" for true, guess in worst
             if mistakes[true, guess]]
    if worst:
        print(f"\nmost frequent mistakes: {', '.join(worst)}")
    return 0


def _selective(model, x, t) -> dict | None:
    """Coverage and accuracy of answered images under the model's calibration, or None."""
    from nndesk.insight.reject import coverage_report, judge

    cal = model_calibration(model)
    if cal is None:
        return None
    try:
        return coverage_report(judge(model.network, cal, x), t)
    except ValueError as err:
        raise UserError(str(err)) from None


def _pen_digits(writers: list[int], variants: int):
    """Real pen trajectories of `writers`, drawn as on the canvas and preprocessed."""
    from nndesk.data.pendigits import load_pendigits, pendigits_path, render_set

    path = pendigits_path()
    if not path.is_file():
        raise UserError(f"pen digits not found at {path}; set NNDESK_PENDIGITS to "
                        f"pendigits-orig.tra (UCI pen-based digits)")
    keep = set(writers)
    digits = [d for d in load_pendigits(path) if d.writer in keep]
    x, t, _ = render_set(digits, n_variants=variants, seed=0)
    return x, t


def _pen_sequences(args: argparse.Namespace, model):
    """The pen digits of `args.pendigits` (default the held-out writers 21-30) as a trajectory
    model reads them (`trajectory.sequence_set`, as written), shaped for its input, with the
    writers. Image-only flags (--folder, --variants, --dataset) are a UserError: this model
    reads pen paths, not pictures."""
    from nndesk.data.pendigits import HELD_OUT_WRITERS, load_pendigits, pendigits_path
    from nndesk.data.trajectory import sequence_set

    for flag, given in (("--folder", args.folder), ("--variants", args.variants != 1),
                        ("--dataset", args.dataset)):
        if given:
            raise UserError(f"{printable(args.model)} reads pen paths, not images: {flag} is "
                            f"for image models (measure it with --pendigits WRITERS, default "
                            f"the held-out writers 21-30)")
    path = pendigits_path()
    if not path.is_file():
        raise UserError(f"pen digits not found at {path}; set NNDESK_PENDIGITS to "
                        f"pendigits-orig.tra (UCI pen-based digits)")
    writers = sorted(set(args.pendigits or HELD_OUT_WRITERS))
    length = model.metadata["trajectory"].get("length")
    if not isinstance(length, int) or length < 1:
        raise UserError(f"{printable(str(model.metadata['trajectory']))}: no sequence length")
    keep = set(writers)
    x, t = sequence_set([d for d in load_pendigits(path) if d.writer in keep], length=length)
    return as_input(x, model.spec), t, writers


def _writers_text(writers: list[int]) -> str:
    """'of held-out writers 21-30', 'of writers 1-3, 7 (trained on: not a held-out measure)':
    consecutive writers as ranges, and whether any of them was trained on."""
    from nndesk.data.pendigits import HELD_OUT_WRITERS

    runs: list[list[int]] = []
    for w in writers:
        if runs and w == runs[-1][-1] + 1:
            runs[-1].append(w)
        else:
            runs.append([w])
    names = ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}-{r[-1]}" for r in runs)
    if set(writers) <= set(HELD_OUT_WRITERS):
        return f"of held-out writer{'s' * (len(writers) > 1)} {names}"
    return (f"of writer{'s' * (len(writers) > 1)} {names} (writers 1-20 are trained on: "
            f"not a held-out measure)")


def _own_digits(folder: str):
    """The user's digits in folder/0 ... folder/9, as (x, t); any problem is a UserError."""
    from nndesk.data.folder import load_folder

    try:
        x, t = load_folder(folder)
    except (OSError, ValueError) as err:  # FolderError is a ValueError
        raise UserError(" ".join(str(err).split())) from None
    if len(x) == 0:
        raise UserError(f"no images in {folder}/0 ... {folder}/9")
    return x, t
