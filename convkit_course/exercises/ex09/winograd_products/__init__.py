"""Exercise 1 of notebook 09: the four products of Winograd's F(2, 3), by hand.

    d, g = ex09.f23_problem()     # d = [3, -1, 2, 5], g = [2, 1, 3]
    ex09.winograd_products(m)     # m1..m4, shape (4,)

Not the d, g of the section's worked example (whose m the notebook prints).  The numbers are
chosen so that every known slip gives its own m: no m is 0, g is not symmetric (a flipped g
changes m1 and m4), g0 + g1 + g2 and g0 - g1 + g2 differ, and d is not a palindrome.  The
expected m is written out here from Lavin & Gray's formulas; the test also checks that Aᵀ m
gives the direct correlation.
"""
from __future__ import annotations

import numpy as np

from ..._core import checker, fmt
from ..._answers import is_array, judge_array
from ..._unit import Unit, unit_messages

__all__ = ["f23_problem", "winograd_products"]

M = unit_messages(__name__, __file__)


def f23_problem():
    """The 1-D F(2, 3) exercise's data: 4 inputs d and 3 kernel taps g (new copies)."""
    return np.array([3.0, -1.0, 2.0, 5.0]), np.array([2.0, 1.0, 3.0])


def products(d, g, half=0.5):
    """Lavin & Gray's m1..m4 for F(2, 3), written out as scalars."""
    return np.array([(d[0] - d[2]) * g[0],
                     (d[1] + d[2]) * (g[0] + g[1] + g[2]) * half,
                     (d[2] - d[1]) * (g[0] - g[1] + g[2]) * half,
                     (d[1] - d[3]) * g[2]])


def _transforms(d, g):
    bt_d = np.array([d[0] - d[2], d[1] + d[2], d[2] - d[1], d[1] - d[3]])
    g_g = np.array([g[0], (g[0] + g[1] + g[2]) / 2, (g[0] - g[1] + g[2]) / 2, g[2]])
    return bt_d, g_g


def _fields():
    d, g = f23_problem()
    m = products(d, g)
    y = np.array([m[0] + m[1] + m[2], m[1] - m[2] - m[3]])
    return dict(m="[" + ", ".join(fmt(v) for v in m) + "]",
                outputs="[" + ", ".join(fmt(v) for v in y) + "]",
                d0=fmt(d[0]), d1=fmt(d[1]), d2=fmt(d[2]), d3=fmt(d[3]),
                g0=fmt(g[0]), g1=fmt(g[1]), g2=fmt(g[2]))


def _slips():
    d, g = f23_problem()
    m = products(d, g)
    bt_d, g_g = _transforms(d, g)
    outputs = np.array([d[:3] @ g, d[1:] @ g])
    m3_sign = m.copy()
    m3_sign[2] = (d[1] - d[2]) * (g[0] - g[1] + g[2]) / 2
    m4_sign = m.copy()
    m4_sign[3] = (d[3] - d[1]) * g[2]
    m1_sign = m.copy()
    m1_sign[0] = (d[2] - d[0]) * g[0]
    m3_plus = m.copy()
    m3_plus[2] = (d[2] - d[1]) * (g[0] + g[1] + g[2]) / 2
    return [
        (bt_d, M("slip.input_transform")),
        (g_g, M("slip.kernel_transform")),
        (products(d, g[::-1]), M("slip.flipped")),
        (products(d, g, half=1.0), M("slip.no_halves")),
        (2 * m, M("slip.twice")),
        (products(d[::-1], g), M("slip.reversed_d")),
        (bt_d + g_g, M("slip.added")),
        (np.array([d[0] * g[0], d[1] * g[1], d[2] * g[2], d[3] * g[2]]), M("slip.direct")),
        (m1_sign, M("slip.sign", which="m1")),
        (m3_sign, M("slip.sign", which="m3")),
        (m4_sign, M("slip.sign", which="m4")),
        (m3_plus, M("slip.m3_kernel")),
        (outputs, M("slip.outputs", outputs="[" + ", ".join(fmt(v) for v in outputs) + "]")),
        (np.outer(g_g, bt_d), M("slip.outer")),
        (np.outer(bt_d, g_g), M("slip.outer")),
    ]


@checker
def winograd_products(answer):
    """Exercise 1: m = (G g) ⊙ (Bᵀ d) for :func:`f23_problem`, shape (4,)."""
    d, g = f23_problem()
    return judge_array(answer, products(d, g), M("name.m"), slips=_slips(),
                       shapes={(2,): M("slip.two_numbers"), (4, 4): M("slip.outer")},
                       praise=M("praise", **_fields()))


def _is_right(answer):
    return is_array(answer, products(*f23_problem()))


SOLUTION = """
d, g = ex09.f23_problem()
m = np.array([(d[0] - d[2]) * g[0],                        # m1
              (d[1] + d[2]) * (g[0] + g[1] + g[2]) / 2,    # m2
              (d[2] - d[1]) * (g[0] - g[1] + g[2]) / 2,    # m3
              (d[1] - d[3]) * g[2]])                       # m4
print("Aᵀ m =", winograd.AT @ m, " direct:", np.correlate(d, g, "valid"))
ex09.winograd_products(m)
"""

UNIT = Unit(winograd_products, messages=M, solution_code=SOLUTION, is_right=_is_right,
            fields=_fields,
            stated=["`d, g = ex09.f23_problem()`", "m₁ = (d₀ − d₂)g₀"])
