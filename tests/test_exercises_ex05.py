"""ex05's checkers: the right answers pass, the typical wrong ones get their specific hint."""
from __future__ import annotations

import numpy as np
import pytest

from convkit_course.exercises import ex05
from notebook_text import notebook_text


# --------------------------------------------------------------------------- exercise 1
def slide(h, k, s, p, d):
    """Window positions along one axis, counted by sliding the window (no formula)."""
    reach, start, n = d * (k - 1) + 1, 0, 0
    while start + reach <= h + 2 * p:
        n, start = n + 1, start + s
    return n


def test_output_sizes_right_answer():
    # worked per geometry:
    #   H=7,  K=2, S=3, P=0, D=2: reach 3, windows start at 0, 3 (6 would need 6..8) -> 2
    #   H=12, K=4, S=2, P=2, D=2: padded 16, reach 7, starts 0, 2, 4, 6, 8        -> 5
    #   H=7,  K=2, S=1, P=2, D=3: padded 11, reach 4, starts 0..7                   -> 8
    assert ex05.OUTPUT_SIZE_PROBLEMS == [(7, 2, 3, 0, 2), (12, 4, 2, 2, 2), (7, 2, 1, 2, 3)]
    right = [slide(*g) for g in ex05.OUTPUT_SIZE_PROBLEMS]
    assert right == [2, 5, 8]
    assert ex05.output_sizes(right)


@pytest.mark.parametrize("answer, hint", [
    (..., "still empty"),
    ([2, 5], "give 3 numbers"),
    ([7 / 3, 5.5, 8], "cannot stop half-way"),
    ([2.33, 5, 8], "you gave 2.33: a window cannot stop half-way"),
    ([2, 7, 10], "dilation is ignored"),
    ([2, 3, 4], "padding is ignored"),
    ([2, 4, 6], "add 2P, not P"),
    ([1, 4, 7], "ends in + 1"),
    ([5, 10, 8], "stride is ignored"),
    ([2, 5, 99], "expected 8"),
    ("333", "remove the quotes"),
], ids=["empty", "too-few", "no-floor", "no-floor-rounded", "no-dilation", "no-padding",
        "pad-once", "no-plus-one", "no-stride", "other", "text"])
def test_output_sizes_hints(answer, hint):
    verdict = ex05.output_sizes(answer)
    assert not verdict and hint in repr(verdict), repr(verdict)


def test_padding_added_once_is_no_longer_praised():
    """The old geometries all gave 3, so [3, 3, 3] ('padding added once') was praised."""
    pad_once = [(h + p - d * (k - 1) - 1) // s + 1 for h, k, s, p, d in ex05.OUTPUT_SIZE_PROBLEMS]
    assert not ex05.output_sizes(pad_once)
    assert not ex05.output_sizes([3, 3, 3])


def test_notebook_asks_for_the_problems_the_checker_judges():
    text = notebook_text("05_stride-padding-dilation")
    assert "For each geometry (H, K, S, P, D) in `ex05.OUTPUT_SIZE_PROBLEMS`" in text


# --------------------------------------------------------------------------- exercise 2
# 6x5 input, 3x3 kernel, stride 2: rows are covered by windows at 0-2 and 2-4 (row 5 never),
# columns by windows at 0-2 and 2-4, so a count is (windows on its row) x (on its column)
ROWS = np.array([1, 1, 2, 1, 1, 0])
COLS = np.array([1, 1, 2, 1, 1])


def test_counts_right_answer():
    verdict = ex05.counts(np.outer(ROWS, COLS))
    assert verdict and "add up to 36" in repr(verdict)


@pytest.mark.parametrize("answer, hint", [
    (None, "still empty"),
    (np.outer([1, 2, 3, 3, 2, 1], [1, 2, 3, 2, 1]), "stride-1 counts"),
    (np.outer([1, 1, 2, 1, 1, 1], COLS), "row 5 takes part in nothing"),
    (np.outer(COLS, ROWS), "transposed"),      # (5, 6): named before "reshape"
    (np.outer(ROWS, COLS) + np.eye(6, 5, dtype=int), "must add up to"),
], ids=["empty", "stride-1", "no-floor", "transposed-shape", "other"])
def test_counts_hints(answer, hint):
    assert hint in repr(ex05.counts(answer))


# --------------------------------------------------------------------------- exercise 3
def scatter_dx(dz, k, input_size, stride, padding):
    """The right answer, independently: every output scatters dz x weight back to its inputs."""
    h, w = input_size
    kk = k.shape[0]
    dxp = np.zeros((h + 2 * padding, w + 2 * padding))
    for oy in range(dz.shape[0]):
        for ox in range(dz.shape[1]):
            dxp[oy * stride:oy * stride + kk, ox * stride:ox * stride + kk] += dz[oy, ox] * k
    return dxp[padding:padding + h, padding:padding + w]


def correlate(a, k):
    kk = k.shape[0]
    out = np.empty((a.shape[0] - kk + 1, a.shape[1] - kk + 1))
    for r in range(out.shape[0]):
        for c in range(out.shape[1]):
            out[r, c] = np.sum(a[r:r + kk, c:c + kk] * k)
    return out


def spread(dz, stride):
    out = np.zeros(((dz.shape[0] - 1) * stride + 1, (dz.shape[1] - 1) * stride + 1))
    out[::stride, ::stride] = dz
    return out


def recipe(rotate=True, insert_zeros=True, crop=True, floor_rows=True):
    """The recipe, with one step optionally left out (a typical mistake)."""
    def dx(dz, k, input_size, stride, padding):
        kk = k.shape[0]
        a = spread(dz, stride) if insert_zeros else dz
        before = kk - 1 - (padding if crop else 0)
        after = [before + ((input_size[i] + 2 * padding - ((dz.shape[i] - 1) * stride + kk))
                           if floor_rows else 0) for i in (0, 1)]
        a = np.pad(a, [(max(before, 0), max(after[0], 0)), (max(before, 0), max(after[1], 0))])
        a = a[max(-before, 0):a.shape[0] - max(-after[0], 0), max(-before, 0):a.shape[1] - max(-after[1], 0)]
        return correlate(a, k[::-1, ::-1] if rotate else k)
    return dx


def test_input_gradient_accepts_the_scatter_answer():
    assert ex05.input_gradient(scatter_dx)


def test_input_gradient_accepts_the_recipe():
    assert ex05.input_gradient(recipe())


def raises(dz, k, input_size, stride, padding):
    raise IndexError("index 7 is out of bounds")


@pytest.mark.parametrize("function, hint", [
    (None, "still empty"),
    (scatter_dx(np.ones((1, 1)), np.ones((1, 1)), (1, 1), 1, 0), "pass the function itself"),
    (lambda dz, k, size, s, p: None, "returned None"),
    (raises, "raised IndexError: index 7"),
    (recipe(rotate=False), "unrotated kernel"),
    (recipe(insert_zeros=False), "stride 2"),
    (recipe(crop=False), "padding 1"),
    (recipe(floor_rows=False), "rows the floor dropped"),
], ids=["empty", "not-callable", "returns-none", "raises", "no-rotation", "no-zeros",
        "no-crop", "no-floor-rows"])
def test_input_gradient_hints(function, hint):
    assert hint in repr(ex05.input_gradient(function))


def test_input_gradient_does_not_let_the_student_mutate_its_reference():
    def mutating(dz, k, input_size, stride, padding):
        result = scatter_dx(dz, k, input_size, stride, padding)
        dz[...] = 0
        k[...] = 0
        return result
    assert ex05.input_gradient(mutating)
