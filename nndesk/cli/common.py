"""What the sub-commands share: user errors, the thread policy, specs and models named by flags."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nndesk.fileio import loads_json

if TYPE_CHECKING:  # type names only: the handlers import these lazily
    import numpy as np

    from nndesk.data.mnist import Splits
    from nndesk.insight.reject import Calibration
    from nndesk.train.modelfile import ModelFile

__all__ = ["UserError", "data_error_text", "did_you_mean", "set_threads", "spec_from_args",
           "load_model_arg",
           "load_json_file", "load_data", "as_input", "fetch_data", "json_safe", "dumps", "table",
           "model_calibration"]


_limiter: Any = None  # keeps the threadpoolctl limit alive for the life of the process


class UserError(Exception):
    """A mistake the user can fix (bad flag, missing file): one line on stderr, exit code 2."""


def did_you_mean(word: str, choices) -> str:
    """"; did you mean X?" for the choice closest to a mistyped `word` (case ignored:
    "DeepMLp" -> DeepMLP, "predcit" -> predict, "--y_up" -> --y-up), "" when none is close."""
    import difflib

    by_lower = {str(c).lower(): str(c) for c in choices}
    close = difflib.get_close_matches(word.lower(), list(by_lower), n=1, cutoff=0.6)
    return f"; did you mean {by_lower[close[0]]}?" if close else ""


def set_threads(n: int | None = None) -> int:
    """The thread policy, for the rest of the process: the images of each batch split between
    `n` batch workers (nn/parallel.py; default: 2 where two cores are usable, else 1), each
    with a one-thread BLAS. A multi-threaded BLAS spin-waits and slowed steps 2.2-2.7x when
    another program took a core; the workers do not (benchmarks/RESULTS.md, "Threads")."""
    global _limiter
    from threadpoolctl import threadpool_limits

    from nndesk.nn.parallel import default_workers, set_workers

    n = default_workers() if n is None else n
    if n < 1:
        raise UserError(f"--threads must be at least 1, not {n}")
    _limiter = threadpool_limits(limits=1, user_api="blas")
    return set_workers(n)


def load_json_file(path: str | Path) -> Any:
    """Read a JSON file, turning every way it can fail into a UserError naming the file."""
    path = Path(path)
    if not path.is_file():
        raise UserError(f"file not found: {path}")
    try:
        return loads_json(path.read_bytes())
    except OSError as err:
        raise UserError(f"cannot read {path}: {err}") from None
    except ValueError as err:
        raise UserError(f"{path} is {err}") from None


def spec_from_args(preset: str | None, spec: str | None) -> dict:
    """The network spec chosen by --preset NAME or --spec FILE, checked with `nn.infer`."""
    from nndesk.nn import SpecError, infer
    from nndesk.presets import list_presets, load_preset

    if preset is not None:
        if preset not in list_presets():
            raise UserError(f"unknown preset {preset!r}{did_you_mean(preset, list_presets())}; "
                            f"presets: {', '.join(list_presets())}")
        result = load_preset(preset)
        where = f"preset {preset}"
    elif spec is not None:
        result = load_json_file(spec)
        where = spec
    else:
        raise UserError("give a network with --preset NAME or --spec FILE.json")
    if not isinstance(result, dict):
        raise UserError(f"{where}: a spec is a JSON object with \"input_shape\" and \"layers\"")
    try:
        infer(result)
    except SpecError as err:
        raise UserError(f"{where}: {err}") from None
    return result


def load_model_arg(path: str | Path) -> ModelFile:
    """Load a model file named on the command line; a bad or missing file is a UserError."""
    from nndesk.train.modelfile import ModelFileError, load_model

    path = Path(path)
    if not path.exists():
        raise UserError(f"model file not found: {path}")
    try:
        return load_model(path)
    except ModelFileError as err:  # its message names the file already
        raise UserError(str(err)) from None


def data_error_text(err: Exception) -> str:
    """A data error as one line in the command line's words: the Python API's
    "(`download=True`)" becomes "(add --download)"."""
    text = " ".join(str(err).split())  # one line, whatever the message's layout
    return text.replace("(`download=True`)", "(add --download)")


def load_data(dataset: str = "mnist", data_dir: str | None = None, *, val_split: int = 5000,
              seed: int = 0, download: bool = False) -> Splits:
    """`load_mnist` as (N, 1, 28, 28) float32; missing or broken files become a UserError."""
    from nndesk.data.mnist import DataMissingError, IdxError, load_mnist

    if download:
        fetch_data(dataset, data_dir)
    try:
        return load_mnist(flatten=False, dataset=dataset, data_dir=data_dir,
                          val_split=val_split, seed=seed, download=download)
    except (DataMissingError, IdxError) as err:
        raise UserError(data_error_text(err)) from None
    except ValueError as err:
        raise UserError(str(err)) from None


def as_input(x: np.ndarray, spec: dict) -> np.ndarray:
    """Images (N, 1, 28, 28) reshaped to the network's input shape (e.g. (N, 784))."""
    import numpy as np

    shape = tuple(spec["input_shape"])
    if int(np.prod(shape)) != int(np.prod(x.shape[1:])):
        raise UserError(f"the network takes inputs of shape {'x'.join(map(str, shape))}, "
                        f"the images are {'x'.join(map(str, x.shape[1:]))}")
    return x.reshape(len(x), *shape)


def fetch_data(dataset: str = "mnist", data_dir: str | None = None) -> None:
    """Download the data set's missing files (`--download`) with a progress line on stderr."""
    import sys
    import time

    from nndesk.data.mnist import DataMissingError, download, missing_files
    from nndesk.data.mnist import data_dir as find_dir

    folder = find_dir(data_dir, dataset)
    if not missing_files(dataset, folder):
        return
    tty, last = sys.stderr.isatty(), [0.0]

    def progress(done: int, total: int) -> None:
        now = time.monotonic()
        if tty and (now - last[0] >= 0.1 or done >= total):
            last[0] = now
            sys.stderr.write(f"\rdownloading {dataset} into {folder}: {done / max(total, 1):4.0%} "
                             f"({done / 1e6:.1f} of {total / 1e6:.1f} MB)")
            sys.stderr.flush()

    print(f"downloading {dataset} into {folder} (checked by SHA-256)", file=sys.stderr)
    try:
        download(dataset, folder, progress=progress)
    except DataMissingError as err:  # DownloadError: every mirror failed
        raise UserError(" ".join(str(err).split())) from None
    finally:
        if tty:
            sys.stderr.write("\n")


def json_safe(obj: Any) -> Any:
    """`obj` with every NaN or infinite float replaced by None (JSON has no NaN)."""
    import math

    if isinstance(obj, float):
        return obj if math.isfinite(obj) else None
    if isinstance(obj, dict):
        return {k: json_safe(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [json_safe(v) for v in obj]
    return obj


def dumps(obj: Any) -> str:
    """Strict JSON for `--json` output: NaN and infinities become null, never `NaN`."""
    return json.dumps(json_safe(obj), allow_nan=False, default=_plain)


def _plain(obj: Any) -> Any:
    import numpy as np

    if isinstance(obj, np.generic):
        return json_safe(obj.item())
    if isinstance(obj, np.ndarray):
        return json_safe(obj.tolist())
    return str(obj)


def table(rows: list[list[str]], right: set[int] = frozenset()) -> str:
    """Rows of cells as aligned text; columns in `right` are right-aligned (numbers)."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "  ".join(cell.rjust(w) if i in right else cell.ljust(w)
                  for i, (cell, w) in enumerate(zip(row, widths, strict=True))).rstrip()
        for row in rows)


def model_calibration(model: ModelFile) -> Calibration | None:
    """The model file's calibration ("not a digit", "a or b?"), None without; a malformed one
    is a UserError."""
    from nndesk.insight.reject import Calibration

    try:
        return Calibration.from_metadata(model.metadata)
    except ValueError as err:
        raise UserError(str(err)) from None
