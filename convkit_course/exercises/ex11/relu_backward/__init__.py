"""Exercise 1 of notebook 11: ReLU's backward pass.

    x, dy = ex11.relu_problem()   # x (2, 5) with exact zeros, dy (2, 5)
    ex11.relu_backward(dx)        # dx = dy where x > 0, else 0 (slope 0 at x = 0, as PyTorch)

The data are chosen so that every known slip gives its own dx: x has exact zeros (where dy is
not 0), negative entries where dy is positive and where it is negative, positive entries that
are not 1 (so dy·x is not dy), and dy has entries of both signs with |dy| ≠ 1.
"""
from __future__ import annotations

import numpy as np

from ..._core import checker
from ..._answers import is_array, judge_array
from ..._unit import Unit, unit_messages

__all__ = ["relu_problem", "relu_backward"]

M = unit_messages(__name__, __file__)


def relu_problem():
    """x (2, 5) — with exact zeros — and dy (2, 5), small numbers (new copies)."""
    x = np.array([[-2.0, 0.0, 1.5, -0.5, 3.0],
                  [0.5, -1.0, 0.0, 2.0, -3.0]])
    dy = np.array([[1.0, 2.0, -1.0, 4.0, 0.5],
                   [-2.0, 3.0, 5.0, 1.5, 2.0]])
    return x, dy


def right_dx():
    x, dy = relu_problem()
    dx = np.zeros_like(dy)
    for index in np.ndindex(x.shape):
        if x[index] > 0:  # slope 1 where x > 0; 0 elsewhere, at 0 too (as PyTorch)
            dx[index] = dy[index]
    return dx


def _slips():
    x, dy = relu_problem()
    mask = (x > 0).astype(float)
    return [
        (np.where(x >= 0, dy, 0.0), M("slip.at_zero")),
        (np.where(x > 0, dy, np.where(x == 0, dy / 2, 0.0)), M("slip.half_at_zero")),
        (mask, M("slip.mask_only")),
        (np.where(dy > 0, dy, 0.0), M("slip.dy_sign")),
        (dy * x, M("slip.times_x")),
        (dy * np.maximum(x, 0), M("slip.times_x")),
        (dy * np.sign(x), M("slip.sign_x")),
        (np.where(x > 0, 0.0, dy), M("slip.inverted")),
        (np.where(x < 0, dy, 0.0), M("slip.inverted")),
        (np.maximum(x, 0), M("slip.forward")),
        (dy, M("slip.unchanged")),
        (np.maximum(dy, 0) * mask, M("slip.dy_sign")),
    ]


@checker
def relu_backward(answer):
    """Exercise 1: ReLU's dx for :func:`relu_problem`."""
    return judge_array(answer, right_dx(), M("name.dx"), slips=_slips(), praise=M("praise"))


def _is_right(answer):
    return is_array(answer, right_dx())


SOLUTION = """
x, dy = ex11.relu_problem()
dx = dy * (x > 0)      # slope 1 where x > 0, 0 elsewhere — at x == 0 too (as PyTorch)
ex11.relu_backward(dx)
"""

UNIT = Unit(relu_backward, messages=M, solution_code=SOLUTION, is_right=_is_right,
            stated=["`x` contains exact zeros"])
