"""Calibrated answers: a digit, "7 or 1?" (not sure), or "not a digit".

Three parts, all stored in the model file's metadata under "calibration" so the model carries
them (the network's weights are untouched):

- temperature scaling: probabilities = softmax(logits / T), T fitted on held-out digits
  (Guo, Pleiss, Sun & Weinberger, "On calibration of modern neural networks", ICML 2017);
- a reject unit: an 11th output, "not a digit", a logistic unit on the activations of one
  hidden layer, trained on digits and on drawn non-digits (outlier exposure: Hendrycks,
  Mazeika & Dietterich, ICLR 2019; the reject option: Chow, IEEE Trans. Inf. Theory 1970);
- selective prediction: when the calibrated top probability is below a threshold, the answer
  is the two most likely digits, "7 or 1?" (Geifman & El-Yaniv, NeurIPS 2017).
Thresholds are chosen on held-out digits so that nearly all digits are still answered.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

__all__ = ["calibrated", "model_temperature", "KEY", "DIGIT", "UNSURE", "NOT_A_DIGIT", "EXTRAS",
           "Verdict", "Calibration", "judge",
           "judge_activations", "extra_features", "flatten_activation",
           "coverage_report", "expected_calibration_error", "softmax_t"]

KEY = "calibration"  # the model file's metadata key
DIGIT, UNSURE, NOT_A_DIGIT = "digit", "unsure", "not_a_digit"
# Scores of the logits a logistic unit cannot compute from them itself (it cannot take a max):
# the largest logit (Hendrycks et al., "Scaling out-of-distribution detection", ICML 2022), the
# gap between the two largest, and logsumexp (minus the free energy: Liu, Wang, Owens & Li,
# "Energy-based out-of-distribution detection", NeurIPS 2020).
EXTRAS = ("max_logit", "margin", "logsumexp")


def extra_features(logits: np.ndarray, names: tuple[str, ...] | list[str]) -> np.ndarray:
    """The named EXTRAS of logits (N, K) as columns (N, len(names)). ValueError: unknown name."""
    z = np.asarray(logits, np.float64)
    top2 = -np.partition(-z, 1, axis=1)[:, :2] if z.shape[1] > 1 else np.c_[z, z]
    m = z.max(1)
    cols = {"max_logit": m, "margin": top2[:, 0] - top2[:, 1],
            "logsumexp": m + np.log(np.exp(z - m[:, None]).sum(1))}
    try:
        return np.stack([cols[n] for n in names], axis=1) if names else np.zeros((len(z), 0))
    except KeyError as err:
        raise ValueError(f"unknown reject feature {err}; known: {', '.join(EXTRAS)}") from None


def softmax_t(logits: np.ndarray, temperature: float = 1.0) -> np.ndarray:
    """softmax(logits / T) over the last axis: (N, K) -> (N, K), rows sum to 1."""
    z = np.asarray(logits, np.float64) / float(temperature)
    z = z - z.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


@dataclass(frozen=True)
class Verdict:
    """One input's answer. kind: DIGIT (label set), UNSURE (candidates: the two most likely
    digits, most likely first) or NOT_A_DIGIT; probabilities: (10,) calibrated; reject_score:
    the reject unit's logit (higher = less like a digit; nan without a calibration)."""

    kind: str
    label: int | None
    candidates: tuple[int, ...]
    probabilities: np.ndarray
    reject_score: float = float("nan")

    def to_json(self) -> dict[str, Any]:
        """The JSON fields of `nndesk predict --json`."""
        return {"verdict": self.kind, "label": self.label, "candidates": list(self.candidates),
                "calibrated_probabilities": [round(float(p), 6) for p in self.probabilities],
                "not_a_digit_score": None if np.isnan(self.reject_score)
                else round(float(self.reject_score), 4)}


@dataclass
class Calibration:
    """Temperature, the reject unit and the two thresholds (see the module docstring).

    reject_layers: indices into `Network.forward_all`'s outputs whose activations, flattened
    (feature maps (C, H, W): their mean per channel, global average pooling) and concatenated
    in this order, then `reject_extras` (EXTRAS of the logits), feed the reject unit;
    reject_weights: (D,), reject_bias;
    an input is NOT_A_DIGIT when its reject logit > reject_threshold; else UNSURE when the
    calibrated top probability < unsure_threshold; else DIGIT. info: how it was fitted and
    what it measured (free JSON).
    """

    temperature: float
    reject_layers: tuple[int, ...]
    reject_weights: np.ndarray
    reject_bias: float
    reject_threshold: float
    unsure_threshold: float
    info: dict = field(default_factory=dict)
    reject_extras: tuple[str, ...] = ()

    def to_metadata(self) -> dict[str, Any]:
        """A JSON-able dict for metadata[KEY]."""
        return {"method": "temperature scaling + reject unit (outlier exposure) + selective "
                          "prediction", "temperature": float(self.temperature),
                "reject_layers": [int(i) for i in self.reject_layers],
                "reject_weights": [float(f"{w:.6g}") for w in self.reject_weights],
                "reject_bias": float(self.reject_bias),
                "reject_threshold": float(self.reject_threshold),
                "unsure_threshold": float(self.unsure_threshold),
                "reject_extras": list(self.reject_extras), "info": self.info}

    @classmethod
    def from_metadata(cls, metadata: dict) -> Calibration | None:
        """The calibration a model file carries, or None. Raises ValueError if malformed."""
        d = metadata.get(KEY) if isinstance(metadata, dict) else None
        if d is None:
            return None
        try:
            cal = cls(float(d["temperature"]), tuple(int(i) for i in d["reject_layers"]),
                      np.asarray(d["reject_weights"], np.float64), float(d["reject_bias"]),
                      float(d["reject_threshold"]), float(d["unsure_threshold"]),
                      dict(d.get("info") or {}),
                      tuple(str(n) for n in d.get("reject_extras") or ()))
            extra_features(np.zeros((1, 2)), cal.reject_extras)  # known names only
        except (KeyError, TypeError, ValueError) as err:
            raise ValueError(f"the model's calibration is malformed ({err})") from None
        if not cal.temperature > 0 or cal.reject_weights.ndim != 1:
            raise ValueError("the model's calibration is malformed (temperature or weights)")
        return cal

    def features(self, activations: list) -> np.ndarray:
        """The reject unit's input (N, D) from `forward_all`'s outputs (a batch of N).
        Raises ValueError when they do not fit (a calibration made for another network)."""
        try:
            parts = [np.asarray(activations[i], np.float64) for i in self.reject_layers]
        except IndexError:
            raise ValueError(f"the calibration reads layers {list(self.reject_layers)}; the "
                             f"network has {len(activations)}") from None
        f = np.concatenate([flatten_activation(a) for a in parts]
                           + [extra_features(activations[-1], self.reject_extras)], axis=1)
        if f.shape[1] != self.reject_weights.size:
            raise ValueError(f"layers {list(self.reject_layers)} give {f.shape[1]} values, the "
                             f"reject unit expects {self.reject_weights.size}: another network?")
        return f

    def judge(self, activations: list) -> list[Verdict]:
        """Verdicts for N inputs from their `forward_all` outputs (a batch of N)."""
        probs = softmax_t(activations[-1], self.temperature)
        scores = self.features(activations) @ self.reject_weights + self.reject_bias
        out = []
        for p, s in zip(probs, scores, strict=True):
            order = np.argsort(-p, kind="stable")
            if s > self.reject_threshold:
                out.append(Verdict(NOT_A_DIGIT, None, (), p, float(s)))
            elif p[order[0]] < self.unsure_threshold:
                out.append(Verdict(UNSURE, None, (int(order[0]), int(order[1])), p, float(s)))
            else:
                out.append(Verdict(DIGIT, int(order[0]), (int(order[0]),), p, float(s)))
        return out


def flatten_activation(a: np.ndarray) -> np.ndarray:
    """(N, ...) -> (N, D): feature maps (N, C, H, W) averaged per channel, others flattened."""
    return a.mean(axis=(2, 3)) if a.ndim == 4 else a.reshape(len(a), -1)


def judge(network: Any, calibration: Calibration | None, x: np.ndarray,
          batch_size: int = 200) -> list[Verdict]:
    """Verdicts for inputs x (N, 1, 28, 28) with `network` (eval mode, in batches).

    Without a calibration every input is a DIGIT with the plain softmax probabilities.
    """
    verdicts: list[Verdict] = []
    for i in range(0, len(x), batch_size):
        acts = network.forward_all(x[i:i + batch_size])
        if calibration is None:
            probs = softmax_t(acts[-1])
            verdicts += [Verdict(DIGIT, int(p.argmax()), (int(p.argmax()),), p) for p in probs]
        else:
            verdicts += calibration.judge(acts)
    return verdicts


def judge_activations(calibration: Calibration | None, activations: list) -> Verdict:
    """One input's verdict from its `forward_all` outputs (each without the batch axis).

    Raises ValueError when the calibration does not fit this network."""
    if calibration is None:
        p = softmax_t(np.asarray(activations[-1])[None])[0]
        return Verdict(DIGIT, int(p.argmax()), (int(p.argmax()),), p)
    return calibration.judge([np.asarray(a)[None] for a in activations])[0]


def coverage_report(verdicts: list[Verdict], t: np.ndarray | None = None) -> dict[str, Any]:
    """Share answered (DIGIT), unsure and rejected; with labels t (N,), the accuracy of the
    answered inputs and of the plain top-1 over all inputs (0..1)."""
    n = len(verdicts)
    kinds = np.array([v.kind for v in verdicts])
    report: dict[str, Any] = {"n": n, "coverage": float((kinds == DIGIT).mean()) if n else 0.0,
                              "unsure": float((kinds == UNSURE).mean()) if n else 0.0,
                              "not_a_digit": float((kinds == NOT_A_DIGIT).mean()) if n else 0.0}
    if t is not None and n:
        t = np.asarray(t)
        top1 = np.array([int(v.probabilities.argmax()) for v in verdicts])
        answered = kinds == DIGIT
        report["accuracy_all"] = float((top1 == t).mean())
        report["accuracy_answered"] = (float((top1[answered] == t[answered]).mean())
                                       if answered.any() else None)
    return report


def expected_calibration_error(probs: np.ndarray, t: np.ndarray, bins: int = 15) -> float:
    """ECE (Naeini et al. 2015; Guo et al. 2017, eq. 3): the bin-weighted gap between
    confidence and accuracy, `bins` equal-width confidence bins. probs (N, K), t (N,)."""
    probs, t = np.asarray(probs), np.asarray(t)
    conf, right = probs.max(1), probs.argmax(1) == t
    edges = np.linspace(0.0, 1.0, bins + 1)
    total = 0.0
    for lo, hi in zip(edges[:-1], edges[1:], strict=True):
        m = (conf > lo) & (conf <= hi)
        if m.any():
            total += m.mean() * abs(right[m].mean() - conf[m].mean())
    return float(total)


def calibrated(probabilities: np.ndarray, temperature: float) -> np.ndarray:
    """(N, 10) softmax probabilities -> softmax(logits / T), the calibrated probabilities
    `nndesk predict --json` prints ("calibrated_probabilities"): log p = logits + const per
    row, so softmax(log p / T) is exactly softmax(logits / T) (up to float32 rounding; a
    probability that underflowed to 0 stays ~0). The argmax, so the report, is unchanged."""
    tiny = np.finfo(np.float32).tiny
    logp = np.log(np.maximum(np.asarray(probabilities, np.float64), tiny))
    return softmax_t(logp, temperature).astype(np.float32)


def model_temperature(metadata: dict) -> float | None:
    """A model file's calibration temperature (None: no calibration, or a malformed one)."""
    try:
        cal = Calibration.from_metadata(metadata)
    except ValueError:
        return None
    return None if cal is None else cal.temperature
