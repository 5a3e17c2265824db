"""The nndesk model file: THE one place that knows the format (one .npz, no pickle).

Layout of the archive (every entry a plain numeric array; JSON is stored as uint8 bytes):
  __format__      JSON {"name": "nndesk-model", "version": 1}
  spec            JSON network spec (what `Network.from_spec` builds)
  metadata        JSON: created, nndesk version, accuracy, command, ... (whatever was given)
  w/<key>         every entry of `net.state_dict()` (params and buffers)
and in a checkpoint, in addition:
  checkpoint      JSON: epoch, batch position, RNG states, config, history, ...
  opt/<key>       the optimizer's `state_dict()` arrays
  best/<key>      (optional) the best epoch's weights, for early stopping after a resume
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import numpy as np

import nndesk
from nndesk.fileio import atomic_write

__all__ = ["FORMAT_NAME", "FORMAT_VERSION", "ModelFile", "ModelFileError", "save_model",
           "load_model", "to_json"]

FORMAT_NAME = "nndesk-model"
FORMAT_VERSION = 1
# Checkpoint entries that are dicts of arrays, and the archive prefix each is stored under.
_ARRAY_GROUPS = {"optimizer": "opt/", "best_weights": "best/"}
# Test hook: seconds to sleep halfway through a write, so a test can SIGKILL mid-write.
_PAUSE_ENV = "NNDESK_TEST_SAVE_PAUSE_S"


class ModelFileError(Exception):
    """A model file that cannot be read; the message says which file and why."""


@dataclass
class ModelFile:
    """What `load_model` returns: a built network plus everything stored beside it."""

    network: Any  # nndesk.nn.Network, weights loaded
    spec: dict
    metadata: dict
    checkpoint: dict | None  # None for a plain model; arrays under "optimizer"/"best_weights"


def _json_default(obj: Any) -> Any:
    """Let NumPy scalars and small arrays pass through json.dumps."""
    if isinstance(obj, np.generic):
        return obj.item()
    if isinstance(obj, np.ndarray):
        return obj.tolist()
    if isinstance(obj, Path):
        return str(obj)
    raise TypeError(f"{type(obj).__name__} is not JSON-able")


def to_json(obj: Any) -> str:
    """JSON text of `obj` (NumPy scalars allowed); what every JSON entry of the file holds."""
    return json.dumps(obj, default=_json_default, allow_nan=True)


def _json_array(obj: Any) -> np.ndarray:
    return np.frombuffer(to_json(obj).encode("utf-8"), dtype=np.uint8)


def save_model(path: str | os.PathLike, net: Any, metadata: dict | None = None, *,
               checkpoint: dict | None = None) -> Path:
    """Write `net` (spec + weights) with metadata, and optionally a checkpoint, atomically.

    The archive is written to a temporary file in the same folder, fsynced, then renamed over
    `path`: a reader (or a crash) never sees half a file.
    """
    path = Path(path)
    meta = {"created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "nndesk_version": nndesk.__version__}
    meta.update(metadata or {})
    arrays: dict[str, np.ndarray] = {
        "__format__": _json_array({"name": FORMAT_NAME, "version": FORMAT_VERSION}),
        "spec": _json_array(net.spec),
        "metadata": _json_array(meta),
    }
    for key, value in net.state_dict().items():
        arrays[f"w/{key}"] = np.ascontiguousarray(value)
    if checkpoint is not None:
        rest = {k: v for k, v in checkpoint.items() if k not in _ARRAY_GROUPS}
        arrays["checkpoint"] = _json_array(rest)
        for group, prefix in _ARRAY_GROUPS.items():
            for key, value in (checkpoint.get(group) or {}).items():
                arrays[prefix + key] = np.asarray(value)
    _write_atomic(path, arrays)
    return path


def _write_atomic(path: Path, arrays: dict[str, np.ndarray]) -> None:
    """np.savez through `atomic_write`, fsynced: a checkpoint survives a kill or a power cut."""

    def write(f) -> None:
        pause = float(os.environ.get(_PAUSE_ENV, "0") or 0)
        if pause > 0:  # test hook: half the file on disk, then a long sleep
            np.savez(f, **dict(list(arrays.items())[: max(1, len(arrays) // 2)]))
            f.flush()
            time.sleep(pause)
            f.seek(0)
            f.truncate()
        np.savez(f, **arrays)

    atomic_write(path, write, durable=True)


def _read_entry(path: Path, archive, name: str) -> np.ndarray:
    """One array of the archive; a pickled or damaged one becomes a ModelFileError."""
    try:
        return archive[name]
    except ValueError as err:
        if "allow_pickle" in str(err) or "bject" in str(err):
            raise ModelFileError(f"{path}: entry {name!r} is an object array, which nndesk "
                                 f"never writes; refusing to read it") from err
        raise ModelFileError(f"{path}: entry {name!r} is damaged ({err})") from err
    except Exception as err:  # truncated or corrupt member (zlib, CRC, EOF)
        raise ModelFileError(f"{path}: entry {name!r} is damaged or the file is "
                             f"truncated ({err})") from err


def _read_arrays(path: Path) -> dict[str, np.ndarray]:
    """Every array of the archive, read now, each failure turned into a ModelFileError."""
    if not path.exists():
        raise ModelFileError(f"{path}: no such model file")
    if not path.is_file():
        raise ModelFileError(f"{path}: not a file")
    arrays = {}
    try:
        fh = open(path, "rb")  # we own the handle: np.load leaks it when the zip is bad
    except OSError as err:
        raise ModelFileError(f"{path}: cannot be opened ({err.strerror})") from err
    with fh:
        try:
            archive = np.load(fh, allow_pickle=False)
        except Exception as err:  # zipfile/NumPy/OS errors all mean "cannot read this"
            raise ModelFileError(f"{path}: not an nndesk model file (not a readable .npz "
                                 f"archive: {err})") from err
        if not isinstance(archive, np.lib.npyio.NpzFile):
            raise ModelFileError(f"{path}: not an nndesk model file (a single .npy array, "
                                 f"not an .npz archive)")
        with archive:
            for name in archive.files:
                arrays[name] = _read_entry(path, archive, name)
    return arrays


def _read_json(path: Path, arrays: dict[str, np.ndarray], name: str) -> Any:
    if name not in arrays:
        raise ModelFileError(f"{path}: the {name!r} entry is missing")
    raw = arrays[name]
    try:
        if raw.dtype == np.uint8 and raw.ndim == 1:
            text = raw.tobytes().decode("utf-8")
        elif raw.dtype.kind == "U" and raw.ndim == 0:
            text = str(raw)
        else:
            raise ValueError(f"dtype {raw.dtype}, shape {raw.shape}")
        return json.loads(text)
    except ValueError as err:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        raise ModelFileError(f"{path}: the {name!r} entry is not valid JSON ({err})") from err


def _check_format(path: Path, arrays: dict[str, np.ndarray]) -> None:
    if "__format__" not in arrays:
        raise ModelFileError(f"{path}: not an nndesk model file (no '__format__' entry)")
    fmt = _read_json(path, arrays, "__format__")
    if not isinstance(fmt, dict) or fmt.get("name") != FORMAT_NAME:
        raise ModelFileError(f"{path}: not an nndesk model file (format {fmt!r})")
    version = fmt.get("version")
    if not isinstance(version, int) or version < 1:
        raise ModelFileError(f"{path}: unknown format version {version!r}")
    if version > FORMAT_VERSION:
        raise ModelFileError(f"{path}: written by a newer nndesk (format version {version}; "
                             f"this nndesk reads up to {FORMAT_VERSION}): update nndesk")


def _build(path: Path, spec: Any) -> Any:
    from nndesk.nn import Network

    if not isinstance(spec, dict):
        raise ModelFileError(f"{path}: the spec is not a JSON object")
    try:
        return Network.from_spec(spec)
    except Exception as err:  # SpecError, or anything a broken spec provokes
        raise ModelFileError(f"{path}: its network spec does not build: {err}") from err


def _group(arrays: dict[str, np.ndarray], prefix: str) -> dict[str, np.ndarray]:
    return {k[len(prefix):]: v for k, v in arrays.items() if k.startswith(prefix)}


def load_model(path: str | os.PathLike) -> ModelFile:
    """Read a model or checkpoint file; any problem is one `ModelFileError` saying what."""
    path = Path(path)
    arrays = _read_arrays(path)
    _check_format(path, arrays)
    spec = _read_json(path, arrays, "spec")
    metadata = _read_json(path, arrays, "metadata")
    if not isinstance(metadata, dict):
        raise ModelFileError(f"{path}: the metadata is not a JSON object")
    net = _build(path, spec)

    expected = net.state_dict()
    weights = _group(arrays, "w/")
    missing = sorted(set(expected) - set(weights))
    if missing:
        raise ModelFileError(f"{path}: weight array 'w/{missing[0]}' is missing "
                             f"({len(missing)} missing in all)")
    for key, ref in expected.items():
        got = weights[key]
        if got.shape != ref.shape:
            raise ModelFileError(f"{path}: weight array 'w/{key}' has shape {got.shape}, "
                                 f"the spec needs {ref.shape}")
        if got.dtype.kind not in "fiu":
            raise ModelFileError(f"{path}: weight array 'w/{key}' has dtype {got.dtype}")

    checkpoint = None
    known = {"__format__", "spec", "metadata"} | {f"w/{k}" for k in expected}
    if "checkpoint" in arrays:
        checkpoint = _read_json(path, arrays, "checkpoint")
        if not isinstance(checkpoint, dict):
            raise ModelFileError(f"{path}: the checkpoint entry is not a JSON object")
        known.add("checkpoint")
        for group, prefix in _ARRAY_GROUPS.items():
            found = _group(arrays, prefix)
            known |= {prefix + k for k in found}
            if found:
                checkpoint[group] = found
    extra = sorted(set(arrays) - known)
    if extra:
        raise ModelFileError(f"{path}: unexpected entry {extra[0]!r} (not part of an nndesk "
                             f"model with this spec)")
    try:
        net.load_state_dict({k: weights[k].astype(expected[k].dtype, copy=False)
                             for k in expected})
    except ValueError as err:
        raise ModelFileError(f"{path}: the weights do not fit the spec ({err})") from err
    return ModelFile(network=net, spec=spec, metadata=metadata, checkpoint=checkpoint)

