"""`nndesk export --to pytorch`: model.py + weights.pt give nndesk's probabilities, train.py
trains (CPU, and torchrun with two gloo processes), and `nndesk import` brings it back."""

from __future__ import annotations

import importlib.util
import os
import socket
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import torch
from export_helpers import every_layer_network

from nndesk.cli import main
from nndesk.train import load_model


def export(model: Path, out: Path) -> Path:
    assert main(["export", str(model), "--to", "pytorch", str(out)]) == 0
    return out


def load_module(folder: Path):
    """Import the exported model.py as a learner would (`from model import ...`)."""
    spec = importlib.util.spec_from_file_location(f"model_{abs(hash(folder))}", folder / "model.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_env() -> dict:
    """One thread per process: the machine is shared; no network for the script."""
    return {**os.environ, "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


@pytest.mark.parametrize("which", ["shipped", "every_layer"])
def test_module_gives_nndesks_probabilities(which, shipped_path, every_layer_path, test_images,
                                            nndesk_probabilities, tmp_path):
    path = shipped_path if which == "shipped" else every_layer_path
    module = load_module(export(path, tmp_path / "torch"))
    expected = nndesk_probabilities(path)
    got = module.predict(module.load_model(), test_images).numpy()
    assert got.shape == expected.shape == (1000, 10)
    assert np.abs(got - expected).max() < 1e-5
    assert (got.argmax(1) == expected.argmax(1)).all()


def test_model_py_names_layers_and_matches_the_spec(shipped_path, tmp_path):
    folder = export(shipped_path, tmp_path / "torch")
    text = (folder / "model.py").read_text()
    assert "class DigitNet(nn.Module):" in text
    assert "self.conv1 = nn.Conv2d(1, 32, kernel_size=5, padding=2)" in text
    assert "nn.BatchNorm2d(32, eps=1e-05, momentum=0.1)" in text   # nndesk's 0.9 = torch 0.1
    assert "nn.BatchNorm1d(256" in text and "nn.Dropout(0.4)" in text
    assert "# (N, 64, 7, 7)" in text and "# (N, 3136)" in text       # shapes in comments
    state = torch.load(folder / "weights.pt", weights_only=True)
    assert list(state)[:7] == ["conv1.weight", "conv1.bias", "bn1.weight", "bn1.bias",
                               "bn1.running_mean", "bn1.running_var", "bn1.num_batches_tracked"]
    assert state["fc1.weight"].shape == (256, 3136)                  # torch's (out, in)
    net = load_model(shipped_path).network
    np.testing.assert_array_equal(state["fc1.weight"].numpy(), net.params()["8.W"].T)
    np.testing.assert_array_equal(state["bn3.running_var"].numpy(),
                                  net.state_dict()["9.running_var"])
    assert len((folder / "README.md").read_text().strip().splitlines()) == 3


def test_exported_code_passes_ruff(shipped_path, every_layer_path, tmp_path):
    for name, path in (("a", shipped_path), ("b", every_layer_path)):
        export(path, tmp_path / name)
    done = subprocess.run([sys.executable, "-m", "ruff", "check", "--isolated",
                           "--line-length", "100", "--select", "E,F,W,B",
                           str(tmp_path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_train_py_runs_20_steps_on_cpu_and_import_reads_its_state_dict(
        shipped_path, mnist_dir, test_images, tmp_path):
    folder = export(shipped_path, tmp_path / "torch")
    done = subprocess.run(
        [sys.executable, "train.py", "--max-steps", "20", "--limit", "2000",
         "--eval-limit", "200", "--data-dir", str(mnist_dir), "--device", "cpu",
         "--out", "trained.pt", "--logdir", "runs"],
        cwd=folder, env=run_env(), capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "epoch 1  step 20 " in done.stdout, done.stdout
    assert list((folder / "runs").glob("events.out.tfevents.*"))       # TensorBoard log
    trained = torch.load(folder / "trained.pt", weights_only=True)
    start = torch.load(folder / "weights.pt", weights_only=True)
    assert not torch.equal(trained["conv1.weight"], start["conv1.weight"])  # it trained
    # and back into nndesk: the same probabilities as the trained torch module
    assert main(["import", str(folder / "trained.pt"), "--out", str(tmp_path / "back.npz")]) == 0
    module = load_module(folder)
    x = test_images[:200]                          # 1,000-image parity: the tests above
    expected = module.predict(module.load_model(folder / "trained.pt"), x).numpy()
    got = load_model(tmp_path / "back.npz").network.predict(x)
    assert np.abs(got - expected).max() < 1e-5


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_torchrun_two_gloo_processes_end_with_equal_weights(shipped_path, mnist_dir, tmp_path):
    folder = export(shipped_path, tmp_path / "torch")
    done = subprocess.run(
        [sys.executable, "-m", "torch.distributed.run", "--nproc_per_node", "2",
         "--master_addr", "127.0.0.1", "--master_port", str(_free_port()), "train.py",
         "--max-steps", "4", "--limit", "1000", "--eval-limit", "200", "--device", "cpu",
         "--data-dir", str(mnist_dir), "--logdir", "", "--save-every-rank", "--out", "ddp.pt"],
        cwd=folder, env=run_env(), capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-3000:]
    sums = sorted(line for line in done.stdout.splitlines() if line.startswith("rank "))
    assert [s.split(":")[0] for s in sums] == ["rank 0", "rank 1"], done.stdout
    assert sums[0].split(":")[1] == sums[1].split(":")[1]                # same steps, same sum
    ranks = [torch.load(folder / f"ddp.rank{r}.pt", weights_only=True) for r in (0, 1)]
    start = torch.load(folder / "weights.pt", weights_only=True)
    for key in start:
        assert torch.equal(ranks[0][key], ranks[1][key]), key
    assert not torch.equal(ranks[0]["fc1.weight"], start["fc1.weight"])  # both trained


def test_round_trip_train_a_few_hundred_steps_then_import(every_layer_path, mnist_dir,
                                                          test_images, tmp_path):
    """export -> PyTorch trains 200 steps (SGD momentum, step schedule, dropout, BatchNorm)
    -> nndesk import -> nndesk's predictions equal PyTorch's."""
    folder = export(every_layer_path, tmp_path / "torch")
    done = subprocess.run(
        [sys.executable, "train.py", "--epochs", "1", "--limit", "10000", "--eval-limit", "200",
         "--data-dir", str(mnist_dir), "--device", "cpu", "--logdir", "", "--out", "t.pt"],
        cwd=folder, env=run_env(), capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "step 200 " in done.stdout, done.stdout
    assert main(["import", str(folder / "t.pt"), "--out", str(tmp_path / "back.npz")]) == 0
    back = load_model(tmp_path / "back.npz")
    assert back.spec["layers"] == load_model(every_layer_path).spec["layers"]
    module = load_module(folder)
    expected = module.predict(module.load_model(folder / "t.pt"), test_images).numpy()
    got = back.network.predict(test_images)
    assert np.abs(got - expected).max() < 1e-5
    assert (got.argmax(1) == np.asarray(load_mnist_labels(mnist_dir))).mean() > 0.5  # learned


def load_mnist_labels(mnist_dir):
    from nndesk.data.mnist import load_mnist

    return load_mnist(data_dir=mnist_dir).t_test[:1000]


class _Boom:
    """An object whose unpickling would run code: it must never be unpickled."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (Path.touch, (self.marker,))


def test_import_never_unpickles_objects(every_layer_path, tmp_path, capsys):
    folder = export(every_layer_path, tmp_path / "torch")
    marker = tmp_path / "code-ran"
    bad = folder / "evil.pt"
    state = torch.load(folder / "weights.pt", weights_only=True)
    torch.save({**state, "payload": _Boom(marker)}, bad)
    out = tmp_path / "evil.npz"
    assert main(["import", str(bad), "--out", str(out)]) == 2
    assert "not a PyTorch state_dict nndesk can read safely" in capsys.readouterr().err
    assert not marker.exists() and not out.exists()


def test_import_names_a_missing_tensor(every_layer_path, tmp_path, capsys):
    folder = export(every_layer_path, tmp_path / "torch")
    state = torch.load(folder / "weights.pt", weights_only=True)
    del state["bn2.running_var"]
    torch.save(state, folder / "partial.pt")
    assert main(["import", str(folder / "partial.pt"), "--out", str(tmp_path / "p.npz")]) == 2
    assert "'bn2.running_var'" in capsys.readouterr().err
    assert not (tmp_path / "p.npz").exists()


def test_every_layer_network_is_deterministic():
    a, b = every_layer_network(), every_layer_network()
    for key, value in a.state_dict().items():
        np.testing.assert_array_equal(value, b.state_dict()[key])


def _train_module(folder: Path, monkeypatch):
    """Import the exported train.py (and its `from model import ...`) in this process."""
    monkeypatch.syspath_prepend(str(folder))
    monkeypatch.delitem(sys.modules, "model", raising=False)
    spec = importlib.util.spec_from_file_location(f"train_{abs(hash(folder))}",
                                                  folder / "train.py")
    train = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(train)
    monkeypatch.delitem(sys.modules, "model", raising=False)
    return train


def test_train_py_downloads_missing_files_then_splits_as_nndesk(every_layer_path, mnist_dir,
                                                                tmp_path, monkeypatch):
    import shutil

    from nndesk.data.mnist import load_mnist

    train = _train_module(export(every_layer_path, tmp_path / "torch"), monkeypatch)
    fetched = []

    def fake_urlretrieve(url, path):   # no network in tests: the "mirror" is the local copy
        fetched.append(url.rsplit("/", 1)[1])
        shutil.copyfile(mnist_dir / url.rsplit("/", 1)[1], path)

    monkeypatch.setattr(train.urllib.request, "urlretrieve", fake_urlretrieve)
    train.download(tmp_path / "data")
    assert sorted(fetched) == sorted(f"{name}.gz" for name in train.FILES.values())
    data = train.load_mnist(tmp_path / "data")
    ours = load_mnist(flatten=False, data_dir=mnist_dir)
    np.testing.assert_array_equal(data["x_val"][:50].numpy(), ours.x_val[:50])
    np.testing.assert_array_equal(data["t_train"].numpy(), ours.t_train)
    train.download(tmp_path / "data")                   # nothing missing: nothing fetched
    assert len(fetched) == 4


def test_train_py_keeps_the_models_optimizer_and_schedule(every_layer_path, tmp_path,
                                                          monkeypatch):
    """The every-layer model was made with momentum SGD, lr 0.05, a step schedule halving
    every epoch, batch 50: train.py's optimizer and learning rates are those."""
    from nndesk.train.schedules import lr_at

    train = _train_module(export(every_layer_path, tmp_path / "torch"), monkeypatch)
    assert (train.SETTINGS["optimizer"], train.SETTINGS["lr"], train.SETTINGS["batch_size"],
            train.SETTINGS["schedule"]) == ("momentum", 0.05, 50, "step")
    model = train.Net()
    opt = train.make_optimizer(model, 0.05)
    assert type(opt) is torch.optim.SGD and opt.defaults["momentum"] == 0.9
    assert not opt.defaults["nesterov"]
    decayed = {id(p) for p in opt.param_groups[0]["params"]}
    assert decayed == {id(p) for name, p in model.named_parameters()
                       if name.startswith(("conv", "fc")) and name.endswith("weight")}
    for step in (0, 99, 100, 250, 399):
        expected = lr_at("step", 0.05, step, 100, 2, step_size=1, gamma=0.5)
        assert 0.05 * train.lr_at(step, 100, 2) == pytest.approx(expected)
