"""`nndesk export --to numpy DIR`: the network as the book would print it, NumPy only.

Writes DIR/network.py (the book's layer classes the design uses, copied from
`nndesk.export.book`, and a class for the design with `params`, `layers`, `predict`, `loss`,
`accuracy`, `gradient`) and DIR/params.npz (W1, b1, gamma1, beta1, ..., and the BatchNorm
running averages as running_mean1, running_var1). Parameter numbers follow the book's
MultiLayerNetExtend: Conv/Affine layers count 1, 2, 3, ...; a BatchNormalization takes the
number of the Conv/Affine before it.
"""

from __future__ import annotations

import inspect
import os
from pathlib import Path

import numpy as np

from nndesk.export import book
from nndesk.export.common import Step, atomic_dir, class_name, plan

__all__ = ["book_params", "numpy_source", "write_numpy"]

_CLASS = {"Conv2D": "Convolution", "Dense": "Affine", "MaxPool2D": "Pooling",
          "AvgPool2D": "AvgPooling", "BatchNorm": "BatchNormalization", "Dropout": "Dropout",
          "ReLU": "Relu", "LeakyReLU": "LeakyRelu", "Sigmoid": "Sigmoid", "Tanh": "Tanh",
          "Flatten": "Flatten"}


def _numbers(steps: list[Step]) -> dict[int, int]:
    """Layer index -> its parameter number (W3, gamma3): the book's numbering. A second
    BatchNorm after the same Conv/Affine (rare) takes the next number no gamma has."""
    out, n, taken = {}, 0, set()
    for step in steps:
        if step.type in ("Conv2D", "Dense"):
            n += 1
            out[step.index] = n
        elif step.type == "BatchNorm":
            k = max(n, 1)
            while k in taken:
                k += 1
            taken.add(k)
            out[step.index] = k
    return out


def book_params(spec: dict, state: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """nndesk's state_dict -> the arrays of params.npz (W1, b1, gamma1, running_mean1, ...)."""
    steps = plan(spec, recurrent=False)
    numbers = _numbers(steps)
    out: dict[str, np.ndarray] = {}
    for step in steps:
        i, n = step.index, numbers.get(step.index)
        if step.type in ("Conv2D", "Dense"):
            out[f"W{n}"], out[f"b{n}"] = state[f"{i}.W"], state[f"{i}.b"]
        elif step.type == "BatchNorm":
            out[f"gamma{n}"], out[f"beta{n}"] = state[f"{i}.gamma"], state[f"{i}.beta"]
            out[f"running_mean{n}"] = state[f"{i}.running_mean"]
            out[f"running_var{n}"] = state[f"{i}.running_var"]
    return out


def _layer_call(step: Step, n: int | None) -> str:
    c = step.config
    if step.type == "Conv2D":
        return (f'Convolution(self.params["W{n}"], self.params["b{n}"], '
                f'stride={c["stride"]}, pad={c["pad"]})')
    if step.type == "Dense":
        return f'Affine(self.params["W{n}"], self.params["b{n}"])'
    if step.type in ("MaxPool2D", "AvgPool2D"):
        p, s = c["pool_size"], c["stride"] or c["pool_size"]
        return f"{_CLASS[step.type]}(pool_h={p}, pool_w={p}, stride={s})"
    if step.type == "BatchNorm":
        return (f'BatchNormalization(\n{"":<12}self.params["gamma{n}"], self.params["beta{n}"], '
                f'momentum={c["momentum"]!r}, eps={c["eps"]!r},\n'
                f'{"":<12}running_mean=saved["running_mean{n}"], '
                f'running_var=saved["running_var{n}"])')
    if step.type == "Dropout":
        return f"Dropout({c['rate']!r})"
    if step.type == "LeakyReLU":
        return f"LeakyRelu({c['alpha']!r})"
    return f"{_CLASS[step.type]}()"


def numpy_source(spec: dict) -> str:
    """The text of network.py for a spec (ExportError names an unsupported layer)."""
    steps = plan(spec, recurrent=False)
    numbers = _numbers(steps)
    cls = class_name(spec)
    loss_cls = ("SoftmaxWithLoss" if spec.get("loss", "softmax_cross_entropy")
                == "softmax_cross_entropy" else "MeanSquaredLoss")
    used = {_CLASS[s.type] for s in steps} | {loss_cls}
    parts = ["softmax", "cross_entropy_error"]
    if used & {"Convolution", "Pooling", "AvgPooling"}:
        parts += ["im2col", "col2im"]
    parts += [name for name in book.__all__ if name in used]
    library = "\n\n".join(inspect.getsource(getattr(book, name)) for name in parts)
    keys = [k for k in book_params(spec, {k: None for k in _state_keys(steps)})
            if not k.startswith("running_")]      # params: what learns (running stats: layers)
    shape_in = ", ".join(map(str, steps[0].input_shape))
    lines = [
        f'"""{cls}, the network designed in nndesk, written as in Deep Learning from Scratch.',
        "",
        "Needs only NumPy. Written by `nndesk export --to numpy`, with the trained weights in",
        "params.npz beside this file:",
        "",
        f"    net = {cls}()                      # loads params.npz",
        f"    probabilities = net.probabilities(x)   # x: (N, {shape_in}) floats in [0, 1]",
        "    grads = net.gradient(x, t)             # t: labels (N,) or one-hot (N, 10)",
        "",
        "    python network.py images.npy out.npy   # probabilities of saved images",
        '"""',
        "",
        "import sys",
        "from collections import OrderedDict",
        "from pathlib import Path",
        "",
        "import numpy as np",
        "",
        'PARAMS_FILE = Path(__file__).with_name("params.npz")',
        "",
        "",
        library.rstrip(),
        "",
        "",
        f"class {cls}:",
        *_wrapped([s.book_name for s in steps] + [loss_cls], '    """', sep=" - ",
                  indent_rest="    "),
        "",
        f"    Input (N, {shape_in}); shapes below leave out the batch axis N.",
        '    """',
        "",
        "    def __init__(self, params_file=PARAMS_FILE):",
        "        saved = np.load(params_file)",
        "        self.params = {key: saved[key] for key in (",
        *_wrapped([f'"{k}"' for k in keys], "            "),
        "        )}",
        "        self.layers = OrderedDict()",
    ]
    for step in steps:
        shape = (f"({', '.join(map(str, step.input_shape))}) -> "
                 f"({', '.join(map(str, step.output_shape))})")
        lines.append(f"        # {shape}")
        lines.append(f'        self.layers["{step.book_name}"] = '
                     f"{_layer_call(step, numbers.get(step.index))}")
    grads = []
    for step in steps:
        n = numbers.get(step.index)
        if step.type in ("Conv2D", "Dense"):
            grads += [f'        grads["W{n}"] = self.layers["{step.book_name}"].dW',
                      f'        grads["b{n}"] = self.layers["{step.book_name}"].db']
        elif step.type == "BatchNorm":
            grads += [f'        grads["gamma{n}"] = self.layers["{step.book_name}"].dgamma',
                      f'        grads["beta{n}"] = self.layers["{step.book_name}"].dbeta']
    lines += [
        f"        self.last_layer = {loss_cls}()",
        "",
        "    def predict(self, x, train_flg=False):",
        '        """Class scores (N, K); dropout and batch norm act as in training when',
        '        train_flg is True."""',
        f"        x = x.reshape(len(x), {shape_in})",
        "        for layer in self.layers.values():",
        "            if isinstance(layer, (Dropout, BatchNormalization)):"
        if used & {"Dropout", "BatchNormalization"} else "            if False:",
        "                x = layer.forward(x, train_flg)",
        "            else:",
        "                x = layer.forward(x)",
        "        return x",
        "",
        "    def probabilities(self, x, batch_size=100):",
        '        """What nndesk\'s predict gives: the probabilities (N, K), in batches."""',
        "        out = [self.predict(x[i:i + batch_size]) for i in range(0, len(x), batch_size)]",
        "        y = np.concatenate(out)",
        "        return " + ("softmax(y)" if loss_cls == "SoftmaxWithLoss" else "y"),
        "",
        "    def loss(self, x, t, train_flg=True):",
        "        y = self.predict(x, train_flg)",
        "        return self.last_layer.forward(y, t)",
        "",
        "    def accuracy(self, x, t, batch_size=100):",
        "        y = self.probabilities(x, batch_size).argmax(axis=1)",
        "        if t.ndim != 1:",
        "            t = t.argmax(axis=1)",
        "        return float(np.mean(y == t))",
        "",
        "    def gradient(self, x, t):",
        '        """Gradients of the loss by backpropagation, keyed like params (ch. 5)."""',
        "        self.loss(x, t)",
        "        dout = self.last_layer.backward(1)",
        "        for layer in reversed(list(self.layers.values())):",
        "            dout = layer.backward(dout)",
        "        grads = {}",
        *grads,
        "        return grads",
        "",
        "",
        'if __name__ == "__main__":',
        f"    net = {cls}()",
        "    if len(sys.argv) == 3:",
        "        images = np.load(sys.argv[1]).astype(np.float32)",
        "        np.save(sys.argv[2], net.probabilities(images))",
        "    else:",
        "        for key, value in net.params.items():",
        '            print(f"{key:>8} {str(value.shape):>18}")',
        "",
    ]
    text = "\n".join(lines)
    return text.replace("    if False:\n                x = layer.forward(x, train_flg)\n"
                        "            else:\n                x = layer.forward(x)",
                        "    x = layer.forward(x)")


def _wrapped(items: list[str], indent: str, width: int = 92, sep: str = ", ",
             indent_rest: str | None = None) -> list[str]:
    """Items joined by `sep` over lines of at most `width` characters."""
    lines, line = [], indent
    for item in items:
        if len(line) + len(item) + len(sep) > width and line.strip(' "'):
            lines.append(line.rstrip())
            line = indent if indent_rest is None else indent_rest
        line += item + sep
    lines.append(line[:-len(sep)] + ("," if sep == ", " else ""))
    return lines


def _state_keys(steps: list[Step]) -> list[str]:
    names = {"Conv2D": ("W", "b"), "Dense": ("W", "b"),
             "BatchNorm": ("gamma", "beta", "running_mean", "running_var")}
    return [f"{s.index}.{k}" for s in steps for k in names.get(s.type, ())]


def write_numpy(model_file, out: str | os.PathLike, *, replace: bool = False) -> Path:
    """Export a `ModelFile` to the folder `out` (network.py, params.npz), atomically."""
    net = model_file.network
    spec = net.spec
    params = book_params(spec, net.state_dict())
    with atomic_dir(out, replace=replace) as tmp:
        (tmp / "network.py").write_text(numpy_source(spec), encoding="utf-8")
        with open(tmp / "params.npz", "wb") as f:
            np.savez(f, **params)
    return Path(out)
