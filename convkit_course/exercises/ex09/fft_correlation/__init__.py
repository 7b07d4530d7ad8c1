"""Exercise 2 of notebook 09: a valid correlation through the FFT.

    x, k = ex09.fft_problem()       # 10 samples, 3 taps
    ex09.fft_correlation(answer)    # shape (8,), like np.correlate(x, k, "valid")

The expected values are ``np.correlate``'s; the slips (no flip, the wrapped-around outputs
kept, the wrong end kept, scaled by the length, the 'full' correlation …) are rebuilt here from
circular convolutions written out as sums, without an FFT.
"""
from __future__ import annotations

import numpy as np

from ..._core import as_array, checker
from ..._answers import judge_array, same_array
from ..._unit import Unit, unit_messages

__all__ = ["fft_problem", "fft_correlation"]

M = unit_messages(__name__, __file__)


def fft_problem():
    """The 1-D FFT exercise's data: a signal x of 10 samples and a kernel k of 3 taps."""
    return np.array([3.0, 1.0, 4.0, 1.0, 5.0, 9.0, 2.0, 6.0, 5.0, 3.0]), np.array([1.0, 0.0, -2.0])


def circular(x, kernel, length=None):
    """Circular convolution of x (zero-padded to ``length``) with ``kernel`` zero-padded to
    the same length, written out (no FFT)."""
    n = length or len(x)
    x = np.concatenate([x, np.zeros(n - len(x))])
    return np.array([sum(x[(i - j) % n] * kernel[j] for j in range(len(kernel)))
                     for i in range(n)])


def _sizes():
    x, k = fft_problem()
    n, m = len(x), len(k)
    return dict(n=n, K=m, m1=m - 1, v=n - m + 1, full=n + m - 1, padded=n + m - 1)


def _slips():
    x, k = fft_problem()
    s = _sizes()
    n, m = s["n"], s["K"]
    flipped, plain = circular(x, k[::-1]), circular(x, k)
    long = circular(x, k[::-1], n + m - 1)
    return [
        (flipped, M("slip.all_circular", **s)),
        (plain, M("slip.circular_unflipped", **s)),
        (plain[m - 1:], M("slip.convolution")),
        (flipped[:n - m + 1], M("slip.wrapped_start", **s)),
        (plain[:n - m + 1], M("slip.unflipped_wrapped")),
        (flipped[m - 1:] * n, M("slip.scaled", **s)),
        (np.convolve(x, k, mode="valid")[::-1], M("slip.reversed")),
        (flipped[m - 1:][::-1], M("slip.reversed_output")),
        (np.correlate(x, k, mode="full"), M("slip.full", **s)),
        (long[m - 1:], M("slip.padded_tail", **s)),
        (long, M("slip.padded_all", **s)),
    ]


@checker
def fft_correlation(answer):
    """Exercise 2: the valid correlation of :func:`fft_problem`'s x with k, shape (8,)."""
    x, k = fft_problem()
    return judge_array(answer, np.correlate(x, k, mode="valid"), M("name.answer"),
                       slips=_slips(), praise=M("praise"))


def _is_right(answer):
    x, k = fft_problem()
    try:
        return same_array(as_array(answer), np.correlate(x, k, mode="valid"))
    except Exception:
        return False


SOLUTION = """
x, k = ex09.fft_problem()
L, K = len(x), len(k)
# correlation = convolution with the flipped kernel; the FFT's convolution is circular
spectrum = np.fft.rfft(x) * np.fft.rfft(k[::-1], L)
circular = np.fft.irfft(spectrum, L)
answer = circular[K - 1:]   # the first K-1 outputs wrapped around: drop them
ex09.fft_correlation(answer)
"""

UNIT = Unit(fft_correlation, messages=M, solution_code=SOLUTION, is_right=_is_right,
            fields=_sizes,
            stated=["`x, k = ex09.fft_problem()` (10 samples, 3 taps)",
                    "`np.fft.rfft` / `np.fft.irfft` of length `len(x)`"])
