"""Stress the GUI tests with garbage collection: do Qt objects get freed on the wrong thread?

    QT_QPA_PLATFORM=offscreen NNDESK_DATA_DIR=../shared/data/mnist \
        .venv/bin/python benchmarks/gc_stress.py --rounds 20 tests/gui/test_export_dialog.py ...

Runs the given tests `--rounds` times each in one process (faulthandler on), with the cyclic
GC's thresholds lowered (`--threshold`, default 50, 2, 2: a collection every 50 allocations
instead of 700) so that collections fall at many more moments: on worker threads while they
export, prepare or train, and on the GUI thread inside the delivery of a signal. Prints the
pytest summary and the exit status (-11: a segmentation fault). A load figure, not a timing.
"""

from __future__ import annotations

import argparse
import gc
import os
import subprocess
import sys

ROUNDS_ENV, THRESHOLD_ENV = "NNDESK_STRESS_ROUNDS", "NNDESK_STRESS_GC"


def pytest_generate_tests(metafunc) -> None:  # as a pytest plugin: each test `rounds` times
    rounds = int(os.environ.get(ROUNDS_ENV, "1"))
    if rounds > 1:
        metafunc.fixturenames.append("_stress_round")
        metafunc.parametrize("_stress_round", range(rounds))


def pytest_configure(config) -> None:
    a, b, c = (int(x) for x in os.environ.get(THRESHOLD_ENV, "50,2,2").split(","))
    gc.set_threshold(a, b, c)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rounds", type=int, default=20)
    p.add_argument("--threshold", default="50,2,2", help="gc.set_threshold values")
    p.add_argument("--root", default=".", help="the checkout whose nndesk and tests run")
    p.add_argument("tests", nargs="+")
    a = p.parse_args(argv)
    here = os.path.dirname(os.path.abspath(__file__))
    env = dict(os.environ, **{ROUNDS_ENV: str(a.rounds), THRESHOLD_ENV: a.threshold},
               PYTHONPATH=os.pathsep.join([os.path.abspath(a.root), here]))
    done = subprocess.run([sys.executable, "-X", "faulthandler", "-m", "pytest", "-q",
                           "-p", "no:cacheprovider", "-p", "gc_stress", *a.tests],
                          cwd=a.root, env=env, capture_output=True, text=True)
    tail = (done.stdout + done.stderr).strip().splitlines()[-40:]
    print("\n".join(tail))
    print(f"exit status {done.returncode}" + ("  (segmentation fault)"
                                              if done.returncode == -11 else ""))
    try:
        print("load average:", " ".join(f"{x:.2f}" for x in os.getloadavg()))
    except OSError:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
