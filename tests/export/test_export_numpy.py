"""`nndesk export --to numpy`: one NumPy-only file in the book's vocabulary that predicts
what nndesk predicts and backpropagates the gradients nndesk computes."""

from __future__ import annotations

import ast
import copy
import importlib.util
import os
import subprocess
import sys

import numpy as np
import pytest
from export_helpers import EVERY_LAYER, every_layer_network

from nndesk.cli import main
from nndesk.export.numpy_book import write_numpy
from nndesk.train import ModelFile


def export(model, out):
    assert main(["export", str(model), "--to", "numpy", str(out)]) == 0
    return out


@pytest.mark.parametrize("which", ["shipped", "every_layer"])
def test_the_file_reproduces_nndesks_probabilities(which, shipped_path, every_layer_path,
                                                   test_images, nndesk_probabilities,
                                                   tmp_path):
    path = shipped_path if which == "shipped" else every_layer_path
    folder = export(path, tmp_path / "book")
    n = 300 if which == "shipped" else 1000   # the book's im2col is slow on DigitNet: 300 do
    np.save(tmp_path / "x.npy", test_images[:n])
    done = subprocess.run([sys.executable, str(folder / "network.py"), str(tmp_path / "x.npy"),
                           str(tmp_path / "p.npy")], capture_output=True, text=True, timeout=300,
                          cwd=tmp_path, env={**os.environ, "OMP_NUM_THREADS": "1"})
    assert done.returncode == 0, done.stderr
    got = np.load(tmp_path / "p.npy")
    expected = nndesk_probabilities(path)[:n]
    assert got.shape == (n, 10)
    assert np.abs(got - expected).max() < 1e-5


def test_it_needs_only_numpy_and_speaks_the_books_words(shipped_path, tmp_path):
    text = (export(shipped_path, tmp_path / "book") / "network.py").read_text()
    imported = set()
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Import):
            imported |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            imported.add(node.module.split(".")[0])
    assert imported == {"numpy", "sys", "collections", "pathlib"}
    for word in ("class Convolution", "class Pooling", "class Affine", "class Relu",
                 "class SoftmaxWithLoss", "class BatchNormalization", "class Dropout",
                 "def im2col", "def col2im", "self.params", "def predict", "def loss",
                 "def gradient", 'self.layers["Conv1"] = Convolution(self.params["W1"]'):
        assert word in text, word
    assert "class Sigmoid" not in text          # only the layers this design uses
    assert sorted(np.load(tmp_path / "book" / "params.npz")) == sorted(
        [f"{k}{n}" for n in (1, 2, 3) for k in ("W", "b", "gamma", "beta", "running_mean",
                                                "running_var")] + ["W4", "b4"])


def _load(folder):
    spec = importlib.util.spec_from_file_location(f"book_{abs(hash(folder))}",
                                                  folder / "network.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_gradient_equals_nndesks_backprop(tmp_path, test_images):
    """The book file's `gradient` against nndesk's backward on the same batch (train mode;
    dropout off so both see the same network)."""
    spec = copy.deepcopy(EVERY_LAYER)
    for layer in spec["layers"]:
        if layer["type"] == "Dropout":
            layer["rate"] = 0.0
    net = every_layer_network(spec)
    model = ModelFile(network=net, spec=net.spec, metadata={}, checkpoint=None)
    module = _load(write_numpy(model, tmp_path / "book"))
    book_net = module.EveryLayer()
    x = test_images[:32].astype(np.float64)
    t = np.arange(32) % 10
    before = {k: v.copy() for k, v in net.state_dict().items()}
    net64 = every_layer_network(spec)
    net64.load_state_dict(before)
    loss = net64.loss(x, t, train=True)
    net64.backward()
    grads = net64.grads()
    assert abs(book_net.loss(x, t) - loss) < 1e-5
    book_grads = book_net.gradient(x, t)
    names = {"0.W": "W1", "0.b": "b1", "1.gamma": "gamma1", "1.beta": "beta1", "4.W": "W2",
             "7.W": "W3", "8.W": "W4", "9.gamma": "gamma4", "12.W": "W5", "15.b": "b6"}
    for key, book_key in names.items():
        a, b = grads[key], book_grads[book_key]
        assert a.shape == b.shape, key
        assert np.abs(a - b).max() <= 1e-4 * max(1.0, np.abs(a).max()), key
    assert set(book_grads) == set(book_net.params)
