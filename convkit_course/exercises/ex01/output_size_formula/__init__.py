"""Exercise 2 of notebook 01: the output-size formula as a function, tried on hidden cases.

    ex01.output_size_formula(my_output_size)     # my_output_size(I, K, S, P, D) -> an int

The function runs first on the seven geometries of the notebook's table (section "The
general formula"), then on several hundred it does not show: sizes from 1 to 16, kernels of
1 to 5 taps, strides 1-4, paddings 0-3, dilations 1-3 — wide enough that a stride, padding
or dilation fixed to the example's value, or padding used as on/off, cannot pass.
"""
from __future__ import annotations

import inspect
import itertools
import math

from convkit.geometry import output_size

from ..._core import CORE, Reject, as_number, checker, fmt, not_yet
from ..._harness import Case, check_function
from ..._unit import Unit, unit_messages

__all__ = ["output_size_formula"]

M = unit_messages(__name__, __file__)

# The table of the notebook's section "The general formula": (I, K, S, P, D).
SHOWN = ((5, 3, 1, 0, 1), (5, 3, 2, 0, 1), (6, 3, 2, 0, 1), (5, 3, 1, 1, 1), (7, 3, 2, 1, 1),
         (7, 3, 1, 0, 2), (10, 4, 3, 2, 2))


def _where(I, K, S, P, D):
    return M("where", I=I, K=K, S=S, P=P, D=D)


def cases():
    """The shown geometries, then every valid one of the hidden sweep."""
    hidden = [g for g in itertools.product((1, 3, 7, 10, 16), (1, 2, 3, 5), (1, 2, 3, 4),
                                           (0, 1, 2, 3), (1, 2, 3))
              if g[4] * (g[1] - 1) + 1 <= g[0] + 2 * g[3] and g not in SHOWN]
    return ([Case(g, _where(*g), hidden=False) for g in SHOWN]
            + [Case(g, _where(*g)) for g in hidden])


def _formula(I, K, S, P, D, *, padded=None, reach=None):
    padded = I + 2 * P if padded is None else padded
    reach = D * (K - 1) + 1 if reach is None else reach
    return (padded - reach) // S + 1


def _slips():
    """(what a student's function computes with the slip, its message)."""
    found = [
        (lambda I, K, S, P, D: math.ceil((I + 2 * P - D * (K - 1) - 1) / S) + 1,
         M("slip.rounded_up")),
        (lambda I, K, S, P, D: round((I + 2 * P - D * (K - 1) - 1) / S) + 1,
         M("slip.rounded_nearest")),
        (lambda I, K, S, P, D: (I + 2 * P - D * (K - 1)) // S + 1, M("slip.no_minus_one")),
        (lambda I, K, S, P, D: _formula(I, K, S, P, D, padded=I + P), M("slip.pad_once")),
        (lambda I, K, S, P, D: _formula(I, K, S, P, D, reach=D * K), M("slip.reach_DK")),
        (lambda I, K, S, P, D: (I + 2 * P - D * (K - 1) - 1) // S, M("slip.no_plus_one")),
        (lambda I, K, S, P, D: _formula(I, K, S, 0, D), M("slip.no_padding")),
        (lambda I, K, S, P, D: _formula(I, K, S, P, 1), M("slip.kernel_not_reach")),
        (lambda I, K, S, P, D: _formula(I, K, 1, P, D), M("slip.no_stride")),
        (lambda I, K, S, P, D: I - K + 1, M("slip.simple_formula")),
        (lambda I, K, S, P, D: _formula(I, K, D, P, S), M("slip.stride_dilation_swapped")),
        (lambda I, K, S, P, D: _formula(I, K, S, P, min(D, 2)), M("slip.dilation_on_off")),
        (lambda I, K, S, P, D: (I + 2 * P - D * (K - 1)) // S, M("slip.no_minus_no_plus")),
        (lambda I, K, S, P, D: _formula(I, K, S, min(P, 1), D), M("slip.padding_bool")),
        (lambda I, K, S, P, D: math.ceil(I / S), M("slip.same_padding")),
        (lambda I, K, S, P, D: I + 2 * P - D * (K - 1) - 1 // S + 1, M("slip.precedence")),
    ]
    for value in (2, 3):  # a value copied from an example instead of the argument
        found += [(lambda I, K, S, P, D, v=value: _formula(I, K, v, P, D),
                   M("slip.stride_fixed", value=value)),
                  (lambda I, K, S, P, D, v=value: _formula(I, K, S, P, v),
                   M("slip.dilation_fixed", value=value))]
    for value in (1, 2):
        found.append((lambda I, K, S, P, D, v=value: _formula(I, K, S, v, D),
                      M("slip.padding_fixed", value=value)))
    for perm in itertools.permutations(range(3)):  # def f(I, K, P, S, D) and the like
        if perm != (0, 1, 2):
            signature = [""] * 3
            for name, position in zip(("S", "P", "D"), perm):
                signature[position] = name
            found.append((lambda I, K, *spd, p=perm: _formula(I, K, *(spd[i] for i in p)),
                          M("slip.argument_order", order=", ".join(signature))))
    return found


def _read(result):
    value = as_number(result, CORE("name.returned"))
    if value != math.floor(value):
        raise Reject(not_yet(M("slip.no_floor", value=fmt(value))))
    return int(value)


def _as_scaffold(function):
    """The student's function, callable as ``f(I, K, S, P, D)``: one written with S, P, D
    keyword-only (``def f(I, K, *, S=1, P=0, D=1)``) is called with them by name."""
    try:
        signature = inspect.signature(function)
        signature.bind(1, 1, 1, 0, 1)
        return function
    except (TypeError, ValueError):
        pass
    try:
        signature.bind(1, 1, S=1, P=0, D=1)
    except (TypeError, ValueError, NameError):
        return function  # the call by position names the problem
    return lambda I, K, S, P, D: function(I, K, S=S, P=P, D=D)


@checker
def output_size_formula(function):
    """Exercise 2: ``function(I, K, S, P, D)`` must give the output length on every case."""
    try:
        function = _as_scaffold(function) if callable(function) else function
        return check_function(function, cases(), output_size, names=("I", "K", "S", "P", "D"),
                              read=_read, same=lambda a, b: a == b, slips=_slips(),
                              name=CORE("name.function"))
    except Reject as reject:
        if isinstance(reject.error, ZeroDivisionError) and getattr(reject, "case", None):
            return not_yet(M("slip.divided_by_zero", where=reject.case.where))
        raise


def _is_right(function):
    try:
        function = _as_scaffold(function)
        return all(_read(function(*case.args)) == output_size(*case.args) for case in cases())
    except Exception:
        return False


SOLUTION = """
def my_output_size(I, K, S=1, P=0, D=1):
    padded = I + 2 * P           # P zeros on each side
    reach = D * (K - 1) + 1      # K taps, D - 1 pixels between neighbours
    return (padded - reach) // S + 1   # whole steps of S, plus the first position

ex01.output_size_formula(my_output_size)
"""

UNIT = Unit(output_size_formula, messages=M, solution_code=SOLUTION, is_right=_is_right,
            stated=[str(g) for g in SHOWN])  # the table's list, in the notebook's code
