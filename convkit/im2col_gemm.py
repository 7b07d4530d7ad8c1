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
from numpy.lib.stride_tricks import sliding_window_view

from .fastpath import cache_sized_parts, flat_runs
from .geometry import _check_array, check_conv_args, conv_geometry, pad, result_dtype

__all__ = ["im2col", "col2im", "conv2d_im2col", "conv2d_im2col_backward"]


def im2col(x, kernel_size, *, stride=1, padding=0, dilation=1):
    """Unfold every receptive field into a column.

    x (N, C, H, W) -> cols (N, C*KH*KW, Ho*Wo), a new array.
    Each input pixel is copied once for every window that contains it (up to KH*KW times).
    """
    _check_array(x, "x", 4)
    geom = conv_geometry(x.shape[2:], kernel_size, stride, padding, dilation)
    return _im2col(x, geom)


def _im2col(x, geom, out=None):
    """The unfolding itself.  x (N, C, H, W) -> cols (N, C*KH*KW, Ho*Wo), written into
    ``out`` when given (an array of that shape and x's dtype, e.g. last step's columns).

    Read as: ``cols[n, (c, i, j), (oy, ox)] = xpad[n, c, oy*S + i*D, ox*S + j*D]``.  The
    teaching version copies one strided slice per kernel tap (the mirror image of
    ``_col2im_add``); here all receptive fields are first a read-only strided *view* of the
    padded input (free), and ``copy`` is the one pass over memory (measured 1.8x faster
    than KH*KW slice copies).
    """
    n, c = x.shape[:2]
    (kh, kw), (sh, sw), (dh, dw), (ho, wo) = geom.kernel, geom.stride, geom.dilation, geom.output
    span = (dh * (kh - 1) + 1, dw * (kw - 1) + 1)            # how far one window reaches
    windows = sliding_window_view(pad(x, geom.padding), span, axis=(2, 3))
    windows = windows[:, :, ::sh, ::sw, ::dh, ::dw]          # (N, C, Ho, Wo, KH, KW)
    windows = windows.transpose(0, 1, 4, 5, 2, 3)            # (N, C, KH, KW, Ho, Wo)
    if out is None:
        return windows.copy().reshape(n, c * kh * kw, ho * wo)
    np.copyto(out.reshape(windows.shape), windows)
    return out


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
    xp = _padded_zeros(n, rows // (kh * kw), geom, cols.dtype)
    _col2im_add(xp, cols, geom)
    return _crop(xp, geom)


def _padded_zeros(n, c, geom, dtype):
    (ph, pw), (h, w) = geom.padding, geom.input
    return np.zeros((n, c, h + 2 * ph, w + 2 * pw), dtype=dtype)


def _crop(xp, geom):
    """Drop the padding border: the gradient that reached it belongs to no input."""
    (ph, pw), (h, w) = geom.padding, geom.input
    return xp[:, :, ph:ph + h, pw:pw + w]


def _col2im_add(xp, cols, geom):
    """Add cols (N, C*KH*KW, Ho*Wo) into the padded image xp (N, C, Hp, Wp), in place."""
    n = cols.shape[0]
    (kh, kw), (ho, wo) = geom.kernel, geom.output
    blocks = cols.reshape(n, -1, kh, kw, ho, wo)
    for i, j in geom.taps:  # accumulate one tap at a time: no np.add.at, no pixel loop
        rows, columns = geom.window(i, j)
        xp[:, :, rows, columns] += blocks[:, :, i, j]


def conv2d_im2col(x, w, b=None, *, stride=1, padding=0, dilation=1, groups=1):
    """Forward pass as matrix products: y = W @ im2col(x) (+ b).

    x (N, C, H, W), w (F, C/groups, KH, KW), b (F,) or None -> y (N, F, Ho, Wo).
    """
    geom = check_conv_args(x, w, b, stride=stride, padding=padding, dilation=dilation, groups=groups)
    dtype = result_dtype(x, w, b)
    x, w = x.astype(dtype, copy=False), w.astype(dtype, copy=False)
    b = None if b is None else b.astype(dtype, copy=False)
    y = np.empty((x.shape[0], w.shape[0]) + geom.output, dtype=dtype)
    # A few samples at a time: their columns are still in cache when the product reads
    # them, and the whole batch's (often 100+ MB) never exists at once.  Measured ~1.2x
    # faster than unfolding the whole batch first.
    for part in cache_sized_parts(x.shape[0], _cols_bytes(x.shape[1], geom, x.dtype)):
        y[part] = forward_from_cols(_im2col(x[part], geom), w, b, geom, groups)
    return y


def _cols_bytes(channels, geom, dtype):
    """Bytes of one sample's columns: C*KH*KW * Ho*Wo values."""
    return channels * np.prod(geom.kernel) * np.prod(geom.output) * np.dtype(dtype).itemsize


def forward_from_cols(cols, w, b, geom, groups):
    """y = W @ cols (+ b).  cols (N, C*KH*KW, L), w (F, C/g, KH, KW) -> y (N, F, Ho, Wo).

    One batched product: numpy hands each (F/g, C/g*KH*KW) @ (C/g*KH*KW, L) to BLAS.
    """
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
    dy, x, w = (a.astype(dtype, copy=False) for a in (dy, x, w))
    return (input_gradient_from_dy(dy, w, geom, groups),
            weight_gradient(dy, x, w.shape, geom, groups), dy.sum(axis=(0, 2, 3)))


def weight_gradient(dy, x, w_shape, geom, groups):
    """dW from x itself, unfolding a few samples at a time (as in conv2d_im2col).

    dy (N, F, Ho, Wo), x (N, C, H, W) -> dw (F, C/g, KH, KW).
    """
    dw = np.zeros(w_shape, dtype=dy.dtype)
    for part in cache_sized_parts(x.shape[0], _cols_bytes(x.shape[1], geom, x.dtype)):
        dw += weight_gradient_from_cols(dy[part], _im2col(x[part], geom), w_shape, groups)
    return dw


def backward_from_cols(dy, cols, w, geom, groups):
    """Gradients from the forward pass's own cols (a layer keeps them, so im2col runs once).

    dy (N, F, Ho, Wo), cols (N, C*KH*KW, L), w (F, C/g, KH, KW) -> dx, dw, db.
    """
    return (input_gradient_from_dy(dy, w, geom, groups),
            weight_gradient_from_cols(dy, cols, w.shape, groups),
            dy.sum(axis=(0, 2, 3)))


def input_gradient_from_dy(dy, w, geom, groups):
    """dX = col2im(Wᵀ @ dY); needs no columns of x.  dy (N, F, Ho, Wo) -> dx (N, C, H, W)."""
    n, f = dy.shape[:2]
    dxp = _padded_zeros(n, w.shape[1] * groups, geom, dy.dtype)
    wgt = w.reshape(groups, f // groups, -1).transpose(0, 2, 1)  # (g, C/g*KK, F/g)
    if geom.stride == (1, 1):
        _input_gradient_stride1(dxp, dy, wgt, geom)
        return _crop(dxp, geom)
    dyg = dy.reshape(n, groups, f // groups, -1)           # (n, g, F/g, L)
    # A few samples at a time: the product's columns are still in cache when col2im adds
    # them up.  Measured ~1.4x faster than the whole batch in two steps.
    for part in cache_sized_parts(n, _cols_bytes(dxp.shape[1], geom, dy.dtype)):
        dcols = (wgt @ dyg[part]).reshape(dyg[part].shape[0], -1, dyg.shape[-1])
        _col2im_add(dxp[part], dcols, geom)
    return _crop(dxp, geom)


def _input_gradient_stride1(dxp, dy, wgt, geom):
    """The same dX for stride 1, with col2im's adds made contiguous (~1.2x faster).

    The direct method's stride-1 trick (``fastpath.flat_runs``): dY gets Wp-wide rows whose
    extra columns are zero, so its columns are Wp wide too and each tap's block adds into
    ONE contiguous run of the flattened padded image (zeros land on the junk positions).
    """
    n, f, ho, wo = dy.shape
    groups = wgt.shape[0]
    starts, length, wp = flat_runs(dxp.shape, geom)
    dywide = np.zeros((n, f, ho, wp), dtype=dy.dtype)
    dywide[..., :wo] = dy
    dywide = dywide.reshape(n, groups, f // groups, ho * wp)[..., :length]
    image = dxp.reshape(n, groups, -1, dxp.shape[2] * wp)  # (n, g, C/g, Hp*Wp), a view
    for part in cache_sized_parts(n, _cols_bytes(dxp.shape[1], geom, dy.dtype)):
        dcols = wgt @ dywide[part]                          # (n', g, C/g*KK, len)
        dcols = dcols.reshape(dcols.shape[:2] + (-1, len(starts), length))
        for tap, start in enumerate(starts):
            image[part, :, :, start:start + length] += dcols[:, :, :, tap]


def weight_gradient_from_cols(dy, cols, w_shape, groups):
    """dW = dY @ colsᵀ, summed over the batch.

    dy (N, F, Ho, Wo), cols (N, C*KH*KW, L) -> dw (F, C/g, KH, KW).  Computed as
    (cols @ dYᵀ)ᵀ: the same numbers, but BLAS runs this operand order ~1.2x faster here;
    a batched product plus a sum measured as fast as one product over N*L.
    """
    n, f = dy.shape[:2]
    dyg = dy.reshape(n, groups, f // groups, -1)           # (n, g, F/g, L)
    colsg = cols.reshape(n, groups, -1, cols.shape[-1])    # (n, g, C/g*KK, L)
    dw_t = (colsg @ dyg.transpose(0, 1, 3, 2)).sum(axis=0)  # (g, C/g*KK, F/g)
    return dw_t.transpose(0, 2, 1).reshape(w_shape)
