"""ex08 checkers: the right answer (computed here, independently) passes; typical mistakes get
their specific hint."""
import numpy as np
import pytest

import convkit as ck
from convkit_course.exercises import ex08


def verdict_says(verdict, hint):
    assert not verdict
    assert str(verdict).startswith("✘ Not yet") and hint in str(verdict), str(verdict)


def right(verdict):
    assert verdict and str(verdict).startswith("✔ Correct"), str(verdict)


# ---------------------------------------------------------------- 1: FLOPs of a forward pass
def count_multiply_adds():
    """Count the loops' multiply-adds by running them on a counter (no formula)."""
    shape = (8, 16, ck.output_size(32, 3, 1, 1), ck.output_size(32, 3, 1, 1))
    # with all-ones data (and no padding zeros) an output is the number of products it summed
    inner = ck.conv2d_loops(np.ones((1, 3, 3, 3)), np.ones((1, 3, 3, 3)))
    return shape, int(inner[0, 0, 0, 0])


def test_flops_right_answer():
    shape, per_output = count_multiply_adds()
    assert per_output == 27
    right(ex08.forward_flops(2 * int(np.prod(shape)) * per_output))
    right(ex08.forward_flops(np.int64(7_077_888)))
    right(ex08.forward_flops(7.077888e6))


@pytest.mark.parametrize("answer, hint", [
    (..., "still empty"),
    ("7077888", "remove the quotes"),
    (True, "truth value"),
    (3_538_944, "2 per multiply-add"),
    (2 * 8 * 16 * 27 * 30 * 30, "stays 32x32"),
    (2 * 16 * 27 * 32 * 32, "left out the batch"),
    (2 * 8 * 16 * 9 * 32 * 32, "input channels"),
    (2 * 8 * 3 * 9 * 32 * 32, "filters"),
    (2 * 8 * 16 * 3 * 32 * 32, "left out the kernel"),
    (12345, "count outputs"),
])
def test_flops_wrong_answers(answer, hint):
    verdict_says(ex08.forward_flops(answer), hint)


# ---------------------------------------------------------------- 2: bytes of the im2col matrix
def test_im2col_bytes_right_answer():
    x = np.zeros((1, 64, 56, 56), dtype=np.float32)              # one image, then times 16
    one = ck.im2col(x, 3, stride=2, padding=1)
    right(ex08.im2col_bytes(16 * one.nbytes))


@pytest.mark.parametrize("answer, hint", [
    (None, "still empty"),
    (16 * 576 * 56 * 56 * 4, "stride 2"),
    (16 * 576 * 28 * 28 * 8, "4 bytes per value"),
    (16 * 576 * 28 * 28, "number of values"),
    (16 * 64 * 28 * 28 * 4, "left out the kernel"),
    (576 * 28 * 28 * 4, "one image"),
    (16 * 576 * 29 * 29 * 4, "floor"),
    (1, "Ho from the output-size formula"),
])
def test_im2col_bytes_wrong_answers(answer, hint):
    verdict_says(ex08.im2col_bytes(answer), hint)


# ---------------------------------------------------------------- 3: the stride-1 flat runs
def article_runs():
    """Find each tap's run by searching the flattened 5x5 index image (no formula)."""
    image = np.arange(25).reshape(5, 5)
    flat = image.ravel()
    starts = []
    for i in range(3):
        for j in range(3):
            first_pixel = image[i, j]  # output (0, 0) meets input (i, j) through tap (i, j)
            starts.append(int(np.flatnonzero(flat == first_pixel)[0]))
    last_output_last_tap = image[2 + 2, 2 + 2]   # output (2, 2), tap (2, 2)
    length = int(last_output_last_tap - starts[-1] + 1)
    return starts, length


def test_flat_runs_right_answer():
    starts, length = article_runs()
    assert (starts, length) == ([0, 1, 2, 5, 6, 7, 10, 11, 12], 13)
    right(ex08.flat_runs(starts, length))
    right(ex08.flat_runs(np.array(starts), np.int64(length)))


@pytest.mark.parametrize("starts, length, hint", [
    (..., 13, "starts is still empty"),
    ([0, 1, 2, 3, 4, 5, 6, 7, 8], 13, "skips a whole image row"),
    ([0, 5, 10, 1, 6, 11, 2, 7, 12], 13, "row by row"),
    ([0, 1, 2, 5, 6, 7, 10, 11], 13, "shape (8,)"),
    ([0, 1, 2, 5, 6, 7, 10, 11, 12], ..., "length is still empty"),
    ([0, 1, 2, 5, 6, 7, 10, 11, 12], 9, "counts outputs"),
    ([0, 1, 2, 5, 6, 7, 10, 11, 12], 15, "past the end"),
    ([0, 1, 2, 5, 6, 7, 10, 11, 12], 25, "whole image"),
    ([0, 1, 2, 5, 6, 7, 10, 11, 12], 14, "Ho-1 full image rows"),
])
def test_flat_runs_wrong_answers(starts, length, hint):
    verdict_says(ex08.flat_runs(starts, length), hint)
