"""Export a trained nndesk model to PyTorch, ONNX or book-style NumPy, and import it back.

nndesk itself stays NumPy-only: each target imports its library lazily (extras
`nndesk[pytorch]`, `nndesk[onnx]`, `nndesk[tensorboard]`). `ExportError` names the layer
or setting a target cannot express; every export is written atomically.
"""

from nndesk.export.common import SUPPORTED, ExportError, plan

__all__ = ["ExportError", "SUPPORTED", "plan", "TARGETS", "export_model"]

TARGETS = ("pytorch", "onnx", "numpy")


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
