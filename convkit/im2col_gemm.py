"""偶像派 — the idol way: 整容 (a face-lift) turns convolution into one matrix product.

im2col copies every receptive field into a column, so that the convolution becomes
``W (F, C*KH*KW) @ cols (C*KH*KW, Ho*Wo)``: one call to a heavily optimised GEMM.
The backward pass is two more matrix products; dX goes back through col2im, which adds
each column entry to the input pixel it was copied from.

Layouts match ``torch.nn.functional.unfold`` / ``fold``: cols is (N, C*KH*KW, Ho*Wo),
rows ordered channel-major, then kernel row, then kernel column.

This module is the reference the notebooks teach: the batch is unfolded at once — or as
many samples at once as ``convkit.memory.WORKSPACE_BYTES`` allows (``workspace`` says what
the columns cost: every input value up to KH*KW times).  ``convkit.fast`` computes the
same numbers faster (and is what ``Conv2d`` runs).
"""
from __future__ import annotations

import numpy as np

from .geometry import conv_geometry, crop, pad
from .memory import Workspace
from .prelude import public_backward, public_forward
from .validation import check_array

__all__ = ["im2col", "col2im", "conv2d_im2col", "conv2d_im2col_backward", "forward", "backward",
           "unfold", "fold_add", "forward_from_cols", "weight_gradient_from_cols",
           "input_gradient_cols", "workspace"]


def im2col(x, kernel_size, *, stride=1, padding=0, dilation=1):
    """Unfold every receptive field into a column.

    x (N, C, H, W) -> cols (N, C*KH*KW, Ho*Wo), a new array.
    Each input pixel is copied once for every window that contains it (up to KH*KW times).
    """
    check_array(x, "x", 4, shape_hint="(N, C, H, W)")
    return unfold(x, conv_geometry(x.shape[2:], kernel_size, stride, padding, dilation))


def unfold(x, geom):
    """The unfolding itself.  x (N, C, H, W) -> cols (N, C*KH*KW, Ho*Wo).

    ``cols[n, (c, i, j), (oy, ox)] = xpad[n, c, oy*S + i*D, ox*S + j*D]``: kernel tap (i, j)
    meets one strided slice of the padded input, copied into its rows.
    """
    n, c = x.shape[:2]
    (kh, kw), (ho, wo) = geom.kernel, geom.output
    xp = pad(x, geom.padding)
    cols = np.empty((n, c, kh, kw, ho, wo), dtype=x.dtype)
    for i, j in geom.taps:
        rows, columns = geom.window(i, j)
        cols[:, :, i, j] = xp[:, :, rows, columns]
    return cols.reshape(n, c * kh * kw, ho * wo)


def col2im(cols, input_size, kernel_size, *, stride=1, padding=0, dilation=1):
    """Fold columns back into an image, *adding* entries that came from the same pixel.

    cols (N, C*KH*KW, Ho*Wo) -> x (N, C, H, W) with (H, W) = input_size.
    col2im is the adjoint (transpose) of im2col, not its inverse: a pixel that sat in k
    windows receives the sum of its k copies.
    """
    check_array(cols, "cols", 3, shape_hint="(N, C*KH*KW, Ho*Wo)")
    geom = conv_geometry(input_size, kernel_size, stride, padding, dilation)
    (kh, kw), (ho, wo) = geom.kernel, geom.output
    n, rows, length = cols.shape
    if rows % (kh * kw):
        raise ValueError(f"cols.shape[1]={rows} must be a multiple of KH*KW={kh * kw} "
                         f"for kernel_size {geom.kernel}")
    if length != ho * wo:
        raise ValueError(f"cols.shape[2]={length} must equal Ho*Wo={ho}*{wo}={ho * wo} for "
                         f"input_size {geom.input} and this geometry")
    xp = np.zeros((n, rows // (kh * kw)) + geom.padded, dtype=cols.dtype)
    fold_add(xp, cols, geom)
    return crop(xp, geom)


def fold_add(xp, cols, geom):
    """Add cols (N, C*KH*KW, Ho*Wo) into the padded image xp (N, C, Hp, Wp), in place."""
    n, c = xp.shape[:2]
    (kh, kw), (ho, wo) = geom.kernel, geom.output
    blocks = cols.reshape(n, c, kh, kw, ho, wo)
    for i, j in geom.taps:  # accumulate one tap at a time: no np.add.at, no pixel loop
        rows, columns = geom.window(i, j)
        xp[:, :, rows, columns] += blocks[:, :, i, j]


def forward(x, w, geom, groups):
    """y = W @ im2col(x), without bias, from checked x (N, C, H, W), w (F, C/g, KH, KW)."""
    return forward_from_cols(unfold(x, geom), w, geom, groups)


def backward(dy, x, w, geom, groups):
    """(dx, dw) from checked dy (N, F, Ho, Wo), x and w: dW = dY @ colsᵀ, dX = col2im(Wᵀ @ dY)."""
    dw = weight_gradient_from_cols(dy, unfold(x, geom), w.shape, groups)
    dxp = np.zeros(x.shape[:2] + geom.padded, dtype=x.dtype)
    fold_add(dxp, input_gradient_cols(dy, w, groups), geom)
    return crop(dxp, geom), dw


def workspace(call, backward):
    """Bytes per sample: the columns, C*KH*KW x Ho*Wo values (with the padded input they
    are cut from); going backward, the columns of dX and its padded image as well."""
    c, f, item = call.x.shape[1], call.w.shape[0], call.x.itemsize
    (kh, kw), (ho, wo), (hp, wp) = call.geom.kernel, call.geom.output, call.geom.padded
    cols, padded = c * kh * kw * ho * wo, c * hp * wp
    if not backward:
        return Workspace(0, (cols + padded + f * ho * wo) * item)
    per_sample_dw = f * (c // call.groups) * kh * kw              # dY @ colsᵀ, per sample
    return Workspace(0, (2 * cols + 2 * padded + per_sample_dw) * item)


conv2d_im2col = public_forward(forward, "conv2d_im2col",
                               "Forward pass as matrix products: y = W @ im2col(x) (+ b).",
                               workspace=workspace)
conv2d_im2col_backward = public_backward(
    backward, "conv2d_im2col_backward",
    "Backward pass as matrix products: dW = dY @ colsᵀ (summed over the batch),\n"
    "    dX = col2im(Wᵀ @ dY).", workspace=workspace)


def forward_from_cols(cols, w, geom, groups):
    """y = W @ cols.  cols (N, C*KH*KW, L), w (F, C/g, KH, KW) -> y (N, F, Ho, Wo).

    One batched product: numpy hands each (F/g, C/g*KH*KW) @ (C/g*KH*KW, L) to BLAS.
    """
    n, rows, length = cols.shape
    f = w.shape[0]
    wg = w.reshape(groups, f // groups, rows // groups)     # (g, F/g, C/g*KH*KW)
    colsg = cols.reshape(n, groups, rows // groups, length)  # (n, g, C/g*KH*KW, L)
    return (wg @ colsg).reshape(n, f, *geom.output)


def weight_gradient_from_cols(dy, cols, w_shape, groups):
    """dW = dY @ colsᵀ, summed over the batch.

    dy (N, F, Ho, Wo), cols (N, C*KH*KW, L) -> dw (F, C/g, KH, KW).
    """
    n, f = dy.shape[:2]
    rows, length = cols.shape[1:]
    dyg = dy.reshape(n, groups, f // groups, length)           # (n, g, F/g, L)
    colsg = cols.reshape(n, groups, rows // groups, length)    # (n, g, C/g*KK, L)
    return (dyg @ colsg.transpose(0, 1, 3, 2)).sum(axis=0).reshape(w_shape)


def input_gradient_cols(dy, w, groups):
    """The columns of dX: Wᵀ @ dY.  dy (N, F, Ho, Wo), w (F, C/g, KH, KW) -> (N, C*KH*KW, L).

    col2im (``fold_add``) then adds them into the image they were unfolded from.
    """
    n, f = dy.shape[:2]
    rows = w[0].size                                         # C/g*KH*KW
    wgt = w.reshape(groups, f // groups, rows).transpose(0, 2, 1)   # (g, C/g*KK, F/g)
    dyg = dy.reshape(n, groups, f // groups, -1)             # (n, g, F/g, L)
    return (wgt @ dyg).reshape(n, groups * rows, dyg.shape[-1])
