"""Cost of the insight views, upper bounds on a shared machine.

1. The layer-health computation against a training epoch: one update as the panel makes it
   (the snapshot's weights loaded into its private network, then `layer_health(copy=False)`
   on the probe batch of 100, which is read once per panel), interleaved with training steps
   of the same network (batch 100, Adam). The panel measures every
   max(2 s, update / 2.5%): its share of the time is update / interval; per epoch it makes
   epoch / interval updates. The old way (a copy per update, two forward passes, every value
   binned, the training set read per update) is timed beside it: `--old`.
2. Each view per update: gradient x input and occlusion ("why"), the neighbours look-up over
   the training features, layer health; the evaluation view's whole test set once.
3. Canvas stroke-to-prediction latency (p50/p99) with the why view (saliency + neighbours)
   hidden and shown; the views follow on their 150 ms quiet timer in their own threads.

    QT_QPA_PLATFORM=offscreen python benchmarks/insight_views.py [--model FILE] [--repeats 8]
        [--presets DeepMLP,SimpleConvNet,DeepConvNet,DigitNet] [--old] [--health-only]
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


def health_share(preset: str, repeats: int, old: bool = False) -> dict:
    """One health-panel update vs one training step of `preset` (batch 100, Adam), one BLAS
    thread, interleaved so that both see the same load."""
    from nndesk.data.mnist import load_mnist
    from nndesk.gui.health_panel import MIN_INTERVAL_MS, SHARE
    from nndesk.insight.health import layer_health
    from nndesk.nn import Network, make_optimizer
    from nndesk.presets import load_preset

    d = load_mnist(flatten=False, val_split=5000)
    spec = load_preset(preset)
    net, private = Network.from_spec(spec, seed=0), Network.from_spec(spec, seed=1)
    x, t = d.x_train[:100], d.t_train[:100]
    opt = make_optimizer("adam", lr=0.001)

    def step() -> None:
        net.loss(x, t)
        net.backward()
        opt.update(net.params(), net.grads())

    def update() -> None:  # what HealthPanel's job does per snapshot
        private.load_state_dict(net.state_dict())
        layer_health(private, x, t, copy=False)

    def old_update() -> None:  # before: read the set, copy, two forwards, bin every value
        load_mnist(flatten=False)
        _old_health()(net, x, t)

    fns = {"step": step, "update": update, **({"old": old_update} if old else {})}
    times: dict[str, list[float]] = {k: [] for k in fns}
    step()  # warm up
    update()
    for _ in range(repeats):
        for key, fn in fns.items():
            t0 = time.perf_counter()
            fn()
            times[key].append(1000 * (time.perf_counter() - t0))
    from gui_measure import percentiles

    p50 = {k: percentiles(v)["p50"] for k, v in times.items()}
    interval = max(MIN_INTERVAL_MS, p50["update"] / SHARE)
    epoch_s = p50["step"] * len(d.x_train) / 100 / 1000
    out = {"preset": preset, "train_step_ms": p50["step"], "update_ms": p50["update"],
           "update_in_training_steps": round(p50["update"] / p50["step"], 2),
           "interval_s": round(interval / 1000, 1), "epoch_s_estimate": round(epoch_s, 1),
           "updates_per_epoch": round(1000 * epoch_s / interval, 1),
           "share_of_epoch_pct": round(100 * p50["update"] / interval, 2)}
    if old:  # every 2 s, whatever it cost
        out["old_update_ms"] = p50["old"]
        out["old_share_of_epoch_pct"] = round(100 * p50["old"] / MIN_INTERVAL_MS, 2)
    return out


def _old_health():
    """The layer_health of commit f955d7a (before this benchmark's change), for `--old`."""
    import subprocess
    import types

    root = Path(__file__).resolve().parents[1]
    text = subprocess.run(["git", "show", "f955d7a:nndesk/insight/health.py"], cwd=root,
                          capture_output=True, text=True, check=True).stdout
    module = types.ModuleType("old_health")
    exec(compile(text, "old_health.py", "exec"), module.__dict__)  # noqa: S102 (our own file)
    return module.layer_health


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
    p.add_argument("--presets", default="DeepMLP,SimpleConvNet,DeepConvNet,DigitNet")
    p.add_argument("--old", action="store_true", help="time the old health update beside")
    p.add_argument("--health-only", action="store_true", help="skip the window's views")
    a = p.parse_args()
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1):
        health = []
        for name in filter(None, a.presets.split(",")):
            health.append(health_share(name, a.repeats, a.old))
            print(json.dumps(health[-1]), file=sys.stderr, flush=True)  # as it goes
    rest = {} if a.health_only else views(a.model, a.repeats)
    print(json.dumps({"layer_health": health, **rest}, indent=1))


if __name__ == "__main__":
    main()
