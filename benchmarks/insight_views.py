"""Cost of the insight views, upper bounds on a shared machine.

1. The layer-health computation against a training epoch: one `layer_health` call (batch 100,
   as the panel does) and one training step of the same network; the panel measures at most
   every 2 s, so its share of an epoch is `health_ms / 2000 ms` (one core), printed with the
   epoch time for scale.
2. Each view per update: gradient x input and occlusion ("why"), the neighbours look-up over
   the training features, layer health; the evaluation view's whole test set once.
3. Canvas stroke-to-prediction latency (p50/p99) with the why view (saliency + neighbours)
   hidden and shown; the views follow on their 150 ms quiet timer in their own threads.

    QT_QPA_PLATFORM=offscreen python benchmarks/insight_views.py [--model FILE] [--repeats 8]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def _ms(fn, repeats: int) -> dict:
    from gui_measure import percentiles

    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(1000 * (time.perf_counter() - t0))
    return percentiles(times)


def health_share(preset: str, repeats: int) -> dict:
    """layer_health vs one training step of `preset` (batch 100, Adam), one BLAS thread."""
    from nndesk.data.mnist import load_mnist
    from nndesk.insight.health import layer_health
    from nndesk.nn import Network, make_optimizer
    from nndesk.presets import load_preset

    d = load_mnist(flatten=False, val_split=5000)
    net = Network.from_spec(load_preset(preset), seed=0)
    x, t = d.x_train[:100], d.t_train[:100]
    opt = make_optimizer("adam", lr=0.001)

    def step() -> None:
        net.loss(x, t)
        net.backward()
        opt.update(net.params(), net.grads())

    step_ms = _ms(step, repeats)
    health_ms = _ms(lambda: layer_health(net, x, t), repeats)
    epoch_s = step_ms["p50"] * len(d.x_train) / 100 / 1000
    # The panel measures at most every 2 s of wall time: per epoch of E seconds that is E/2
    # measurements, so the share is health_ms / 2000 ms whatever E is. On a loaded machine
    # both timings stretch alike; their ratio (health in training steps) is the stable figure.
    return {"preset": preset, "train_step_ms": step_ms, "layer_health_ms": health_ms,
            "health_in_training_steps": round(health_ms["p50"] / step_ms["p50"], 2),
            "epoch_s_estimate": round(epoch_s, 1),
            "health_share_of_epoch_pct": round(100 * health_ms["p50"] / 2000, 2)}


def views(model: str | None, repeats: int) -> dict:
    from gui_measure import SEVEN, _draw, _window, percentiles
    from PySide6.QtWidgets import QDockWidget

    app, window = _window(model)
    from nndesk.gui.app import finish_window

    finish_window(window, model)
    docks = {d.objectName(): d for d in window.findChildren(QDockWidget)}
    out: dict = {}

    def wait(done, limit_s=900.0) -> None:
        t0 = time.perf_counter()
        while not done() and time.perf_counter() - t0 < limit_s:
            app.processEvents()
            time.sleep(0.005)

    why, nb, panel = window.why_panel, window.why_panel.neighbours, window.digit
    for label, shown in (("views_hidden", False), ("why_and_neighbours_shown", True)):
        docks["Why_this_answer"].setVisible(shown)
        if shown:
            t0 = time.perf_counter()
            wait(lambda: nb.index is not None)
            out["neighbour_features_ready_s"] = round(time.perf_counter() - t0, 1)
        panel.latencies_ms.clear()
        for _ in range(repeats):
            panel.canvas.clear()
            _draw(app, panel.canvas, SEVEN)
            panel.wait_idle()
            wait(lambda: not why.busy and not nb.busy, 60)  # the views catch up, then redraw
        out[f"stroke_to_prediction_ms_{label}"] = percentiles(panel.latencies_ms)
    out["why_gradient_x_input_ms"] = percentiles([g for g, _ in why.costs_ms])
    out["why_occlusion_ms"] = percentiles([o for _, o in why.costs_ms])
    out["neighbours_lookup_ms"] = percentiles(nb.costs_ms)
    docks["Why_this_answer"].hide()
    ev = window.eval_panel
    t0 = time.perf_counter()
    docks["Evaluation"].show()
    wait(lambda: ev.evaluation is not None and not ev.busy)
    out["evaluation_test_set_s"] = round(time.perf_counter() - t0, 1)
    window.close()
    return out


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--model", default=None)
    p.add_argument("--repeats", type=int, default=8)
    p.add_argument("--presets", default="DeepMLP,SimpleConvNet")
    a = p.parse_args()
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1):
        health = [health_share(name, a.repeats) for name in a.presets.split(",") if name]
    print(json.dumps({"layer_health": health, **views(a.model, a.repeats)}, indent=1))


if __name__ == "__main__":
    main()
