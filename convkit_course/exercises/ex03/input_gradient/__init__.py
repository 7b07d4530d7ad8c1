"""Exercise 1 of notebook 03: dX by the article's recipe — pad dZ, rotate the kernel, correlate.

    dz, k = ex03.dx_problem()     # dZ (3, 4) and a 3 x 3 kernel: a 5 x 6 input, stride 1
    ex03.input_gradient(dx)       # dX (5, 6)

The input is not square (5 × 6, so dZ is 3 × 4): a transposed dX has another shape, and each
wrong padding gives its own shape.  The kernel is the article's 3 × 3 with no symmetry, so that
every wrong turn of it — not rotated, transposed, flipped along one axis, rotated by 90°,
rotated and transposed — and rotating dZ instead (or as well) gives its own dX, none of them
the right one (the corpus test checks it).  Small whole numbers, to check an entry by hand.
"""
from __future__ import annotations

import numpy as np

from convkit.direct import conv2d_loops_backward

from ..._answers import judge_array, same_array
from ..._core import checker, correlate_2d
from ..._unit import Unit, unit_messages

__all__ = ["dx_problem", "input_gradient"]

M = unit_messages(__name__, __file__)


def dx_problem():
    """The data of exercise 1: dz (3, 4) and k (3, 3), small integers (new copies).

    They belong to a 5 x 6 input, a 3 x 3 kernel, stride 1, padding 0."""
    dz = np.array([[1, -1, 2, 0],
                   [0, 3, 1, -2],
                   [2, 1, -2, 1]])
    k = np.array([[1, 2, 0],
                  [-1, 1, 3],
                  [0, 2, -1]])
    return dz, k


def input_size():
    dz, k = dx_problem()
    return dz.shape[0] + k.shape[0] - 1, dz.shape[1] + k.shape[1] - 1


def right_dx():
    """dX by the chain rule, one multiply-add at a time (convkit's literal loops)."""
    dz, k = dx_problem()
    dx, _, _ = conv2d_loops_backward(dz[None, None].astype(float),
                                     np.zeros((1, 1) + input_size()), k[None, None].astype(float))
    return dx[0, 0]


def _full(dz, k, pad):
    """dz padded by ``pad`` on every side, correlated with k."""
    return correlate_2d(np.pad(np.asarray(dz, float), pad), np.asarray(k, float))


def _fields():
    dz, k = dx_problem()
    h, w = input_size()
    return dict(K=k.shape[0], pad=k.shape[0] - 1, ho=dz.shape[0], wo=dz.shape[1], h=h, w=w,
                ph=dz.shape[0] + 2 * (k.shape[0] - 1), pw=dz.shape[1] + 2 * (k.shape[0] - 1))


def _slips():
    """(the dX a student gets with the slip, its message)."""
    dz, k = dx_problem()
    f = _fields()
    pad = f["pad"]
    rot = k[::-1, ::-1]
    found = [
        (_full(dz, k, pad), M("slip.not_rotated")),
        (_full(dz, k.T, pad), M("slip.kernel_transposed")),
        (_full(dz, k[::-1, :], pad), M("slip.flipped_up_down")),
        (_full(dz, k[:, ::-1], pad), M("slip.flipped_left_right")),
        (_full(dz[::-1, ::-1], k, pad), M("slip.rotated_dz")),
        (_full(dz[::-1, ::-1], rot, pad), M("slip.rotated_both")),
        (_full(dz, np.rot90(k), pad), M("slip.rot90")),
        (_full(dz, np.rot90(k, -1), pad), M("slip.rot90")),
        (_full(dz, rot.T, pad), M("slip.rotated_and_transposed")),
        (correlate_2d(np.pad(dz.astype(float), ((pad, 0), (pad, 0))), rot),
         M("slip.pad_one_side", **f)),
        (correlate_2d(np.pad(dz.astype(float), ((pad, pad), (0, 0))), rot),
         M("slip.pad_rows_only", **f)),
        (dz.astype(float), M("slip.dz_itself", **f)),
    ]
    for p in range(0, pad + 3):
        if p != pad:
            found.append((_full(dz, rot, p), M("slip.pad", p=p, **f)))
            found.append((_full(dz, k, p), M("slip.pad", p=p, **f)))
    return found


def _shapes():
    """{shape: message} for a dX of a wrong shape that no slip array explains."""
    f = _fields()
    dz, k = dx_problem()
    return {(dz.shape[0] + 2 * p - k.shape[0] + 1, dz.shape[1] + 2 * p - k.shape[1] + 1):
            M("slip.pad", p=p, **f) for p in range(0, f["pad"] + 3) if p != f["pad"]}


@checker
def input_gradient(answer):
    """Exercise 1: dX of :func:`dx_problem`'s dz and k (a 5 x 6 input, stride 1, no padding)."""
    return judge_array(answer, right_dx(), M("name"), slips=_slips(), shapes=_shapes(),
                       praise=M("praise", **_fields()))


def _is_right(answer):
    return same_array(answer, right_dx())


SOLUTION = """
padded = np.pad(dz, 2)                  # K - 1 = 2 zeros on every side: 3x4 -> 7x8
rotated = k[::-1, ::-1]                 # the kernel rotated by 180 degrees
dx = ck.conv2d_direct(padded[None, None].astype(float),
                      rotated[None, None].astype(float))[0, 0]   # (7-3+1, 8-3+1) = (5, 6)

ex03.input_gradient(dx)
"""

UNIT = Unit(input_gradient, messages=M, solution_code=SOLUTION, is_right=_is_right,
            fields=_fields,
            stated=["`ex03.dx_problem()` gives a dZ ({ho}×{wo}) and a kernel ({K}×{K}) of a "
                    "{h}×{w} input".format(**_fields())])
