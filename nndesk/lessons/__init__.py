"""The books' chapters as computations: the numbers every lesson page shows. No Qt.

One module per chapter (Deep Learning from Scratch, 深度学习入门 / ゼロから作るDeep Learning,
and Nielsen's Neural Networks and Deep Learning). Each function computes with nndesk's engine
(`nndesk.nn`) and names the figure it reproduces; the tests check the books' values.
"""

__all__ = ["perceptrons", "activations", "learning", "backprop", "optimizer_paths",
           "weight_init", "convolution", "nielsen"]
