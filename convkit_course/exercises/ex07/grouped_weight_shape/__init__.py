"""Exercise 1 of notebook 07: the weight shape of a grouped convolution.

    ex07.GROUPED_LAYER              # 8 input channels, 12 filters, 3x3 kernels, 4 groups
    ex07.grouped_weight_shape(shape)

The right shape, (F, C/groups, KH, KW) = (12, 2, 3, 3), is the one weight shape convkit's
literal loops accept for these channels; each known slip is a shape a student writes for a
reason the hint names.
"""
from __future__ import annotations

import numpy as np

from convkit.direct import conv2d_loops

from ..._core import CORE, as_shape, checker, correct, fallback, join_slips, not_yet
from ..._answers import matching
from ..._unit import Unit, unit_messages

__all__ = ["GROUPED_LAYER", "grouped_weight_shape"]

M = unit_messages(__name__, __file__)

GROUPED_LAYER = {"in_channels": 8, "out_channels": 12, "kernel_size": 3, "groups": 4}


def _sizes():
    c, f, k, g = (GROUPED_LAYER[n] for n in ("in_channels", "out_channels", "kernel_size",
                                             "groups"))
    return dict(C=c, F=f, K=k, g=g, cg=c // g, fg=f // g, fg_last=f // g - 1, grouped=f * (c // g) * k * k,
                dense=f * c * k * k)


def right_shape():
    s = _sizes()
    shape = (s["F"], s["cg"], s["K"], s["K"])
    # the truth, by trial: the literal loops accept this weight for these channels
    conv2d_loops(np.zeros((1, s["C"], s["K"], s["K"])), np.zeros(shape), groups=s["g"])
    return shape


def _slips():
    s = _sizes()
    c, f, k, g, cg, fg = s["C"], s["F"], s["K"], s["g"], s["cg"], s["fg"]
    return [
        ((f, c, k, k), M("slip.ungrouped", **s)),
        ((fg, cg, k, k), M("slip.filters_per_group", **s)),
        ((cg, f, k, k), M("slip.order", **s)),
        ((c, fg, k, k), M("slip.channels_first", **s)),
        ((fg, c, k, k), M("slip.filters_shrink", **s)),
        ((g, fg, cg, k, k), M("slip.group_axis", **s)),
        ((f, cg, k, k, g), M("slip.group_axis", **s)),
        ((g, fg, cg, k), M("slip.group_axis", **s)),
        ((f, g, k, k), M("slip.groups_as_channels", **s)),
        ((f, c * g, k, k), M("slip.multiplied", **s)),
        ((f * g, cg, k, k), M("slip.filters_times_groups", **s)),
        ((f, cg, k * k), M("slip.flat_kernel", **s)),
        ((f, cg), M("slip.no_kernel", **s)),
        ((f, cg, k), M("slip.one_k", **s)),
        ((f, cg, k, 1), M("slip.one_k", **s)),
    ]


@checker
def grouped_weight_shape(answer):
    """Exercise 1: the weight shape (F, C/groups, KH, KW) of :data:`GROUPED_LAYER`."""
    s = _sizes()
    shape = as_shape(answer, CORE("name.shape"))
    if shape == right_shape():
        return correct(M("praise", **s))
    hits = matching(shape, _slips(), lambda a, b: tuple(a) == tuple(b))
    if hits:
        return not_yet(join_slips(hits))
    if len(shape) != 4:
        return not_yet(M("axes", n=len(shape), **s))
    return fallback(M("fallback", shape=shape, **s))


def _is_right(answer):
    try:
        return as_shape(answer) == right_shape()
    except Exception:
        return False


SOLUTION = """
print(ex07.GROUPED_LAYER)
# 4 groups split the 8 input channels into groups of 8 // 4 = 2; each of the 12 filters
# reads only the 2 channels of its group, through a 3x3 kernel per channel
shape = (12, 8 // 4, 3, 3)   # (F, C/groups, KH, KW)
ex07.grouped_weight_shape(shape)
"""

UNIT = Unit(grouped_weight_shape, messages=M, solution_code=SOLUTION, is_right=_is_right,
            fields=_sizes,
            stated=["(8 input channels, 12 filters, 3×3 kernels, 4 groups)"])
