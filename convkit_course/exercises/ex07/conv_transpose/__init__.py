"""Exercise 3 of notebook 07: a transposed convolution by scatter, tried on hidden cases.

    ex07.conv_transpose(my_function)   # my_function(y, k, stride) -> out

``y`` (h, w) and ``k`` (K, K) give ``out`` ((h-1)·stride + K, (w-1)·stride + K): every
y[i, j] adds y[i, j]·k onto the window at (i·stride, j·stride).  The function runs first on
the notebook's example geometry (a 2×2 map, a 3×3 kernel, stride 2, as in the section on
transposed convolutions), then on cases the notebook does not show: non-square maps, kernels
of 1 to 4 taps, strides 1 to 4 — so a stride or a kernel size copied from the example cannot
pass.  The expected output is the input gradient of a convolution, from the literal loops.
"""
from __future__ import annotations

import itertools

import numpy as np

from convkit.direct import conv2d_loops_backward

from ..._core import CORE, as_array, checker
from ..._harness import Case, check_function
from ..._answers import same_array, show_array
from ..._unit import Unit, unit_messages

__all__ = ["TRANSPOSE_PROBLEMS", "conv_transpose"]

M = unit_messages(__name__, __file__)

#: (y size, K, stride) the checker tries first: the notebook's 2×2 map, 3×3 kernel, stride 2.
TRANSPOSE_PROBLEMS = [((2, 2), 3, 2)]


def _case(size, kk, stride, hidden, seed):
    rng = np.random.default_rng(seed)
    y = rng.integers(-3, 4, size=size).astype(float)
    k = rng.integers(-3, 4, size=(kk, kk)).astype(float)
    k[0, -1] = 4.0 if k[0, -1] == k[-1, 0] else k[0, -1]   # no symmetric kernel
    return Case((y, k, stride), M("where", h=size[0], w=size[1], K=kk, s=stride), hidden)


def cases():
    shown = [_case(size, kk, s, False, 70 + i) for i, (size, kk, s) in
             enumerate(TRANSPOSE_PROBLEMS)]
    hidden = [((3, 3), 3, 1), ((2, 3), 2, 3), ((3, 2), 3, 2), ((1, 4), 2, 1), ((4, 1), 4, 3),
              ((3, 4), 1, 2), ((2, 5), 3, 4), ((4, 3), 4, 1), ((5, 2), 2, 2), ((3, 3), 4, 4)]
    return shown + [_case(size, kk, s, True, 700 + i) for i, (size, kk, s) in
                    enumerate(hidden)]


def reference(y, k, stride):
    """A transposed convolution is the input gradient of the convolution: from the loops."""
    kk = k.shape[0]
    size = tuple((n - 1) * stride + kk for n in y.shape)
    dx, _, _ = conv2d_loops_backward(y[None, None], np.zeros((1, 1) + size), k[None, None],
                                     stride=stride)
    return dx[0, 0]


def _scatter(y, k, stride, *, size=None, place=None, assign=False):
    """What a student's scatter computes: out of ``size`` (default the right one), y[i, j]·k
    put at ``place(i, j)`` (default (i·stride, j·stride)), added or (``assign``) assigned."""
    kh, kw = k.shape
    size = size or ((y.shape[0] - 1) * stride + kh, (y.shape[1] - 1) * stride + kw)
    place = place or (lambda i, j: (i * stride, j * stride))
    out = np.zeros(size)
    for i, j in itertools.product(range(y.shape[0]), range(y.shape[1])):
        r, c = place(i, j)
        window = out[r:r + kh, c:c + kw]
        if window.shape != k.shape:
            return None                  # the slip would not run on this case
        if assign:
            window[...] = y[i, j] * k
        else:
            window += y[i, j] * k
    return out


def _slips():
    return [
        (lambda y, k, s: _scatter(y, k[::-1, ::-1], s), M("slip.rotated")),
        (lambda y, k, s: _scatter(y, k, s, assign=True), M("slip.assigned")),
        (lambda y, k, s: _scatter(y, k.T, s), M("slip.kernel_transposed")),
        (lambda y, k, s: _scatter(y, k, s).T, M("slip.output_transposed")),
        (lambda y, k, s: _scatter(y, k, 1), M("slip.no_stride")),
        (lambda y, k, s: _scatter(y, k, s, place=lambda i, j: (i, j)), M("slip.placed_at_ij")),
        (lambda y, k, s: _scatter(y, k, s, size=tuple(n * s + k.shape[0] - 1 for n in y.shape)),
         M("slip.too_long")),
        (lambda y, k, s: _dilated(y, s), M("slip.zeros_only")),
        (lambda y, k, s: _scatter(y, k, 2), M("slip.stride_fixed", value=2)),
    ]


def _dilated(y, s):
    out = np.zeros(tuple((n - 1) * s + 1 for n in y.shape))
    out[::s, ::s] = y
    return out


def _read(result):
    return as_array(result, CORE("name.returned"))


@checker
def conv_transpose(function):
    """Exercise 3: ``function(y, k, stride) -> out`` on the cases of :func:`cases`."""
    return check_function(function, cases(), reference, names=("y", "k", "stride"), read=_read,
                          same=same_array, slips=_slips(), show=show_array,
                          praise=M("praise", count=len(cases())))


def _is_right(function):
    """Right on every case, and the inputs left as they were."""
    try:
        for case in cases():
            y, k, stride = (a.copy() if isinstance(a, np.ndarray) else a for a in case.args)
            out = np.asarray(function(y, k, stride), dtype=float)
            if not (same_array(out, reference(*case.args)) and np.array_equal(y, case.args[0])
                    and np.array_equal(k, case.args[1])):
                return False
        return True
    except Exception:
        return False


SOLUTION = """
def conv_transpose(y, k, stride):
    K = k.shape[0]
    h, w = y.shape
    out = np.zeros(((h - 1) * stride + K, (w - 1) * stride + K))
    for i in range(h):
        for j in range(w):
            # y[i, j] scatters a whole copy of k onto the window at (i*stride, j*stride)
            out[i * stride:i * stride + K, j * stride:j * stride + K] += y[i, j] * k
    return out

ex07.conv_transpose(conv_transpose)
"""

UNIT = Unit(conv_transpose, messages=M, solution_code=SOLUTION, is_right=_is_right,
            stated=["`conv_transpose(y, k, stride)`",
                    "out ((h−1)·stride + K, (w−1)·stride + K)"])
