"""Exercise 1 of notebook 05: the output size along one axis for three geometries, by hand.

    ex05.output_sizes([o1, o2, o3])     # one size per (H, K, S, P, D) of OUTPUT_SIZE_PROBLEMS

The three geometries are chosen so that the three answers differ, every geometry has a stride
other than its dilation and a padding other than D - 1, and every slip below, made at all
three, gives its own list — none of them the right one (the corpus test checks it; the old
geometries let rounding to the nearest pass and could not tell padding added once from padding
as on/off).  A slip made at one geometry only is named with that geometry.
"""
from __future__ import annotations

import math

import numpy as np

from convkit.direct import conv2d_loops

from ..._core import Reject, as_array, checker, conform_shape, correct, fallback, fmt, \
    join_slips, not_yet
from ..._unit import Unit, unit_messages

__all__ = ["OUTPUT_SIZE_PROBLEMS", "output_sizes"]

M = unit_messages(__name__, __file__)

# (input size H, kernel K, stride S, padding P, dilation D)
OUTPUT_SIZE_PROBLEMS = [(13, 3, 3, 3, 1), (7, 4, 2, 3, 3), (13, 2, 2, 0, 3)]


def _loops_output(h, k, s, p, d):
    """Output length along one axis, by running the literal loops (not the formula)."""
    return conv2d_loops(np.zeros((1, 1, h, 1)), np.zeros((1, 1, k, 1)), stride=(s, 1),
                        padding=(p, 0), dilation=(d, 1)).shape[2]


def right_sizes():
    return [_loops_output(*g) for g in OUTPUT_SIZE_PROBLEMS]


def _slips():
    """(slip id, the size a student gets along one axis with it)."""
    return [
        ("no_floor", lambda h, k, s, p, d: (h + 2 * p - d * (k - 1) - 1) / s + 1),
        ("ceil", lambda h, k, s, p, d: math.ceil((h + 2 * p - d * (k - 1) - 1) / s) + 1),
        ("rounded", lambda h, k, s, p, d: round((h + 2 * p - d * (k - 1) - 1) / s) + 1),
        ("pad_once", lambda h, k, s, p, d: (h + p - d * (k - 1) - 1) // s + 1),
        ("no_padding", lambda h, k, s, p, d: (h - d * (k - 1) - 1) // s + 1),
        ("padding_bool", lambda h, k, s, p, d: (h + 2 * min(p, 1) - d * (k - 1) - 1) // s + 1),
        ("no_dilation", lambda h, k, s, p, d: (h + 2 * p - k) // s + 1),
        ("reach_dk", lambda h, k, s, p, d: (h + 2 * p - d * k) // s + 1),
        ("dilation_gaps", lambda h, k, s, p, d: (h + 2 * p - (d - 1) * (k - 1) - 1) // s + 1),
        ("dilation_on_off", lambda h, k, s, p, d: (h + 2 * p - (2 * k - 1 if d > 1 else k)) // s
         + 1),
        ("no_plus_one", lambda h, k, s, p, d: (h + 2 * p - d * (k - 1) - 1) // s),
        ("no_minus_one", lambda h, k, s, p, d: (h + 2 * p - d * (k - 1)) // s + 1),
        ("no_minus_no_plus", lambda h, k, s, p, d: (h + 2 * p - d * (k - 1)) // s),
        ("no_stride", lambda h, k, s, p, d: h + 2 * p - d * (k - 1)),
        ("simple", lambda h, k, s, p, d: h - k + 1),
        ("swapped", lambda h, k, s, p, d: (h + 2 * p - s * (k - 1) - 1) // d + 1),
        ("same", lambda h, k, s, p, d: math.ceil(h / s)),
        ("precedence", lambda h, k, s, p, d: h + 2 * p - d * (k - 1) - 1 // s + 1),
    ]


def _geometry(g):
    return M("geometry", H=g[0], K=g[1], S=g[2], P=g[3], D=g[4])


def _list(values):
    return "[" + ", ".join(fmt(v) for v in values) + "]"


def _read(answer):
    values = as_array(answer, M("name"))
    n = len(OUTPUT_SIZE_PROBLEMS)
    values, note = conform_shape(values, (n,))
    if values.shape != (n,):
        raise Reject(not_yet(M("count", n=n, got=values.size)))
    return values, note


@checker
def output_sizes(answer):
    """Exercise 1: the output size for each geometry of :data:`OUTPUT_SIZE_PROBLEMS`."""
    values, note = _read(answer)
    verdict = _judge(values)
    return verdict.with_note(note) if note is not None else verdict


def _judge(values):
    expected = np.array(right_sizes(), dtype=float)
    if np.array_equal(values, expected):
        return correct(M("praise"))
    everywhere = [M(f"slip.{name}") for name, formula in _slips()
                  if np.allclose(values, [formula(*g) for g in OUTPUT_SIZE_PROBLEMS], rtol=0,
                                 atol=0.01)]
    if everywhere:
        return not_yet(M("at_all", got=_list(values), hint=join_slips(everywhere)))
    if np.array_equal(values, expected[::-1]):
        return not_yet(M("reversed"))
    i = int(np.argmax(values != expected))
    g, value = OUTPUT_SIZE_PROBLEMS[i], values[i]
    here = [M(f"slip.{name}") for name, formula in _slips()
            if np.isclose(formula(*g), value, rtol=0, atol=0.01)]
    if here:
        return not_yet(M("at_one", geometry=_geometry(g), got=fmt(value), hint=join_slips(here)))
    return fallback(M("fallback", geometry=_geometry(g), got=fmt(value), want=fmt(expected[i])))


def _is_right(answer):
    try:
        values, _ = _read(answer)
    except Reject:
        return False
    return values.tolist() == right_sizes()


def _fields():
    lines = []
    for (h, k, s, p, d), o in zip(OUTPUT_SIZE_PROBLEMS, right_sizes()):
        lines.append(f"({h} + {2 * p} - {d * (k - 1) + 1}) // {s} + 1 = {o}")
    return dict(work="; ".join(lines), sizes=_list(right_sizes()))


SOLUTION = """
print(ex05.OUTPUT_SIZE_PROBLEMS)
sizes = [(H + 2 * P - D * (K - 1) - 1) // S + 1        # the formula, whole steps only
         for H, K, S, P, D in ex05.OUTPUT_SIZE_PROBLEMS]
ex05.output_sizes(sizes)
"""

UNIT = Unit(output_sizes, messages=M, solution_code=SOLUTION, is_right=_is_right,
            fields=_fields,
            stated=["For each geometry (H, K, S, P, D) in `ex05.OUTPUT_SIZE_PROBLEMS`",
                    ", ".join(str(g) for g in OUTPUT_SIZE_PROBLEMS)])
