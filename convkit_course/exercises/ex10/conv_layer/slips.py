"""The known slips of a hand-written conv layer, as what the slipped layer computes.

Each slip is ``(function, message id, extra fields)``: the function takes one case's
``(x, w, b, stride, pad)`` (forward) or ``(dy, x, w, b, stride, pad)`` (backward) and returns
what a layer with that slip hands back — ``y``, or one of ``dx``, ``dw``, ``db`` — or None
where the slip would not run.  The checker compares them with the student's results on every
case (a slip that explains all of them is named first).  The right values come from the
literal loops; the slips are built from them (a flipped kernel is the loops run with the
kernel flipped) or, where the slip changes the algorithm itself (the stride ignored when dy is
scattered back), from the tap loop below, written out here.
"""
from __future__ import annotations

import numpy as np

from convkit.direct import conv2d_loops, conv2d_loops_backward

__all__ = ["FORWARD", "DX", "DW", "DB", "forward", "backward"]


def forward(x, w, b, stride, pad):
    return conv2d_loops(x, w, b, stride=stride, padding=pad)


def backward(dy, x, w, stride, pad):
    return conv2d_loops_backward(dy, x, w, stride=stride, padding=pad)


def _padded(x, pad, value=0.0, before=None, after=None):
    before = pad if before is None else before
    after = pad if after is None else after
    return np.pad(x, ((0, 0), (0, 0), (before, after), (before, after)), constant_values=value)


def tap_backward(dy, x, w, stride, pad, *, step=None, xp_for_dw=None):
    """dxpad (the gradient of the padded input, not cropped) and dw by the tap loop: for tap
    (i, j) the outputs met xpad at rows i, i + S, …; ``step`` places dy with another stride
    (the slip), ``xp_for_dw`` is the input dw correlates with (the slip: unpadded)."""
    step = stride if step is None else step
    kh, kw = w.shape[2:]
    ho, wo = dy.shape[2:]
    xp = _padded(x, pad)
    xp_for_dw = xp if xp_for_dw is None else xp_for_dw
    dxp, dw = np.zeros_like(xp), np.zeros_like(w)
    for i in range(kh):
        for j in range(kw):
            rows = slice(i, i + step * (ho - 1) + 1, step)
            cols = slice(j, j + step * (wo - 1) + 1, step)
            patch = xp_for_dw[:, :, rows, cols]
            if patch.shape[2:] != (ho, wo) or dxp[:, :, rows, cols].shape[2:] != (ho, wo):
                return None, None
            dw[:, :, i, j] = np.einsum("nfhw,nchw->fc", dy, patch)
            dxp[:, :, rows, cols] += np.einsum("nfhw,fc->nchw", dy, w[:, :, i, j])
    return dxp, dw


# --------------------------------------------------------------------------- forward: y
def _first_stride_one(x, w, b, s, p):
    full = forward(x, w, b, 1, p)
    ho, wo = forward(x, w, b, s, p).shape[2:]
    return full[:, :, :ho, :wo]


FORWARD = [
    (lambda x, w, b, s, p: forward(x, w, None, s, p), "fwd.no_bias", {}),
    (lambda x, w, b, s, p: forward(x, w[:, :, ::-1, ::-1].copy(), b, s, p), "fwd.flipped", {}),
    (lambda x, w, b, s, p: forward(x, w.transpose(0, 1, 3, 2).copy(), b, s, p)
     if w.shape[2] == w.shape[3] else None, "fwd.kernel_transposed", {}),
    (lambda x, w, b, s, p: forward(x[:, :1], w[:, :1], b, s, p), "fwd.channel_0", {}),
    (lambda x, w, b, s, p: forward(x, w, None, s, p) + b.sum(), "fwd.bias_sum", {}),
    (lambda x, w, b, s, p: forward(x, w, None, s, p) + b[0], "fwd.bias_first", {}),
    (lambda x, w, b, s, p: forward(_padded(x, p, 1.0), w, b, s, 0), "fwd.padded_ones", {}),
    (lambda x, w, b, s, p: forward(x, w, b, s, p).transpose(1, 0, 2, 3), "fwd.nf_swapped", {}),
    (lambda x, w, b, s, p: forward(x, w, b, s, p).transpose(0, 1, 3, 2), "fwd.hw_swapped", {}),
    (_first_stride_one, "fwd.first_outputs", {}),
    (lambda x, w, b, s, p: forward(x, w, b, 1, p), "fwd.no_stride", {}),
    (lambda x, w, b, s, p: forward(x, w, b, s, 0), "fwd.no_padding", {}),
    (lambda x, w, b, s, p: forward(_padded(x, p, before=p, after=0), w, b, s, 0), "fwd.one_side",
     {}),
    (lambda x, w, b, s, p: forward(x, w, b, s, min(p, 1)), "fwd.padding_bool", {}),
    (lambda x, w, b, s, p: forward(x, w, b, 2, p), "fixed", {"what": "stride", "value": 2}),
    (lambda x, w, b, s, p: forward(x, w, b, s, 1), "fixed", {"what": "pad", "value": 1}),
    (lambda x, w, b, s, p: forward(x, w, b, s, 2), "fixed", {"what": "pad", "value": 2}),
]


# --------------------------------------------------------------------------- backward: dx, dw, db
def _crop(dxp, x, pad, top, left):
    h, w = x.shape[2:]
    return dxp[:, :, top:top + h, left:left + w]


def _dx_stride(dy, x, w, b, s, p, step):
    dxp, _ = tap_backward(dy, x, w, s, p, step=step)
    return None if dxp is None else _crop(dxp, x, p, p, p)


def _dx_crop_minus(dy, x, w, b, s, p):
    dxp = backward(dy, _padded(x, p), w, s, 0)[0]
    return dxp[:, :, p:-p, p:-p]          # empty when p == 0: the slip


DX = [
    (lambda dy, x, w, b, s, p: backward(dy, _padded(x, p), w, s, 0)[0], "dx.no_crop", {}),
    (lambda dy, x, w, b, s, p: backward(dy, _padded(x, p), w, s, 0)[0][:, :, :x.shape[2],
                                                                          :x.shape[3]],
     "dx.crop_one_side", {}),
    (lambda dy, x, w, b, s, p: backward(dy, _padded(x, p), w, s, 0)[0][:, :, 2 * p:, 2 * p:],
     "dx.crop_one_side", {}),
    (_dx_crop_minus, "dx.crop_minus", {}),
    (lambda dy, x, w, b, s, p: _dx_stride(dy, x, w, b, s, p, 1), "dx.no_stride", {}),
    (lambda dy, x, w, b, s, p: _dx_stride(dy, x, w, b, s, p, 2), "fixed",
     {"what": "stride", "value": 2}),
    (lambda dy, x, w, b, s, p: backward(dy[:, :1], x, w[:1], s, p)[0], "dx.filter_0", {}),
    (lambda dy, x, w, b, s, p: backward(dy, x, w[:, :, ::-1, ::-1].copy(), s, p)[0],
     "dx.rotated", {}),
    (lambda dy, x, w, b, s, p: backward(dy, x, w.transpose(0, 1, 3, 2).copy(), s, p)[0]
     if w.shape[2] == w.shape[3] else None, "dx.kernel_transposed", {}),
    (lambda dy, x, w, b, s, p: backward(dy, x, w, s, p)[0] / x.shape[0], "dx.mean", {}),
]


def _dw_stride(dy, x, w, b, s, p):
    return tap_backward(dy, x, w, s, p, step=1)[1]


DW = [
    (lambda dy, x, w, b, s, p: backward(dy, x, w, s, p)[1] / x.shape[0], "dw.mean", {}),
    (lambda dy, x, w, b, s, p: backward(dy[:1], x[:1], w, s, p)[1], "dw.image_0", {}),
    (lambda dy, x, w, b, s, p: np.stack([backward(dy[n:n + 1], x[n:n + 1], w, s, p)[1]
                                         for n in range(x.shape[0])]), "dw.per_image", {}),
    (lambda dy, x, w, b, s, p: backward(dy, x, w, s, p)[1][:, :, ::-1, ::-1], "dw.rotated", {}),
    (lambda dy, x, w, b, s, p: backward(dy, x, w, s, p)[1].transpose(0, 1, 3, 2)
     if w.shape[2] == w.shape[3] else None, "dw.kernel_transposed", {}),
    (_dw_stride, "dw.no_stride", {}),
    (lambda dy, x, w, b, s, p: tap_backward(dy, x, w, s, p, xp_for_dw=_padded(
        x, 0, before=0, after=2 * p))[1], "dw.unpadded", {}),
]

DB = [
    (lambda dy, x, w, b, s, p: dy.sum(axis=(0, 2, 3))[None, :, None, None], "db.shape", {}),
    (lambda dy, x, w, b, s, p: dy.sum(axis=(0, 2, 3))[:, None, None], "db.shape", {}),
    (lambda dy, x, w, b, s, p: dy.sum(axis=(0, 2, 3))[None, :], "db.shape", {}),
    (lambda dy, x, w, b, s, p: np.array(dy.sum()), "db.scalar", {}),
    (lambda dy, x, w, b, s, p: dy.sum(axis=(2, 3)), "db.per_image", {}),
    (lambda dy, x, w, b, s, p: dy.sum(axis=(0, 2, 3)) / dy.shape[0], "db.mean", {}),
    (lambda dy, x, w, b, s, p: dy[0].sum(axis=(1, 2)), "db.image_0", {}),
    (lambda dy, x, w, b, s, p: dy.sum(axis=(0, 1, 2)), "db.axes", {}),
    (lambda dy, x, w, b, s, p: dy.sum(axis=(0, 1, 3)), "db.axes", {}),
    (lambda dy, x, w, b, s, p: dy.mean(axis=(0, 2, 3)), "db.mean", {}),
]
