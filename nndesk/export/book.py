"""The layers of Deep Learning from Scratch (ch. 5-7), as the NumPy export prints them.

`nndesk export --to numpy` copies the source of the functions and classes a network needs
from this module into one file (with `inspect.getsource`), so the code a learner reads there
is this code, linted and tested here. The book's names and interfaces: `forward(x)`,
`backward(dout)`, `dW`/`db`, `col`/`col_W`, `train_flg`. Where nndesk differs from the book
the class says so (inverted Dropout, per-channel BatchNormalization on images).
"""

# ruff: noqa: N803, N806  (the book's W, FN, FH, ... names)

import numpy as np

__all__ = ["softmax", "cross_entropy_error", "im2col", "col2im", "Relu", "LeakyRelu",
           "Sigmoid", "Tanh", "Affine", "Flatten", "Convolution", "Pooling", "AvgPooling",
           "BatchNormalization", "Dropout", "SoftmaxWithLoss", "MeanSquaredLoss"]


def softmax(x):
    """Probabilities along the last axis (ch. 3); subtracting the max avoids overflow."""
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def cross_entropy_error(y, t):
    """Mean over the batch of -log y[label] (ch. 4); t: labels (N,) or one-hot (N, K)."""
    if t.ndim == 2:
        t = t.argmax(axis=1)
    return -np.log(y[np.arange(len(y)), t] + 1e-7).mean()


def im2col(input_data, filter_h, filter_w, stride=1, pad=0):
    """(N, C, H, W) -> (N*out_h*out_w, C*filter_h*filter_w): one row per filter position (ch. 7).
    """
    N, C, H, W = input_data.shape
    out_h = (H + 2 * pad - filter_h) // stride + 1
    out_w = (W + 2 * pad - filter_w) // stride + 1
    img = np.pad(input_data, [(0, 0), (0, 0), (pad, pad), (pad, pad)])
    col = np.zeros((N, C, filter_h, filter_w, out_h, out_w), dtype=input_data.dtype)
    for y in range(filter_h):                 # one strided slice per filter offset
        for x in range(filter_w):
            col[:, :, y, x] = img[:, :, y:y + stride * out_h:stride, x:x + stride * out_w:stride]
    return col.transpose(0, 4, 5, 1, 2, 3).reshape(N * out_h * out_w, -1)


def col2im(col, input_shape, filter_h, filter_w, stride=1, pad=0):
    """The way back: rows of im2col -> (N, C, H, W), adding where windows overlap."""
    N, C, H, W = input_shape
    out_h = (H + 2 * pad - filter_h) // stride + 1
    out_w = (W + 2 * pad - filter_w) // stride + 1
    col = col.reshape(N, out_h, out_w, C, filter_h, filter_w).transpose(0, 3, 4, 5, 1, 2)
    img = np.zeros((N, C, H + 2 * pad + stride - 1, W + 2 * pad + stride - 1), dtype=col.dtype)
    for y in range(filter_h):
        for x in range(filter_w):
            img[:, :, y:y + stride * out_h:stride, x:x + stride * out_w:stride] += col[:, :, y, x]
    return img[:, :, pad:H + pad, pad:W + pad]


class Relu:
    """max(0, x) (ch. 5); `mask` remembers where x <= 0."""

    def __init__(self):
        self.mask = None

    def forward(self, x):
        self.mask = x <= 0
        out = x.copy()
        out[self.mask] = 0
        return out

    def backward(self, dout):
        dout = dout.copy()
        dout[self.mask] = 0
        return dout


class LeakyRelu:
    """x for x > 0, alpha * x below."""

    def __init__(self, alpha=0.01):
        self.alpha = alpha
        self.mask = None

    def forward(self, x):
        self.mask = x > 0
        return np.where(self.mask, x, self.alpha * x)

    def backward(self, dout):
        return np.where(self.mask, dout, self.alpha * dout)


class Sigmoid:
    """1 / (1 + exp(-x)) (ch. 5); the backward uses the output: y * (1 - y)."""

    def __init__(self):
        self.out = None

    def forward(self, x):
        self.out = 1 / (1 + np.exp(-x))
        return self.out

    def backward(self, dout):
        return dout * (1.0 - self.out) * self.out


class Tanh:
    """tanh(x); the backward uses the output: 1 - y * y."""

    def __init__(self):
        self.out = None

    def forward(self, x):
        self.out = np.tanh(x)
        return self.out

    def backward(self, dout):
        return dout * (1 - self.out * self.out)


class Affine:
    """x @ W + b (ch. 5), any input flattened first (an image after a convolution)."""

    def __init__(self, W, b):
        self.W, self.b = W, b
        self.x = None
        self.original_x_shape = None
        self.dW, self.db = None, None

    def forward(self, x):
        self.original_x_shape = x.shape
        self.x = x.reshape(x.shape[0], -1)
        return self.x @ self.W + self.b

    def backward(self, dout):
        dx = dout @ self.W.T
        self.dW = self.x.T @ dout
        self.db = np.sum(dout, axis=0)
        return dx.reshape(*self.original_x_shape)


class Flatten:
    """(N, C, H, W) -> (N, C*H*W)."""

    def __init__(self):
        self.original_x_shape = None

    def forward(self, x):
        self.original_x_shape = x.shape
        return x.reshape(x.shape[0], -1)

    def backward(self, dout):
        return dout.reshape(*self.original_x_shape)


class Convolution:
    """Filters W (FN, C, FH, FW) slid over the image with im2col (ch. 7)."""

    def __init__(self, W, b, stride=1, pad=0):
        self.W, self.b = W, b
        self.stride, self.pad = stride, pad
        self.x, self.col, self.col_W = None, None, None
        self.dW, self.db = None, None

    def forward(self, x):
        FN, C, FH, FW = self.W.shape
        N, C, H, W = x.shape
        out_h = (H + 2 * self.pad - FH) // self.stride + 1
        out_w = (W + 2 * self.pad - FW) // self.stride + 1
        col = im2col(x, FH, FW, self.stride, self.pad)
        col_W = self.W.reshape(FN, -1).T
        out = col @ col_W + self.b
        self.x, self.col, self.col_W = x, col, col_W
        return out.reshape(N, out_h, out_w, -1).transpose(0, 3, 1, 2)

    def backward(self, dout):
        FN, C, FH, FW = self.W.shape
        dout = dout.transpose(0, 2, 3, 1).reshape(-1, FN)
        self.db = np.sum(dout, axis=0)
        self.dW = (self.col.T @ dout).transpose(1, 0).reshape(FN, C, FH, FW)
        dcol = dout @ self.col_W.T
        return col2im(dcol, self.x.shape, FH, FW, self.stride, self.pad)


class Pooling:
    """Max pooling (ch. 7): the largest value of each pool_h x pool_w window."""

    def __init__(self, pool_h, pool_w, stride=1, pad=0):
        self.pool_h, self.pool_w = pool_h, pool_w
        self.stride, self.pad = stride, pad
        self.x, self.arg_max = None, None

    def forward(self, x):
        N, C, H, W = x.shape
        out_h = (H - self.pool_h) // self.stride + 1
        out_w = (W - self.pool_w) // self.stride + 1
        col = im2col(x, self.pool_h, self.pool_w, self.stride, self.pad)
        col = col.reshape(-1, self.pool_h * self.pool_w)     # one row per window and channel
        self.x, self.arg_max = x, np.argmax(col, axis=1)
        out = np.max(col, axis=1)
        return out.reshape(N, out_h, out_w, C).transpose(0, 3, 1, 2)

    def backward(self, dout):
        dout = dout.transpose(0, 2, 3, 1)
        pool_size = self.pool_h * self.pool_w
        dmax = np.zeros((dout.size, pool_size), dtype=dout.dtype)
        dmax[np.arange(self.arg_max.size), self.arg_max.flatten()] = dout.flatten()
        dcol = dmax.reshape(dout.shape[0] * dout.shape[1] * dout.shape[2], -1)
        return col2im(dcol, self.x.shape, self.pool_h, self.pool_w, self.stride, self.pad)


class AvgPooling:
    """Average pooling: the mean of each window (Pooling with mean instead of max)."""

    def __init__(self, pool_h, pool_w, stride=1, pad=0):
        self.pool_h, self.pool_w = pool_h, pool_w
        self.stride, self.pad = stride, pad
        self.x = None

    def forward(self, x):
        N, C, H, W = x.shape
        out_h = (H - self.pool_h) // self.stride + 1
        out_w = (W - self.pool_w) // self.stride + 1
        col = im2col(x, self.pool_h, self.pool_w, self.stride, self.pad)
        self.x = x
        out = col.reshape(-1, self.pool_h * self.pool_w).mean(axis=1)
        return out.reshape(N, out_h, out_w, C).transpose(0, 3, 1, 2)

    def backward(self, dout):
        pool_size = self.pool_h * self.pool_w
        share = dout.transpose(0, 2, 3, 1).reshape(-1, 1) / pool_size
        dcol = np.repeat(share, pool_size, axis=1).reshape(-1, self.x.shape[1] * pool_size)
        return col2im(dcol, self.x.shape, self.pool_h, self.pool_w, self.stride, self.pad)


class BatchNormalization:
    """Batch normalization (ch. 6): normalize each feature over the batch, then
    gamma * xn + beta; prediction uses the running averages.

    Unlike the book's version, an image (N, C, H, W) is normalized per channel, over the
    batch and every pixel (as nndesk, PyTorch and Keras do), not per pixel.
    """

    def __init__(self, gamma, beta, momentum=0.9, running_mean=None, running_var=None,
                 eps=1e-5):
        self.gamma, self.beta = gamma, beta
        self.momentum, self.eps = momentum, eps
        self.running_mean, self.running_var = running_mean, running_var
        self.input_shape = None
        self.batch_size, self.xc, self.std, self.xn = None, None, None, None
        self.dgamma, self.dbeta = None, None

    def forward(self, x, train_flg=True):
        self.input_shape = x.shape
        if x.ndim == 4:                                  # (N, C, H, W) -> (N*H*W, C)
            x = x.transpose(0, 2, 3, 1).reshape(-1, x.shape[1])
        out = self.__forward(x, train_flg)
        if len(self.input_shape) == 4:
            N, C, H, W = self.input_shape
            out = out.reshape(N, H, W, C).transpose(0, 3, 1, 2)
        return out

    def __forward(self, x, train_flg):
        if self.running_mean is None:
            self.running_mean = np.zeros(x.shape[1], dtype=x.dtype)
            self.running_var = np.ones(x.shape[1], dtype=x.dtype)
        if train_flg:
            mu = x.mean(axis=0)
            xc = x - mu
            var = np.mean(xc ** 2, axis=0)
            std = np.sqrt(var + self.eps)
            self.batch_size, self.xc, self.std, self.xn = x.shape[0], xc, std, xc / std
            self.running_mean = self.momentum * self.running_mean + (1 - self.momentum) * mu
            self.running_var = self.momentum * self.running_var + (1 - self.momentum) * var
            xn = self.xn
        else:
            xn = (x - self.running_mean) / np.sqrt(self.running_var + self.eps)
        return self.gamma * xn + self.beta

    def backward(self, dout):
        if dout.ndim == 4:
            dout = dout.transpose(0, 2, 3, 1).reshape(-1, dout.shape[1])
        dbeta = dout.sum(axis=0)
        dgamma = np.sum(self.xn * dout, axis=0)
        dxn = self.gamma * dout
        dxc = dxn / self.std
        dstd = -np.sum((dxn * self.xc) / (self.std * self.std), axis=0)
        dvar = 0.5 * dstd / self.std
        dxc += (2.0 / self.batch_size) * self.xc * dvar
        dmu = np.sum(dxc, axis=0)
        dx = dxc - dmu / self.batch_size
        self.dgamma, self.dbeta = dgamma, dbeta
        if len(self.input_shape) == 4:
            N, C, H, W = self.input_shape
            dx = dx.reshape(N, H, W, C).transpose(0, 3, 1, 2)
        return dx


class Dropout:
    """Dropout (ch. 6) in its inverted form: training keeps each unit with probability
    1 - dropout_ratio and scales it by 1 / (1 - ratio), so prediction passes x unchanged
    (the book scales at prediction instead; the trained weights expect this form)."""

    def __init__(self, dropout_ratio=0.5, seed=0):
        self.dropout_ratio = dropout_ratio
        self.rng = np.random.default_rng(seed)
        self.mask = None

    def forward(self, x, train_flg=True):
        if not train_flg or self.dropout_ratio == 0:
            self.mask = None
            return x
        keep = self.rng.random(x.shape) >= self.dropout_ratio
        self.mask = keep / (1.0 - self.dropout_ratio)
        return x * self.mask

    def backward(self, dout):
        return dout if self.mask is None else dout * self.mask


class SoftmaxWithLoss:
    """Softmax, then cross-entropy (ch. 5): the backward is (y - t) / batch_size."""

    def __init__(self):
        self.loss, self.y, self.t = None, None, None

    def forward(self, x, t):
        self.t = t
        self.y = softmax(x)
        self.loss = cross_entropy_error(self.y, self.t)
        return self.loss

    def backward(self, dout=1):
        batch_size = self.t.shape[0]
        dx = self.y.copy()
        if self.t.ndim == 2:                            # one-hot labels
            dx -= self.t
        else:
            dx[np.arange(batch_size), self.t] -= 1
        return dx * dout / batch_size


class MeanSquaredLoss:
    """0.5 * the sum of squared errors, averaged over the batch (ch. 4) against one-hot t."""

    def __init__(self):
        self.diff = None

    def forward(self, x, t):
        if t.ndim == 1:
            t = np.eye(x.shape[1], dtype=x.dtype)[t]
        self.diff = x - t
        return 0.5 * np.sum(self.diff ** 2) / x.shape[0]

    def backward(self, dout=1):
        return self.diff * dout / self.diff.shape[0]
