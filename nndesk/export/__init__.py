"""Export a trained nndesk model to PyTorch, ONNX or book-style NumPy, and import it back.

nndesk itself stays NumPy-only: each target imports its library lazily (extras
`nndesk[pytorch]`, `nndesk[onnx]`, `nndesk[tensorboard]`). `ExportError` names the layer
or setting a target cannot express; every export is written atomically.
"""

from nndesk.export.common import SUPPORTED, ExportError, plan

__all__ = ["ExportError", "SUPPORTED", "plan", "TARGETS", "export_model", "written_files",
           "export_problem", "place_problem", "FILE_SUFFIX", "FOLDER_REFUSES"]

TARGETS = ("pytorch", "onnx", "numpy")
FILE_SUFFIX = {"onnx": ".onnx"}  # a target written as one file: its name's ending
# endings of files nndesk reads or writes: a folder export given one was meant to be a file
FOLDER_REFUSES = (".onnx", ".npz", ".npy", ".pt", ".pth", ".py", ".json", ".png", ".csv",
                  ".txt", ".zip")
_TARGET_NAMES = {"pytorch": "PyTorch", "onnx": "ONNX", "numpy": "NumPy"}


def written_files(spec: dict, target: str) -> tuple[str, ...]:
    """The files `export_model(..., target, out)` writes for a network of `spec`: names inside
    the folder `out` ("pytorch", "numpy"), or () for "onnx" (`out` itself is the one file).

    A sequence (recurrent) network gets no train.py: it trains on MNIST images.
    Raises ExportError for an unknown target.
    """
    from nndesk.export.common import is_sequence_spec

    if target == "pytorch":
        train = () if is_sequence_spec(spec) else ("train.py",)
        return ("model.py", "weights.pt", *train, "spec.json", "README.md")
    if target == "numpy":
        return ("network.py", "params.npz")
    if target == "onnx":
        return ()
    raise ExportError(f"unknown target {target!r}; choose one of {', '.join(TARGETS)}")


def export_problem(spec: dict, target: str) -> str | None:
    """Why `target` cannot express the network of `spec` (the ExportError's text), or None.

    Checks the layers and the loss only (what `plan` checks), not the place written to.
    """
    try:
        plan(spec, recurrent=target != "numpy")   # book-style NumPy has no recurrent layers
    except ExportError as err:
        return str(err)
    return None


def place_problem(target: str, out) -> str | None:
    """Why `out` (the text given, a path) is no place to export `target` to, or None: the one
    rule the CLI and the Export dialog share (`export_model` checks it first).

    An empty or blank name (the CLI would have read "" as ".", the current folder); an ONNX
    file whose name does not end in .onnx (or is a folder, or only ".onnx"); a folder export
    whose name ends like a file's (".onnx", ".npz", ...). Each says what to write instead.
    """
    from pathlib import Path

    text = str(out)
    kind = _TARGET_NAMES.get(target, target)
    suffix = FILE_SUFFIX.get(target)
    if not text.strip():
        if suffix:
            return f"no file name given: an {kind} export is one file, e.g. model{suffix}"
        return f"no folder name given: a {kind} export is a folder, e.g. model_{target}"
    path = Path(text)
    if suffix:
        if path.is_dir():
            return (f"{text} is a folder: an {kind} export is one file — try "
                    f"{path / ('model' + suffix)}")
        if path.name.lower() == suffix:
            return f"{text}: give the file a name before {suffix}, e.g. model{suffix}"
        if path.suffix.lower() != suffix:
            return (f"{text}: an {kind} file ends in {suffix} — try "
                    f"{path.with_name(path.stem + suffix)}")
        return None
    if path.suffix.lower() in FOLDER_REFUSES and not path.is_dir():
        return (f"{text}: a {kind} export is a folder, not a {path.suffix} file — try "
                f"{path.with_name(path.stem + '_' + target)}")
    return None


def export_model(model, target: str, out, *, replace: bool = False):
    """Write `model` (a `ModelFile`, or anything with `.network` and `.metadata`) to
    `target` ("pytorch" folder, "onnx" file, "numpy" folder) at `out`, atomically.

    Raises ExportError (unsupported layer or setting, `out` no place for the target:
    `place_problem`; `out` exists without `replace`), ImportError when the target's library
    (the extra) is missing, OSError on a write. Give `out` as typed: Path("") is ".".
    """
    from pathlib import Path

    if target in TARGETS:
        problem = place_problem(target, out)
        if problem is not None:
            raise ExportError(problem)
    if target == "pytorch":
        from nndesk.export.pytorch import write_pytorch

        return write_pytorch(model, out, replace=replace)
    if target == "numpy":
        from nndesk.export.numpy_book import write_numpy

        return write_numpy(model, out, replace=replace)
    if target == "onnx":
        from nndesk.export.onnx_export import write_onnx

        if Path(out).exists() and not replace:
            raise ExportError(f"{out} exists (use --force to replace it)")
        return write_onnx(model, out)
    raise ExportError(f"unknown target {target!r}; choose one of {', '.join(TARGETS)}")
