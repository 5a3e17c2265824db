"""benchmarks/mutation.py's arithmetic (no mutmut run here: that takes hours): the per-file
sample and the score's 95% interval, against closed forms worked out by hand."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parent.parent / "benchmarks" / "mutation.py"
_spec = importlib.util.spec_from_file_location("mutation_script", _PATH)
mutation = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(mutation)

_NAMES = ([f"nndesk.nn.init.x_init_std__mutmut_{i}" for i in range(1, 31)]
          + [f"nndesk.train.schedules.x_lr_at__mutmut_{i}" for i in range(1, 6)])


def test_wilson_interval_closed_forms():
    z2 = 1.96 ** 2
    # none of n: [0, z^2 / (n + z^2)]; all of n: [n / (n + z^2), 1] (Wilson 1927)
    assert mutation.wilson(0, 10) == pytest.approx((0.0, z2 / (10 + z2)))
    assert mutation.wilson(10, 10) == pytest.approx((10 / (10 + z2), 1.0))
    # half of 100: 0.5 +- 1.96 * 0.5 / sqrt(100 + z^2) around the centre 0.5
    half = 1.96 * 0.5 / (100 + z2) ** 0.5
    assert mutation.wilson(50, 100) == pytest.approx((0.5 - half, 0.5 + half))
    assert mutation.wilson(0, 0) == (0.0, 1.0)


def test_sample_draws_per_file_and_again_the_same_for_a_seed():
    drawn = mutation.sample(list(reversed(_NAMES)), 4, seed=3)
    assert sum(".init." in n for n in drawn) == 4 and sum(".schedules." in n for n in drawn) == 4
    assert len(set(drawn)) == 8 and set(drawn) <= set(_NAMES)
    assert mutation.sample(_NAMES, 4, seed=3) == drawn        # the order given does not matter
    assert mutation.sample(_NAMES, 4, seed=4) != drawn
    assert sorted(mutation.sample(_NAMES, 50, seed=0)) == sorted(_NAMES)   # fewer than asked


def test_report_counts_a_timeout_as_killed_and_leaves_unchecked_out():
    status = {"m.x_f__mutmut_1": "killed", "m.x_f__mutmut_2": "timeout",
              "m.x_f__mutmut_3": "survived", "m.x_f__mutmut_4": "not checked"}
    row = mutation.report(status).splitlines()[2]
    # mutants 4, checked 3, killed 2, survived 1, no tests 0, 66.7%, Wilson of 2/3: 21-94%
    assert row == "| m | 4 | 3 | 2 | 1 | 0 | 66.7 | 21-94% |"
