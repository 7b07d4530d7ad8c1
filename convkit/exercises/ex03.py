"""Checkers for notebook 03 · the input gradient.

    from convkit.exercises import ex03
    dz, k = ex03.dx_problem()              # dZ (3, 3) and kernel (3, 3), small integers
    ex03.input_gradient(dx)                # dX (5, 5): pad dZ by K-1, correlate with rot180(k)
    ex03.participation(counts)             # participation counts of a 4x6 input, 3x3 kernel
"""
from __future__ import annotations

import numpy as np

from ._core import Verdict, compare_array, correlate_2d, not_yet
from ..direct import conv2d_direct_backward

__all__ = ["dx_problem", "input_gradient", "PARTICIPATION_PROBLEM", "participation"]


def dx_problem():
    """The data for exercise 1: dz (3, 3) and k (3, 3), small integers (new copies).

    They belong to the article's example: a 5x5 input, 3x3 kernel, stride 1, padding 0.
    """
    dz = np.array([[1, -1, 2],
                   [0, 3, 1],
                   [2, 1, -2]])
    k = np.array([[1, 2, 0],
                  [-1, 1, 3],
                  [0, 2, -1]])
    return dz, k


def _full(dz, k, pad):
    return correlate_2d(np.pad(dz, pad), k)


def input_gradient(answer) -> Verdict:
    """Exercise 1: dX (5, 5) of the 5x5 / 3x3 example for ``dx_problem()``'s dz and k."""
    if answer is None or answer is Ellipsis:
        return not_yet("your dX is still empty: replace the ... with your code.")
    try:
        answer = np.asarray(answer, dtype=float)
    except (TypeError, ValueError):
        return not_yet(f"dX should be an array of numbers, got {type(answer).__name__}.")
    if answer.size == 25 and answer.ndim == 4:  # an NCHW (1, 1, 5, 5) answer is fine too
        answer = answer.reshape(5, 5)
    dz, k = dx_problem()
    kh = k.shape[0]
    if answer.ndim == 2 and answer.shape != (5, 5) and answer.shape[0] == answer.shape[1]:
        n = answer.shape[0]
        # correlating a (3 + 2p)-square dZ with a 3x3 kernel gives (1 + 2p) square
        pad = (n - 1) // 2
        if n % 2 == 1 and pad != kh - 1:
            what = "did not pad dZ" if pad == 0 else f"padded dZ by {pad}"
            return not_yet(f"your dX is {n}x{n} but the input is 5x5: you {what}. Pad dZ by "
                           f"K-1 = {kh - 1} on every side (7x7), then the 3x3 correlation gives "
                           "5x5.")
    expected = conv2d_direct_backward(dz[None, None].astype(float),
                                      np.zeros((1, 1, 5, 5)), k[None, None].astype(float))[0][0, 0]
    pad = kh - 1
    mistakes = [
        (_full(dz, k, pad), "the kernel is not rotated: correlate the padded dZ with k rotated "
                            "by 180° (k[::-1, ::-1])."),
        (_full(dz, k.T, pad), "you transposed the kernel; rotating by 180° is different: flip "
                              "both axes, k[::-1, ::-1] (or np.rot90(k, 2))."),
        (_full(dz, k[::-1, :], pad), "you flipped the kernel up-down only; a 180° rotation "
                                     "flips left-right too: k[::-1, ::-1]."),
        (_full(dz, k[:, ::-1], pad), "you flipped the kernel left-right only; a 180° rotation "
                                     "flips up-down too: k[::-1, ::-1]."),
        (_full(dz[::-1, ::-1], k, pad), "you rotated dZ instead of the kernel."),
    ]
    return compare_array(answer, expected, "your dX", mistakes=mistakes,
                         praise="dX = dZ padded by K-1 = 2, correlated with the kernel rotated "
                                "180°: every input collects dZ x the weight it met.")


# Exercise 2: participation counts for a non-square input.
PARTICIPATION_PROBLEM = dict(input_size=(4, 6), kernel_size=(3, 3))


def _counts(input_size, kernel_size):
    """How many stride-1 windows cover each input pixel (loops over the windows)."""
    (h, w), (kh, kw) = input_size, kernel_size
    counts = np.zeros((h, w), dtype=int)
    for r in range(h - kh + 1):
        for c in range(w - kw + 1):
            counts[r:r + kh, c:c + kw] += 1
    return counts


def participation(answer) -> Verdict:
    """Exercise 2: participation counts (4, 6) for a 4x6 input, 3x3 kernel, stride 1, no padding."""
    (h, w), (kh, kw) = PARTICIPATION_PROBLEM["input_size"], PARTICIPATION_PROBLEM["kernel_size"]
    ho, wo = h - kh + 1, w - kw + 1
    expected = _counts((h, w), (kh, kw))
    if answer is None or answer is Ellipsis:
        return not_yet("your counts are still empty: replace the ... with a (4, 6) array.")
    try:
        counts = np.asarray(answer)
    except Exception:  # a student may hand in anything
        return not_yet(f"hand in a {h}x{w} array of counts, got {type(answer).__name__}.")
    if not np.issubdtype(counts.dtype, np.number):
        return not_yet(f"the counts should be numbers, got dtype {counts.dtype}.")
    if counts.shape == (w, h):
        return not_yet(f"your array is {w}x{h}: the input has {h} rows and {w} columns, one "
                       "count per input pixel.")
    if counts.shape == (ho, wo):
        return not_yet(f"that has the output's shape ({ho}x{wo}); there is one count per "
                       f"*input* pixel: shape ({h}, {w}).")
    if counts.shape == (h, w) and not np.array_equal(counts, expected):
        total, right_total = int(np.sum(counts)), ho * wo * kh * kw
        if total != right_total:
            return not_yet(f"your counts add up to {total}, but there are {ho}x{wo} = "
                           f"{ho * wo} outputs of {kh * kw} multiply-adds each = {right_total}: "
                           "every multiply-add uses exactly one input.")
        return not_yet("the total is right, but some inputs are off. Count, for each input "
                       "pixel, how many 3x3 windows cover it.")
    return compare_array(counts, expected, "your array",
                         praise=f"they sum to {ho * wo * kh * kw} = {ho * wo} outputs x {kh * kw} "
                                "multiply-adds; each count is (windows covering the row) x "
                                "(windows covering the column).")
