"""Winograd F(2×2, 3×3): four outputs from a 4×4 input tile with 16 multiplies instead of 36.

Lavin & Gray (2016) nest Winograd's 1-D minimal filtering algorithm F(2, 3)::

    y = Aᵀ [(G g) ⊙ (Bᵀ d)]             d: 4 inputs, g: 3 taps -> y: 2 outputs, 4 multiplies (not 6)
    Y = Aᵀ [(G g Gᵀ) ⊙ (Bᵀ d B)] A       d: 4×4 tile, g: 3×3     -> Y: 2×2,     16 multiplies (not 36)

Bᵀ and Aᵀ hold only 0 and ±1 (additions); G g Gᵀ is computed once per kernel.  The input is cut
into 4×4 tiles that overlap by 2 (= K - 1), one tile per 2×2 block of outputs.  Summed over the
input channels, the ⊙ becomes 16 independent matrix products — the part a library gives to GEMM.
Like every convkit function this computes cross-correlation (no kernel flip).
Stride 1, dilation 1 and 3×3 kernels only; padding and groups are supported.

Non-finite numbers: the transforms add and subtract the 16 inputs of a tile, so a NaN or
inf in x reaches every output of the 2×2 output tiles whose 4×4 input tile holds it (up
to 4×4 outputs where PyTorch has up to 3×3), and an inf there mostly comes out as NaN
(inf − inf).  A non-finite weight w[f] reaches every output of filter f; a non-finite dY
reaches the dx of whole tiles.  ``convkit.fast_winograd`` does the same;
``Conv2d(method="auto")`` runs an exact method instead.
"""
from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from .geometry import crop, pad
from .memory import Workspace
from .prelude import Caller, public_backward, public_forward

__all__ = ["BT", "G", "AT", "conv2d_winograd", "conv2d_winograd_backward", "winograd_tiles",
           "REQUIRES", "check_limits", "forward", "backward", "workspace"]

# Input transform Bᵀ (4×4), kernel transform G (4×3), output transform Aᵀ (2×4), from Lavin & Gray.
BT = np.array([[1, 0, -1, 0],
               [0, 1, 1, 0],
               [0, -1, 1, 0],
               [0, 1, 0, -1]], dtype=np.float64)
G = np.array([[1, 0, 0],
              [0.5, 0.5, 0.5],
              [0.5, -0.5, 0.5],
              [0, 0, 1]], dtype=np.float64)
AT = np.array([[1, 1, 1, 0],
               [0, 1, -1, -1]], dtype=np.float64)

_M, _R = 2, 3        # outputs per tile side, kernel side: F(m×m, r×r)
_T = _M + _R - 1     # input tile side (4); tiles step by _M, so neighbours overlap by _R - 1
REQUIRES = {"kernel": (_R, _R), "stride": (1, 1), "dilation": (1, 1)}  # what it can run


def check_limits(kernel, stride, dilation, caller=Caller("conv2d_winograd")):
    """Raise ValueError unless F(2×2, 3×3) can run this geometry: 3×3, stride 1, dilation 1.

    ``caller`` (``prelude.Caller``) names who asks, for the message."""
    if tuple(kernel) != REQUIRES["kernel"]:
        raise ValueError(f"{caller.name} implements F(2x2, 3x3): {caller.weight} must hold 3x3 "
                         f"kernels, got kernel size {tuple(kernel)}; use {caller.use('im2col')} "
                         f"or {caller.use('fft')} for other kernel sizes")
    if tuple(stride) != REQUIRES["stride"]:
        raise ValueError(f"{caller.name} needs stride 1, got stride={tuple(stride)}: a tile's "
                         f"outputs must be neighbours; use {caller.use('im2col')} for strided "
                         f"convolution")
    if tuple(dilation) != REQUIRES["dilation"]:
        raise ValueError(f"{caller.name} needs dilation 1, got dilation={tuple(dilation)}; "
                         f"use {caller.use('im2col')} for dilated convolution")


def winograd_tiles(output):
    """Number of 2×2 output tiles along each axis: ``ceil(Ho/2), ceil(Wo/2)``."""
    return tuple(-(-o // _M) for o in output)


def _tiles(xp, geom):
    """Cut the padded input into overlapping 4×4 tiles.

    xp (N, C, Hp, Wp) -> d (N, C, TH, TW, 4, 4).  When Ho or Wo is odd the last tile would
    stick out by one row/column: zeros are added there, and the extra output is cropped later.
    """
    th, tw = winograd_tiles(geom.output)
    extra_h = _M * th + _R - 1 - xp.shape[2]
    extra_w = _M * tw + _R - 1 - xp.shape[3]
    xp = np.pad(xp, [(0, 0), (0, 0), (0, extra_h), (0, extra_w)])
    return sliding_window_view(xp, (_T, _T), axis=(2, 3))[:, :, ::_M, ::_M]


def _kernel_matrices(u, groups):
    """Transformed kernels u (F, C/g, 4, 4) -> (16, g, F/g, C/g): one matrix per tile position."""
    f, cg = u.shape[:2]
    return u.reshape(groups, f // groups, cg, _T * _T).transpose(3, 0, 1, 2)


def _tile_matrices(v, groups):
    """Transformed tiles v (N, C, TH, TW, 4, 4) -> (16, g, C/g, N*TH*TW)."""
    n, c = v.shape[:2]
    v = v.reshape(n, groups, c // groups, -1, _T * _T)
    return v.transpose(4, 1, 2, 0, 3).reshape(_T * _T, groups, c // groups, -1)


def _tiles_back(a, n, tiles):
    """Inverse of _tile_matrices: (16, g, K, N*TH*TW) -> (N, g*K, TH, TW, 4, 4)."""
    s, g, k, _ = a.shape
    a = a.reshape(s, g, k, n, *tiles).transpose(3, 1, 2, 4, 5, 0)
    return a.reshape(n, g * k, *tiles, _T, _T)


def forward(x, w, geom, groups):
    """y (N, F, Ho, Wo) without bias, from checked x (N, C, H, W) and w (F, C/g, 3, 3)."""
    bt, g_, at = (m.astype(x.dtype) for m in (BT, G, AT))  # compute in the caller's precision
    d = _tiles(pad(x, geom.padding), geom)              # (N, C, TH, TW, 4, 4)
    v = bt @ d @ bt.T                                   # input transform, per tile
    u = g_ @ w @ g_.T                                   # kernel transform (F, C/g, 4, 4)
    # The 16 multiplies per tile and channel pair, summed over channels: 16 GEMMs
    # (F/g, C/g) @ (C/g, N*tiles), one per position of the 4×4 transformed tile.
    m = _kernel_matrices(u, groups) @ _tile_matrices(v, groups)   # (16, g, F/g, N*tiles)
    m = _tiles_back(m, x.shape[0], d.shape[2:4])        # (N, F, TH, TW, 4, 4)
    y_tiles = at @ m @ at.T                             # output transform -> (N, F, TH, TW, 2, 2)
    n, f, th, tw = y_tiles.shape[:4]
    y = y_tiles.transpose(0, 1, 2, 4, 3, 5).reshape(n, f, _M * th, _M * tw)
    return np.ascontiguousarray(y[:, :, :geom.output[0], :geom.output[1]])


def backward(dy, x, w, geom, groups):
    """(dx, dw) from checked dy (N, F, Ho, Wo), x and w, through the Winograd transforms.

    The forward is linear in d and in g, so its gradient uses the same matrices transposed:
    dM = A dY Aᵀ, then dU = Σ dM ⊙ V, dw = Gᵀ dU G and dV = Σ U ⊙ dM, dd = B dV Bᵀ; the
    overlapping tiles' dd are added back into the input they were cut from.
    """
    dtype = x.dtype
    bt, g_, at = (m.astype(dtype) for m in (BT, G, AT))
    n, (th, tw) = x.shape[0], winograd_tiles(geom.output)
    d = _tiles(pad(x, geom.padding), geom)
    v = _tile_matrices(bt @ d @ bt.T, groups)                      # (16, g, C/g, N*tiles)
    u = _kernel_matrices(g_ @ w @ g_.T, groups)                    # (16, g, F/g, C/g)
    # dY cut into 2×2 tiles (zeros where the last tile stuck out), back through Aᵀ.
    dyt = np.zeros((n, dy.shape[1], _M * th, _M * tw), dtype=dtype)
    dyt[:, :, :geom.output[0], :geom.output[1]] = dy
    dyt = dyt.reshape(n, -1, th, _M, tw, _M).transpose(0, 1, 2, 4, 3, 5)
    dm = _tile_matrices(at.T @ dyt @ at, groups)                   # (16, g, F/g, N*tiles)
    du = dm @ v.transpose(0, 1, 3, 2)                              # (16, g, F/g, C/g)
    dw = g_.T @ du.transpose(1, 2, 3, 0).reshape(w.shape[:2] + (_T, _T)) @ g_
    dv = _tiles_back(u.transpose(0, 1, 3, 2) @ dm, n, (th, tw))   # (N, C, TH, TW, 4, 4)
    dd = bt.T @ dv @ bt
    dxp = np.zeros((n, x.shape[1], _M * th + _R - 1, _M * tw + _R - 1), dtype=dtype)
    for i in range(_T):          # add every tile back where it was cut from (they overlap)
        for j in range(_T):
            dxp[:, :, i:i + _M * th:_M, j:j + _M * tw:_M] += dd[..., i, j]
    return crop(dxp, geom), dw


def workspace(call, backward):
    """Per sample: the padded input and its 4×4 tiles (4x the input), their transforms
    and products for every filter, and the copies between layouts."""
    c, f, item = call.x.shape[1], call.w.shape[0], call.x.itemsize
    th, tw = winograd_tiles(call.geom.output)
    tiles = _T * _T * th * tw                                 # 16 values per tile
    padded = c * (_M * th + _R - 1) * (_M * tw + _R - 1)
    per_sample = 2 * padded + (4 * c + 5 * f) * tiles
    if backward:
        per_sample += (4 * c + 5 * f) * tiles + padded
    return Workspace(0, per_sample * item)


conv2d_winograd = public_forward(
    forward, "conv2d_winograd",
    "Forward pass by Winograd F(2×2, 3×3): 3×3 kernels, stride 1 and dilation 1 only; any\n"
    "    padding and groups.", limits=check_limits, workspace=workspace)
conv2d_winograd_backward = public_backward(
    backward, "conv2d_winograd_backward",
    "Backward pass through the Winograd algorithm itself (every step's transpose, in reverse).",
    limits=check_limits, workspace=workspace)
