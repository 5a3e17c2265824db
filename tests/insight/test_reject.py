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


def test_extra_features_by_hand():
    from nndesk.insight.reject import extra_features

    z = np.array([[1.0, 3.0, 2.0], [0.0, 0.0, 0.0]])
    f = extra_features(z, ("max_logit", "margin", "logsumexp"))
    np.testing.assert_allclose(f[:, 0], [3.0, 0.0])
    np.testing.assert_allclose(f[:, 1], [1.0, 0.0])
    np.testing.assert_allclose(f[:, 2], [np.log(np.e + np.e**3 + np.e**2), np.log(3.0)])
    assert extra_features(z, ()).shape == (2, 0)
    with pytest.raises(ValueError, match="unknown reject feature"):
        extra_features(z, ("entropy",))


def test_extras_and_feature_maps_feed_the_unit_and_survive_the_file():
    # layer 0: feature maps (N, 2, 2, 2) read as their mean per channel; then max logit
    maps = np.zeros((2, 2, 2, 2))
    maps[0, 1] = 4.0  # first input: channel 1 mean 4
    logits = np.zeros((2, 10))
    logits[1, 3] = 6.0  # second input: max logit 6
    cal = _cal(reject_layers=(0,), reject_weights=np.array([0.0, 1.0, 1.0]),
               reject_threshold=5.0, unsure_threshold=0.0, reject_extras=("max_logit",))
    np.testing.assert_allclose(cal.features([maps, logits]), [[0, 4, 0], [0, 0, 6]])
    assert [v.kind for v in cal.judge([maps, logits])] == [DIGIT, NOT_A_DIGIT]
    back = Calibration.from_metadata({KEY: cal.to_metadata()})
    assert back.reject_extras == ("max_logit",)
    with pytest.raises(ValueError, match="malformed"):
        Calibration.from_metadata({KEY: {**cal.to_metadata(), "reject_extras": ["energy2"]}})
    old = {k: v for k, v in cal.to_metadata().items() if k != "reject_extras"}
    assert Calibration.from_metadata({KEY: old}).reject_extras == ()  # files made before


def test_reject_layers_are_found_in_any_network():
    from nndesk.insight.calibrate import reject_layers_for
    from nndesk.nn import Network

    def net(*layers):
        return Network.from_spec({"name": "t", "input_shape": [1, 28, 28],
                                  "layers": list(layers)})

    dense, relu = {"type": "Dense", "units": 8}, {"type": "ReLU"}
    out = {"type": "Dense", "units": 10}
    # DigitNet's tail: Dense, BatchNorm, ReLU, Dropout, Dense -> BatchNorm, ReLU, logits
    assert reject_layers_for(net(dense, {"type": "BatchNorm"}, relu,
                                 {"type": "Dropout", "rate": 0.5}, out)) == (-4, -3, -1)
    assert reject_layers_for(net(dense, {"type": "Tanh"}, out)) == (-3, -2, -1)
    assert reject_layers_for(net(out)) == (-1,)
    conv = {"type": "Conv2D", "filters": 4, "kernel_size": 3}
    assert reject_layers_for(net(conv, relu, {"type": "MaxPool2D"}, out)) == (-4, -3, -1)


def test_thresholds_meet_every_coverage_target():
    from nndesk.insight.calibrate import threshold_for_coverage

    a_scores = np.arange(100.0)  # set a: scores 0..99, all sure
    b_scores = np.arange(50.0) * 2  # set b: 0, 2, .., 98
    sure_a, sure_b = np.ones(100), np.ones(50)
    thr, unsure = threshold_for_coverage([(a_scores, sure_a, 0.9), (b_scores, sure_b, 0.5)],
                                         unsure_share=0)
    assert unsure == 0.0 and thr == 89.0  # a needs 90 answered: <= 89; b needs 25: <= 48
    thr, _ = threshold_for_coverage([(a_scores, sure_a, 0.9), (b_scores, sure_b, 0.96)], 0)
    assert thr == 94.0  # now b is the strictest: 48 of 50 answered
    top = np.ones(100)
    top[:10] = 0.3  # ten unsure inputs, the lowest scores
    thr, unsure = threshold_for_coverage([(a_scores, top, 0.85)], unsure_share=0.1)
    assert 0.3 < unsure <= 1.0 and thr == 94.0  # 85 answered from the 90 sure: scores 10..94
    assert ((a_scores <= thr) & (top >= unsure)).mean() == 0.85


def test_calibrate_meets_its_coverage_targets_on_any_network(trained_softmax):
    from nndesk.insight.calibrate import calibrate

    net, d = trained_softmax  # softmax regression: the reject unit reads its logits only
    rng = np.random.default_rng(0)
    noise = rng.random((300, 1, 28, 28)).astype(np.float32)  # "non-digits": uniform noise
    val, pen = (d.x_test[:1000], d.t_test[:1000]), (d.x_test[1000:1400], d.t_test[1000:1400])
    cal = calibrate(net, val=val, train=(d.x_train[:1000], d.t_train[:1000]), pen=pen,
                    nondigits=noise, coverage=(0.98, 0.95), unsure_share=0.01)
    assert cal.reject_layers == (-1,) and cal.reject_extras == ("max_logit", "margin",
                                                                 "logsumexp")
    for (x, t), target in ((val, 0.98), (pen, 0.95)):
        assert coverage_report(judge(net, cal, x), t)["coverage"] >= target
    more_noise = rng.random((200, 1, 28, 28)).astype(np.float32)
    assert coverage_report(judge(net, cal, more_noise))["not_a_digit"] > 0.9


def test_drawn_inputs_are_cached_for_the_same_code_and_settings(tmp_path, monkeypatch):
    import nndesk.insight.calibrate as c

    calls = []

    def fake(settings=None, log=None, jobs=1):
        calls.append(settings)
        return {"pen_fit_x": np.full((2, 1, 28, 28), len(calls), np.float32)}

    monkeypatch.setattr(c, "render_inputs", fake)
    cache = tmp_path / "drawn.npz"
    first = c.load_inputs(str(cache))
    again = c.load_inputs(str(cache))
    assert len(calls) == 1 and np.array_equal(first["pen_fit_x"], again["pen_fit_x"])
    other = c.load_inputs(str(cache), {"nondigits": 7})  # other settings: drawn again
    assert len(calls) == 2 and other["pen_fit_x"][0, 0, 0, 0] == 2
    assert c.inputs_fingerprint() != c.inputs_fingerprint({"nondigits": 7})


def test_a_broken_cache_is_drawn_again(tmp_path, monkeypatch):
    import nndesk.insight.calibrate as c

    calls = []
    monkeypatch.setattr(c, "render_inputs", lambda s=None, log=None, jobs=1: calls.append(1)
                        or {"pen_fit_x": np.ones((1, 1, 28, 28), np.float32)})
    cache = tmp_path / "drawn.npz"
    cache.write_bytes(b"PK\x03\x04 not a zip")
    assert c.load_inputs(str(cache))["pen_fit_x"].shape == (1, 1, 28, 28)
    assert c.load_inputs(str(cache))["pen_fit_x"].sum() == 784  # now it reads back
    assert len(calls) == 1


def test_the_command_calibrates_a_model_file_end_to_end(trained_softmax, tmp_path,
                                                        monkeypatch, capsys):
    import json

    import nndesk.insight.calibrate as c
    from nndesk.train import load_model, save_model

    net, d = trained_softmax
    rng = np.random.default_rng(0)

    def fake(settings=None, log=None, jobs=1):  # digits from MNIST, noise as non-digits
        noise = rng.random((60, 1, 28, 28)).astype(np.float32)
        kinds = np.array(["dot", "star"] * 30, "U16")
        return {"pen_fit_x": d.x_test[:300], "pen_fit_t": d.t_test[:300],
                "pen_held_x": d.x_test[300:600], "pen_held_t": d.t_test[300:600],
                **{f"{n}_{k}": v for n in ("nd_cal", "nd_held", "nd_more_held")
                   for k, v in (("x", noise), ("kinds", kinds),
                                ("none_kinds", np.array(["dot"], "U16")),
                                ("none_n", np.array([5])))}}

    monkeypatch.setattr(c, "render_inputs", fake)
    src = save_model(tmp_path / "m.npz", net, {"accuracy": 0.8})
    assert c.main([str(src), "--out", str(tmp_path / "c.npz"), "--train-images", "500"]) == 0
    printed = json.loads(capsys.readouterr().out)
    md = load_model(tmp_path / "c.npz").metadata
    cal = Calibration.from_metadata(md)
    assert cal.reject_extras == ("max_logit", "margin", "logsumexp")
    held = md[KEY]["info"]["held_out"]
    assert held["nondigits_held_out"] == printed["nondigits_held_out"]
    assert held["nondigits_per_kind"]["dot"] == {
        "n": 35, "preprocess_found_none": 5,
        "not_a_digit": held["nondigits_per_kind"]["dot"]["not_a_digit"], "unsure": held[
            "nondigits_per_kind"]["dot"]["unsure"]}
    assert held["mnist_test"]["n"] == 10_000 and held["pen_writers_21_30"]["n"] == 300
    assert str(tmp_path) not in json.dumps(md[KEY])  # no machine paths in the metadata
