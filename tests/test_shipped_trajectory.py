"""The trajectory model we ship: how it was made, and what it reads on writers never seen."""

from __future__ import annotations

import pytest

from nndesk.data.pendigits import HELD_OUT_WRITERS, load_pendigits, pendigits_path
from nndesk.data.trajectory import sequence_set
from nndesk.paths import models_dir
from nndesk.train import load_model

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def shipped():
    path = models_dir() / "trajectory.npz"
    assert path.is_file(), f"the shipped trajectory model is missing: {path}"
    assert path.stat().st_size < 1 * 2**20
    return load_model(path)


@pytest.fixture(scope="module")
def pen():
    path = pendigits_path()
    if not path.is_file():
        pytest.skip(f"pendigits file not found at {path} (set NNDESK_PENDIGITS)")
    return load_pendigits(path)


def test_its_metadata_says_how_it_was_trained(shipped):
    md = shipped.metadata
    command = md["command"].split()
    assert command[:2] == ["nndesk", "train"] and "--dataset" in command
    assert command[command.index("--dataset") + 1] == "pendigits"
    assert not any(part.startswith("/") for part in command)      # no path of this machine
    trained = set(md["trajectory"]["train_writers"]) | set(md["trajectory"]["validation_writers"])
    assert not trained & set(HELD_OUT_WRITERS)
    combo = md["combination"]
    assert not set(combo["fitted_on_writers"]) & set(HELD_OUT_WRITERS)
    assert not set(combo["fitted_on_writers"]) & set(md["trajectory"]["train_writers"])
    assert md["data"]["official"] is True and md["data"]["dataset"] == "pendigits"


def test_it_reads_the_held_out_writers_as_its_file_says(shipped, pen):
    held = [d for d in pen if d.writer in HELD_OUT_WRITERS]
    x, t = sequence_set(held, length=shipped.metadata["trajectory"]["length"])
    assert len(t) == 2498                                  # every digit of writers 21-30
    accuracy = shipped.network.accuracy(x.reshape(len(x), *shipped.spec["input_shape"]), t)
    assert accuracy >= 0.97
    assert accuracy == pytest.approx(shipped.metadata["accuracy"], abs=1e-9)


def test_it_reads_digits_traced_the_other_way_round(shipped, pen):
    # a 0 drawn clockwise, a 7's bar from the right: the same ink, the pen moving backwards
    # (the model shipped before the augmenter's `reverse` read 7.6% of these)
    import dataclasses

    from nndesk.data.trajectory import traced_backwards

    held = [dataclasses.replace(d, strokes=tuple(traced_backwards(d.strokes)))
            for d in pen if d.writer in HELD_OUT_WRITERS]
    x, t = sequence_set(held, length=shipped.metadata["trajectory"]["length"])
    accuracy = shipped.network.accuracy(x.reshape(len(x), *shipped.spec["input_shape"]), t)
    assert accuracy >= 0.97
