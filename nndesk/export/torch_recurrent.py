"""The recurrent part of an exported model.py: copied into it below the marker, tested here.

nndesk's RNN and LSTM are torch.nn.RNN and torch.nn.LSTM (gates reordered by pytorch.py).
nndesk's GRU is Cho et al. 2014's (eq. 5-8): the reset gate scales h BEFORE the recurrent
product, h~ = tanh(x W_h + (r * h) U_h + b). torch.nn.GRU scales after it, n = tanh(x W_in +
b_in + r * (h W_hn + b_hn)) (ONNX calls that `linear_before_reset=1`); the two are different
functions (equal only when r is 1 or U_h is 0), so weights trained in one do not carry over
to the other. `ResetBeforeGRU` is nndesk's GRU in torch, with torch.nn.GRU's parameter names
and gate order [r | z | n], so the state_dict reads like one.

Variable lengths: `run_recurrent(layer, x, lengths)` packs end-padded batches
(`pack_padded_sequence`), so torch's RNN/LSTM stop at each sequence's own last step and the
backward direction starts there; padded outputs are 0, as in nndesk.
"""

import torch
from torch import nn

# --- model.py from here ---
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence


class ResetBeforeGRU(nn.Module):
    """A GRU whose reset gate acts before the recurrent product, as nndesk's (Cho et al. 2014):
    r, z = sigmoid(x W_ir,iz + b_ir,iz + h W_hr,hz + b_hr,hz), n = tanh(x W_in + b_in +
    (r * h) W_hn + b_hn), h' = z * h + (1 - z) * n. torch.nn.GRU computes r * (h W_hn + b_hn)
    instead: another function. Parameter names and gate order [r | z | n] as torch.nn.GRU's;
    batch_first. forward(x (N, T, F), lengths (N,) or None) -> (output (N, T, D*H), h_n
    (D, N, H)), D = 2 when bidirectional; with lengths, steps t >= length keep the state and
    output 0."""

    def __init__(self, input_size, hidden_size, bidirectional=False):
        super().__init__()
        self.hidden_size = hidden_size
        self.suffixes = ("", "_reverse") if bidirectional else ("",)
        for s in self.suffixes:
            self.register_parameter("weight_ih_l0" + s, nn.Parameter(
                torch.empty(3 * hidden_size, input_size)))
            self.register_parameter("weight_hh_l0" + s, nn.Parameter(
                torch.empty(3 * hidden_size, hidden_size)))
            self.register_parameter("bias_ih_l0" + s, nn.Parameter(torch.empty(3 * hidden_size)))
            self.register_parameter("bias_hh_l0" + s, nn.Parameter(torch.empty(3 * hidden_size)))
        bound = hidden_size ** -0.5  # torch.nn.GRU's initialization
        for p in self.parameters():
            nn.init.uniform_(p, -bound, bound)

    def _direction(self, x, lengths, s):
        w_ih, w_hh = getattr(self, "weight_ih_l0" + s), getattr(self, "weight_hh_l0" + s)
        b_ih, b_hh = getattr(self, "bias_ih_l0" + s), getattr(self, "bias_hh_l0" + s)
        hs, steps = self.hidden_size, x.shape[1]
        a = x @ w_ih.T + b_ih                                   # (N, T, 3H), every step at once
        h = x.new_zeros(x.shape[0], hs)
        out = [None] * steps
        for t in (range(steps - 1, -1, -1) if s else range(steps)):
            rz = torch.sigmoid(a[:, t, :2 * hs] + h @ w_hh[:2 * hs].T + b_hh[:2 * hs])
            r, z = rz[:, :hs], rz[:, hs:]
            n = torch.tanh(a[:, t, 2 * hs:] + (r * h) @ w_hh[2 * hs:].T + b_hh[2 * hs:])
            new = z * h + (1 - z) * n
            if lengths is None:
                h = out[t] = new
            else:                                               # padding keeps h, outputs 0
                real = (t < lengths.to(x.device))[:, None]
                h = torch.where(real, new, h)
                out[t] = torch.where(real, new, torch.zeros_like(new))
        return torch.stack(out, dim=1), h

    def forward(self, x, lengths=None):
        runs = [self._direction(x, lengths, s) for s in self.suffixes]
        return (torch.cat([y for y, _ in runs], dim=2),
                torch.stack([h for _, h in runs], dim=0))


def run_recurrent(layer, x, lengths=None, return_sequences=False):
    """One recurrent layer on x (N, T, F) with optional lengths (N,) of end-padded sequences:
    (N, T, D*H) with return_sequences, else the last state of each direction joined
    (N, D*H), the backward direction's after step 0, as nndesk's layers."""
    if isinstance(layer, ResetBeforeGRU):
        out, h = layer(x, lengths)
    elif lengths is not None:
        packed = pack_padded_sequence(x, torch.as_tensor(lengths).cpu(), batch_first=True,
                                      enforce_sorted=False)
        out, h = layer(packed)
        out = pad_packed_sequence(out, batch_first=True, total_length=x.shape[1])[0]
    else:
        out, h = layer(x)
    if return_sequences:
        return out
    h = h[0] if isinstance(h, tuple) else h                     # an LSTM's (h_n, c_n)
    return torch.cat(tuple(h), dim=1)
