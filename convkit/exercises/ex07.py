"""Checkers for notebook 07 · channels, batches and groups.

    from convkit.exercises import ex07
    ex07.grouped_weight_shape(shape)          # weight shape of GROUPED_LAYER
    ex07.im2col_shapes(cols_shape, w_shape)   # cols and weight-matrix shapes of IM2COL_LAYER
    ex07.conv_transpose(my_function)          # my_function(y, k, stride) -> scattered output

Expected answers come from running the literal loops (``conv2d_loops*``), not from the code
the notebook teaches.
"""
from __future__ import annotations

import numpy as np

from ._core import Verdict, correct, not_yet
from ..direct import conv2d_loops, conv2d_loops_backward

__all__ = ["GROUPED_LAYER", "grouped_weight_shape", "IM2COL_LAYER", "im2col_shapes",
           "TRANSPOSE_PROBLEMS", "conv_transpose"]

GROUPED_LAYER = {"in_channels": 8, "out_channels": 12, "kernel_size": 3, "groups": 4}
IM2COL_LAYER = {"batch": 2, "in_channels": 3, "out_channels": 4, "input_size": 6,
                "kernel_size": 3, "stride": 1, "padding": 0}
# (y size, K, stride), easiest first
TRANSPOSE_PROBLEMS = [((3, 3), 3, 1), ((2, 2), 3, 2), ((2, 3), 2, 3), ((3, 2), 3, 2)]


def _as_shape(answer):
    try:
        shape = tuple(answer)
        if all(float(v) == int(v) for v in shape):
            return tuple(int(v) for v in shape)
    except (TypeError, ValueError):
        pass
    return None


def grouped_weight_shape(answer) -> Verdict:
    """Exercise 1: the weight shape (F, C/groups, KH, KW) of ``GROUPED_LAYER``."""
    if answer is None or answer is Ellipsis:
        return not_yet("your shape is still empty: replace the ... with a tuple of four numbers.")
    shape = _as_shape(answer)
    if shape is None:
        return not_yet(f"give the shape as a tuple of four integers, got {answer!r}.")
    c, f, k, g = (GROUPED_LAYER[n] for n in ("in_channels", "out_channels", "kernel_size", "groups"))
    # the truth, by trial: the loops accept exactly one weight shape for these channels
    expected = (f, c // g, k, k)
    conv2d_loops(np.zeros((1, c, k, k)), np.zeros(expected), groups=g)
    if shape == expected:
        return correct(f"each of the {f} filters sees only the {c // g} channels of its group: "
                       f"{f * (c // g) * k * k} weights instead of {f * c * k * k}.")
    if len(shape) != 4:
        return not_yet(f"a weight has four axes (F, C/groups, KH, KW); you gave {len(shape)}.")
    hints = {
        (f, c, k, k): "that is the ungrouped shape: each filter reads only its group's "
                      f"channels, C/groups = {c}/{g}.",
        (f // g, c // g, k, k): "the first axis counts *all* filters, over every group: "
                                f"F = {f}, not F/groups.",
        (c // g, f, k, k): "the order is (F, C/groups, KH, KW): filters first.",
        (c, f // g, k, k): "the order is (F, C/groups, KH, KW): filters first, and it is the "
                           "input channels that are divided by the groups.",
        (g, f // g, c // g, k): "convkit (like PyTorch) keeps four axes: (F, C/groups, KH, KW).",
    }
    return not_yet(hints.get(shape, f"{shape} is not it: the weight has shape "
                                    "(filters, input channels per group, KH, KW)."))


def im2col_shapes(cols_shape, w_shape) -> Verdict:
    """Exercise 2: the shape of ``ck.im2col(x, ...)`` and of the weight as a matrix."""
    if cols_shape is None or cols_shape is Ellipsis or w_shape is None or w_shape is Ellipsis:
        return not_yet("a shape is still empty: replace both ... with tuples.")
    cols, w = _as_shape(cols_shape), _as_shape(w_shape)
    if cols is None or w is None:
        return not_yet("give each shape as a tuple of integers.")
    n, c, f, h, k = (IM2COL_LAYER[name] for name in
                     ("batch", "in_channels", "out_channels", "input_size", "kernel_size"))
    ho = conv2d_loops(np.zeros((1, 1, h, h)), np.zeros((1, 1, k, k))).shape[2]
    expected_cols, expected_w = (n, c * k * k, ho * ho), (f, c * k * k)
    if cols == expected_cols and w == expected_w:
        return correct(f"cols {expected_cols}: one column per output pixel, one row per "
                       f"(channel, tap); W {expected_w}; Y = W @ cols is ({f}, {ho * ho}) per image.")
    if cols != expected_cols:
        hints = {
            (n, k * k, ho * ho): "each column holds the patch from *every* channel: "
                                 f"C·K·K = {c}·{k}·{k} rows, not K·K.",
            (n, c * k * k, h * h): f"one column per *output* pixel: Ho·Wo = {ho}·{ho}, not H·W.",
            (n, ho * ho, c * k * k): "convkit's im2col (like torch's unfold) puts the patch "
                                     "down a column: (N, C·K·K, Ho·Wo) — you have the article's "
                                     "row-per-output layout, its transpose.",
            (c * k * k, ho * ho): "keep the batch axis in front: (N, C·K·K, Ho·Wo).",
            (n, f * c * k * k, ho * ho): "cols does not know the filters; it only rearranges x.",
        }
        return not_yet("cols: " + hints.get(cols, f"{cols} is not it — (batch, rows, columns) "
                                                  "with a row per (channel, tap) and a column per "
                                                  "output pixel."))
    hints = {
        (f, k * k): f"each filter has weights for all {c} channels: F × C·K·K.",
        (c * k * k, f): "W multiplies cols from the left (W @ cols), so it is F × C·K·K.",
        (f, c, k * k): "flatten everything but the filter axis: W is a matrix.",
    }
    return not_yet("W: " + hints.get(w, f"{w} is not it — one row per filter, one column per "
                                        "row of cols."))


def _expected_transpose(y, k, stride):
    """A transposed convolution is the input gradient of the convolution: from the loops."""
    kk = k.shape[0]
    size = tuple((n - 1) * stride + kk for n in y.shape)
    dx, _, _ = conv2d_loops_backward(y[None, None], np.zeros((1, 1) + size), k[None, None],
                                     stride=stride)
    return dx[0, 0]


def conv_transpose(function) -> Verdict:
    """Exercise 3: ``function(y, k, stride) -> out`` on ``TRANSPOSE_PROBLEMS``.

    y (h, w), k (K, K) -> out ((h-1)*stride + K, (w-1)*stride + K): each y pixel adds
    y * k at offset stride * (row, col).
    """
    if function is None or function is Ellipsis:
        return not_yet("your function is still empty: define it, then pass it (no brackets).")
    if not callable(function):
        return not_yet(f"pass the function itself (no brackets), got a {type(function).__name__}.")
    rng = np.random.default_rng(7)
    for size, kk, s in TRANSPOSE_PROBLEMS:
        y = rng.integers(-3, 4, size=size).astype(float)
        k = rng.integers(-3, 4, size=(kk, kk)).astype(float)
        where = f"y {size[0]}x{size[1]}, K={kk}, stride {s}"
        try:
            answer = function(y.copy(), k.copy(), s)
        except Exception as error:  # a student's function may fail in any way
            return not_yet(f"for {where} your function raised {type(error).__name__}: {error}")
        if answer is None:
            return not_yet(f"for {where} your function returned None: return the output.")
        answer = np.asarray(answer, dtype=float)
        expected = _expected_transpose(y, k, s)
        if answer.shape != expected.shape:
            plain = tuple(n + kk - 1 for n in size)
            hint = (" The copies of the kernel are placed stride apart: the output is "
                    "(h-1)·stride + K long." if answer.shape == plain and s > 1 else
                    " The output is (h-1)·stride + K by (w-1)·stride + K.")
            return not_yet(f"for {where} your output has shape {answer.shape}; expected "
                           f"{expected.shape}.{hint}")
        if np.allclose(answer, expected):
            continue
        if np.allclose(answer, _expected_transpose(y, k[::-1, ::-1], s)):
            return not_yet(f"for {where} you rotated the kernel: scattering places k as it is "
                           "(rotation is only needed when you *gather*, as a correlation does).")
        return not_yet(f"for {where} the values differ: every y[i, j] adds y[i, j]·k into "
                       "out[i·stride : i·stride+K, j·stride : j·stride+K] (+=, not =).")
    return correct("scatter-adding y·k at stride-spaced offsets is the transposed convolution "
                   "— the same numbers as the input gradient of the convolution.")
