"""Checkers for notebook 02 · the forward map.

    from convkit_course.exercises import ex02
    ex02.window_ids(answer)     # the input ids output 5 reads, in kernel-id order
    ex02.forward_one(my_fn)     # my_fn(x, k, r, c) -> the output at (r, c), from the definition
"""
from __future__ import annotations

import numpy as np

from ._core import (Reject, Verdict, as_array, as_function, as_number, call_student, checker,
                    correct, correlate_2d, fallback, fmt, msg, not_yet)

__all__ = ["WINDOW_OUTPUT", "window_ids", "forward_one"]

# The article's example: 5x5 input (ids 0..24), 3x3 kernel (ids 0..8), 3x3 output (ids 0..8).
H = W = 5
K = 3
WO = W - K + 1
WINDOW_OUTPUT = 5  # output id 5 = row 1, column 2 of the output


def _window(r, c, width=W, column_major=False):
    """Input ids of the K x K window with top-left input (r, c), in kernel-id order."""
    taps = [(i, j) for j in range(K) for i in range(K)] if column_major else \
        [(i, j) for i in range(K) for j in range(K)]
    return [(r + i) * width + (c + j) for i, j in taps]


@checker
def window_ids(answer) -> Verdict:
    """Exercise 1: the 9 input ids that output 5 reads, listed in kernel-id order 0..8."""
    ids = as_array(answer, msg("your list of ids")).ravel()
    if np.any(ids != np.round(ids)) or np.any(ids < 0):
        return not_yet(msg("input ids are whole numbers from 0 to 24, e.g. [0, 1, 2, ...]."))
    ids = [int(i) for i in ids]
    r, c = divmod(WINDOW_OUTPUT, WO)
    expected = _window(r, c)
    if ids == expected:
        return correct(msg("output {o} is output row {r}, column {c}, so its window starts at "
                           "input row {r}, column {c}: input id {first}.", o=WINDOW_OUTPUT, r=r,
                           c=c, first=expected[0]))
    if len(ids) != K * K:
        return not_yet(msg("you gave {n} ids; a 3x3 kernel reads {k} inputs per output.",
                           n=len(ids), k=K * K))
    if ids == _window(r, c, column_major=True):
        return not_yet(msg("the right 9 inputs, listed column by column. Kernel ids go row by "
                           "row: weights 0, 1, 2 are the kernel's top row."))
    if sorted(ids) == sorted(expected):
        return not_yet(msg("the right 9 inputs, but list them in kernel-id order: the input that "
                           "kernel weight 0 multiplies first, then weight 1, ... up to weight 8."))
    if ids == [i + 1 for i in expected]:
        return not_yet(msg("every id is 1 too big: ids count from 0 (the top-left input is id "
                           "0)."))
    if ids == _window(*divmod(WINDOW_OUTPUT, W)):  # the window's top-left put at input id 5
        return not_yet(msg("you started the window at input id {o}, the output's id. Output ids "
                           "count over the 3x3 output: id {o} is output row {r}, column {c}; the "
                           "window starts at input row {r}, column {c}.", o=WINDOW_OUTPUT, r=r,
                           c=c))
    if ids == _window(c, r):
        return not_yet(msg("rows and columns are swapped: output {o} is row {r}, column {c} "
                           "(id = row * 3 + column).", o=WINDOW_OUTPUT, r=r, c=c))
    if ids == list(range(expected[0], expected[0] + K * K)):
        return not_yet(msg("the window is a 3x3 block, not 9 ids in a row: after 3 ids, jump to "
                           "the next input row (+{w}).", w=W))
    if ids == _window(*divmod(WINDOW_OUTPUT - 1, WO)):
        return not_yet(msg("that is the window of output {prev}: output ids count from 0, so "
                           "output {o} is output row {r}, column {c}.", prev=WINDOW_OUTPUT - 1,
                           o=WINDOW_OUTPUT, r=r, c=c))
    if ids == list(range(K * K)):
        return not_yet(msg("0..8 are the kernel's ids; the question asks for the *input* ids "
                           "that output {o} reads.", o=WINDOW_OUTPUT))
    return fallback(msg("output {o} sits at output row {r}, column {c}; list the ids of the 3x3 "
                        "input block with that top-left corner, row by row.", o=WINDOW_OUTPUT,
                        r=r, c=c))


def _problems():
    """(x, k) pairs the forward-pass function is tried on: the article's example, then a
    non-square input and kernel with random values (so swapped axes show up)."""
    rng = np.random.default_rng(2)
    yield np.arange(25.0).reshape(5, 5), np.arange(9.0).reshape(3, 3)
    yield rng.integers(-3, 4, size=(6, 7)).astype(float), rng.integers(-2, 3, size=(3, 2)).astype(float)


def _gather(x, k, r, c, rows, cols):
    """Output (r, c) summing x[r + i, c + j] * k[i, j] over the given tap ranges."""
    return sum(x[r + i, c + j] * k[i, j] for i in rows for j in cols)


@checker
def forward_one(fn) -> Verdict:
    """Exercise 2: ``fn(x, k, r, c)`` returns output (r, c) of the cross-correlation of 2-D x, k."""
    fn = as_function(fn)
    for number, (x, k) in enumerate(_problems()):
        where = (msg("on the article's 5x5 example") if number == 0 else
                 msg("on a {h}x{w} input with a {kh}x{kw} kernel", h=x.shape[0], w=x.shape[1],
                     kh=k.shape[0], kw=k.shape[1]))
        z = correlate_2d(x, k)
        got = np.full(z.shape, np.nan)
        for r, c in np.ndindex(z.shape):
            at = msg("{where}, output ({r}, {c})", where=where, r=r, c=c)
            try:
                value = call_student(fn, x.copy(), k.copy(), r, c, where=at)
            except Reject as reject:
                if number:
                    return Verdict(False, msg("{hint} Use k.shape for the window size.",
                                              hint=reject.verdict.message), "input")
                raise
            if isinstance(value, np.ndarray) and value.size > 1:
                return not_yet(msg("your function returns an array of shape {shape}: add up the "
                                   "products to get one number (np.sum).", shape=value.shape))
            value = as_number(value, msg("what your function returns"))
            got[r, c] = value
        if np.allclose(got, z):
            continue
        kh, kw = k.shape
        if np.allclose(got, correlate_2d(x, k[::-1, ::-1])):
            return not_yet(msg("that is the true convolution (kernel flipped). The layer computes "
                               "cross-correlation: x[r+i, c+j] * k[i, j], kernel as it is."))
        if z.shape[0] == z.shape[1] and np.allclose(got, z.T):
            return not_yet(msg("rows and columns are swapped: output (r, c) reads input rows "
                               "r..r+KH-1 and columns c..c+KW-1."))
        if kh == kw and np.allclose(got, correlate_2d(x, k.T)):
            return not_yet(msg("the kernel is used transposed: k[i, j] multiplies x[r+i, c+j]."))
        if np.allclose(got, correlate_2d(x, np.ones_like(k))):
            return not_yet(msg("that is the sum of the window's inputs: multiply each by its "
                               "weight k[i, j] before adding."))
        if np.allclose(got, [[_gather(x, k, r, c, range(kh - 1), range(kw - 1))
                              for c in range(z.shape[1])] for r in range(z.shape[0])]):
            return not_yet(msg("the window is one row and one column short: range(KH) runs "
                               "0..KH-1, and x[r:r+KH] ends before r+KH."))
        for rows, cols, hint in (
                (range(kh), range(kw - 1), msg("the window misses its last column: loop over "
                                               "range(k.shape[1]) columns (x[r:r+KH, c:c+KW]).")),
                (range(kh - 1), range(kw), msg("the window misses its last row: loop over "
                                               "range(k.shape[0]) rows (x[r:r+KH, c:c+KW])."))):
            if np.allclose(got, [[_gather(x, k, r, c, rows, cols) for c in range(z.shape[1])]
                                 for r in range(z.shape[0])]):
                return not_yet(hint)
        if np.allclose(got, -z):
            return not_yet(msg("the right numbers with the wrong sign."))
        bad = np.argwhere(~np.isclose(got, z))[0]
        hint = (msg("{where}, output ({r}, {c}) should be {want}, your function gives {got}. Use "
                    "k.shape[0] for the window's rows and k.shape[1] for its columns.",
                    where=where, r=int(bad[0]), c=int(bad[1]), want=fmt(z[tuple(bad)]),
                    got=fmt(got[tuple(bad)])) if number else
                msg("{where}, output ({r}, {c}) should be {want}, your function gives {got}.",
                    where=where, r=int(bad[0]), c=int(bad[1]), want=fmt(z[tuple(bad)]),
                    got=fmt(got[tuple(bad)])))
        return not_yet(hint) if number else fallback(hint)
    return correct(msg("your function computes every output of both test problems, including a "
                       "non-square input and kernel."))
