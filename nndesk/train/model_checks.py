"""What an nndesk model file's content must hold, checked once its archive is open
(`model_archive.ArchiveReader`) and before the network is trusted: the spec builds within the
file's means, each group of weight arrays has the spec's keys, shapes and a float dtype (from
the headers alone), the values are finite float32 (float64 only when it holds float32 values
exactly), and a checkpoint's training state (config keys and types, counters, floats, RNG
states, the optimizer's `t`/`lr` and one slot array per parameter for each slot, all or none)
holds together, so a damaged one is refused on load, not half-way into a resumed run. Each
failure is the reader's `ModelFileError`, in words. `modelfile.load_model` calls these.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import numpy as np

from nndesk.fileio import printable
from nndesk.train.model_archive import MAX_INFLATION, ArchiveReader, Entry

if TYPE_CHECKING:  # type names only: the engine is imported when a file is read
    from nndesk.nn import Network
    from nndesk.train.config import TrainConfig

__all__ = ["build_network", "check_array_headers", "check_dtype", "checked_values",
           "check_checkpoint_fields", "check_config", "check_optimizer_headers",
           "check_checkpoint", "optimizer_slots", "MAX_LAYERS"]

MAX_LAYERS = 1000
# Checkpoint fields: the loop state `Trainer.checkpoint_state` writes, by kind.
COUNTERS = ("epoch", "batch", "step", "since_best", "epoch_loss_count")
FLOATS = ("best_val_acc", "train_time_s", "epoch_loss_sum", "epoch_time_s")
RNGS = ("rng", "epoch_rng", "net_rng")


def check_checkpoint_fields(r: ArchiveReader, checkpoint: dict) -> None:
    """Every field of the training state is present (their values: `check_checkpoint`)."""
    missing = [k for k in ("config", *COUNTERS, *FLOATS, *RNGS, "history", "best_epoch")
               if k not in checkpoint]
    if missing:
        raise r.fail(f"the checkpoint state is incomplete ('{missing[0]}' is missing)")


def build_network(r: ArchiveReader, spec: Any, entries: dict[str, Entry]) -> Any:
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


def check_array_headers(r: ArchiveReader, entries: dict[str, Entry], prefix: str,
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
        check_dtype(r, f"{prefix}{key}", e.dtype, what)


def check_dtype(r: ArchiveReader, name: str, dtype: np.dtype, what: str) -> None:
    """float32 or float64 (checked for loss when read), else refused."""
    if dtype.kind != "f" or dtype.itemsize not in (4, 8):
        raise r.fail(f"{what} '{name}' has dtype {dtype}: nndesk model files hold float32 "
                     f"weights, and {dtype} does not convert to float32 without loss")


def checked_values(r: ArchiveReader, name: str, arr: np.ndarray, what: str) -> np.ndarray:
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


def check_config(r: ArchiveReader, config: Any) -> TrainConfig:
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


def optimizer_slots(config: TrainConfig) -> tuple[str, ...]:
    """The names of the optimizer's per-parameter state arrays ("m", "v" for Adam; none for
    SGD)."""
    from nndesk.nn import make_optimizer

    return tuple(make_optimizer(config.optimizer).SLOTS)


def check_optimizer_headers(r: ArchiveReader, entries: dict[str, Entry], config: TrainConfig,
                            net: Network) -> None:
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
    slots = optimizer_slots(config)
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
        check_dtype(r, f"opt/{name}", found[name].dtype, "optimizer state")


def check_checkpoint(r: ArchiveReader, ck: dict, net: Network) -> None:
    """Counters, floats, RNG states, history and arrays of a checkpoint's training state."""
    for key in COUNTERS:
        v = ck[key]
        if not isinstance(v, int) or isinstance(v, bool) or v < 0:
            raise r.fail(f"the checkpoint's {key!r} is {printable(repr(v)[:40])}, not a "
                         f"count (a non-negative whole number)")
    best = ck["best_epoch"]
    if best is not None and (not isinstance(best, int) or isinstance(best, bool) or best < 0):
        raise r.fail(f"the checkpoint's 'best_epoch' is {printable(repr(best)[:40])}")
    for key in FLOATS:
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
    for key in RNGS:
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
    if t > 0 and len(opt) == 2 and optimizer_slots(check_config(r, ck["config"])):
        raise r.fail("the optimizer state arrays are missing: resuming would restart the "
                     "optimizer from zero")
    for name, arr in list(opt.items()):
        if name not in ("t", "lr"):
            opt[name] = checked_values(r, f"opt/{name}", arr, "optimizer state")
    best_weights = ck.get("best_weights")
    if best_weights:
        for name, arr in list(best_weights.items()):
            best_weights[name] = checked_values(r, f"best/{name}", arr, "best-epoch array")
