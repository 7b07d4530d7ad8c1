"""ex01 checkers: the right answer passes, each typical slip gets its own hint."""
import math

import numpy as np
import pytest

from convkit_course.exercises import ex01
from notebook_text import notebook_text


def count_positions(I, K, S=1, P=0, D=1):
    """Window positions along one axis, counted by sliding (independent of any formula)."""
    reach, start, count = D * (K - 1) + 1, 0, 0
    while start + reach <= I + 2 * P:
        count, start = count + 1, start + S
    return count


# --------------------------------------------------------------------- exercise 1
def test_output_width_right_answer():
    g = ex01.WIDTH_PROBLEM
    right = count_positions(g["I"], g["K"], g["S"], g["P"], g["D"])
    assert right == 4  # 10 + 2*2 = 14 padded pixels, reach 7: starts 0, 2, 4, 6
    for form in (right, float(right), np.int64(right), np.array(right)):
        verdict = ex01.output_width(form)
        assert verdict, verdict
        assert str(verdict).startswith("✔ Correct")


@pytest.mark.parametrize("answer, hint", [
    (None, "still empty"),
    (..., "still empty"),
    ("four", "not a string"),
    (4.5, "not a whole number"),
    (5, "rounded up"),              # ceil
    (3, "padding was added once"),   # P instead of 2P (also: forgot + 1)
    (2, "padding is missing"),
    (6, "kernel size K where the window's reach"),
    (8, "forgot the stride"),
    (7, "simple formula I - K + 1"),
    (11, "is not it"),
], ids=["none", "ellipsis", "string", "no-floor", "ceil", "pad-once", "no-pad", "undilated",
        "no-stride", "simple-formula", "other"])
def test_output_width_wrong_answers(answer, hint):
    verdict = ex01.output_width(answer)
    assert not verdict
    assert str(verdict).startswith("✘ Not yet")
    assert hint in str(verdict)


def test_output_width_names_both_slips_when_they_coincide():
    # 3 is both "P instead of 2P" and "forgot the + 1" for this geometry
    text = str(ex01.output_width(3))
    assert "padding was added once" in text and "forgot the final + 1" in text


# --------------------------------------------------------------------- exercise 2
def right_formula(I, K, S=1, P=0, D=1):
    return (I + 2 * P - D * (K - 1) - 1) // S + 1


def test_output_size_formula_right_answers():
    assert ex01.output_size_formula(right_formula)
    assert ex01.output_size_formula(count_positions)  # counting is right too
    assert ex01.output_size_formula(lambda I, K, S, P, D: math.floor((I + 2 * P - D * (K - 1) - 1) / S) + 1)


@pytest.mark.parametrize("fn, hint", [
    (lambda I, K, S, P, D: ..., "returned Ellipsis"),
    (lambda I, K, S, P, D: (I + 2 * P - D * (K - 1) - 1) / S + 1, "not a whole number"),
    (lambda I, K, S, P, D: math.ceil((I + 2 * P - D * (K - 1) - 1) / S) + 1, "rounded up"),
    (lambda I, K, S, P, D: (I + P - D * (K - 1) - 1) // S + 1, "padding was added once"),
    (lambda I, K, S, P, D: (I - D * (K - 1) - 1) // S + 1, "padding is missing"),
    (lambda I, K, S, P, D: (I + 2 * P - K) // S + 1, "kernel size K where"),
    (lambda I, K, S, P, D: (I + 2 * P - D * (K - 1) - 1) // S, "forgot the final + 1"),
    (lambda I, K, S, P, D: (I + 2 * P - D * (K - 1)) // S + 1, "forgot the - 1"),
    (lambda I, K, S, P, D: I + 2 * P - D * (K - 1), "forgot the stride"),
    (lambda I, K, S, P, D: I - K + 1, "simple formula"),
    (lambda I, K, S, P, D: 1 / 0, "raised ZeroDivisionError"),
    (lambda I, K, S, P, D: "3", "remove the quotes"),
    (lambda I, K, S, P, D: right_formula(I, K, S, P, D) + (I == 7), "for I=7"),
    (3, "function itself"),
], ids=["ellipsis", "no-floor", "ceil", "pad-once", "no-pad", "undilated", "no-plus-1",
        "no-minus-1", "no-stride", "simple-formula", "raises", "string", "other", "not-callable"])
def test_output_size_formula_wrong_answers(fn, hint):
    verdict = ex01.output_size_formula(fn)
    assert not verdict
    assert hint in str(verdict), str(verdict)


# --------------------------------------------------------------------- exercise 3
def test_one_output_problem_is_a_fresh_copy():
    x, k = ex01.one_output_problem()
    x[:] = 0
    assert ex01.one_output_problem()[0].any()


def block_sum(x, k, r, c):
    """The window of output (r, c), multiplied and summed, written out (no convkit)."""
    return sum(x[r + i, c + j] * k[i, j] for i in range(k.shape[0]) for j in range(k.shape[1]))


def test_one_output_right_answer():
    x, k = ex01.one_output_problem()
    r, c = ex01.ONE_OUTPUT_AT
    right = block_sum(x, k, r, c)
    assert ex01.one_output(right)
    assert ex01.one_output(float(right))


@pytest.mark.parametrize("mistake, hint", [
    ("flipped", "true convolution"),
    ("swapped", "rows and columns are swapped"),
    ("transposed-kernel", "kernel transposed"),
    ("other-output", "that is the output at row 0, column 0"),
    ("nonsense", "is not it"),
    ("empty", "still empty"),
    ("list", "should be one number"),
])
def test_one_output_wrong_answers(mistake, hint):
    x, k = ex01.one_output_problem()
    r, c = ex01.ONE_OUTPUT_AT
    answer = {
        "flipped": lambda: block_sum(x, k[::-1, ::-1], r, c),
        "swapped": lambda: block_sum(x, k, c, r),
        "transposed-kernel": lambda: block_sum(x, k.T, r, c),
        "other-output": lambda: block_sum(x, k, 0, 0),
        "nonsense": lambda: 1000,
        "empty": lambda: ...,
        "list": lambda: [1, 2],
    }[mistake]()
    verdict = ex01.one_output(answer)
    assert not verdict
    assert hint in str(verdict), str(verdict)


def test_one_output_slips_are_distinguishable():
    # The exercise data must keep the right answer apart from every slip it diagnoses.
    x, k = ex01.one_output_problem()
    r, c = ex01.ONE_OUTPUT_AT
    values = [block_sum(x, k, r, c), block_sum(x, k[::-1, ::-1], r, c), block_sum(x, k, c, r),
              block_sum(x, k.T, r, c)]
    assert len(set(values)) == len(values)



def test_notebook_states_the_problems_the_checkers_judge():
    # The exercise text and the checker must describe the same problem.
    text = notebook_text("01_correlation-and-output-size")
    g = ex01.WIDTH_PROBLEM
    assert (f"{g['I']} pixels long; the kernel has {g['K']} taps, stride {g['S']}, "
            f"padding {g['P']}, dilation {g['D']}") in text
    assert "output at **row {}, column {}**".format(*ex01.ONE_OUTPUT_AT) in text
