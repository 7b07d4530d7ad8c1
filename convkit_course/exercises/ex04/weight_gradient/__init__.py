"""Exercise 1 of notebook 04: dW of one sample, the correlation of X with dZ.

    x, dz = ex04.weight_gradient_task()    # x (5, 5), dz (3, 3): the running example
    ex04.weight_gradient(dw)               # dW (3, 3)

Small whole numbers with no symmetry (fixed by a seed), so that every slip below gives its own
dW, none of them the right one (the corpus test checks it): dW rotated (the correlation taken
the wrong way round), dZ flipped (a true convolution — also what the dX recipe's rotation
gives), dZ transposed, dW transposed, dZ left out, the mean instead of the sum, |dZ|, and the
shapes of the input, of a 'full' correlation and of X slid over dZ.
"""
from __future__ import annotations

import numpy as np

from convkit.direct import conv2d_loops_backward

from ..._answers import judge_array, same_array
from ..._core import checker, correlate_2d
from ..._unit import Unit, unit_messages

__all__ = ["weight_gradient_task", "weight_gradient"]

M = unit_messages(__name__, __file__)


def weight_gradient_task():
    """The running example, one sample: x (5, 5) input, dz (3, 3) gradient at the output.

    Small integers, so a student can check a number by hand.  Returns fresh copies."""
    rng = np.random.default_rng(404)
    x = rng.integers(-3, 4, size=(5, 5)).astype(np.float64)
    dz = rng.integers(-2, 3, size=(3, 3)).astype(np.float64)
    return x, dz


def right_dw():
    """dW by the chain rule, one multiply-add at a time (convkit's literal loops)."""
    x, dz = weight_gradient_task()
    kh, kw = x.shape[0] - dz.shape[0] + 1, x.shape[1] - dz.shape[1] + 1
    _, dw, _ = conv2d_loops_backward(dz[None, None], x[None, None], np.zeros((1, 1, kh, kw)))
    return dw[0, 0]


def _fields():
    x, dz = weight_gradient_task()
    kh, kw = right_dw().shape
    return dict(h=x.shape[0], w=x.shape[1], ho=dz.shape[0], wo=dz.shape[1], kh=kh, kw=kw,
                n=dz.size, full_h=x.shape[0] + dz.shape[0] - 1, full_w=x.shape[1] + dz.shape[1] - 1,
                pad=dz.shape[0] - 1)


def _slips():
    """(the dW a student gets with the slip, its message)."""
    x, dz = weight_gradient_task()
    f = _fields()
    right = right_dw()
    return [
        (right[::-1, ::-1], M("slip.rotated")),
        (correlate_2d(x, dz[::-1, ::-1]), M("slip.flipped_dz")),
        (correlate_2d(x, dz.T), M("slip.dz_transposed")),
        (right.T, M("slip.transposed")),
        (correlate_2d(x, np.ones_like(dz)), M("slip.no_dz")),
        (right / dz.size, M("slip.mean", **f)),
        (correlate_2d(x, np.abs(dz)), M("slip.abs_dz")),
        (correlate_2d(np.pad(x, ((dz.shape[0] - 1,) * 2, (dz.shape[1] - 1,) * 2)), dz),
         M("shape.full", **f)),
    ]


def _shapes():
    f = _fields()
    return {(f["h"], f["w"]): M("shape.input", **f),
            (f["full_h"], f["full_w"]): M("shape.full", **f),
            (1, 1): M("shape.x_over_dz", **f),
            (): M("shape.one_number", **f)}


@checker
def weight_gradient(answer):
    """Exercise 1: dW (3, 3) for :func:`weight_gradient_task`: the correlation of x with dz."""
    return judge_array(answer, right_dw(), M("name"), slips=_slips(), shapes=_shapes(),
                       praise=M("praise"))


def _is_right(answer):
    return same_array(answer, right_dw())


SOLUTION = """
x1, dz1 = ex04.weight_gradient_task()   # x1 (5, 5), dz1 (3, 3)
# dW[i, j] = sum over a, b of dZ[a, b] * X[i + a, j + b]: slide dZ over X, no rotation.
dw1 = np.zeros((3, 3))
for i in range(3):
    for j in range(3):
        dw1[i, j] = np.sum(dz1 * x1[i:i + 3, j:j + 3])
# (or: ck.conv2d_direct(x1[None, None], dz1[None, None])[0, 0])
ex04.weight_gradient(dw1)
"""

UNIT = Unit(weight_gradient, messages=M, solution_code=SOLUTION, is_right=_is_right,
            fields=_fields,
            stated=["x1, dz1 = ex04.weight_gradient_task()   # x1 {}, dz1 {}".format(
                        *(a.shape for a in weight_gradient_task())),
                    "compute dW (shape {}) from X and dZ".format(right_dw().shape)])
