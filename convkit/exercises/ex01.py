"""Checkers for notebook 01 · correlation and output size.

    from convkit.exercises import ex01
    ex01.output_width(answer)           # one output size, worked out by hand
    ex01.output_size_formula(my_fn)     # your own output-size function, tried on a sweep
    x, k = ex01.one_output_problem()    # 5x5 input, 3x3 kernel (2-D arrays)
    ex01.one_output(answer)             # the output at row 1, column 2, by hand
"""
from __future__ import annotations

import itertools
import math
import numbers

import numpy as np

from ._core import Verdict, correct, correlate_2d, not_yet
from ..geometry import output_size

__all__ = ["WIDTH_PROBLEM", "output_width", "output_size_formula",
           "ONE_OUTPUT_AT", "one_output_problem", "one_output"]

# Exercise 1: I=10, K=4, S=2, P=2, D=2 -> floor((10 + 4 - 6 - 1) / 2) + 1 = 4.
# Chosen so that the usual slips give answers different from the right one.
WIDTH_PROBLEM = dict(I=10, K=4, S=2, P=2, D=2)


def _is_empty(answer):
    return answer is None or answer is Ellipsis


def _as_number(answer):
    """A plain Python number from an int/float/0-d array, or None when it is not one."""
    if isinstance(answer, (bool, np.bool_)):
        return None
    if isinstance(answer, np.ndarray) and answer.size == 1:
        answer = answer.item()
    if isinstance(answer, numbers.Real):
        return answer
    return None


def _slips(I, K, S, P, D):
    """(value, hint) for the typical wrong output-size formulas at one geometry."""
    span = D * (K - 1) + 1
    return [
        (math.ceil((I + 2 * P - span) / S) + 1,
         "you rounded up. A window that would stick out past the (padded) input is not "
         "computed, so take the floor: floor((I + 2P - D(K-1) - 1) / S) + 1."),
        ((I + P - span) // S + 1,
         "it looks like the padding was added once. Padding goes on both sides: use 2P."),
        ((I + 2 * P - span) // S,
         "you forgot the final + 1: the first window position is not counted by the division."),
        ((I + 2 * P - D * (K - 1)) // S + 1,
         "you forgot the - 1: the window reaches D(K-1) + 1 pixels, so subtract all of that "
         "from the padded length."),
        ((I - span) // S + 1,
         "the padding is missing: the window slides over I + 2P positions, not I."),
        ((I + 2 * P - K) // S + 1,
         "you used the kernel size K where the window's reach is needed. With dilation D a "
         "K-tap kernel spans D(K-1) + 1 input pixels."),
        (I + 2 * P - span + 1,
         "you forgot the stride: the window moves S pixels at a time, so divide by S "
         "(and take the floor)."),
        (I - K + 1,
         "that is the simple formula I - K + 1, which only holds for stride 1, padding 0 "
         "and dilation 1."),
    ]


def output_width(answer) -> Verdict:
    """Exercise 1: the output width for I=10, K=4, S=2, P=2, D=2 (an int)."""
    if _is_empty(answer):
        return not_yet("your answer is still empty: replace the ... with a number.")
    value = _as_number(answer)
    if value is None:
        return not_yet(f"the answer should be one number, got {type(answer).__name__}.")
    g = WIDTH_PROBLEM
    expected = output_size(g["I"], g["K"], g["S"], g["P"], g["D"])
    if value != int(value):
        return not_yet(f"{value} is not a whole number: the output size counts window "
                       "positions, so take the floor of the division before adding 1.")
    value = int(value)
    if value == expected:
        return correct(f"the window reaches {g['D'] * (g['K'] - 1) + 1} pixels and fits at "
                       f"{expected} positions of the padded input.")
    hints = [hint for wrong, hint in _slips(**g) if wrong == value]
    if hints:  # several slips can land on the same number: name them all
        return not_yet(f"{value} is a typical slip: " + " Or: ".join(hints))
    return not_yet(f"{value} is not it. Write out floor((I + 2P - D(K-1) - 1) / S) + 1 "
                   "step by step: the padded length, the window's reach, the division.")


def _sweep():
    """Geometries (I, K, S, P, D) that a correct formula must get right; all valid."""
    for I, K, S, P, D in itertools.product((5, 6, 7, 10), (1, 2, 3, 4), (1, 2, 3), (0, 1, 2),
                                           (1, 2)):
        if D * (K - 1) + 1 <= I + 2 * P:
            yield I, K, S, P, D


def output_size_formula(fn) -> Verdict:
    """Exercise 2: ``fn(I, K, S, P, D)`` must return the output size for every geometry."""
    if not callable(fn):
        return not_yet(f"hand in your function itself (no brackets), got {type(fn).__name__}.")
    geometries = list(_sweep())
    answers = []
    for g in geometries:
        text = "I={}, K={}, S={}, P={}, D={}".format(*g)
        try:
            got = fn(*g)
        except Exception as err:  # a student's function may fail in any way
            return not_yet(f"your function raised {type(err).__name__}: {err} (for {text}).")
        if _is_empty(got):
            return not_yet("your function still returns ... / None: write the formula.")
        value = _as_number(got)
        if value is None:
            return not_yet(f"your function should return a number, got "
                           f"{type(got).__name__} (for {text}).")
        if value != int(value):
            return not_yet(f"for {text} your function returns {value}, which is not a whole "
                           "number: take the floor of the division (// in Python) before adding 1.")
        answers.append(int(value))
    expected = [output_size(*g) for g in geometries]
    if answers == expected:
        return correct(f"your formula agrees with convkit on all {len(geometries)} geometries.")
    # Does the function match one typical slip everywhere it is wrong?
    for slip in range(len(_slips(*geometries[0]))):
        wrong = [_slips(*g)[slip][0] for g in geometries]
        if answers == wrong:
            return not_yet(f"your formula gets {sum(a != e for a, e in zip(answers, expected))} "
                           f"of {len(geometries)} geometries wrong, always the same way: "
                           f"{_slips(*geometries[0])[slip][1]}")
    first = next(i for i, (a, e) in enumerate(zip(answers, expected)) if a != e)
    text = "I={}, K={}, S={}, P={}, D={}".format(*geometries[first])
    return not_yet(f"for {text} your function returns {answers[first]}, expected "
                   f"{expected[first]} ({sum(a != e for a, e in zip(answers, expected))} of "
                   f"{len(geometries)} geometries differ).")


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


def one_output(answer) -> Verdict:
    """Exercise 3: the cross-correlation output at row 1, column 2 of ``one_output_problem()``."""
    if _is_empty(answer):
        return not_yet("your answer is still empty: replace the ... with a number.")
    value = _as_number(answer)
    if value is None:
        return not_yet(f"the answer should be one number, got {type(answer).__name__}.")
    x, k = one_output_problem()
    z = correlate_2d(x, k)
    row, col = ONE_OUTPUT_AT
    if np.isclose(value, z[row, col]):
        return correct(f"z[{row}, {col}] = sum of x[{row}:{row + 3}, {col}:{col + 3}] * k = "
                       f"{z[row, col]:g}.")
    flipped = correlate_2d(x, k[::-1, ::-1])
    if np.isclose(value, flipped[row, col]):
        return not_yet("that is the true convolution: you flipped the kernel. Deep-learning "
                       "libraries (and this course) use cross-correlation: multiply x[r+i, c+j] "
                       "by k[i, j] with the kernel as it is.")
    if np.isclose(value, z[col, row]):
        return not_yet(f"that is output (row {col}, column {row}): rows and columns are "
                       f"swapped. The window of output ({row}, {col}) starts at input row "
                       f"{row}, column {col}.")
    if np.isclose(value, correlate_2d(x, k.T)[row, col]):
        return not_yet("that uses the kernel transposed: k[i, j] multiplies x[r+i, c+j], "
                       "with i the row and j the column.")
    others = [(r, c) for r in range(z.shape[0]) for c in range(z.shape[1])
              if np.isclose(value, z[r, c])]
    if others:
        r, c = others[0]
        return not_yet(f"that is the output at row {r}, column {c}; the window of output "
                       f"({row}, {col}) covers input rows {row}..{row + 2} and columns "
                       f"{col}..{col + 2}.")
    return not_yet(f"{value} is not it. Take the 3x3 block x[{row}:{row + 3}, {col}:{col + 3}], "
                   "multiply it element by element with k, and add up the nine products.")
