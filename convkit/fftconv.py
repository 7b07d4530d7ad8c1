"""FFT convolution: the convolution theorem turns sliding a window into one product per frequency.

    conv(x, k) = IFFT( FFT(x) · FFT(k) )        (circular convolution, both zero-padded to one size)

Three things to get right:
  * convkit (like every deep-learning library) computes *correlation*, which is convolution
    with the kernel rotated 180°: so the kernel is flipped before its FFT;
  * the FFT's convolution is *circular*: outputs near the start wrap around and pick up
    inputs from the far end.  With an FFT at least as large as the padded input (Hp, Wp),
    only the first KH-1 rows and KW-1 columns are polluted — and those are positions a "valid"
    correlation discards anyway, so nothing larger is needed (the size is rounded up to a
    length the FFT handles fast, which changes nothing else);
  * channels add up *in the frequency domain*: Y[n, f] = Σ_c X[n, c] · K[f, c], one small
    (F × C) matrix product per frequency, so the input and kernel are transformed only once each.

numpy.fft computes float32 input in complex64 since NumPy 2.0 (float64 before); the result is
cast to the inputs' dtype either way.  Stride 1 only; padding, dilation (zeros inserted into the
kernel) and groups are supported.

Non-finite numbers: the transform mixes every position of an image, so one NaN or inf in
x[n, c] makes all of y[n] (every filter of c's group) and all of dw[:, c] non-finite, where
a direct method and PyTorch give NaN or inf only in the outputs whose window holds it (and
an inf mostly comes out as NaN: inf - inf); likewise a non-finite w[f, c] reaches all of
y[:, f] and dx[:, c], and a non-finite dY[n, f] all of dx[n] and dw[f].
``convkit.fast_fft`` does the same; ``Conv2d(method="auto")`` runs an exact method instead.
"""
from __future__ import annotations

import numpy as np

from .direct import dilate, rot180
from .geometry import crop, pad
from .memory import Workspace
from .prelude import Caller, public_backward, public_forward

__all__ = ["conv2d_fft", "conv2d_fft_backward", "fft_size", "fast_length", "REQUIRES",
           "check_limits", "forward", "backward", "workspace"]

REQUIRES = {"stride": (1, 1)}  # what it can run


def check_limits(kernel, stride, dilation, caller=Caller("conv2d_fft")):
    """Raise ValueError unless the FFT method can run this geometry (stride 1 only).

    ``caller`` (``prelude.Caller``) names who asks, for the message."""
    if tuple(stride) != REQUIRES["stride"]:
        raise ValueError(f"{caller.name} needs stride 1, got stride={tuple(stride)}: the FFT "
                         f"computes every output position at once; use {caller.use('im2col')} "
                         f"for strided convolution")


def fast_length(n):
    """Smallest length >= n whose only prime factors are 2, 3, 5 and 7.

    FFTs are fast for such lengths and slow for large prime factors (34 = 2·17 can take longer
    than 36 = 2²·3²); any length >= the padded input keeps the valid outputs wrap-free.
    """
    length = n
    while True:
        rest = length
        for p in (2, 3, 5, 7):
            while rest % p == 0:
                rest //= p
        if rest == 1:
            return length
        length += 1


def fft_size(geom):
    """FFT size (P, Q) along H and W: the padded input's size rounded up to a fast length."""
    return tuple(fast_length(s + 2 * p) for s, p in zip(geom.input, geom.padding))


def _reach(geom):
    """Kernel extent with dilation: D*(K-1)+1 along each axis."""
    return tuple(d * (k - 1) + 1 for k, d in zip(geom.kernel, geom.dilation))


def _spectra_matrices(a, groups):
    """Spectra (N, g*K, P, Q) -> (P*Q, g, K, N): per frequency, channels × images."""
    n, k = a.shape[0], a.shape[1] // groups
    return a.reshape(n, groups, k, -1).transpose(3, 1, 2, 0)


def _spectra_back(a, shape):
    """(P*Q, g, K, N) -> (N, g*K, P, Q): inverse of _spectra_matrices."""
    _, g, k, n = a.shape
    return a.transpose(3, 1, 2, 0).reshape(n, g * k, *shape)


def _kernel_matrices(k_hat, groups):
    """Kernel spectra (F, C/g, P, Q) -> (P*Q, g, F/g, C/g): per frequency, filters × channels."""
    f, cg = k_hat.shape[:2]
    return k_hat.reshape(groups, f // groups, cg, -1).transpose(3, 0, 1, 2)


def _spectra(x, w, geom):
    """FFTs of the padded input and of the flipped, dilated, zero-padded kernel."""
    size = fft_size(geom)
    kernel = rot180(dilate(w, geom.dilation))                     # correlation = conv with flip
    return np.fft.rfft2(pad(x, geom.padding), s=size), np.fft.rfft2(kernel, s=size)  # (N, C, P, Q), (F, C/g, P, Q)


def forward(x, w, geom, groups):
    """y (N, F, Ho, Wo) without bias, from checked arrays (stride 1)."""
    (rh, rw), size = _reach(geom), fft_size(geom)
    x_hat, k_hat = _spectra(x, w, geom)
    # Channels add up frequency by frequency: (F/g, C/g) @ (C/g, N) at each of the P*Q frequencies.
    y_hat = _kernel_matrices(k_hat, groups) @ _spectra_matrices(x_hat, groups)
    full = np.fft.irfft2(_spectra_back(y_hat, x_hat.shape[2:]), s=size)  # circular, (N, F, Hp, Wp)
    (ho, wo) = geom.output
    return full[:, :, rh - 1:rh - 1 + ho, rw - 1:rw - 1 + wo].astype(x.dtype)  # first K-1 wrapped


def backward(dy, x, w, geom, groups):
    """(dx, dw) from checked dy (N, F, Ho, Wo), x and w, in the frequency domain.

    The forward is a circular convolution followed by a crop; going back, dy is put where the
    crop took it from, and multiplying by the *conjugate* spectrum is the transpose of
    multiplying by the spectrum (circular convolution <-> circular correlation):
    dX = Σ_f dY · conj(K),  dK = Σ_n dY · conj(X).
    """
    (rh, rw), size = _reach(geom), fft_size(geom)
    x_hat, k_hat = _spectra(x, w, geom)
    placed = np.zeros(dy.shape[:2] + size, dtype=dy.dtype)
    placed[:, :, rh - 1:rh - 1 + dy.shape[2], rw - 1:rw - 1 + dy.shape[3]] = dy
    d = _spectra_matrices(np.fft.rfft2(placed), groups)            # (P*Q, g, F/g, N)
    dx_hat = np.conj(_kernel_matrices(k_hat, groups)).swapaxes(2, 3) @ d   # (P*Q, g, C/g, N)
    dxp = np.fft.irfft2(_spectra_back(dx_hat, x_hat.shape[2:]), s=size)
    dx = crop(dxp, geom).astype(x.dtype)
    dk_hat = d @ np.conj(_spectra_matrices(x_hat, groups)).swapaxes(2, 3)  # (P*Q, g, F/g, C/g)
    dk_hat = dk_hat.transpose(1, 2, 3, 0).reshape(w.shape[:2] + x_hat.shape[2:])
    dk = np.fft.irfft2(dk_hat, s=size)[:, :, :rh, :rw]            # gradient of the flipped kernel
    (dh, dw_) = geom.dilation
    return dx, rot180(dk)[:, :, ::dh, ::dw_].astype(x.dtype)       # un-flip, keep the real taps


def workspace(call, backward):
    """The kernel spectra, F x C/g x P x (Q//2+1) complex values, for any batch (fixed); per
    sample the padded input, its spectra and the output's, and their per-frequency copies."""
    c, f, item = call.x.shape[1], call.w.shape[0], call.x.itemsize
    p, q = fft_size(call.geom)
    half = p * (q // 2 + 1) * 2 * item                          # one complex half spectrum
    fixed = f * (c // call.groups) * (2 * half + p * q * item)
    per_sample = c * p * q * item + 3 * (c + f) * half + f * p * q * item
    if backward:
        per_sample += 3 * (c + f) * half + (c + f) * p * q * item
        fixed += f * (c // call.groups) * (3 * half + p * q * item)
    return Workspace(fixed, per_sample)


conv2d_fft = public_forward(forward, "conv2d_fft", "Forward pass through the frequency domain.",
                            limits=check_limits, workspace=workspace)
conv2d_fft_backward = public_backward(backward, "conv2d_fft_backward",
                                      "Backward pass in the frequency domain.",
                                      limits=check_limits, workspace=workspace)
