"""The model we ship: small, and as accurate as the README says, on MNIST and on real pen digits."""

from __future__ import annotations

import pytest

from nndesk.data.mnist import load_mnist
from nndesk.data.pendigits import HELD_OUT_WRITERS, evaluate_pendigits, pendigits_path
from nndesk.paths import default_model_path
from nndesk.train import load_model

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def shipped():
    path = default_model_path()
    assert path.is_file(), f"the shipped model is missing: {path}"
    assert path.stat().st_size < 5 * 2**20
    return load_model(path)


def test_reaches_its_accuracy_on_the_mnist_test_set(shipped, mnist_dir):
    data = load_mnist(flatten=False, data_dir=mnist_dir, val_split=0)
    accuracy = shipped.network.accuracy(data.x_test, data.t_test)
    assert accuracy >= 0.993
    assert accuracy == pytest.approx(shipped.metadata["accuracy"], abs=1e-9)
    assert shipped.metadata["command"].startswith("nndesk train ")
    assert shipped.metadata["data"]["official"] is True


def test_reads_pen_digits_of_writers_it_never_saw(shipped):
    if not pendigits_path().is_file():
        pytest.skip(f"pen digits not found at {pendigits_path()}")
    assert "pen_w01-20" in shipped.metadata["command"]  # trained on writers 1-20 only
    report = evaluate_pendigits(shipped.network.predict, writers=HELD_OUT_WRITERS, seed=3)
    assert report["n"] > 2000 and report["accuracy"] >= 0.97
