"""The canvas's copy of a training run's network: `SnapshotNetwork.start(spec)` builds it on a
thread of its own at the run's start, `load(weights)` fills it with each snapshot's weights
(TrainingController, training.py, hands it to the state)."""

from __future__ import annotations

import threading

__all__ = ["SnapshotNetwork"]


class SnapshotNetwork:
    """One run's network for its snapshots; none until its thread has made it."""

    def __init__(self) -> None:
        self._built: list = []  # the network once made (None: the spec does not build)

    def start(self, spec: dict) -> None:
        """Make the network of `spec` off the GUI thread (the previous run's is dropped)."""
        self._built = built = []
        threading.Thread(target=lambda: built.append(_snapshot_network(spec)), daemon=True,
                         name="nndesk-snapshot-net").start()

    def clear(self) -> None:
        """No network (a new run is about to start)."""
        self._built = []

    def load(self, weights: dict):
        """The network with `weights` loaded; None while it is still being made, for a spec
        that does not build, or for weights that do not fit it."""
        net = self._built[0] if self._built else None
        if net is None:
            return None
        try:
            net.load_state_dict(weights)
        except (ValueError, AttributeError):
            return None  # a snapshot that does not fit: the previous one stays shown
        return net


def _snapshot_network(spec: dict):
    """The network the canvas reads a run's snapshots with (its weights are replaced by each
    snapshot's). Made on a thread of its own at the run's start: drawing DigitNet's 858k
    initial weights took ~300 ms on the GUI thread under load (benchmarks/latency_timeline.py).
    None for a spec that does not build (its snapshots are then not shown)."""
    from nndesk.nn import Network

    try:
        return Network.from_spec(spec)
    except (ValueError, AttributeError):
        return None
