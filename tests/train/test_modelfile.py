"""The model file: round trips bit for bit, and every kind of bad file is one ModelFileError."""

from __future__ import annotations

import json
import os

import numpy as np
import pytest
from train_helpers import CONV_SPEC, MLP_SPEC, weights_equal

from nndesk.nn import Adam, Network
from nndesk.train import ModelFileError, TrainConfig, load_model, save_model
from nndesk.train import modelfile as mf


@pytest.fixture
def trained_net() -> Network:
    """A small conv net whose weights and BatchNorm statistics moved away from their init."""
    net = Network.from_spec(CONV_SPEC, seed=3)
    rng = np.random.default_rng(0)
    x = rng.random((16, 1, 28, 28), dtype=np.float32)
    t = rng.integers(0, 10, 16)
    opt = Adam(lr=0.01)
    for _ in range(3):
        net.loss(x, t, train=True)
        net.backward()
        opt.update(net.params(), net.grads())
    return net


def _arrays(path) -> dict[str, np.ndarray]:
    with np.load(path, allow_pickle=False) as z:
        return {k: z[k] for k in z.files}


def _rewrite(path, arrays: dict) -> None:
    with open(path, "wb") as f:
        np.savez(f, **arrays)


def _json(obj) -> np.ndarray:
    return np.frombuffer(json.dumps(obj).encode(), dtype=np.uint8)


def test_save_load_gives_bit_identical_predictions(tmp_path, trained_net):
    x = np.random.default_rng(1).random((40, 1, 28, 28), dtype=np.float32)
    path = save_model(tmp_path / "m.npz", trained_net, {"accuracy": 0.5, "command": "c"})
    loaded = load_model(path)
    assert np.array_equal(loaded.network.predict(x), trained_net.predict(x))
    assert weights_equal(loaded.network.state_dict(), trained_net.state_dict())
    assert not np.all(trained_net.state_dict()["1.running_mean"] == 0)  # buffers moved
    assert "1.running_mean" in loaded.network.state_dict()  # and travel too
    assert loaded.spec == trained_net.spec
    assert loaded.metadata["accuracy"] == 0.5 and loaded.metadata["command"] == "c"
    assert loaded.metadata["created"].startswith("20")
    assert loaded.checkpoint is None
    # Only numeric arrays on disk: JSON is stored as bytes, never as pickled objects.
    assert all(a.dtype != object for a in _arrays(path).values())


def _checkpoint_state(net, opt, **changes) -> dict:
    """The loop state a Trainer writes, with `opt`'s arrays (fields as in checkpoint_state)."""
    rng = np.random.default_rng(5)
    state = {"epoch": 3, "batch": 7, "step": 40, "config": TrainConfig().to_dict(),
             "rng": rng.bit_generator.state, "epoch_rng": rng.bit_generator.state,
             "net_rng": None, "history": [{"epoch": 1, "val_acc": 0.25, "test_acc": None}],
             "best_epoch": 1, "best_val_acc": 0.25, "since_best": 0, "train_time_s": 1.5,
             "epoch_loss_sum": 2.0, "epoch_loss_count": 7, "epoch_time_s": 0.5,
             "schedule": {"lr": 0.01}, "optimizer": opt.state_dict(), "best_weights": None}
    state.update(changes)
    return state


def _adam_after_one_step(net) -> Adam:
    opt = Adam(lr=0.01)
    opt.update(net.params(), {k: np.ones_like(v) for k, v in net.params().items()})
    return opt


def test_checkpoint_round_trip_keeps_optimizer_arrays_and_state(tmp_path, trained_net):
    opt = _adam_after_one_step(trained_net)
    state = _checkpoint_state(trained_net, opt)
    path = save_model(tmp_path / "c.npz", trained_net, checkpoint=state)
    ck = load_model(path).checkpoint
    assert ck["epoch"] == 3 and ck["batch"] == 7 and ck["history"] == state["history"]
    assert weights_equal(ck["optimizer"], opt.state_dict())
    again = np.random.default_rng()
    again.bit_generator.state = ck["rng"]  # 128-bit PCG64 state survives JSON
    assert np.array_equal(again.random(5), np.random.default_rng(5).random(5))


def test_write_is_atomic_and_leaves_no_temp_file(tmp_path, trained_net, monkeypatch):
    path = tmp_path / "m.npz"
    save_model(path, trained_net, {"accuracy": 0.1})
    before = path.read_bytes()

    def broken_savez(f, **arrays):
        f.write(b"PK\x03\x04 half a zip")
        raise OSError("disk full")

    monkeypatch.setattr(mf.np, "savez", broken_savez)
    with pytest.raises(OSError, match="disk full"):
        save_model(path, trained_net, {"accuracy": 0.9})
    assert path.read_bytes() == before  # the old file is untouched
    assert os.listdir(tmp_path) == ["m.npz"]  # and the temp file is gone


def test_overwrite_replaces_the_whole_file(tmp_path, trained_net):
    path = tmp_path / "m.npz"
    save_model(path, Network.from_spec(MLP_SPEC), {"accuracy": 0.1})
    save_model(path, trained_net, {"accuracy": 0.2})
    loaded = load_model(path)
    assert loaded.spec["name"] == "TinyConv" and loaded.metadata["accuracy"] == 0.2
    assert sorted(os.listdir(tmp_path)) == ["m.npz"]


def _bad_missing_array(a):
    del a["w/0.W"]


def _bad_extra_array(a):
    a["w/99.W"] = np.zeros(3, np.float32)


def _bad_shape(a):
    a["w/0.W"] = np.zeros((2, 2, 2, 2), np.float32)


def _bad_version(a):
    a["__format__"] = _json({"name": "nndesk-model", "version": 99})


def _bad_format_name(a):
    a["__format__"] = _json({"name": "other-tool", "version": 1})


def _bad_no_format(a):
    del a["__format__"]


def _bad_spec(a):
    spec = json.loads(a["spec"].tobytes())
    spec["layers"][3]["pool_size"] = 50  # a 50x50 window on a 24x24 map
    a["spec"] = _json(spec)


def _bad_spec_unknown_layer(a):
    spec = json.loads(a["spec"].tobytes())
    spec["layers"][0]["type"] = "Conv9D"
    a["spec"] = _json(spec)


def _bad_metadata_json(a):
    a["metadata"] = np.frombuffer(b"{not json", dtype=np.uint8)


def _bad_string_weights(a):
    a["w/0.b"] = np.array(["a", "b", "c", "d"])


BAD = {
    "missing array": (_bad_missing_array, "'w/0.W' is missing"),
    "extra array": (_bad_extra_array, "unexpected entry 'w/99.W'"),
    "wrong shape": (_bad_shape, r"'w/0.W' has shape \(2, 2, 2, 2\), the spec needs \(4, 1, 5, 5\)"),
    "newer version": (_bad_version, "newer nndesk"),
    "other format": (_bad_format_name, "not an nndesk model file"),
    "no format entry": (_bad_no_format, "no '__format__' entry"),
    "spec does not build": (_bad_spec, "spec does not build.*MaxPool2D"),
    "unknown layer": (_bad_spec_unknown_layer, "spec does not build.*Conv9D"),
    "metadata not json": (_bad_metadata_json, "'metadata' entry is not valid JSON"),
    "string weights": (_bad_string_weights, "'w/0.b' has dtype"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_content_gives_one_clear_error(tmp_path, trained_net, case):
    change, message = BAD[case]
    path = save_model(tmp_path / "m.npz", trained_net)
    arrays = _arrays(path)
    change(arrays)
    _rewrite(path, arrays)
    with pytest.raises(ModelFileError, match=message) as info:
        load_model(path)
    assert str(path) in str(info.value)


def test_object_array_is_refused_without_unpickling(tmp_path, trained_net):
    path = save_model(tmp_path / "m.npz", trained_net)
    arrays = _arrays(path)
    arrays["metadata"] = np.array([{"evil": "pickle"}], dtype=object)
    with open(path, "wb") as f:
        np.savez(f, **arrays)  # savez pickles object arrays; load_model must not
    with pytest.raises(ModelFileError, match="'metadata' is an object array"):
        load_model(path)


@pytest.mark.parametrize("keep", [0.3, 0.6, 0.95])
def test_truncated_file(tmp_path, trained_net, keep):
    path = save_model(tmp_path / "m.npz", trained_net)
    data = path.read_bytes()
    path.write_bytes(data[:int(len(data) * keep)])
    with pytest.raises(ModelFileError, match="m.npz"):
        load_model(path)


def test_corrupted_bytes_inside_an_array(tmp_path, trained_net):
    path = save_model(tmp_path / "m.npz", trained_net)
    data = bytearray(path.read_bytes())
    w = trained_net.state_dict()["0.W"].tobytes()
    start = bytes(data).find(w[:64])
    assert start > 0
    data[start + 10] ^= 0xFF  # one flipped byte: the zip CRC must catch it
    path.write_bytes(bytes(data))
    with pytest.raises(ModelFileError, match="damaged"):
        load_model(path)


def test_not_an_npz_at_all(tmp_path):
    text = tmp_path / "notes.npz"
    text.write_text("hello, I am not a model\n")
    with pytest.raises(ModelFileError, match="not an nndesk model file"):
        load_model(text)
    npy = tmp_path / "single.npz"
    with open(npy, "wb") as f:
        np.save(f, np.zeros(3))
    with pytest.raises(ModelFileError, match="a single NumPy array"):
        load_model(npy)
    empty = tmp_path / "empty.npz"
    empty.write_bytes(b"")
    with pytest.raises(ModelFileError):
        load_model(empty)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(ModelFileError, match="no such model file"):
        load_model(tmp_path / "nope.npz")
    with pytest.raises(ModelFileError, match="not a file"):
        load_model(tmp_path)


# --- init_from: fine-tuning's start ----------------------------------------------------------
_BN_SPEC = {"name": "TinyBN", "input_shape": [1, 8, 8],
            "layers": [{"type": "Conv2D", "filters": 4, "kernel_size": 3},
                       {"type": "BatchNorm"}, {"type": "ReLU"}, {"type": "Dense", "units": 10}]}


def test_init_from_copies_weights_and_batchnorm_statistics(tmp_path):
    from nndesk.nn import Network
    from nndesk.train.modelfile import init_from

    source = Network.from_spec(_BN_SPEC, seed=1)
    source.layers[1].buffers["running_mean"][...] = np.arange(4, dtype=np.float32)
    source.layers[1].buffers["running_var"][...] = [0.5, 2.0, 3.0, 4.0]
    save_model(tmp_path / "src.npz", source, {"command": "nndesk train --preset TinyBN"})
    net = Network.from_spec({**_BN_SPEC, "name": "Renamed"}, seed=2)
    loaded = init_from(tmp_path / "src.npz", net)
    assert loaded.metadata["command"] == "nndesk train --preset TinyBN"
    np.testing.assert_array_equal(net.layers[1].buffers["running_mean"], [0, 1, 2, 3])
    np.testing.assert_array_equal(net.layers[1].buffers["running_var"], [0.5, 2, 3, 4])
    want = source.state_dict()
    assert all(np.array_equal(v, want[k]) for k, v in net.state_dict().items())
    x = np.random.default_rng(0).uniform(0, 1, (3, 1, 8, 8)).astype(np.float32)
    np.testing.assert_array_equal(net.predict(x), source.predict(x))


@pytest.mark.parametrize(("change", "words"), [
    (lambda s: s["layers"][0].update(filters=8), "layer 1 (Conv2D) has filters=4, this "
                                                 "network's has filters=8"),
    (lambda s: s["layers"].__setitem__(2, {"type": "Sigmoid"}), "layer 3 is ReLU, this "
                                                                "network's is Sigmoid"),
    (lambda s: s.update(input_shape=[1, 9, 9]), "its input is [1, 8, 8]"),
    (lambda s: s["layers"].append({"type": "ReLU"}), "it has 4 layers, this network has 5"),
])
def test_init_from_refuses_a_different_network_and_changes_nothing(tmp_path, change, words):
    """Same-shaped weights are not enough: a Sigmoid where the model had a ReLU is another
    network (its weights would load without complaint), so the specs are compared."""
    import copy

    from nndesk.nn import Network
    from nndesk.train.modelfile import init_from

    save_model(tmp_path / "src.npz", Network.from_spec(_BN_SPEC, seed=1))
    spec = copy.deepcopy(_BN_SPEC)
    change(spec)
    net = Network.from_spec(spec, seed=2)
    before = net.state_dict()
    with pytest.raises(ModelFileError, match="a different network") as err:
        init_from(tmp_path / "src.npz", net)
    assert words in str(err.value) and "src.npz" in str(err.value)
    assert all(np.array_equal(v, before[k]) for k, v in net.state_dict().items())
