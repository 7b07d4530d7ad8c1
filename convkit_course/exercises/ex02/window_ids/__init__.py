"""Exercise 1 of notebook 02: the nine input ids an output reads, in kernel-id order.

    ex02.window_ids(answer)     # a list of 9 input ids (a 3 x 3 grid of them counts too)

The article's example: a 5 × 5 input (ids 0..24, row by row), a 3 × 3 kernel (ids 0..8),
stride 1, a 3 × 3 output (ids 0..8).  Output 5 sits at output row 1, column 2: its row and
column differ, so a swapped position gives another window, and every slip below gives its own
list of ids (the corpus test checks it): the output's id taken as an input id, row and column
swapped, nine ids in a row, the output's row length (3) used for the input's (5), counted from
1, the window centred on the position, the window of the output before, the right inputs in
another order (column by column, or any other), the kernel's ids.
"""
from __future__ import annotations

import numpy as np

from ..._core import Reject, as_array, checker, compare_array, conform_shape, correct, \
    fallback, join_slips, not_yet
from ..._unit import Unit, unit_messages

__all__ = ["WINDOW_OUTPUT", "window_ids"]

M = unit_messages(__name__, __file__)

H = W = 5           # the input: 5 x 5, ids 0..24 row by row
K = 3               # the kernel: 3 x 3, ids 0..8
WO = W - K + 1      # the output: 3 x 3
WINDOW_OUTPUT = 5   # output id 5 = output row 1, column 2


def _window(r, c, width=W, column_major=False):
    """Input ids of the K x K window with top-left input (r, c), in kernel-id order (rows
    numbered ``width`` ids apart)."""
    taps = ([(i, j) for j in range(K) for i in range(K)] if column_major else
            [(i, j) for i in range(K) for j in range(K)])
    return [(r + i) * width + (c + j) for i, j in taps]


def _position():
    return divmod(WINDOW_OUTPUT, WO)


def right_ids():
    return _window(*_position())


def _fields():
    r, c = _position()
    ids = right_ids()
    return dict(o=WINDOW_OUTPUT, r=r, c=c, first=ids[0], W=W, Wo=WO, K=K, n=K * K,
                r_end=r + K - 1, c_end=c + K - 1,
                ids=", ".join(str(i) for i in ids))


def _slips():
    """(the list a student gives with the slip, its message)."""
    f = _fields()
    r, c = _position()
    return [
        (_window(*divmod(WINDOW_OUTPUT, W)), M("slip.output_id_as_input", **f)),
        (_window(c, r), M("slip.swapped", **f)),
        (list(range(f["first"], f["first"] + K * K)), M("slip.in_a_row", **f)),
        (_window(r, c, width=WO), M("slip.output_row_length", **f)),
        (_window(r, c, column_major=True), M("slip.column_major", **f)),
        ([i + 1 for i in right_ids()], M("slip.plus_one", **f)),
        (_window(r - 1, c - 1), M("slip.centred", **f)),
        (_window(*divmod(WINDOW_OUTPUT - 1, WO)), M("slip.output_before", prev=WINDOW_OUTPUT - 1,
                                                     **f)),
        (right_ids()[::-1], M("slip.reversed", **f)),
        (list(range(K * K)), M("slip.kernel_ids", **f)),
    ]


def _read(answer):
    """The answer as a list of 9 ids (the shape rule: a 3 x 3 grid, NCHW-wrapped …) and the
    note on how it was read; else :class:`Reject` with the hint."""
    name = M("name")
    values = as_array(answer, name)
    values, note = conform_shape(values, (K * K,))
    if values.shape != (K * K,):
        if values.ndim == 2 and values.shape[1] == 2 and values.shape[0] == K * K:
            if sorted(values[:, 1].tolist()) == list(range(K * K)):  # notebook 02's read_by
                raise Reject(not_yet(M("slip.id_pairs", **_fields())))
            raise Reject(not_yet(M("slip.pairs", **_fields())))
        if values.shape[-2:] == (H, W):  # a panel of ck.forward_map: kernel ids, -1 blank
            raise Reject(not_yet(M("slip.panel", **_fields())))
        if values.size != K * K:
            raise Reject(not_yet(M("slip.count", got=values.size, **_fields())))
        raise Reject(compare_array(values, np.array(right_ids(), float), name))
    if np.any(values != np.round(values)) or np.any(values < 0) or np.any(values >= H * W):
        raise Reject(not_yet(M("not_ids", last=H * W - 1)))
    return [int(v) for v in values], note


@checker
def window_ids(answer):
    """Exercise 1: the 9 input ids that output :data:`WINDOW_OUTPUT` reads, in kernel-id order."""
    ids, note = _read(answer)
    verdict = _judge(ids)
    return verdict.with_note(note) if note is not None else verdict


def _judge(ids):
    f = _fields()
    if ids == right_ids():
        return correct(M("praise", **f))
    hits = [hint for wrong, hint in _slips() if ids == wrong]
    if hits:
        return not_yet(join_slips(hits))
    if sorted(ids) == sorted(right_ids()):
        return not_yet(M("slip.order", **f))
    return fallback(M("fallback", **f))


def _is_right(answer):
    try:
        return _read(answer)[0] == right_ids()
    except Reject:
        return False


SOLUTION = """
# Output 5 is output row 1, column 2 (the output is 3 wide: 5 = 1*3 + 2), so its window's
# top-left input is input row 1, column 2.  Input ids go 5 per row: id = 5*row + column.
# Kernel id k = 3*i + j meets input (1 + i, 2 + j); list them for k = 0, 1, ..., 8.
answer = [5 * (1 + i) + (2 + j) for i in range(3) for j in range(3)]
# = [7, 8, 9, 12, 13, 14, 17, 18, 19]

ex02.window_ids(answer)
"""

UNIT = Unit(window_ids, messages=M, solution_code=SOLUTION, is_right=_is_right, fields=_fields,
            stated=[f"Which input ids does **output {WINDOW_OUTPUT}** read?"])
