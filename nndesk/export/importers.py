"""`nndesk import`: a model trained elsewhere back into nndesk, to open, draw on and inspect.

Two sources: a PyTorch state_dict as the exported train.py (or model.py) saves it, read with
`torch.load(weights_only=True)`, which unpickles tensors and plain containers only, never
arbitrary objects; and an ONNX file of the supported operators (`onnx_export.read_onnx`).
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np

from nndesk.export.common import ExportError
from nndesk.fileio import loads_json

__all__ = ["import_pytorch", "import_model", "find_spec"]


def find_spec(path: str | os.PathLike, spec: str | os.PathLike | dict | None = None) -> dict:
    """The spec for a state_dict: `spec` (a dict or a JSON file), else spec.json beside the
    file (the export writes one). ExportError when there is none or it does not parse."""
    if isinstance(spec, dict):
        return spec
    where = Path(spec) if spec is not None else Path(path).with_name("spec.json")
    if not where.is_file():
        raise ExportError(f"no network spec for {path}: give --spec FILE.json (the export "
                          f"folder's spec.json, or a model file's spec via nndesk info --json)")
    try:
        data = loads_json(where.read_bytes())
    except (OSError, ValueError) as err:
        raise ExportError(f"cannot read the spec {where}: {err}") from None
    if isinstance(data, dict) and isinstance(data.get("spec"), dict):  # `nndesk info --json`
        data = data["spec"]
    if not isinstance(data, dict):
        raise ExportError(f"{where} is not a network spec (a JSON object with \"layers\")")
    return data


def import_pytorch(path: str | os.PathLike, spec: dict):
    """A `Network` for `spec` with the weights of a PyTorch state_dict file.

    Only `torch.load(..., weights_only=True)`: a file holding code or other objects is
    refused (ExportError), never run. Keys and shapes must be those of the exported
    model.py (ExportError names the first that is not). Needs torch (nndesk[pytorch]).
    """
    import torch

    from nndesk.export.pytorch import nndesk_arrays
    from nndesk.nn import Network, SpecError

    try:
        state = torch.load(path, map_location="cpu", weights_only=True)
    except Exception as err:  # UnpicklingError for anything but tensors, zip errors, ...
        first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        raise ExportError(f"{path} is not a PyTorch state_dict nndesk can read safely: "
                          f"{first}") from None
    if isinstance(state, dict) and isinstance(state.get("state_dict"), dict):
        state = state["state_dict"]
    if not isinstance(state, dict) or not all(isinstance(v, torch.Tensor)
                                              for v in state.values()):
        raise ExportError(f"{path} is not a state_dict (a dict of tensors)")
    arrays = {str(k).removeprefix("module."): v.detach().cpu().numpy()
              for k, v in state.items()}
    try:
        net = Network.from_spec(spec)
        net.load_state_dict(nndesk_arrays(net.spec, arrays))
    except SpecError as err:
        raise ExportError(f"the spec does not build: {err}") from None
    except ValueError as err:
        raise ExportError(f"{path} does not fit the spec: {err}") from None
    return net


def import_model(path: str | os.PathLike, spec: str | os.PathLike | dict | None = None):
    """A `Network` from a .pt/.pth state_dict (with its spec) or an .onnx file."""
    path = Path(path)
    if path.is_dir():
        raise ExportError(folder_problem(path))
    if not path.is_file():
        raise ExportError(f"file not found: {path}")
    if path.suffix.lower() == ".onnx":
        from nndesk.export.onnx_export import read_onnx

        net = read_onnx(path)
    elif path.suffix.lower() in (".pt", ".pth"):
        net = import_pytorch(path, find_spec(path, spec))
    else:
        raise ExportError(f"{path.name}: nndesk imports .pt/.pth (PyTorch state_dict) and "
                          f".onnx files")
    _finite(net)
    return net


IMPORTABLE = (".pt", ".pth", ".onnx")


def folder_problem(folder: Path) -> str:
    """What to say for a folder given where a file goes: an export's folder names the file in
    it to import (the trained weights first), any other folder what to give instead (QA:
    `nndesk import d_pt`, an exported folder, said "file not found: d_pt")."""
    try:
        files = sorted(p for p in folder.iterdir()
                       if p.is_file() and p.suffix.lower() in IMPORTABLE)
    except OSError:
        files = []
    if not files:
        return (f"{folder} is a folder, not a model file; give a .pt/.pth state_dict or an "
                f".onnx file")
    best = min(files, key=lambda p: (p.name != "trained.pt", p.name != "weights.pt", p.name))
    what = (" (an nndesk export for PyTorch)" if (folder / "train.py").is_file()
            and (folder / "spec.json").is_file() else "")
    others = [p.name for p in files if p != best]
    also = f" (also there: {', '.join(others)})" if others else ""
    return (f"{folder} is a folder{what}, not a model file; import the file in it: "
            f"nndesk import {folder / best.name} --out model.npz{also}")


def _finite(net) -> None:
    """ExportError when a weight is NaN or infinite (a diverged run)."""
    for key, value in net.state_dict().items():
        if not np.isfinite(value).all():
            raise ExportError(f"weight {key} holds NaN or infinite values")
