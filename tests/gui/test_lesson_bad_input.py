"""A bad input in a lesson tab never leaves the previous result on show (QA: the softmax
table of "100", the loss tab's bars, im2col's 3x3 result stayed beside "invalid input"), and
lists typed with an input method's commas (，、) and digits are read."""

from __future__ import annotations

import pytest

from nndesk.gui.lessons.common import parse_numbers
from nndesk.gui.lessons.panel import LessonsPanel


@pytest.fixture
def panel(qtbot):
    p = LessonsPanel()
    qtbot.addWidget(p)
    p.resize(1180, 690)
    return p


def _bars(bars):
    return list(bars.opts["height"]) if bars.opts["height"] is not None else []


def test_typed_lists_take_full_width_commas_and_digits_and_refuse_inf():
    assert parse_numbers("１０１０，１０００、９９０") == [1010, 1000, 990]
    assert parse_numbers("0.3; -2.9 ,４．０") == [0.3, -2.9, 4.0]
    assert parse_numbers("－１、−2") == [-1, -2]
    for bad in ("1e400, 1", "nan", "inf", "1, x"):
        with pytest.raises(ValueError):
            parse_numbers(bad)


@pytest.mark.parametrize("bad", ["100, abc", "1e999", "nan, 1", ""])
def test_softmax_clears_its_table_and_bars_on_a_bad_list(panel, bad):
    page = panel.show_lesson("activations")
    page.set_vector_text("１００，０００、990")             # the QA's full-width list
    assert page.softmax_table.rowCount() == 3 and len(_bars(page.bars)) == 3
    page.set_vector_text(bad)
    assert page.softmax_table.rowCount() == 0 and _bars(page.bars) == []
    assert page.softmax_note.text() in ("Type numbers separated by commas.",
                                        "Type between 1 and 20 numbers.")


def test_loss_tab_clears_its_bars_on_a_bad_list(panel):
    page = panel.show_lesson("learning")
    page.set_output("0.1，0.05，0.6，0.0，0.05，0.1，0.0，0.1，0.0，0.0", 2)   # full-width commas
    assert "0.5108" in page.loss_text.text() and len(_bars(page.y_bars)) == 10
    page.set_output("0.1, 0.05, x", 2)
    assert "10 numbers" in page.loss_text.text()
    assert _bars(page.y_bars) == [] and _bars(page.t_bars) == []


def test_im2col_clears_its_tables_when_the_filter_does_not_fit(panel):
    page = panel.show_lesson("conv")
    assert page.out_table.rowCount() == 2
    page.f.setValue(5)                                          # n 4, p 0: 5x5 does not fit
    assert "does not fit" in page.formula.text()
    for table in (page.x_table, page.w_table, page.col_table, page.out_table):
        assert table.rowCount() == 0
    page.select_column(0)                                       # nothing to highlight: no error
    page.f.setValue(3)
    assert page.out_table.rowCount() == 2 and page.out_table.item(0, 0).text() == "15"
