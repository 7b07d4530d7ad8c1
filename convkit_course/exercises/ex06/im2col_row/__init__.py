"""Exercise 1 of notebook 06: one row of the 整容 matrix, by hand.

    ex06.ROW_TASK          # a 6x7 input (ids 0..41, row by row), a 3x3 kernel, output id 8
    ex06.im2col_row(row)   # the 9 input ids output 8 reads, in kernel order

Output 8 of the 4x5 output sits at (1, 3).  The known slips are worked out here from the task
and named; several land on the row of another output (ids one too big are output 9's row, the
window started at input id 8 is output 6's), and are then named together.  The one shape rule
applies: a 3x3 grid of the nine ids counts, (row, column) pairs do not.
"""
from __future__ import annotations

import numpy as np

from ..._core import checker
from ..._answers import is_array, judge_array
from ..._unit import Unit, unit_messages

__all__ = ["ROW_TASK", "im2col_row"]

M = unit_messages(__name__, __file__)

#: A 6×7 input (ids 0..41, row-major), a 3×3 kernel, stride 1, no padding: the output is
#: 4×5 (ids 0..19).  Which input ids does output 8 read, in the kernel's order?
ROW_TASK = {"input_size": (6, 7), "kernel_size": (3, 3), "output_id": 8}


def _geometry():
    (h, w), (kh, kw), o = ROW_TASK["input_size"], ROW_TASK["kernel_size"], ROW_TASK["output_id"]
    ho, wo = h - kh + 1, w - kw + 1
    oy, ox = divmod(o, wo)
    return dict(H=h, W=w, KH=kh, KW=kw, o=o, ho=ho, wo=wo, oy=oy, ox=ox,
                oy_end=oy + kh - 1, ox_end=ox + kw - 1, y_end=oy + kh, x_end=ox + kw,
                first=oy * w + ox)


def _window(top, left, width, column_major=False):
    """Flat ids (row·width + column) of the KHxKW window whose top-left input is (top, left)."""
    g = _geometry()
    taps = [(i, j) for i in range(g["KH"]) for j in range(g["KW"])]
    if column_major:
        taps = [(i, j) for j in range(g["KW"]) for i in range(g["KH"])]
    return np.array([(top + i) * width + left + j for i, j in taps], dtype=float)


def right_row():
    g = _geometry()
    return _window(g["oy"], g["ox"], g["W"])


def _table():
    """The whole 整容 matrix of the task: one row per output (the article's layout)."""
    g = _geometry()
    return np.stack([_window(*divmod(o, g["wo"]), g["W"]) for o in range(g["ho"] * g["wo"])])


def _slips():
    g = _geometry()
    o, oy, ox, w = g["o"], g["oy"], g["ox"], g["W"]
    right = right_row()
    found = [
        (_window(oy, ox, w, column_major=True), M("slip.column_order")),
        (right + 1, M("slip.one_based")),
        (right[::-1], M("slip.flipped")),
        (_window(ox, oy, w), M("slip.swapped", **g)),
        (_window(*divmod(o, w), w), M("slip.input_width", **g, iy=o // w, ix=o % w)),
        (_window(oy - 1, ox - 1, w), M("slip.centred", **g)),
        (_window(*divmod(o, g["H"] - g["KH"] + 1), g["H"]), M("slip.square_input", **g)),
        (np.arange(g["KH"] * g["KW"], dtype=float), M("slip.kernel_ids", **g)),
        (np.array([[oy + i, ox + j] for i in range(g["KH"]) for j in range(g["KW"])], float),
         M("slip.pairs", **g)),
        (_table(), M("slip.whole_table", **g)),
        (_table().T, M("slip.whole_table", **g)),
    ]
    for width in sorted({g["wo"], g["ho"], g["KW"], g["H"]} - {w}):
        found.append((_window(oy, ox, width), M("slip.row_length", width=width, **g)))
    for other in range(g["ho"] * g["wo"]):
        if other != o:
            py, px = divmod(other, g["wo"])
            found.append((_window(py, px, w), M("slip.other_output", other=other, py=py, px=px,
                                                 **g)))
    return found


@checker
def im2col_row(answer):
    """Exercise 1: the 9 input ids of :data:`ROW_TASK`'s output, in the kernel's order."""
    g = _geometry()
    n = g["KH"] * g["KW"]
    return judge_array(answer, right_row(), M("name.row"), slips=_slips(),
                       shapes={(n, 2): M("slip.pairs", **g), (g["KW"],): M("slip.nine", **g),
                               (g["KH"] * g["KW"] * 2,): M("slip.nine", **g)},
                       praise=M("praise", **g))


def _is_right(answer):
    return is_array(answer, right_row())


SOLUTION = """
print(ex06.ROW_TASK)
(H, W), (KH, KW) = ex06.ROW_TASK["input_size"], ex06.ROW_TASK["kernel_size"]
o = ex06.ROW_TASK["output_id"]
Wo = W - KW + 1                  # stride 1, no padding: 7 - 3 + 1 = 5 outputs per row
oy, ox = divmod(o, Wo)           # output 8 is at row 1, column 3 of the output
# weight (i, j) meets input (oy + i, ox + j), whose id is (oy + i) * W + (ox + j)
row = [(oy + i) * W + (ox + j) for i in range(KH) for j in range(KW)]   # kernel order
ex06.im2col_row(row)
"""

UNIT = Unit(im2col_row, messages=M, solution_code=SOLUTION, is_right=_is_right,
            fields=_geometry,
            stated=["A 6×7 input (ids 0–41, row by row) and a 3×3 kernel",
                    "the output is 4×5", "Which nine input ids does output 8 read"])
