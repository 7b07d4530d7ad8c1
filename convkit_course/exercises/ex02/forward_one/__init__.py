"""Exercise 2 of notebook 02: one output of a cross-correlation, as a function.

    ex02.forward_one(one_output)     # one_output(x, k, r, c) -> the output at row r, column c

The function runs first on the notebook's example (the article's 5 × 5 ids, the 3 × 3 kernel
of ids: every output), then on hidden cases: non-square inputs and kernels (4 × 4, 3 × 2,
2 × 4, 1 × 3, 3 × 1, a kernel as large as the input) with values that are not whole numbers —
so that a window hard-coded to 3 × 3, a kernel taken as square, swapped rows and columns and a
result cut to a whole number cannot pass.
"""
from __future__ import annotations

import functools

import numpy as np

from ..._answers import check_in_stages, right_on_cases
from ..._core import CORE, Reject, as_number, checker, correlate_2d, fmt, not_yet
from ..._harness import Case
from ..._unit import Unit, unit_messages

__all__ = ["forward_one"]

M = unit_messages(__name__, __file__)

# (input shape, kernel shape) of the hidden problems, tried in this order after the article's
# example: a square kernel other than 3 x 3 first, then non-square ones.
HIDDEN = [((8, 6), (4, 4)), ((6, 7), (3, 2)), ((4, 9), (2, 4)), ((7, 5), (1, 3)),
          ((5, 4), (5, 4)), ((3, 8), (3, 1))]


def problems():
    """(x, k, shown) triples: the article's example, then the hidden ones (values with two
    decimals, never whole numbers, fixed by a seed)."""
    found = [(np.arange(25.0).reshape(5, 5), np.arange(9.0).reshape(3, 3), True)]
    rng = np.random.default_rng(202)
    for x_shape, k_shape in HIDDEN:
        x = np.round(rng.uniform(-3, 3, size=x_shape), 2)
        k = np.round(rng.uniform(-2, 2, size=k_shape), 2)
        x[x == np.round(x)] += 0.25  # no whole numbers: a result cut to int cannot pass
        k[k == np.round(k)] += 0.25
        found.append((x, k, False))
    return found


def cases():
    found = []
    for x, k, shown in problems():
        for r in range(x.shape[0] - k.shape[0] + 1):
            for c in range(x.shape[1] - k.shape[1] + 1):
                where = (M("where_article", r=r, c=c) if shown else
                         M("where", h=x.shape[0], w=x.shape[1], kh=k.shape[0], kw=k.shape[1],
                           r=r, c=c))
                found.append(Case((x, k, r, c), where, hidden=not shown))
    return found


@functools.lru_cache(maxsize=64)
def _full(x_bytes, x_shape, k_bytes, k_shape):
    x = np.frombuffer(x_bytes).reshape(x_shape)
    k = np.frombuffer(k_bytes).reshape(k_shape)
    return correlate_2d(x, k)  # the literal loops


def reference(x, k, r, c):
    x, k = np.asarray(x, float), np.asarray(k, float)
    return float(_full(x.tobytes(), x.shape, k.tobytes(), k.shape)[r, c])


def _taps(x, k, r, c, rows, cols, kernel=None):
    kernel = k if kernel is None else kernel
    return float(sum(x[r + i, c + j] * kernel[i, j] for i in rows for j in cols))


def _slips():
    """(what a student's one_output computes with the slip, its message)."""
    def window(x, k, r, c):
        return x[r:r + k.shape[0], c:c + k.shape[1]]

    def fixed(x, k, r, c):  # the article's 3 x 3 window, written in
        return float(np.sum(x[r:r + 3, c:c + 3] * k))

    def fixed_loops(x, k, r, c):  # for i in range(3): for j in range(3): ...
        return _taps(x, k, r, c, range(3), range(3))

    def square(x, k, r, c):  # k.shape[0] for both axes
        n = k.shape[0]
        return float(np.sum(x[r:r + n, c:c + n] * k))

    return [
        (lambda x, k, r, c: float(np.sum(window(x, k, r, c) * k[::-1, ::-1])), M("slip.flipped")),
        (lambda x, k, r, c: float(np.sum(x[c:c + k.shape[0], r:r + k.shape[1]] * k)),
         M("slip.swapped")),
        (lambda x, k, r, c: float(np.sum(window(x, k, r, c) * k.T)), M("slip.kernel_transposed")),
        (lambda x, k, r, c: float(np.sum(window(x, k, r, c))), M("slip.inputs_alone")),
        (lambda x, k, r, c: float(np.sum(k)), M("slip.kernel_alone")),
        (lambda x, k, r, c: _taps(x, k, r, c, range(k.shape[0] - 1), range(k.shape[1] - 1)),
         M("slip.window_short")),
        (lambda x, k, r, c: _taps(x, k, r, c, range(k.shape[0]), range(k.shape[1] - 1)),
         M("slip.last_column")),
        (lambda x, k, r, c: _taps(x, k, r, c, range(k.shape[0] - 1), range(k.shape[1])),
         M("slip.last_row")),
        (lambda x, k, r, c: -reference(x, k, r, c), M("slip.sign")),
        (lambda x, k, r, c: reference(x, k, r, c) / k.size, M("slip.mean")),
        (lambda x, k, r, c: float(np.max(window(x, k, r, c) * k)), M("slip.max_product")),
        (lambda x, k, r, c: float(np.sum(window(x, k, r, c) @ k)), M("slip.matrix_product")),
        (lambda x, k, r, c: float(int(reference(x, k, r, c))), M("slip.whole_number")),
        (lambda x, k, r, c: float(round(reference(x, k, r, c))), M("slip.whole_number")),
        (fixed, M("slip.fixed_window")),
        (fixed_loops, M("slip.fixed_window")),
        (square, M("slip.square_kernel")),
        (lambda x, k, r, c: float(np.sum(x[r:r + k.shape[1], c:c + k.shape[0]] * k)),
         M("slip.kernel_axes_swapped")),
    ]


def _read(result):
    """One number; an array of several gets the hint to add the products up."""
    shape = np.shape(result) if isinstance(result, (np.ndarray, list, tuple)) else ()
    if int(np.prod(shape)) > 1:
        raise Reject(not_yet(M("slip.no_sum", shape=tuple(shape))))
    return float(as_number(result, CORE("name.returned")))


def _same(got, want):
    return got is not None and want is not None and bool(np.isclose(got, want, rtol=1e-5,
                                                                      atol=1e-5))


@checker
def forward_one(one_output):
    """Exercise 2: ``one_output(x, k, r, c)`` = output (r, c) of the correlation of 2-D x, k."""
    return check_in_stages(one_output, cases(), reference, slips=_slips(),
                           names=("x", "k", "r", "c"), read=_read, same=_same, show=fmt,
                           name=CORE("name.function"))


def _is_right(function):
    return right_on_cases(function, cases(), reference, names=("x", "k", "r", "c"), read=_read,
                          same=_same)


SOLUTION = """
def one_output(x, k, r, c):
    kh, kw = k.shape                      # the window has the kernel's shape
    window = x[r:r + kh, c:c + kw]        # the inputs output (r, c) reads
    return np.sum(window * k)             # each times the weight on it, added up

ex02.forward_one(one_output)
"""

UNIT = Unit(forward_one, messages=M, solution_code=SOLUTION, is_right=_is_right,
            stated=["Write `one_output(x, k, r, c)`"])
