"""Checkers for notebook 03 · the input gradient.

    from convkit_course.exercises import ex03
    dz, k = ex03.dx_problem()              # dZ (3, 3) and kernel (3, 3), small integers
    ex03.input_gradient(dx)                # dX (5, 5): pad dZ by K-1, correlate with rot180(k)
    ex03.participation(counts)             # participation counts of a 4x6 input, 3x3 kernel
"""
from __future__ import annotations

import numpy as np

from ._core import Verdict, as_array, checker, compare_array, correlate_2d, fallback, fmt, msg
from convkit.direct import conv2d_direct_backward

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


def _pad_hint(n, pad):
    what = msg("did not pad dZ") if pad == 0 else msg("padded dZ by {pad}", pad=pad)
    return msg("your dX is {n}x{n} but the input is 5x5: you {what}. Pad dZ by K-1 = 2 on every "
               "side (7x7), then the 3x3 correlation gives 5x5.", n=n, what=what)


@checker
def input_gradient(answer) -> Verdict:
    """Exercise 1: dX (5, 5) of the 5x5 / 3x3 example for ``dx_problem()``'s dz and k."""
    dz, k = dx_problem()
    pad = k.shape[0] - 1
    # correlating a (3 + 2p)-square dZ with a 3x3 kernel gives (1 + 2p) square
    shapes = {(1 + 2 * p, 1 + 2 * p): _pad_hint(1 + 2 * p, p) for p in (0, 1, 3, 4)}
    expected = conv2d_direct_backward(dz[None, None].astype(float), np.zeros((1, 1, 5, 5)),
                                      k[None, None].astype(float))[0][0, 0]
    mistakes = [
        (_full(dz, k, pad), msg("the kernel is not rotated: correlate the padded dZ with k "
                                "rotated by 180° (k[::-1, ::-1]).")),
        (_full(dz, k.T, pad), msg("you transposed the kernel; rotating by 180° is different: "
                                  "flip both axes, k[::-1, ::-1] (or np.rot90(k, 2)).")),
        (_full(dz, k[::-1, :], pad), msg("you flipped the kernel up-down only; a 180° rotation "
                                         "flips left-right too: k[::-1, ::-1].")),
        (_full(dz, k[:, ::-1], pad), msg("you flipped the kernel left-right only; a 180° "
                                         "rotation flips up-down too: k[::-1, ::-1].")),
        (_full(dz[::-1, ::-1], k, pad), msg("you rotated dZ instead of the kernel.")),
        (_full(dz, np.rot90(k), pad), msg("you rotated the kernel by 90° (np.rot90(k)); the "
                                          "article rotates by 180°: np.rot90(k, 2) or "
                                          "k[::-1, ::-1].")),
        (_full(dz, np.rot90(k, -1), pad), msg("you rotated the kernel by 90° clockwise "
                                              "(np.rot90(k, -1)); the article rotates by 180°: "
                                              "np.rot90(k, 2) or k[::-1, ::-1].")),
        (_full(dz, k[::-1, ::-1].T, pad), msg("you rotated the kernel by 180° and also "
                                              "transposed it: only the rotation is needed.")),
    ]
    return compare_array(answer, expected, msg("your dX"), mistakes=mistakes, shapes=shapes,
                         praise=msg("dX = dZ padded by K-1 = 2, correlated with the kernel "
                                    "rotated 180°: every input collects dZ x the weight it met."))


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


@checker
def participation(answer) -> Verdict:
    """Exercise 2: participation counts (4, 6) for a 4x6 input, 3x3 kernel, stride 1, no padding."""
    (h, w), (kh, kw) = PARTICIPATION_PROBLEM["input_size"], PARTICIPATION_PROBLEM["kernel_size"]
    ho, wo = h - kh + 1, w - kw + 1
    expected = _counts((h, w), (kh, kw))
    rows, cols = _counts((h, 1), (kh, 1))[:, 0], _counts((1, w), (1, kw))[0]
    name = msg("your count table")
    shapes = {
        (ho, wo): msg("that has the output's shape ({ho}x{wo}); there is one count per *input* "
                      "pixel: shape ({h}, {w}).", ho=ho, wo=wo, h=h, w=w),
        (kh, kw): msg("that has the kernel's shape; there is one count per *input* pixel: shape "
                      "({h}, {w}).", h=h, w=w),
    }
    counts = as_array(answer, name)
    mistakes = [
        (np.full((h, w), kh * kw), msg("not every input takes part {n} times: a corner is "
                                       "covered by one window only. Count, for each input "
                                       "pixel, the windows that cover it.", n=kh * kw)),
        (np.ones((h, w)), msg("every input is covered by at least one window, but the middle "
                              "ones by several: count them all.")),
        (np.outer(rows, np.ones(w)), msg("these are the counts along the rows only: multiply "
                                         "by the windows covering the column too.")),
        (np.outer(np.ones(h), cols), msg("these are the counts along the columns only: multiply "
                                         "by the windows covering the row too.")),
        (rows[:, None] + cols[None, :], msg("you added the row and column counts; a pixel is "
                                            "covered by (windows on its row) x (windows on its "
                                            "column): multiply.")),
    ]
    verdict = compare_array(counts, expected, name, mistakes=mistakes, shapes=shapes,
                            praise=msg("they sum to {total} = {outputs} outputs x {taps} "
                                       "multiply-adds; each count is (windows covering the row) x "
                                       "(windows covering the column).",
                                       total=ho * wo * kh * kw, outputs=ho * wo, taps=kh * kw))
    if verdict.kind != "generic" or counts.size != h * w:
        return verdict
    if np.isclose(np.sum(counts), ho * wo * kh * kw):
        return fallback(msg("the total is right, but some inputs are off. Count, for each input "
                            "pixel, how many {kh}x{kw} windows cover it.", kh=kh, kw=kw))
    return fallback(msg("your counts add up to {total}, but there are {ho}x{wo} = {outputs} "
                        "outputs of {taps} multiply-adds each = {right}: every multiply-add uses "
                        "exactly one input.", total=fmt(np.sum(counts)), ho=ho, wo=wo,
                        outputs=ho * wo, taps=kh * kw, right=ho * wo * kh * kw))
