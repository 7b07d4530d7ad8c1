"""Notebook 05's question: how many zeros go between neighbouring dZ entries in the dW recipe?

    concepts.dw_zeros(answer)       # a number

A layer with stride 5 and dilation 2.  The right answer, S - 1 = 4, differs from every slip
below and the slips differ from each other (the corpus test checks it) — the old question
(stride 3, dilation 2) could not tell S - 1 from D: the dilated kernel's D - 1, the stride,
the dilation, none, S + D, S · D, (S - 1) · D, S - D, S · D - 1.
"""
from __future__ import annotations

from ..._answers import is_count, judge_count
from ..._core import checker
from ..._unit import Unit, unit_messages

__all__ = ["dw_zeros"]

M = unit_messages(__name__, __file__)

QUESTION = dict(stride=5, dilation=2)


def _fields():
    s, d = QUESTION["stride"], QUESTION["dilation"]
    return dict(S=s, D=d, right=s - 1, d1=d - 1, sum=s + d, product=s * d, mixed=(s - 1) * d,
                diff=s - d, product1=s * d - 1)


def _slips():
    f = _fields()
    return [
        (f["d1"], M("slip.dilation_zeros", **f)),
        (f["S"], M("slip.stride", **f)),
        (f["D"], M("slip.dilation", **f)),
        (0, M("slip.none", **f)),
        (f["sum"], M("slip.sum", **f)),
        (f["product"], M("slip.product", **f)),
        (f["mixed"], M("slip.mixed", **f)),
        (f["diff"], M("slip.difference", **f)),
        (f["product1"], M("slip.product_minus_one", **f)),
    ]


@checker
def dw_zeros(answer):
    """Zeros between neighbouring dZ entries in the dW recipe, for QUESTION's stride and
    dilation."""
    f = _fields()
    return judge_count(answer, f["right"], _slips(), praise=M("praise", **f),
                       catch_all=M("fallback", **f), name=M("name"))


def _is_right(answer):
    return is_count(answer, _fields()["right"])


SOLUTION = """
from convkit_course.exercises import concepts

# dZ is spread by the stride: dZ_S[S*a, S*b] = dZ[a, b], so neighbouring entries sit S apart,
# with S - 1 zeros between them.  The dilation D is the step at which the correlation is read.
answer = 5 - 1
concepts.dw_zeros(answer)
"""

UNIT = Unit(dw_zeros, messages=M, solution_code=SOLUTION, is_right=_is_right, fields=_fields,
            stated=["A layer has stride **{S}** and dilation **{D}**".format(**_fields())])
