"""Exercise 2 of notebook 04: dW over a batch — one kernel, so the samples' parts add up.

    x, dz = ex04.batch_weight_gradient_task()   # x (4, 1, 5, 5), dz (4, 1, 3, 3)
    ex04.batch_weight_gradient(dw)              # dW (1, 1, 3, 3)

Small whole numbers with no symmetry (fixed by a seed), so that every slip below gives its own
dW, none the right one (the corpus test checks it): one sample only (the first, or the last a
loop kept), the mean over the batch, the samples mixed (X and dZ summed before correlating —
also what summing all pairs gives), rotated, transposed, the data of exercise 1, and the shapes
of one dW per sample and of every X with every dZ.
"""
from __future__ import annotations

import numpy as np

from convkit.direct import conv2d_loops_backward

from ..._answers import judge_array, same_array
from ..._core import checker, correlate_2d
from ..._unit import Unit, unit_messages
from ..weight_gradient import weight_gradient_task

__all__ = ["batch_weight_gradient_task", "batch_weight_gradient"]

M = unit_messages(__name__, __file__)


def batch_weight_gradient_task():
    """A batch of 4: x (4, 1, 5, 5), dz (4, 1, 3, 3); the kernel w is (1, 1, 3, 3).

    Returns fresh copies."""
    rng = np.random.default_rng(4040)
    x = rng.integers(-3, 4, size=(4, 1, 5, 5)).astype(np.float64)
    dz = rng.integers(-2, 3, size=(4, 1, 3, 3)).astype(np.float64)
    return x, dz


def right_dw():
    """dW summed over the batch, by convkit's literal loops."""
    x, dz = batch_weight_gradient_task()
    _, dw, _ = conv2d_loops_backward(dz, x, np.zeros((1, 1, 3, 3)))
    return dw


def _fields():
    x, dz = batch_weight_gradient_task()
    n = x.shape[0]
    return dict(n=n, x_shape=x.shape, dz_shape=dz.shape, w_shape=right_dw().shape,
                last=n - 1)


def _slips():
    """(the dW a student gets with the slip, its message)."""
    x, dz = batch_weight_gradient_task()
    f = _fields()
    per = np.stack([correlate_2d(x[n, 0], dz[n, 0]) for n in range(x.shape[0])])
    right = per.sum(axis=0)
    x1, dz1 = weight_gradient_task()
    return [
        (per[0], M("slip.first_sample", **f)),
        (per[-1], M("slip.last_sample", **f)),
        (per.mean(axis=0), M("slip.mean", **f)),
        (correlate_2d(x.sum(axis=(0, 1)), dz.sum(axis=(0, 1))), M("slip.mixed", **f)),
        (right[::-1, ::-1], M("slip.rotated", **f)),
        (right.T, M("slip.transposed", **f)),
        (correlate_2d(x1, dz1), M("slip.exercise_one", **f)),
        (per[:, None], M("shape.per_sample", got=per[:, None].shape, **f)),
        (per, M("shape.per_sample", got=per.shape, **f)),
    ]


def _shapes():
    f = _fields()
    n = f["n"]
    return {(n, 1, 3, 3): M("shape.per_sample", got=(n, 1, 3, 3), **f),
            (n, 3, 3): M("shape.per_sample", got=(n, 3, 3), **f),
            (n, n, 3, 3): M("shape.all_pairs", got=(n, n, 3, 3), **f)}


@checker
def batch_weight_gradient(answer):
    """Exercise 2: dW (1, 1, 3, 3) for :func:`batch_weight_gradient_task`, summed over it."""
    return judge_array(answer, right_dw(), M("name"), slips=_slips(), shapes=_shapes(),
                       praise=M("praise", **_fields()))


def _is_right(answer):
    return same_array(answer, right_dw())


SOLUTION = """
x2, dz2 = ex04.batch_weight_gradient_task()   # x2 (4, 1, 5, 5), dz2 (4, 1, 3, 3)
# One kernel for the whole batch: each sample's X meets its own dZ, and the parts add up.
dw2 = np.zeros((1, 1, 3, 3))
for n in range(4):
    dw2[0, 0] += ck.conv2d_direct(x2[n:n + 1], dz2[n:n + 1])[0, 0]   # X_n correlated with dZ_n
ex04.batch_weight_gradient(dw2)
"""

UNIT = Unit(batch_weight_gradient, messages=M, solution_code=SOLUTION, is_right=_is_right,
            fields=_fields,
            stated=["Now X is {x_shape} and dZ is {dz_shape}".format(**_fields()),
                    "Compute dW with the kernel's shape {w_shape}".format(**_fields())])
