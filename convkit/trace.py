"""Who touches whom: the index bookkeeping of a convolution, for one channel.

Ids are flat, row-major: input pixel ``r*W + c`` (0 .. H*W-1), kernel weight
``i*KW + j`` (0 .. KH*KW-1), output pixel ``oy*Wo + ox`` (0 .. Ho*Wo-1).

One source of truth, :func:`window_positions` (where every kernel tap of every
output window lands on the input), and everything else is a rearrangement of it:

* :func:`im2col_indices`       (Ho*Wo, KH*KW)  input id per (output, kernel weight) — the 整容 matrix
* :func:`forward_map`          (Ho, Wo, H, W)  kernel id per (output, input)  — diagram 1
* :func:`input_grad_map`       (H, W, Ho, Wo)  kernel id per (input, output)  — diagram 2
* :func:`weight_grad_map`      (KH, KW, Ho, Wo) input id per (kernel weight, output) — diagram 3
* :func:`participation_counts` (H, W)          how many outputs each input feeds

``-1`` marks "nothing here": a blank cell of a map, or a tap sitting on padding.
Every function takes ``input_size`` and ``kernel_size`` as ints or (h, w) pairs and the
geometry keywords ``stride``, ``padding``, ``dilation`` (ints or (h, w) pairs), checked by
:func:`convkit.geometry.conv_geometry` (bad values raise its ValueError / TypeError).
"""
from __future__ import annotations

import numpy as np

from .geometry import conv_geometry

__all__ = ["window_positions", "im2col_indices", "forward_map", "input_grad_map",
           "weight_grad_map", "participation_counts"]

BLANK = -1  # no kernel id / no input id here


def window_positions(input_size, kernel_size, *, stride=1, padding=0, dilation=1):
    """Input coordinates every kernel tap lands on, for every output pixel.

    -> int array (Ho*Wo, KH*KW, 2) of (row, col) in *unpadded* input coordinates:
    a coordinate outside ``0..H-1`` / ``0..W-1`` is a padding cell.
    Rows follow the output pixels, columns the kernel taps (both row-major).
    """
    geom = conv_geometry(input_size, kernel_size, stride, padding, dilation)
    (h, w), (ph, pw), (ho, wo) = geom.input, geom.padding, geom.output
    # Row/column numbers of the padded input, shifted so the real input starts at 0.
    padded_rows = np.arange(h + 2 * ph) - ph
    padded_cols = np.arange(w + 2 * pw) - pw
    pos = np.empty((ho, wo, len(geom.taps), 2), dtype=np.intp)
    for k, (i, j) in enumerate(geom.taps):
        rows, cols = geom.window(i, j)  # the same slices im2col copies with
        pos[:, :, k, 0] = padded_rows[rows][:, None]
        pos[:, :, k, 1] = padded_cols[cols][None, :]
    return pos.reshape(ho * wo, len(geom.taps), 2)


def im2col_indices(input_size, kernel_size, *, stride=1, padding=0, dilation=1):
    """The 整容 (im2col) matrix of ids.

    -> int array (Ho*Wo, KH*KW): entry [o, k] is the flat input id that kernel weight k
    multiplies for output o, or -1 where the window sits on padding.
    (This is ``convkit.im2col`` of an image of ids, transposed: rows are outputs.)
    """
    geom = conv_geometry(input_size, kernel_size, stride, padding, dilation)
    pos = window_positions(geom.input, geom.kernel, stride=geom.stride, padding=geom.padding,
                           dilation=geom.dilation)
    h, w = geom.input
    rows, cols = pos[..., 0], pos[..., 1]
    inside = (rows >= 0) & (rows < h) & (cols >= 0) & (cols < w)
    return np.where(inside, rows * w + cols, BLANK)


def forward_map(input_size, kernel_size, *, stride=1, padding=0, dilation=1):
    """Diagram 1: which inputs each output reads, and through which kernel weight.

    -> int array (Ho, Wo, H, W): entry [oy, ox, r, c] is the kernel id that multiplies
    input (r, c) for output (oy, ox), or -1 if that output does not read that input.
    """
    geom = conv_geometry(input_size, kernel_size, stride, padding, dilation)
    idx = im2col_indices(geom.input, geom.kernel, stride=geom.stride, padding=geom.padding,
                         dilation=geom.dilation)
    (h, w), (ho, wo) = geom.input, geom.output
    out = np.full((ho * wo, h * w), BLANK, dtype=np.intp)
    outputs, taps = np.nonzero(idx != BLANK)
    # Within one window every tap lands on a different pixel, so nothing is overwritten.
    out[outputs, idx[outputs, taps]] = taps
    return out.reshape(ho, wo, h, w)


def input_grad_map(input_size, kernel_size, *, stride=1, padding=0, dilation=1):
    """Diagram 2 (the input-loss map): which outputs each input feeds, through which weight.

    -> int array (H, W, Ho, Wo): entry [r, c, oy, ox] is the kernel id, or -1.
    dX[r, c] = sum over the non-blank entries of dZ[oy, ox] * K[kernel id].
    """
    return forward_map(input_size, kernel_size, stride=stride, padding=padding,
                       dilation=dilation).transpose(2, 3, 0, 1).copy()


def weight_grad_map(input_size, kernel_size, *, stride=1, padding=0, dilation=1):
    """Diagram 3 (the weight-derivative map): which input each weight meets at each output.

    -> int array (KH, KW, Ho, Wo): entry [i, j, oy, ox] is the flat input id, or -1 on padding.
    dK[i, j] = sum over the non-blank entries of dZ[oy, ox] * X[input id].
    """
    geom = conv_geometry(input_size, kernel_size, stride, padding, dilation)
    idx = im2col_indices(geom.input, geom.kernel, stride=geom.stride, padding=geom.padding,
                         dilation=geom.dilation)
    return idx.T.reshape(*geom.kernel, *geom.output).copy()


def participation_counts(input_size, kernel_size, *, stride=1, padding=0, dilation=1):
    """How many outputs each input takes part in (= how many terms its gradient sums).

    -> int array (H, W). For 5x5 / 3x3 this is the article's 1 2 3 2 1 / 2 4 6 4 2 / ...
    matrix, summing to 81 = 9 outputs x 9 multiply-adds; 0 marks an input no window reaches.
    """
    return (input_grad_map(input_size, kernel_size, stride=stride, padding=padding,
                           dilation=dilation) != BLANK).sum(axis=(2, 3))
