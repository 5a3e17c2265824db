"""Ch. 6, fig. 6-8: each optimizer's path on x^2/20 + y^2 heads for (0, 0)."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk.lessons.optimizer_paths import DEFAULTS, START, contour_grid, optimizer_path


def test_sgd_path_is_the_closed_form_zigzag():
    path = optimizer_path("SGD", steps=3)
    # x <- x (1 - 0.95/10), y <- y (1 - 0.95*2): y flips sign each step (the zigzag of fig. 6-3)
    expected = [START[0] * 0.905 ** k for k in range(4)], [START[1] * (-0.9) ** k
                                                             for k in range(4)]
    assert np.allclose(path, np.array(expected).T)


@pytest.mark.parametrize("name", list(DEFAULTS))
def test_every_optimizer_converges_to_the_minimum(name):
    path = optimizer_path(name, steps=300)
    assert np.all(np.isfinite(path))
    assert np.hypot(*path[-1]) < 0.05, path[-1]
    assert np.hypot(*path[30]) < np.hypot(*START)             # already closer after 30 steps


def test_adam_first_step_moves_each_coordinate_by_the_learning_rate():
    path = optimizer_path("Adam", steps=1, lr=0.3)
    assert np.allclose(path[1], [-7.0 + 0.3, 2.0 - 0.3], atol=1e-6)  # bias-corrected m/sqrt(v)=1


def test_too_large_a_step_diverges_without_warnings():
    path = optimizer_path("SGD", steps=60, lr=1.1)            # |1 - 2.2| > 1 along y
    assert abs(path[-1, 1]) > 100


def test_bad_names_and_settings_are_refused():
    with pytest.raises(ValueError, match="unknown optimizer"):
        optimizer_path("Lion")
    with pytest.raises(ValueError, match="no setting beta1"):
        optimizer_path("SGD", beta1=0.9)


def test_contour_grid_has_its_minimum_at_the_centre():
    x, y, z = contour_grid(21)
    assert z.shape == (21, 21) and z[10, 10] == 0 and z.max() == pytest.approx(100 / 20 + 25)
