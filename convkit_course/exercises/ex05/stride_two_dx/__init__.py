"""Exercise 5 of notebook 05: the article's own open question — dX with stride 2 — by hand.

    dz, k = ex05.stride_two_problem()   # dZ (2, 2) and a 3 x 3 kernel: the article's 5 x 5 input
    ex05.stride_two_dx(dx)              # dX (5, 5)

The article derives dX for stride 1 and no padding and leaves the rest to the reader who wants
to be 实力派.  Here it is in the article's own setting: a 5 × 5 input and a 3 × 3 kernel, now with
stride 2, so dZ is 2 × 2.  The kernel has no symmetry (every wrong turn of it gives its own
dX), and dZ's entries all differ, so zeros put after the entries instead of between them, or
none at all, or two where one belongs, each give their own dX (most of them another shape).
"""
from __future__ import annotations

import numpy as np

from convkit.direct import conv2d_loops_backward

from ..._answers import judge_array, same_array
from ..._core import checker, correlate_2d
from ..._unit import Unit, unit_messages

__all__ = ["stride_two_problem", "stride_two_dx"]

M = unit_messages(__name__, __file__)

STRIDE = 2
INPUT = (5, 5)


def stride_two_problem():
    """The data: dz (2, 2) and k (3, 3), small integers (new copies), of a 5 x 5 input, a
    3 x 3 kernel, stride 2, no padding."""
    dz = np.array([[1, -2],
                   [3, 2]])
    k = np.array([[1, 2, 0],
                  [-1, 1, 3],
                  [0, 2, -1]])
    return dz, k


def right_dx():
    """dX by the chain rule, one multiply-add at a time (convkit's literal loops)."""
    dz, k = stride_two_problem()
    dx, _, _ = conv2d_loops_backward(dz[None, None].astype(float), np.zeros((1, 1) + INPUT),
                                     k[None, None].astype(float), stride=STRIDE)
    return dx[0, 0]


def _spread(dz, gap):
    """dz with ``gap`` zeros between neighbouring entries."""
    rows, cols = dz.shape
    out = np.zeros(((rows - 1) * (gap + 1) + 1, (cols - 1) * (gap + 1) + 1))
    out[::gap + 1, ::gap + 1] = dz
    return out


def _recipe(dz, kernel, pad):
    return correlate_2d(np.pad(np.asarray(dz, float), pad), np.asarray(kernel, float))


def _fields():
    dz, k = stride_two_problem()
    kk = k.shape[0]
    return dict(K=kk, S=STRIDE, gap=STRIDE - 1, pad=kk - 1, h=INPUT[0], w=INPUT[1],
                ho=dz.shape[0], spread=(dz.shape[0] - 1) * STRIDE + 1,
                padded=(dz.shape[0] - 1) * STRIDE + 1 + 2 * (kk - 1))


def _slips():
    """(the dX a student gets with the slip, its message)."""
    dz, k = stride_two_problem()
    f = _fields()
    rot = k[::-1, ::-1]
    spread = _spread(dz, f["gap"])
    at_end = np.zeros((f["spread"], f["spread"]))
    at_end[:dz.shape[0], :dz.shape[1]] = dz
    return [
        (_recipe(dz, rot, f["pad"]), M("slip.no_zeros", **f)),
        (_recipe(_spread(dz, STRIDE), rot, f["pad"]), M("slip.too_many_zeros", **f)),
        (_recipe(at_end, rot, f["pad"]), M("slip.zeros_at_end", **f)),
        (_recipe(spread, k, f["pad"]), M("slip.not_rotated")),
        (_recipe(spread, k.T, f["pad"]), M("slip.kernel_transposed")),
        (_recipe(spread[::-1, ::-1], k, f["pad"]), M("slip.rotated_dz")),
        (_recipe(spread, rot, f["gap"]), M("slip.pad", p=f["gap"], **f)),
        (_recipe(spread, rot, f["K"]), M("slip.pad", p=f["K"], **f)),
        (_recipe(spread, rot, 0), M("slip.pad", p=0, **f)),
    ]


def _shapes():
    """{shape: message} for a dX of a wrong shape that no slip array explains: the shape each
    slip of the spreading or the padding gives."""
    f = _fields()
    side = lambda grid, pad: grid + 2 * pad - f["K"] + 1  # noqa: E731
    return {(side(f["ho"], f["pad"]),) * 2: M("slip.no_zeros", **f),
            (side(f["spread"] + f["ho"] - 1, f["pad"]),) * 2: M("slip.too_many_zeros", **f),
            **{(side(f["spread"], p),) * 2: M("slip.pad", p=p, **f) for p in (0, 1, 3)}}


@checker
def stride_two_dx(answer):
    """Exercise 5: dX of :func:`stride_two_problem`'s dz and k (5 x 5 input, stride 2)."""
    return judge_array(answer, right_dx(), M("name"), slips=_slips(), shapes=_shapes(),
                       praise=M("praise", **_fields()))


def _is_right(answer):
    return same_array(answer, right_dx())


SOLUTION = """
dz, k = ex05.stride_two_problem()

spread = np.zeros((3, 3))               # stride 2: S - 1 = 1 zero between neighbouring entries
spread[::2, ::2] = dz                   # [[1, 0, -2], [0, 0, 0], [3, 0, 2]]
padded = np.pad(spread, 2)              # K - 1 = 2 zeros on every side: 3x3 -> 7x7
rotated = k[::-1, ::-1]                 # the kernel rotated by 180 degrees
dx = ck.conv2d_direct(padded[None, None].astype(float),
                      rotated[None, None].astype(float))[0, 0]   # 7 - 3 + 1 = 5: (5, 5)

ex05.stride_two_dx(dx)
"""

UNIT = Unit(stride_two_dx, messages=M, solution_code=SOLUTION, is_right=_is_right,
            fields=_fields,
            stated=["`ex05.stride_two_problem()`", "stride 2"])
