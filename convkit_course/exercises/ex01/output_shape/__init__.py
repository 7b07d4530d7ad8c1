"""Exercise 1 of notebook 01: the output's (height, width), worked out by hand.

    ex01.output_shape(answer)        # answer = (height, width) for SHAPE_PROBLEM

The data are chosen so that no known slip lands on the right answer (the corpus test checks
it).  One length could not do that: forgetting the - 1, and forgetting both the - 1 and the
+ 1, never both miss the right length, whatever the geometry.  Two axes, with a kernel that is
not square and lengths that fall differently under each slip, can.
"""
from __future__ import annotations

import math

import numpy as np

from convkit.geometry import output_size

from ..._core import (CORE, Reject, as_array, checker, conform_shape, correct, fallback, fmt,
                      join_slips, not_yet)
from ..._unit import Unit, unit_messages

__all__ = ["SHAPE_PROBLEM", "output_shape"]

M = unit_messages(__name__, __file__)

# Height 12, width 13; a 3 x 4 kernel (KH x KW); the same stride, padding and dilation on
# both axes.  Right: (5, 4) -- the floor drops half a step on the height.
SHAPE_PROBLEM = dict(H=12, W=13, KH=3, KW=4, S=2, P=3, D=4)


def right_shape():
    g = SHAPE_PROBLEM
    return (output_size(g["H"], g["KH"], g["S"], g["P"], g["D"]),
            output_size(g["W"], g["KW"], g["S"], g["P"], g["D"]))


def _length_slips(I, K, S, P, D):
    """{slip id: the length a student gets along one axis with that slip}."""
    reach, padded = D * (K - 1) + 1, I + 2 * P
    return {
        "rounded_up": math.ceil((padded - reach) / S) + 1,
        "no_minus_one": (padded - D * (K - 1)) // S + 1,
        "pad_once": (I + P - reach) // S + 1,
        "reach_DK": (padded - D * K) // S + 1,
        "no_plus_one": (padded - reach) // S,
        "no_padding": (I - reach) // S + 1,
        "kernel_not_reach": (padded - K) // S + 1,
        "no_stride": padded - reach + 1,
        "simple_formula": I - K + 1,
        "stride_dilation_swapped": (padded - S * (K - 1) - 1) // D + 1,
        "dilation_on_off": (padded - (2 * K - 1)) // S + 1,
        "no_minus_no_plus": (padded - D * (K - 1)) // S,
        "padding_bool": (I + 2 * min(P, 1) - reach) // S + 1,
        "same_padding": math.ceil(I / S),
    }


def _shape_slips():
    """(slip id, (height, width) with that slip, the hint's fields)."""
    g = SHAPE_PROBLEM
    H, W, KH, KW, S, P, D = (g[k] for k in ("H", "W", "KH", "KW", "S", "P", "D"))
    height, width = _length_slips(H, KH, S, P, D), _length_slips(W, KW, S, P, D)
    fields = dict(S=S, P=P, D=D, gaps=D - 1)
    found = [(name, (height[name], width[name]), fields) for name in height]
    right = right_shape()
    size = (lambda I, K: output_size(I, K, S, P, D))
    found += [
        ("axes_swapped", right[::-1], {}),
        ("kernel_square", (size(H, KH), size(W, KH)), dict(k=KH, KH=KH, KW=KW)),
        ("kernel_square", (size(H, KW), size(W, KW)), dict(k=KW, KH=KH, KW=KW)),
        ("axes_mixed", (size(H, KW), size(W, KH)), dict(H=H, W=W, KH=KH, KW=KW)),
        ("axes_mixed", (size(W, KH), size(H, KW)), dict(H=H, W=W, KH=KH, KW=KW)),
    ]
    return found


def _read(answer):
    """The answer as (height, width) ints and a note on how it was read; Reject otherwise."""
    values = as_array(answer, CORE("name.answer"))
    if values.size == 1:
        raise Reject(not_yet(M("one_number", value=fmt(values.reshape(())[()]))))
    note = None
    if values.ndim == 1 and 2 < values.size <= 4 and np.all(values[:-2] == 1):
        note = M("note.nchw", got=_text(values), hw=_text(values[-2:]))  # (N, F, H, W)
        values = values[-2:]
    values, shape_note = conform_shape(values, (2,))
    if values.shape != (2,):
        raise Reject(not_yet(M("two_numbers", got=values.shape)))
    fractions = [fmt(v) for v in values if v != math.floor(v)]
    if fractions:
        raise Reject(not_yet(M("slip.no_floor", value=fractions[0])))
    return (int(values[0]), int(values[1])), note or shape_note


def _text(values):
    return "(" + ", ".join(fmt(v) for v in values) + ")"


@checker
def output_shape(answer):
    """Exercise 1: the output's (height, width) for :data:`SHAPE_PROBLEM`, by hand."""
    got, note = _read(answer)
    verdict = _judge(got)
    return verdict.with_note(note) if note is not None else verdict


def _judge(got):
    g = SHAPE_PROBLEM
    want = right_shape()
    if got == want:
        reach_h, reach_w = g["D"] * (g["KH"] - 1) + 1, g["D"] * (g["KW"] - 1) + 1
        return correct(M("praise", H=g["H"], W=g["W"], P=g["P"], S=g["S"], reach_h=reach_h,
                         reach_w=reach_w, h=want[0], w=want[1]))
    hints = [M(f"slip.{name}", **fields) for name, pair, fields in _shape_slips() if pair == got]
    if hints:
        return not_yet(M("typical_slip", got=got, hint=join_slips(hints)))
    if min(got) <= 0:
        return not_yet(M("impossible", got=got))
    if got[0] == want[0]:
        return not_yet(M("height_right", h=got[0], w=got[1], W=g["W"], KW=g["KW"]))
    if got[1] == want[1]:
        return not_yet(M("width_right", h=got[0], w=got[1], H=g["H"], KH=g["KH"]))
    return fallback(M("fallback", got=got))


def _is_right(answer):
    try:
        return _read(answer)[0] == right_shape()
    except Reject:
        return False


SOLUTION = """
# One axis at a time: (I + 2P - D(K-1) - 1) // S + 1
H, W, KH, KW, S, P, D = 12, 13, 3, 4, 2, 3, 4
height = (H + 2*P - D*(KH - 1) - 1) // S + 1  # (18 - 9) // 2 + 1
width = (W + 2*P - D*(KW - 1) - 1) // S + 1   # (19 - 13) // 2 + 1
answer = (height, width)                      # (5, 4)

ex01.output_shape(answer)
"""

def _solution_fields():
    """The numbers the solution message quotes, from the data (so they cannot drift)."""
    g = SHAPE_PROBLEM
    out = {k: g[k] for k in ("H", "W", "KH", "KW", "S", "P", "D")}
    for axis, (I, K) in (("h", (g["H"], g["KH"])), ("w", (g["W"], g["KW"]))):
        padded, reach = I + 2 * g["P"], g["D"] * (K - 1) + 1
        out.update({f"padded_{axis}": padded, f"reach_{axis}": reach,
                    f"steps_{axis}": fmt((padded - reach) / g["S"]),
                    f"floor_{axis}": (padded - reach) // g["S"],
                    axis: (padded - reach) // g["S"] + 1})
    return out


_G = SHAPE_PROBLEM
UNIT = Unit(output_shape, messages=M, solution_code=SOLUTION, is_right=_is_right,
            fields=_solution_fields,
            stated=[f"An input is {_G['H']} × {_G['W']} pixels (height × width)",
                    f"the kernel is {_G['KH']} × {_G['KW']} taps (KH × KW), with stride "
                    f"{_G['S']}, padding {_G['P']} and dilation {_G['D']} along both axes"])
