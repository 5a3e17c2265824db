"""The nndesk model file: THE one place that knows the format (one .npz, no pickle).

Layout of the archive (every entry a plain numeric array; JSON is stored as uint8 bytes):
  __format__      JSON {"name": "nndesk-model", "version": 1}
  spec            JSON network spec (what `Network.from_spec` builds)
  metadata        JSON: created, nndesk version, accuracy, command, ... (whatever was given)
  w/<key>         every entry of `net.state_dict()` (params and buffers), float32
and in a checkpoint, in addition:
  checkpoint      JSON: epoch, batch position, RNG states, config, history, ...
  opt/<key>       the optimizer's `state_dict()` arrays
  best/<key>      (optional) the best epoch's weights, for early stopping after a resume

Reading trusts nothing in the file. In order, before any entry is decompressed: the file's size
and first bytes (a README or a CSV is named as such), the zip directory's size, every entry's
name against the layout above, the sizes the entries declare (total capped, and at most
`MAX_INFLATION` bytes more than the file itself: a zip bomb is refused unread), each array's
.npy header (dtype and shape) against the spec. Only then are the arrays read, and their values
checked (finite weights; float32, or float64 holding float32 values exactly). A checkpoint's
training state (counters, config, optimizer slots, RNG states) is checked here too, so a
damaged one is refused on load, not half-way into a resumed run.
"""

from __future__ import annotations

import json
import math
import os
import re
import struct
import time
import zipfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import numpy as np

import nndesk
from nndesk.fileio import atomic_write, describe_file, loads_json, printable

__all__ = ["FORMAT_NAME", "FORMAT_VERSION", "ModelFile", "ModelFileError", "save_model",
           "load_model", "init_from", "spec_difference", "to_json", "MAX_FILE_BYTES",
           "MAX_INFLATION"]

FORMAT_NAME = "nndesk-model"
FORMAT_VERSION = 1
# Checkpoint entries that are dicts of arrays, and the archive prefix each is stored under.
_ARRAY_GROUPS = {"optimizer": "opt/", "best_weights": "best/"}
# Test hook: seconds to sleep halfway through a write, so a test can SIGKILL mid-write.
_PAUSE_ENV = "NNDESK_TEST_SAVE_PAUSE_S"

# Limits on what a model file may ask of this computer (the largest preset, DigitNet, is a
# 3.4 MB model and a 14 MB checkpoint).
MAX_FILE_BYTES = 256 << 20   # a larger file is refused before it is opened
MAX_INFLATION = 16 << 20     # decompressed bytes beyond the file's own size (nndesk stores
#                              entries uncompressed; 16 MB leaves room for a re-compressed file)
MAX_JSON_BYTES = 2 << 20     # all JSON entries together (2 MB of "[{},{},...]" parse to
#                              48 MB of Python objects; a 1,000-epoch history is 250 kB)
MAX_ENTRIES = 4096
MAX_LAYERS = 1000
_MAX_DIRECTORY = 1 << 20     # bytes of zip central directory (about 10,000 entries)
_JSON_ENTRIES = ("__format__", "spec", "metadata", "checkpoint")
_ENTRY = re.compile(r"(?:__format__|spec|metadata|checkpoint|(?:w|opt|best)/[A-Za-z0-9_.]{1,80})")
# Checkpoint fields: the loop state `Trainer.checkpoint_state` writes, by kind.
_COUNTERS = ("epoch", "batch", "step", "since_best", "epoch_loss_count")
_FLOATS = ("best_val_acc", "train_time_s", "epoch_loss_sum", "epoch_time_s")
_RNGS = ("rng", "epoch_rng", "net_rng")


class ModelFileError(Exception):
    """A model file that cannot be read; the message names the file once and says why."""


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
    `path`: a reader (or a crash) never sees half a file. Raises `OSError` when the folder
    cannot be written (the old file, if any, is untouched).
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


# --- reading: the container ------------------------------------------------------------------
@dataclass
class _Entry:
    """One archive member whose .npy header has been read (its data not yet)."""

    name: str
    info: zipfile.ZipInfo
    dtype: np.dtype
    shape: tuple[int, ...]
    fortran: bool
    offset: int  # bytes of .npy header before the data


class _Reader:
    """The archive of one model file, opened and checked entry by entry (see the module doc)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.where = printable(str(path))

    def fail(self, problem: str) -> ModelFileError:
        return ModelFileError(f"{self.where}: {problem}")

    def open(self) -> None:
        path = self.path
        if not path.exists():
            raise self.fail("no such model file")
        if not path.is_file():
            raise self.fail("not a file")
        size = path.stat().st_size
        if size < 22:  # the smallest zip archive (an empty one) has 22 bytes
            raise self.fail(f"too short to be a model file ({size} byte{'s' * (size != 1)})")
        if size > MAX_FILE_BYTES:
            raise self.fail(f"{size / 2**20:,.0f} MB: larger than any model file nndesk "
                            f"reads (at most {MAX_FILE_BYTES >> 20} MB)")
        try:
            self.fh = open(path, "rb")  # we own the handle; zipfile does not close it for us
        except OSError as err:
            raise self.fail(f"cannot be opened ({err.strerror or err})") from err
        self.size = size
        try:
            head = self.fh.read(8)
            if not head.startswith(b"PK\x03\x04") and not head.startswith(b"PK\x05\x06"):
                what, advice = describe_file(path, head + self.fh.read(4088))
                raise self.fail(f"{what}, not an nndesk model file; {advice}")
            self._check_directory()
            self.zip = zipfile.ZipFile(self.fh)
        except ModelFileError:
            self.fh.close()
            raise
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError,
                NotImplementedError, struct.error) as err:
            self.fh.close()
            raise self.fail(f"damaged or truncated (not a readable .npz archive: "
                            f"{printable(str(err))})") from err

    def close(self) -> None:
        self.fh.close()

    def _check_directory(self) -> None:
        """The zip directory at the end: refuse one too large to be a model's, unread."""
        tail = min(self.size, 65557)
        self.fh.seek(self.size - tail)
        data = self.fh.read(tail)
        at = data.rfind(b"PK\x05\x06")
        if at < 0 or at + 22 > len(data):
            raise self.fail("damaged or truncated (no zip directory at its end)")
        entries, dir_size = struct.unpack("<xxxxxxxxxxHI", data[at:at + 16])
        if entries == 0xFFFF or dir_size == 0xFFFFFFFF:
            raise self.fail("a ZIP64 archive: far larger than any model file nndesk writes")
        if entries > MAX_ENTRIES or dir_size > _MAX_DIRECTORY:
            raise self.fail(f"{entries:,} entries in the archive: not a model file "
                            f"(at most {MAX_ENTRIES:,})")
        self.fh.seek(0)

    def entries(self) -> dict[str, _Entry]:
        """Every member checked by name and declared size, and its .npy header read."""
        infos = self.zip.infolist()
        if len(infos) > MAX_ENTRIES:
            raise self.fail(f"{len(infos):,} entries: not a model file")
        names: dict[str, zipfile.ZipInfo] = {}
        total = 0
        for info in infos:
            name = info.filename[:-4] if info.filename.endswith(".npy") else info.filename
            if not _ENTRY.fullmatch(name):
                raise self.fail(f"unexpected entry {printable(info.filename)!r} (not part of "
                                f"an nndesk model file)")
            if name in names:
                raise self.fail(f"entry {name!r} appears twice")
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise self.fail(f"entry {name!r} uses a compression nndesk does not read")
            if info.flag_bits & 0x1:
                raise self.fail(f"entry {name!r} is encrypted")
            total += info.file_size
            names[name] = info
        if total > self.size + MAX_INFLATION:
            raise self.fail(f"its entries unpack to {total / 2**20:,.0f} MB from a "
                            f"{self.size:,}-byte file: refused unread (a model "
                            f"file is stored uncompressed; this looks like a zip bomb)")
        return {name: self._header(name, info) for name, info in names.items()}

    def _header(self, name: str, info: zipfile.ZipInfo) -> _Entry:
        """The .npy header of one member: dtype and shape, checked against its declared size."""
        fmt = np.lib.format
        try:
            with self.zip.open(info) as f:
                version = fmt.read_magic(f)
                if version == (1, 0):
                    shape, fortran, dtype = fmt.read_array_header_1_0(f, max_header_size=4096)
                elif version in ((2, 0), (3, 0)):
                    shape, fortran, dtype = fmt.read_array_header_2_0(f, max_header_size=4096)
                else:
                    raise ValueError(f".npy version {version}")
                offset = f.tell()
        except (ValueError, OSError, EOFError, zipfile.BadZipFile, SyntaxError, TypeError,
                RecursionError) as err:
            raise self.fail(f"entry {name!r} is damaged ({printable(str(err))})") from err
        except Exception as err:  # zlib.error and kin: a corrupt compressed member
            raise self.fail(f"entry {name!r} is damaged or the file is truncated "
                            f"({printable(str(err))})") from err
        if dtype.hasobject:
            raise self.fail(f"entry {name!r} is an object array, which nndesk never writes; "
                            f"refusing to read it")
        if any(d < 0 for d in shape):
            raise self.fail(f"entry {name!r} is damaged (negative shape {shape})")
        needs = offset + math.prod(shape) * dtype.itemsize
        if needs != info.file_size:
            raise self.fail(f"entry {name!r} is damaged (its header promises {needs:,} bytes, "
                            f"the archive holds {info.file_size:,})")
        return _Entry(name, info, dtype, tuple(shape), fortran, offset)

    def read(self, entry: _Entry) -> np.ndarray:
        """The array of one checked member (CRC checked by zipfile at the end)."""
        try:
            with self.zip.open(entry.info) as f:
                data = f.read()
        except Exception as err:  # zlib, CRC, EOF: damaged or truncated
            raise self.fail(f"entry {entry.name!r} is damaged or the file is truncated "
                            f"({printable(str(err))})") from err
        if len(data) != entry.info.file_size:
            raise self.fail(f"entry {entry.name!r} is damaged or the file is truncated")
        arr = np.frombuffer(data, dtype=entry.dtype, offset=entry.offset)
        return arr.reshape(entry.shape, order="F" if entry.fortran else "C")

    def json(self, entries: dict[str, _Entry], name: str) -> Any:
        """A JSON entry, parsed with size and nesting limits."""
        if name not in entries:
            raise self.fail(f"the {name!r} entry is missing")
        entry = entries[name]
        kind_ok = ((entry.dtype == np.uint8 and len(entry.shape) == 1)
                   or (entry.dtype.kind == "U" and entry.shape == ()))
        if not kind_ok:
            raise self.fail(f"the {name!r} entry is not valid JSON (dtype {entry.dtype}, "
                            f"shape {entry.shape})")
        text_bytes = sum(entries[n].info.file_size for n in _JSON_ENTRIES if n in entries)
        if text_bytes > MAX_JSON_BYTES:
            raise self.fail(f"its JSON entries hold {text_bytes / 2**20:,.1f} MB of text: more "
                            f"than nndesk reads ({MAX_JSON_BYTES >> 20} MB)")
        raw = self.read(entry)
        try:
            return loads_json(raw.tobytes() if raw.dtype == np.uint8 else str(raw))
        except ValueError as err:
            raise self.fail(f"the {name!r} entry is {printable(str(err))}") from err


# --- reading: the content --------------------------------------------------------------------
def _check_format(r: _Reader, entries: dict[str, _Entry]) -> None:
    if "__format__" not in entries:
        raise r.fail("not an nndesk model file (no '__format__' entry)")
    fmt = r.json(entries, "__format__")
    if not isinstance(fmt, dict) or fmt.get("name") != FORMAT_NAME:
        raise r.fail(f"not an nndesk model file (format {printable(repr(fmt)[:80])})")
    version = fmt.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise r.fail(f"unknown format version {printable(repr(version)[:40])}")
    if version > FORMAT_VERSION:
        raise r.fail(f"written by a newer nndesk (format version {version}; this nndesk "
                     f"reads up to {FORMAT_VERSION}): update nndesk")


def _build(r: _Reader, spec: Any, entries: dict[str, _Entry]) -> Any:
    """The network of the spec, built only when the file holds as many weights as it needs."""
    from nndesk.nn import Network, infer

    if not isinstance(spec, dict):
        raise r.fail("the spec is not a JSON object")
    layers = spec.get("layers")
    if isinstance(layers, list) and len(layers) > MAX_LAYERS:
        raise r.fail(f"its network spec has {len(layers):,} layers (at most {MAX_LAYERS:,})")
    try:
        info = infer(spec)
        needed = sum(int(layer.params) for layer in info)
    except Exception as err:  # SpecError, or anything a broken spec provokes
        raise r.fail(f"its network spec does not build: {printable(str(err))}") from err
    held = sum(math.prod(e.shape) for n, e in entries.items() if n.startswith("w/"))
    if needed * 4 > r.size + MAX_INFLATION:  # building it would take more memory than the file
        raise r.fail(f"its spec needs {needed:,} weights ({needed * 4 / 2**20:,.0f} MB), the "
                     f"file holds {held:,}")
    try:
        return Network.from_spec(spec)
    except Exception as err:
        raise r.fail(f"its network spec does not build: {printable(str(err))}") from err


def _check_array_headers(r: _Reader, entries: dict[str, _Entry], prefix: str,
                         expected: dict[str, np.ndarray], what: str) -> None:
    """Keys, shapes and dtypes of a group of weight arrays, from their headers alone."""
    found = {n[len(prefix):]: e for n, e in entries.items() if n.startswith(prefix)}
    missing = sorted(set(expected) - set(found))
    if missing:
        raise r.fail(f"{what} '{prefix}{missing[0]}' is missing ({len(missing)} missing in all)")
    extra = sorted(set(found) - set(expected))
    if extra:
        raise r.fail(f"unexpected entry '{prefix}{extra[0]}' (not part of an nndesk model "
                     f"with this spec)")
    for key, ref in expected.items():
        e = found[key]
        if e.shape != ref.shape:
            raise r.fail(f"{what} '{prefix}{key}' has shape {e.shape}, the spec needs "
                         f"{ref.shape}")
        _check_dtype(r, f"{prefix}{key}", e.dtype, what)


def _check_dtype(r: _Reader, name: str, dtype: np.dtype, what: str) -> None:
    if dtype.kind != "f" or dtype.itemsize not in (4, 8):
        raise r.fail(f"{what} '{name}' has dtype {dtype}: nndesk model files hold float32 "
                     f"weights, and {dtype} does not convert to float32 without loss")


def _values(r: _Reader, name: str, arr: np.ndarray, what: str) -> np.ndarray:
    """`arr` as float32 when that loses nothing and every value is finite, else refused."""
    out = arr.astype(np.float32)
    if arr.dtype.itemsize == 8 and not np.array_equal(out.astype(arr.dtype), arr,
                                                      equal_nan=True):
        raise r.fail(f"{what} '{name}' is float64 with values float32 cannot hold "
                     f"exactly: refused rather than silently rounded")
    bad = ~np.isfinite(out)
    if bad.any():
        kinds = " and ".join(k for k, m in (("NaN", np.isnan(out)), ("infinite", np.isinf(out)))
                             if m.any())
        raise r.fail(f"{what} '{name}' holds {int(bad.sum()):,} {kinds} value"
                     f"{'s' * (int(bad.sum()) != 1)}: the training that wrote it diverged; "
                     f"this model cannot predict (retrain with a lower learning rate)")
    return out


def load_model(path: str | os.PathLike) -> ModelFile:
    """Read a model or checkpoint file; any problem is one `ModelFileError` saying what.

    Raises ModelFileError for: a missing file or folder, a file too short or too large, a file
    of another kind (named: text, CSV, image, a single .npy...), a damaged or truncated
    archive, an entry that is not part of the format, a zip bomb, a JSON entry that is invalid,
    too large or too deeply nested, a spec that does not build or needs more weights than the
    file holds, weights missing, misshapen, of a lossy dtype, NaN or infinite, and checkpoint
    state that does not hold together (see `_check_checkpoint`).
    """
    r = _Reader(Path(path))
    r.open()
    try:
        entries = r.entries()
        _check_format(r, entries)
        spec = r.json(entries, "spec")
        metadata = r.json(entries, "metadata")
        if not isinstance(metadata, dict):
            raise r.fail("the metadata is not a JSON object")
        checkpoint = r.json(entries, "checkpoint") if "checkpoint" in entries else None
        if checkpoint is not None and not isinstance(checkpoint, dict):
            raise r.fail("the checkpoint entry is not a JSON object")
        net = _build(r, spec, entries)
        expected = net.state_dict()
        _check_array_headers(r, entries, "w/", expected, "weight array")
        if checkpoint is None:
            stray = sorted(n for n in entries if n.startswith(("opt/", "best/")))
            if stray:
                raise r.fail(f"unexpected entry {stray[0]!r} (training state in a file "
                             f"without a 'checkpoint' entry)")
        else:
            if any(n.startswith("best/") for n in entries):
                _check_array_headers(r, entries, "best/", expected, "best-epoch array")
            missing = [k for k in ("config", *_COUNTERS, *_FLOATS, *_RNGS, "history",
                                   "best_epoch") if k not in checkpoint]
            if missing:
                raise r.fail(f"the checkpoint state is incomplete ('{missing[0]}' is missing)")
            config = _check_config(r, checkpoint.get("config"))
            _check_optimizer_headers(r, entries, config, net)
        weights = {k: _values(r, f"w/{k}", r.read(entries[f"w/{k}"]), "weight array")
                   for k in expected}
        if checkpoint is not None:
            for group, prefix in _ARRAY_GROUPS.items():
                found = {n[len(prefix):]: r.read(e) for n, e in entries.items()
                         if n.startswith(prefix)}
                if found:
                    checkpoint[group] = found
            _check_checkpoint(r, checkpoint, net)
    finally:
        r.close()
    net.load_state_dict(weights)
    return ModelFile(network=net, spec=spec, metadata=metadata, checkpoint=checkpoint)


def spec_difference(have: dict, want: dict) -> str | None:
    """Where two full specs (`Network.spec`, every setting filled in) build different
    networks, in a learner's words; None when they are the same network (the names may
    differ). Compares the input shape, the loss, and every layer's type and settings."""
    if list(have.get("input_shape", [])) != list(want.get("input_shape", [])):
        return (f"its input is {list(have.get('input_shape', []))}, this network's is "
                f"{list(want.get('input_shape', []))}")
    if have.get("loss") != want.get("loss"):
        return f"its loss is {have.get('loss')!r}, this network's is {want.get('loss')!r}"
    mine, theirs = have.get("layers", []), want.get("layers", [])
    for i, (a, b) in enumerate(zip(mine, theirs, strict=False), 1):
        if a.get("type") != b.get("type"):
            return f"its layer {i} is {a.get('type')}, this network's is {b.get('type')}"
        for key in sorted(set(a) | set(b)):
            if a.get(key) != b.get(key):
                return (f"its layer {i} ({a.get('type')}) has {key}={a.get(key)!r}, this "
                        f"network's has {key}={b.get(key)!r}")
    if len(mine) != len(theirs):
        return f"it has {len(mine)} layers, this network has {len(theirs)}"
    return None


def init_from(path: str | os.PathLike, net: Any) -> ModelFile:
    """Fine-tuning's start: copy the weights and BatchNorm statistics (every `state_dict`
    entry) of the model or checkpoint file at `path` into `net`, in place.

    The file's network must be `net`'s (same input shape, loss, layers and settings; see
    `spec_difference`). Returns the loaded `ModelFile` (its metadata tells where it came from).
    Raises ModelFileError for any file `load_model` refuses, and for a different network;
    `net` is unchanged then.
    """
    loaded = load_model(path)
    differs = spec_difference(loaded.spec, net.spec)
    if differs:
        name = printable(str(loaded.spec.get("name", "network")))[:60]
        raise ModelFileError(f"{printable(str(path))}: a different network ({name}: "
                             f"{printable(differs)}); fine-tuning starts from the same network "
                             f"(leave out --preset/--spec to train the file's own)")
    net.load_state_dict(loaded.network.state_dict())
    return loaded


# --- checkpoints -----------------------------------------------------------------------------
def _check_config(r: _Reader, config: Any):
    """The saved TrainConfig: a dict of known keys, each of its field's type."""
    from dataclasses import fields

    from nndesk.train.config import TrainConfig

    if not isinstance(config, dict):
        raise r.fail("the checkpoint has no training settings ('config' is not a JSON object)")
    kinds = {f.name: type(f.default) for f in fields(TrainConfig)}
    for key, value in config.items():
        if key not in kinds:
            raise r.fail(f"the checkpoint's settings hold an unknown key "
                         f"{printable(repr(key)[:60])}")
        kind = kinds[key]
        if kind is bool:
            ok = isinstance(value, bool)
        elif kind is int:
            ok = isinstance(value, int) and not isinstance(value, bool)
        elif kind is float:
            ok = (isinstance(value, (int, float)) and not isinstance(value, bool)
                  and math.isfinite(value))
        else:
            ok = isinstance(value, kind)
        if not ok:
            raise r.fail(f"the checkpoint's setting {key!r} is {printable(repr(value)[:40])}, "
                         f"not a {'finite number' if kind is float else kind.__name__}")
    try:
        config = TrainConfig.from_dict(config)
        from nndesk.nn import make_optimizer

        make_optimizer(config.optimizer)
    except (ValueError, TypeError, KeyError) as err:
        raise r.fail(f"the checkpoint's settings are invalid ({printable(str(err))})") from err
    return config


def _optimizer_slots(config) -> tuple[str, ...]:
    from nndesk.nn import make_optimizer

    return tuple(make_optimizer(config.optimizer).SLOTS)


def _check_optimizer_headers(r: _Reader, entries: dict[str, _Entry], config, net) -> None:
    """opt/t, opt/lr and one slot array per parameter for each of the optimizer's slots."""
    found = {n[4:]: e for n, e in entries.items() if n.startswith("opt/")}
    for key in ("t", "lr"):
        e = found.get(key)
        if e is None:
            raise r.fail(f"the optimizer state 'opt/{key}' is missing")
        if e.shape != () or e.dtype.kind not in ("iu" if key == "t" else "f"):
            raise r.fail(f"the optimizer state 'opt/{key}' is damaged (dtype {e.dtype}, "
                         f"shape {e.shape})")
    params = net.params()
    slots = _optimizer_slots(config)
    allowed = {f"{s}.{k}" for s in slots for k in params}
    extra = sorted(set(found) - allowed - {"t", "lr"})
    if extra:
        raise r.fail(f"unexpected entry 'opt/{extra[0]}' (not a {config.optimizer} state "
                     f"array of this network)")
    present = set(found) & allowed
    if present and present != allowed:  # all or nothing (nothing: before the first step)
        missing = sorted(allowed - present)
        raise r.fail(f"the optimizer state 'opt/{missing[0]}' is missing ({len(missing)} "
                     f"missing in all): resuming would restart {config.optimizer}'s "
                     f"averages from zero")
    for name in present:
        ref = params[name.partition(".")[2]]
        if found[name].shape != ref.shape:
            raise r.fail(f"the optimizer state 'opt/{name}' has shape {found[name].shape}, "
                         f"its parameter has {ref.shape}")
        _check_dtype(r, f"opt/{name}", found[name].dtype, "optimizer state")


def _check_checkpoint(r: _Reader, ck: dict, net) -> None:
    """Counters, floats, RNG states, history and arrays of a checkpoint's training state."""
    for key in _COUNTERS:
        v = ck[key]
        if not isinstance(v, int) or isinstance(v, bool) or v < 0:
            raise r.fail(f"the checkpoint's {key!r} is {printable(repr(v)[:40])}, not a "
                         f"count (a non-negative whole number)")
    best = ck["best_epoch"]
    if best is not None and (not isinstance(best, int) or isinstance(best, bool) or best < 0):
        raise r.fail(f"the checkpoint's 'best_epoch' is {printable(repr(best)[:40])}")
    for key in _FLOATS:
        v = ck[key]
        if (not isinstance(v, (int, float)) or isinstance(v, bool) or not math.isfinite(v)
                or (key != "best_val_acc" and v < 0)):
            raise r.fail(f"the checkpoint's {key!r} is {printable(repr(v)[:40])}, not a "
                         f"finite number")
    start = ck.get("start_loss")
    if start is not None and (not isinstance(start, (int, float)) or isinstance(start, bool)
                              or not math.isfinite(start) or start < 0):
        raise r.fail(f"the checkpoint's 'start_loss' is {printable(repr(start)[:40])}")
    if not -1.0 <= ck["best_val_acc"] <= 1.0:
        raise r.fail(f"the checkpoint's 'best_val_acc' {ck['best_val_acc']} is not an "
                     f"accuracy")
    for key in _RNGS:
        state = ck[key]
        if state is None and key != "rng":
            continue
        try:
            np.random.default_rng().bit_generator.state = state
        except Exception as err:  # TypeError, ValueError, KeyError, OverflowError...
            raise r.fail(f"the checkpoint's random state {key!r} is damaged") from err
    if ck["batch"] and ck["epoch_rng"] is None:
        raise r.fail("the checkpoint stopped mid-epoch but lacks that epoch's random state")
    history = ck["history"]
    if not isinstance(history, list) or not all(isinstance(h, dict) for h in history):
        raise r.fail("the checkpoint's history is not a list of epochs")
    opt = ck.get("optimizer") or {}
    t = int(opt["t"]) if "t" in opt else -1
    lr = float(opt["lr"]) if "lr" in opt else math.nan
    if t < 0 or not (math.isfinite(lr) and lr > 0):
        raise r.fail(f"the optimizer state is damaged (step {t}, learning rate {lr})")
    if t > 0 and len(opt) == 2 and _optimizer_slots(_check_config(r, ck["config"])):
        raise r.fail("the optimizer state arrays are missing: resuming would restart the "
                     "optimizer from zero")
    for name, arr in list(opt.items()):
        if name not in ("t", "lr"):
            opt[name] = _values(r, f"opt/{name}", arr, "optimizer state")
    best_weights = ck.get("best_weights")
    if best_weights:
        for name, arr in list(best_weights.items()):
            best_weights[name] = _values(r, f"best/{name}", arr, "best-epoch array")
