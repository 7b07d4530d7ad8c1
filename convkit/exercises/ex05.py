"""Checkers for notebook 05 · stride, padding, dilation.

    from convkit.exercises import ex05
    ex05.output_sizes([o1, o2, o3])        # Ho for the three geometries in OUTPUT_SIZE_PROBLEMS
    ex05.counts(counts)                    # participation counts: 6x5 input, 3x3 kernel, stride 2
    ex05.input_gradient(my_function)       # my_function(dz, k, input_size, stride, padding) -> dx

Expected answers come from the literal loops (``conv2d_loops`` / ``conv2d_loops_backward``),
not from the code the notebook teaches.
"""
from __future__ import annotations

import numpy as np

from ._core import Verdict, compare_array, correct, not_yet
from ..direct import conv2d_loops, conv2d_loops_backward

__all__ = ["OUTPUT_SIZE_PROBLEMS", "output_sizes", "COUNTS_PROBLEM", "counts",
           "GRADIENT_PROBLEMS", "input_gradient"]

# (input H, kernel K, stride S, padding P, dilation D)
OUTPUT_SIZE_PROBLEMS = [(7, 3, 2, 0, 1), (8, 3, 3, 1, 1), (9, 3, 1, 0, 3)]

COUNTS_PROBLEM = {"input_size": (6, 5), "kernel_size": 3, "stride": 2}

# (input_size, K, stride, padding), easiest first; each teaches one step of the recipe
GRADIENT_PROBLEMS = [
    ((5, 5), 3, 1, 0),   # the article's example
    ((5, 5), 3, 2, 0),   # zeros between dZ entries
    ((5, 5), 3, 1, 1),   # padding cropped off
    ((7, 6), 3, 2, 1),   # both, and a rectangle
    ((6, 6), 3, 2, 0),   # the floor drops the last row and column
    ((4, 5), 1, 1, 1),   # pad by K-1-P < 0: crop instead
]


def _loops_output(h, k, s, p, d):
    """Output length along one axis by running the literal loops (not the formula)."""
    return conv2d_loops(np.zeros((1, 1, h, 1)), np.zeros((1, 1, k, 1)), stride=(s, 1),
                        padding=(p, 0), dilation=(d, 1)).shape[2]


def output_sizes(answer) -> Verdict:
    """Exercise 1: the output height for each geometry of ``OUTPUT_SIZE_PROBLEMS``."""
    if answer is None or answer is Ellipsis:
        return not_yet("your list is still empty: replace the ... with three numbers.")
    try:
        values = [float(v) for v in answer]
    except (TypeError, ValueError):
        return not_yet("give a list of three numbers, one output size per geometry.")
    if len(values) != len(OUTPUT_SIZE_PROBLEMS):
        return not_yet(f"give {len(OUTPUT_SIZE_PROBLEMS)} numbers, one per geometry; got {len(values)}.")
    for value, (h, k, s, p, d) in zip(values, OUTPUT_SIZE_PROBLEMS):
        expected = _loops_output(h, k, s, p, d)
        if value == expected:
            continue
        where = f"for H={h}, K={k}, S={s}, P={p}, D={d} you gave {value:g}"
        exact = (h + 2 * p - d * (k - 1) - 1) / s + 1
        if value != int(value) and np.isclose(value, exact):
            return not_yet(f"{where}: a window cannot stop half-way; round down — "
                           f"floor((H + 2P - D(K-1) - 1) / S) + 1.")
        if value == (h + 2 * p - k) // s + 1:
            return not_yet(f"{where}, which ignores the dilation: a dilated kernel reaches "
                           f"D(K-1) + 1 = {d * (k - 1) + 1} pixels, not K = {k}.")
        if value == (h - d * (k - 1) - 1) // s + 1:
            return not_yet(f"{where}, which ignores the padding: the window moves over "
                           f"H + 2P = {h + 2 * p} pixels.")
        if value == (h + p - d * (k - 1) - 1) // s + 1:
            return not_yet(f"{where}: padding goes on both sides, so add 2P = {2 * p}.")
        if value == (h + 2 * p - d * (k - 1) - 1) // s:
            return not_yet(f"{where}: count the first window too — the formula ends in + 1.")
        if value == h + 2 * p - d * (k - 1):
            return not_yet(f"{where}, which ignores the stride: the window jumps S = {s} "
                           f"pixels, so divide by S (and round down).")
        return not_yet(f"{where}; expected {expected}. Use "
                       "floor((H + 2P - D(K-1) - 1) / S) + 1.")
    return correct("floor((H + 2P - D(K-1) - 1) / S) + 1 — padding widens the room, dilation "
                   "widens the kernel, stride divides the number of steps.")


def _counts(input_size, kernel_size, stride):
    """Participation counts by the loops: with every weight 1 and dY all ones, dX counts."""
    h, w = input_size
    ho = _loops_output(h, kernel_size, stride, 0, 1)
    wo = _loops_output(w, kernel_size, stride, 0, 1)
    dx, _, _ = conv2d_loops_backward(np.ones((1, 1, ho, wo)), np.zeros((1, 1, h, w)),
                                     np.ones((1, 1, kernel_size, kernel_size)), stride=stride)
    return np.rint(dx[0, 0]).astype(int)


def counts(answer) -> Verdict:
    """Exercise 2: the participation counts of ``COUNTS_PROBLEM`` as an (H, W) array."""
    size, k, s = COUNTS_PROBLEM["input_size"], COUNTS_PROBLEM["kernel_size"], COUNTS_PROBLEM["stride"]
    expected = _counts(size, k, s)
    stride_one = _counts(size, k, 1)
    # the floor drops the last row: a student who lets the windows run to the end gets it non-zero
    no_floor = expected.copy()
    no_floor[-1] = no_floor[-2]
    mistakes = [
        (stride_one, "these are the stride-1 counts: with stride 2 the windows start at rows "
                     "0, 2, … and columns 0, 2, …, so they overlap far less."),
        (no_floor, "the last row is not reached by any window: with H = 6, K = 3, S = 2 the "
                   "windows start at rows 0 and 2 only (the floor), so row 5 takes part in "
                   "nothing — count 0."),
        (expected.T, "you swapped rows and columns: the input is 6 rows by 5 columns."),
    ]
    verdict = compare_array(answer, expected, "your table", mistakes=mistakes,
                            praise=f"the counts add up to {expected.sum()} = outputs × {k * k} "
                                   "weights, and the row the floor dropped counts 0 — its "
                                   "gradient is zero.")
    if verdict:
        return verdict
    if "entries differ" in verdict.text and np.sum(answer) != expected.sum():
        ho = _loops_output(size[0], k, s, 0, 1)
        wo = _loops_output(size[1], k, s, 0, 1)
        return not_yet(f"{verdict.text} Check: they must add up to {ho}×{wo} outputs × "
                       f"{k * k} weights = {expected.sum()}; yours add up to {np.sum(answer)}.")
    return verdict


def _expected_dx(dz, k, input_size, stride, padding):
    dx, _, _ = conv2d_loops_backward(dz[None, None], np.zeros((1, 1) + tuple(input_size)),
                                     k[None, None], stride=stride, padding=padding)
    return dx[0, 0]


def input_gradient(function) -> Verdict:
    """Exercise 3: ``function(dz, k, input_size, stride, padding) -> dx`` on ``GRADIENT_PROBLEMS``.

    dz (Ho, Wo), k (K, K), input_size (H, W) -> dx (H, W); one channel, dilation 1.
    """
    if function is None or function is Ellipsis:
        return not_yet("your function is still empty: define it, then pass it (no brackets).")
    if not callable(function):
        return not_yet(f"pass the function itself (e.g. input_gradient, no brackets), "
                       f"got a {type(function).__name__}.")
    rng = np.random.default_rng(5)
    for input_size, kk, s, p in GRADIENT_PROBLEMS:
        ho = _loops_output(input_size[0], kk, s, p, 1)
        wo = _loops_output(input_size[1], kk, s, p, 1)
        dz = rng.integers(-3, 4, size=(ho, wo)).astype(float)
        k = rng.integers(-3, 4, size=(kk, kk)).astype(float)
        where = f"input {input_size[0]}x{input_size[1]}, K={kk}, stride {s}, padding {p}"
        try:
            answer = function(dz.copy(), k.copy(), input_size, s, p)
        except Exception as error:  # a student's function may fail in any way
            return not_yet(f"for {where} your function raised {type(error).__name__}: {error}")
        if answer is None or answer is Ellipsis:
            return not_yet(f"for {where} your function returned {answer!r}: return dx.")
        expected = _expected_dx(dz, k, input_size, s, p)
        try:
            answer = np.asarray(answer, dtype=float)
        except (TypeError, ValueError):
            return not_yet(f"for {where} your function returned a {type(answer).__name__}, "
                           "not an array of numbers.")
        if answer.shape != expected.shape:
            return not_yet(f"for {where} your dx has shape {answer.shape}; expected "
                           f"{expected.shape}. " + _shape_hint(answer.shape, input_size, kk, s, p, (ho, wo)))
        if np.allclose(answer, expected):
            continue
        if np.allclose(answer, _expected_dx(dz, k[::-1, ::-1], input_size, s, p)):
            return not_yet(f"for {where} your dx is what an unrotated kernel gives: correlate "
                           "with the kernel rotated 180° (k[::-1, ::-1]).")
        if np.allclose(answer.sum(), expected.sum()) and not np.allclose(answer, expected):
            return not_yet(f"for {where} your dx has the right total but the values sit in the "
                           "wrong places: check the zeros between dZ entries and the padding on "
                           "each side.")
        return not_yet(f"for {where} your dx differs from the gradient (first difference at "
                       f"{tuple(int(i) for i in np.argwhere(~np.isclose(answer, expected))[0])}).")
    return correct("insert S-1 zeros between dZ entries, pad by K-1-P (crop if negative) and by "
                   "the dropped rows at the end, correlate with rot180(k) — for every geometry.")


def _shape_hint(shape, input_size, k, s, p, out):
    """Name the step whose omission gives ``shape`` (each mistake changes the size its own way)."""
    spread = [(o - 1) * s + 1 for o in out]
    no_zeros = tuple(o + k - 1 - 2 * p for o in out)          # dZ padded, but no zeros inserted
    no_crop = tuple(n + 2 * p for n in input_size)            # the padded input's size
    no_floor = tuple(n + k - 1 - 2 * p for n in spread)       # symmetric pad, dropped rows lost
    if s > 1 and tuple(shape) == no_zeros:
        return ("It looks like dZ was padded without the zeros between its entries: insert "
                "stride-1 zeros first (dZ becomes (Ho-1)*S+1 long).")
    if p > 0 and tuple(shape) == no_crop:
        return "That is the padded input's size: crop the padding P off each side."
    if tuple(shape) == no_floor:
        return ("The rows the floor dropped (no window reached them) still need a gradient — "
                "zero: pad the end of dZ by those rows too, not only by K-1-P.")
    return "dx must have the input's shape (H, W)."
