"""Exercise 3 of notebook 01: one output of a cross-correlation, by hand.

    x, k = ex01.one_output_problem()     # a 5x5 input, a 3x3 kernel (2-D arrays)
    ex01.one_output(answer)              # the output at row 1, column 2

The numbers are chosen so that every known slip gives its own value, none of them the right
one, and the nine outputs differ from each other and from every slip (the corpus test checks
it): a flipped kernel, a kernel flipped along one axis only, the kernel transposed, row and
column swapped, counted from 1, the window's inputs alone, a matrix product, the mean, and the
hand slips — one product left out, one product's sign lost.
"""
from __future__ import annotations

import numpy as np

from ..._core import CORE, as_number, checker, correct, correlate_2d, fallback, fmt, \
    join_slips, not_yet, number_note
from ..._unit import Unit, unit_messages

__all__ = ["ONE_OUTPUT_AT", "one_output_problem", "one_output"]

M = unit_messages(__name__, __file__)

ONE_OUTPUT_AT = (1, 2)  # (row, column) of the 3x3 output


def one_output_problem():
    """The data of exercise 3: x (5, 5) and k (3, 3), small integers (new copies)."""
    x = np.array([[4, 4, 0, 1, 3],
                  [2, 2, 0, 0, 2],
                  [4, 4, 0, 4, 3],
                  [1, 1, 3, 3, 3],
                  [2, 2, 1, 0, 0]])
    k = np.array([[3, -2, 2],
                  [-2, 3, -2],
                  [1, -2, 0]])
    return x, k


def _window():
    x, k = one_output_problem()
    row, col = ONE_OUTPUT_AT
    return x[row:row + 3, col:col + 3].astype(float), k.astype(float)


def right_value():
    x, k = one_output_problem()
    row, col = ONE_OUTPUT_AT
    return float(correlate_2d(x, k)[row, col])


def _slips():
    """(the value a student gets with the slip, its message)."""
    x, k = one_output_problem()
    row, col = ONE_OUTPUT_AT
    z = correlate_2d(x, k)
    block, kf = _window()
    found = [
        (correlate_2d(x, k[::-1, ::-1])[row, col], M("slip.flipped")),
        (correlate_2d(x, k[::-1, :])[row, col], M("slip.flipped_up_down")),
        (correlate_2d(x, k[:, ::-1])[row, col], M("slip.flipped_left_right")),
        (correlate_2d(x, k.T)[row, col], M("slip.kernel_transposed")),
        (z[col, row], M("slip.position_swapped", row=row, col=col)),
        (z[row - 1, col - 1], M("slip.counted_from_one", row=row, col=col, r=row - 1,
                                c=col - 1)),
        (np.sum(block), M("slip.inputs_alone")),
        (np.sum(kf), M("slip.kernel_alone")),
        (-z[row, col], M("slip.sign")),
        (np.sum(block * np.abs(kf)), M("slip.dropped_minus")),
        (np.sum(block @ kf), M("slip.matrix_product")),
        (np.max(block * kf), M("slip.max_product")),
    ]
    products = (block * kf).ravel()
    found += [(right_value() - p, M("slip.product_missed")) for p in set(products) if p != 0]
    found += [(right_value() - 2 * p, M("slip.sign_lost")) for p in set(products) if p < 0]
    named = {(row, col), (col, row), (row - 1, col - 1)}
    found += [(z[r, c], M("slip.other_output", r=r, c=c, row=row, col=col, row_end=row + 2,
                          col_end=col + 2))
              for r in range(z.shape[0]) for c in range(z.shape[1]) if (r, c) not in named]
    return found


@checker
def one_output(answer):
    """Exercise 3: the cross-correlation output at :data:`ONE_OUTPUT_AT` of
    :func:`one_output_problem`."""
    row, col = ONE_OUTPUT_AT
    whole = _whole_output(answer)
    if whole is not None:
        return not_yet(whole)
    value = as_number(answer, CORE("name.answer"))
    right = right_value()
    if np.isclose(value, right):
        return number_note(answer, correct(M("praise", row=row, col=col, row_end=row + 3,
                                             col_end=col + 3, value=fmt(right))))
    hints = [hint for wrong, hint in _slips() if np.isclose(value, wrong)]
    if abs(value * 9 - right) < 0.05:  # the mean, maybe rounded to two decimals
        hints.append(M("slip.mean"))
    if hints:
        return not_yet(M("typical_slip", value=fmt(value), hint=join_slips(hints)))
    return fallback(M("fallback", value=fmt(value), row=row, col=col, row_end=row + 3,
                      col_end=col + 3))


def _whole_output(answer):
    """The hint when ``answer`` is the whole 3 x 3 output (or its true convolution), else None."""
    try:
        values = np.asarray(answer, dtype=float)
    except Exception:
        return None
    if values.size != 9:
        return None
    x, k = one_output_problem()
    row, col = ONE_OUTPUT_AT
    for z, name in ((correlate_2d(x, k), "whole_output"),
                    (correlate_2d(x, k[::-1, ::-1]), "whole_output_flipped")):
        if np.allclose(values.reshape(3, 3), z):
            return M(name, row=row, col=col)
    return None


def _is_right(answer):
    try:
        return bool(np.isclose(as_number(answer), right_value()))
    except Exception:
        return False


def _fields():
    row, col = ONE_OUTPUT_AT
    block, kernel = _window()
    products = " + ".join(f"{fmt(a)}·({fmt(b)})" if b < 0 else f"{fmt(a)}·{fmt(b)}"
                          for a, b in zip(block.ravel(), kernel.ravel()))
    return dict(row=row, col=col, row_end=row + 3, col_end=col + 3, products=products,
                value=fmt(right_value()))


SOLUTION = """
# Output (1, 2) reads the 3x3 block of x whose top-left corner is x[1, 2]:
#   x[1:4, 2:5] = [[0, 0, 2],      k = [[ 3, -2,  2],
#                  [0, 4, 3],           [-2,  3, -2],
#                  [3, 3, 3]]           [ 1, -2,  0]]
# Multiply element by element (no flip: cross-correlation) and add the nine products.
answer = (0*3 + 0*(-2) + 2*2
          + 0*(-2) + 4*3 + 3*(-2)
          + 3*1 + 3*(-2) + 3*0)   # = 4 + 12 - 6 + 3 - 6 = 7

ex01.one_output(answer)
"""

UNIT = Unit(one_output, messages=M, solution_code=SOLUTION, is_right=_is_right, fields=_fields,
            stated=["output at **row {}, column {}**".format(*ONE_OUTPUT_AT)])
