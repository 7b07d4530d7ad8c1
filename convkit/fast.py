"""The fast paths: the numbers of ``direct.py`` and ``im2col_gemm.py``, computed faster.

CS231n keeps ``layers.py`` (what students read) apart from ``fast_layers.py`` (what runs
fast); this is convkit's ``fast_layers``.  ``Conv2d`` runs these functions; the tests check
them against the reference modules, NaN and inf included.  None of the tricks changes *what*
is computed, only how memory is walked:

* **batch parts** (``cache_sized_parts``) — a few samples at a time, so that the big
  intermediate (one part's columns, or a running sum) is still in the CPU cache when it is
  read back, and the whole batch's columns never exist at once (memory stays within
  ``convkit.memory.WORKSPACE_BYTES``: each function says what it needs in ``*_workspace``);
* **the part inside the columns** (``unfold``): cols are (C*KH*KW, m*Ho*Wo), so one large
  matrix product serves m samples; all receptive fields are first a read-only strided view
  of the padded input, so im2col is one copy instead of KH*KW slice copies;
* **buffers reused**: one column buffer for every part; a layer keeps its forward's columns
  for backward when the batch's take at most ``keep_bytes()`` (half of the budget), in
  arrays reused from step to step (no fresh 100 MB array, no page faults, each step);
* **stride-1 flat runs** (``flat_runs``): with stride 1 a kernel tap's patch is ONE contiguous
  run of the flattened padded image, so a plain slice (a view, no copy) stands for it.  The
  runs are Wp wide instead of Wo: the extra "junk" columns are cropped (forward) or given
  zeros (backward).  A zero times inf or NaN is NaN, so the backward uses the runs only
  when the array that meets those zeros is finite; otherwise it takes the reference's path.
  col2im adds the runs a few kernel taps at a time, so its columns stay cache-sized;
* **stride phases** (``_fold_phases``): with stride S, the padded image's pixels a::S form
  a phase where every kernel tap that lands there has stride 1, so dX of a whole phase is
  one matrix product of Wᵀ with shifted copies of dY (same finite-w rule as above).

The public functions have the reference signatures (``fast.conv2d_im2col(x, w, b, ...)``).
"""
from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from . import direct, memory
from .geometry import crop, pad
from .memory import Workspace
from .prelude import public_backward, public_forward

__all__ = ["conv2d_direct", "conv2d_direct_backward", "conv2d_im2col", "conv2d_im2col_backward",
           "direct_forward", "direct_backward", "im2col_forward", "im2col_backward",
           "direct_workspace", "im2col_workspace", "correlate", "unfold", "cache_sized_parts",
           "flat_runs", "keep_bytes", "CACHE_BYTES"]

# Intermediates up to this size per part measured fastest on a 2-core machine with 1 MB L2
# and 32 MB L3 (one sample of N16·C64·56² columns is 7 MB in float32).
CACHE_BYTES = 8 * 2**20


def keep_bytes():
    """A layer keeps its forward's columns for backward (saving one unfold) when the whole
    batch's take at most this much: half of the workspace budget, so that backward's own
    parts still have room.  Larger batches unfold again, part by part."""
    return memory.WORKSPACE_BYTES // 2


def cache_bytes():
    """Bytes of intermediates per cache-sized part: ``CACHE_BYTES``, or less when the memory
    budget is small (an eighth of it), so that the parts always fit the budget."""
    return min(CACHE_BYTES, memory.WORKSPACE_BYTES // 8)


def cache_sized_parts(n, bytes_per_sample):
    """Split range(n) into slices of samples whose intermediates fit ``cache_bytes()``
    (>= 1 sample each)."""
    step = _cache_step(bytes_per_sample)
    return [slice(s, min(s + step, n)) for s in range(0, n, step)]


def _cache_step(bytes_per_sample):
    """Samples per cache-sized part (>= 1)."""
    return max(1, int(cache_bytes() // max(int(bytes_per_sample), 1)))


def flat_runs(padded_shape, geom):
    """Where each kernel tap's patch starts in the flattened padded image (stride 1 only).

    padded_shape (..., Hp, Wp), geom a stride-1 ``ConvGeometry`` -> (starts, length, Wp).
    With stride 1, the pixels that tap (i, j) meets for all output rows are, in the image
    flattened to Hp*Wp, ONE contiguous run: it starts at i*D*Wp + j*D and advances Wp per
    output row.  Working on output rows Wp wide (instead of Wo) lets a plain slice stand
    for the whole patch; the last Wp-Wo values of each row are junk that the caller crops
    (or, going backward, fills with zeros).  ``length`` = (Ho-1)*Wp + Wo stops at the last
    real pixel, so no run reads past the image.
    """
    assert geom.stride == (1, 1), "flat runs exist only for stride 1"
    wp = padded_shape[-1]
    (dh, dw), (ho, wo) = geom.dilation, geom.output
    starts = [i * dh * wp + j * dw for i, j in geom.taps]
    return starts, (ho - 1) * wp + wo, wp


# --------------------------------------------------------------------------- direct (实力派)
def direct_forward(x, w, geom, groups):
    """y (N, F, Ho, Wo) without bias, from checked arrays: ``correlate`` of the padded x."""
    return correlate(pad(x, geom.padding), w, geom, groups)


def direct_backward(dy, x, w, geom, groups):
    """(dx, dw) of the direct method: the reference's dx recipe with the fast ``correlate``."""
    dx = direct.input_gradient(dy, w, geom, groups, correlate=correlate)
    if geom.stride == (1, 1) and np.isfinite(x).all():
        return dx, _weight_gradient_stride1(dy, x, geom, groups)
    return dx, direct.weight_gradient(dy, x, geom, groups)


def direct_workspace(call, backward):
    """What ``direct_forward`` / ``direct_backward`` hold: per sample the padded input and
    the Wp-wide running sums (and the reference's arrays where it falls back to them); fixed:
    one cache-sized part's products."""
    geom, item = call.geom, call.x.itemsize
    n, c, f = call.x.shape[0], call.x.shape[1], call.w.shape[0]
    (ho, wo), (hp, wp) = geom.output, geom.padded
    wide = f * ho * wp + c * hp * wp                 # the running sum and the padded input
    part = min(n, _cache_step(wide * item)) * max(f, c) * ho * wp * item   # one tap's product
    if not backward:
        return Workspace(part, (wide + f * ho * wo + c * ho * wo) * item)
    reference = direct.workspace(call, True).per_sample
    return Workspace(2 * part, reference + (2 * wide + f * ho * wo) * item)


def correlate(xp, w, geom, groups=1, data=None):
    """``direct.correlate``; for stride 1 without copying the input (flat runs).

    xp (N, C, Hp, Wp), w (F, C/g, KH, KW) -> (N, F, Ho, Wo).  A few samples at a time, so
    their (F, Ho*Wp) running sum stays in cache while all taps add into it; measured 1.3x
    faster than slice copies over the whole batch.  The junk columns are cropped, so every
    kept output is made of the reference's products only.  ``data`` as in the reference:
    with a finite w, skipping a zero and multiplying it add the same 0, so it matters only
    for a non-finite w — which goes to the reference.
    """
    if data is not None and not np.isfinite(w).all():
        return direct.correlate(xp, w, geom, groups, data=data)
    if geom.stride != (1, 1):
        return direct.correlate(xp, w, geom, groups)
    n, c, hp, wp = xp.shape
    f, cg = w.shape[:2]
    ho, wo = geom.output
    starts, length, wp = flat_runs(xp.shape, geom)
    xflat = xp.reshape(n, groups, cg, hp * wp)
    wg = w.reshape(groups, f // groups, cg, len(starts))     # (g, F/g, C/g, KH*KW)
    ywide = np.zeros((n, groups, f // groups, ho * wp), dtype=np.result_type(xp, w))
    for part in cache_sized_parts(n, (f * ho * wp + c * hp * wp) * ywide.itemsize):
        for tap, start in enumerate(starts):
            patch = xflat[part, :, :, start:start + length]   # (n', g, C/g, length): a view
            ywide[part, :, :, :length] += wg[:, :, :, tap] @ patch
    return ywide.reshape(n, f, ho, wp)[:, :, :, :wo]


def _weight_gradient_stride1(dy, x, geom, groups):
    """``direct.weight_gradient`` for stride 1 and a finite x, on flat runs.

    dY gets the same Wp-wide rows, with zeros in the junk columns so that they add nothing
    (0 * finite = 0; hence the caller's isfinite check).
    """
    n, c = x.shape[:2]
    f = dy.shape[1]
    cg, fg = c // groups, f // groups
    xp = pad(x, geom.padding)
    starts, length, wp = flat_runs(xp.shape, geom)
    ho, wo = geom.output
    dywide = np.zeros((n, groups, fg, ho, wp), dtype=dy.dtype)
    dywide[..., :wo] = dy.reshape(n, groups, fg, ho, wo)
    dywide = dywide.reshape(n, groups, fg, ho * wp)[..., :length]
    xflat = xp.reshape(n, groups, cg, -1)
    dw = np.zeros((groups, fg, cg, len(starts)), dtype=dy.dtype)
    # a few samples at a time: their x and dy stay in cache for every tap
    for part in cache_sized_parts(n, (f * ho * wp + c * xflat.shape[-1]) * dw.itemsize):
        for tap, start in enumerate(starts):
            patch = xflat[part, :, :, start:start + length]        # (n', g, C/g, length)
            dw[..., tap] += (dywide[part] @ patch.transpose(0, 1, 3, 2)).sum(axis=0)
    return dw.reshape(f, cg, *geom.kernel)


# --------------------------------------------------------------------------- im2col (偶像派)
def unfold(x, geom, out=None):
    """im2col with the batch inside the columns, as one copy of a strided view.

    x (m, C, H, W) -> cols (C*KH*KW, m*Ho*Wo): the columns of ``im2col_gemm.unfold`` for
    all m samples side by side, so that one large matrix product (instead of m small
    ones) serves the whole part.  All receptive fields are first a read-only strided *view*
    of the padded input (free); the copy into ``out`` (when given: that shape, x's dtype)
    is the one pass over memory.
    """
    m, c = x.shape[:2]
    (kh, kw), (sh, sw), (dh, dw), (ho, wo) = geom.kernel, geom.stride, geom.dilation, geom.output
    span = (dh * (kh - 1) + 1, dw * (kw - 1) + 1)            # how far one window reaches
    windows = sliding_window_view(pad(x, geom.padding), span, axis=(2, 3))
    windows = windows[:, :, ::sh, ::sw, ::dh, ::dw]          # (m, C, Ho, Wo, KH, KW)
    windows = windows.transpose(1, 4, 5, 0, 2, 3)            # (C, KH, KW, m, Ho, Wo)
    if out is None:
        out = np.empty((c * kh * kw, m * ho * wo), dtype=x.dtype)
    np.copyto(out.reshape(windows.shape), windows)
    return out


class _Parts:
    """The batch in cache-sized parts, and one column buffer reused by every part."""

    def __init__(self, x, geom):
        self.rows = x.shape[1] * geom.kernel[0] * geom.kernel[1]
        self.length = geom.output[0] * geom.output[1]
        self.per_sample = self.rows * self.length * x.dtype.itemsize
        self.parts = cache_sized_parts(x.shape[0], self.per_sample)
        self.dtype = x.dtype
        self._buffer = None

    @property
    def buffer(self):
        """Room for the largest part's columns, allocated on first use."""
        if self._buffer is None:
            step = self.parts[0].stop - self.parts[0].start
            self._buffer = np.empty(self.rows * step * self.length, dtype=self.dtype)
        return self._buffer

    def unfold(self, x, geom, part, out=None):
        """cols (C*KH*KW, m*Ho*Wo) of the samples in ``part``, in ``out`` or else in the
        shared buffer."""
        if out is None:
            m = part.stop - part.start
            out = self.buffer[:self.rows * m * self.length].reshape(self.rows, m * self.length)
        return unfold(x[part], geom, out=out)

    def kept(self, memo):
        """One columns array per part for a layer to keep: last step's when the shapes
        match (a fresh 100 MB array each step costs page faults: 8 ms to 0.5 s measured)."""
        shapes = [(self.rows, (p.stop - p.start) * self.length) for p in self.parts]
        old = memo.get("columns")
        if old and [a.shape for a in old] == shapes and old[0].dtype == self.dtype:
            return old
        return [np.empty(shape, dtype=self.dtype) for shape in shapes]


def im2col_forward(x, w, geom, groups, memo=None):
    """y = W @ im2col(x) without bias, one matrix product per part.  -> y (N, F, Ho, Wo).

    ``memo`` (a dict a layer keeps from step to step): the columns are left there for
    ``im2col_backward`` when the whole batch's take at most ``keep_bytes()``.
    """
    n, f = x.shape[0], w.shape[0]
    parts = _Parts(x, geom)
    keep = memo is not None and n * parts.per_sample <= keep_bytes()
    kept = parts.kept(memo) if keep else [None] * len(parts.parts)
    if memo is not None:
        memo.pop("columns", None)  # from now on, only this forward's columns count
    wg = w.reshape(groups, f // groups, parts.rows // groups)        # (g, F/g, C/g*KK)
    y = np.empty((n, f, parts.length), dtype=x.dtype)
    for part, out in zip(parts.parts, kept):
        cols = parts.unfold(x, geom, part, out)
        y_t = (wg @ cols.reshape(groups, parts.rows // groups, -1)).reshape(f, -1, parts.length)
        y[part] = y_t.transpose(1, 0, 2)                              # (F, m, L) -> (m, F, L)
    if keep:
        memo["columns"] = kept
    return y.reshape((n, f) + geom.output)


def im2col_backward(dy, x, w, geom, groups, memo=None):
    """(dx, dw): per batch part, dW += dY @ colsᵀ, dX = col2im(Wᵀ @ dY).

    The columns come from ``memo`` when the forward kept them; otherwise x is unfolded
    again, which costs one copy but keeps memory to one part's columns (read back from
    cache).  With a finite w, col2im's adds are flat runs of the padded image for stride
    1 (``_fold_runs``); for stride > 1 each stride phase of it is one matrix product, no
    adds (``_fold_phases``).
    """
    n, c = x.shape[:2]
    f = w.shape[0]
    parts = _Parts(x, geom)
    rows_g = parts.rows // groups
    wg_t = w.reshape(groups, f // groups, rows_g).transpose(0, 2, 1)  # (g, C/g*KK, F/g)
    dw_t = np.zeros((groups, rows_g, f // groups), dtype=x.dtype)
    dx = np.empty(x.shape, dtype=x.dtype)
    finite_w = bool(np.isfinite(w).all())
    kept = (memo or {}).get("columns")
    if kept and ([a.shape[1] for a in kept] != [(p.stop - p.start) * parts.length
                                               for p in parts.parts]
                 or kept[0].dtype != x.dtype):
        kept = None  # not this batch's columns
    for k, part in enumerate(parts.parts):
        m = part.stop - part.start
        cols = kept[k] if kept else parts.unfold(x, geom, part)
        cols = cols.reshape(groups, rows_g, m * parts.length)
        dy_t = np.ascontiguousarray(dy[part].transpose(1, 0, 2, 3))     # (F, m, Ho, Wo)
        # dW = dY @ colsᵀ, computed as (cols @ dYᵀ)ᵀ: the same products, in the operand
        # order BLAS runs fastest here (measured 1.2x to 5x)
        dw_t += cols @ dy_t.reshape(groups, f // groups, -1).transpose(0, 2, 1)
        del cols
        if finite_w and geom.stride != (1, 1):
            _fold_phases(dx[part], wg_t, dy_t, geom)
            continue
        dxp_t = np.zeros((c, m) + geom.padded, dtype=x.dtype)           # (C, m, Hp, Wp)
        if finite_w:
            _fold_runs(dxp_t, wg_t, dy_t, geom)
        else:
            dcols = (wg_t @ dy_t.reshape(groups, f // groups, -1))      # (g, C/g*KK, m*L)
            blocks = dcols.reshape((c,) + geom.kernel + (m,) + geom.output)
            for i, j in geom.taps:  # col2im, one tap at a time
                rows, columns = geom.window(i, j)
                dxp_t[:, :, rows, columns] += blocks[:, i, j]
        dx[part] = crop(dxp_t, geom).transpose(1, 0, 2, 3)
    return dx, dw_t.transpose(0, 2, 1).reshape(w.shape)


def im2col_workspace(call, backward):
    """What ``im2col_forward`` / ``im2col_backward`` hold besides x, y (dy, dx): one
    cache-sized part's columns and products, and the columns a layer may keep
    (``keep_bytes()``, when the batch's fit) — nothing that grows with the batch."""
    geom, item = call.geom, call.x.itemsize
    n, c, f = call.x.shape[0], call.x.shape[1], call.w.shape[0]
    taps = geom.kernel[0] * geom.kernel[1]
    (ho, wo), (hp, wp) = geom.output, geom.padded
    cols = c * taps * ho * wo * item                                 # one sample's columns
    m = min(n, _cache_step(cols))                                    # samples per part
    kept = n * cols if n * cols <= keep_bytes() else 0
    y = f * ho * wo * item
    if not backward:
        return Workspace(kept + m * (cols + 2 * y), 0)
    wide = max(f * ho * wp, f * taps * ho * wo if geom.stride != (1, 1) else 0) * item
    one_tap = c * m * ho * wp * item                                 # col2im's product, a tap
    fold = max(one_tap, min(taps * one_tap, cache_bytes())) + (c * m * ho * wp * item if
                                                              geom.stride != (1, 1) else 0)
    per_part = m * (cols + 2 * y + c * hp * wp * item + wide) + fold
    return Workspace(kept + per_part, 0)


def _fold_runs(dxp_t, wg_t, dy_t, geom):
    """dxp_t += col2im(Wᵀ @ dY) for stride 1 and a finite w, with col2im's adds contiguous.

    dxp_t (C, m, Hp, Wp), wg_t (g, C/g*KK, F/g), dy_t (F, m, Ho, Wo).  dY gets Wp-wide rows
    whose extra columns are zero, so its columns are Wp wide too and each tap's block adds
    into ONE contiguous run of each flattened padded image (zeros land on the junk
    positions: Wᵀ @ 0 = 0 because w is finite).  A few taps at a time, so that their
    columns stay cache-sized.
    """
    f, m, ho, wo = dy_t.shape
    c = dxp_t.shape[0]
    groups = wg_t.shape[0]
    starts, length, wp = flat_runs(dxp_t.shape, geom)
    dywide = np.zeros((f, m, ho, wp), dtype=dy_t.dtype)
    dywide[..., :wo] = dy_t
    dywide = dywide.reshape(groups, f // groups, m * ho * wp)
    wt = wg_t.reshape(groups, c // groups, len(starts), f // groups)   # (g, C/g, KK, F/g)
    image = dxp_t.reshape(c, m, -1)                                  # (C, m, Hp*Wp), a view
    chunk = _cache_step(c * m * ho * wp * dy_t.itemsize)             # taps per product
    for first in range(0, len(starts), chunk):
        k = min(chunk, len(starts) - first)
        w_chunk = wt[:, :, first:first + k].reshape(groups, -1, f // groups)
        dcols = (w_chunk @ dywide).reshape(c, k, m, ho * wp)          # (C, k, m, Ho*Wp)
        for t in range(k):
            start = starts[first + t]
            image[:, :, start:start + length] += dcols[:, t, :, :length]


def _fold_phases(dx, wg_t, dy_t, geom):
    """dx = col2im(Wᵀ @ dY) for stride > 1 and a finite w: one matrix product per phase.

    dx (m, C, H, W) is written, wg_t (g, C/g*KK, F/g), dy_t (F, m, Ho, Wo).  The padded
    image splits into SH*SW stride phases, phase (a, b) = rows a::SH, columns b::SW (at
    most Hq x Wq = ceil(Hp/SH) x ceil(Wp/SW)).  Every tap (i, j) lands in ONE phase,
    (i*DH % SH, j*DW % SW), shifted there by (u, v) = (i*DH // SH, j*DW // SW) with
    stride 1.  So, with dY given Wq-wide rows (zeros in the extra columns), a tap's
    contribution to its flattened phase is Wᵀ_tap @ (dY shifted by u*Wq + v): stacking
    the shifted copies of dY of a phase's taps, ONE product computes the whole phase
    (no col2im adds).  The extra columns meet a finite w only (0 * finite = 0); every
    real dY value lands on its own pixel, as ``geom.window`` says.  Then the phases are
    copied into dx, dropping the padding.
    """
    f, m, ho, wo = dy_t.shape
    c, h, w = dx.shape[1:]
    groups, rows_g, fg = wg_t.shape
    (sh, sw), (dh, dw), (ph, pw) = geom.stride, geom.dilation, geom.padding
    hq, wq = -(-geom.padded[0] // sh), -(-geom.padded[1] // sw)
    dywide = np.zeros((groups, fg, m, ho, wq), dtype=dy_t.dtype)
    dywide[..., :wo] = dy_t.reshape(groups, fg, m, ho, wo)
    dywide = dywide.reshape(groups, fg, m, ho * wq)
    wt = wg_t.reshape(groups, c // groups, len(geom.taps), fg)       # (g, C/g, KK, F/g)
    phase_taps = {}
    for tap, (i, j) in enumerate(geom.taps):
        (u, a), (v, b) = divmod(i * dh, sh), divmod(j * dw, sw)
        phase_taps.setdefault((a, b), []).append((tap, u * wq + v))
    for a in range(sh):
        h0 = (a - ph) % sh                      # first unpadded row in phase a
        r0, rows = (h0 + ph - a) // sh, len(range(h0, h, sh))
        for b in range(sw):
            w0 = (b - pw) % sw
            q0, cols = (w0 + pw - b) // sw, len(range(w0, w, sw))
            taps = phase_taps.get((a, b))
            if not taps:
                dx[:, :, h0::sh, w0::sw] = 0
                continue
            # only the phase's rows r0 .. r0+rows-1 reach dx (the others are padding)
            first, size = r0 * wq, rows * wq
            shifted = np.zeros((groups, len(taps), fg, m, size), dtype=dy_t.dtype)
            for k, (tap, start) in enumerate(taps):
                to, frm = max(start - first, 0), max(first - start, 0)
                run = min(size - to, ho * wq - frm)
                if run > 0:
                    shifted[:, k, :, :, to:to + run] = dywide[..., frm:frm + run]
            weights = wt[:, :, [tap for tap, _ in taps], :].reshape(groups, c // groups, -1)
            phase = weights @ shifted.reshape(groups, len(taps) * fg, m * size)
            phase = phase.reshape(c, m, rows, wq)[:, :, :, q0:q0 + cols]
            dx[:, :, h0::sh, w0::sw] = phase.transpose(1, 0, 2, 3)


# The public functions, with the reference signatures (tests and the benchmark call them).
conv2d_direct = public_forward(direct_forward, "conv2d_direct", "``direct.conv2d_direct``, fast.",
                               workspace=direct_workspace)
conv2d_direct_backward = public_backward(direct_backward, "conv2d_direct_backward",
                                         "``direct.conv2d_direct_backward``, fast.",
                                         workspace=direct_workspace)
conv2d_im2col = public_forward(im2col_forward, "conv2d_im2col",
                               "``im2col_gemm.conv2d_im2col``, fast.", workspace=im2col_workspace)
conv2d_im2col_backward = public_backward(im2col_backward, "conv2d_im2col_backward",
                                         "``im2col_gemm.conv2d_im2col_backward``, fast.",
                                         workspace=im2col_workspace)
