"""`lr_at`'s edges, each value written out by hand: the defaults, degenerate sizes, the end of
a cosine run, min_lr, and a warm-up over another schedule."""

from __future__ import annotations

import math

import pytest

from nndesk.train.schedules import SCHEDULES, lr_at


def test_step_defaults_are_a_tenth_every_five_epochs():
    # 10 steps an epoch: step 49 is in epoch 4, step 50 starts epoch 5, step 100 epoch 10
    assert [lr_at("step", 2.0, s, 10, 20) for s in (49, 50, 100)] == pytest.approx(
        [2.0, 0.2, 0.02])


def test_sizes_below_one_count_as_one():
    # an epoch of 0 steps is taken as 1 step: step 3 is epoch 3; a step size of 0 is 1 epoch
    assert lr_at("step", 1.0, 3, 0, 9, step_size=0, gamma=0.5) == pytest.approx(0.125)
    # a cosine over 0 epochs is over 1 step: at step 0 base_lr, from step 1 on min_lr
    assert lr_at("cosine", 1.0, 0, 10, 0) == pytest.approx(1.0)
    assert lr_at("cosine", 1.0, 1, 10, 0, min_lr=0.25) == pytest.approx(0.25)


def test_cosine_runs_from_base_to_min_lr_and_stays_there():
    # 4 epochs of 10 steps: a quarter of the way, 0.1 + 0.5 * 0.9 * (1 + cos(pi/4))
    quarter = 0.1 + 0.45 * (1 + math.cos(math.pi / 4))
    values = [lr_at("cosine", 1.0, s, 10, 4, min_lr=0.1) for s in (0, 10, 20, 40, 55)]
    assert values == pytest.approx([1.0, quarter, 0.55, 0.1, 0.1])


def test_a_warm_up_multiplies_the_schedule_it_is_over():
    # warm-up of 1.5 epochs of 4 steps = 6 steps: step s gets (s + 1) / 6 of the schedule's lr
    warm = [lr_at("step", 1.0, s, 4, 9, step_size=1, gamma=0.5, warmup_epochs=1.5)
            for s in (0, 2, 5, 6)]
    assert warm == pytest.approx([1 / 6, 0.5, 0.5, 0.5])   # 1 * 1/6, 1 * 3/6, 0.5 * 6/6, 0.5
    assert lr_at("constant", 0.3, 0, 4, 9, warmup_epochs=0.0) == 0.3


def test_an_unknown_schedule_names_the_known_ones():
    assert SCHEDULES == ("constant", "step", "cosine")
    with pytest.raises(ValueError) as err:
        lr_at("Cosine", 1.0, 0, 1, 1)
    assert str(err.value) == "unknown schedule 'Cosine'; choose one of constant, step, cosine"


def test_a_fractional_warm_up_never_raises_the_lr_above_the_schedules():
    # 0.5 epoch of 3 steps = 1.5 steps: step 0 gets 1/1.5, step 1 the full lr (not 2/1.5)
    warm = [lr_at("constant", 0.3, s, 3, 9, warmup_epochs=0.5) for s in (0, 1, 2)]
    assert warm == pytest.approx([0.2, 0.3, 0.3])
    # half a step of warm-up: the first step at the full lr, not twice it
    assert lr_at("constant", 0.3, 0, 1, 9, warmup_epochs=0.5) == pytest.approx(0.3)
