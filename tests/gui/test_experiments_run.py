"""The experiments page's background run without the page: its progress total, its messages
and a failure reported as a message (never raised in the GUI thread)."""

from __future__ import annotations

import pytest

from nndesk.gui.lessons.experiments_run import ExperimentRun


@pytest.mark.parametrize("name, epochs, images, unit, total", [
    ("optimizers", 2, 300, "train_loss", 5 * 2 * 3),   # 5 runs, 2 epochs of ceil(300/128) steps
    ("overfit", 3, 300, "train_acc", 4 * 3),           # 4 runs, 3 epochs: one value an epoch
    ("init", 1, 60_000, "train_loss", 3 * 430),        # 55,000 images at most: ceil(55000/128)
])
def test_progress_counts_one_value_per_step_or_per_epoch(name, epochs, images, unit, total):
    run = ExperimentRun(name, epochs, images, splits=None)
    assert (run.unit, run.total, run.done, run.fraction) == (unit, total, 0, 0.0)


def test_a_failing_run_sends_its_error_and_values_count_only_after_the_start():
    run = ExperimentRun("overfit", 1, 100, splits="not MNIST")
    run.start()
    run.join(30)
    messages = run.messages()
    assert [kind for kind, _ in messages] == ["error"] and "x_train" in messages[0][1]
    run._queue.put(("value", ("plain", "train_acc", 0, 0.1)))    # the value before training
    run._queue.put(("value", ("plain", "train_acc", 1, 0.5)))
    run._queue.put(("value", ("plain", "test_acc", 1, 0.4)))     # not the progress unit
    assert len(run.messages()) == 3 and run.done == 1 and run.fraction == 0.25
    assert run.messages() == [] and run.stopped
