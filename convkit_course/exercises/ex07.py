"""Checkers for notebook 07 · channels, batches and groups.

    from convkit_course.exercises import ex07
    ex07.grouped_weight_shape(shape)          # weight shape of GROUPED_LAYER
    ex07.im2col_shapes(cols_shape, w_shape)   # cols and weight-matrix shapes of IM2COL_LAYER
    ex07.conv_transpose(my_function)          # my_function(y, k, stride) -> scattered output

Expected answers come from running the literal loops (``conv2d_loops*``), not from the code
the notebook teaches.
"""
from __future__ import annotations

import numpy as np

from ._core import (Verdict, as_array, as_function, as_shape, call_student, checker,
                    correct, fallback, msg, not_yet)
from convkit.direct import conv2d_loops, conv2d_loops_backward

__all__ = ["GROUPED_LAYER", "grouped_weight_shape", "IM2COL_LAYER", "im2col_shapes",
           "TRANSPOSE_PROBLEMS", "conv_transpose"]

GROUPED_LAYER = {"in_channels": 8, "out_channels": 12, "kernel_size": 3, "groups": 4}
IM2COL_LAYER = {"batch": 2, "in_channels": 3, "out_channels": 4, "input_size": 6,
                "kernel_size": 3, "stride": 1, "padding": 0}
# (y size, K, stride), easiest first
TRANSPOSE_PROBLEMS = [((3, 3), 3, 1), ((2, 2), 3, 2), ((2, 3), 2, 3), ((3, 2), 3, 2)]


@checker
def grouped_weight_shape(answer) -> Verdict:
    """Exercise 1: the weight shape (F, C/groups, KH, KW) of ``GROUPED_LAYER``."""
    shape = as_shape(answer, msg("your shape"))
    c, f, k, g = (GROUPED_LAYER[n] for n in ("in_channels", "out_channels", "kernel_size", "groups"))
    # the truth, by trial: the loops accept exactly one weight shape for these channels
    expected = (f, c // g, k, k)
    conv2d_loops(np.zeros((1, c, k, k)), np.zeros(expected), groups=g)
    if shape == expected:
        return correct(msg("each of the {f} filters sees only the {cg} channels of its group: "
                           "{grouped} weights instead of {dense}.", f=f, cg=c // g,
                           grouped=f * (c // g) * k * k, dense=f * c * k * k))
    hints = {
        (f, c, k, k): msg("that is the ungrouped shape: each filter reads only its group's "
                          "channels, C/groups = {c}/{g}.", c=c, g=g),
        (f // g, c // g, k, k): msg("the first axis counts *all* filters, over every group: "
                                    "F = {f}, not F/groups.", f=f),
        (c // g, f, k, k): msg("the order is (F, C/groups, KH, KW): filters first."),
        (c, f // g, k, k): msg("the order is (F, C/groups, KH, KW): filters first, and it is the "
                               "input channels that are divided by the groups."),
        (g, f // g, c // g, k): msg("convkit (like PyTorch) keeps four axes: (F, C/groups, KH, "
                                    "KW)."),
        (g, f // g, c // g, k, k): msg("convkit (like PyTorch) keeps the groups inside the "
                                       "filter axis: four axes, (F, C/groups, KH, KW)."),
        (f, c // g, k * k): msg("keep the kernel's two axes: (F, C/groups, KH, KW)."),
        (f, c // g): msg("the kernel's size is missing: (F, C/groups, KH, KW)."),
        (f, c // g, k, k, g): msg("the groups are not an axis of their own: they split the "
                                  "filters, so the shape is (F, C/groups, KH, KW)."),
        (f // g, c, k, k): msg("it is the input channels that each filter sees that shrink, "
                               "not the number of filters: (F, C/groups, KH, KW)."),
        (f, c // g, k, 1): msg("the kernel is {k}×{k}: (F, C/groups, KH, KW).", k=k),
    }
    if shape in hints:
        return not_yet(hints[shape])
    if len(shape) != 4:
        return not_yet(msg("a weight has four axes (F, C/groups, KH, KW); you gave {n}.",
                           n=len(shape)))
    return fallback(msg("{shape} is not it: the weight has shape (filters, input channels per "
                        "group, KH, KW).", shape=shape))


@checker
def im2col_shapes(cols_shape, w_shape) -> Verdict:
    """Exercise 2: the shape of ``ck.im2col(x, ...)`` and of the weight as a matrix."""
    cols = as_shape(cols_shape, msg("your cols shape"))
    w = as_shape(w_shape, msg("your W shape"))
    n, c, f, h, k = (IM2COL_LAYER[name] for name in
                     ("batch", "in_channels", "out_channels", "input_size", "kernel_size"))
    ho = conv2d_loops(np.zeros((1, 1, h, h)), np.zeros((1, 1, k, k))).shape[2]
    expected_cols, expected_w = (n, c * k * k, ho * ho), (f, c * k * k)
    if cols == expected_cols and w == expected_w:
        return correct(msg("cols {cols}: one column per output pixel, one row per (channel, "
                           "tap); W {w}; Y = W @ cols is ({f}, {l}) per image.",
                           cols=expected_cols, w=expected_w, f=f, l=ho * ho))
    if cols != expected_cols:
        hints = {
            (n, k * k, ho * ho): msg("each column holds the patch from *every* channel: C·K·K = "
                                     "{c}·{k}·{k} rows, not K·K.", c=c, k=k),
            (n, c * k * k, h * h): msg("one column per *output* pixel: Ho·Wo = {ho}·{ho}, not "
                                       "H·W.", ho=ho),
            (n, ho * ho, c * k * k): msg("convkit's im2col (like torch's unfold) puts the patch "
                                         "down a column: (N, C·K·K, Ho·Wo) — you have the "
                                         "article's row-per-output layout, its transpose."),
            (c * k * k, ho * ho): msg("keep the batch axis in front: (N, C·K·K, Ho·Wo)."),
            (n, f * c * k * k, ho * ho): msg("cols does not know the filters; it only rearranges "
                                             "x."),
            (n, c, k * k, ho * ho): msg("im2col merges channel and tap into one axis: (N, C·K·K, "
                                        "Ho·Wo)."),
            (n, c * k * k, ho, ho): msg("im2col flattens the output positions into one axis: "
                                        "(N, C·K·K, Ho·Wo)."),
            (n, c * k * k, (h - k) * (h - k)): msg("Ho = H - K + 1 = {ho}: count the first "
                                                   "window too.", ho=ho),
        }
        hint = hints.get(cols)
        if hint is None:
            return fallback(msg("cols: {cols} is not it — (batch, rows, columns) with a row per "
                                "(channel, tap) and a column per output pixel.", cols=cols))
        return not_yet(msg("cols: {hint}", hint=hint))
    hints = {
        (f, k * k): msg("each filter has weights for all {c} channels: F × C·K·K.", c=c),
        (c * k * k, f): msg("W multiplies cols from the left (W @ cols), so it is F × C·K·K."),
        (f, c, k * k): msg("flatten everything but the filter axis: W is a matrix."),
        (f, c, k, k): msg("that is the weight as stored; as a matrix it is w.reshape(F, -1): "
                          "F × C·K·K."),
        (n, f, c * k * k): msg("the weight does not depend on the batch: W is F × C·K·K."),
    }
    hint = hints.get(w)
    if hint is None:
        return fallback(msg("W: {w} is not it — one row per filter, one column per row of "
                            "cols.", w=w))
    return not_yet(msg("W: {hint}", hint=hint))


def _expected_transpose(y, k, stride):
    """A transposed convolution is the input gradient of the convolution: from the loops."""
    kk = k.shape[0]
    size = tuple((n - 1) * stride + kk for n in y.shape)
    dx, _, _ = conv2d_loops_backward(y[None, None], np.zeros((1, 1) + size), k[None, None],
                                     stride=stride)
    return dx[0, 0]


def _overwrite_transpose(y, k, stride):
    """The slip: out[...] = y·k instead of +=, so overlapping copies replace each other."""
    kk = k.shape[0]
    out = np.zeros(tuple((n - 1) * stride + kk for n in y.shape))
    for i in range(y.shape[0]):
        for j in range(y.shape[1]):
            out[i * stride:i * stride + kk, j * stride:j * stride + kk] = y[i, j] * k
    return out


@checker
def conv_transpose(function) -> Verdict:
    """Exercise 3: ``function(y, k, stride) -> out`` on ``TRANSPOSE_PROBLEMS``.

    y (h, w), k (K, K) -> out ((h-1)*stride + K, (w-1)*stride + K): each y pixel adds
    y * k at offset stride * (row, col).
    """
    function = as_function(function)
    rng = np.random.default_rng(7)
    for size, kk, s in TRANSPOSE_PROBLEMS:
        y = rng.integers(-3, 4, size=size).astype(float)
        k = rng.integers(-3, 4, size=(kk, kk)).astype(float)
        where = msg("for y {h}x{w}, K={k}, stride {s}", h=size[0], w=size[1], k=kk, s=s)
        answer = call_student(function, y.copy(), k.copy(), s, where=where)
        answer = as_array(answer, msg("your output {where}", where=where))
        expected = _expected_transpose(y, k, s)
        while answer.ndim > 2 and answer.shape[0] == 1:  # (1, 1, H, W) is fine too
            answer = answer[0]
        if answer.shape != expected.shape:
            return _transpose_shape(answer.shape, expected.shape, size, kk, s, where)
        if np.allclose(answer, expected):
            continue
        if np.allclose(answer, _expected_transpose(y, k[::-1, ::-1], s)):
            return not_yet(msg("{where}, you rotated the kernel: scattering places k as it is "
                               "(rotation is only needed when you *gather*, as a correlation "
                               "does).", where=where))
        if np.allclose(answer, _overwrite_transpose(y, k, s)):
            return not_yet(msg("{where}, overlapping copies replaced each other: add each y[i, j]·k "
                               "into the output with +=, not =.", where=where))
        if np.allclose(answer, _expected_transpose(y, k.T, s)):
            return not_yet(msg("{where}, the kernel is transposed: y[i, j]·k[a, b] lands at "
                               "(i·stride + a, j·stride + b).", where=where))
        if answer.shape[0] == answer.shape[1] and np.allclose(answer, expected.T):
            return not_yet(msg("{where}, your output is transposed: y[i, j]·k lands i·stride rows "
                               "down and j·stride columns right.", where=where))
        return fallback(msg("{where}, the values differ: every y[i, j] adds y[i, j]·k into "
                            "out[i·stride : i·stride+K, j·stride : j·stride+K] (+=, not =).",
                            where=where))
    return correct(msg("scatter-adding y·k at stride-spaced offsets is the transposed "
                       "convolution — the same numbers as the input gradient of the "
                       "convolution."))


def _transpose_shape(got, want, size, kk, s, where):
    plain = tuple(n + kk - 1 for n in size)
    crop = tuple((n - 1) * s + 1 for n in size)
    head = msg("{where}, your output has shape {got}; expected {want}.", where=where, got=got,
               want=want)
    if tuple(got) == plain and s > 1:
        return not_yet(msg("{head} The copies of the kernel are placed stride apart: the output "
                           "is (h-1)·stride + K long.", head=head))
    if tuple(got) == crop and kk > 1:
        return not_yet(msg("{head} That is the size of y with stride-1 zeros between its entries; "
                           "each y pixel then adds a whole K×K copy of k: (h-1)·stride + K.",
                           head=head))
    if tuple(got) == tuple(n * s + kk - 1 for n in size):
        return not_yet(msg("{head} That is stride-1 rows too many: the last copy of the kernel "
                           "starts at (h-1)·stride, so the output is (h-1)·stride + K long.",
                           head=head))
    if tuple(got) == tuple(want)[::-1]:
        return not_yet(msg("{head} Rows and columns are swapped.", head=head))
    return fallback(msg("{head} The output is (h-1)·stride + K by (w-1)·stride + K.", head=head))
