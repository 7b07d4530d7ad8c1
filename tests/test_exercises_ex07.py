"""ex07's checkers: the right answers pass, the typical wrong ones get their specific hint."""
from __future__ import annotations

import numpy as np
import pytest

from convkit_course.exercises import ex07


# --------------------------------------------------------------------------- exercise 1
def test_grouped_weight_shape_right_answer():
    # 8 channels in 4 groups: 2 channels per group; 12 filters; 3x3 kernel
    verdict = ex07.grouped_weight_shape((12, 2, 3, 3))
    assert verdict and "216 weights instead of 864" in repr(verdict)
    assert ex07.grouped_weight_shape([12, 2, 3, 3])  # a list or an array shape is fine too


@pytest.mark.parametrize("answer, hint", [
    (..., "still empty"),
    ("12x2x3x3", "not a string"),
    ((12, 2, 9), "two axes"),
    ((12, 8, 3, 3), "ungrouped shape"),
    ((3, 2, 3, 3), "*all* filters"),
    ((2, 12, 3, 3), "filters first."),
    ((8, 3, 3, 3), "input channels that are divided"),
    ((4, 3, 2, 3), "keeps four axes"),
    ((12, 4, 3, 3), "is not it"),
], ids=["empty", "string", "three-axes", "ungrouped", "filters-divided", "swapped",
        "swapped-and-wrong-division", "five-d-layout", "other"])
def test_grouped_weight_shape_hints(answer, hint):
    assert hint in repr(ex07.grouped_weight_shape(answer))


# --------------------------------------------------------------------------- exercise 2
# N=2, C=3, F=4, 6x6 input, 3x3 kernel, stride 1: 4x4 = 16 outputs, 3*3*3 = 27 patch entries
def test_im2col_shapes_right_answer():
    assert ex07.im2col_shapes((2, 27, 16), (4, 27))


@pytest.mark.parametrize("cols, w, hint", [
    (..., (4, 27), "still empty"),
    ((2, 9, 16), (4, 27), "C·K·K = 3·3·3 rows"),
    ((2, 27, 36), (4, 27), "Ho·Wo = 4·4"),
    ((2, 16, 27), (4, 27), "its transpose"),
    ((27, 16), (4, 27), "batch axis in front"),
    ((2, 108, 16), (4, 27), "does not know the filters"),
    ((2, 27, 16), (4, 9), "all 3 channels"),
    ((2, 27, 16), (27, 4), "W @ cols"),
    ((2, 27, 16), (4, 3, 9), "W is a matrix"),
    ((2, 27, 16), (4, 16), "one row per filter"),
], ids=["empty", "no-channels", "input-pixels", "row-layout", "no-batch", "filters-in-cols",
        "w-no-channels", "w-transposed", "w-3d", "w-other"])
def test_im2col_shapes_hints(cols, w, hint):
    assert hint in repr(ex07.im2col_shapes(cols, w))


# --------------------------------------------------------------------------- exercise 3
def scatter(y, k, stride):
    """The right answer, written out: every y pixel adds y * k at a stride-spaced offset."""
    kk = k.shape[0]
    out = np.zeros(((y.shape[0] - 1) * stride + kk, (y.shape[1] - 1) * stride + kk))
    for i in range(y.shape[0]):
        for j in range(y.shape[1]):
            out[i * stride:i * stride + kk, j * stride:j * stride + kk] += y[i, j] * k
    return out


def test_conv_transpose_accepts_the_scatter():
    assert ex07.conv_transpose(scatter)


def test_conv_transpose_accepts_the_zero_insert_recipe():
    # notebook 05's recipe: S-1 zeros between entries, pad K-1, correlate with rot180(k)
    def recipe(y, k, stride):
        kk = k.shape[0]
        spread = np.zeros(((y.shape[0] - 1) * stride + 1, (y.shape[1] - 1) * stride + 1))
        spread[::stride, ::stride] = y
        padded = np.pad(spread, kk - 1)
        r = k[::-1, ::-1]
        return np.array([[np.sum(padded[a:a + kk, b:b + kk] * r)
                          for b in range(padded.shape[1] - kk + 1)]
                         for a in range(padded.shape[0] - kk + 1)])
    assert ex07.conv_transpose(recipe)


def no_stride(y, k, stride):
    return scatter(y, k, 1)


def assigned(y, k, stride):
    kk = k.shape[0]
    out = np.zeros(((y.shape[0] - 1) * stride + kk, (y.shape[1] - 1) * stride + kk))
    for i in range(y.shape[0]):
        for j in range(y.shape[1]):
            out[i * stride:i * stride + kk, j * stride:j * stride + kk] = y[i, j] * k
    return out


@pytest.mark.parametrize("function, hint", [
    (None, "still empty"),
    (np.zeros((3, 3)), "pass the function itself"),
    (lambda y, k, s: None, "returned None"),
    (lambda y, k, s: y[5, 5], "raised IndexError"),
    (no_stride, "placed stride apart"),
    (lambda y, k, s: scatter(y, k[::-1, ::-1], s), "you rotated the kernel"),
    (assigned, "+=, not ="),
], ids=["empty", "not-callable", "returns-none", "raises", "no-stride", "rotated", "assigned"])
def test_conv_transpose_hints(function, hint):
    assert hint in repr(ex07.conv_transpose(function))
