"""Build the PyTorch twin of an nndesk spec, layer for layer, and copy nndesk's weights into it."""

from __future__ import annotations

import numpy as np

__all__ = ["TorchNet", "to_torch"]


def _pair(v) -> tuple[int, int]:
    """An int or a pair of ints as a pair."""
    return (int(v), int(v)) if np.isscalar(v) else (int(v[0]), int(v[1]))


class TorchNet:
    """A torch `nn.Sequential` plus, for each spec layer, the torch module holding its weights."""

    def __init__(self, torch, spec: dict, channels_last: bool = False):
        self.torch = torch
        self.spec = spec
        self.loss_name = spec.get("loss", "softmax_cross_entropy")
        mods, self.owner = _translate(torch, spec)
        self.model = torch.nn.Sequential(*mods)
        self.channels_last = channels_last  # NHWC memory: PyTorch's faster CPU pooling path
        if channels_last:
            self.model = self.model.to(memory_format=torch.channels_last)

    def _input(self, x):
        if self.channels_last and x.dim() == 4:
            return x.contiguous(memory_format=self.torch.channels_last)
        return x

    def loss(self, x, t):
        """The spec's loss on a batch; `t` are int64 labels."""
        F = self.torch.nn.functional
        y = self.model(self._input(x))
        if self.loss_name == "mse":
            return F.mse_loss(y, F.one_hot(t, y.shape[1]).to(y.dtype), reduction="sum") \
                / (2 * y.shape[0])
        return F.cross_entropy(y, t)

    def predict(self, x):
        """Class probabilities in eval mode, no autograd."""
        self.model.eval()
        with self.torch.inference_mode():
            return self.torch.softmax(self.model(self._input(x)), dim=1)

    def load_nndesk(self, state: dict[str, np.ndarray]) -> None:
        """Copy an nndesk `state_dict()` ("0.W", "2.running_mean", ...) into the torch modules."""
        torch = self.torch
        with torch.no_grad():
            for key, value in state.items():
                index, name = key.split(".", 1)
                mod = self.owner[int(index)]
                if isinstance(mod, torch.nn.Linear) and name == "W":
                    target = mod.weight
                    value = value.T if value.shape == tuple(target.shape[::-1]) else value
                else:
                    target = {"W": "weight", "b": "bias", "gamma": "weight", "beta": "bias",
                              "running_mean": "running_mean", "running_var": "running_var"}[name]
                    target = getattr(mod, target)
                target.copy_(torch.from_numpy(np.ascontiguousarray(value)).reshape(target.shape))


def _translate(torch, spec: dict):
    """torch modules for the spec, and {spec index: module with weights}."""
    nn = torch.nn
    shape = tuple(spec["input_shape"])
    mods, owner = [], {}
    for i, layer in enumerate(spec["layers"]):
        kind = layer["type"]
        if kind == "Conv2D":
            k = _pair(layer["kernel_size"])
            mod = nn.Conv2d(shape[0], layer["filters"], k, stride=_pair(layer.get("stride", 1)),
                            padding=_pair(layer.get("pad", 0)))
            owner[i] = mod
            mods.append(mod)
            shape = _out_shape(torch, mod, shape)
        elif kind in ("MaxPool2D", "AvgPool2D"):
            size = _pair(layer.get("pool_size", 2))
            stride = layer.get("stride") or size
            cls = nn.MaxPool2d if kind == "MaxPool2D" else nn.AvgPool2d
            mod = cls(size, stride=_pair(stride))
            mods.append(mod)
            shape = _out_shape(torch, mod, shape)
        elif kind == "Dense":
            if len(shape) > 1:
                mods.append(nn.Flatten())
                shape = (int(np.prod(shape)),)
            mod = nn.Linear(shape[0], layer["units"])
            owner[i] = mod
            mods.append(mod)
            shape = (layer["units"],)
        elif kind == "Flatten":
            mods.append(nn.Flatten())
            shape = (int(np.prod(shape)),)
        elif kind == "BatchNorm":
            cls = nn.BatchNorm2d if len(shape) == 3 else nn.BatchNorm1d
            mod = cls(shape[0], eps=layer.get("eps", 1e-5),
                      momentum=1.0 - layer.get("momentum", 0.9))
            owner[i] = mod
            mods.append(mod)
        elif kind == "Dropout":
            mods.append(nn.Dropout(layer.get("rate", 0.5)))
        elif kind in _ACTIVATIONS:
            mods.append(_ACTIVATIONS[kind](nn, layer))
        else:
            raise ValueError(f"layer {i + 1} ({kind}): no PyTorch translation")
    return mods, owner


_ACTIVATIONS = {
    "ReLU": lambda nn, layer: nn.ReLU(),
    "LeakyReLU": lambda nn, layer: nn.LeakyReLU(layer.get("alpha", 0.01)),
    "Sigmoid": lambda nn, layer: nn.Sigmoid(),
    "Tanh": lambda nn, layer: nn.Tanh(),
}


def _out_shape(torch, mod, shape: tuple) -> tuple:
    """Output shape (without batch) of `mod` on a zero input of `shape`."""
    with torch.no_grad():
        return tuple(mod(torch.zeros((1, *shape))).shape[1:])


def to_torch(torch, spec: dict, state: dict[str, np.ndarray] | None = None,
             channels_last: bool = False) -> TorchNet:
    """The torch twin of `spec` (float32), with nndesk's weights when `state` is given."""
    net = TorchNet(torch, spec, channels_last)
    if state is not None:
        net.load_nndesk(state)
    return net
