"""`nndesk insight eval|saliency|health`: the views' numbers without the window."""

from __future__ import annotations

import json

import numpy as np
import pytest

from nndesk.cli import main


@pytest.fixture(scope="module")
def sr_model(trained_softmax, tmp_path_factory):
    from nndesk.train.modelfile import save_model

    net, d = trained_softmax
    return save_model(tmp_path_factory.mktemp("m") / "sr.npz", net), d


def _json(capsys, argv):
    assert main(argv) == 0
    return json.loads(capsys.readouterr().out)


def test_eval_lists_the_mistakes_with_evals_numbers(sr_model, mnist_dir, capsys):
    path, d = sr_model
    flags = ["--data-dir", str(mnist_dir)]
    plain = _json(capsys, ["eval", str(path), "--json", *flags])
    ours = _json(capsys, ["insight", "eval", str(path), "--json", "--limit", "7", *flags])
    for key in ("n", "accuracy", "per_digit", "confusion"):
        assert ours[key] == plain[key], key
    wrong = ours["misclassified"]
    assert len(wrong) == 7
    conf = [m["confidence"] for m in wrong]
    assert conf == sorted(conf, reverse=True)
    for m in wrong:
        assert m["label"] == d.t_test[m["index"]] != m["predicted"] == m["top2"][0][0]
    assert main(["insight", "eval", str(path), *flags]) == 0
    assert "misclassified, the 20 most confident" in capsys.readouterr().out


def test_saliency_of_an_image_file(sr_model, tmp_path, capsys):
    from PIL import Image

    from nndesk.data.preprocess import preprocess
    from nndesk.insight.saliency import gradient_x_input
    from nndesk.train.modelfile import load_model

    path, d = sr_model
    image = tmp_path / "digit.png"
    Image.fromarray((255 * d.x_test[0, 0]).astype(np.uint8)).save(image)
    out = _json(capsys, ["insight", "saliency", str(path), str(image), "--json", "--class", "3"])
    net = load_model(path).network
    x = preprocess(image)
    assert out["class"] == 3 and out["label"] == int(np.argmax(net.predict(x[None])[0]))
    np.testing.assert_allclose(out["gradient_x_input"],
                               gradient_x_input(net, x)[3].reshape(28, 28), atol=2e-6)
    assert np.array(out["occlusion"]).shape == (28, 28)
    assert main(["insight", "saliency", str(path)]) == 2
    assert "needs an IMAGE" in capsys.readouterr().err


def test_health_of_a_spec(tmp_path, mnist_dir, capsys):
    spec = tmp_path / "sig.json"
    spec.write_text(json.dumps({"name": "s", "input_shape": [1, 28, 28], "layers": [
        {"type": "Dense", "units": 50, "init": 1.0}, {"type": "Sigmoid"},
        {"type": "Dense", "units": 10}]}))
    out = _json(capsys, ["insight", "health", "--spec", str(spec), "--batch", "50", "--json",
                         "--data-dir", str(mnist_dir)])
    assert [a["type"] for a in out["activations"]] == ["Sigmoid"]
    assert sum(out["activations"][0]["hist"]["counts"]) == 50 * 50
    assert out["activations"][0]["saturated_fraction"] > 0.4
    assert [w["index"] for w in out["weighted"]] == [0, 2]
    assert main(["insight", "health"]) == 2


@pytest.mark.parametrize(("act", "init", "vanishes"), [("Sigmoid", 1.0, True),
                                                       ("ReLU", "he", False)])
def test_health_text_names_vanishing_gradients(tmp_path, mnist_dir, capsys, act, init,
                                               vanishes):
    """Nielsen ch. 5: six sigmoid layers with weights N(0, 1) learn far slower in front than
    at the back; He-initialized ReLU layers do not. The text gives RMS(dW) per layer."""
    layers = []
    for _ in range(6):
        layers += [{"type": "Dense", "units": 30, "init": init}, {"type": act}]
    spec = tmp_path / "deep.json"
    spec.write_text(json.dumps({"name": "deep", "input_shape": [1, 28, 28],
                                "layers": layers + [{"type": "Dense", "units": 10}]}))
    assert main(["insight", "health", "--spec", str(spec), "--batch", "100",
                 "--data-dir", str(mnist_dir)]) == 0
    text = capsys.readouterr().out
    assert "RMS(dW)" in text and "RMS(db)" in text
    assert ("gradients vanish: layer 1 learns" in text) == vanishes
def test_a_calibrated_model_gives_the_numbers_predict_and_the_window_give(tmp_path, capsys,
                                                                          sr_model):
    """The shipped model carries a temperature: insight's probabilities are the calibrated
    ones `nndesk predict --json` prints (MNIST test 1241 was 59.2% here and 55.9% there)."""
    from PIL import Image

    from nndesk.paths import default_model_path
    from nndesk.train.modelfile import load_model

    _, d = sr_model
    model = str(default_model_path())
    unsure = int(np.argmin(load_model(model).network.predict(d.x_test[:300]).max(1)))
    image = tmp_path / "digit.png"     # the test digit the shipped model is least sure of
    Image.fromarray(255 - (255 * d.x_test[unsure, 0]).astype(np.uint8)).save(image)
    out = _json(capsys, ["insight", "saliency", model, str(image), "--json"])
    said = _json(capsys, ["predict", "--model", model, "--json", str(image)])
    assert out["probabilities_are"].startswith("calibrated with temperature")
    np.testing.assert_allclose(out["probabilities"],
                               said["answer"]["calibrated_probabilities"], atol=5e-6)  # float32
    assert not np.allclose(out["probabilities"], said["probabilities"], atol=1e-4)
    path, _ = sr_model                  # a model without a calibration: its softmax, said so
    plain = _json(capsys, ["insight", "saliency", str(path), str(image), "--json"])
    assert plain["probabilities_are"] == "plain softmax"
