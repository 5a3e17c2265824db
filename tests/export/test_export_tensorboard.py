"""`nndesk train --tensorboard DIR`: the run's curves and weight histograms as TensorBoard
event files, read back here with a TFRecord reader of our own and the event protobuf."""

from __future__ import annotations

import struct
from collections import defaultdict

import pytest
from tensorboardX.proto import event_pb2

from nndesk.cli import main
from nndesk.train import load_model


def read_events(folder) -> list:
    """Every Event in the folder's event files (TFRecord: length, crc, data, crc)."""
    events = []
    for path in sorted(folder.glob("events.out.tfevents.*")):
        data = path.read_bytes()
        pos = 0
        while pos < len(data):
            (length,) = struct.unpack_from("<Q", data, pos)
            body = data[pos + 12:pos + 12 + length]
            pos += 12 + length + 4
            event = event_pb2.Event()
            event.ParseFromString(body)
            events.append(event)
    return events


def test_train_writes_loss_accuracies_lr_and_histograms(mnist_dir, tmp_path):
    out, logdir = tmp_path / "m.npz", tmp_path / "tb"
    assert main(["train", "--preset", "TwoLayerNet", "--epochs", "2", "--limit", "600",
                 "--batch-size", "100", "--schedule", "cosine", "--lr", "0.01",
                 "--data-dir", str(mnist_dir), "--out", str(out),
                 "--tensorboard", str(logdir)]) == 0
    scalars, histograms = defaultdict(dict), {}
    for event in read_events(logdir):
        for value in event.summary.value:
            if value.HasField("histo"):
                histograms[(value.tag, event.step)] = value.histo
            else:
                scalars[value.tag][event.step] = value.simple_value
    assert sorted(scalars["batch/loss"]) == list(range(1, 13))       # 2 epochs x 6 steps
    lrs = [scalars["batch/lr"][s] for s in range(1, 13)]
    assert lrs[0] == pytest.approx(0.01) and lrs == sorted(lrs, reverse=True)  # cosine
    history = load_model(out).metadata["history"]
    for record in history:
        for key in ("train_loss", "train_acc", "val_loss", "val_acc"):
            assert scalars[f"epoch/{key}"][record["epoch"]] == pytest.approx(record[key],
                                                                             rel=1e-6)
    weights = histograms[("1.Dense/W", 2)]
    assert weights.num == 784 * 50 and weights.min < 0 < weights.max
    assert ("3.Dense/b", 1) in histograms


def test_missing_folder_rights_are_one_clear_error(mnist_dir, tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert main(["train", "--preset", "SoftmaxRegression", "--epochs", "1", "--limit", "100",
                 "--data-dir", str(mnist_dir), "--out", str(tmp_path / "m.npz"),
                 "--tensorboard", str(blocker / "tb")]) == 2
    assert capsys.readouterr().err.startswith("nndesk: error: --tensorboard")


def test_logging_does_not_import_torch(tmp_path):
    """tensorboardX alone would import torch (seconds of start-up) when it is installed.

    A fresh interpreter (this one imported tensorboardX above); torch itself is never imported
    there, so the check takes the same steps on a slow machine: the timeout only guards
    against a hang."""
    import subprocess
    import sys

    code = ("import sys, importlib.util; from nndesk.export.tensorboard import TensorBoardLogger; "
            f"log = TensorBoardLogger({str(tmp_path)!r}); "
            "log.on_batch({'step': 1, 'loss': 0.5, 'lr': 0.1}); log.close(); "
            "print('torch' in sys.modules, 'tensorboardX' in sys.modules, "
            "importlib.util.find_spec('torch') is not None)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=1800)
    assert done.returncode == 0, done.stderr
    # torch not imported, its placeholder gone (find_spec raises on a None in sys.modules),
    # so a later `import torch` still works
    assert done.stdout.split() == ["False", "True", "True"]
    assert len(read_events(tmp_path)) >= 2                  # file version + the loss
