"""实力派 — the skilled way: convolution straight from its definition.

Forward:  y[n, f, oy, ox] = b[f] + sum_{c, i, j} w[f, c, i, j] *
          xpad[n, c, oy*S + i*D, ox*S + j*D]          (cross-correlation, like every DL library)

Backward, derived by asking which outputs every input and every weight took part in:
  dx = full correlation of dy (zeros inserted for the stride, padded by D(K-1)) with the
       kernel rotated 180°, then the padding cropped off;
  dw = correlation of x with dy;  db = dy summed over batch and positions.

Two versions of each: ``*_loops`` reads like the math (a teaching aid and test oracle) and
``conv2d_direct*`` loops over the KH*KW kernel taps only, so numpy does the pixels.  This
module is the reference the notebooks teach; ``convkit.fast`` computes the same numbers
faster (and is what ``Conv2d`` runs).

Non-finite numbers: every method here forms exactly the products of the definition — the
padding zeros of x included, as PyTorch's reference path (float64) does — so a NaN or inf
lands where it lands in PyTorch.  The zeros dx's correlation inserts for the stride and the
"full" border stand for *no* output: a kernel tap that meets them multiplies nothing (else an
inf weight would make 0·inf = NaN where the definition has no product at all).
"""
from __future__ import annotations

import numpy as np

from .geometry import conv_geometry, crop, pad
from .memory import Workspace
from .prelude import public_backward, public_forward

__all__ = ["conv2d_loops", "conv2d_loops_backward", "conv2d_direct", "conv2d_direct_backward",
           "correlate", "rot180", "dilate", "forward", "backward", "input_gradient",
           "weight_gradient", "loops_forward", "loops_backward", "loops_workspace",
           "workspace"]


# --------------------------------------------------------------------------- literal loops


def loops_forward(x, w, geom, groups):
    """The seven loops on checked arrays; y (N, F, Ho, Wo) without the bias."""
    xp = pad(x, geom.padding)
    (sh, sw), (dh, dw_), (ho, wo) = geom.stride, geom.dilation, geom.output
    n_batch, f_all, cg, kh, kw = x.shape[0], w.shape[0], w.shape[1], w.shape[2], w.shape[3]
    fg = f_all // groups
    y = np.zeros((n_batch, f_all, ho, wo), dtype=x.dtype)
    for n in range(n_batch):
        for f in range(f_all):
            first_channel = (f // fg) * cg  # filters of group g read channels g*cg .. g*cg+cg-1
            for oy in range(ho):
                for ox in range(wo):
                    total = 0.0
                    for c in range(cg):
                        for i in range(kh):
                            for j in range(kw):
                                total += (xp[n, first_channel + c, oy * sh + i * dh, ox * sw + j * dw_]
                                          * w[f, c, i, j])
                    y[n, f, oy, ox] = total
    return y




def loops_backward(dy, x, w, geom, groups):
    """The seven loops of the chain rule on checked arrays -> (dx, dw)."""
    xp = pad(x, geom.padding)
    dxp = np.zeros(xp.shape, dtype=x.dtype)
    dw = np.zeros(w.shape, dtype=x.dtype)
    (sh, sw), (dh, dw_), (ho, wo) = geom.stride, geom.dilation, geom.output
    n_batch, f_all, cg, kh, kw = x.shape[0], w.shape[0], w.shape[1], w.shape[2], w.shape[3]
    fg = f_all // groups
    for n in range(n_batch):
        for f in range(f_all):
            first_channel = (f // fg) * cg
            for oy in range(ho):
                for ox in range(wo):
                    g = dy[n, f, oy, ox]
                    for c in range(cg):
                        for i in range(kh):
                            for j in range(kw):
                                iy, ix = oy * sh + i * dh, ox * sw + j * dw_
                                dxp[n, first_channel + c, iy, ix] += g * w[f, c, i, j]
                                dw[f, c, i, j] += g * xp[n, first_channel + c, iy, ix]
    return crop(dxp, geom), dw


def loops_workspace(call, backward):
    """Per sample: the padded input (and the padded dX going backward)."""
    c, (hp, wp) = call.x.shape[1], call.geom.padded
    padded = c * hp * wp * call.x.itemsize
    return Workspace(0, 2 * padded if backward else padded)


conv2d_loops = public_forward(loops_forward, "conv2d_loops", "Forward pass as seven nested loops.",
                              workspace=loops_workspace)
conv2d_loops_backward = public_backward(
    loops_backward, "conv2d_loops_backward",
    "Backward pass by the chain rule, one multiply-add at a time: each forward multiply-add\n"
    "    ``y += xpad * w`` sends ``dy * w`` back to that input and ``dy * xpad`` back to that\n"
    "    weight; inputs that no window reached keep a zero gradient.",
    workspace=loops_workspace)


# --------------------------------------------------------------------------- building blocks
def rot180(w):
    """Kernel rotated by 180° (flipped along both spatial axes).  (..., KH, KW) -> same shape."""
    return w[..., ::-1, ::-1]


def dilate(a, factor):
    """Insert ``factor - 1`` zeros between rows and columns of the last two axes.

    (..., H, W) -> (..., (H-1)*fh + 1, (W-1)*fw + 1); ``factor`` is an (fh, fw) pair.
    """
    fh, fw = factor
    if fh == 1 and fw == 1:
        return a
    h, w = a.shape[-2:]
    out = np.zeros(a.shape[:-2] + ((h - 1) * fh + 1, (w - 1) * fw + 1), dtype=a.dtype)
    out[..., ::fh, ::fw] = a
    return out


def correlate(xp, w, geom, groups=1, data=None):
    """Cross-correlate an already padded input with a kernel, one kernel tap at a time.

    xp (N, C, Hp, Wp), w (F, C/g, KH, KW) -> (N, F, Ho, Wo), Ho, Wo from ``geom.output``.
    For each tap (i, j), every output reads the same strided slice of the input, so the
    whole tap is one (F, C) x (C, Ho*Wo) matrix product per group.  ``data`` (Hp, Wp) bool,
    optional: where xp holds values; a tap meeting a False position adds nothing there.
    """
    n = xp.shape[0]
    f, cg, kh, kw = w.shape
    ho, wo = geom.output
    xg = xp.reshape(n, groups, cg, *xp.shape[2:])
    wg = w.reshape(groups, f // groups, cg, kh, kw)
    y = np.zeros((n, groups, f // groups, ho * wo), dtype=np.result_type(xp, w))
    for i, j in geom.taps:
        rows, cols = geom.window(i, j)
        patch = xg[:, :, :, rows, cols].reshape(n, groups, cg, ho * wo)  # a copy per tap
        product = wg[:, :, :, i, j] @ patch  # (g, F/g, C/g) @ (n, g, C/g, L) -> (n, g, F/g, L)
        if data is not None:
            product = np.where(data[rows, cols].reshape(-1), product, 0)
        y += product
    return y.reshape(n, f, ho, wo)


def _transpose_groups(w, groups):
    """Swap the in/out channel roles of a grouped kernel.

    w (F, C/g, KH, KW) -> (C, F/g, KH, KW): the kernel that carries gradients from the
    F outputs back to the C inputs.
    """
    f, cg, kh, kw = w.shape
    wg = w.reshape(groups, f // groups, cg, kh, kw)
    return wg.transpose(0, 2, 1, 3, 4).reshape(groups * cg, f // groups, kh, kw)


# --------------------------------------------------------------------------- vectorised
def forward(x, w, geom, groups):
    """y (N, F, Ho, Wo), without bias, from checked x (N, C, H, W) and w (F, C/g, KH, KW)."""
    return correlate(pad(x, geom.padding), w, geom, groups)


def backward(dy, x, w, geom, groups):
    """(dx, dw) from checked dy (N, F, Ho, Wo), x and w: the two correlations below."""
    return input_gradient(dy, w, geom, groups), weight_gradient(dy, x, geom, groups)


def input_gradient(dy, w, geom, groups, correlate=correlate):
    """dx = crop(correlate(pad(dilate(dy, S), D(K-1)), rot180(w)), P).

    dy (N, F, Ho, Wo), w (F, C/g, KH, KW) -> dx (N, C, H, W).  The zeros that dilate and pad
    put around dY are not outputs: the correlation skips them (``data``), so a kernel tap
    meets only real dY values, as in the chain rule.  ``correlate`` is this module's, or a
    faster one with the same contract (``convkit.fast`` passes its own).
    """
    (kh, kw), (dh, dw_), (ph, pw), (h, wd) = geom.kernel, geom.dilation, geom.padding, geom.input
    border = (dh * (kh - 1), dw_ * (kw - 1))              # the "full" correlation's K-1 border
    spread = dilate(dy, geom.stride)                      # zeros where the stride skipped
    full = pad(spread, border)
    data = pad(dilate(np.ones((1, 1) + dy.shape[2:], dtype=bool), geom.stride), border)[0, 0]
    back = conv_geometry(full.shape[2:], geom.kernel, dilation=geom.dilation)
    kernel = rot180(_transpose_groups(w, groups))
    covered = correlate(full, kernel, back, groups, data=data)
    # `covered` spans the padded input rows the windows reached; rows dropped by the floor
    # got no gradient, and the padding border is cropped off.
    dxp = np.zeros(dy.shape[:1] + (covered.shape[1], h + 2 * ph, wd + 2 * pw), dtype=dy.dtype)
    dxp[:, :, :covered.shape[2], :covered.shape[3]] = covered
    return crop(dxp, geom)


def weight_gradient(dy, x, geom, groups):
    """dw[f, c, i, j] = sum over n and outputs of dy * (input met by tap (i, j)).

    dy (N, F, Ho, Wo), x (N, C, H, W) -> dw (F, C/g, KH, KW): correlation of x with dy.
    """
    n, c = x.shape[:2]
    f = dy.shape[1]
    cg, fg = c // groups, f // groups
    xg = pad(x, geom.padding).reshape(n, groups, cg, *geom.padded)
    dyg = dy.reshape(n, groups, fg, -1)
    dw = np.zeros((groups, fg, cg) + geom.kernel, dtype=dy.dtype)
    for i, j in geom.taps:
        rows, cols = geom.window(i, j)
        patch = xg[:, :, :, rows, cols].reshape(n, groups, cg, -1)   # (n, g, C/g, Ho*Wo)
        dw[..., i, j] = (dyg @ patch.transpose(0, 1, 3, 2)).sum(axis=0)
    return dw.reshape(f, cg, *geom.kernel)


def workspace(call, backward):
    """Per sample: the padded input, one tap's patch and the running sum; going backward,
    the spread and padded dY as well (the "full" correlation's input) and its patches."""
    geom, item = call.geom, call.x.itemsize
    c, f = call.x.shape[1], call.w.shape[0]
    (ho, wo), (hp, wp), (sh, sw) = geom.output, geom.padded, geom.stride
    (kh, kw), (dh, dw_) = geom.kernel, geom.dilation
    padded, patch = c * hp * wp, c * ho * wo
    if not backward:
        return Workspace(0, (padded + 2 * patch + 3 * f * ho * wo) * item)
    spread = ((ho - 1) * sh + 1, (wo - 1) * sw + 1)
    full = tuple(s + 2 * d * (k - 1) for s, d, k in zip(spread, (dh, dw_), (kh, kw)))
    covered = tuple(s + d * (k - 1) for s, d, k in zip(spread, (dh, dw_), (kh, kw)))
    per_sample = (f * spread[0] * spread[1] + f * full[0] * full[1]
                  + (f + 3 * c) * covered[0] * covered[1] + 2 * padded + 2 * patch)
    return Workspace(0, per_sample * item)


conv2d_direct = public_forward(forward, "conv2d_direct",
                               "Forward pass from the definition, vectorised over pixels.",
                               workspace=workspace)
conv2d_direct_backward = public_backward(backward, "conv2d_direct_backward",
                                         "Backward pass as the article derives it.",
                                         workspace=workspace)
