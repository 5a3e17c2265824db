"""load_mnist, data_dir, and the real MNIST files."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk.data import mnist
from nndesk.data.mnist import DataMissingError, IdxError, data_dir, load_mnist, write_idx

TRAIN_COUNTS = [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949]
TEST_COUNTS = [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]


def write_tiny(folder, n_train=30, n_test=10, seed=1, labels_train=None):
    """Four tiny MNIST-layout files; returns the arrays written."""
    rng = np.random.default_rng(seed)
    xtr = rng.integers(0, 256, (n_train, 28, 28), dtype=np.uint8)
    ttr = rng.integers(0, 10, n_train).astype(np.uint8) if labels_train is None else labels_train
    xte = rng.integers(0, 256, (n_test, 28, 28), dtype=np.uint8)
    tte = rng.integers(0, 10, n_test).astype(np.uint8)
    for name, a in zip(("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
                        "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"),
                       (xtr, ttr, xte, tte), strict=True):
        write_idx(folder / name, a)
    return xtr, ttr, xte, tte


def test_data_dir_order(tmp_path, monkeypatch):
    monkeypatch.setenv("NNDESK_DATA_DIR", str(tmp_path / "env"))
    monkeypatch.setenv("NNDESK_HOME", str(tmp_path / "home"))
    assert data_dir(tmp_path / "x") == tmp_path / "x"
    assert data_dir() == tmp_path / "env"
    monkeypatch.delenv("NNDESK_DATA_DIR")
    assert data_dir() == tmp_path / "home" / "data" / "mnist"
    assert data_dir(dataset="fashion") == tmp_path / "home" / "data" / "fashion"
    monkeypatch.setenv("NNDESK_FASHION_DIR", str(tmp_path / "f"))
    assert data_dir(dataset="fashion") == tmp_path / "f"
    with pytest.raises(ValueError, match="unknown data set"):
        data_dir(dataset="cifar")


def test_missing_files_message(tmp_path):
    (tmp_path / "t10k-labels-idx1-ubyte.gz").write_bytes(b"")
    with pytest.raises(DataMissingError) as err:
        load_mnist(data_dir=tmp_path)
    msg = str(err.value)
    assert str(tmp_path) in msg and "train-images-idx3-ubyte.gz" in msg
    assert "t10k-labels-idx1-ubyte.gz" not in msg
    assert err.value.missing == ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
                                 "t10k-images-idx3-ubyte.gz"]


def test_flags_split_and_values(tmp_path):
    xtr, ttr, xte, tte = write_tiny(tmp_path)
    s = load_mnist(data_dir=tmp_path, val_split=10, seed=3)
    assert s.x_train.shape == (20, 784) and s.x_val.shape == (10, 784)
    assert s.x_test.shape == (10, 784) and s.x_train.dtype == np.float32
    assert s.t_train.dtype == np.int64 and s.t_train.shape == (20,)
    # train + val is exactly the training set, nothing lost or repeated
    both = np.concatenate([s.x_train, s.x_val]) * 255
    order = np.lexsort(both.T)
    ref = xtr.reshape(30, -1).astype(np.float32)
    np.testing.assert_allclose(both[order], ref[np.lexsort(ref.T)], atol=1e-3)
    np.testing.assert_allclose(s.x_test, xte.reshape(10, -1) / 255, atol=1e-6)
    np.testing.assert_array_equal(s.t_test, tte)
    assert load_mnist(data_dir=tmp_path, val_split=10, seed=3).t_val.tolist() == s.t_val.tolist()
    other = load_mnist(data_dir=tmp_path, val_split=10, seed=4)
    assert not np.array_equal(other.x_val, s.x_val)

    r = load_mnist(normalize=False, flatten=False, one_hot=True, data_dir=tmp_path, val_split=0)
    assert r.x_train.shape == (30, 1, 28, 28) and r.x_train.dtype == np.float32
    np.testing.assert_array_equal(r.x_train[:, 0], xtr)
    assert r.t_train.shape == (30, 10) and r.t_train.dtype == np.float32
    np.testing.assert_array_equal(r.t_train.argmax(1), ttr)
    assert r.x_val.shape == (0, 1, 28, 28) and r.t_val.shape == (0, 10)
    with pytest.raises(ValueError, match="val_split"):
        load_mnist(data_dir=tmp_path, val_split=31)


def test_cached_arrays_cannot_be_spoiled(tmp_path):
    write_tiny(tmp_path)
    a = load_mnist(data_dir=tmp_path, val_split=0)
    a.x_train[:] = -1
    a.t_test[:] = 99
    b = load_mnist(data_dir=tmp_path, val_split=0)
    assert b.x_train.min() >= 0 and b.t_test.max() <= 9


def test_count_mismatch_names_files(tmp_path):
    write_tiny(tmp_path, labels_train=np.zeros(29, np.uint8))
    with pytest.raises(IdxError, match=r"train-labels-idx1-ubyte.gz: 29 labels for the 30 images"):
        load_mnist(data_dir=tmp_path)


def test_bad_labels_and_shapes(tmp_path):
    write_tiny(tmp_path, labels_train=np.full(30, 12, np.uint8))
    with pytest.raises(IdxError, match="labels must be 0-9"):
        load_mnist(data_dir=tmp_path)
    write_idx(tmp_path / "t10k-images-idx3-ubyte.gz", np.zeros((10, 784), np.uint8))
    write_idx(tmp_path / "train-labels-idx1-ubyte.gz", np.zeros(30, np.uint8))
    with pytest.raises(IdxError, match=r"t10k-images-idx3-ubyte.gz: expected uint8 images"):
        load_mnist(data_dir=tmp_path)


def test_fashion_by_name(tmp_path, monkeypatch):
    xtr, *_ = write_tiny(tmp_path / "fashion", seed=7)
    monkeypatch.setenv("NNDESK_FASHION_DIR", str(tmp_path / "fashion"))
    s = load_mnist(dataset="fashion", flatten=False, normalize=False, val_split=0)
    np.testing.assert_array_equal(s.x_train[:, 0], xtr)
    assert mnist.DATASETS["fashion"].title == "Fashion-MNIST"
    with pytest.raises(DataMissingError, match="Fashion-MNIST files missing"):
        load_mnist(dataset="fashion", data_dir=tmp_path / "nothing")


@pytest.mark.slow
def test_real_mnist(mnist_dir):
    s = load_mnist(data_dir=mnist_dir, val_split=0, flatten=False)
    assert s.x_train.shape == (60000, 1, 28, 28) and s.x_test.shape == (10000, 1, 28, 28)
    assert s.t_train[0] == 5 and s.t_test[0] == 7
    assert np.bincount(s.t_train).tolist() == TRAIN_COUNTS
    assert np.bincount(s.t_test).tolist() == TEST_COUNTS
    assert s.x_train.min() == 0 and s.x_train.max() == 1
    v = load_mnist(data_dir=mnist_dir)  # default split: 55,000 + 5,000
    assert len(v.x_train) == 55000 and len(v.x_val) == 5000
    assert (np.bincount(v.t_train, minlength=10) + np.bincount(v.t_val, minlength=10)).tolist() \
        == TRAIN_COUNTS


def test_float_labels_are_refused_even_with_nan(tmp_path):
    labels = np.zeros(30, np.float32)
    labels[3] = np.nan
    write_tiny(tmp_path, labels_train=labels)
    with pytest.raises(IdxError, match="train-labels.*labels must be whole numbers.*float32"):
        load_mnist(data_dir=tmp_path, val_split=0)


def test_labels_outside_0_to_9_are_refused(tmp_path):
    write_tiny(tmp_path, labels_train=np.full(30, 10, np.uint8))
    with pytest.raises(IdxError, match="labels must be 0-9, found 10..10"):
        load_mnist(data_dir=tmp_path, val_split=0)


def test_zero_test_images_is_an_error_and_eval_exits_2(tmp_path, capsys):
    from nndesk.cli import main
    from nndesk.nn import Network
    from nndesk.train import save_model

    write_tiny(tmp_path, n_test=0)
    with pytest.raises(IdxError, match="t10k-images-idx3-ubyte.gz: holds 0 images"):
        load_mnist(data_dir=tmp_path, val_split=0)
    model = save_model(tmp_path / "m.npz", Network.from_spec(
        {"input_shape": [1, 28, 28], "layers": [{"type": "Dense", "units": 10}]}))
    assert main(["eval", str(model), "--data-dir", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "holds 0 images" in err and "0.00%" not in err
