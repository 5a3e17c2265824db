"""Shared fixtures: where MNIST is, and a private nndesk home for each test session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MNIST_FILES = ("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
               "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz")


def _mnist_dir() -> Path:
    env = os.environ.get("NNDESK_DATA_DIR")
    return Path(env) if env else ROOT.parent / "shared" / "data" / "mnist"


@pytest.fixture(scope="session")
def mnist_dir() -> Path:
    """The real MNIST files; skip (with the reason) only where they are absent."""
    path = _mnist_dir()
    missing = [f for f in MNIST_FILES if not (path / f).is_file()]
    if missing:
        pytest.skip(f"MNIST files not found in {path} (set NNDESK_DATA_DIR): {missing}")
    return path


@pytest.fixture(autouse=True)
def _private_home(tmp_path_factory, monkeypatch):
    """Keep every test away from the user's real nndesk folder."""
    monkeypatch.setenv("NNDESK_HOME", str(tmp_path_factory.getbasetemp() / "nndesk-home"))


@pytest.fixture(scope="session")
def trained_softmax(mnist_dir):
    """(network, splits): softmax regression after 20 SGD steps on MNIST, right about most
    digits and wrong about many (the evaluation and insight tests need both). Read-only."""
    from nndesk.data.mnist import load_mnist
    from nndesk.nn import Network
    from nndesk.nn.optimizers import SGD

    spec = {"name": "SR", "input_shape": [1, 28, 28], "layers": [{"type": "Dense", "units": 10}]}
    net = Network.from_spec(spec, seed=0)
    d = load_mnist(flatten=False, data_dir=mnist_dir, val_split=0)
    opt = SGD(lr=0.5)
    for i in range(0, 2000, 100):
        net.loss(d.x_train[i:i + 100], d.t_train[i:i + 100])
        net.backward()
        opt.update(net.params(), net.grads())
    return net, d


def _pendigits_file() -> Path:
    env = os.environ.get("NNDESK_PENDIGITS")
    return Path(env) if env else ROOT.parent / "shared" / "data" / "pendigits" / (
        "pendigits-orig.tra")


@pytest.fixture(scope="session")
def pen_subset(tmp_path_factory) -> Path:
    """A real pendigits file cut to 60 digits each of writers 1, 2, 17 and 21 (the real
    lines, copied): small enough to train on in a test. Skips where the file is absent."""
    path = _pendigits_file()
    if not path.is_file():
        pytest.skip(f"pendigits file not found at {path} (set NNDESK_PENDIGITS)")
    out, kept, count = [], True, {}
    for line in path.read_text(encoding="ascii").splitlines():
        word = line.split()
        if word and word[0] == ".SEGMENT":
            kept, segment = None, [line]
            continue
        if kept is None:  # the segment's .COMMENT names the writer
            segment.append(line)
            if word and word[0] == ".COMMENT":
                writer = int(word[2])
                count[writer] = count.get(writer, 0) + 1
                kept = writer in (1, 2, 17, 21) and count[writer] <= 60
                if kept:
                    out += segment
            continue
        if kept:
            out.append(line)
    subset = tmp_path_factory.mktemp("pen") / "pendigits-orig.tra"
    subset.write_text("\n".join(out) + "\n", encoding="ascii")
    return subset


@pytest.fixture(scope="session")
def trajectory_model(pen_subset, tmp_path_factory) -> Path:
    """A small trajectory model (the flattened-sequence MLP) trained by `nndesk train
    --dataset pendigits` itself on the subset's writers 1 and 2 (17 validates), 4 epochs."""
    from nndesk.cli import main

    out = tmp_path_factory.mktemp("traj") / "traj.npz"
    saved = os.environ.get("NNDESK_PENDIGITS")
    os.environ["NNDESK_PENDIGITS"] = str(pen_subset)
    try:
        assert main(["train", "--spec", str(ROOT / "resources" / "trajectory" /
                                            "TrajectoryMLP.json"),
                     "--dataset", "pendigits", "--augment", "--epochs", "4",
                     "--out", str(out)]) == 0
    finally:
        if saved is None:
            del os.environ["NNDESK_PENDIGITS"]
        else:
            os.environ["NNDESK_PENDIGITS"] = saved
    return out
