"""The `nndesk` command: each sub-command on tiny inputs, user errors, Ctrl-C and resume."""

from __future__ import annotations

import hashlib
import io
import json
import os
import shlex
import signal
import subprocess
import sys
import types
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from nndesk.cli import UserError, main
from nndesk.cli.parser import build_parser
from nndesk.cli.progress import ProgressBar, format_duration
from nndesk.cli.train_cmd import resume_command

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = ["gui", "train", "eval", "predict", "info", "gradcheck", "presets", "experiment"]


def _env(mnist_dir: Path | None = None) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT), OPENBLAS_NUM_THREADS="1")
    if mnist_dir is not None:
        env["NNDESK_DATA_DIR"] = str(mnist_dir)
    return env


@pytest.fixture(scope="module")
def model(mnist_dir, tmp_path_factory) -> Path:
    """A TwoLayerNet trained for one epoch on 2,000 images by `nndesk train` itself."""
    out = tmp_path_factory.mktemp("cli") / "two.npz"
    argv = ["train", "--preset", "TwoLayerNet", "--epochs", "1", "--limit", "2000",
            "--val-split", "500", "--data-dir", str(mnist_dir), "--out", str(out)]
    assert main(argv) == 0
    return out


# --- the parser, help and the window ---------------------------------------------------------
@pytest.mark.parametrize("command", COMMANDS)
def test_help_of_every_command_exits_0_with_examples(command, capsys):
    assert main([command, "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: nndesk {command}") and "examples:\n  nndesk" in out


def test_top_level_help_lists_every_command(capsys):
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert all(f"    {c}" in out for c in COMMANDS)


def test_no_arguments_and_gui_open_the_window(monkeypatch):
    calls = []
    fake = types.ModuleType("nndesk.gui.app")
    fake.run = lambda model_path: calls.append(model_path) or 7
    monkeypatch.setitem(sys.modules, "nndesk.gui.app", fake)
    assert main([]) == 7
    assert main(["gui", "--model", "my.npz"]) == 7
    assert calls == [None, "my.npz"]


def test_other_commands_never_import_qt():
    code = ("import sys; from nndesk.cli import main; assert main(['presets']) == 0; "
            "assert main(['info', '--preset', 'LeNet5']) == 0; "
            "print(sorted(m for m in sys.modules "
            "             if m.startswith(('PySide6', 'pyqtgraph', 'tqdm'))))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=_env(), timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"


# --- user errors: one line, exit 2 -------------------------------------------------------------
def _bad_files(tmp: Path) -> dict[str, Path]:
    (tmp / "bad.json").write_text("{not json", encoding="utf-8")
    (tmp / "badspec.json").write_text(json.dumps(
        {"input_shape": [1, 4, 4], "layers": [{"type": "MaxPool2D", "pool_size": 2},
                                              {"type": "MaxPool2D", "pool_size": 2},
                                              {"type": "MaxPool2D", "pool_size": 2},
                                              {"type": "Dense", "units": 10}]}))
    (tmp / "list.json").write_text("[1, 2]", encoding="utf-8")
    (tmp / "deep.json").write_text("[" * 100_000 + "]" * 100_000, encoding="ascii")
    (tmp / "deep65.json").write_text('{"layers": ' + "[" * 65 + "]" * 65 + "}", encoding="ascii")
    (tmp / "junk.npz").write_bytes(b"this is not a zip file at all" * 10)
    (tmp / "empty").mkdir()
    return {name: tmp / name for name in ("bad.json", "badspec.json", "list.json", "junk.npz",
                                          "empty", "deep.json", "deep65.json")}


USER_ERRORS = [
    (["train", "--preset", "NoSuchNet", "--out", "{tmp}/m.npz"], "unknown preset"),
    (["train", "--spec", "{tmp}/missing.json", "--out", "{tmp}/m.npz"], "not found"),
    (["train", "--spec", "{tmp}/bad.json", "--out", "{tmp}/m.npz"], "not valid JSON"),
    (["train", "--spec", "{tmp}/badspec.json", "--out", "{tmp}/m.npz"], "layer 3 (MaxPool2D)"),
    (["train", "--spec", "{tmp}/list.json", "--out", "{tmp}/m.npz"], "JSON object"),
    (["train", "--preset", "TwoLayerNet", "--epochs", "zero", "--out", "m.npz"], "--epochs"),
    (["train", "--preset", "TwoLayerNet", "--lr", "-1", "--out", "m.npz"], "--lr"),
    (["train", "--preset", "TwoLayerNet", "--optimizer", "sgdd", "--out", "m.npz"], "sgdd"),
    (["train", "--preset", "TwoLayerNet", "--schedule", "linear", "--out", "m.npz"], "linear"),
    (["train", "--preset", "TwoLayerNet"], "--out"),
    (["train", "--out", "{tmp}/m.npz"], "--preset"),
    (["train", "--preset", "TwoLayerNet", "--out", "{tmp}/bad.json/m.npz"], "cannot write"),
    (["train", "--resume", "{tmp}/gone.ckpt.npz", "--out", "{tmp}/m.npz"], "not found"),
    (["train", "--resume", "{tmp}/junk.npz", "--out", "{tmp}/m.npz"], "junk.npz"),
    (["train", "--preset", "TwoLayerNet", "--out", "{tmp}/m.npz", "--data-dir", "{tmp}/empty"],
     "missing"),
    (["eval", "{tmp}/missing.npz"], "not found"),
    (["eval", "{tmp}/junk.npz"], "junk.npz"),
    (["eval", "{tmp}/m.npz", "--dataset", "cifar"], "cifar"),
    (["predict", "--model", "{tmp}/missing.npz", "x.png"], "not found"),
    (["info", "--preset", "Nope"], "unknown preset"),
    (["info", "--spec", "{tmp}/deep.json"], "nested more than 64 levels"),   # was RecursionError
    (["gradcheck", "--spec", "{tmp}/deep65.json"], "nested more than 64 levels"),
    (["info"], "model file"),
    (["gradcheck"], "--preset"),
    (["gradcheck", "--spec", "{tmp}/badspec.json"], "layer 3"),
    (["experiment", "dropout"], "invalid choice"),
    (["experiment", "init", "--threads", "0"], "--threads"),
    (["frobnicate"], "invalid choice"),
]


@pytest.mark.parametrize(("argv", "words"), USER_ERRORS, ids=[" ".join(a[:3]) for a, _ in
                                                               USER_ERRORS])
def test_user_errors_give_one_line_and_exit_2(argv, words, tmp_path, capsys):
    _bad_files(tmp_path)
    code = main([a.replace("{tmp}", str(tmp_path)) for a in argv])
    captured = capsys.readouterr()
    lines = captured.err.splitlines()
    assert code == 2
    assert len(lines) == 1 and lines[0].startswith("nndesk: error: "), captured.err
    assert words in lines[0]
    assert not list(tmp_path.glob("m*.npz"))  # nothing half-made


def test_eval_of_a_data_dir_without_mnist_says_where_in_one_line(model, tmp_path, capsys):
    assert main(["eval", str(model), "--data-dir", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(tmp_path) in err and "--download" in err


# --- train, eval, info, predict on one tiny model ----------------------------------------------
def test_train_writes_a_model_that_records_its_command(model, mnist_dir):
    from nndesk.train import load_model

    loaded = load_model(model)
    command = shlex.split(loaded.metadata["command"])
    assert command[:4] == ["nndesk", "train", "--preset", "TwoLayerNet"]
    assert command[command.index("--out") + 1] == model.name  # the name, not this machine's path
    assert command[command.index("--data-dir") + 1] == Path(mnist_dir).name
    assert not any(os.sep in arg for arg in command[1:])
    sums = loaded.metadata["data"]["sha256"]  # the data, by name and checksum instead
    assert sums["t10k-labels-idx1-ubyte.gz"] == hashlib.sha256(
        (Path(mnist_dir) / "t10k-labels-idx1-ubyte.gz").read_bytes()).hexdigest()
    assert loaded.checkpoint is None and loaded.metadata["epochs"] == 1
    assert 0.5 < loaded.metadata["accuracy"] <= 1.0  # one epoch on 2,000 images still learns
    assert Path(str(model).replace(".npz", ".ckpt.npz")).is_file()


def test_eval_json_matches_the_model_and_the_text_table(model, mnist_dir, capsys):
    from nndesk.data.mnist import load_mnist
    from nndesk.train import load_model

    assert main(["eval", str(model), "--json", "--data-dir", str(mnist_dir)]) == 0
    report = json.loads(capsys.readouterr().out)
    loaded = load_model(model)
    data = load_mnist(flatten=False, data_dir=mnist_dir, val_split=0)
    predicted = loaded.network.predict(data.x_test).argmax(axis=1)
    assert report["n"] == 10000
    assert report["accuracy"] == pytest.approx(float((predicted == data.t_test).mean()))
    assert report["accuracy"] == pytest.approx(loaded.metadata["accuracy"])
    confusion = np.array(report["confusion"])
    assert confusion.sum() == 10000 and confusion[3].sum() == (data.t_test == 3).sum()
    assert confusion[3, 5] == ((data.t_test == 3) & (predicted == 5)).sum()

    assert main(["eval", str(model), "--data-dir", str(mnist_dir)]) == 0
    text = capsys.readouterr().out
    assert f"{report['accuracy']:.2%}" in text.splitlines()[0]
    matrix = text.split("predicted digit)\n")[1].splitlines()[:11]
    assert [int(v) for v in matrix[4].split()] == [3, *confusion[3]]
    assert len({len(line) for line in matrix}) == 1  # aligned columns
    off = confusion - np.diag(np.diag(confusion))
    true, guess = divmod(int(off.argmax()), 10)
    assert f"most frequent mistakes: {true} taken for {guess} ({off.max()}x)" in text


def test_info_of_model_and_preset(model, capsys):
    assert main(["info", str(model)]) == 0
    out = capsys.readouterr().out
    assert "39,760" in out and "nndesk train --preset TwoLayerNet" in out
    assert main(["info", "--preset", "SimpleConvNet"]) == 0
    out = capsys.readouterr().out
    assert "30x24x24" in out and out.rstrip().endswith("433,890")
    assert main(["info", "--preset", "LeNet5", "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert sum(layer["params"] for layer in info["layers"]) == 61706


def test_predict_json_on_a_folder_in_one_process(model, mnist_dir, tmp_path, capsys,
                                                 monkeypatch):
    from nndesk.data.mnist import load_mnist
    from nndesk.data.preprocess import preprocess
    from nndesk.train import modelfile

    data = load_mnist(flatten=False, data_dir=mnist_dir, val_split=0)
    folder = tmp_path / "digits"
    (folder / "more").mkdir(parents=True)
    for i in range(6):
        path = folder / ("more" if i % 2 else "") / f"digit{i}.png"
        Image.fromarray((data.x_test[i, 0] * 255).astype(np.uint8)).save(path)
    Image.new("L", (28, 28), 0).save(folder / "blank.png")
    (folder / "broken.png").write_bytes(b"\x89PNG not really")
    (folder / "notes.txt").write_text("not an image")
    loads = []
    real_load = modelfile.load_model
    monkeypatch.setattr(modelfile, "load_model", lambda p: loads.append(p) or real_load(p))

    monkeypatch.setattr("nndesk.cli.predict_cmd.PREDICT_CHUNK", 3)  # several chunks, one load
    code = main(["predict", "--model", str(model), "--json", str(folder)])
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert code == 1  # one file could not be read; the others were still answered
    assert len(loads) == 1
    by_name = {Path(r["file"]).name: r for r in rows}
    assert sorted(by_name) == ["blank.png", "broken.png"] + [f"digit{i}.png" for i in range(6)]
    assert by_name["blank.png"]["label"] is None
    assert by_name["broken.png"]["error"] and by_name["broken.png"]["label"] is None
    assert all(set(r) == {"file", "label", "probabilities"} for r in rows if "error" not in r)
    net = real_load(model).network
    for i in range(6):
        row = by_name[f"digit{i}.png"]
        expected = net.predict(preprocess(Path(row["file"]))[None])[0]
        assert row["label"] == int(expected.argmax())
        assert np.allclose(row["probabilities"], expected, atol=1e-5)
        assert sum(row["probabilities"]) == pytest.approx(1.0, abs=1e-4)

    assert main(["predict", "--model", str(model), str(folder / "digit0.png")]) == 0
    assert capsys.readouterr().out.startswith(f"{folder / 'digit0.png'}: ")


def test_predict_defaults_to_the_shipped_model(monkeypatch, model, tmp_path, capsys):
    import nndesk.paths

    Image.new("L", (28, 28), 0).save(tmp_path / "blank.png")
    monkeypatch.setattr(nndesk.paths, "default_model_path", lambda: tmp_path / "absent.npz")
    assert main(["predict", str(tmp_path / "blank.png")]) == 2
    assert "--model" in capsys.readouterr().err
    monkeypatch.setattr(nndesk.paths, "default_model_path", lambda: model)
    assert main(["predict", str(tmp_path / "blank.png")]) == 0
    assert capsys.readouterr().out.strip().endswith("no digit")


# --- gradcheck, presets ------------------------------------------------------------------------
def test_gradcheck_passes_for_a_preset(capsys):
    assert main(["gradcheck", "--preset", "TwoLayerNet", "--max-checks", "20"]) == 0
    out = capsys.readouterr().out
    assert out.count("PASS") == 6 and "FAIL" not in out  # 4 tensors + input + verdict


def test_gradcheck_fails_with_exit_1(monkeypatch, capsys):
    import nndesk.nn

    monkeypatch.setattr(nndesk.nn, "gradcheck", lambda spec, **kw: {"0.W": 3e-3,
                                                                     "input": float("nan")})
    assert main(["gradcheck", "--preset", "TwoLayerNet"]) == 1
    out = capsys.readouterr().out
    assert out.count("FAIL") == 3


def test_presets_lists_every_preset(capsys):
    from nndesk.presets import list_presets

    assert main(["presets"]) == 0
    out = capsys.readouterr().out
    assert [line.split()[0] for line in out.splitlines()[1:]] == list_presets()


# --- the progress bar --------------------------------------------------------------------------
class _Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_progress_bar_redraws_at_most_10_per_second_with_an_eta(monkeypatch):
    import tqdm.std

    stream, clock = io.StringIO(), _Clock()
    monkeypatch.setattr(tqdm.std, "time", clock)  # tqdm's own clock, for its redraw pacing
    bar = ProgressBar(stream, tty=True)
    for batch in range(1, 101):  # 100 batches of one epoch out of 2, 0.01 s each
        bar.update(1, 2, batch, 100, 0.5, 1000.0)
        clock.now += 0.01
    draws = [d for d in stream.getvalue().split("\r") if d.strip()]
    assert 9 <= len(draws) <= 12  # 1 s of batches: ~10 redraws, plus the last batch
    # 99 batches took 0.99 s: the 100 of the second epoch are left, 1 s
    assert draws[-1].startswith("epoch 1/2 batch 100/100 |") and draws[-1].endswith(
        "| ETA 00:01, loss 0.5000, 1,000 img/s")
    assert "#####" in draws[-1]  # half the run: half the bar
    bar.line("epoch 1/2 done")
    assert stream.getvalue().endswith("\repoch 1/2 done\n")  # the bar blanked first
    bar.update(2, 2, 1, 100, 0.4, 1000.0)  # a new bar for the next epoch
    assert "epoch 2/2 batch 1/100" in stream.getvalue().rsplit("\n", 1)[-1]


def test_progress_bar_prints_plain_lines_when_not_a_tty():
    stream, clock = io.StringIO(), _Clock()
    bar = ProgressBar(stream, tty=False, clock=clock, plain_interval=30)
    for batch in range(1, 101):
        bar.update(1, 1, batch, 100, 0.5, 100.0)
        clock.now += 1.0
    bar.line("epoch 1/1")
    lines = stream.getvalue().splitlines()
    assert "\r" not in stream.getvalue() and "|" not in stream.getvalue()  # no bar in a log
    assert len(lines) == 4 and lines[-1] == "epoch 1/1"  # at 30, 60, 90 s
    # 30 batches in 30 s since the first: 69 left at 1 s each
    assert lines[0] == "epoch 1/1 batch 31/100  31% ETA 01:09, loss 0.5000, 100 img/s"


def test_format_duration():
    assert [format_duration(s) for s in (0, 12.4, 75, 3725)] == ["0:00", "0:12", "1:15",
                                                                  "1:02:05"]


def test_resume_command_replaces_resume_and_quotes():
    argv = ["train", "--preset", "X", "--out", "my dir/m.npz", "--resume", "old.npz"]
    assert resume_command(argv, Path("my dir/m.ckpt.npz")) == (
        "nndesk train --preset X --out 'my dir/m.npz' --resume 'my dir/m.ckpt.npz'")
    tuned = ["train", "--init-from", "a.npz", "--out", "m.npz", "--from=b.npz", "--epochs", "3"]
    assert resume_command(tuned, Path("m.ckpt.npz")) == (  # --resume refuses --init-from
        "nndesk train --out m.npz --epochs 3 --resume m.ckpt.npz")


def test_every_train_flag_reaches_the_config():
    from nndesk.cli.train_cmd import _config

    args = build_parser().parse_args(
        ["train", "--preset", "X", "--out", "m.npz", "--epochs", "3", "--batch-size", "32",
         "--optimizer", "SGD", "--lr", "0.1", "--weight-decay", "0.01", "--augment",
         "--schedule", "cosine", "--seed", "5", "--val-split", "100", "--early-stop", "2",
         "--limit", "900", "--step-size", "4", "--gamma", "0.5", "--warmup-epochs", "0.5",
         "--momentum", "0.8", "--test-each-epoch"])
    config = _config(args, None)
    assert (config.epochs, config.batch_size, config.optimizer, config.lr, config.weight_decay,
            config.augment, config.schedule, config.seed, config.val_split, config.early_stop,
            config.train_limit) == (3, 32, "sgd", 0.1, 0.01, True, "cosine", 5, 100, 2, 900)
    assert (config.step_size, config.gamma, config.warmup_epochs, config.momentum,
            config.eval_test) == (4, 0.5, 0.5, 0.8, True)
    unset = _config(build_parser().parse_args(["train", "--preset", "X", "--out", "m"]), None)
    assert unset == type(config)()  # no flag: the defaults a learner gets in the window


def test_a_resumed_run_refuses_new_settings_but_takes_more_epochs():
    from nndesk.cli.train_cmd import _config

    saved = _config(build_parser().parse_args(["train", "--preset", "X", "--out", "m",
                                               "--lr", "0.01"]), None).to_dict()
    more = build_parser().parse_args(["train", "--resume", "c", "--out", "m", "--epochs", "20",
                                      "--lr", "0.01"])
    config = _config(more, saved)
    assert config.epochs == 20 and config.lr == 0.01
    changed = build_parser().parse_args(["train", "--resume", "c", "--out", "m", "--lr", "0.1"])
    with pytest.raises(UserError, match="cannot change lr"):
        _config(changed, saved)


# --- Ctrl-C and resume -------------------------------------------------------------------------
def test_sigint_writes_a_checkpoint_and_the_printed_command_resumes(mnist_dir, tmp_path):
    from nndesk.train import load_model

    out = tmp_path / "run.npz"
    argv = ["train", "--preset", "TwoLayerNet", "--epochs", "3", "--limit", "6000",
            "--batch-size", "10", "--val-split", "500", "--out", str(out)]
    cmd = [sys.executable, "-m", "nndesk", *argv]
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True, env=_env(mnist_dir),
                            cwd=tmp_path)
    seen = []
    for line in proc.stderr:
        seen.append(line)
        if line.startswith("epoch 1/3"):
            proc.send_signal(signal.SIGINT)
            break
    rest = proc.communicate(timeout=120)[1]
    stderr = "".join(seen) + rest
    assert proc.returncode == 130, stderr
    assert "Traceback" not in stderr and not out.exists()
    ckpt = tmp_path / "run.ckpt.npz"
    state = load_model(ckpt).checkpoint
    assert state["epoch"] in (1, 2)  # stopped inside epoch 2 (3 on a very busy machine)
    assert len(state["history"]) == state["epoch"]
    resume = [line for line in stderr.splitlines() if line.startswith("resume with: ")][0]
    resume_argv = shlex.split(resume.removeprefix("resume with: "))
    assert resume_argv == ["nndesk", *argv, "--resume", str(ckpt)]

    done = subprocess.run([sys.executable, "-m", *resume_argv], capture_output=True,
                          text=True, env=_env(mnist_dir), cwd=tmp_path, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "epoch 3/3" in done.stderr and "epoch 1/3" not in done.stderr
    resumed = load_model(out)
    assert [h["epoch"] for h in resumed.metadata["history"]] == [1, 2, 3]
    assert resumed.metadata["history"][:state["epoch"]] == state["history"]

    straight = tmp_path / "straight.npz"  # the same run without a stop: the same weights
    argv[argv.index("--out") + 1] = str(straight)
    assert main(argv) == 0
    a, b = resumed.network.state_dict(), load_model(straight).network.state_dict()
    assert all(np.array_equal(a[k], b[k]) for k in a)


def test_download_shows_progress_and_a_failed_download_is_one_line(monkeypatch, tmp_path,
                                                                    capsys):
    from nndesk.data import mnist

    calls = []

    def fake_download(dataset, folder, progress=None, mirrors=None):
        calls.append((dataset, folder))
        progress(5_000_000, 10_000_000)
        raise mnist.DownloadError(mnist.DATASETS[dataset], folder, ["t10k-images-idx3-ubyte.gz"],
                                  "  https://mirror.example/: HTTP Error 404\n  next: timed out")

    monkeypatch.setattr(mnist, "download", fake_download)
    monkeypatch.setattr("sys.stderr.isatty", lambda: True, raising=False)
    assert main(["experiment", "init", "--download", "--data-dir", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert calls == [("mnist", tmp_path)]
    assert "50% (5.0 of 10.0 MB)" in err
    last = err.strip().splitlines()[-1]
    assert last.startswith("nndesk: error: MNIST files missing") and "404" in last


def test_extra_data_is_mixed_into_training(mnist_dir, tmp_path, monkeypatch):
    from nndesk.data.mnist import load_mnist
    from nndesk.data.preprocess import preprocess
    from nndesk.train import load_model, session

    test = load_mnist(flatten=False, data_dir=mnist_dir, val_split=0)
    mine = tmp_path / "mine"
    for i in range(20):  # two of each digit, saved as a user would
        digit = mine / str(int(test.t_test[i]))
        digit.mkdir(parents=True, exist_ok=True)
        Image.fromarray((255 - test.x_test[i, 0] * 255).astype(np.uint8)).save(digit / f"{i}.png")
    seen = {}
    real_init = session.TrainSession.__init__

    def spy(self, *args, **kwargs):
        seen["data"] = kwargs["data"]
        real_init(self, *args, **kwargs)

    monkeypatch.setattr(session.TrainSession, "__init__", spy)
    out = tmp_path / "m.npz"
    assert main(["train", "--preset", "SoftmaxRegression", "--epochs", "1", "--limit", "100",
                 "--val-split", "100", "--extra-data", str(mine), "--out", str(out),
                 "--data-dir", str(mnist_dir)]) == 0
    data = seen["data"]
    assert len(data.x_train) == 60000 - 100 + 20
    files = sorted(mine.rglob("*.png"))  # load_folder's order: digit folders, then names
    first = preprocess(files[0])
    assert np.allclose(data.x_train[0], first) and data.t_train[0] == int(files[0].parent.name)
    extra = load_model(out).metadata["data"]["extra"]
    digest = hashlib.sha256()  # the folder's checksum, worked out here independently
    for f in files:
        digest.update(f"{f.parent.name}/{f.name}".encode() + b"\0" + f.read_bytes())
    assert extra == {"name": "mine", "sha256": digest.hexdigest()}
    assert main(["train", "--preset", "SoftmaxRegression", "--extra-data", str(tmp_path / "no"),
                 "--out", str(out)]) == 2


def test_threads_policy_one_blas_thread_and_batch_workers(monkeypatch):
    """--threads N: N batch workers (nn/parallel.py), BLAS always one thread; default 2 where
    the process may use two cores or more, 1 on one core."""
    from threadpoolctl import threadpool_info

    from nndesk.cli.common import UserError, set_threads
    from nndesk.nn import parallel

    def blas_threads() -> set[int]:
        return {p["num_threads"] for p in threadpool_info() if p["user_api"] == "blas"}

    try:
        monkeypatch.setattr(parallel.os, "sched_getaffinity", lambda pid: {0, 1, 2, 3},
                            raising=False)
        assert set_threads(None) == 2 and parallel.workers() == 2 and blas_threads() == {1}
        monkeypatch.setattr(parallel.os, "sched_getaffinity", lambda pid: {0}, raising=False)
        assert set_threads(None) == 1 and parallel.workers() == 1
        assert set_threads(3) == 3 and parallel.workers() == 3 and blas_threads() == {1}
        with pytest.raises(UserError):
            set_threads(0)
    finally:
        parallel.set_workers(1)


def test_eval_uses_the_data_set_the_model_learned(tmp_path, capsys):
    from nndesk.data.mnist import DATASETS, write_idx
    from nndesk.nn import Network
    from nndesk.presets import load_preset
    from nndesk.train import save_model

    rng = np.random.default_rng(0)
    names = {role: f.name for role, f in DATASETS["fashion"].files.items()}
    write_idx(tmp_path / names["train_images"], rng.integers(0, 256, (30, 28, 28), np.uint8))
    write_idx(tmp_path / names["train_labels"], rng.integers(0, 10, 30).astype(np.uint8))
    write_idx(tmp_path / names["test_images"], rng.integers(0, 256, (17, 28, 28), np.uint8))
    write_idx(tmp_path / names["test_labels"], np.arange(17, dtype=np.uint8) % 10)
    model = save_model(tmp_path / "f.npz", Network.from_spec(load_preset("SoftmaxRegression")),
                       {"data": {"dataset": "fashion"}})
    assert main(["eval", str(model), "--json", "--data-dir", str(tmp_path)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["dataset"] == "fashion" and report["n"] == 17
    assert [sum(row) for row in report["confusion"]] == [2] * 7 + [1] * 3


def test_sigterm_also_stops_cleanly_with_a_checkpoint(mnist_dir, tmp_path):
    from nndesk.train import load_model

    cmd = [sys.executable, "-m", "nndesk", "train", "--preset", "TwoLayerNet", "--epochs", "3",
           "--limit", "6000", "--batch-size", "10", "--val-split", "500",
           "--out", str(tmp_path / "t.npz")]
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True, env=_env(mnist_dir))
    for line in proc.stderr:
        if line.startswith("epoch 1/3"):
            proc.terminate()
            break
    stderr = proc.communicate(timeout=120)[1]
    assert proc.returncode == 128 + signal.SIGTERM, stderr
    assert "resume with: " in stderr
    assert load_model(tmp_path / "t.ckpt.npz").checkpoint["epoch"] in (1, 2)


def test_train_init_from_a_model_starts_from_its_weights(model, mnist_dir, tmp_path, capsys):
    from nndesk.train import load_model

    out = tmp_path / "tuned.npz"
    assert main(["train", "--init-from", str(model), "--epochs", "1", "--limit", "200",
                 "--optimizer", "sgd", "--lr", "1e-9", "--val-split", "100",
                 "--augment", "elastic", "--data-dir", str(mnist_dir), "--out", str(out)]) == 0
    before, after = load_model(model), load_model(out)
    assert after.spec == before.spec and after.metadata["init_from"] == {
        "name": model.name, "sha256": hashlib.sha256(model.read_bytes()).hexdigest(),
        "command": before.metadata["command"], "accuracy": before.metadata["accuracy"]}
    assert str(tmp_path) not in after.metadata["command"]            # no machine paths
    assert after.metadata["command"].startswith("nndesk train --init-from two.npz ")
    config = after.metadata["config"]
    assert config["augment"] and (config["elastic_alpha"], config["elastic_sigma"]) == (34, 4)
    a, b = before.network.state_dict(), after.network.state_dict()
    assert all(np.allclose(a[k], b[k], atol=1e-6) for k in a)  # lr 1e-9: hardly moved
    assert after.metadata["accuracy"] == pytest.approx(before.metadata["accuracy"], abs=2e-4)
    capsys.readouterr()
    assert main(["train", "--from", str(model), "--preset", "LeNet5", "--out", str(out),
                 "--data-dir", str(mnist_dir), "--limit", "100"]) == 2
    err = capsys.readouterr().err
    assert "--init-from" in err and "a different network" in err and "two.npz" in err
    assert load_model(out).metadata == after.metadata                # nothing was written


def test_eval_on_your_own_digits_folder(model, mnist_dir, tmp_path, capsys):
    from nndesk.data.mnist import load_mnist

    test = load_mnist(flatten=False, data_dir=mnist_dir, val_split=0)
    for i in range(30):
        folder = tmp_path / "mine" / str(int(test.t_test[i]))
        folder.mkdir(parents=True, exist_ok=True)
        Image.fromarray((test.x_test[i, 0] * 255).astype(np.uint8)).save(folder / f"{i}.png")
    assert main(["eval", str(model), "--folder", str(tmp_path / "mine"), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["n"] == 30
    assert np.array(report["confusion"]).sum(axis=1).tolist() == np.bincount(
        test.t_test[:30], minlength=10).tolist()
    assert main(["eval", str(model), "--folder", str(tmp_path)]) == 2  # no 0/ ... 9/ there
    assert "sub-folders" in capsys.readouterr().err


def test_a_diverging_run_says_what_to_try_and_writes_no_model(mnist_dir, tmp_path, capsys):
    out = tmp_path / "nan.npz"
    code = main(["train", "--preset", "TwoLayerNet", "--optimizer", "sgd", "--lr", "1e30",
                 "--epochs", "1", "--limit", "1000", "--val-split", "100",
                 "--data-dir", str(mnist_dir), "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 1 and not out.exists()
    assert "learning rate" in err and "try 0.1" in err and "Traceback" not in err


def test_eval_on_pen_digits_of_chosen_writers(model, capsys):
    from nndesk.data.pendigits import load_pendigits, pendigits_path

    if not pendigits_path().is_file():
        pytest.skip(f"pen digits not found at {pendigits_path()}")
    assert main(["eval", str(model), "--pendigits", "30", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    writer30 = [d for d in load_pendigits(pendigits_path()) if d.writer == 30]
    assert report["dataset"] == "pendigits" and report["n"] == len(writer30)
    assert np.array(report["confusion"]).sum(axis=1).tolist() == \
        np.bincount([d.label for d in writer30], minlength=10).tolist()
    assert 0.2 < report["accuracy"] <= 1.0  # well above chance even for a tiny, brief MLP


@pytest.mark.parametrize("text", ["0-3", "31", "a-b", ""])
def test_bad_writer_ranges_are_user_errors(text, model, capsys):
    assert main(["eval", str(model), "--pendigits", text]) == 2
    assert "writers 1..30" in capsys.readouterr().err


def test_every_preset_named_in_the_help_examples_exists(capsys):
    import re

    from nndesk.presets import list_presets

    for command in COMMANDS:
        assert main([command, "--help"]) == 0
        named = re.findall(r"--preset (\S+)", capsys.readouterr().out)
        assert set(named) - {"NAME"} <= set(list_presets()), command


def test_version_prints_the_package_version(capsys):
    from importlib.metadata import version

    assert main(["--version"]) == 0
    out = capsys.readouterr().out.strip()
    assert out == f"nndesk {version('nndesk')}"


def test_train_documents_the_windows_training_images_limit_and_insight_reads_whole(capsys):
    """Anything the window does the CLI can do: its "train images" is `--limit N`, shown in
    the help (it was hidden as tests-only); the top help's insight line is a whole phrase."""
    assert main(["train", "--help"]) == 0
    out = capsys.readouterr().out
    assert "--limit N" in out and "first N training images" in out
    assert main(["--help"]) == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if x.startswith("    insight"))
    assert line.rstrip().endswith("its layers' health")
