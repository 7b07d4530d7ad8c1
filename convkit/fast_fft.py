"""Convolution through the frequency domain, fast: ``fftconv.py``'s theorem with the
transforms as matrix products.

``fftconv.py`` (what notebook 09 teaches) calls numpy.fft.  For the small images of a CNN
layer (tens of pixels a side) numpy's FFT runs one image at a time on one core: an rfft2 of
36×36 took 16-26 µs here, longer than the whole layer's products.  A DFT of P points is a
(P × P) matrix product: more multiplies than an FFT (P² instead of P·log P per line), but
they run as a few large GEMMs at the machine's GEMM speed, for all images at once.  So:

* **no flip, no offset** — y = IDFT(X · conj(W)) is the circular *correlation* of the padded
  input with the (dilated) kernel; with transforms as large as the padded input (P × Q), its
  first Ho × Wo values are the convolution, and nothing wraps around;
* **real arithmetic** — a complex value is a (re, im) pair of real arrays, and each complex
  product a 2×2 block of real ones, so that every step is a real GEMM;
* **transforms along one axis at a time, only where needed** — along W (P lines of Q points
  -> Q//2 + 1 frequencies, the real input's half spectrum), then along H; the inverse
  computes only the rows and columns that are kept (Ho × Wo of y, H × W of dx, KH × KW of
  dw), and the transform of dY skips its zero padding;
* **one product per frequency** — Y[n, f] = Σ_c X[n, c] · conj(W[f, c]) for all (P × Q/2)
  frequencies as one batched GEMM (N × 2C) @ (2C × 2F), and the backward's dX and dW alike;
* **a few samples at a time** (``fast.cache_sized_parts``), so that the spectra stay a few MB.

The same method as ``fftconv.py`` (any kernel size, padding, dilation, groups; stride 1),
the same spread of a non-finite value over whole images, and the same results up to
rounding.  ``Conv2d(method="fft")`` runs it; the tests check it against the literal loops.
"""
from __future__ import annotations

import functools

import numpy as np

from .fast import cache_sized_parts
from .geometry import pad
from .memory import Workspace

__all__ = ["forward", "backward", "workspace", "dft_matrices", "products"]


@functools.lru_cache(maxsize=64)
def dft_matrices(size, dtype):
    """cos and sin of 2π·u·p/size for u, p in range(size): two (size, size) arrays."""
    angle = 2 * np.pi * np.outer(np.arange(size), np.arange(size)) / size
    return np.cos(angle).astype(dtype), np.sin(angle).astype(dtype)


@functools.lru_cache(maxsize=64)
def _forward_w(q, columns, dtype):
    """Real lines of ``columns`` points (zero-extended to Q) -> half spectra, Q//2+1 values:
    the cos and -sin matrices, (Q//2+1, columns) each."""
    cos, sin = dft_matrices(q, dtype)
    half = q // 2 + 1
    return (np.ascontiguousarray(cos[:half, :columns]),
            np.ascontiguousarray(-sin[:half, :columns]))


@functools.lru_cache(maxsize=64)
def _forward_h(p, rows, dtype):
    """[re; im] of ``rows`` lines (zero-extended to P) -> [re; im] of all P frequencies: the
    (2P, 2·rows) real block matrix of the complex DFT e^{-2πi u p / P}."""
    cos, sin = dft_matrices(p, dtype)
    c, s = cos[:, :rows], sin[:, :rows]
    return np.ascontiguousarray(np.block([[c, s], [-s, c]]))


@functools.lru_cache(maxsize=64)
def _inverse_h(p, first, rows, dtype):
    """[re; im] of P frequencies -> [re; im] of rows first..first+rows-1 of the inverse DFT
    along H (e^{+2πi u i / P}, unscaled): (2·rows, 2P)."""
    cos, sin = dft_matrices(p, dtype)
    c, s = cos[first:first + rows], sin[first:first + rows]
    return np.ascontiguousarray(np.block([[c, -s], [s, c]]))


@functools.lru_cache(maxsize=64)
def _inverse_w(p, q, first, columns, dtype):
    """Half spectra (re, im) -> real columns first..first+columns-1, scaled by 1/(P·Q): the
    (columns, Q//2+1) matrices of cos and -sin.  Frequencies other than 0 and Q/2 stand for
    their mirror image too, so they count twice."""
    cos, sin = dft_matrices(q, np.float64)
    half = q // 2 + 1
    weight = np.full(half, 2.0)
    weight[0] = 1.0
    if q % 2 == 0:
        weight[-1] = 1.0
    scale = weight[None, :] / (p * q)
    c = cos[first:first + columns, :half] * scale
    s = -sin[first:first + columns, :half] * scale
    return np.ascontiguousarray(c.astype(dtype)), np.ascontiguousarray(s.astype(dtype))


def lines_first(a):
    """(B0, B1, R, S) -> (R, S, B0*B1): the image axes first, a copy — so that each step of a
    transform is one matrix product over all images."""
    return np.ascontiguousarray(a.transpose(2, 3, 0, 1)).reshape(a.shape[2], a.shape[3], -1)


def spectra(t, size):
    """Half spectra of real images t (R, S, B), zero-extended to size (P, Q):
    -> (2, P*(Q//2+1), B), [re, im], frequencies row-major."""
    p, q = size
    rows, columns, batch = t.shape
    cos_w, sin_w = _forward_w(q, columns, t.dtype)
    half = q // 2 + 1
    lines = np.empty((2, rows, half, batch), dtype=t.dtype)
    np.matmul(cos_w, t, out=lines[0])                              # along W, every row
    np.matmul(sin_w, t, out=lines[1])
    out = _forward_h(p, rows, t.dtype) @ lines.reshape(2 * rows, half * batch)   # along H
    return out.reshape(2, p * half, batch)


def images(spec, size, rows, columns):
    """Real images of half spectra (2, P*(Q//2+1), B), only rows[0]..rows[0]+rows[1]-1 and
    columns alike: -> (rows[1], B, columns[1]) (rows of pixels contiguous, for the copy
    into NCHW)."""
    p, q = size
    half, batch = q // 2 + 1, spec.shape[-1]
    t = _inverse_h(p, rows[0], rows[1], spec.dtype) @ spec.reshape(2 * p, half * batch)
    t = t.reshape(2, rows[1], half, batch)                         # along H done
    cos_w, sin_w = _inverse_w(p, q, columns[0], columns[1], spec.dtype)
    out = t[0].transpose(0, 2, 1) @ cos_w.T                        # along W, every row
    out += t[1].transpose(0, 2, 1) @ sin_w.T
    return out


def _reach(geom):
    """Extent of the dilated kernel: D*(K-1)+1 along each axis."""
    return tuple(d * (k - 1) + 1 for k, d in zip(geom.kernel, geom.dilation))


def kernel_spectra(w, geom, groups):
    """Spectra of the dilated kernels, zero-extended to the padded input's size:
    -> (wr, wi), each (P*Q', g, F/g, C/g)."""
    f, cg = w.shape[:2]
    (dh, dw_), (rh, rw) = geom.dilation, _reach(geom)
    dilated = np.zeros((rh, rw, f, cg), dtype=w.dtype)
    dilated[::dh, ::dw_] = w.transpose(2, 3, 0, 1)
    spec = spectra(dilated.reshape(rh, rw, f * cg), geom.padded)  # (2, ν, F*C/g)
    spec = spec.reshape(2, -1, groups, f // groups, cg)
    return spec[0], spec[1]


def _stacked(top, bottom):
    """[top; bottom]: two (ν, g, K, L) blocks -> (ν, g, 2K, L), contiguous."""
    return np.ascontiguousarray(np.concatenate([top, bottom], axis=2))


def _paired(spec, n, groups):
    """Spectra (2, ν, n*K) -> (ν, g, n, 2*K/g): per frequency and group, rows [re | im]."""
    nu, k = spec.shape[1], spec.shape[2] // n
    out = np.empty((nu, groups, n, 2, k // groups), dtype=spec.dtype)
    for part in range(2):
        out[:, :, :, part] = spec[part].reshape(nu, n, groups, k // groups).transpose(0, 2, 1, 3)
    return out.reshape(nu, groups, n, 2 * (k // groups))


def _product(pairs, blocks_re, blocks_im, n, k):
    """Spectra (2, ν, n*K) of pairs @ blocks, re and im apart.  pairs (ν, g, n, 2J/g),
    blocks (ν, g, 2J/g, K/g)."""
    nu, groups = pairs.shape[:2]
    out = np.empty((2, nu, n, groups, k // groups), dtype=pairs.dtype)
    for part, blocks in enumerate((blocks_re, blocks_im)):
        np.matmul(pairs, blocks, out=out[part].transpose(0, 2, 1, 3))
    return out.reshape(2, nu, n * k)


def _images_out(plane, n, k):
    """(R, n*K, S) -> (n, K, R, S), the layout of y and dx (a view)."""
    r, s = plane.shape[0], plane.shape[2]
    return plane.reshape(r, n, k, s).transpose(1, 2, 0, 3)


def forward(x, w, geom, groups):
    """y (N, F, Ho, Wo) without bias, from checked arrays (stride 1)."""
    n, f = x.shape[0], w.shape[0]
    size = geom.padded
    wr, wi = kernel_spectra(w, geom, groups)
    wr_t, wi_t = wr.transpose(0, 1, 3, 2), wi.transpose(0, 1, 3, 2)   # (ν, g, C/g, F/g)
    # Y = X · conj(W): re = Xr Wr + Xi Wi, im = Xi Wr - Xr Wi, as [Xr | Xi] @ blocks
    to_re, to_im = _stacked(wr_t, wi_t), _stacked(-wi_t, wr_t)
    y = np.empty((n, f) + geom.output, dtype=x.dtype)
    for part in cache_sized_parts(n, _sample_bytes(x.shape[1], f, size, x.itemsize)):
        m = part.stop - part.start
        pairs = _paired(spectra(lines_first(pad(x[part], geom.padding)), size), m, groups)
        spec = _product(pairs, to_re, to_im, m, f)
        y[part] = _images_out(images(spec, size, (0, geom.output[0]), (0, geom.output[1])),
                              m, f)
    return y


def backward(dy, x, w, geom, groups):
    """(dx, dw) from checked dy (N, F, Ho, Wo), x and w, in the frequency domain:
    dX = Σ_f dY · W (the adjoint of · conj(W)), dW = Σ_n conj(dY) · X."""
    n, c = x.shape[:2]
    f = w.shape[0]
    size = geom.padded
    (ph, pw), (h, wd), (rh, rw) = geom.padding, geom.input, _reach(geom)
    wr, wi = kernel_spectra(w, geom, groups)                       # (ν, g, F/g, C/g)
    # dX = D · W: re = Dr Wr - Di Wi, im = Dr Wi + Di Wr, as [Dr | Di] @ blocks
    to_re, to_im = _stacked(wr, -wi), _stacked(wi, wr)
    nu, cg, fg = wr.shape[0], c // groups, f // groups
    grad = np.zeros((nu, groups, 2 * fg, 2 * cg), dtype=x.dtype)   # Σ_n [Dr|Di]ᵀ [Xr|Xi]
    dx = np.empty(x.shape, dtype=x.dtype)
    for part in cache_sized_parts(n, _sample_bytes(c, f, size, x.itemsize)):
        m = part.stop - part.start
        ds = _paired(spectra(lines_first(dy[part]), size), m, groups)        # (ν, g, m, 2F/g)
        spec = _product(ds, to_re, to_im, m, c)
        dx[part] = _images_out(images(spec, size, (ph, h), (pw, wd)), m, c)
        xs = _paired(spectra(lines_first(pad(x[part], geom.padding)), size), m, groups)
        grad += ds.transpose(0, 1, 3, 2) @ xs
    # dW = Σ conj(D) X: re = DrᵀXr + DiᵀXi, im = DrᵀXi - DiᵀXr
    spec = np.empty((2, nu, groups, fg, cg), dtype=x.dtype)
    spec[0] = grad[:, :, :fg, :cg] + grad[:, :, fg:, cg:]
    spec[1] = grad[:, :, :fg, cg:] - grad[:, :, fg:, :cg]
    dilated = images(spec.reshape(2, nu, f * cg), size, (0, rh), (0, rw))   # (rh, F*C/g, rw)
    dw = _images_out(dilated, f, cg)[:, :, ::geom.dilation[0], ::geom.dilation[1]]
    return dx, np.ascontiguousarray(dw)


def _sample_bytes(c, f, size, itemsize):
    """One sample's spectra, (C + F) x 2 x P x (Q//2 + 1) values: what the parts are sized
    by.  Four times the cache size: each frequency's product needs many samples to be an
    efficient matrix product."""
    return (c + f) * 2 * size[0] * (size[1] // 2 + 1) * itemsize // 4


def workspace(call, backward):
    """Fixed: the kernel spectra and their product blocks (6 x F x C/g per frequency); per
    sample: the padded input and its spectra and the output's, in two layouts each."""
    c, f, item = call.x.shape[1], call.w.shape[0], call.x.itemsize
    p, q = call.geom.padded
    nu = p * (q // 2 + 1)
    fixed = 6 * nu * f * (c // call.groups) * item
    per_sample = (3 * c * p * q + 6 * (c + f) * nu + 2 * f * p * (q // 2 + 1)) * item
    if backward:
        fixed += 2 * nu * f * (c // call.groups) * item
        per_sample += (6 * (c + f) * nu + 2 * c * p * q) * item
    return Workspace(fixed, per_sample)


def products(x, w, dy, geom, groups):
    """The method's products per frequency alone, on spectra made beforehand (for timing
    the floor of the method): {"forward": Y = [Xr|Xi] @ blocks, "backward": dX's and dW's},
    callables over the whole batch (the DFTs, also matrix products, are left out)."""
    n, c = x.shape[:2]
    f = w.shape[0]
    size = geom.padded
    wr, wi = kernel_spectra(w, geom, groups)
    wr_t, wi_t = wr.transpose(0, 1, 3, 2), wi.transpose(0, 1, 3, 2)
    to_re, to_im = _stacked(wr_t, wi_t), _stacked(-wi_t, wr_t)
    back_re, back_im = _stacked(wr, -wi), _stacked(wi, wr)
    xs = _paired(spectra(lines_first(pad(x, geom.padding)), size), n, groups)
    ds = _paired(spectra(lines_first(dy), size), n, groups)
    return {"forward": lambda: _product(xs, to_re, to_im, n, f),
            "backward": lambda: (_product(ds, back_re, back_im, n, c),
                                 ds.transpose(0, 1, 3, 2) @ xs)}
