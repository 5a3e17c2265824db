"""Cost of the insight views: canvas stroke-to-prediction latency with 'Why this answer' hidden
and shown, and what each view costs per update (its own thread). Upper bounds on a shared
machine. Run: QT_QPA_PLATFORM=offscreen python benchmarks/insight_views.py [--model FILE]"""

from __future__ import annotations

import argparse
import json
import time


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--model", default=None)
    p.add_argument("--repeats", type=int, default=5)
    a = p.parse_args()
    from nndesk.gui.measure import SEVEN, _draw, _window, percentiles

    app, window = _window(a.model)
    window.build_views()
    why = window.why_panel.parentWidget()
    out = {}
    for label, shown in (("why_hidden", False), ("why_shown", True)):
        why.setVisible(shown)
        window.digit.latencies_ms.clear()
        for _ in range(a.repeats):
            window.digit.canvas.clear()
            _draw(app, window.digit.canvas, SEVEN)
            window.digit.wait_idle()
        out[f"stroke_to_prediction_ms_{label}"] = percentiles(window.digit.latencies_ms)
    t0 = time.perf_counter()
    while window.why_panel.busy and time.perf_counter() - t0 < 60:
        app.processEvents()
        time.sleep(0.01)
    costs = window.why_panel.costs_ms
    out["why_updates"] = len(costs)
    out["why_gradient_x_input_ms"] = percentiles([g for g, _ in costs])
    out["why_occlusion_ms"] = percentiles([o for _, o in costs])
    print(json.dumps(out))
    window.close()


if __name__ == "__main__":
    main()
