"""Checkers for notebook 09 (beyond im2col: Winograd, FFT, multiply counts).

Each expected answer is computed here from scratch (sums of products, numpy.correlate),
never by the convkit function the exercise is about.
"""
from __future__ import annotations

import numpy as np

from ._core import as_array, checker, compare_array, fmt, judge_number, msg, not_yet

__all__ = ["f23_problem", "winograd_products", "fft_problem", "fft_correlation",
           "winograd_count"]


# --------------------------------------------------------------------------- exercise 1
def f23_problem():
    """The 1-D F(2, 3) exercise's data: 4 inputs d and 3 kernel taps g."""
    return np.array([1.0, 2.0, 3.0, 4.0]), np.array([2.0, -1.0, 3.0])


def _f23_products(d, g):
    """Lavin & Gray's m1..m4 for F(2, 3), written out as scalars."""
    return np.array([(d[0] - d[2]) * g[0],
                     (d[1] + d[2]) * (g[0] + g[1] + g[2]) / 2,
                     (d[2] - d[1]) * (g[0] - g[1] + g[2]) / 2,
                     (d[1] - d[3]) * g[2]])


@checker
def winograd_products(answer):
    """The four Winograd products m = (G g) ⊙ (Bᵀ d) for ``f23_problem()``: shape (4,)."""
    d, g = f23_problem()
    expected = _f23_products(d, g)
    outputs = np.array([d[0] * g[0] + d[1] * g[1] + d[2] * g[2],
                        d[1] * g[0] + d[2] * g[1] + d[3] * g[2]])
    bt_d = np.array([d[0] - d[2], d[1] + d[2], d[2] - d[1], d[1] - d[3]])
    g_g = np.array([g[0], (g[0] + g[1] + g[2]) / 2, (g[0] - g[1] + g[2]) / 2, g[2]])
    shapes = {
        (2,): msg("two numbers: the exercise asks for the four products m before the output "
                  "transform (Aᵀ m gives the two outputs)."),
        (4, 4): msg("that is a 4×4 matrix (an outer product?): m is (G g) ⊙ (Bᵀ d), the "
                    "*elementwise* product of two length-4 vectors."),
    }
    a = as_array(answer, msg("m"))
    if a.shape == (2,) and np.allclose(a, outputs):
        return not_yet(msg("these are the two outputs y = Aᵀ m (correct values!), but the "
                           "exercise asks for the four products m before the output transform."))
    return compare_array(a, expected, msg("m"), shapes=shapes, mistakes=[
        (bt_d, msg("this is Bᵀ d alone: multiply it elementwise by G g.")),
        (g_g, msg("this is G g alone: multiply it elementwise by Bᵀ d.")),
        (_f23_products(d, g[::-1]), msg("you flipped the kernel: convkit computes correlation, "
                                        "so g goes into G g as it is.")),
        (_f23_products(d, g) * 2, msg("every product is twice too big: G holds halves (0.5) in "
                                      "its middle rows.")),
        (_f23_products(d[::-1], g), msg("you reversed d: Bᵀ d takes d0..d3 in order.")),
        (bt_d + g_g, msg("you added Bᵀ d and G g; m is their elementwise *product*.")),
        (np.array([d[0] * g[0], d[1] * g[1], d[2] * g[2], d[3] * g[2]]),
         msg("these multiply d and g directly; Winograd first transforms both (Bᵀ d, G g), "
             "then multiplies elementwise.")),
    ], praise=msg("4 multiplies give both outputs: Aᵀ m = {outputs}, which take 6 multiplies "
                  "directly.", outputs="[" + ", ".join(fmt(v) for v in outputs) + "]"))


# --------------------------------------------------------------------------- exercise 2
def fft_problem():
    """The 1-D FFT exercise's data: a signal x of 10 samples and a kernel k of 3 taps."""
    return np.array([3.0, 1.0, 4.0, 1.0, 5.0, 9.0, 2.0, 6.0, 5.0, 3.0]), np.array([1.0, 0.0, -2.0])


def _circular_convolution(x, kernel):
    """Circular convolution of x with kernel zero-padded to len(x), written out (no FFT)."""
    n = len(x)
    return np.array([sum(x[(i - j) % n] * kernel[j] for j in range(len(kernel))) for i in range(n)])


@checker
def fft_correlation(answer):
    """Valid correlation of ``fft_problem()``'s x with k, computed through the FFT: shape (8,)."""
    x, k = fft_problem()
    n, m = len(x), len(k)
    expected = np.correlate(x, k, mode="valid")
    flipped = _circular_convolution(x, k[::-1])   # what FFT-multiplying gives, kernel flipped
    plain = _circular_convolution(x, k)           # ... kernel not flipped
    a = as_array(answer, msg("your correlation"))
    if a.shape == (n,):
        if np.allclose(a, flipped):
            return not_yet(msg("you kept all {n} circular outputs: the first K-1 = {m1} wrapped "
                               "around and mixed in samples from the far end. Keep [K-1:].",
                               n=n, m1=m - 1))
        if np.allclose(a, plain):
            return not_yet(msg("this is the whole circular convolution: flip the kernel "
                               "(k[::-1]) and keep only [K-1:], the outputs without "
                               "wrap-around."))
    full = np.correlate(x, k, mode="full")
    if a.shape == full.shape and np.allclose(a, full):
        return not_yet(msg("this is the 'full' correlation ({n} outputs, with the partial "
                           "overlaps at both ends): keep the {v} outputs where k fits inside x.",
                           n=len(full), v=n - m + 1))
    return compare_array(a, expected, msg("your correlation"), mistakes=[
        (plain[m - 1:], msg("this is convolution, not correlation: multiplying spectra "
                            "*convolves*, so flip the kernel first (k[::-1]) — correlation is "
                            "convolution with the flipped kernel.")),
        (flipped[:n - m + 1], msg("the first K-1 = {m1} of the outputs you kept wrapped around "
                                  "(they mix in samples from the far end). Keep [K-1:] instead.",
                                  m1=m - 1)),
        (plain[:n - m + 1], msg("the kernel is not flipped and you kept the wrapped-around "
                                "start: flip k with k[::-1] and keep [K-1:].")),
        (flipped[m - 1:] * n, msg("every value is {n} times too big: np.fft.ifft already "
                                  "divides by the length (don't scale again).", n=n)),
        (np.convolve(x, k, mode="valid")[::-1], msg("the kernel is not flipped and the "
                                                   "outputs are reversed: flip k (k[::-1]) "
                                                   "before transforming, keep [K-1:] in "
                                                   "order.")),
    ], praise=msg("flip, transform, multiply, transform back, drop the K-1 wrapped outputs: "
                  "that is conv2d_fft along one axis."))


# --------------------------------------------------------------------------- exercise 3
# x (2, 16, 10, 10), w (32, 16, 3, 3), padding 1, stride 1
_N, _C, _H, _F, _P = 2, 16, 10, 32, 1


@checker
def winograd_count(answer):
    """General multiplies of Winograd F(2×2, 3×3) for x (2, 16, 10, 10), w (32, 16, 3, 3), padding 1."""
    out = _H + 2 * _P - 3 + 1                      # 10
    tiles = (-(-out // 2)) ** 2                    # ceil(10/2)^2 = 25
    expected = _N * _F * _C * 16 * tiles
    hints = {
        _N * _F * _C * 9 * out * out: msg("that is the direct / im2col count (9 per output, or "
                                          "36 per 2x2 tile). Winograd pays 16 per tile "
                                          "instead."),
        _F * _C * 16 * tiles: msg("you left out the batch: both images are convolved."),
        _N * _C * 16 * tiles: msg("you left out the filters: each of the 32 filters needs its "
                                  "own products."),
        _N * _F * 16 * tiles: msg("you left out the input channels: every (filter, channel) "
                                  "pair multiplies, then the channels are summed."),
        _N * _F * _C * 16 * 16: msg("with padding 1 the output is 10x10, not 8x8: that is 5x5 = "
                                    "25 tiles."),
        _N * _F * _C * 16 * out * out: msg("16 multiplies buy a whole 2x2 tile of outputs, not "
                                           "one output."),
        _N * _F * _C * 4 * tiles: msg("a 2x2 tile costs 16 elementwise products (a 4x4 "
                                      "transformed tile), not 4."),
        _N * _F * _C * 16 * tiles * 2: msg("that counts FLOPs (x 2); the question asks for "
                                           "multiplies."),
    }
    return judge_number(answer, expected, hints,
                        praise=msg("2 x 32 x 16 x 16 x 25 = {count}, against {direct} direct: "
                                   "2.25x fewer.", count=expected,
                                   direct=_N * _F * _C * 9 * out * out),
                        fallback=msg("count tiles (ceil(Ho/2) x ceil(Wo/2)), then 16 multiplies "
                                     "per tile for every image, filter and input channel."))
