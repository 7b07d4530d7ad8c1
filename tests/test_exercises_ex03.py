"""ex03 checkers: the right answer passes, each typical slip gets its own hint."""
import numpy as np
import pytest

from convkit_course.exercises import ex03
from notebook_text import notebook_text


def scatter_dx(dz, k, input_size):
    """dX by the chain rule, one multiply-add at a time: every output sends dz * weight back
    to the input that weight met (independent of convkit)."""
    dx = np.zeros(input_size)
    for r in range(dz.shape[0]):
        for c in range(dz.shape[1]):
            for i in range(k.shape[0]):
                for j in range(k.shape[1]):
                    dx[r + i, c + j] += dz[r, c] * k[i, j]
    return dx


def full_correlation(dz, k, pad):
    """Pad dz by `pad` and cross-correlate with k (valid), written out."""
    p = np.pad(dz.astype(float), pad)
    kh, kw = k.shape
    return np.array([[np.sum(p[r:r + kh, c:c + kw] * k) for c in range(p.shape[1] - kw + 1)]
                     for r in range(p.shape[0] - kh + 1)])


def test_input_gradient_right_answer():
    dz, k = ex03.dx_problem()
    right = scatter_dx(dz, k, (5, 5))
    np.testing.assert_allclose(full_correlation(dz, k[::-1, ::-1], 2), right)  # the notebook's claim
    for form in (right, right[None, None], right.tolist()):
        verdict = ex03.input_gradient(form)
        assert verdict, verdict
        assert str(verdict).startswith("✔ Correct")


@pytest.mark.parametrize("mistake, hint", [
    ("not-rotated", "the kernel is not rotated"),
    ("transposed", "you transposed the kernel"),
    ("flip-up-down", "up-down only"),
    ("flip-left-right", "left-right only"),
    ("rotated-dz", "rotated dZ instead of the kernel"),
    ("no-pad", "1x1 but the input is 5x5: you did not pad dZ"),
    ("pad-1", "3x3 but the input is 5x5: you padded dZ by 1"),
    ("pad-K", "7x7 but the input is 5x5: you padded dZ by 3"),
    ("flat", "reshape it"),
    ("off-by-one-entry", "1 of 25 entries differ"),
    ("empty", "still empty"),
    ("string", "not a string"),
])
def test_input_gradient_wrong_answers(mistake, hint):
    dz, k = ex03.dx_problem()
    rot = k[::-1, ::-1]
    answer = {
        "not-rotated": lambda: full_correlation(dz, k, 2),
        "transposed": lambda: full_correlation(dz, k.T, 2),
        "flip-up-down": lambda: full_correlation(dz, k[::-1, :], 2),
        "flip-left-right": lambda: full_correlation(dz, k[:, ::-1], 2),
        "rotated-dz": lambda: full_correlation(dz[::-1, ::-1], k, 2),
        "no-pad": lambda: full_correlation(dz, rot, 0),
        "pad-1": lambda: full_correlation(dz, rot, 1),
        "pad-K": lambda: full_correlation(dz, rot, 3),
        "flat": lambda: scatter_dx(dz, k, (5, 5)).ravel(),
        "off-by-one-entry": lambda: scatter_dx(dz, k, (5, 5)) + np.eye(5)[0] * np.eye(5)[:, 0][:, None],
        "empty": lambda: ...,
        "string": lambda: "dx",
    }[mistake]()
    verdict = ex03.input_gradient(answer)
    assert not verdict
    assert hint in str(verdict), str(verdict)


def test_dx_problem_keeps_the_slips_apart():
    # every diagnosed slip must give a dX different from the right one for this data
    dz, k = ex03.dx_problem()
    right = scatter_dx(dz, k, (5, 5))
    for wrong_k in (k, k.T, k[::-1, :], k[:, ::-1]):
        assert not np.allclose(full_correlation(dz, wrong_k, 2), right)


# Counted by hand for a 4x6 input and a 3x3 kernel (output 2x4): rows are covered by
# 1, 2, 2, 1 windows, columns by 1, 2, 3, 3, 2, 1.
COUNTS_4x6_3x3 = np.array([[1, 2, 3, 3, 2, 1],
                           [2, 4, 6, 6, 4, 2],
                           [2, 4, 6, 6, 4, 2],
                           [1, 2, 3, 3, 2, 1]])


def test_participation_right_answer():
    assert ex03.PARTICIPATION_PROBLEM == dict(input_size=(4, 6), kernel_size=(3, 3))
    assert COUNTS_4x6_3x3.sum() == 2 * 4 * 9
    verdict = ex03.participation(COUNTS_4x6_3x3)
    assert verdict, verdict
    assert "72" in str(verdict)
    assert ex03.participation(COUNTS_4x6_3x3.astype(float).tolist())


@pytest.mark.parametrize("answer, hint", [
    (..., "still empty"),
    (COUNTS_4x6_3x3.T, "transposed: shape (6, 4)"),
    (np.full((2, 4), 9), "the output's shape"),
    (COUNTS_4x6_3x3 + 1, "add up to 96"),
    (np.roll(COUNTS_4x6_3x3, 1, axis=1), "total is right"),
    (np.array([list("abcdef")] * 4), "holds text"),
    (np.ones((5, 5)), "shape (5, 5); expected (4, 6)"),
], ids=["empty", "transposed", "output-shape", "wrong-total", "shifted", "strings", "article-size"])
def test_participation_wrong_answers(answer, hint):
    verdict = ex03.participation(answer)
    assert not verdict
    assert hint in str(verdict), str(verdict)


def test_notebook_states_the_problem_the_checker_judges():
    h, w = ex03.PARTICIPATION_PROBLEM["input_size"]
    kh, kw = ex03.PARTICIPATION_PROBLEM["kernel_size"]
    text = notebook_text("03_input-gradient")
    assert f"For a **{h}×{w}** input ({h} rows, {w} columns) and a {kh}×{kw} kernel" in text
