"""What every layer shares: its settings schema (for specs and the designer panel) and its API."""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable
from dataclasses import dataclass, replace
from numbers import Integral, Real
from typing import Any, ClassVar

import numpy as np

__all__ = ["Setting", "Layer", "INIT_CHOICES", "weights_changed", "weights_version",
           "changed_since"]

INIT_CHOICES = ("auto", "he", "xavier")
INIT_STD_MAX = 100.0                          # a larger std only makes inf and NaN

_stamps = itertools.count(1)                  # next() is atomic under the GIL
_latest = 0                                   # the last stamp handed out
_everything = 0                               # the last change said of no array in particular
_changed: dict[int, int] = {}                 # id(array) -> stamp of its last change


def weights_changed(arrays: Iterable[np.ndarray] | None = None) -> None:
    """Say that these parameter or buffer arrays were written (None: any array may have
    been): prediction plans built from them before (nn/inference.py) are no longer used.
    The engine calls it after every write it makes (an optimizer step on the arrays it
    updated, `Network.load_state_dict`, a training-mode `Network.forward`); code writing
    into a parameter by hand calls it (or `Network.weights_changed()`) after the write.
    Cost: one dict entry per array; plans of other networks stay valid."""
    global _latest, _everything
    stamp = next(_stamps)
    if arrays is None:
        _everything = stamp
    else:
        for a in arrays:
            _changed[id(a)] = stamp            # a plan keeps its arrays alive: ids not reused
    _latest = stamp


def weights_version() -> int:
    """The last stamp handed out by `weights_changed`; a plan records it before it reads
    any weight."""
    return _latest


def changed_since(version: int, arrays: Iterable[np.ndarray]) -> bool:
    """Whether any of `arrays` (or everything) was said to change after `version`."""
    get = _changed.get
    return _everything > version or any(get(id(a), 0) > version for a in arrays)


def _show(value: Any, limit: int = 40) -> str:
    """repr(value), cut to `limit` characters: an error message never carries a whole file."""
    text = repr(value)
    return text if len(text) <= limit else text[:limit - 3] + "..."


@dataclass(frozen=True)
class Setting:
    """One layer setting: kind ("int", "float", "bool" or "init"), default, allowed range, a hint.

    `low`/`high` are inclusive bounds (None: unbounded); `optional` allows None ("same as ...");
    an "init" setting is one of `choices` (INIT_CHOICES) or a positive number (the normal std).
    `help` is the English hint the designer shows when the window has no translated tooltip;
    `name` is the key in the layer's SETTINGS (filled in by `Layer`). This is the one settings
    class: specs are checked with it and the designer builds its editors from it.
    """

    kind: str
    default: Any
    low: float | None = None
    high: float | None = None
    optional: bool = False
    help: str = ""
    choices: tuple[str, ...] = ()
    name: str = ""

    def __post_init__(self) -> None:
        if self.kind == "init" and not self.choices:
            object.__setattr__(self, "choices", INIT_CHOICES)

    def spin_range(self) -> tuple[float, float]:
        """Finite (low, high) for an editor: an unbounded side becomes 0 or 100,000 (int),
        0.0 or 1e6 (float). The engine's own range is still checked on every value."""
        if self.kind == "int":
            return (int(self.low) if self.low is not None else 0,
                    int(self.high) if self.high is not None else 100_000)
        return (float(self.low) if self.low is not None else 0.0,
                float(self.high) if self.high is not None else 1e6)

    def check(self, name: str, value: Any) -> Any:
        """Return `value` normalized, or raise ValueError saying what is wrong in plain words."""
        if value is None and self.optional:
            return None
        if self.kind == "bool":                # JSON true/false only: 1 or "yes" is a mistake
            if not isinstance(value, bool):
                raise ValueError(f"{name} must be true or false, not {_show(value)}")
            return value
        if self.kind == "init":
            if isinstance(value, str):
                if value not in self.choices:
                    raise ValueError(f"{name} must be one of {', '.join(self.choices)} or a "
                                     f"number (the std of a normal distribution), not {value!r}")
                return value
            std = self._number(name, value, Real, low_open=0.0)
            if std > INIT_STD_MAX:
                raise ValueError(f"init must be at most {INIT_STD_MAX:g} (the std of the "
                                 f"weights), not {std:g}")
            return std
        return self._number(name, value, Integral if self.kind == "int" else Real)

    def _number(self, name: str, value: Any, kind: type, low_open: float | None = None) -> Any:
        words = "a whole number" if kind is Integral else "a number"
        if kind is Integral and isinstance(value, float) and value.is_integer():
            value = int(value)                 # 30.0 from a spin box or a JSON writer
        if isinstance(value, bool) or not isinstance(value, kind):
            raise ValueError(f"{name} must be {words}, not {_show(value)}")
        try:
            value = int(value) if kind is Integral else float(value)
            finite = math.isfinite(value)      # an int beyond float range raises here too
        except OverflowError:                  # 10**400, or 2.4e307 read as a whole number
            raise ValueError(f"{name} is far too large ({_show(value)})") from None
        if not finite:                         # NaN passes every comparison below
            raise ValueError(f"{name} must be a finite number, not {value}")
        if low_open is not None and not value > low_open:
            raise ValueError(f"{name} must be above {low_open:g}, not {value:g}")
        if self.low is not None and value < self.low:
            raise ValueError(f"{name} must be at least {self.low:g}, not {value:g}")
        if self.high is not None and value > self.high:
            raise ValueError(f"{name} must be at most {self.high:g}, not {value:g}")
        return value


class Layer:
    """A layer: the book's ch. 5 layer objects (`forward`/`backward`) with a settings schema.

    The contract every layer keeps (stated here once; the layers do not repeat it):

    - `forward(x, train)`: x is a batch (N, *input_shape) in the network's dtype (float32, or
      float64 for gradient checks); returns (N, *output_shape) in the same dtype. `train`
      selects training behaviour (BatchNorm batch statistics and running averages, Dropout
      masks); evaluation (`train=False`) changes no parameter or buffer. The layer may keep
      what its backward needs (the input, a mask); it never writes into `x` (but a ReLU
      that its Network lets overwrite a fresh x nobody keeps: `ReLU.overwrite_x`).
    - `backward(dout)`: dout = d loss / d output, the shape forward returned, for the most
      recent forward. Fills `grads` (same keys and shapes as `params`) and returns d loss / d x
      in x's shape, or None when the network cleared `needs_dx` (the first weighted layer).
      `dout` is never written (the caller may still hold it; `ReLU.overwrite_dout` is the
      Network's one exception, for a fresh dout); the returned array may be a
      work buffer that the next backward of this layer overwrites.
    - `params` (trainable: "W", "b", "gamma", "beta"), `grads`, `buffers` (saved but not
      trained: BatchNorm's running statistics), all dicts of arrays the optimizer updates in
      place.

    Subclasses set `SETTINGS` (name -> Setting) and `DOC` (one line for the designer), and may
    override `build` (create parameters once the input shape is known), `output_shape` and
    `num_params`. The plain reference of every forward is tests/nn/reference.py.
    """

    SETTINGS: ClassVar[dict[str, Setting]] = {}
    DOC: ClassVar[str] = ""
    ACTIVATION: ClassVar[str | None] = None    # "relu" or "sigmoid": guides init="auto"
    TAKES_MASK: ClassVar[bool] = False         # recurrent: forward(x, train, mask=(N, T) bool)

    def __init_subclass__(cls, **kwargs: Any) -> None:
        """Each Setting of SETTINGS learns its own name (the designer reads `setting.name`)."""
        super().__init_subclass__(**kwargs)
        cls.SETTINGS = {name: s if s.name == name else replace(s, name=name)
                        for name, s in cls.SETTINGS.items()}

    def __init__(self, **settings: Any) -> None:
        unknown = sorted(map(repr, set(settings) - set(self.SETTINGS)))
        if unknown:
            known = ", ".join(self.SETTINGS) or "none"
            raise ValueError(f"unknown setting {unknown[0][:40]} (settings: {known})")
        for name, setting in self.SETTINGS.items():
            value = settings.get(name, setting.default)
            setattr(self, name, setting.check(name, value))
        self.params: dict[str, np.ndarray] = {}
        self.grads: dict[str, np.ndarray] = {}
        self.buffers: dict[str, np.ndarray] = {}
        self.needs_dx = True                   # the network clears it where dx is not wanted
        self._scratch: dict[str, np.ndarray] = {}

    def scratch(self, name: str, shape: tuple[int, ...], dtype: Any,
                keep: bool = True) -> np.ndarray:
        """A work array kept from step to step (zeros when first made). glibc hands out every
        block above 32 MB as fresh pages, so a new column matrix costs page faults on every
        step; a kept one does not. `keep=False` (evaluation) reuses a kept array of the same
        shape, else gives an uninitialized one and keeps it not: a 500-image evaluation batch
        does not stay in memory. Callers overwrite what they read (or rely on parts of a kept
        array they never write staying zero)."""
        buf = self._scratch.get(name)
        if buf is not None and buf.shape == shape and buf.dtype == dtype:
            return buf
        if not keep:
            return np.empty(shape, dtype)
        buf = self._scratch[name] = np.zeros(shape, dtype)
        return buf

    @property
    def type(self) -> str:
        """The layer's name in specs: its class name ("Dense", "Conv2D")."""
        return type(self).__name__

    def get_config(self) -> dict:
        """The layer as spec data: {"type": ..., setting: value, ...}."""
        return {"type": self.type, **{name: getattr(self, name) for name in self.SETTINGS}}

    @classmethod
    def from_config(cls, config: dict) -> Layer:
        """Build from spec data (the "type" key is ignored); ValueError names a bad setting,
        including names that are not settings of this layer ("self", 3, "__class__")."""
        settings = {k: v for k, v in config.items() if k != "type"}
        unknown = sorted(repr(k) for k in settings if k not in cls.SETTINGS)
        if unknown:
            known = ", ".join(cls.SETTINGS) or "none"
            raise ValueError(f"unknown setting {unknown[0][:40]} (settings: {known})")
        return cls(**settings)

    def output_shape(self, input_shape: tuple[int, ...]) -> tuple[int, ...]:
        """Per-sample output shape; ValueError(reason) when the input does not fit."""
        return tuple(input_shape)

    def num_params(self, input_shape: tuple[int, ...]) -> int:
        """How many trainable numbers the layer has for this input shape."""
        return 0

    def build(self, input_shape: tuple[int, ...], rng: np.random.Generator, dtype: Any,
              activation: str | None) -> None:
        """Create parameters (random ones from `rng`); `activation` follows, for init="auto"."""

    def forward(self, x: np.ndarray, train: bool = False) -> np.ndarray:
        """(N, *input_shape) -> (N, *output_shape); see the class docstring."""
        raise NotImplementedError

    def backward(self, dout: np.ndarray) -> np.ndarray | None:
        """d loss / d output -> d loss / d input (or None); fills `grads`; never writes dout."""
        raise NotImplementedError

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in self.get_config().items() if k != "type")
        return f"{self.type}({args})"
