"""MNIST missing: the window asks, downloads with a progress dialog, or explains what to do."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading

import pytest
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from nndesk.gui.download import ensure_mnist


@pytest.fixture
def mirror(mnist_dir, tmp_path):
    """A local HTTP mirror (127.0.0.1) serving a copy of the MNIST files."""
    served = tmp_path / "served"
    shutil.copytree(mnist_dir, served, ignore=shutil.ignore_patterns("*.md"))
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(served))
    handler.log_message = lambda *a: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture
def answers(monkeypatch):
    said: dict = {"question": QMessageBox.StandardButton.Yes, "warnings": [], "progress": []}
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: said["question"])
    monkeypatch.setattr(QMessageBox, "warning", lambda p, t, x, *a: said["warnings"].append(x))
    original = QProgressDialog.setValue
    monkeypatch.setattr(QProgressDialog, "setValue",
                        lambda self, v: (said["progress"].append(v), original(self, v)))
    return said


def test_download_with_progress_when_the_user_agrees(qtbot, tmp_path, mirror, answers):
    parent = QWidget()
    qtbot.addWidget(parent)
    target = tmp_path / "data"
    assert ensure_mnist(parent, str(target), mirrors=[mirror])
    assert sorted(p.name for p in target.iterdir()) == sorted(
        ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
         "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"])
    assert answers["progress"] and answers["progress"][-1] == 1000
    assert answers["progress"] == sorted(answers["progress"])
    assert ensure_mnist(parent, str(target))  # present now: no question, no download


def test_no_download_without_consent_and_failures_explained(qtbot, tmp_path, answers):
    parent = QWidget()
    qtbot.addWidget(parent)
    answers["question"] = QMessageBox.StandardButton.No
    assert not ensure_mnist(parent, str(tmp_path / "a"), mirrors=["http://127.0.0.1:9/"])
    assert not (tmp_path / "a").exists() or not any((tmp_path / "a").iterdir())
    answers["question"] = QMessageBox.StandardButton.Yes
    assert not ensure_mnist(parent, str(tmp_path / "b"), mirrors=["http://127.0.0.1:9/"])
    assert answers["warnings"] and "copy the four MNIST .gz files" in answers["warnings"][-1]
    assert not any(p.suffix == ".gz" for p in (tmp_path / "b").glob("*"))
