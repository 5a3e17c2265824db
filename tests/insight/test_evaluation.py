"""The evaluation view's numbers: nndesk eval's, plus each image's probabilities."""

from __future__ import annotations

import json

import numpy as np
import pytest

from nndesk.insight.evaluation import Cancelled, evaluate_model, load_test_images

SOFTMAX_REGRESSION = {"name": "SR", "input_shape": [1, 28, 28],
                      "layers": [{"type": "Dense", "units": 10}]}


class TableNet:
    """A stand-in network: image k (x[k] == k) gets the probabilities TABLE[k]."""

    TABLE = np.array([[.90, .05, .05], [.20, .70, .10], [.10, .60, .30],  # 0 ok, 1 ok, 2 -> 1
                      [.55, .40, .05], [.30, .30, .40], [.05, .15, .80]],  # 0 ok, 1 -> 2, 1 -> 2
                     dtype=np.float32)

    def predict(self, x, batch_size=100):
        return self.TABLE[x.reshape(-1).astype(int)]


def _table_eval(**kwargs):
    x = np.arange(6, dtype=np.float32).reshape(6, 1)
    t = np.array([0, 1, 2, 0, 1, 1])
    return evaluate_model(TableNet(), x, t, **kwargs)


def test_numbers_worked_out_by_hand():
    seen = []
    ev = _table_eval(batch_size=4, progress=lambda done, n: seen.append((done, n)))
    assert seen == [(4, 6), (6, 6)]  # one call per batch, the partial one too
    conf = np.array(ev.report["confusion"])[:3, :3]
    np.testing.assert_array_equal(conf, [[2, 0, 0], [0, 1, 2], [0, 1, 0]])
    assert ev.report["accuracy"] == pytest.approx(3 / 6)
    assert ev.report["per_digit"][:3] == pytest.approx([1.0, 1 / 3, 0.0])
    assert ev.report["per_digit"][3] is None
    # wrong answers: image 2 (1 at .60), 4 (2 at .40), 5 (2 at .80)
    assert ev.mistakes().tolist() == [5, 2, 4]
    assert ev.mistakes(most_confident_first=False).tolist() == [4, 2, 5]
    assert ev.cell(1, 2).tolist() == [5, 4]
    assert ev.cell(0, 0).tolist() == [0, 3]
    assert ev.top2(4) == [(2, pytest.approx(.40)), (0, pytest.approx(.30))]
    js = ev.to_json(limit=2)
    assert [m["index"] for m in js["misclassified"]] == [5, 2]
    assert js["misclassified"][0] == {"index": 5, "label": 1, "predicted": 2,
                                      "confidence": pytest.approx(.80),
                                      "top2": [[2, pytest.approx(.80)], [1, pytest.approx(.15)]]}
    json.dumps(js)  # JSON-ready


def test_stops_between_batches():
    calls = []

    def should_stop():
        calls.append(1)
        return len(calls) > 1

    with pytest.raises(Cancelled):
        _table_eval(batch_size=2, should_stop=should_stop)
    assert len(calls) == 2  # the first batch ran, the second was refused


def test_agrees_with_nndesk_eval_json(mnist_dir, tmp_path, capsys):
    """The view's figures are the ones `nndesk eval --json` prints, for a real model file."""
    from nndesk.cli import main
    from nndesk.data.mnist import load_mnist
    from nndesk.nn import Network
    from nndesk.nn.optimizers import SGD
    from nndesk.train.modelfile import save_model

    net = Network.from_spec(SOFTMAX_REGRESSION, seed=0)
    d = load_mnist(flatten=False, data_dir=mnist_dir, val_split=0)
    opt = SGD(lr=0.5)
    for i in range(0, 3000, 100):  # a few steps: right about most digits, wrong about some
        net.loss(d.x_train[i:i + 100], d.t_train[i:i + 100])
        net.backward()
        opt.update(net.params(), net.grads())
    path = save_model(tmp_path / "sr.npz", net)
    assert main(["eval", str(path), "--json", "--data-dir", str(mnist_dir)]) == 0
    printed = json.loads(capsys.readouterr().out)
    x, t = load_test_images([1, 28, 28], data_dir=mnist_dir)
    ev = evaluate_model(net, x, t)
    for key in ("n", "accuracy", "per_digit", "confusion"):
        assert ev.report[key] == printed[key], key
    assert 0.5 < ev.report["accuracy"] < 0.98
    wrong = ev.mistakes()
    assert len(wrong) == ev.report["n"] - np.trace(np.array(printed["confusion"]))
    assert (ev.labels[wrong] != ev.predicted[wrong]).all()
    # float32, and 50 images are cut into other chunks than 10,000 (nn/inference.py CHUNK)
    np.testing.assert_allclose(ev.probabilities[:50], net.predict(x[:50]), rtol=2e-5, atol=1e-8)


def test_uint8_test_images_give_the_same_numbers_and_no_copy(mnist_dir):
    """The window evaluates the data set's own uint8 test images (no float32 copy kept):
    every number is the float32 images' to the bit."""
    from nndesk.data.mnist import load_mnist, load_uint8
    from nndesk.nn import Network

    net = Network.from_spec(SOFTMAX_REGRESSION, seed=0)
    floats, t = load_test_images([1, 28, 28], data_dir=mnist_dir)
    np.testing.assert_array_equal(floats, load_mnist(flatten=False, data_dir=mnist_dir).x_test)
    raw, t8 = load_test_images([1, 28, 28], data_dir=mnist_dir, scale=False)
    assert raw.dtype == np.uint8 and np.shares_memory(raw, load_uint8("test",
                                                                      data_dir=mnist_dir)[0])
    np.testing.assert_array_equal(t8, t)
    a, b = evaluate_model(net, floats[:1200], t[:1200]), evaluate_model(net, raw[:1200], t[:1200])
    assert a.report == b.report
    np.testing.assert_array_equal(a.probabilities, b.probabilities)
