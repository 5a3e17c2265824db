"""nndesk's engine: a float32 NumPy neural network built from a JSON-able spec. No Qt, no I/O.

Importing it changes nothing in the process: the entry points (the CLI's computing commands,
the window) call `keep_freed_memory()` themselves (memory.py says why).
"""

from nndesk.nn import functions, perceptron
from nndesk.nn.base import INIT_CHOICES, Layer, Setting
from nndesk.nn.bidirectional import Bidirectional
from nndesk.nn.data_parallel import train_step
from nndesk.nn.gradcheck import gradcheck, rel_error
from nndesk.nn.layers import (
    LAYER_DOCS,
    LAYERS,
    AvgPool2D,
    BatchNorm,
    Conv2D,
    Dense,
    Dropout,
    Flatten,
    LeakyReLU,
    MaxPool2D,
    ReLU,
    Sigmoid,
    Tanh,
)
from nndesk.nn.losses import LOSSES, MeanSquaredError, SoftmaxCrossEntropy
from nndesk.nn.memory import keep_freed_memory, release_freed_memory
from nndesk.nn.network import Network
from nndesk.nn.optimizers import (
    OPTIMIZERS,
    SGD,
    AdaGrad,
    Adam,
    Momentum,
    Nesterov,
    Optimizer,
    RMSprop,
    make_optimizer,
)
from nndesk.nn.recurrent import GRU, LSTM, RNN, Recurrent, lengths_mask
from nndesk.nn.spec import LayerInfo, SpecError, infer

__all__ = [
    "functions", "perceptron",
    "Layer", "Setting", "INIT_CHOICES", "LAYERS", "LAYER_DOCS",
    "Dense", "Conv2D", "MaxPool2D", "AvgPool2D", "Flatten", "ReLU", "LeakyReLU", "Sigmoid",
    "Tanh", "BatchNorm", "Dropout",
    "Recurrent", "RNN", "GRU", "LSTM", "Bidirectional", "lengths_mask",
    "LOSSES", "SoftmaxCrossEntropy", "MeanSquaredError",
    "Network", "infer", "LayerInfo", "SpecError",
    "Optimizer", "SGD", "Momentum", "Nesterov", "AdaGrad", "RMSprop", "Adam", "OPTIMIZERS",
    "make_optimizer", "train_step",
    "gradcheck", "rel_error", "keep_freed_memory", "release_freed_memory",
]
