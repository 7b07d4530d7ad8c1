"""Notebook 03's question: how many terms does an input's gradient sum have?

    concepts.dx_terms(answer)       # a number: the outputs input (r, c) fed

A 6 × 8 input, a 3 × 3 kernel, stride 1, no padding; input (1, 4).  The input is not square and
the position is not on its diagonal, so that row and column swapped give another count — the old
6 × 6 input and position (1, 2) gave 2 × 3 either way.  The count (2 × 3 = 6) differs from every
slip below (the corpus test checks it): an interior pixel's K², one axis only, the two axes
added, the position counted from 1, the number of outputs.
"""
from __future__ import annotations

from convkit.direct import conv2d_loops_backward

import numpy as np

from ..._answers import is_count, judge_count
from ..._core import checker
from ..._unit import Unit, unit_messages

__all__ = ["dx_terms"]

M = unit_messages(__name__, __file__)

QUESTION = dict(input_size=(6, 8), kernel=3, at=(1, 4))


def _cover(n, k, i):
    """Stride-1 windows of length k over n positions that contain position i."""
    return sum(1 for start in range(n - k + 1) if start <= i < start + k)


def right_count():
    """dX with every weight 1 and dZ all ones counts the terms (convkit's literal loops)."""
    (h, w), k, (r, c) = QUESTION["input_size"], QUESTION["kernel"], QUESTION["at"]
    dx, _, _ = conv2d_loops_backward(np.ones((1, 1, h - k + 1, w - k + 1)),
                                     np.zeros((1, 1, h, w)), np.ones((1, 1, k, k)))
    return int(round(dx[0, 0, r, c]))


def _fields():
    (h, w), k, (r, c) = QUESTION["input_size"], QUESTION["kernel"], QUESTION["at"]
    rows, cols = _cover(h, k, r), _cover(w, k, c)
    row_starts = [s for s in range(h - k + 1) if s <= r < s + k]
    col_starts = [s for s in range(w - k + 1) if s <= c < s + k]
    return dict(h=h, w=w, k=k, r=r, c=c, rows=rows, cols=cols, right=rows * cols,
                row_starts=", ".join(map(str, row_starts)),
                col_starts=", ".join(map(str, col_starts)), k2=k * k,
                outputs=(h - k + 1) * (w - k + 1), ho=h - k + 1, wo=w - k + 1, ho_last=h - k,
                wo_last=w - k)


def _slips():
    f = _fields()
    h, w, k, r, c = f["h"], f["w"], f["k"], f["r"], f["c"]
    swapped = _cover(h, k, c) * _cover(w, k, r) if c < h and r < w else None
    found = [
        (f["k2"], M("slip.interior", **f)),
        (f["rows"], M("slip.one_axis", **f)),
        (f["cols"], M("slip.one_axis", **f)),
        (f["rows"] + f["cols"], M("slip.added", **f)),
        (_cover(h, k, r + 1) * _cover(w, k, c + 1), M("slip.from_one", **f)),
        (f["outputs"], M("slip.outputs", **f)),
    ]
    if swapped is not None:
        found.append((swapped, M("slip.swapped", **f)))
    return found


@checker
def dx_terms(answer):
    """The number of terms in dX at input QUESTION["at"] (one per output it fed)."""
    f = _fields()
    return judge_count(answer, right_count(), _slips(), praise=M("praise", **f),
                       catch_all=M("fallback", **f), name=M("name"))


def _is_right(answer):
    return is_count(answer, right_count())


SOLUTION = """
from convkit_course.exercises import concepts

# Rows: the 3-tall windows that contain row 1 start at rows 0 and 1          -> 2
# Columns: the 3-wide windows that contain column 4 start at columns 2, 3, 4 -> 3
answer = 2 * 3   # every (row window, column window) pair is one output: one term each
concepts.dx_terms(answer)
"""

_F = _fields()
UNIT = Unit(dx_terms, messages=M, solution_code=SOLUTION, is_right=_is_right, fields=_fields,
            stated=[f"For a **{_F['h']}×{_F['w']}** input and a {_F['k']}×{_F['k']} kernel "
                    "(stride 1, no padding), how many terms does the sum for dX at input "
                    f"**({_F['r']}, {_F['c']})**"])
