"""Screenshots of the insight views on the shipped model, in one language: a misclassified test
digit sent to the canvas and edited (one stroke of ink, one of the eraser), its nearest
training images, and two short runs compared. Looked at by a person, not by tests.

    QT_QPA_PLATFORM=offscreen python benchmarks/insight_screens.py OUT_DIR --lang zh_CN
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path


def _wait(app, done, timeout_s: float = 600.0) -> None:
    t0 = time.perf_counter()
    while not done() and time.perf_counter() - t0 < timeout_s:
        app.processEvents()
        time.sleep(0.02)


def _drag(app, canvas, points, button) -> None:
    from PySide6.QtCore import QPoint
    from PySide6.QtTest import QTest

    pts = [canvas.to_widget(x, y).toPoint() for x, y in points]
    QTest.mousePress(canvas, button, pos=pts[0])
    for a, b in zip(pts, pts[1:], strict=False):
        for k in range(1, 6):
            p = a + (b - a) * (k / 5)
            QTest.mouseMove(canvas, QPoint(p.x(), p.y()))
            app.processEvents()
    QTest.mouseRelease(canvas, button, pos=pts[-1])


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("out")
    p.add_argument("--lang", default="en")
    p.add_argument("--train-images", type=int, default=2000)
    a = p.parse_args()
    os.environ["NNDESK_LANG"] = a.lang
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    from PySide6.QtCore import QEventLoop, Qt

    from nndesk.gui.app import create_window, finish_window

    app, window = create_window(None)
    window.resize(1600, 1000)  # offscreen: the screen is 800x800; use xvfb-run for more
    window.show()
    finish_window(window)
    app.processEvents()
    from PySide6.QtWidgets import QDockWidget

    docks = {d.objectName(): d for d in window.findChildren(QDockWidget)}
    ev = window.eval_panel
    docks["Evaluation"].show()
    _wait(app, lambda: ev.evaluation is not None and not ev.busy)
    # the first misclassified digit of the gallery, most confident first
    ev.gallery.itemClicked.emit(ev.gallery.item(0))
    canvas = window.digit.canvas
    _drag(app, canvas, [(60, 150), (220, 150)], Qt.MouseButton.LeftButton)
    window.digit.wait_idle()
    _drag(app, canvas, [(140, 40), (140, 90)], Qt.MouseButton.RightButton)
    window.digit.wait_idle()
    for _ in range(10):
        app.processEvents()
    window.grab().save(str(out / f"eval_canvas_{a.lang}.png"))
    docks["Evaluation"].hide()
    docks["Why_this_answer"].show()
    nb = window.why_panel.neighbours
    _wait(app, lambda: nb.index is not None)
    window.state.set_digit(window.state.digit)  # look up the edited digit now
    _wait(app, lambda: nb.found is not None and not nb.busy and not window.why_panel.busy)
    for _ in range(10):
        app.processEvents()
    window.grab().save(str(out / f"why_{a.lang}.png"))
    window.why_panel.grab().save(str(out / f"why_panel_{a.lang}.png"))

    from nndesk.data.mnist import Splits, load_mnist
    from nndesk.presets import load_preset

    d = load_mnist(flatten=False)
    n = a.train_images
    window.training.data = Splits(d.x_train[:n], d.t_train[:n], d.x_val[:500], d.t_val[:500],
                                  d.x_test[:500], d.t_test[:500])
    window.state.set_spec(load_preset("TwoLayerNet"))
    loop = QEventLoop()
    window.training.finished.connect(lambda *_: loop.quit())
    for optimizer, lr, seed in (("Adam", 0.001, 0), ("SGD", 0.1, 3)):
        window.state.set_config(epochs=3, batch_size=50, optimizer=optimizer, lr=lr, seed=seed)
        window.training.start()
        loop.exec()
    runs = window.plots.run_list
    runs.clearSelection()
    runs.item(0).setSelected(True)
    runs.item(1).setSelected(True)
    window.plots.compare_button.click()
    from nndesk.gui.compare_view import CompareView

    _wait(app, lambda: bool(window.findChildren(CompareView)), 10)
    view = window.findChildren(CompareView)[-1]
    for _ in range(10):
        app.processEvents()
    view.grab().save(str(out / f"compare_{a.lang}.png"))
    window.grab().save(str(out / f"window_runs_{a.lang}.png"))
    print("\n".join(str(p) for p in sorted(out.glob(f"*_{a.lang}.png"))))
    docks["Why_this_answer"].hide()
    window.close()
    app.aboutToQuit.emit()  # what quitting does: the views' threads end before exit


if __name__ == "__main__":
    main()
