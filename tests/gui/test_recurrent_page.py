"""The recurrent lesson driven as a learner would: choose a pen digit, move along it, play it,
change U's scale and the forget bias; read the heat maps and the gradient curves."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from nndesk.gui.lessons.panel import LessonsPanel
from nndesk.gui.lessons.recurrent_page import RecurrentPage

T = 32


def _examples():
    a = np.linspace(0, 2 * np.pi, T)
    zero = np.stack([np.cos(a), np.sin(a), -np.sin(a), np.cos(a), np.zeros(T)], 1)
    one = np.stack([np.zeros(T), np.linspace(-1, 1, T), np.zeros(T), np.ones(T), np.zeros(T)], 1)
    zero[-1, 4] = one[-1, 4] = 1
    return {0: zero, 1: one}


@pytest.fixture
def page(qtbot, monkeypatch):
    monkeypatch.setattr(RecurrentPage, "loader", staticmethod(_examples))
    panel = LessonsPanel()
    qtbot.addWidget(panel)
    panel.resize(1100, 700)
    page = panel.show_lesson("recurrent")
    qtbot.waitUntil(lambda: page.digit.count() == 2, timeout=5000)
    return page


def test_heat_maps_fill_in_as_the_pen_moves(page):
    assert page.images[("GRU", "z")].image.shape == (16, T)      # units x time, whole path
    page.step.setValue(5)
    assert page.step_label.text() == "step 5 of 32"
    for (kind, name), item in page.images.items():
        assert item.image.shape == (16, 5), (kind, name)
    xs, ys = page.done.getData()
    np.testing.assert_array_equal(xs, _examples()[0][:5, 0])
    z = page.traces["GRU"].values["z"]
    np.testing.assert_array_equal(page.images[("GRU", "z")].image, z[:5].T)
    assert set(page.images) == {("RNN", "h"), ("GRU", "h"), ("GRU", "z"), ("GRU", "r"),
                                ("LSTM", "h"), ("LSTM", "f"), ("LSTM", "i"), ("LSTM", "o"),
                                ("LSTM", "c")}


def test_play_replays_the_path_to_its_end(page, qtbot):
    page.timer.setInterval(1)
    page.step.setValue(T)
    qtbot.mouseClick(page.play, Qt.MouseButton.LeftButton)   # at the end: starts over
    assert page.step.value() <= 2 and page.play.text() == "Pause"
    qtbot.waitUntil(lambda: not page.play.isChecked(), timeout=5000)
    assert page.step.value() == T and page.play.text() == "Play"


def test_gradient_curves_follow_the_sliders(page):
    first = {k: c.yData[0] for k, c in page.curves.items()}
    for curve in page.curves.values():
        assert curve.yData[-1] == pytest.approx(1.0)          # the loss's own step (log axis:
        assert curve.getData()[1][-1] == pytest.approx(0.0)   # log10 1 shown)
    page.scale.set_value(0.5, emit=True)
    assert page.curves["RNN"].yData[0] < first["RNN"] / 100  # smaller U: it vanishes
    page.forget.set_value(0.0, emit=True)
    assert page.curves["LSTM"].yData[0] < first["LSTM"] / 100  # f = 0.5: it forgets too
    assert "for the RNN" in page.status.text() and "for the GRU" in page.status.text()
    page.update.set_value(3.0, emit=True)                     # z ≈ 0.95: the GRU keeps it
    assert page.curves["GRU"].yData[0] > 100 * first["GRU"]
    assert f"{page.traces['GRU'].grad_norms[0]:.1e}" in page.status.text()
    page.digit.setCurrentIndex(1)
    xs, ys = page.ink.getData()
    np.testing.assert_array_equal(ys, _examples()[1][:, 1])


def test_titles_follow_the_live_language_switch(page):
    from nndesk.gui import i18n
    from nndesk.gui.retranslate import retranslate_widgets

    def titles():
        return sorted(str(item.getViewBox().parentItem().titleLabel.text)
                      for item in page.images.values())

    assert "GRU: update gate z" in titles()
    for old, new in (("en", "zh_CN"), ("zh_CN", "ja")):
        i18n.set_language(new)
        retranslate_widgets([page], old, new)
    assert "GRU：updateゲート z" in titles() and "LSTM：記憶セル c" in titles()
    assert page.grad.getPlotItem().titleLabel.text == "各時刻に届く勾配"


def test_the_computed_sentence_follows_the_live_language_switch(page, qtbot):
    """The sentence under the plots holds numbers formatted as 1.2e-03: it is written anew
    from them in each language (read back from the screen it kept the old language)."""
    from PySide6.QtCore import QCoreApplication

    from nndesk.gui import i18n
    from nndesk.gui.retranslate import retranslate_widgets

    english = page.status.text()
    ratios = {k.lower(): page.traces[k].grad_norms[0] / page.traces[k].grad_norms[-1]
              for k in ("RNN", "GRU", "LSTM")}
    assert f"{ratios['rnn']:.1e}" in english
    for old, new in (("en", "zh_CN"), ("zh_CN", "ja"), ("ja", "en")):
        i18n.set_language(new)
        retranslate_widgets([page], old, new)
        QCoreApplication.processEvents()               # the LanguageChange Qt posts
        expected = i18n.tr(
            "At the first step the gradient is {rnn:.1e} of the last step's for the RNN, "
            "{gru:.1e} for the GRU and {lstm:.1e} for the LSTM. Make U smaller and the RNN "
            "forgets the start of the path sooner; the LSTM's forget gate bias of 3 (f ≈ 0.95) "
            "lets it remember, one of 0 (f = 0.5) makes it forget too. Gates help only when "
            "they are open: the GRU starts with an update gate bias of 0, so z = 0.5 keeps "
            "half of h at each step and the gradient halves with it, faster than the RNN's; "
            "a bias of 3 (z ≈ 0.95) lets the GRU keep its gradient like the LSTM.")
        assert page.status.text() == expected.format(**ratios)
        assert new == "en" or page.status.text() != english
    assert page.status.text() == english

def test_every_heat_map_fits_at_the_lessons_first_size(qtbot, monkeypatch):
    """The Lessons dock opens 1180x760 (install_lessons): the LSTM's column was cut off."""
    monkeypatch.setattr(RecurrentPage, "loader", staticmethod(_examples))
    panel = LessonsPanel()
    qtbot.addWidget(panel)
    panel.resize(1180, 760)
    panel.show()
    qtbot.waitExposed(panel)
    page = panel.show_lesson("recurrent")
    qtbot.waitUntil(lambda: page.digit.count() == 2, timeout=5000)
    qtbot.wait(50)
    view = page.maps.viewport().width()
    for (kind, name), item in page.images.items():
        box = item.getViewBox().parentItem()                    # the PlotItem with its title
        right = page.maps.mapFromScene(box.sceneBoundingRect().topRight()).x()
        assert right <= view + 1, (kind, name, right, view)


def test_the_lstm_keeps_more_gradient_than_the_rnn_at_the_start(page, pen_subset):
    """On real pen digits (writers 1 and 2) at the page's first settings: the book's point."""
    from nndesk.lessons.recurrent import pen_examples

    assert 1.0 <= page.forget.value() <= 3.0                    # Gers et al.: a bias of 1-3
    page.set_examples(pen_examples(pen_subset))
    assert page.digit.count() == 10
    for index in range(page.digit.count()):
        page.digit.setCurrentIndex(index)
        rnn, lstm = page.traces["RNN"].grad_norms, page.traces["LSTM"].grad_norms
        assert lstm[0] / lstm[-1] > 2 * rnn[0] / rnn[-1], index


def test_the_gradient_legend_lies_outside_the_curves_area(page, qtbot):
    """The legend sat inside the plot and the LSTM curve ran over it (l4-crop.png): it is now
    under the plot, outside the area any curve can reach, whatever the sliders do."""
    page.show()
    qtbot.waitExposed(page)
    page.scale.set_value(0.25, emit=True)                      # curves fall to the bottom
    qtbot.wait(20)
    item = page.grad.getPlotItem()
    legend = item.legend
    assert [label.text for _, label in legend.items] == ["RNN", "GRU", "LSTM"]
    area = item.getViewBox().sceneBoundingRect()
    assert not legend.sceneBoundingRect().intersects(area)
    assert page.grad.sceneRect().contains(legend.sceneBoundingRect())  # not cut off
