"""Exercise 3 of notebook 08: the stride-1 trick, each kernel tap's run in the flat input.

    ex08.flat_runs(starts, length)   # the article's 5x5 input, 3x3 kernel: starts (9,), length

For tap (i, j) the outputs read x[i:i+3, j:j+3]; in the flattened 5x5 input that is one run
starting at i·5 + j, (Ho - 1)·W + Wo = 13 values long.  Both parts are judged, and every
wrong one named.  The one shape rule applies to the starts (a 3x3 grid of them counts).
"""
from __future__ import annotations

import numpy as np

from ..._core import as_array, as_number, checker, correct, fallback, fmt, join_slips, not_yet
from ..._answers import judge_array, matching, same_array
from ..._unit import Unit, unit_messages

__all__ = ["flat_runs"]

M = unit_messages(__name__, __file__)

#: the article's example: a 5x5 input, a 3x3 kernel, stride 1, no padding
RUNS_TASK = {"input_size": 5, "kernel_size": 3}


def _sizes():
    h = w = RUNS_TASK["input_size"]
    k = RUNS_TASK["kernel_size"]
    ho = wo = h - k + 1
    return dict(H=h, W=w, K=k, ho=ho, wo=wo, length=(ho - 1) * w + wo, last=(k - 1) * w + k - 1,
                last_offset=(ho - 1) * w + wo - 1, value_outputs=ho * wo)


def right_starts():
    s = _sizes()
    return np.array([i * s["W"] + j for i in range(s["K"]) for j in range(s["K"])], dtype=float)


def _start_slips():
    s = _sizes()
    k, w, wo = s["K"], s["W"], s["wo"]
    right = right_starts()
    return [
        (np.array([i * wo + j for i in range(k) for j in range(k)], float),
         M("starts.output_width", **s)),
        (np.array([j * w + i for i in range(k) for j in range(k)], float),
         M("starts.column_order", **s)),
        (right + (s["ho"] - 1) * w + wo - 1, M("starts.last_output", **s)),
        (right + 1, M("starts.one_based")),
        (right * k, M("starts.times_k", **s)),
        (np.arange(k * k, dtype=float), M("starts.tap_ids", **s)),
        (np.array([i * w for i in range(k) for _ in range(k)], float), M("starts.rows_only", **s)),
    ]


def _length_slips():
    s = _sizes()
    h, w, ho, wo, k = s["H"], s["W"], s["ho"], s["wo"], s["K"]
    return [
        (ho * wo, M("length.outputs", **s)),
        (k * k, M("length.taps", **s)),
        (ho * w, M("length.whole_rows", **s)),
        (h * w, M("length.whole_image", **s)),
        ((ho - 1) * w + wo - 1, M("length.one_short", **s)),
        ((ho - 1) * w, M("length.no_last_row", **s)),
        (s["length"] + 1, M("length.one_long", **s)),
    ]


@checker
def flat_runs(starts, length):
    """Exercise 3: the start of each tap's run in the flattened 5x5 input (taps row by row)
    and the run length."""
    s = _sizes()
    parts = []
    verdict = judge_array(starts, right_starts(), M("name.starts"), slips=_start_slips(),
                          shapes={(s["K"],): M("starts.nine", **s)})
    if not verdict.correct:
        parts.append(("starts", verdict))
    value = as_number(length, M("name.length"), whole=True)
    if value != s["length"]:
        hits = matching(value, _length_slips(), lambda a, b: a == b)
        parts.append(("length", not_yet(join_slips(hits)) if hits else
                      fallback(M("length.fallback", value=fmt(value), **s))))
    if not parts:
        return correct(M("praise", **s))
    if len(parts) == 1:
        return parts[0][1]
    first, second = parts[0][1], parts[1][1]
    kind_named = "specific" in (first.kind, second.kind)
    message = M("both", first=first.message, second=second.message)
    return not_yet(message) if kind_named else fallback(message)


def _is_right(starts, length):
    try:
        return same_array(as_array(starts), right_starts(), 0, 0) and \
            as_number(length) == _sizes()["length"]
    except Exception:
        return False


SOLUTION = """
H = W = 5; K = 3
Ho = Wo = H - K + 1                  # 3 outputs per row
# tap (i, j) first meets x[i, j] (output (0, 0)): flat index i*W + j
starts = [i * W + j for i in range(K) for j in range(K)]
# from output (0, 0)'s pixel to output (Ho-1, Wo-1)'s: Ho-1 whole rows of W, then Wo values
length = (Ho - 1) * W + Wo           # 2*5 + 3 = 13
ex08.flat_runs(starts, length)
"""

UNIT = Unit(flat_runs, messages=M, solution_code=SOLUTION, is_right=_is_right, fields=_sizes,
            stated=["a 5×5 input (indices 0–24, row by row), a 3×3 kernel, stride 1, no padding"])
