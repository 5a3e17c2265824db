"""`Setting` and `Layer`'s shared parts, each message and value written out in full: what a
spec author reads when a setting is wrong, and what every layer inherits."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk.nn.base import INIT_CHOICES, Layer, Setting


class Toy(Layer):
    SETTINGS = {"units": Setting("int", 3, low=1, high=10),
                "rate": Setting("float", 0.5, low=0.0, high=1.0, optional=True)}


class Bare(Layer):
    pass


def _message(setting: Setting, value, name: str = "units") -> str:
    with pytest.raises(ValueError) as err:
        setting.check(name, value)
    return str(err.value)


@pytest.mark.parametrize("setting, value, message", [
    (Setting("bool", False), 1, "units must be true or false, not 1"),
    (Setting("bool", False), None, "units must be true or false, not None"),
    (Setting("int", 3), 2.5, "units must be a whole number, not 2.5"),
    (Setting("int", 3), "3", "units must be a whole number, not '3'"),
    (Setting("int", 3), True, "units must be a whole number, not True"),
    (Setting("int", 3), None, "units must be a whole number, not None"),
    (Setting("float", 0.1), "x", "units must be a number, not 'x'"),
    (Setting("float", 0.1), float("nan"), "units must be a finite number, not nan"),
    (Setting("float", 0.1), float("-inf"), "units must be a finite number, not -inf"),
    (Setting("float", 0.1), 10 ** 400,
     "units is far too large (" + "1" + "0" * 36 + "...)"),    # repr cut to 40 characters
    (Setting("int", 3), 2.4e307 * 1e10, "units must be a whole number, not inf"),
    (Setting("int", 3, low=1, high=10), 0, "units must be at least 1, not 0"),
    (Setting("int", 3, low=1, high=10), 11, "units must be at most 10, not 11"),
    (Setting("float", 0.5, low=0.0, high=1.0), 1.5, "units must be at most 1, not 1.5"),
    (Setting("float", 0.5, low=0.25), 0.125, "units must be at least 0.25, not 0.125"),
    (Setting("init", "auto"), "HE", "units must be one of auto, he, xavier or a number (the "
                                    "std of a normal distribution), not 'HE'"),
    (Setting("init", "auto"), 0, "units must be above 0, not 0"),
    (Setting("init", "auto"), -0.5, "units must be above 0, not -0.5"),
    (Setting("init", "auto"), 150, "init must be at most 100 (the std of the weights), not 150"),
    (Setting("init", "auto"), False, "units must be a number, not False"),
])
def test_a_wrong_value_is_named_in_plain_words(setting, value, message):
    assert _message(setting, value) == message


@pytest.mark.parametrize("setting, value, expected, kind", [
    (Setting("int", 3, low=1, high=10), 1, 1, int),             # the bounds are inclusive
    (Setting("int", 3, low=1, high=10), 10, 10, int),
    (Setting("int", 3), 30.0, 30, int),                         # 30.0 from a spin box
    (Setting("int", 3), np.int64(7), 7, int),
    (Setting("float", 0.5, low=0.0, high=1.0), 0, 0.0, float),  # an int becomes a float
    (Setting("float", 0.5, low=0.0, high=1.0), 1.0, 1.0, float),
    (Setting("float", 0.5, optional=True), None, None, type(None)),
    (Setting("bool", False), True, True, bool),
    (Setting("init", "auto"), "xavier", "xavier", str),
    (Setting("init", "auto"), 100, 100.0, float),               # at most 100: 100 passes
    (Setting("init", "auto"), 1e-300, 1e-300, float),
])
def test_a_right_value_comes_back_normalized(setting, value, expected, kind):
    got = setting.check("units", value)
    assert got == expected and type(got) is kind


def test_init_choices_and_editor_ranges():
    assert INIT_CHOICES == ("auto", "he", "xavier")
    assert Setting("init", "auto").choices == INIT_CHOICES
    assert Setting("init", "he", choices=("he",)).choices == ("he",)
    assert Setting("int", 1).choices == ()
    assert _message(Setting("init", "he", choices=("he",)), "auto") == (
        "units must be one of he or a number (the std of a normal distribution), not 'auto'")
    for setting, span in [(Setting("int", 1), (0, 100_000)),
                          (Setting("int", 2, low=2.0, high=9.0), (2, 9)),
                          (Setting("float", 0.1), (0.0, 1e6)),
                          (Setting("float", 0.5, low=0.25, high=2), (0.25, 2.0))]:
        got = setting.spin_range()
        assert got == span and all(type(v) is type(s) for v, s in zip(got, span, strict=True))


def test_each_setting_learns_its_name_and_a_layer_its_defaults():
    assert [s.name for s in Toy.SETTINGS.values()] == ["units", "rate"]
    toy = Toy(units=4)
    assert (toy.units, toy.rate) == (4, 0.5) and toy.type == "Toy"
    assert toy.get_config() == {"type": "Toy", "units": 4, "rate": 0.5}
    assert repr(toy) == "Toy(units=4, rate=0.5)" and repr(Bare()) == "Bare()"
    assert toy.params == {} and toy.grads == {} and toy.buffers == {} and toy.needs_dx is True
    assert Toy.from_config({"type": "Other", "units": 2, "rate": None}).get_config() == {
        "type": "Toy", "units": 2, "rate": None}
    assert toy.output_shape([3, 5]) == (3, 5) and toy.num_params((3, 5)) == 0
    assert toy.build((3,), np.random.default_rng(0), np.float32, None) is None
    with pytest.raises(NotImplementedError):
        toy.forward(np.zeros((1, 3)))
    with pytest.raises(NotImplementedError):
        toy.backward(np.zeros((1, 3)))


@pytest.mark.parametrize("make", [lambda **s: Toy(**s), lambda **s: Toy.from_config(s)])
def test_an_unknown_setting_names_the_first_and_the_known_ones(make):
    with pytest.raises(ValueError) as err:
        make(units=2, zeta=1, alpha=2)
    assert str(err.value) == "unknown setting 'alpha' (settings: units, rate)"
    with pytest.raises(ValueError) as err:
        make(**{"x" * 60: 1})
    assert str(err.value) == "unknown setting '" + "x" * 39 + " (settings: units, rate)"
    with pytest.raises(ValueError, match=r"^units must be at most 10, not 12$"):
        make(units=12)


def test_an_unknown_setting_of_a_layer_without_settings():
    for make in (lambda: Bare(units=1), lambda: Bare.from_config({"type": "Bare", "units": 1})):
        with pytest.raises(ValueError) as err:
            make()
        assert str(err.value) == "unknown setting 'units' (settings: none)"


def test_scratch_keeps_one_array_per_name_shape_and_dtype():
    toy = Toy()
    a = toy.scratch("cols", (2, 3), np.float32)
    assert a.shape == (2, 3) and a.dtype == np.float32 and not a.any()
    a[:] = 1
    assert toy.scratch("cols", (2, 3), np.float32) is a               # kept, not cleared
    assert toy.scratch("cols", (2, 3), np.float32, keep=False) is a   # reused in evaluation
    b = toy.scratch("cols", (4, 3), np.float32, keep=False)           # another shape: not kept
    assert b.shape == (4, 3) and b.dtype == np.float32 and b is not a
    assert toy.scratch("cols", (2, 3), np.float32) is a
    c = toy.scratch("cols", (2, 3), np.float64)                       # another dtype: a new one
    assert c.dtype == np.float64 and not c.any() and toy.scratch("cols", (2, 3), np.float64) is c
    assert toy.scratch("other", (2, 3), np.float64) is not c


def test_a_layer_class_made_at_run_time_names_its_settings_and_keeps_a_named_one():
    named = Setting("float", 0.1, name="rate")
    inner = type("Inner", (Layer,), {"SETTINGS": {"units": Setting("int", 2), "rate": named}})
    assert inner.SETTINGS["units"] == Setting("int", 2, name="units")
    assert inner.SETTINGS["rate"] is named        # already named: shared, not copied
    assert Layer.SETTINGS == {} and inner.SETTINGS is not Layer.SETTINGS
