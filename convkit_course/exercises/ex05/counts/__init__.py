"""Exercise 2 of notebook 05: participation counts with a stride, by hand.

    ex05.counts(counts)     # a 6 x 5 array: how many outputs each input feeds

A 6 × 5 input (not square: a transposed table has another shape), a 3 × 3 kernel, stride 2,
no padding.  The floor drops the last row (windows start at rows 0 and 2 only), and the kernel
(3) differs from the stride (2), so every slip below gives its own table, none of them the
right one (the corpus test checks it): the stride-1 counts, windows let past the edge, covered
or not, rows plus columns, one axis only, the average K² / S², K² wherever covered, kernel and
stride swapped.
"""
from __future__ import annotations

import numpy as np

from convkit.direct import conv2d_loops_backward

from ..._answers import judge_array, same_array
from ..._core import checker, fallback, fmt
from ..._unit import Unit, unit_messages

__all__ = ["COUNTS_PROBLEM", "counts"]

M = unit_messages(__name__, __file__)

COUNTS_PROBLEM = {"input_size": (6, 5), "kernel_size": 3, "stride": 2}


def _starts(n, k, s, past_edge=False):
    """Where the windows start along one axis (``past_edge``: while the start is inside)."""
    return [t for t in range(0, n, s) if past_edge or t + k <= n]


def _along(n, k, s, past_edge=False):
    counts = np.zeros(n)
    for t in _starts(n, k, s, past_edge):
        counts[t:t + k] += 1
    return counts


def right_counts():
    """With every weight 1 and dY all ones, dX counts (convkit's literal loops)."""
    (h, w), k, s = (COUNTS_PROBLEM[key] for key in ("input_size", "kernel_size", "stride"))
    ho, wo = (h - k) // s + 1, (w - k) // s + 1
    dx, _, _ = conv2d_loops_backward(np.ones((1, 1, ho, wo)), np.zeros((1, 1, h, w)),
                                     np.ones((1, 1, k, k)), stride=s)
    return dx[0, 0]


def _fields():
    (h, w), k, s = (COUNTS_PROBLEM[key] for key in ("input_size", "kernel_size", "stride"))
    ho, wo = (h - k) // s + 1, (w - k) // s + 1
    return dict(h=h, w=w, k=k, s=s, ho=ho, wo=wo, taps=k * k, total=ho * wo * k * k,
                row_starts=", ".join(str(t) for t in _starts(h, k, s)),
                col_starts=", ".join(str(t) for t in _starts(w, k, s)),
                last=h - 1, avg=k * k // (s * s),
                rows=", ".join(fmt(v) for v in _along(h, k, s)),
                cols=", ".join(fmt(v) for v in _along(w, k, s)))


def _slips():
    """(the table a student gets with the slip, its message)."""
    f = _fields()
    h, w, k, s = f["h"], f["w"], f["k"], f["s"]
    rows, cols = _along(h, k, s), _along(w, k, s)
    right = np.outer(rows, cols)
    return [
        (np.outer(_along(h, k, 1), _along(w, k, 1)), M("slip.stride_one", **f)),
        (np.outer(_along(h, k, s, True), _along(w, k, s, True)), M("slip.past_edge", **f)),
        (np.outer(_along(h, k, s, True), cols), M("slip.past_edge", **f)),
        (np.vstack([right[:-1], right[-2:-1]]), M("slip.past_edge", **f)),
        ((right > 0) * 1.0, M("slip.covered", **f)),
        (rows[:, None] + cols[None, :], M("slip.added", **f)),
        (np.outer(rows, np.ones(w)), M("slip.rows_only", **f)),
        (np.outer(np.ones(h), cols), M("slip.cols_only", **f)),
        (np.full((h, w), k * k // (s * s)), M("slip.average", **f)),
        ((right > 0) * float(k * k), M("slip.taps_if_covered", **f)),
        (np.outer(_along(h, s, k), _along(w, s, k)), M("slip.kernel_stride_swapped", **f)),
    ]


def _shapes():
    f = _fields()
    return {(f["ho"], f["wo"]): M("shape.output", **f)}


@checker
def counts(answer):
    """Exercise 2: the participation counts of :data:`COUNTS_PROBLEM` as an (H, W) array."""
    f = _fields()
    expected = right_counts()
    verdict = judge_array(answer, expected, M("name"), slips=_slips(), shapes=_shapes(),
                          praise=M("praise", **f))
    if verdict.kind == "generic" and "core:compare.entries_differ" in verdict.message_ids():
        total = float(np.sum(np.asarray(answer, dtype=float)))
        if total != f["total"]:
            return fallback(M("fallback_total", hint=verdict.message, got=fmt(total), **f))
    return verdict


def _is_right(answer):
    return same_array(answer, right_counts())


SOLUTION = """
# Down the 6 rows the 3-tall window starts at rows 0 and 2 (a start at 4 would need row 6):
# rows 0, 1 in 1 window, row 2 in 2, rows 3, 4 in 1, row 5 in none.
# Along the 5 columns it starts at columns 0 and 2: 1, 1, 2, 1, 1.
rows = np.array([1, 1, 2, 1, 1, 0])
cols = np.array([1, 1, 2, 1, 1])
counts_6x5 = np.outer(rows, cols)   # (windows on its row) x (windows on its column)
ex05.counts(counts_6x5)
"""

_F = _fields()
UNIT = Unit(counts, messages=M, solution_code=SOLUTION, is_right=_is_right, fields=_fields,
            stated=[f"a {_F['h']}×{_F['w']} integer array) of a {_F['h']}×{_F['w']} input with a "
                    f"{_F['k']}×{_F['k']} kernel and stride {_F['s']}, padding 0"])
