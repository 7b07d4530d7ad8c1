"""ex05's checkers: the right answers pass, the typical wrong ones get their specific hint."""
from __future__ import annotations

import numpy as np
import pytest

from convkit.exercises import ex05


# --------------------------------------------------------------------------- exercise 1
def test_output_sizes_right_answer():
    # by hand: (7-3)//2+1 = 3;  (8+2-3)//3+1 = 3;  (9-3*2-1)//1+1 = 3... worked per geometry:
    #   7x7, K3, S2, P0, D1: windows at 0, 2, 4            -> 3
    #   8, K3, S3, P1: padded 10, windows at 0, 3, 6        -> 3  (9 would need 9..11)
    #   9, K3, S1, P0, D3: reach 7, windows at 0, 1, 2      -> 3
    assert ex05.output_sizes([3, 3, 3])


@pytest.mark.parametrize("answer, hint", [
    (..., "still empty"),
    ([3, 3], "give 3 numbers"),
    ([3, 10 / 3, 3], "round down"),           # (8+2-3)/3+1 = 3.33
    ([3, 3, 7], "ignores the dilation"),
    ([3, 2, 3], "ignores the padding"),          # (8-3)//3+1 = 2
    ([2, 3, 3], "the formula ends in + 1"),       # (7-3)//2 = 2
    ([3, 3, 3 + 0], "Correct"),
    ([5, 3, 3], "ignores the stride"),            # 7-3+1 = 5
    ([3, 4, 3], "expected 3"),
], ids=["empty", "too-few", "no-floor", "no-dilation", "no-padding", "no-plus-one", "right",
        "no-stride", "other"])
def test_output_sizes_hints(answer, hint):
    assert hint in repr(ex05.output_sizes(answer))


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
