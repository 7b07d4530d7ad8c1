"""Exercise 2 of notebook 03: the participation counts of an input, worked out by hand.

    ex03.participation(counts)       # an (H, W) array: how many outputs each input feeds

A 5 × 7 input and a 4 × 3 kernel (KH × KW), stride 1, no padding.  Neither is square, so a
transposed table has another shape and a kernel read the wrong way round (3 × 4), or taken as
square, gives other counts.  The kernel is taller than half the input, so only two windows fit
down the rows: the middle row is covered by 2 windows, not 3 — a count "min(i + 1, KH, H - i)"
without its cap Ho = H - KH + 1 (which passed on the old 4 × 6 / 3 × 3 problem) is wrong here.
Every slip below gives its own table, none the right one (the corpus test checks it).
"""
from __future__ import annotations

import numpy as np

from convkit.direct import conv2d_loops_backward

from ..._answers import judge_array, same_array
from ..._core import checker, fallback, fmt
from ..._unit import Unit, unit_messages

__all__ = ["PARTICIPATION_PROBLEM", "participation"]

M = unit_messages(__name__, __file__)

PARTICIPATION_PROBLEM = dict(input_size=(5, 7), kernel_size=(4, 3))


def right_counts():
    """With every weight 1 and dZ all ones, dX counts the windows covering each input
    (convkit's literal loops)."""
    (h, w), (kh, kw) = PARTICIPATION_PROBLEM["input_size"], PARTICIPATION_PROBLEM["kernel_size"]
    dx, _, _ = conv2d_loops_backward(np.ones((1, 1, h - kh + 1, w - kw + 1)),
                                     np.zeros((1, 1, h, w)), np.ones((1, 1, kh, kw)))
    return dx[0, 0]


def _along(n, k):
    """How many stride-1 windows of length k cover each of n positions (one axis)."""
    return np.array([sum(1 for s in range(n - k + 1) if s <= i < s + k) for i in range(n)])


def _uncapped(n, k):
    return np.array([min(i + 1, k, n - i) for i in range(n)])


def _fields():
    (h, w), (kh, kw) = PARTICIPATION_PROBLEM["input_size"], PARTICIPATION_PROBLEM["kernel_size"]
    ho, wo = h - kh + 1, w - kw + 1
    return dict(h=h, w=w, kh=kh, kw=kw, ho=ho, wo=wo, outputs=ho * wo, taps=kh * kw,
                total=ho * wo * kh * kw, rows=", ".join(str(n) for n in _along(h, kh)),
                cols=", ".join(str(n) for n in _along(w, kw)), mid=h // 2,
                uncapped_mid=int(_uncapped(h, kh)[h // 2]), ho_last=ho - 1, wo_last=wo - 1)


def _slips():
    """(the table a student gets with the slip, its message)."""
    f = _fields()
    h, w, kh, kw = f["h"], f["w"], f["kh"], f["kw"]
    rows, cols = _along(h, kh), _along(w, kw)
    return [
        (np.full((h, w), kh * kw), M("slip.all_taps", **f)),
        (np.ones((h, w)), M("slip.ones", **f)),
        (np.outer(rows, np.ones(w)), M("slip.rows_only", **f)),
        (np.outer(np.ones(h), cols), M("slip.cols_only", **f)),
        (rows[:, None] + cols[None, :], M("slip.added", **f)),
        (np.outer(_uncapped(h, kh), _uncapped(w, kw)), M("slip.uncapped", **f)),
        (np.outer(_along(h, kw), _along(w, kh)), M("slip.kernel_swapped", **f)),
        (np.outer(_along(h, kw), _along(w, kw)), M("slip.kernel_square", k=kw, **f)),
        (np.outer(_along(h, kh), _along(w, kh)), M("slip.kernel_square", k=kh, **f)),
    ]


def _shapes():
    f = _fields()
    return {(f["ho"], f["wo"]): M("shape.output", **f), (f["kh"], f["kw"]): M("shape.kernel", **f)}


@checker
def participation(answer):
    """Exercise 2: the participation counts of :data:`PARTICIPATION_PROBLEM`, an (H, W) array."""
    f = _fields()
    expected = right_counts()
    verdict = judge_array(answer, expected, M("name"), slips=_slips(), shapes=_shapes(),
                          praise=M("praise", **f))
    if verdict.kind != "generic":
        return verdict
    counts = np.asarray(answer, dtype=float)
    if counts.size != expected.size:
        return verdict
    if np.isclose(np.sum(counts), f["total"]):
        return fallback(M("fallback_total_right", **f))
    return fallback(M("fallback", got=fmt(float(np.sum(counts))), **f))


def _is_right(answer):
    return same_array(answer, right_counts())


SOLUTION = """
# One axis at a time.  Down the 5 rows, the 4-tall window starts at rows 0 and 1 only:
# row 0 is in 1 window, rows 1-3 in 2, row 4 in 1.  Along the 7 columns the 3-wide window
# starts at columns 0 to 4: the columns are in 1, 2, 3, 3, 3, 2, 1 windows.
rows = np.array([1, 2, 2, 2, 1])
cols = np.array([1, 2, 3, 3, 3, 2, 1])
counts = np.outer(rows, cols)   # (windows on its row) x (windows on its column)

ex03.participation(counts)
"""

_F = _fields()
UNIT = Unit(participation, messages=M, solution_code=SOLUTION, is_right=_is_right,
            fields=_fields,
            stated=[f"For a **{_F['h']}×{_F['w']}** input ({_F['h']} rows, {_F['w']} columns) "
                    f"and a **{_F['kh']}×{_F['kw']}** kernel ({_F['kh']} rows, {_F['kw']} "
                    "columns)"])
