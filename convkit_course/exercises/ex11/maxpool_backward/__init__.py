"""Exercise 2 of notebook 11: the 2×2 max-pool's backward pass.

    x, dy = ex11.pool_problem()   # x (1, 1, 4, 4) with no ties, dy (1, 1, 2, 2)
    ex11.maxpool_backward(dx)     # dx (1, 1, 4, 4): each dy to its window's maximum

No ties, and the maxima sit at different places in their windows (so a window read with the
wrong width, or a transposed dy, lands elsewhere); dy's four values differ and none is 1.
"""
from __future__ import annotations

import numpy as np

from ..._core import checker
from ..._answers import is_array, judge_array
from ..._unit import Unit, unit_messages

__all__ = ["pool_problem", "maxpool_backward"]

M = unit_messages(__name__, __file__)


def pool_problem():
    """x (1, 1, 4, 4) with distinct values (no ties) and dy (1, 1, 2, 2) (new copies)."""
    x = np.array([[3.0, 1.0, 0.0, 2.0],
                  [4.0, 2.0, 5.0, 1.0],
                  [1.0, 7.0, 3.0, 6.0],
                  [0.0, 2.0, 8.0, 1.0]])
    x = x + np.arange(16).reshape(4, 4) / 100  # break every tie, keep the pattern readable
    dy = np.array([[10.0, 20.0],
                   [30.0, 40.0]])
    return x[None, None], dy[None, None]


def _route(pick, values=None):
    """dy (or ``values`` (2, 2)) put at the position ``pick(window)`` -> (i, j) of each 2x2
    window."""
    x, dy = pool_problem()
    values = dy[0, 0] if values is None else values
    dx = np.zeros_like(x)
    for p in range(2):
        for q in range(2):
            window = x[0, 0, 2 * p:2 * p + 2, 2 * q:2 * q + 2]
            i, j = pick(window)
            if 2 * p + i < x.shape[2] and 2 * q + j < x.shape[3]:   # a slip may point outside
                dx[0, 0, 2 * p + i, 2 * q + j] = values[p, q]
    return dx


def _argmax(window):
    return np.unravel_index(np.argmax(window), window.shape)


def right_dx():
    return _route(_argmax)


def _slips():
    x, dy = pool_problem()
    right = right_dx()
    up = np.repeat(np.repeat(dy, 2, axis=2), 2, axis=3)
    winners = (right != 0).astype(float)
    return [
        (up, M("slip.everywhere")),
        (up / 4, M("slip.average")),
        (winners, M("slip.ones")),
        (_route(lambda w: np.unravel_index(np.argmin(w), w.shape)), M("slip.minimum")),
        (winners * x, M("slip.x_value")),
        (right * x, M("slip.times_x")),
        (np.zeros_like(x), M("slip.zeros")),
        (_route(_argmax, dy[0, 0].T), M("slip.dy_transposed")),
        (_route(lambda w: divmod(int(np.argmax(w)), 4)), M("slip.unravel")),
        (_route(lambda w: _argmax(w.T)), M("slip.window_transposed")),
        (up * (x == x.max()), M("slip.global_max")),
        (_global(x, dy), M("slip.global_max")),
    ]


def _global(x, dy):
    dx = np.zeros_like(x)
    dx.flat[np.argmax(x)] = dy.sum()
    return dx


@checker
def maxpool_backward(answer):
    """Exercise 2: the 2×2 max-pool's dx (1, 1, 4, 4) for :func:`pool_problem`."""
    return judge_array(answer, right_dx(), M("name.dx"), slips=_slips(),
                       shapes={(2, 2): M("slip.dy_shape")}, praise=M("praise"))


def _is_right(answer):
    return is_array(answer, right_dx())


SOLUTION = """
x, dy = ex11.pool_problem()
dx = np.zeros_like(x)
for p in range(2):                 # each 2x2 window, stride 2
    for q in range(2):
        window = x[0, 0, 2 * p:2 * p + 2, 2 * q:2 * q + 2]
        i, j = np.unravel_index(np.argmax(window), window.shape)   # where its maximum is
        dx[0, 0, 2 * p + i, 2 * q + j] = dy[0, 0, p, q]             # all of dy goes there
ex11.maxpool_backward(dx)
"""

UNIT = Unit(maxpool_backward, messages=M, solution_code=SOLUTION, is_right=_is_right,
            stated=["`x` (1, 1, 4, 4) went through `MaxPool2d()` (2×2 windows, stride 2)"])
