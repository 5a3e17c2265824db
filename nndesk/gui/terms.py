"""Words of the window that name the engine's things: setting labels, choices and tooltips.

The engine names settings as Keras does (`units`, `kernel_size`); the window shows them in the
user's language, with a tooltip saying what the setting does, a sensible range and the chapter
of the books (ゼロから作るDeep Learning / 深度学习入门 / Deep Learning from Scratch) that
explains it. The values saved in specs and configs stay the engine's names.
"""

from __future__ import annotations

import html

from nndesk.gui.i18n import N_, tr

__all__ = ["setting_label", "setting_tip", "choice_label", "config_value", "layer_tip",
           "train_label", "train_tip", "design_name", "SCHEDULE_LABELS", "INIT_LABELS",
           "OPTIMIZER_LABELS", "TRAIN_LABELS", "SETTING_LABELS"]

# Layer settings (nndesk.nn LAYERS[t].SETTINGS) -> label, tooltip.
SETTING_LABELS = {
    "units": N_("units"), "init": N_("initial weights"), "filters": N_("filters"),
    "kernel_size": N_("kernel size"), "stride": N_("stride"), "pad": N_("padding"),
    "pool_size": N_("pool size"), "alpha": N_("negative slope"),
    "momentum": N_("running-average momentum"), "eps": N_("epsilon"), "rate": N_("drop rate"),
    "return_sequences": N_("return sequences"), "bidirectional": N_("bidirectional"),
}
SETTING_TIPS = {
    "units": N_("How many neurons this layer has: its output size. Hidden layers: 50-1000; "
                "the last layer: 10, one per digit. Book ch. 3 and 5 (Affine layer)."),
    "init": N_("How the weights start: auto picks He before ReLU and Xavier before sigmoid or "
               "tanh; a number is the standard deviation of a normal distribution (0.01 is "
               "the book's first choice). Book ch. 6.2."),
    "filters": N_("How many filters slide over the input: the number of output channels. "
                  "Usually 8-128. Book ch. 7.2."),
    "kernel_size": N_("Height and width of each filter in pixels. 3 or 5 are usual; it must "
                      "fit the input (with padding). Book ch. 7.2."),
    "stride": N_("Step between two positions of the filter or window. 1 for convolutions; "
                 "for pooling, empty means the window size (no overlap). Book ch. 7.2-7.3."),
    "pad": N_("Zero pixels added around the input. (kernel size - 1) / 2 keeps the size: 1 for "
              "3x3, 2 for 5x5. Book ch. 7.2."),
    "pool_size": N_("Height and width of the pooling window. 2 halves the image. Book ch. 7.3."),
    "alpha": N_("Slope of Leaky ReLU for negative inputs. 0.01-0.3; 0 is plain ReLU."),
    "momentum": N_("How slowly Batch Normalization's running mean and variance follow the "
                   "batches (used when predicting). 0.9-0.99. Book ch. 6.3."),
    "eps": N_("A tiny number added to the variance so Batch Normalization never divides by "
              "zero. Leave it at 1e-5. Book ch. 6.3."),
    "rate": N_("Share of neurons silenced at random during training, against overfitting. "
               "0.2-0.5; 0 turns Dropout off. Book ch. 6.4."),
    "return_sequences": N_("On: output the hidden state h at every time step (steps x units), "
                           "to feed another recurrent layer (a deep RNN). Off: only the last "
                           "h, for a Dense layer. Deep Learning from Scratch 2, ch. 5-6."),
    "bidirectional": N_("On: a second layer reads the sequence from its end to its start, and "
                        "the two hidden states are joined (2 x units), so every step sees the "
                        "whole sequence. Deep Learning from Scratch 2, ch. 8.5."),
}
INIT_LABELS = {"auto": N_("auto"), "he": N_("He"), "xavier": N_("Xavier")}
SCHEDULE_LABELS = {"constant": N_("constant"), "step": N_("step decay"), "cosine": N_("cosine")}
# Optimizers by the book's names (ch. 6.1; the Chinese and Japanese editions keep them too),
# keyed by the lower-case spelling a config may hold ("adam"): names, so not translated.
OPTIMIZER_LABELS = {"sgd": "SGD", "momentum": "Momentum", "nesterov": "Nesterov",
                    "adagrad": "AdaGrad", "rmsprop": "RMSprop", "adam": "Adam"}
LAYER_TIPS = {
    "Dense": N_("Dense (the book's Affine layer): every input connects to every neuron. "
                "Book ch. 3 and 5."),
    "Conv2D": N_("Convolution: small learnable filters slide over the image. Book ch. 7.2."),
    "MaxPool2D": N_("Max pooling: keeps the largest value of each window. Book ch. 7.3."),
    "AvgPool2D": N_("Average pooling: the mean of each window. Book ch. 7.3."),
    "Flatten": N_("Flatten: turns an image into one long vector."),
    "ReLU": N_("ReLU: max(0, x), the usual activation function. Book ch. 3.2 and 5.5."),
    "LeakyReLU": N_("Leaky ReLU: like ReLU, but negative inputs keep a small slope."),
    "Sigmoid": N_("Sigmoid: squashes into (0, 1), the classic activation. Book ch. 3.2."),
    "Tanh": N_("Tanh: squashes into (-1, 1), centred on zero."),
    "BatchNorm": N_("Batch Normalization: each feature gets zero mean and unit variance over "
                    "the mini-batch. Book ch. 6.3."),
    "Dropout": N_("Dropout: silences random neurons while training, against overfitting. "
                  "Book ch. 6.4."),
    "RNN": N_("RNN: a hidden state h carried from time step to time step, h = tanh(x W + h U "
              "+ b). Deep Learning from Scratch 2, ch. 5."),
    "GRU": N_("GRU: an RNN whose update and reset gates decide what the hidden state keeps. "
              "Deep Learning from Scratch 2, ch. 6."),
    "LSTM": N_("LSTM: an RNN with a memory cell and forget, input and output gates; gradients "
               "survive long sequences. Deep Learning from Scratch 2, ch. 6."),
}

# Training settings (the window's TrainConfig subset) -> label, tooltip.
TRAIN_LABELS = {
    "optimizer": N_("optimizer"), "lr": N_("learning rate"), "batch_size": N_("batch size"),
    "epochs": N_("epochs"), "weight_decay": N_("weight decay"), "schedule": N_("schedule"),
    "augment": N_("augment"), "seed": N_("seed"), "val_split": N_("validation"),
    "train_limit": N_("train images"), "early_stop": N_("early stop"),
    "tensorboard": N_("TensorBoard log"),
    # TrainConfig's settings the panel does not show (runs from a file, Compare runs)
    "momentum": N_("momentum"), "step_size": N_("decay every (epochs)"),
    "gamma": N_("decay factor"), "warmup_epochs": N_("warm-up epochs"),
    "elastic_alpha": N_("elastic distortion strength"),
    "elastic_sigma": N_("elastic distortion smoothness"),
    "restore_best": N_("back to the best epoch"), "eval_test": N_("test accuracy every epoch"),
    "train_eval_size": N_("training images measured"),
    "eval_batch_size": N_("evaluation batch size"), "snapshot_every_s": N_("snapshot every (s)"),
}
TRAIN_TIPS = {
    "optimizer": N_("How the weights move along the gradient: SGD, Momentum, AdaGrad, Adam "
                    "(usually the safest start). Book ch. 6.1."),
    "lr": N_("Learning rate: the size of each step. Adam: 0.001; SGD: 0.01-0.1. Too high and "
             "the loss explodes, too low and nothing happens. Type 0.001 or 1e-3. Book ch. 4.4 "
             "and 6.1."),
    "batch_size": N_("Images per mini-batch: one gradient step each. 32-256 is usual; smaller "
                     "is noisier and slower per image. Book ch. 4.2."),
    "epochs": N_("How many times to go through all training images. 5-20 for MNIST. "
                 "Book ch. 4.5."),
    "weight_decay": N_("Weight decay: pulls weights toward zero, against overfitting. 0 (off) "
                       "to 0.001; 0.0001 is a good start. Book ch. 6.4."),
    "schedule": N_("Learning rate over time: constant, step decay (x0.1 every 5 epochs) or "
                   "cosine (smoothly down to 0)."),
    "augment": N_("Random shifts, rotations and scaling of the training images: more varied "
                  "data, better on hand-drawn digits. Book ch. 8.1."),
    "seed": N_("Starting point of every random choice (weights, shuffling): the same seed "
               "gives the same run. Any whole number from 0."),
    "val_split": N_("Training images kept aside to check the network (validation data), never "
                    "trained on. 5000 is usual; 0 turns validation off. Book ch. 6.5."),
    "train_limit": N_("Train on the first N images only (quick experiments); all = 55000 "
                      "after the validation split."),
    "early_stop": N_("Stop after this many epochs without a better validation accuracy, and "
                     "go back to the best epoch. 3-5; off trains every epoch. Book ch. 6.4."),
    "tensorboard": N_("Also write the run's loss, accuracies, learning rate and weight "
                      "histograms as TensorBoard event files: one folder per run, in the "
                      "tensorboard folder of the runs folder. Needs pip install "
                      "'nndesk[tensorboard]' (tensorboardX, about 1 MB). To view: "
                      "tensorboard --logdir and that folder "
                      "(the status line gives the command after a run)."),
}


def rich(text: str) -> str:
    """A tooltip Qt word-wraps (rich text) instead of one screen-wide line; "" stays ""."""
    return f"<qt>{html.escape(text, quote=False)}</qt>" if text else ""


def setting_label(name: str) -> str:
    """'kernel_size' -> 'kernel size' in the window's language (unknown names unchanged)."""
    return tr(SETTING_LABELS[name]) if name in SETTING_LABELS else name


def setting_tip(name: str) -> str:
    """What a layer setting does, a sensible range and the book's chapter."""
    return rich(tr(SETTING_TIPS[name])) if name in SETTING_TIPS else ""


def choice_label(value: str) -> str:
    """A choice shown in a combo box: 'constant', 'he', ... in the window's language; an
    optimizer by its book name whatever its case ('adam', 'Adam' -> 'Adam')."""
    table = {**INIT_LABELS, **SCHEDULE_LABELS}
    if value in table:
        return tr(table[value])
    return OPTIMIZER_LABELS.get(value.lower(), value) if isinstance(value, str) else value


def config_value(value: object) -> str:
    """A setting's value as the window shows it: a switch "on"/"off", a choice by
    `choice_label`, a float as the training panel's box writes it (`float_box.compact`:
    "1000", "0.001", "1e-06"; QA: Compare runs showed "1000.0"), any other as it is."""
    if isinstance(value, bool):
        return tr("on") if value else tr("off")
    if isinstance(value, float):
        from nndesk.gui.float_box import compact

        return compact(value)
    return choice_label(value) if isinstance(value, str) else str(value)


def layer_tip(layer_type: str) -> str:
    """One line about a layer type (the Add layer menu, the layer kind box)."""
    return rich(tr(LAYER_TIPS[layer_type])) if layer_type in LAYER_TIPS else layer_type


def train_label(name: str) -> str:
    """A training setting's label in the window's language."""
    return tr(TRAIN_LABELS[name]) if name in TRAIN_LABELS else name


def train_tip(name: str) -> str:
    """What a training setting does, a sensible range and the chapter."""
    return rich(tr(TRAIN_TIPS[name])) if name in TRAIN_TIPS else ""


def design_name(name: object) -> str:
    """A design's name as the window shows it: an edited preset's name "custom" in the
    window's language, any other name (a preset's, a file's) as it is."""
    text = str(name)
    return tr("custom") if text == "custom" else text
