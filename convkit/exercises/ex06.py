"""Checkers for notebook 06 · im2col (偶像派): a 整容 row, forward as a matmul, dX via col2im.

Each exercise has a task function (or constant) that describes its data and a checker::

    ex06.ROW_TASK                      # input size, kernel size, output id
    ex06.im2col_row(answer)

    x, w, b = ex06.forward_task()
    ex06.forward_matmul(answer)

    dy, w = ex06.input_gradient_task()
    ex06.input_gradient_col2im(answer)

Expected values come from convkit's literal loops; the typical wrong answers are rebuilt
here so that the verdict can name the mistake.
"""
from __future__ import annotations

import numpy as np

from ..direct import conv2d_loops, conv2d_loops_backward
from ._core import compare_array, shape_hint

__all__ = ["ROW_TASK", "im2col_row", "forward_task", "forward_matmul",
           "input_gradient_task", "input_gradient_col2im"]



# --------------------------------------------------------------------------- exercise 1
#: A 6×7 input (ids 0..41, row-major), a 3×3 kernel, stride 1, no padding: the output is
#: 4×5 (ids 0..19).  Which input ids does output 8 read, in im2col's column order?
ROW_TASK = {"input_size": (6, 7), "kernel_size": (3, 3), "output_id": 8}


def _window_ids(oy, ox, width, kernel=(3, 3), column_major=False):
    """Flat ids (row * width + col) of the window whose top-left corner is (oy, ox)."""
    kh, kw = kernel
    taps = [(i, j) for j in range(kw) for i in range(kh)] if column_major else \
           [(i, j) for i in range(kh) for j in range(kw)]
    return np.array([(oy + i) * width + ox + j for i, j in taps])


def im2col_row(answer):
    """Judge the 9 input ids of :data:`ROW_TASK`'s output (one row of the 整容 matrix)."""
    (h, w), (kh, kw), o = ROW_TASK["input_size"], ROW_TASK["kernel_size"], ROW_TASK["output_id"]
    ho, wo = h - kh + 1, w - kw + 1
    oy, ox = divmod(o, wo)
    hint = shape_hint(answer, {
        (kh * kw, 2): "you gave (row, column) pairs. The 整容 matrix holds flat input ids: "
                      f"id = row·{w} + column.",
    })
    if hint is not None:
        return hint
    # the expected row straight from the definition: output (oy, ox) reads X[oy+i, ox+j]
    expected = _window_ids(oy, ox, w)
    mistakes = [(_window_ids(oy, ox, w, column_major=True),
                 "you listed the window column by column. im2col's columns follow the "
                 "flattened kernel, row by row: weights 0, 1, 2 are the kernel's top row.")]
    for width in sorted({wo, kw, h, ho} - {w}):
        mistakes.append((_window_ids(oy, ox, width),
                         f"the ids use a row length of {width}. An input id is row·W + column "
                         f"with W = {w}, the width of the input (not of the output or kernel)."))
    for other in range(ho * wo):
        if other != o:
            py, px = divmod(other, wo)
            mistakes.append((_window_ids(py, px, w),
                             f"that is the row of output {other}, at (row, column) = ({py}, {px}). "
                             f"The output is {ho}×{wo}, so output {o} sits at "
                             f"({o} // {wo}, {o} % {wo}) = ({oy}, {ox})."))
    return compare_array(answer, expected, "your row", mistakes=mistakes,
                         praise=f"output {o} is at ({oy}, {ox}), so it reads "
                                f"X[{oy}:{oy + kh}, {ox}:{ox + kw}], row by row.")


# --------------------------------------------------------------------------- exercise 2


def forward_task():
    """x (1, 1, 5, 5), w (2, 1, 3, 3) (two filters), b (2,).  Fresh copies."""
    rng = np.random.default_rng(606)
    x = rng.integers(-3, 4, size=(1, 1, 5, 5)).astype(np.float64)
    w = rng.integers(-2, 3, size=(2, 1, 3, 3)).astype(np.float64)
    b = np.array([0.5, -1.0])
    return x, w, b


def forward_matmul(answer):
    """Judge y (1, 2, 3, 3) for :func:`forward_task`, computed as W (F, C·KH·KW) @ cols + b."""
    x, w, b = forward_task()
    hint = shape_hint(answer, {
        (9, 2): "you have Yᵀ, shape (L, F) = (9, 2): the kernels go on the left. "
                "W (F, C·KH·KW) @ cols (C·KH·KW, L) gives (F, L) = (2, 9); then reshape to "
                "(N, F, Ho, Wo) = (1, 2, 3, 3).",
        (1, 9, 2): "you have Yᵀ, shape (N, L, F): compute W (F, C·KH·KW) @ cols "
                   "(C·KH·KW, L) to get (F, L), then reshape to (1, 2, 3, 3).",
        (9, 9): "you have a 9×9 matrix: that is cols itself (or colsᵀ @ cols). Multiply the "
                "flattened kernels W = w.reshape(2, -1) with cols: W @ cols is (2, 9).",
    })
    if hint is not None:
        return hint
    expected = conv2d_loops(x, w, b)
    column_major = conv2d_loops(x, w.transpose(0, 1, 3, 2), b)  # kernel flattened column by column
    transposed = (conv2d_loops(x, w, b).reshape(2, 9).T).reshape(1, 2, 3, 3)
    return compare_array(answer, expected, "your y", mistakes=[
        (column_major,
         "the kernel was flattened column by column (a transpose, or order='F'). im2col's "
         "rows follow the kernel row by row (weight id = i·KW + j), so flatten with "
         "w.reshape(F, -1)."),
        (conv2d_loops(x, w),
         "the bias is missing: add b[f] to every output of filter f (b[:, None] after the "
         "product)."),
        (conv2d_loops(x, w[..., ::-1, ::-1], b),
         "the kernel is rotated by 180° (a true convolution). The forward pass is a "
         "correlation: use the kernel as it is."),
        (transposed,
         "its numbers are scrambled: you reshaped Yᵀ (L, F) straight into "
         "(1, 2, 3, 3). Compute W @ cols, which is (F, L), and reshape that."),
    ], praise='Y = W·cols + b, one matrix product for all outputs.')


# --------------------------------------------------------------------------- exercise 3


def input_gradient_task():
    """dy (1, 1, 3, 3) and w (1, 1, 3, 3) for the running 5×5 example.  Fresh copies."""
    rng = np.random.default_rng(6060)
    dy = rng.integers(-3, 4, size=(1, 1, 3, 3)).astype(np.float64)
    w = rng.integers(-2, 3, size=(1, 1, 3, 3)).astype(np.float64)
    return dy, w


def _fold(dcols, how):
    """Fold dcols (9, 9) (rows: kernel weights, columns: outputs) into 5×5, stride 1.

    how = "add" (col2im), "last"/"first" (overwrite: the last/first write wins) or
    "average" (divide by how many windows covered the pixel).
    """
    out = np.zeros((5, 5))
    seen = np.zeros((5, 5), dtype=int)
    for o in range(9):
        oy, ox = divmod(o, 3)
        for k in range(9):
            i, j = divmod(k, 3)
            y, x = oy + i, ox + j
            if how in ("add", "average"):
                out[y, x] += dcols[k, o]
            elif how == "last" or seen[y, x] == 0:
                out[y, x] = dcols[k, o]
            seen[y, x] += 1
    return out / seen if how == "average" else out


def input_gradient_col2im(answer):
    """Judge dx (1, 1, 5, 5) for :func:`input_gradient_task`: col2im(Wᵀ @ dY)."""
    dy, w = input_gradient_task()
    hint = shape_hint(answer, {
        (9, 9): "that is dcols = Wᵀ·dY (one column per output). Now fold it back into the "
                "5×5 input with col2im, adding the entries that land on the same pixel.",
        (1, 9, 9): "that is dcols = Wᵀ·dY, shape (N, C·KH·KW, L). Fold it back into the input "
                   "with ck.col2im(dcols, (5, 5), 3).",
        (3, 3): "dX has the input's shape (1, 1, 5, 5): every input pixel gets a gradient.",
        (1, 1, 3, 3): "dX has the input's shape (1, 1, 5, 5), not the output's.",
    })
    if hint is not None:
        return hint
    expected, _, _ = conv2d_loops_backward(dy, np.zeros((1, 1, 5, 5)), w)
    wv, dyv = w.reshape(1, 9), dy.reshape(1, 9)
    dcols = wv.T @ dyv
    as_x = lambda a: a.reshape(1, 1, 5, 5)  # noqa: E731 - tiny local helper
    return compare_array(answer, expected, "your dX", mistakes=[
        (as_x(_fold(dcols, "average")),
         "you divided by the participation counts, as if col2im had to undo im2col (an "
         "inverse). The gradient needs the adjoint (transpose): a pixel that sat in k windows "
         "receives the SUM of its k contributions — don't divide."),
        (as_x(_fold(dcols, "last")),
         "some contributions were overwritten instead of added (the last one written won). "
         "A pixel that sat in k windows must receive the sum of all k: accumulate with += "
         "(ck.col2im does)."),
        (as_x(_fold(dcols, "first")),
         "some contributions were overwritten instead of added (only the first one stayed). "
         "A pixel that sat in k windows must receive the sum of all k: accumulate with += "
         "(ck.col2im does)."),
        (as_x(_fold(w[0, 0, ::-1, ::-1].reshape(9, 1) @ dyv, "add")),
         "the kernel is rotated by 180°. The rotation belongs to the direct method's 'full "
         "correlation'; with im2col, Wᵀ·dY puts each weight in its own row and col2im "
         "puts it in the right place — no rotation needed."),
    ], praise="dX = col2im(Wᵀ·dY): every copy's gradient added back onto its pixel.")
