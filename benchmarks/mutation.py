#!/usr/bin/env python
"""Mutation testing of the engine (`nndesk/nn/`) with mutmut: how many planted bugs tests catch.

Not part of CI (a full run takes hours on two shared cores). It exports a git revision (default:
the work tree as committed, HEAD) into a scratch folder, adds mutmut's settings there (the
repository's pyproject.toml is never touched), runs `mutmut run` on the chosen files against
tests/nn and tests/test_presets.py (and tests/train when a file of nndesk/train is mutated), and
prints killed / survived / timed out per file and the score. Survivors are listed for reading
(`mutmut show NAME` inside the scratch folder shows the diff). Notes on the runs and on the
survivors judged harmless: benchmarks/mutation.md.

Usage:
    nice -n 10 .venv/bin/python benchmarks/mutation.py [--rev REV] [--files a.py b.py]
        [--tests-rev REV] [--workdir DIR] [--max-children N] [--budget SECONDS]
        [--tests PATH ...] [-k EXPR] [--sample N] [--seed S] [--resume] [--rerun]
        [--report-only]
`--sample N` checks N mutants of each file drawn at random (seeded: the same draw again for the
same seed and mutants) instead of all: an unbiased estimate where checking every mutant costs
hours (the trainer: each mutant runs the training tests); the table gives each score's 95%
interval (Wilson's). `--tests` narrows the tests to the fastest ones that exercise the files
(mutmut runs, per mutant, only the selected tests that reach its function).
`--resume` continues a run that its budget stopped (the mutants not yet checked).
`--rerun` keeps the last run's folder, copies in today's tests (uncommitted too) and checks
again the mutants that survived: the score after new tests, without redoing the rest
(`--with-source` also takes the engine at --rev, for tests that need a fix; mutmut then
remakes the mutants of the functions that changed: check them again with `--also GLOB`).
Needs mutmut (`pip install mutmut`, 3.x; not a dependency of nndesk).
"""

from __future__ import annotations

import argparse
import collections
import fnmatch
import io
import os
import random
import shutil
import signal
import subprocess
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NN_TESTS = ["tests/nn", "tests/test_presets.py"]
TRAIN_TESTS = ["tests/train"]
# the two biggest whole-preset gradient checks take 2/3 of the engine tests' time; the layer
# gradient checks cover the same code on small inputs. The kill/no-Qt/hostile-file training
# tests run subprocesses or test the model file, not the trainer: left out of a mutation run.
DESELECT = "not (DigitNet or DeepConvNet or test_train_kill or no_qt or hostile)"
NOT_MUTATED = ["nndesk/nn/memory.py", "nndesk/nn/perceptron.py"]   # glibc calls; ch. 2 toy


def export(rev: str, paths: list[str], dest: Path) -> None:
    """Write `paths` as they are at git revision `rev` under `dest` (no working-tree edits)."""
    data = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", rev, *paths],
                          check=True, capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        tar.extractall(dest, filter="data")


def test_paths(files: list[str], chosen: list[str] | None = None) -> list[str]:
    """The tests that exercise `files`: `chosen` when given, else the engine's, plus the
    trainer's for nndesk/train."""
    if chosen:
        return list(chosen)
    tests = list(NN_TESTS)
    if any(f.startswith("nndesk/train") for f in files):
        tests += TRAIN_TESTS
    return tests


def prepare(workdir: Path, rev: str, tests_rev: str, files: list[str],
            chosen: list[str] | None = None, deselect: str = DESELECT) -> None:
    if workdir.exists():
        shutil.rmtree(workdir)
    workdir.mkdir(parents=True)
    export(rev, ["nndesk", "resources", "models", "pyproject.toml", "README.md"], workdir)
    tests = test_paths(files, chosen)
    folders = _test_folders(tests)
    for sub in folders:
        shutil.rmtree(workdir / sub, ignore_errors=True)
    export(tests_rev, [p for p in [*folders, "tests/conftest.py"] if _exists(tests_rev, p)],
           workdir)
    toml = (workdir / "pyproject.toml").read_text()
    quoted = ", ".join(f'"{f}"' for f in files)
    selection = ", ".join(f'"{t}"' for t in tests)
    skip = ", ".join(f'"{f}"' for f in NOT_MUTATED)
    toml += (
        "\n[tool.mutmut]\n"
        'paths_to_mutate = ["nndesk/"]\n'
        f"only_mutate = [{quoted}]\n"
        f"do_not_mutate = [{skip}]\n"
        f"pytest_add_cli_args_test_selection = [{selection}]\n"
        'also_copy = ["resources", "models", "tests"]\n'
        f'pytest_add_cli_args = ["-p", "no:cacheprovider", "-k", "{deselect}"]\n'
    )
    (workdir / "pyproject.toml").write_text(toml)


def _test_folders(tests: list[str]) -> list[str]:
    """The files or folders to copy for a test selection: a test file's whole folder (its
    conftest.py and helpers), a node id's file's folder ("tests/nn/test_x.py::name")."""
    folders = []
    for t in tests:
        path = t.split("::")[0]
        sub = str(Path(path).parent) if path.endswith(".py") and path.count("/") > 1 else path
        if sub not in folders:
            folders.append(sub)
    return folders


def _exists(rev: str, path: str) -> bool:
    return subprocess.run(["git", "-C", str(ROOT), "cat-file", "-e", f"{rev}:{path}"],
                          capture_output=True).returncode == 0


def copy_tests(workdir: Path, files: list[str], chosen: list[str] | None = None) -> None:
    """The work tree's tests (committed or not) over the run folder's, for `--rerun`."""
    for sub in [*_test_folders(test_paths(files, chosen)), "tests/conftest.py"]:
        src = ROOT / sub
        for dest in (workdir / sub, workdir / "mutants" / sub):
            if src.is_dir():
                shutil.copytree(src, dest, dirs_exist_ok=True,
                                ignore=shutil.ignore_patterns("__pycache__"))
            elif src.is_file():
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(src, dest)


def run_mutmut(workdir: Path, names: list[str], max_children: int,
               budget: float | None) -> None:
    """`mutmut run [names]` in `workdir`, stopped (with its test processes) after `budget` s."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", OPENBLAS_NUM_THREADS="1",
               OMP_NUM_THREADS="1", PYTHONPATH=str(workdir))
    env.setdefault("NNDESK_DATA_DIR", str(ROOT.parent / "shared" / "data" / "mnist"))
    # own process group, so that the budget stops mutmut's test processes too
    proc = subprocess.Popen([sys.executable, "-m", "mutmut", "run",
                             "--max-children", str(max_children), *names],
                            cwd=workdir, env=env, start_new_session=True)
    try:
        proc.wait(timeout=budget)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait()
        print(f"stopped after the budget of {budget:.0f} s", file=sys.stderr)


def results(workdir: Path) -> dict[str, str]:
    """mutant name -> status ("killed", "survived", "timeout", ...) from `mutmut results`."""
    out = subprocess.run([sys.executable, "-m", "mutmut", "results", "--all", "true"],
                         cwd=workdir, capture_output=True, text=True).stdout
    status = {}
    for line in out.splitlines():
        name, sep, state = line.strip().rpartition(": ")
        if sep and name:
            status[name] = state.strip()
    return status


def _in_files(mutant: str, patterns: list[str]) -> bool:
    """Whether a mutant ("nndesk.nn.init.x_init_std__mutmut_3") is of a file in `patterns`."""
    path = mutant.split(".x")[0].replace(".", "/") + ".py"
    return any(fnmatch.fnmatch(path, pattern) for pattern in patterns)


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """The 95% interval of a proportion k/n (Wilson 1927; Agresti & Coull 1998): honest for a
    sample of tens and a score near 100%, where k/n +- 1.96 sqrt(p(1-p)/n) is not."""
    if n == 0:
        return 0.0, 1.0
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z / (1 + z * z / n) * ((p * (1 - p) / n + z * z / (4 * n * n)) ** 0.5)
    return max(0.0, centre - half), min(1.0, centre + half)


def sample(names: list[str], n: int, seed: int) -> list[str]:
    """`n` of `names` per module, drawn at random: the same draw for the same seed."""
    per_module: dict[str, list[str]] = collections.defaultdict(list)
    for name in sorted(names):
        per_module[name.split(".x")[0]].append(name)
    rng = random.Random(seed)
    drawn = []
    for module in sorted(per_module):
        group = per_module[module]
        drawn += rng.sample(group, min(n, len(group)))
    return drawn


def report(status: dict[str, str]) -> str:
    """Per module: mutants, killed (a timeout counts: the tests caught it), survived, no test
    reached it (counts against the score), not checked (the run stopped first: left out)."""
    per_file: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for name, state in status.items():
        per_file[name.split(".x")[0]][state] += 1
    lines = ["| module | mutants | checked | killed | survived | no tests | killed % "
             "| 95% interval |",
             "|---|---:|---:|---:|---:|---:|---:|---|"]
    total: collections.Counter = collections.Counter()
    for module, c in sorted(per_file.items()):
        total.update(c)
        lines.append(_row(module, c))
    lines.append(_row("**all**", total))
    survivors = sorted(n for n, s in status.items() if s in ("survived", "no tests"))
    lines += ["", f"survivors and untested ({len(survivors)}):", *survivors]
    return "\n".join(lines)


def _row(module: str, c: collections.Counter) -> str:
    killed = c["killed"] + c["timeout"]
    checked = killed + c["survived"] + c["no tests"]
    pct = f"{100 * killed / checked:.1f}" if checked else "-"
    low, high = wilson(killed, checked)
    interval = f"{100 * low:.0f}-{100 * high:.0f}%" if checked else "-"
    cells = [module, sum(c.values()), checked, killed, c["survived"], c["no tests"], pct,
             interval]
    return "| " + " | ".join(map(str, cells)) + " |"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rev", default="HEAD", help="git revision of the engine to mutate")
    p.add_argument("--tests-rev", default=None, help="git revision of the tests (default: --rev)")
    p.add_argument("--files", nargs="*", default=["nndesk/nn/*.py"],
                   help="files to mutate, fnmatch patterns (default: nndesk/nn/*.py)")
    p.add_argument("--tests", nargs="*", default=None,
                   help="test files or folders to run (default: tests/nn, tests/test_presets.py"
                        " and tests/train for nndesk/train)")
    p.add_argument("-k", dest="deselect", default=DESELECT,
                   help="pytest -k expression (default: leave out the slow whole-preset checks)")
    p.add_argument("--workdir", type=Path, default=Path("/tmp/nndesk-mutation"))
    p.add_argument("--max-children", type=int, default=1, help="parallel test processes")
    p.add_argument("--budget", type=float, default=None,
                   help="stop mutmut after this many seconds (the mutants left are 'not checked')")
    p.add_argument("--sample", type=int, default=0,
                   help="check this many mutants of each file, drawn at random (the draw is "
                        "over all the file's mutants, so a --resume with the same seed goes on "
                        "with the same sample)")
    p.add_argument("--seed", type=int, default=0, help="seed of --sample's draw")
    p.add_argument("--resume", action="store_true",
                   help="continue the last run in --workdir (mutants not yet checked)")
    p.add_argument("--rerun", action="store_true",
                   help="check the survivors of the last run again with today's tests")
    p.add_argument("--with-source", action="store_true",
                   help="with --rerun: also take --rev's engine (a fix), not only the tests")
    p.add_argument("--also", nargs="*", default=[],
                   help="with --rerun: more mutant names or globs to check (changed functions)")
    p.add_argument("--report-only", action="store_true",
                   help="print the last run's table (with --sample/--seed: that sample's)")
    args = p.parse_args(argv)
    try:
        import mutmut  # noqa: F401
    except ImportError:
        print("mutmut is not installed: pip install mutmut", file=sys.stderr)
        return 2
    drawn = None
    if args.sample and (args.workdir / "mutants").is_dir():
        drawn = set(sample(list(results(args.workdir)), args.sample, args.seed))
    if args.rerun:
        copy_tests(args.workdir, args.files, args.tests)
        if args.with_source:       # a fix the new tests need: mutmut remakes changed functions
            export(args.rev, ["nndesk"], args.workdir)
        names = sorted(n for n, s in results(args.workdir).items()
                       if s in ("survived", "no tests") and (drawn is None or n in drawn)
                       and _in_files(n, args.files))
        names += args.also
        if names:
            run_mutmut(args.workdir, names, args.max_children, args.budget)
    elif args.sample and not args.report_only:
        if not (args.workdir / "mutants").is_dir():
            prepare(args.workdir, args.rev, args.tests_rev or args.rev, args.files, args.tests,
                    args.deselect)
            # mutants and test stats only: no mutant has this name, mutmut stops there
            run_mutmut(args.workdir, ["nothing-matches-this"], 1, None)
        status = results(args.workdir)
        drawn = set(sample(list(status), args.sample, args.seed))
        names = sorted(n for n in drawn if status[n] == "not checked")
        if names:
            run_mutmut(args.workdir, names, args.max_children, args.budget)
    elif args.resume:
        run_mutmut(args.workdir, [], args.max_children, args.budget)
    elif not args.report_only:
        prepare(args.workdir, args.rev, args.tests_rev or args.rev, args.files, args.tests,
                args.deselect)
        run_mutmut(args.workdir, [], args.max_children, args.budget)
    status = results(args.workdir)
    if drawn is not None:      # the sample's score: mutants checked outside the draw left out
        status = {n: s if n in drawn else "not checked" for n, s in status.items()}
    print(report(status))
    return 0


if __name__ == "__main__":
    sys.exit(main())
