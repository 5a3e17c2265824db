"""The combined recognizer: the product rule, the fitted weight, verdicts, real model files."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk.insight.combined import (
    CombinedRecognizer,
    TrajectoryReader,
    combine,
    combined_verdict,
    evaluate_combined,
    fit_weight,
)
from nndesk.insight.reject import DIGIT, NOT_A_DIGIT, UNSURE, Verdict
from nndesk.paths import default_model_path
from nndesk.train import load_model


def test_combine_is_the_normalized_weighted_geometric_mean():
    p, q = np.array([[0.9, 0.1]]), np.array([[0.5, 0.5]])
    # w = 0.5: sqrt(0.45) = 0.6708, sqrt(0.05) = 0.2236 -> 0.75, 0.25 after normalizing
    np.testing.assert_allclose(combine(p, q, 0.5), [[0.75, 0.25]], atol=1e-12)
    np.testing.assert_allclose(combine(p, q, 0.0), p, atol=1e-12)
    np.testing.assert_allclose(combine(p, q, 1.0), q, atol=1e-12)
    # w = 0.25 with [0.2, 0.8]: 0.9^.75 0.2^.25 = 0.6179, 0.1^.75 0.8^.25 = 0.1682 -> 0.7861
    np.testing.assert_allclose(combine(p, [[0.2, 0.8]], 0.25)[0, 0], 0.78606, atol=1e-4)
    with pytest.raises(ValueError, match="weight"):
        combine(p, q, 1.5)
    with pytest.raises(ValueError, match="shape"):
        combine(p, np.ones((1, 3)) / 3, 0.5)


def test_fit_weight_follows_the_better_model():
    t = np.zeros(50, np.int64)
    sure_right, weak_right = np.tile([0.95, 0.05], (50, 1)), np.tile([0.6, 0.4], (50, 1))
    assert fit_weight(weak_right, sure_right, t)[0] == 1.0   # the path model knows better
    assert fit_weight(sure_right, weak_right, t)[0] == 0.0   # the image model knows better
    weight, table = fit_weight(sure_right, np.tile([0.3, 0.7], (50, 1)), t)
    assert weight == 0.0 and len(table) == 21 and table[-1]["accuracy"] == 0.0


def _verdict(kind, probs):
    p = np.asarray(probs, np.float64)
    return Verdict(kind, int(p.argmax()) if kind == DIGIT else None, (int(p.argmax()),), p)


def test_combined_verdict():
    image = _verdict(DIGIT, [0.1, 0.6, 0.3] + [0] * 7)
    path = np.array([0.05, 0.15, 0.8] + [0] * 7)
    both = combined_verdict(image, path, 0.5)
    assert both.kind == DIGIT and both.label == 2   # sqrt(.24)=.49 vs sqrt(.09)=.30
    assert combined_verdict(image, path, 0.5, unsure_threshold=0.9).kind == UNSURE
    doodle = Verdict(NOT_A_DIGIT, None, (), image.probabilities)
    assert combined_verdict(doodle, path, 0.5) is doodle   # only the image model rejects
    assert combined_verdict(image, None, 0.5) is image
    assert combined_verdict(None, path, 0.5).label == 2      # no digit in the bitmap


def test_reader_refuses_an_image_model():
    with pytest.raises(ValueError, match="not a trajectory model"):
        TrajectoryReader(load_model(default_model_path()))


def test_trained_trajectory_model_reads_held_out_writer(trajectory_model, pen_subset):
    from nndesk.data.pendigits import load_pendigits

    model = load_model(trajectory_model)
    md = model.metadata
    assert md["data"]["dataset"] == "pendigits" and md["data"]["official"] is False  # a subset
    assert md["trajectory"]["train_writers"] == list(range(1, 17))
    assert md["trajectory"]["validation_writers"] == [17, 18, 19, 20]
    assert "--dataset pendigits" in md["command"] and "/" not in md["command"].split()[3]
    reader = TrajectoryReader(model)
    held = [d for d in load_pendigits(pen_subset) if d.writer == 21]
    assert len(held) == 60
    recognizer = CombinedRecognizer(load_model(default_model_path()), reader, weight=0.5)
    result = evaluate_combined(recognizer, held, weights=[0.0, 0.5, 1.0])
    assert result["n"] == 60 and result["writers"] == [21]
    # 120 training digits of two writers: far better than chance (10%) on an unseen writer
    assert result["trajectory"] > 0.5
    assert result["image"] > 0.9                     # the shipped image model
    by = {row["weight"]: row["accuracy"] for row in result["by_weight"]}
    assert by[0.0] == result["image"] and by[1.0] == result["trajectory"]
    assert by[0.5] == result["combined"]


def test_recognize_strokes_with_and_without_times(trajectory_model):
    reader = TrajectoryReader(load_model(trajectory_model))
    recognizer = CombinedRecognizer(load_model(default_model_path()), reader)
    assert recognizer.weight == reader.weight == 0.5   # no fitted weight in this file
    one = [[(140, 40, 0), (141, 140, 200), (142, 240, 400)]]
    got = recognizer.recognize([one, [[p[:2] for p in one[0]]], []])
    assert got[0].image.label == 1 and got[0].combined.label is not None
    np.testing.assert_allclose(got[0].trajectory, got[1].trajectory)
    assert got[2].image is None and got[2].trajectory is None and got[2].combined is None
    js = got[0].to_json()
    assert set(js["models"]) == {"image", "trajectory", "weight"}
    assert js["label"] == int(np.argmax(js["probabilities"]))


def test_fit_writes_the_weight_and_refuses_held_out_writers(trajectory_model, pen_subset,
                                                            tmp_path, monkeypatch, capsys):
    import shutil

    from nndesk.insight.combined import WEIGHTS, main

    monkeypatch.setenv("NNDESK_PENDIGITS", str(pen_subset))
    model = tmp_path / "traj.npz"
    shutil.copy(trajectory_model, model)
    with pytest.raises(SystemExit):
        main(["fit", str(model), "--writers", "21"])         # held out: never fitted on
    with pytest.raises(SystemExit):
        main(["fit", str(model), "--writers", "2"])          # trained on
    assert "not held out" in capsys.readouterr().err
    assert main(["fit", str(model)]) == 0
    out = capsys.readouterr().out
    assert "fit on pen writers 17-20 (60 digits" in out
    combo = load_model(model).metadata["combination"]
    assert combo["fitted_on_writers"] == [17, 18, 19, 20] and combo["n"] == 60
    assert combo["weight"] in WEIGHTS and combo["image_model"]["name"] == "default.npz"
    best = min(combo["table"], key=lambda row: row["nll"])
    assert best["weight"] == combo["weight"]
    assert TrajectoryReader(load_model(model)).weight == combo["weight"]
    before, after = load_model(trajectory_model).network, load_model(model).network
    for key, value in before.state_dict().items():
        np.testing.assert_array_equal(after.state_dict()[key], value)


def test_measure_backwards_traces_every_stroke_the_other_way(trajectory_model, pen_subset,
                                                             tmp_path, monkeypatch, capsys):
    import json

    from nndesk.insight.combined import main

    monkeypatch.setenv("NNDESK_PENDIGITS", str(pen_subset))
    assert main(["measure", str(trajectory_model), "--writers", "17-20", "--json"]) == 0
    ahead = json.loads(capsys.readouterr().out)
    assert main(["measure", str(trajectory_model), "--writers", "17-20", "--json",
                 "--backwards"]) == 0
    back = json.loads(capsys.readouterr().out)
    assert ahead["backwards"] is False and back["backwards"] is True
    assert back["n"] == ahead["n"] == 60
    assert back["image"] == ahead["image"]         # the same ink: the image model cannot tell
    with pytest.raises(SystemExit):
        main(["fit", str(trajectory_model), "--backwards"])
    assert "only measures" in capsys.readouterr().err
    monkeypatch.setenv("NNDESK_PENDIGITS", str(tmp_path / "none.tra"))
    with pytest.raises(SystemExit):
        main(["measure", str(trajectory_model)])
    assert "no pen digits at" in capsys.readouterr().err
