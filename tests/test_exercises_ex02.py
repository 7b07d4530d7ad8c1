"""ex02 checkers: the right answer passes, each typical slip gets its own hint."""
import numpy as np
import pytest

from convkit_course.exercises import ex02
from notebook_text import notebook_text

# Row 5 of the article's 整容 matrix (COURSE.md §1): the inputs output 5 reads.
OUTPUT_5_READS = [7, 8, 9, 12, 13, 14, 17, 18, 19]


def test_window_ids_right_answer():
    assert ex02.WINDOW_OUTPUT == 5
    for form in (OUTPUT_5_READS, np.array(OUTPUT_5_READS), np.array(OUTPUT_5_READS).reshape(3, 3),
                 tuple(float(i) for i in OUTPUT_5_READS)):
        verdict = ex02.window_ids(form)
        assert verdict, verdict
        assert str(verdict).startswith("✔ Correct")


@pytest.mark.parametrize("answer, hint", [
    (..., "still empty"),
    ([5, 6, 7, 10, 11, 12, 15, 16, 17], "the output's id"),
    ([11, 12, 13, 16, 17, 18, 21, 22, 23], "rows and columns are swapped"),
    (list(range(7, 16)), "not 9 ids in a row"),
    (OUTPUT_5_READS[::-1], "kernel-id order"),
    ([7, 8, 9], "you gave 3 ids"),
    ("seven", "not a string"),
    ([0, 1, 2, 5, 6, 7, 10, 11, 12], "output 5 sits at output row 1, column 2"),
], ids=["empty", "output-id-as-input-id", "swapped", "one-row", "order", "too-few", "string",
        "other-window"])
def test_window_ids_wrong_answers(answer, hint):
    verdict = ex02.window_ids(answer)
    assert not verdict
    assert str(verdict).startswith("✘ Not yet")
    assert hint in str(verdict), str(verdict)


def one_output(x, k, r, c):
    """Output (r, c) from the definition, one multiply-add at a time."""
    kh, kw = k.shape
    return sum(x[r + i, c + j] * k[i, j] for i in range(kh) for j in range(kw))


def test_forward_one_right_answers():
    assert ex02.forward_one(one_output)
    assert ex02.forward_one(lambda x, k, r, c: np.sum(x[r:r + k.shape[0], c:c + k.shape[1]] * k))


def test_forward_one_agrees_with_the_article_example():
    # independent of the checker: output 0 of the ids example is 312 (notebook 01)
    assert one_output(np.arange(25).reshape(5, 5), np.arange(9).reshape(3, 3), 0, 0) == 312


@pytest.mark.parametrize("fn, hint", [
    (lambda x, k, r, c: ..., "returned Ellipsis"),
    (lambda x, k, r, c: one_output(x, k[::-1, ::-1], r, c), "true convolution"),
    (lambda x, k, r, c: one_output(x, k, c, r) if x.shape == (5, 5) else 0.0, "rows and columns are swapped"),
    (lambda x, k, r, c: one_output(x, k.T, r, c) if x.shape == (5, 5) else 0.0, "kernel is used transposed"),
    (lambda x, k, r, c: x[r:r + k.shape[0], c:c + k.shape[1]] * k, "add up the products"),
    (lambda x, k, r, c: np.sum(x[r:r + 3, c:c + 3] * k), "Use k.shape for the window size"),
    (lambda x, k, r, c: sum(x[r + i, c + j] * k[i, j] for i in range(3) for j in range(2)),
     "misses its last column"),
    (lambda x, k, r, c: "312", "remove the quotes"),
    (7, "function itself"),
], ids=["empty", "flipped", "swapped", "kernel-transposed", "no-sum", "fixed-3x3",
        "wrong-range", "string", "not-callable"])
def test_forward_one_wrong_answers(fn, hint):
    verdict = ex02.forward_one(fn)
    assert not verdict
    assert hint in str(verdict), str(verdict)


def test_forward_one_does_not_let_the_student_mutate_the_problem():
    def vandal(x, k, r, c):
        k[:] = 0  # must not change what the checker compares against
        return one_output(x, k, r, c)
    assert not ex02.forward_one(vandal)
    assert ex02.forward_one(one_output)


def test_notebook_states_the_problem_the_checker_judges():
    text = notebook_text("02_forward-map")
    assert f"Which input ids does **output {ex02.WINDOW_OUTPUT}** read?" in text
    # the worked example must not print this exercise's answer
    assert f"z{ex02.WINDOW_OUTPUT} = x" not in notebook_text("02_forward-map", outputs=True)
