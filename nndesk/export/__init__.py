"""Export a trained nndesk model to PyTorch, ONNX or book-style NumPy, and import it back.

nndesk itself stays NumPy-only: each target imports its library lazily (extras
`nndesk[pytorch]`, `nndesk[onnx]`, `nndesk[tensorboard]`). `ExportError` names the layer
or setting a target cannot express; every export is written atomically.
"""

from nndesk.export.common import SUPPORTED, ExportError, plan

__all__ = ["ExportError", "SUPPORTED", "plan", "TARGETS", "export_model", "written_files",
           "export_problem"]

TARGETS = ("pytorch", "onnx", "numpy")


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


def export_model(model, target: str, out, *, replace: bool = False):
    """Write `model` (a `ModelFile`, or anything with `.network` and `.metadata`) to
    `target` ("pytorch" folder, "onnx" file, "numpy" folder) at `out`, atomically.

    Raises ExportError (unsupported layer or setting, `out` exists without `replace`),
    ImportError when the target's library (the extra) is missing, OSError on a write.
    """
    from pathlib import Path

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
