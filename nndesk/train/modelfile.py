"""The nndesk model file: THE one place that knows the format (one .npz, no pickle).

Layout of the archive (every entry a plain numeric array; JSON is stored as uint8 bytes):
  __format__      JSON {"name": "nndesk-model", "version": 1}
  spec            JSON network spec (what `Network.from_spec` builds)
  metadata        JSON: created, nndesk version, accuracy, command, ... (whatever was given);
                  a model made from another's weights by fine-tuning on the user's digits
                  has its own story under "finetuned" and its start model's under "parent"
                  (`derived_metadata`, `finetuning`, `parent_story`)
  w/<key>         every entry of `net.state_dict()` (params and buffers), float32
and in a checkpoint, in addition:
  checkpoint      JSON: epoch, batch position, RNG states, config, history, ...
  opt/<key>       the optimizer's `state_dict()` arrays
  best/<key>      (optional) the best epoch's weights, for early stopping after a resume

Reading trusts nothing in the file: `model_archive.ArchiveReader` opens the container (sizes,
zip directory, every entry's name against the layout above, declared sizes: a zip bomb is
refused unread, .npy headers) before any entry is decompressed; `model_checks` then checks the
content against the spec (array keys, shapes and dtypes from the headers alone; then finite
float32 values) and a checkpoint's training state, so a damaged one is refused on load, not
half-way into a resumed run. `load_model` below runs them in that order.
"""

from __future__ import annotations

import json
import os
import re
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import numpy as np

import nndesk
from nndesk.fileio import atomic_write, printable
from nndesk.train.model_archive import (
    MAX_FILE_BYTES,
    MAX_INFLATION,
    ArchiveReader,
    Entry,
    ModelFileError,
)
from nndesk.train.model_checks import (
    build_network,
    check_array_headers,
    check_checkpoint,
    check_checkpoint_fields,
    check_config,
    check_optimizer_headers,
    checked_values,
)

__all__ = ["FORMAT_NAME", "FORMAT_VERSION", "ModelFile", "ModelFileError", "save_model",
           "load_model", "init_from", "spec_difference", "to_json", "MAX_FILE_BYTES",
           "MAX_INFLATION", "STORY_KEYS", "derived_metadata", "parent_story", "finetuning"]

FORMAT_NAME = "nndesk-model"
FORMAT_VERSION = 1
# Checkpoint entries that are dicts of arrays, and the archive prefix each is stored under.
_ARRAY_GROUPS = {"optimizer": "opt/", "best_weights": "best/"}
# Test hook: seconds to sleep halfway through a write, so a test can SIGKILL mid-write.
_PAUSE_ENV = "NNDESK_TEST_SAVE_PAUSE_S"
# The layout above: its JSON entries, and the pattern of every entry's name (without ".npy").
_JSON_ENTRIES = ("__format__", "spec", "metadata", "checkpoint")
_ENTRY = re.compile(r"(?:__format__|spec|metadata|checkpoint|(?:w|opt|best)/[A-Za-z0-9_.]{1,80})")


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


# --- reading -------------------------------------------------------------------------------
def _check_format(r: ArchiveReader, entries: dict[str, Entry]) -> None:
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
                     f"reads up to {FORMAT_VERSION})", "update nndesk")


def load_model(path: str | os.PathLike) -> ModelFile:
    """Read a model or checkpoint file; any problem is one `ModelFileError` saying what.

    Raises ModelFileError for: a missing file or folder, a file too short or too large, a file
    of another kind (named: text, CSV, image, a single .npy...), a damaged or truncated
    archive, an entry that is not part of the format, a zip bomb, a JSON entry that is invalid,
    too large or too deeply nested, a spec that does not build or needs more weights than the
    file holds, weights missing, misshapen, of a lossy dtype, NaN or infinite, and checkpoint
    state that does not hold together (see `check_checkpoint`).
    """
    r = ArchiveReader(Path(path), _ENTRY, _JSON_ENTRIES)
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
        net = build_network(r, spec, entries)
        expected = net.state_dict()
        check_array_headers(r, entries, "w/", expected, "weight array")
        if checkpoint is None:
            stray = sorted(n for n in entries if n.startswith(("opt/", "best/")))
            if stray:
                raise r.fail(f"unexpected entry {stray[0]!r} (training state in a file "
                             f"without a 'checkpoint' entry)")
        else:
            if any(n.startswith("best/") for n in entries):
                check_array_headers(r, entries, "best/", expected, "best-epoch array")
            check_checkpoint_fields(r, checkpoint)
            config = check_config(r, checkpoint.get("config"))
            check_optimizer_headers(r, entries, config, net)
        weights = {k: checked_values(r, f"w/{k}", r.read(entries[f"w/{k}"]), "weight array")
                   for k in expected}
        if checkpoint is not None:
            for group, prefix in _ARRAY_GROUPS.items():
                found = {n[len(prefix):]: r.read(e) for n, e in entries.items()
                         if n.startswith(prefix)}
                if found:
                    checkpoint[group] = found
            check_checkpoint(r, checkpoint, net)
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


# -- a model's story: how its weights came to be --------------------------------------------

# Metadata entries telling how a file's weights were made (by whom, with which settings, how
# accurate). A model fine-tuned from another keeps the other's under "parent", never as its
# own: its Info and `nndesk info` showed the start model's command, time and epochs as its own.
STORY_KEYS = ("accuracy", "accuracy_images", "per_digit", "val_accuracy", "command", "config",
              "stopped", "message", "epochs", "best_epoch", "train_time_s", "wall_time_s",
              "history", "threads", "init_from", "started_from", "data", "created",
              "nndesk_version", "finetuned", "parent")
MAX_PARENTS = 8  # a chain of fine-tunings keeps this many generations' stories


def derived_metadata(parent: dict, own: dict) -> dict:
    """The metadata of a model made from `parent`'s weights (its metadata): the parent's
    entries that describe the network rather than its training (calibration, trajectory...)
    carried over, the parent's story entries under "parent" (a parent's own parent inside
    it, up to MAX_PARENTS generations), then `own` (the new model's story: "finetuned",
    "init_from", "accuracy" when measured...)."""
    parent = parent if isinstance(parent, dict) else {}
    story = {k: v for k, v in parent.items() if k in STORY_KEYS}
    depth, inner = 1, story
    while isinstance(inner.get("parent"), dict):
        depth, inner = depth + 1, inner["parent"]
        if depth >= MAX_PARENTS:
            inner.pop("parent")
            break
    md = {k: v for k, v in parent.items() if k not in STORY_KEYS}
    if story:
        md["parent"] = story
    md.update(own)
    return md


def parent_story(metadata: dict) -> dict | None:
    """The start model's story entries of a derived model (`derived_metadata`), else None."""
    story = metadata.get("parent") if isinstance(metadata, dict) else None
    return story if isinstance(story, dict) else None


STORY_PARTS = ("from", "settings", "before", "after")  # a fine-tuning story's dicts


def finetuning(metadata: dict) -> dict | None:
    """A fine-tuned model's own story ("finetuned": from, settings, digits used, figures
    before/after, time), its `STORY_PARTS` always dicts; else None."""
    story = metadata.get("finetuned") if isinstance(metadata, dict) else None
    if not isinstance(story, dict):
        return None
    # its parts as dicts ({} for a missing or malformed one: the file is not trusted)
    return {**story, **{part: story[part] if isinstance(story.get(part), dict) else {}
                        for part in STORY_PARTS}}
