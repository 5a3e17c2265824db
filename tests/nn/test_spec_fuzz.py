"""Property: whatever a spec file holds, `infer` returns the shape table or raises SpecError;
and a spec it accepts builds a network whose output has the shape `infer` gave.

Bounded (a few hundred examples, no deadline: the machine is shared), no example database
written into the checkout.
"""

from __future__ import annotations

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nndesk.nn import LAYERS, Network, SpecError, infer

SETTING_NAMES = sorted({n for cls in LAYERS.values() for n in cls.SETTINGS})
JUNK_NAMES = ["self", "cls", "__class__", "type", "", "units ", "\x1b[31m"]

numbers = st.one_of(
    st.integers(-3, 40), st.integers(), st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0, 1, 2, 3, 5, 0.5, 0.9, 1e-5, 1e308, 10 ** 400, 2 ** 63]), st.booleans())
values = st.one_of(
    numbers, st.none(), st.text(max_size=8), st.sampled_from(["auto", "he", "xavier"]),
    st.lists(st.integers(0, 3), max_size=3), st.dictionaries(st.text(max_size=3),
                                                             st.integers(), max_size=2))
keys = st.one_of(st.sampled_from(SETTING_NAMES + JUNK_NAMES), st.text(max_size=6),
                 st.integers(-2, 2))
layer_types = st.one_of(st.sampled_from(sorted(LAYERS)), st.text(max_size=8), st.integers(),
                        st.none(), st.lists(st.just("Dense"), max_size=1))


def _often(draw, usual, rare):
    """`usual` 4 times in 5, else `rare`: most examples get past the first check."""
    return draw(usual if draw(st.integers(0, 4)) else rare)


@st.composite
def layers(draw):
    if draw(st.integers(0, 19)) == 0:                 # sometimes not a dict at all
        return draw(values)
    kind = _often(draw, st.sampled_from(sorted(LAYERS)), layer_types)
    layer = {"type": kind} if draw(st.integers(0, 19)) else {}
    names = sorted(LAYERS[kind].SETTINGS) if isinstance(kind, str) and kind in LAYERS else []
    plausible = st.sampled_from(names) if names else keys
    layer.update(draw(st.dictionaries(st.one_of(plausible, plausible, keys), values,
                                      max_size=3)))
    return layer


@st.composite
def specs(draw):
    if draw(st.integers(0, 19)) == 0:
        return draw(values)                           # not even a dict
    small = st.integers(1, 12)
    good_shape = st.one_of(st.tuples(small).map(list),
                           st.tuples(st.integers(1, 3), small, small).map(list),
                           st.tuples(st.one_of(st.none(), small), small).map(list))  # sequence
    shape = _often(draw, good_shape, st.one_of(st.lists(numbers, max_size=4), values))
    body = _often(draw, st.lists(layers(), min_size=1, max_size=6), values)
    spec = {"input_shape": shape, "layers": body}
    if isinstance(body, list) and draw(st.booleans()):
        body.append({"type": "Dense", "units": draw(st.integers(1, 12))})
    if draw(st.booleans()):
        spec["loss"] = _often(draw, st.sampled_from(["softmax_cross_entropy", "mse"]), values)
    return spec


@settings(max_examples=200, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(specs())
def test_infer_only_returns_a_table_or_raises_spec_error(spec):
    try:
        table = infer(spec)
    except SpecError as err:
        assert str(err) and "\n" not in str(err)
        return
    assert table and table[-1].output_shape[0] >= 1
    if sum(row.params for row in table) < 200_000:    # small enough to build and run
        net = Network.from_spec(spec, seed=0)
        steps = tuple(4 if d is None else d for d in table[0].input_shape)  # [null, F]: 4
        x = np.random.default_rng(0).standard_normal((2,) + steps)
        out = net.forward(x.astype(np.float32), train=True)
        assert out.shape == (2,) + table[-1].output_shape
