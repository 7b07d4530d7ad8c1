"""偶像派 — the idol way: 整容 (a face-lift) turns convolution into one matrix product.

im2col copies every receptive field into a column, so that the convolution becomes
``W (F, C*KH*KW) @ cols (C*KH*KW, Ho*Wo)``: one call to a heavily optimised GEMM.
The backward pass is two more matrix products; dX goes back through col2im, which adds
each column entry to the input pixel it was copied from.

Layouts match ``torch.nn.functional.unfold`` / ``fold``: cols is (N, C*KH*KW, Ho*Wo),
rows ordered channel-major, then kernel row, then kernel column.
"""
from __future__ import annotations

import numpy as np

from .geometry import _check_array, check_conv_args, conv_geometry, pad, pair, result_dtype

__all__ = ["im2col", "col2im", "conv2d_im2col", "conv2d_im2col_backward"]


def im2col(x, kernel_size, *, stride=1, padding=0, dilation=1):
    """Unfold every receptive field into a column.

    x (N, C, H, W) -> cols (N, C*KH*KW, Ho*Wo).
    One strided copy per kernel tap (KH*KW copies), none per pixel.
    """
    _check_array(x, "x", 4)
    geom = conv_geometry(x.shape[2:], kernel_size, stride, padding, dilation)
    return _im2col(x, geom)


def _im2col(x, geom):
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
    _check_array(cols, "cols", 3)
    geom = conv_geometry(input_size, kernel_size, stride, padding, dilation)
    (kh, kw), (ho, wo) = geom.kernel, geom.output
    n, rows, length = cols.shape
    if rows % (kh * kw):
        raise ValueError(f"cols.shape[1]={rows} must be a multiple of KH*KW={kh * kw} "
                         f"for kernel_size {geom.kernel}")
    if length != ho * wo:
        raise ValueError(f"cols.shape[2]={length} must equal Ho*Wo={ho}*{wo}={ho * wo} for "
                         f"input_size {geom.input} and this geometry")
    return _col2im(cols, geom)


def _col2im(cols, geom):
    n = cols.shape[0]
    (kh, kw), (ho, wo), (ph, pw), (h, w) = geom.kernel, geom.output, geom.padding, geom.input
    c = cols.shape[1] // (kh * kw)
    blocks = cols.reshape(n, c, kh, kw, ho, wo)
    xp = np.zeros((n, c, h + 2 * ph, w + 2 * pw), dtype=cols.dtype)
    for i, j in geom.taps:  # accumulate one tap at a time: no np.add.at, no pixel loop
        rows, columns = geom.window(i, j)
        xp[:, :, rows, columns] += blocks[:, :, i, j]
    return xp[:, :, ph:ph + h, pw:pw + w]


def conv2d_im2col(x, w, b=None, *, stride=1, padding=0, dilation=1, groups=1):
    """Forward pass as one (batched) matrix product.

    x (N, C, H, W), w (F, C/groups, KH, KW), b (F,) or None -> y (N, F, Ho, Wo).
    """
    geom = check_conv_args(x, w, b, stride=stride, padding=padding, dilation=dilation, groups=groups)
    dtype = result_dtype(x, w, b)
    cols = _im2col(x.astype(dtype, copy=False), geom)
    return forward_from_cols(cols, w.astype(dtype, copy=False),
                             None if b is None else b.astype(dtype, copy=False), geom, groups)


def forward_from_cols(cols, w, b, geom, groups):
    """y = W @ cols (+ b).  cols (N, C*KH*KW, L), w (F, C/g, KH, KW) -> y (N, F, Ho, Wo)."""
    n = cols.shape[0]
    f = w.shape[0]
    wg = w.reshape(groups, f // groups, -1)                # (g, F/g, C/g*KH*KW)
    colsg = cols.reshape(n, groups, -1, cols.shape[-1])    # (n, g, C/g*KH*KW, L)
    y = (wg @ colsg).reshape(n, f, *geom.output)
    if b is not None:
        y += b.reshape(1, -1, 1, 1)
    return y


def conv2d_im2col_backward(dy, x, w, *, stride=1, padding=0, dilation=1, groups=1):
    """Backward pass as matrix products.

    dy (N, F, Ho, Wo), x (N, C, H, W), w (F, C/groups, KH, KW)
    -> dx (N, C, H, W), dw (F, C/groups, KH, KW), db (F,).
    dW = dY @ colsᵀ (summed over the batch); dX = col2im(Wᵀ @ dY).
    """
    geom = check_conv_args(x, w, stride=stride, padding=padding, dilation=dilation,
                           groups=groups, dy=dy)
    dtype = result_dtype(dy, x, w)
    cols = _im2col(x.astype(dtype, copy=False), geom)
    return backward_from_cols(dy.astype(dtype, copy=False), cols, w.astype(dtype, copy=False),
                              geom, groups)


def backward_from_cols(dy, cols, w, geom, groups):
    """Gradients from the forward pass's own cols (a layer keeps them, so im2col runs once).

    dy (N, F, Ho, Wo), cols (N, C*KH*KW, L), w (F, C/g, KH, KW) -> dx, dw, db.
    """
    return (input_gradient_from_dy(dy, w, geom, groups),
            weight_gradient_from_cols(dy, cols, w.shape, groups),
            dy.sum(axis=(0, 2, 3)))


def input_gradient_from_dy(dy, w, geom, groups):
    """dX = col2im(Wᵀ @ dY): no im2col of x needed.  dy (N, F, Ho, Wo) -> dx (N, C, H, W)."""
    n, f = dy.shape[:2]
    dyg = dy.reshape(n, groups, f // groups, -1)           # (n, g, F/g, L)
    wg = w.reshape(groups, f // groups, -1)                # (g, F/g, C/g*KK)
    dcols = (wg.transpose(0, 2, 1) @ dyg).reshape(n, -1, dyg.shape[-1])
    return _col2im(dcols, geom)


def weight_gradient_from_cols(dy, cols, w_shape, groups):
    """dW = dY @ colsᵀ summed over the batch.  dy (N, F, Ho, Wo), cols (N, C*KK, L) -> (F, C/g, KH, KW)."""
    n, f = dy.shape[:2]
    dyg = dy.reshape(n, groups, f // groups, -1)           # (n, g, F/g, L)
    colsg = cols.reshape(n, groups, -1, cols.shape[-1])    # (n, g, C/g*KK, L)
    return (dyg @ colsg.transpose(0, 1, 3, 2)).sum(axis=0).reshape(w_shape)
