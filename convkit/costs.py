"""How many multiplies each convolution algorithm spends — counted from the shapes, not timed.

x_shape (N, C, H, W) and w_shape (F, C/groups, KH, KW) as for the convolution functions.
The counts are of the multiplies that involve *data* (input times weight, or their transforms);
multiplies by the constants 0, ±1 of the Winograd transforms are additions and not counted.

* direct and im2col: one multiply per input element under every kernel tap — identical counts,
  im2col only moves the data first;
* Winograd F(2×2, 3×3): 16 per 2×2 output tile and (input channel, filter) pair, instead of 36;
* FFT: the pointwise products (exact), plus the transforms (an estimate: a real FFT of L points
  costs about L·log2(L) real multiplies; real libraries differ in the constant).
"""
from __future__ import annotations

import math

from . import winograd
from .fftconv import check_limits, fft_size
from .geometry import check_groups, conv_geometry

__all__ = ["direct_multiplies", "winograd_multiplies", "fft_multiplies", "fft_total_multiplies"]


def _geometry(x_shape, w_shape, groups, **geometry):
    n, c, h, w = x_shape
    f, cg, kh, kw = w_shape
    groups = check_groups(groups, c, f, names=("x_shape[1]", "w_shape[0]"))
    if cg * groups != c:
        raise ValueError(f"w_shape {tuple(w_shape)} needs w_shape[1] * groups == C: got "
                         f"{cg} * {groups} != {c} (x_shape {tuple(x_shape)})")
    return n, f, cg, conv_geometry((h, w), (kh, kw), **geometry)


def direct_multiplies(x_shape, w_shape, *, stride=1, padding=0, dilation=1, groups=1):
    """N·F·(C/g)·KH·KW·Ho·Wo: one multiply per kernel tap, channel, filter and output pixel."""
    n, f, cg, geom = _geometry(x_shape, w_shape, groups, stride=stride, padding=padding,
                               dilation=dilation)
    (kh, kw), (ho, wo) = geom.kernel, geom.output
    return n * f * cg * kh * kw * ho * wo


def winograd_multiplies(x_shape, w_shape, *, stride=1, padding=0, dilation=1, groups=1):
    """N·F·(C/g)·16·tiles for F(2×2, 3×3), tiles = ceil(Ho/2)·ceil(Wo/2).

    The elementwise products only (Lavin & Gray's "general multiplications"); the kernel
    transform is done once per kernel and the input/output transforms are additions.
    """
    n, f, cg, geom = _geometry(x_shape, w_shape, groups, stride=stride, padding=padding,
                               dilation=dilation)
    if geom.kernel != (3, 3):
        raise ValueError(f"F(2x2, 3x3) needs a 3x3 kernel, got w_shape {tuple(w_shape)}")
    winograd.check_limits(geom.kernel, geom.stride, geom.dilation)
    th, tw = (-(-o // 2) for o in geom.output)
    return n * f * cg * 16 * th * tw


def fft_multiplies(x_shape, w_shape, *, stride=1, padding=0, dilation=1, groups=1):
    """Real multiplies of FFT convolution: ``(pointwise, transforms)``.

    With (P, Q) = ``fftconv.fft_size``, the padded input's size rounded up to a fast FFT length:
    pointwise (exact for convkit.conv2d_fft): N·F·(C/g)·P·(Q//2 + 1) complex products of the
    half spectrum a real FFT keeps, 4 real multiplies each.
    transforms (estimate): N·C input FFTs, F·C/g kernel FFTs and N·F inverse FFTs of
    L = P·Q points at about L·log2(L) real multiplies each, rounded.
    """
    n, f, cg, geom = _geometry(x_shape, w_shape, groups, stride=stride, padding=padding,
                               dilation=dilation)
    check_limits(geom.kernel, geom.stride, geom.dilation)
    hp, wp = fft_size(geom)
    pointwise = 4 * n * f * cg * hp * (wp // 2 + 1)
    points = hp * wp
    count = n * cg * groups + f * cg + n * f
    transforms = round(count * points * math.log2(points)) if points > 1 else 0
    return pointwise, transforms


def fft_total_multiplies(x_shape, w_shape, **geometry):
    """``fft_multiplies`` as one number: pointwise + transforms (the transforms estimated)."""
    return sum(fft_multiplies(x_shape, w_shape, **geometry))

