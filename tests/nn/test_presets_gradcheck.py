"""A whole-network gradient check for every shipped preset, in float64."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk.nn import Network, gradcheck
from nndesk.presets import list_presets, load_preset


@pytest.mark.parametrize("name", list_presets())
def test_gradcheck_whole_preset(name):
    """Batch of 3 real-sized 28x28 inputs (BatchNorm is degenerate at 2); 10 random elements of
    every parameter tensor and of the input compared with central differences."""
    spec = load_preset(name)
    rng = np.random.default_rng(0)
    net = Network.from_spec(spec, seed=0)
    x = rng.random((3, *net.info[0].input_shape))          # 1x28x28, or a pen path 32x5
    t = np.array([3, 7, 1])
    # h = 1e-6: a conv bias moves thousands of ReLU/max-pool inputs at once, and a step of
    # 1e-5 already carries one of them across its kink in DeepConvNet (float64 keeps 1e-6 exact)
    errors = gradcheck(net, x, t, seed=0, h=1e-6, max_checks=10)
    assert set(errors) == set(net.params()) | {"input"}
    assert max(errors.values()) < 1e-6, errors
