"""Checkers for notebook 01 · correlation and output size.

    from convkit_course.exercises import ex01
    ex01.output_width(answer)           # one output size, worked out by hand
    ex01.output_size_formula(my_fn)     # your own output-size function, tried on a sweep
    x, k = ex01.one_output_problem()    # 5x5 input, 3x3 kernel (2-D arrays)
    ex01.one_output(answer)             # the output at row 1, column 2, by hand
"""
from __future__ import annotations

import itertools
import math

import numpy as np

from ._core import (Reject, Verdict, as_function, as_number, call_student, checker, correct,
                    correlate_2d, fallback, fmt, msg, not_yet, number_note)
from convkit.geometry import output_size

__all__ = ["WIDTH_PROBLEM", "output_width", "output_size_formula",
           "ONE_OUTPUT_AT", "one_output_problem", "one_output"]

# Exercise 1: I=10, K=4, S=2, P=2, D=2 -> floor((10 + 4 - 6 - 1) / 2) + 1 = 4.
# Chosen so that the usual slips give answers different from the right one.
WIDTH_PROBLEM = dict(I=10, K=4, S=2, P=2, D=2)


def _slips(I, K, S, P, D):
    """(value, hint) for the typical wrong output-size formulas at one geometry."""
    span = D * (K - 1) + 1
    return [
        (math.ceil((I + 2 * P - span) / S) + 1,
         msg("you rounded up. A window that would stick out past the (padded) input is not "
             "computed, so take the floor: floor((I + 2P - D(K-1) - 1) / S) + 1.")),
        ((I + P - span) // S + 1,
         msg("it looks like the padding was added once. Padding goes on both sides: use 2P.")),
        ((I + 2 * P - span) // S,
         msg("you forgot the final + 1: the first window position is not counted by the "
             "division.")),
        ((I + 2 * P - D * (K - 1)) // S + 1,
         msg("you forgot the - 1: the window reaches D(K-1) + 1 pixels, so subtract all of that "
             "from the padded length.")),
        ((I - span) // S + 1,
         msg("the padding is missing: the window slides over I + 2P positions, not I.")),
        ((I + 2 * P - K) // S + 1,
         msg("you used the kernel size K where the window's reach is needed. With dilation D a "
             "K-tap kernel spans D(K-1) + 1 input pixels.")),
        (I + 2 * P - span + 1,
         msg("you forgot the stride: the window moves S pixels at a time, so divide by S (and "
             "take the floor).")),
        (I - K + 1,
         msg("that is the simple formula I - K + 1, which only holds for stride 1, padding 0 "
             "and dilation 1.")),
        ((I + 2 * P - D * K) // S + 1,
         msg("you took the dilated kernel's reach as D·K; it is D(K-1) + 1 (K taps, D-1 gaps "
             "between neighbours).")),
    ]


def _or(hints):
    """Several hints that fit the same number, joined: 'A Or: B'."""
    joined = hints[0]
    for hint in hints[1:]:
        joined = msg("{first} Or: {second}", first=joined, second=hint)
    return joined


@checker
def output_width(answer) -> Verdict:
    """Exercise 1: the output width for I=10, K=4, S=2, P=2, D=2 (an int)."""
    value = as_number(answer, msg("your answer"))
    g = WIDTH_PROBLEM
    expected = output_size(g["I"], g["K"], g["S"], g["P"], g["D"])
    if value != math.floor(value):
        return not_yet(msg("{value} is not a whole number: the output size counts window "
                           "positions, so take the floor of the division before adding 1.",
                           value=fmt(value)))
    value = int(value)
    if value == expected:
        return number_note(answer, correct(msg("the window reaches {reach} pixels and fits at "
                                               "{count} positions of the padded input.",
                                               reach=g["D"] * (g["K"] - 1) + 1, count=expected)))
    hints = [hint for wrong, hint in _slips(**g) if wrong == value]
    if hints:  # several slips can land on the same number: name them all
        return not_yet(msg("{value} is a typical slip: {hint}", value=value, hint=_or(hints)))
    if value <= 0:
        return not_yet(msg("{value} windows is impossible: at least one window fits here.",
                           value=value))
    return fallback(msg("{value} is not it. Write out floor((I + 2P - D(K-1) - 1) / S) + 1 step "
                        "by step: the padded length, the window's reach, the division.",
                        value=value))


def _sweep():
    """Geometries (I, K, S, P, D) that a correct formula must get right; all valid."""
    for I, K, S, P, D in itertools.product((5, 6, 7, 10), (1, 2, 3, 4), (1, 2, 3), (0, 1, 2),
                                           (1, 2)):
        if D * (K - 1) + 1 <= I + 2 * P:
            yield I, K, S, P, D


def _geometry_text(g):
    return msg("for I={I}, K={K}, S={S}, P={P}, D={D}", I=g[0], K=g[1], S=g[2], P=g[3], D=g[4])


@checker
def output_size_formula(fn) -> Verdict:
    """Exercise 2: ``fn(I, K, S, P, D)`` must return the output size for every geometry."""
    fn = as_function(fn)
    geometries = list(_sweep())
    answers = []
    for g in geometries:
        where = _geometry_text(g)
        got = call_student(fn, *g, where=where)
        try:
            value = as_number(got, msg("what your function returns"))
        except Reject as reject:
            return Verdict(False, msg("{where}: {hint}", where=where, hint=reject.verdict.message),
                           "input")
        if value != math.floor(value):
            return not_yet(msg("{where}, your function returns {value}, which is not a whole "
                               "number: take the floor of the division (// in Python) before "
                               "adding 1.", where=where, value=fmt(value)))
        answers.append(int(value))
    expected = [output_size(*g) for g in geometries]
    wrong = sum(a != e for a, e in zip(answers, expected))
    if wrong == 0:
        return correct(msg("your formula agrees with convkit on all {count} geometries.",
                           count=len(geometries)))
    # Does the function match one typical slip everywhere?
    for slip in range(len(_slips(*geometries[0]))):
        if answers == [_slips(*g)[slip][0] for g in geometries]:
            return not_yet(msg("your formula gets {wrong} of {count} geometries wrong, always the "
                               "same way: {hint}", wrong=wrong, count=len(geometries),
                               hint=_slips(*geometries[0])[slip][1]))
    first = next(i for i, (a, e) in enumerate(zip(answers, expected)) if a != e)
    hints = [hint for value, hint in _slips(*geometries[first]) if value == answers[first]]
    if hints:
        return not_yet(msg("{where}, your function returns {got}, expected {want} ({wrong} of "
                           "{count} geometries differ). At this geometry that is a typical slip: "
                           "{hint}", where=_geometry_text(geometries[first]), got=answers[first],
                           want=expected[first], wrong=wrong, count=len(geometries),
                           hint=_or(hints)))
    return fallback(msg("{where}, your function returns {got}, expected {want} ({wrong} of {count} "
                        "geometries differ).", where=_geometry_text(geometries[first]),
                        got=answers[first], want=expected[first], wrong=wrong,
                        count=len(geometries)))


# Exercise 3: one output pixel by hand.
ONE_OUTPUT_AT = (1, 2)  # (row, column) of the 3x3 output


def one_output_problem():
    """The data for exercise 3: x (5, 5) and k (3, 3), small integers (new copies)."""
    x = np.array([[1, 0, 2, 1, 3],
                  [0, 2, 1, 3, 1],
                  [3, 1, 0, 2, 2],
                  [1, 2, 3, 0, 1],
                  [2, 0, 1, 1, 0]])
    k = np.array([[1, 0, -1],
                  [2, 1, 0],
                  [0, -1, 1]])
    return x, k


@checker
def one_output(answer) -> Verdict:
    """Exercise 3: the cross-correlation output at row 1, column 2 of ``one_output_problem()``."""
    value = as_number(answer, msg("your answer"))
    x, k = one_output_problem()
    z = correlate_2d(x, k)
    row, col = ONE_OUTPUT_AT
    if np.isclose(value, z[row, col]):
        return number_note(answer, correct(msg(
            "z[{row}, {col}] = sum of x[{row}:{row_end}, {col}:{col_end}] * k = {value}.",
            row=row, col=col, row_end=row + 3, col_end=col + 3, value=fmt(z[row, col]))))
    if np.isclose(value, correlate_2d(x, k[::-1, ::-1])[row, col]):
        return not_yet(msg("that is the true convolution: you flipped the kernel. Deep-learning "
                           "libraries (and this course) use cross-correlation: multiply "
                           "x[r+i, c+j] by k[i, j] with the kernel as it is."))
    if np.isclose(value, z[col, row]):
        return not_yet(msg("that is output (row {col}, column {row}): rows and columns are "
                           "swapped. The window of output ({row}, {col}) starts at input row "
                           "{row}, column {col}.", row=row, col=col))
    if np.isclose(value, correlate_2d(x, k.T)[row, col]):
        return not_yet(msg("that uses the kernel transposed: k[i, j] multiplies x[r+i, c+j], "
                           "with i the row and j the column."))
    block = x[row:row + 3, col:col + 3]
    if np.isclose(value, np.sum(block)):
        return not_yet(msg("that is the sum of the window's inputs alone: multiply each by its "
                           "weight k[i, j] first."))
    if np.isclose(value, -z[row, col]):
        return not_yet(msg("the right size with the wrong sign: check the signs of the kernel's "
                           "negative weights."))
    others = [(r, c) for r in range(z.shape[0]) for c in range(z.shape[1])
              if np.isclose(value, z[r, c])]
    if others:
        r, c = others[0]
        return not_yet(msg("that is the output at row {r}, column {c}; the window of output "
                           "({row}, {col}) covers input rows {row}..{row_end} and columns "
                           "{col}..{col_end}.", r=r, c=c, row=row, col=col, row_end=row + 2,
                           col_end=col + 2))
    return fallback(msg("{value} is not it. Take the 3x3 block x[{row}:{row_end}, "
                        "{col}:{col_end}], multiply it element by element with k, and add up the "
                        "nine products.", value=fmt(value), row=row, col=col, row_end=row + 3,
                        col_end=col + 3))
