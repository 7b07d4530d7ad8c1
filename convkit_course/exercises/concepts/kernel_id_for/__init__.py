"""Notebook 02's question: which kernel weight multiplies a given input in a given output?

    concepts.kernel_id_for(answer)      # a kernel id, 0-8

The article's 5 × 5 input (ids 0..24) and 3 × 3 kernel (ids 0..8), stride 1.  Input 12 in
output 1: output 1's window starts one column to the right, so input 12 sits at row 2,
column 1 of it — not at a corner and not on the diagonal, so that the right id (7) differs
from every slip below (the corpus test checks it): the window of output 0 (not shifted), row
and column swapped, the rotated kernel of the input-loss map, rows 5 ids apart, counted from 1,
the input's or the output's id, the centre, the first weight.  (The old question, input 12 in
output 0, was the window's bottom-right corner: a swapped row and column gave the right id.)
"""
from __future__ import annotations

from ..._answers import is_count, judge_count
from ..._core import as_number, checker, not_yet
from ..._unit import Unit, unit_messages

__all__ = ["kernel_id_for"]

M = unit_messages(__name__, __file__)

QUESTION = dict(input_id=12, output_id=1)
W, K, WO = 5, 3, 3   # input width, kernel size, output width


def _fields():
    p, o = QUESTION["input_id"], QUESTION["output_id"]
    r, c = divmod(p, W)
    oy, ox = divmod(o, WO)
    i, j = r - oy, c - ox
    return dict(p=p, o=o, r=r, c=c, oy=oy, ox=ox, i=i, j=j, right=K * i + j,
                oy_end=oy + K - 1, ox_end=ox + K - 1, last=K * K - 1, corner=oy * W + ox)


def right_id():
    return _fields()["right"]


def _slips():
    f = _fields()
    return [
        (f["p"], M("slip.input_id", **f)),
        (f["o"], M("slip.output_id", **f)),
        (K * f["r"] + f["c"], M("slip.window_not_shifted", **f)),
        (K * f["j"] + f["i"], M("slip.swapped", **f)),
        (K * K - 1 - f["right"], M("slip.rotated", **f)),
        (W * f["i"] + f["j"], M("slip.row_length", **f)),
        (f["right"] + 1, M("slip.from_one", **f)),
        (K * K // 2, M("slip.centre", **f)),
        (0, M("slip.first", **f)),
    ]


@checker
def kernel_id_for(answer):
    """The kernel id that multiplies input QUESTION["input_id"] in output QUESTION["output_id"]."""
    f = _fields()
    verdict = judge_count(answer, f["right"], _slips(), praise=M("praise", **f),
                          catch_all=M("fallback", **f), name=M("name"))
    if verdict.kind == "generic":
        value = as_number(answer, M("name"))
        if value < 0 or value > f["last"]:
            return not_yet(M("slip.not_a_kernel_id", value=int(value) if value == int(value)
                             else value, **f))
    return verdict


def _is_right(answer):
    return is_count(answer, right_id())


SOLUTION = """
from convkit_course.exercises import concepts

# Output 1 is output row 0, column 1: its window covers input rows 0-2, columns 1-3.
# Input 12 is input row 2, column 2 -> row 2 - 0 = 2, column 2 - 1 = 1 inside the window.
answer = 3 * 2 + 1   # kernel id = 3 * row + column = 7
concepts.kernel_id_for(answer)
"""

UNIT = Unit(kernel_id_for, messages=M, solution_code=SOLUTION, is_right=_is_right,
            fields=_fields,
            stated=["Which kernel weight multiplies **input {p}** in **output {o}**".format(
                **_fields())])
