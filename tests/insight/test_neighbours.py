"""Nearest training images in the last hidden layer and in pixel space; the cache of the
training features is used only when it is the model's own, intact."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk.insight.neighbours import (
    Cancelled,
    FeatureIndex,
    build_index,
    cache_path,
    feature_layer,
    model_fingerprint,
    nearest,
    training_index,
)
from nndesk.nn import Network
from nndesk.presets import load_preset

LIMIT = 300  # training images in these tests (the window uses all 60,000)
MLP = {"name": "tiny", "input_shape": [1, 28, 28],
       "layers": [{"type": "Dense", "units": 16}, {"type": "ReLU"}, {"type": "Dense", "units": 10}]}


@pytest.fixture
def net():
    return Network.from_spec(MLP, seed=3)


@pytest.mark.parametrize(("preset", "layer"), [
    ("SoftmaxRegression", None),  # Dense only: no hidden layer
    ("TwoLayerNet", 1),           # Dense ReLU | Dense
    ("SimpleConvNet", 4),         # Conv ReLU Pool Dense ReLU | Dense
])
def test_the_feature_layer_feeds_the_last_dense(preset, layer):
    net = Network.from_spec(load_preset(preset))
    assert feature_layer(net) == layer
    if layer is not None:
        assert net.layers[layer + 1].__class__.__name__ == "Dense"
        assert all(type(lay).__name__ != "Dense" for lay in net.layers[layer + 2:])


def test_fingerprint_is_the_weights_not_the_object(net):
    twin = Network.from_spec(MLP, seed=99)
    assert model_fingerprint(twin) != model_fingerprint(net)
    twin.load_state_dict(net.state_dict())
    assert model_fingerprint(twin) == model_fingerprint(net)
    twin.params()["2.b"][3] += 1e-6
    assert model_fingerprint(twin) != model_fingerprint(net)


def test_query_agrees_with_brute_force(net):
    rng = np.random.default_rng(0)
    x = rng.random((50, 1, 28, 28), dtype=np.float32)
    t = rng.integers(0, 10, 50)
    index = build_index(net, x, t)
    probe = rng.random((1, 28, 28), dtype=np.float32)
    found = nearest(index, net, probe, k=4)
    feats = np.stack([net.forward_all(xi[None])[1][0] for xi in x])
    q = net.forward_all(probe[None])[1][0]
    for space, data, vec in (("feature", feats, q), ("pixel", x.reshape(50, -1), probe.ravel())):
        dist = np.linalg.norm(data.astype(np.float64) - vec.astype(np.float64), axis=1)
        order = np.argsort(dist, kind="stable")[:4]
        assert [n["index"] for n in found[space]] == order.tolist(), space
        assert [n["label"] for n in found[space]] == t[order].tolist()
        np.testing.assert_allclose([n["distance"] for n in found[space]], dist[order],
                                   rtol=1e-3, atol=1e-3)


def test_a_training_image_finds_itself_first(net, mnist_dir, tmp_path):
    index, how = training_index(net, data_dir=mnist_dir, limit=LIMIT, cache_dir=tmp_path)
    image = index.image(123).reshape(1, 28, 28)
    found = nearest(index, net, image, k=3)
    for space in ("feature", "pixel"):
        assert found[space][0]["index"] == 123 and found[space][0]["distance"] < 1e-2
        assert found[space][0]["label"] == index.labels[123]


def test_the_cache_is_written_once_and_trusted_only_when_intact(net, mnist_dir, tmp_path):
    seen = []
    first, how = training_index(net, data_dir=mnist_dir, limit=LIMIT, cache_dir=tmp_path,
                                progress=lambda done, total: seen.append((done, total)))
    assert how == "built" and seen[-1] == (LIMIT, LIMIT)
    path = cache_path(model_fingerprint(net), f"mnist-{LIMIT}", tmp_path)
    assert path.is_file() and [p.name for p in tmp_path.iterdir()] == [path.name]  # no temp
    again, how = training_index(net, data_dir=mnist_dir, limit=LIMIT, cache_dir=tmp_path,
                                progress=lambda *a: pytest.fail("recomputed a good cache"))
    assert how == "cached"
    np.testing.assert_array_equal(again.features, first.features)
    np.testing.assert_array_equal(again.labels, first.labels)

    good = path.read_bytes()
    path.write_bytes(good[: len(good) // 2])  # cut short
    assert training_index(net, data_dir=mnist_dir, limit=LIMIT, cache_dir=tmp_path)[1] \
        == "rebuilt"
    assert path.read_bytes() == good  # rebuilt to the same bytes

    with np.load(path) as z:  # the right header over wrong features: the spot check
        arrays = {k: z[k] for k in z.files}
    arrays["features"] = arrays["features"] * np.float32(1.01)
    np.savez(path.with_suffix(""), **arrays)  # numpy adds .npz back
    assert training_index(net, data_dir=mnist_dir, limit=LIMIT, cache_dir=tmp_path)[1] \
        == "rebuilt"

    arrays["features"] = np.array([{"evil": 1}] * LIMIT, dtype=object)  # a pickle
    np.savez(path.with_suffix(""), **arrays)
    assert training_index(net, data_dir=mnist_dir, limit=LIMIT, cache_dir=tmp_path)[1] \
        == "rebuilt"
    assert path.read_bytes() == good


def test_another_model_gets_its_own_cache_and_stopping_writes_nothing(net, mnist_dir,
                                                                      tmp_path):
    training_index(net, data_dir=mnist_dir, limit=LIMIT, cache_dir=tmp_path)
    other = Network.from_spec(MLP, seed=4)
    with pytest.raises(Cancelled):
        training_index(other, data_dir=mnist_dir, limit=LIMIT, cache_dir=tmp_path,
                       should_stop=lambda: True)
    assert len(list(tmp_path.iterdir())) == 1
    assert training_index(other, data_dir=mnist_dir, limit=LIMIT, cache_dir=tmp_path)[1] \
        == "built"
    assert len(list(tmp_path.iterdir())) == 2


def test_no_hidden_layer_is_a_value_error(mnist_dir, tmp_path):
    sr = Network.from_spec(load_preset("SoftmaxRegression"))
    with pytest.raises(ValueError, match="no hidden layer"):
        training_index(sr, data_dir=mnist_dir, limit=LIMIT, cache_dir=tmp_path)


def test_the_command_line_lists_both_spaces(net, mnist_dir, tmp_path, capsys):
    import json

    from PIL import Image

    from nndesk.cli import main
    from nndesk.data.mnist import load_mnist
    from nndesk.train.modelfile import save_model

    model = save_model(tmp_path / "tiny.npz", net)
    x = load_mnist(flatten=False, data_dir=mnist_dir, val_split=0).x_train[7, 0]
    Image.fromarray((x * 255).astype(np.uint8)).save(tmp_path / "seven.png")
    argv = ["insight", "neighbours", str(model), str(tmp_path / "seven.png"), "--k", "3",
            "--train-images", str(LIMIT), "--data-dir", str(mnist_dir)]
    assert main([*argv, "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["cache"] == "built" and out["train_images"] == LIMIT
    assert out["layer"] == 1 and out["features"] == 16
    assert len(out["feature"]) == len(out["pixel"]) == 3
    assert out["pixel"][0]["index"] == 7  # the image itself, through preprocess: nearest
    d = [n["distance"] for n in out["feature"]]
    assert d == sorted(d)
    assert main(argv) == 0
    text = capsys.readouterr().out
    assert "(features cached)" in text and "in pixel space" in text


def test_the_index_keeps_the_data_sets_own_uint8_pixels_and_finds_the_same(net, mnist_dir,
                                                                          tmp_path):
    """No float32 copy of the 60,000 training images (188 MB; the file's uint8 is 47 MB):
    the index holds the decoded file itself, and finds what a float32 copy finds, to the
    bit (distances included)."""
    from nndesk.data.mnist import load_mnist, load_uint8

    index, _ = training_index(net, data_dir=mnist_dir, cache_dir=tmp_path)
    raw, _ = load_uint8("train", data_dir=mnist_dir)
    assert index.pixels.dtype == np.uint8 and np.shares_memory(index.pixels, raw)
    floats = load_mnist(flatten=True, data_dir=mnist_dir, val_split=0).x_train
    np.testing.assert_array_equal(index.image(59_999), floats[59_999])
    as_before = FeatureIndex(index.features, floats, index.labels, index.indices, index.layer,
                             index.fingerprint)
    probes = [floats[123], np.random.default_rng(1).random(784, dtype=np.float32)]
    for probe in probes:
        image = probe.reshape(1, 28, 28)
        assert nearest(index, net, image, k=6) == nearest(as_before, net, image, k=6)
    np.testing.assert_array_equal(index.features[:LIMIT], training_index(
        net, data_dir=mnist_dir, limit=LIMIT, cache_dir=tmp_path)[0].features)
    again = build_index(net, floats[:LIMIT].reshape(LIMIT, 1, 28, 28), index.labels[:LIMIT])
    np.testing.assert_array_equal(again.features, index.features[:LIMIT])
