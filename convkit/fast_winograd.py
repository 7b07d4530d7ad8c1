"""Winograd F(2×2, 3×3), fast: the numbers of ``winograd.py`` with the tile work batched.

``winograd.py`` (what notebook 09 teaches) cuts the input into 4×4 tiles and multiplies each
tile by 4×4 matrices.  numpy runs such tiny products one at a time, so there the transforms
cost more than the 16 big products they save.  Here every transform is a handful of
whole-array additions instead, and the channels are summed by 16 large matrix products —
the layout cuDNN's and oneDNN's Winograd kernels use:

* **phase planes** — x is copied once into four planes by row and column parity (padded,
  and extended so that the tiles cover it); tile entry (a, b) of ALL tiles is then one
  slice of plane (a % 2, b % 2) with contiguous rows;
* **transforms as whole-array additions** — ``Bᵀ d B`` for all tiles at once: Bᵀ's rows are
  sums of such slices (for F(2×2, 3×3): one addition or subtraction each), applied along
  rows, then along columns.  The same for Aᵀ and for the backward's B, A and the
  scatter-add of the overlapping tiles;
* **products per sample** — the 16 (F × C) @ (C × tiles) GEMMs run for each sample, so
  that V, M and y keep the (N, C or F, tiles) order of x and y: no transposes;
* **the output transform writes y in place**: each of the 2×2 output positions of a tile is
  the strided slice ``y[..., i::2, j::2]``;
* **a few samples at a time** (``fast.cache_sized_parts``): each part's tiles (16 values
  per tile and channel: 4x the input) stay near the cache, and arrays of the same few MB
  are reused from part to part — a fresh 50 MB array costs more in page faults than its
  16 products (measured 20-80 ms on a VM).

The same algorithm as ``winograd.py``, so the same multiplies and the same limits (3×3,
stride 1, dilation 1) and the same spread of a non-finite value over its tiles; the
rounding differs from it only in the order of additions.  ``Conv2d(method="winograd")``
runs it; the tests check it against the literal loops.
"""
from __future__ import annotations

import numpy as np

from .fast import cache_sized_parts
from .memory import Workspace
from .winograd import AT, BT, G, winograd_tiles

__all__ = ["forward", "backward", "workspace", "combine", "products"]

_T = BT.shape[0]        # input tile side (4)
_M = AT.shape[0]        # outputs per tile side (2)
_R = G.shape[1]         # kernel side (3)


def combine(matrix, slabs, out):
    """out[k] = Σ_a matrix[k, a] · slabs[a], for every row k of a small constant matrix.

    slabs: a sequence of equally shaped arrays (views); out: an array of shape
    (rows of matrix,) + that shape.  Zero coefficients are skipped and ±1 ones are additions,
    so Bᵀ and Aᵀ of F(2×2, 3×3) cost one addition per output value.
    """
    for k, row in enumerate(matrix):
        terms = [(float(c), slabs[a]) for a, c in enumerate(row) if c != 0]
        target = out[k]
        (c0, s0), rest = terms[0], terms[1:]
        if rest and c0 == 1 and rest[0][0] in (1, -1):
            (c1, s1), rest = rest[0], rest[1:]
            (np.add if c1 == 1 else np.subtract)(s0, s1, out=target)
        elif c0 == 1:
            np.copyto(target, s0)
        else:
            np.multiply(s0, c0, out=target)
        for c, s in rest:
            if c == 1:
                target += s
            elif c == -1:
                target -= s
            else:
                target += c * s
    return out


def _phases(x, geom, tiles):
    """x (N, C, H, W) -> phase planes (2, 2, N, C, TH+1, TW+1): padded, extended with zeros so
    that the tiles cover it, and split by row and column parity (space-to-depth).

    Tile row a of every tile is then plane ``a % 2`` shifted by ``a // 2``: a slice with
    contiguous rows, where the image itself would need a stride-2 slice.
    """
    n, c, h, w = x.shape
    (ph, pw), (th, tw) = geom.padding, tiles
    planes = np.zeros((_M, _M, n, c, th + 1, tw + 1), dtype=x.dtype)
    for a in range(_M):
        for b in range(_M):
            r0, c0 = (a - ph) % _M, (b - pw) % _M        # first x row / column of this parity
            rows, cols = len(range(r0, h, _M)), len(range(c0, w, _M))
            i0, j0 = (r0 + ph) // _M, (c0 + pw) // _M    # where they land in the plane
            planes[a, b, :, :, i0:i0 + rows, j0:j0 + cols] = x[:, :, r0::_M, c0::_M]
    return planes


def _tile_slab(planes, a, b, tiles):
    """Entry (a, b) of every 4×4 tile: (N, C, TH, TW), a view of the phase planes."""
    th, tw = tiles
    return planes[a % _M, b % _M, :, :, a // _M:a // _M + th, b // _M:b // _M + tw]


def input_transform(x, geom, tiles):
    """V = Bᵀ d B for every tile: x (N, C, H, W) -> V (4, 4, N, C, TH, TW)."""
    n, c = x.shape[:2]
    th, tw = tiles
    planes = _phases(x, geom, tiles)
    # along rows: R[k] = Σ_a Bᵀ[k, a] · (tile row a), kept split by column parity
    rows = np.empty((_T, _M, n, c, th, tw + 1), dtype=x.dtype)
    for parity in range(_M):
        slabs = [planes[a % _M, parity, :, :, a // _M:a // _M + th] for a in range(_T)]
        combine(BT, slabs, rows[:, parity])
    del planes
    v = np.empty((_T, _T, n, c, th, tw), dtype=x.dtype)
    for k in range(_T):        # along columns
        slabs = [rows[k, b % _M, ..., b // _M:b // _M + tw] for b in range(_T)]
        combine(BT, slabs, v[k])
    return v


def kernel_transform(w, groups):
    """U = G g Gᵀ for every kernel: w (F, C/g, 3, 3) -> (16, g, F/g, C/g)."""
    f, cg = w.shape[:2]
    u = np.einsum("ka,fcab,lb->klfc", G.astype(w.dtype), w, G.astype(w.dtype))
    return np.ascontiguousarray(u.reshape(_T * _T, groups, f // groups, cg))


def _part_bytes(x, w, geom):
    """Bytes of one sample's largest transformed arrays (16 values per tile, channels and
    filters), what the parts are sized by."""
    th, tw = winograd_tiles(geom.output)
    return _T * _T * th * tw * max(x.shape[1], w.shape[0]) * x.itemsize


def forward(x, w, geom, groups):
    """y (N, F, Ho, Wo) without bias, from checked x (N, C, H, W) and w (F, C/g, 3, 3)."""
    n, f = x.shape[0], w.shape[0]
    u = kernel_transform(w, groups)[:, None]                       # (16, 1, g, F/g, C/g)
    y = np.empty((n, f) + geom.output, dtype=x.dtype)
    for part in cache_sized_parts(n, _part_bytes(x, w, geom)):
        _forward_part(x[part], u, geom, groups, y[part])
    return y


def _forward_part(x, u, geom, groups, y):
    """Writes y (N, F, Ho, Wo) of these samples; u (16, 1, g, F/g, C/g)."""
    n, c = x.shape[:2]
    f = y.shape[1]
    tiles = winograd_tiles(geom.output)
    th, tw = tiles
    v = input_transform(x, geom, tiles).reshape(_T * _T, n, groups, c // groups, th * tw)
    m = (u @ v).reshape(_T, _T, n, f, th, tw)        # 16 * N GEMMs (F/g x C/g) @ (C/g x T)
    del v
    z = combine(AT, m, np.empty((_M, _T, n, f, th, tw), dtype=x.dtype))    # along rows
    del m
    full = (geom.output[0] % _M == 0 and geom.output[1] % _M == 0)
    tiled = (y.reshape(n, f, th, _M, tw, _M) if full
             else np.empty((n, f, th, _M, tw, _M), dtype=x.dtype))
    for i in range(_M):                                                    # along columns
        combine(AT, z[i], [tiled[:, :, :, i, :, j] for j in range(_M)])
    if not full:
        y[...] = tiled.reshape(n, f, _M * th, _M * tw)[:, :, :geom.output[0], :geom.output[1]]


def backward(dy, x, w, geom, groups):
    """(dx, dw) from checked dy (N, F, Ho, Wo), x and w: every step of ``forward``
    transposed, as in ``winograd.backward``."""
    n, c = x.shape[:2]
    f = w.shape[0]
    u_t = kernel_transform(w, groups).transpose(0, 1, 3, 2)[:, None]   # (16, 1, g, C/g, F/g)
    dx = np.empty(x.shape, dtype=x.dtype)
    du = np.zeros((_T * _T, groups, f // groups, c // groups), dtype=x.dtype)
    for part in cache_sized_parts(n, _part_bytes(x, w, geom)):
        _backward_part(dy[part], x[part], u_t, du, geom, groups, dx[part])
    dw = np.einsum("ka,klfc,lb->fcab", G.astype(w.dtype),
                   du.reshape(_T, _T, f, c // groups), G.astype(w.dtype))
    return dx, np.ascontiguousarray(dw)


def _backward_part(dy, x, u_t, du, geom, groups, dx):
    """Writes dx of these samples; adds their dU = Σ dM ⊙ V into ``du`` (16, g, F/g, C/g)."""
    n, c = x.shape[:2]
    f = dy.shape[1]
    tiles = winograd_tiles(geom.output)
    th, tw = tiles
    (ho, wo) = geom.output
    # dY cut into 2x2 output tiles, zeros where the last tile sticks out: (N, F, TH, 2, TW, 2)
    if ho % _M == 0 and wo % _M == 0:
        dyt = dy.reshape(n, f, th, _M, tw, _M)
    else:
        dyt = np.zeros((n, f, th, _M, tw, _M), dtype=dy.dtype)
        dyt.reshape(n, f, _M * th, _M * tw)[:, :, :ho, :wo] = dy
    # dM = A dY Aᵀ: the transpose of the output transform, along rows then columns
    dz = combine(AT.T, [dyt[:, :, :, i] for i in range(_M)],
                 np.empty((_T, n, f, th, tw, _M), dtype=dy.dtype))
    dm = np.empty((_T, _T, n, f, th, tw), dtype=dy.dtype)
    for k in range(_T):
        combine(AT.T, [dz[k, ..., j] for j in range(_M)], dm[k])
    del dz
    dm = dm.reshape(_T * _T, n, groups, f // groups, th * tw)
    v = input_transform(x, geom, tiles).reshape(_T * _T, n, groups, c // groups, th * tw)
    du += (dm @ v.transpose(0, 1, 2, 4, 3)).sum(axis=1)             # Σ over N and tiles
    del v
    dv = (u_t @ dm).reshape(_T, _T, n, c, th, tw)                     # (4, 4, N, C, TH, TW)
    del dm
    # dd = B dV Bᵀ, added back into the overlapping tiles, phase plane by phase plane
    rows = combine(BT.T, dv, np.empty((_T, _T, n, c, th, tw), dtype=dy.dtype))
    del dv
    planes = np.zeros((_M, _M, n, c, th + 1, tw + 1), dtype=dy.dtype)
    block = np.empty((_T, n, c, th, tw), dtype=dy.dtype)
    for a in range(_T):
        combine(BT.T, rows[a], block)
        for b in range(_T):
            _tile_slab(planes, a, b, tiles)[...] += block[b]
    (ph, pw), (h, w) = geom.padding, geom.input
    for a in range(_M):
        for b in range(_M):
            r0, c0 = (a - ph) % _M, (b - pw) % _M
            rows_n, cols_n = len(range(r0, h, _M)), len(range(c0, w, _M))
            i0, j0 = (r0 + ph) // _M, (c0 + pw) // _M
            dx[:, :, r0::_M, c0::_M] = planes[a, b, :, :, i0:i0 + rows_n, j0:j0 + cols_n]


def workspace(call, backward):
    """Per sample: the extended input, its transforms and the products, 16 values per tile
    and channel or filter (4x the input), and the output's tiles; fixed: the transformed
    kernels."""
    c, f, item = call.x.shape[1], call.w.shape[0], call.x.itemsize
    th, tw = winograd_tiles(call.geom.output)
    tiles = th * tw
    extended = c * (_M * th + _R - 1) * (_M * tw + _R - 1)
    fixed = 2 * _T * _T * f * (c // call.groups) * item
    if not backward:
        per_sample = extended + _T * c * th * (_M * tw + _R - 1) + _T * _T * (c + f) * tiles \
            + _M * _T * f * tiles + _M * _M * f * tiles
        return Workspace(fixed, per_sample * item)
    per_sample = (_M * _M + _T * _M) * f * tiles + _T * _T * f * tiles \
        + extended + _T * c * th * (_M * tw + _R - 1) + 3 * _T * _T * c * tiles \
        + _T * c * tiles + extended + c * call.geom.input[0] * call.geom.input[1]
    return Workspace(fixed, per_sample * item)


def products(x, w, dy, geom, groups):
    """The method's matrix products alone, on operands transformed beforehand (for timing
    the floor of the method): {"forward": M = U @ V, "backward": dU = dM @ Vᵀ and
    dV = Uᵀ @ dM}, callables over the whole batch."""
    n, c = x.shape[:2]
    f = w.shape[0]
    th, tw = winograd_tiles(geom.output)
    u = kernel_transform(w, groups)[:, None]
    v = input_transform(x, geom, (th, tw)).reshape(_T * _T, n, groups, c // groups, th * tw)
    rng = np.random.default_rng(0)
    dm = rng.standard_normal((_T * _T, n, groups, f // groups, th * tw)).astype(x.dtype)
    u_t = np.ascontiguousarray(u.transpose(0, 1, 2, 4, 3))
    return {"forward": lambda: u @ v,
            "backward": lambda: ((dm @ v.transpose(0, 1, 2, 4, 3)).sum(axis=1), u_t @ dm)}
