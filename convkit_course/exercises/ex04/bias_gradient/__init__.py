"""Exercise 3 of notebook 04: db, dZ summed over the batch and every position.

    dz = ex04.bias_gradient_task()   # dZ (4, 2, 3, 3): N = 4 samples, F = 2 filters
    ex04.bias_gradient(db)           # db (2,)

N (4), F (2) and the positions (3 × 3) differ, so every wrong choice of axes gives its own
shape; small whole numbers with no symmetry (fixed by a seed) keep the value slips apart (the
corpus test checks it): a mean, the sum divided by N or by the positions, one sample only, one
position only, the filters swapped, |dZ|, one filter only.
"""
from __future__ import annotations

import numpy as np

from convkit.direct import conv2d_loops_backward

from ..._answers import judge_array, same_array
from ..._core import checker
from ..._unit import Unit, unit_messages

__all__ = ["bias_gradient_task", "bias_gradient"]

M = unit_messages(__name__, __file__)


def bias_gradient_task():
    """dz (4, 2, 3, 3): a batch of 4, two filters (so two biases), 3×3 outputs.  A copy."""
    rng = np.random.default_rng(4041)
    return rng.integers(-3, 4, size=(4, 2, 3, 3)).astype(np.float64)


def right_db():
    """db by convkit's literal loops (the backward pass of a 1 x 1 layer with these outputs)."""
    dz = bias_gradient_task()
    n, f, ho, wo = dz.shape
    _, _, db = conv2d_loops_backward(dz, np.zeros((n, 1, ho, wo)), np.zeros((f, 1, 1, 1)))
    return db


def _fields():
    dz = bias_gradient_task()
    n, f, ho, wo = dz.shape
    return dict(n=n, f=f, ho=ho, wo=wo, positions=ho * wo, dz_shape=dz.shape, db_shape=(f,))


def _slips():
    """(the db a student gets with the slip, its message)."""
    dz = bias_gradient_task()
    fl = _fields()
    right = dz.sum(axis=(0, 2, 3))
    return [
        (dz.mean(axis=(0, 2, 3)), M("slip.mean", **fl)),
        (right / fl["n"], M("slip.divided_by_n", **fl)),
        (right / fl["positions"], M("slip.divided_by_positions", **fl)),
        (dz[0].sum(axis=(1, 2)), M("slip.first_sample", **fl)),
        (dz[:, :, 0, 0].sum(axis=0), M("slip.one_position", **fl)),
        (right[::-1], M("slip.filters_swapped", **fl)),
        (np.abs(dz).sum(axis=(0, 2, 3)), M("slip.abs_dz", **fl)),
        (np.array(dz[:, 0].sum()), M("slip.one_filter", **fl)),
        (np.array(dz.sum()), M("shape.everything", **fl)),
    ]


def _shapes():
    fl = _fields()
    n, f, ho, wo = fl["n"], fl["f"], fl["ho"], fl["wo"]
    found = {(n, f): M("shape.no_batch_sum", got=(n, f), **fl),
             (f, ho, wo): M("shape.no_position_sum", got=(f, ho, wo), **fl),
             (n,): M("shape.per_sample", got=(n,), **fl),
             (): M("shape.everything", **fl),
             (ho, wo): M("shape.positions_kept", got=(ho, wo), **fl),
             (n, ho, wo): M("shape.filters_summed", got=(n, ho, wo), **fl),
             (f, ho): M("shape.one_position_axis", got=(f, ho), **fl)}
    found[(f, wo)] = M("shape.one_position_axis", got=(f, wo), **fl)
    return found


@checker
def bias_gradient(answer):
    """Exercise 3: db (2,) for :func:`bias_gradient_task`: dz summed over batch and positions."""
    return judge_array(answer, right_db(), M("name"), slips=_slips(), shapes=_shapes(),
                       praise=M("praise"))


def _is_right(answer):
    return same_array(answer, right_db())


SOLUTION = """
dz3 = ex04.bias_gradient_task()   # (N, F, Ho, Wo) = (4, 2, 3, 3)
# Filter f's bias was added to every position of every sample's map f: sum those.
db3 = dz3.sum(axis=(0, 2, 3))     # keep the filter axis only: shape (2,)
ex04.bias_gradient(db3)
"""

UNIT = Unit(bias_gradient, messages=M, solution_code=SOLUTION, is_right=_is_right,
            fields=_fields,
            stated=["dZ is {dz_shape}: four samples, two filters (so two biases). Compute db, "
                    "shape {db_shape}.".format(**_fields())])
