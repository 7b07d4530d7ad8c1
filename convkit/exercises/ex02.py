"""Checkers for notebook 02 · the forward map.

    from convkit.exercises import ex02
    ex02.window_ids(answer)     # the input ids output 5 reads, in kernel-id order
    ex02.forward_one(my_fn)     # my_fn(x, k, r, c) -> the output at (r, c), from the definition
"""
from __future__ import annotations

import numbers

import numpy as np

from ._core import Verdict, correct, correlate_2d, not_yet

__all__ = ["WINDOW_OUTPUT", "window_ids", "forward_one"]

# The article's example: 5x5 input (ids 0..24), 3x3 kernel (ids 0..8), 3x3 output (ids 0..8).
H = W = 5
K = 3
WO = W - K + 1
WINDOW_OUTPUT = 5  # output id 5 = row 1, column 2 of the output


def _window(r, c, width=W):
    """Input ids of the K x K window with top-left input (r, c), in kernel-id order."""
    return [(r + i) * width + (c + j) for i in range(K) for j in range(K)]


def window_ids(answer) -> Verdict:
    """Exercise 1: the 9 input ids that output 5 reads, listed in kernel-id order 0..8."""
    if answer is None or answer is Ellipsis:
        return not_yet("your answer is still empty: replace the ... with a list of 9 input ids.")
    try:
        ids = np.asarray(answer).ravel()
    except Exception:  # a student may hand in anything
        return not_yet(f"hand in a list of 9 input ids, got {type(answer).__name__}.")
    if not np.issubdtype(ids.dtype, np.number) or ids.size == 0 or np.any(ids != np.round(ids)):
        return not_yet("hand in whole-number ids, e.g. [0, 1, 2, ...].")
    ids = [int(i) for i in ids]
    r, c = divmod(WINDOW_OUTPUT, WO)
    expected = _window(r, c)
    if ids == expected:
        return correct(f"output {WINDOW_OUTPUT} is output row {r}, column {c}, so its window "
                       f"starts at input row {r}, column {c}: input id {expected[0]}.")
    if len(ids) != K * K:
        return not_yet(f"you gave {len(ids)} ids; a 3x3 kernel reads {K * K} inputs per output.")
    if sorted(ids) == sorted(expected):
        return not_yet("the right 9 inputs, but list them in kernel-id order: the input that "
                       "kernel weight 0 multiplies first, then weight 1, ... up to weight 8.")
    if ids == _window(*divmod(WINDOW_OUTPUT, W)):  # the window's top-left put at input id 5
        return not_yet(f"you started the window at input id {WINDOW_OUTPUT}, the output's id. "
                       f"Output ids count over the 3x3 output: id {WINDOW_OUTPUT} is output row "
                       f"{r}, column {c}; the window starts at input row {r}, column {c}.")
    if ids == _window(c, r):
        return not_yet(f"rows and columns are swapped: output {WINDOW_OUTPUT} is row {r}, "
                       f"column {c} (id = row * 3 + column).")
    if ids == list(range(expected[0], expected[0] + K * K)):
        return not_yet("the window is a 3x3 block, not 9 ids in a row: after 3 ids, jump to the "
                       f"next input row (+{W}).")
    if ids == [expected[0] + i * WO + j for i in range(K) for j in range(K)]:
        return not_yet(f"a step down in the input is +{W} (the input's width), not +{WO}.")
    return not_yet(f"output {WINDOW_OUTPUT} sits at output row {r}, column {c}; list "
                   "the ids of the 3x3 input block with that top-left corner, row by row.")


def _problems():
    """(x, k) pairs the forward-pass function is tried on: the article's example, then a
    non-square input and kernel with random values (so swapped axes show up)."""
    rng = np.random.default_rng(2)
    yield np.arange(25.0).reshape(5, 5), np.arange(9.0).reshape(3, 3)
    yield rng.integers(-3, 4, size=(6, 7)).astype(float), rng.integers(-2, 3, size=(3, 2)).astype(float)


def forward_one(fn) -> Verdict:
    """Exercise 2: ``fn(x, k, r, c)`` returns output (r, c) of the cross-correlation of 2-D x, k."""
    if not callable(fn):
        return not_yet(f"hand in your function itself (no brackets), got {type(fn).__name__}.")
    for number, (x, k) in enumerate(_problems()):
        where = ("on the article's 5x5 example" if number == 0 else
                 f"on a {x.shape[0]}x{x.shape[1]} input with a {k.shape[0]}x{k.shape[1]} kernel")
        z = correlate_2d(x, k)
        got = np.full(z.shape, np.nan)
        for r, c in np.ndindex(z.shape):
            try:
                value = fn(x.copy(), k.copy(), r, c)
            except Exception as err:  # a student's function may fail in any way
                return not_yet(f"your function raised {type(err).__name__}: {err} ({where}, "
                               f"output ({r}, {c}))."
                               + (" Use k.shape for the window size." if number else ""))
            if value is None or value is Ellipsis:
                return not_yet("your function still returns ... / None: compute the sum.")
            if isinstance(value, np.ndarray) and value.size > 1:
                return not_yet(f"your function returns an array of shape {value.shape}: add "
                               "up the products to get one number (np.sum).")
            if isinstance(value, np.ndarray):
                value = value.item()
            if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real):
                return not_yet(f"your function should return a number, got {type(value).__name__}.")
            got[r, c] = value
        if np.allclose(got, z):
            continue
        if np.allclose(got, correlate_2d(x, k[::-1, ::-1])):
            return not_yet("that is the true convolution (kernel flipped). The layer computes "
                           "cross-correlation: x[r+i, c+j] * k[i, j], kernel as it is.")
        if z.shape[0] == z.shape[1] and np.allclose(got, z.T):
            return not_yet("rows and columns are swapped: output (r, c) reads input rows "
                           "r..r+KH-1 and columns c..c+KW-1.")
        if k.shape[0] == k.shape[1] and np.allclose(got, correlate_2d(x, k.T)):
            return not_yet("the kernel is used transposed: k[i, j] multiplies x[r+i, c+j].")
        bad = np.argwhere(~np.isclose(got, z))[0]
        return not_yet(f"{where}, output ({bad[0]}, {bad[1]}) should be {z[tuple(bad)]:g}, "
                       f"your function gives {got[tuple(bad)]:g}."
                       + (" Use k.shape[0] for the window's rows and k.shape[1] for its columns."
                          if number else ""))
    return correct("your function computes every output of both test problems, including a "
                   "non-square input and kernel.")
