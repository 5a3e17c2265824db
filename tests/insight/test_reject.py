"""Calibration: temperature fit, reject unit, verdicts, ECE, and the model file carrying it."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk.insight.calibrate import fit_reject_unit, fit_temperature
from nndesk.insight.reject import (
    DIGIT,
    KEY,
    NOT_A_DIGIT,
    UNSURE,
    Calibration,
    coverage_report,
    expected_calibration_error,
    judge,
    judge_activations,
    softmax_t,
)


def test_temperature_recovers_the_one_that_made_the_labels():
    rng = np.random.default_rng(0)
    z = rng.normal(0, 4, (20000, 10))
    p = softmax_t(z, 2.5)  # labels drawn from softmax(z / 2.5): the right T is 2.5
    t = (p.cumsum(1) > rng.random((len(z), 1))).argmax(1)
    assert fit_temperature(z, t) == pytest.approx(2.5, rel=0.05)


def test_reject_unit_separates_two_clouds():
    rng = np.random.default_rng(1)
    digits = rng.normal(0, 1, (2000, 5))
    others = rng.normal(0, 1, (500, 5)) + np.array([3, 0, 0, 0, 0])
    w, b = fit_reject_unit(digits, others)
    assert w[0] > 5 * np.abs(w[1:]).max()  # only the first feature tells them apart
    assert ((digits @ w + b) < 0).mean() > 0.9 and ((others @ w + b) > 0).mean() > 0.9


def test_ece_of_hand_made_cases():
    # two bins: confidence 0.9 right 1 of 2 times (gap 0.4), 0.6 right 2 of 2 (gap 0.4)
    probs = np.array([[0.9, 0.1], [0.9, 0.1], [0.6, 0.4], [0.4, 0.6]])
    t = np.array([0, 1, 0, 1])
    assert expected_calibration_error(probs, t, bins=10) == pytest.approx(0.4)
    assert expected_calibration_error(np.array([[1.0, 0.0]]), np.array([0])) == 0.0


def _cal(**kw) -> Calibration:
    base = dict(temperature=2.0, reject_layers=(0,), reject_weights=np.array([1.0, 0.0]),
                reject_bias=0.0, reject_threshold=0.5, unsure_threshold=0.6)
    return Calibration(**{**base, **kw})


def test_verdicts():
    cal = _cal()
    feats = np.array([[1.0, 9.0], [0.0, 0.0], [0.0, 0.0]])  # first: reject logit 1 > 0.5
    logits = np.zeros((3, 10))
    logits[1, 7] = 10.0  # sure 7 (after T = 2: p = e^5 / (e^5 + 9) = 0.94)
    logits[2, [7, 1]] = 4.0, 3.8  # 7 or 1
    v = cal.judge([feats, logits])
    assert [x.kind for x in v] == [NOT_A_DIGIT, DIGIT, UNSURE]
    assert v[1].label == 7 and v[1].probabilities[7] == pytest.approx(
        np.exp(5) / (np.exp(5) + 9))
    assert v[2].candidates == (7, 1) and v[2].label is None
    assert v[0].to_json()["verdict"] == "not_a_digit"
    report = coverage_report(v, np.array([3, 7, 1]))
    assert report["coverage"] == pytest.approx(1 / 3) and report["accuracy_answered"] == 1.0
    assert report["accuracy_all"] == pytest.approx(1 / 3)  # the 7-or-1 was a 1: top-1 wrong
    assert judge_activations(None, [feats[1], logits[1]]).kind == DIGIT


def test_a_calibration_for_another_network_is_an_error_not_nonsense():
    cal = _cal(reject_weights=np.ones(3))
    with pytest.raises(ValueError, match="another network"):
        cal.judge([np.zeros((1, 2)), np.zeros((1, 10))])
    with pytest.raises(ValueError, match="malformed"):
        Calibration.from_metadata({KEY: {"temperature": 1.0}})
    assert Calibration.from_metadata({}) is None


def test_the_model_file_carries_the_calibration_and_the_same_weights(tmp_path):
    from nndesk.nn import Network
    from nndesk.train import load_model, save_model

    spec = {"name": "t", "input_shape": [1, 28, 28], "layers": [
        {"type": "Dense", "units": 6}, {"type": "ReLU"}, {"type": "Dense", "units": 10}]}
    net = Network.from_spec(spec, seed=3)
    x = np.random.default_rng(0).random((20, 1, 28, 28)).astype(np.float32)
    cal = _cal(reject_layers=(-2, -1), reject_weights=np.linspace(-1, 1, 16), reject_bias=0.3)
    path = save_model(tmp_path / "m.npz", net, {KEY: cal.to_metadata(), "accuracy": 0.5})
    loaded = load_model(path)
    back = Calibration.from_metadata(loaded.metadata)
    assert back.reject_layers == (-2, -1) and back.temperature == 2.0
    np.testing.assert_allclose(back.reject_weights, cal.reject_weights, rtol=1e-5)  # 6 digits
    np.testing.assert_array_equal(loaded.network.predict(x), net.predict(x))
    mine = [v.kind for v in judge(net, cal, x)]
    theirs = [v.kind for v in judge(loaded.network, back, x, batch_size=7)]
    assert mine == theirs
