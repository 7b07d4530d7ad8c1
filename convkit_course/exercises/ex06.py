"""Checkers for notebook 06 · im2col (偶像派): a 整容 row, forward as a matmul, dX via col2im.

Each exercise has a task function (or constant) that describes its data and a checker::

    ex06.ROW_TASK                      # input size, kernel size, output id
    ex06.im2col_row(answer)

    x, w, b = ex06.forward_task()
    ex06.forward_matmul(answer)

    dy, w = ex06.input_gradient_task()    # dy (1, 2, 3, 5), w (2, 1, 3, 2): a 5×6 input
    ex06.input_gradient_col2im(answer)    # dx (1, 1, 5, 6)

Expected values come from convkit's literal loops; the typical wrong answers are rebuilt
here so that the verdict can name the mistake.
"""
from __future__ import annotations

import numpy as np

from convkit.direct import conv2d_loops, conv2d_loops_backward
from ._core import checker, compare_array, msg

__all__ = ["ROW_TASK", "im2col_row", "forward_task", "forward_matmul",
           "COL2IM_TASK", "input_gradient_task", "input_gradient_col2im"]



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


@checker
def im2col_row(answer):
    """Judge the 9 input ids of :data:`ROW_TASK`'s output (one row of the 整容 matrix)."""
    (h, w), (kh, kw), o = ROW_TASK["input_size"], ROW_TASK["kernel_size"], ROW_TASK["output_id"]
    ho, wo = h - kh + 1, w - kw + 1
    oy, ox = divmod(o, wo)
    shapes = {
        (kh * kw, 2): msg("you gave (row, column) pairs. The 整容 matrix holds flat input ids: "
                          "id = row·{w} + column.", w=w),
    }
    # the expected row straight from the definition: output (oy, ox) reads X[oy+i, ox+j]
    expected = _window_ids(oy, ox, w)
    mistakes = [(_window_ids(oy, ox, w, column_major=True),
                 msg("you listed the window column by column. im2col's columns follow the "
                     "flattened kernel, row by row: weights 0, 1, 2 are the kernel's top row.")),
                (expected + 1,
                 msg("every id is 1 too big: ids count from 0 (the top-left input is id 0).")),
                (_window_ids(ox, oy, w),
                 msg("rows and columns are swapped: output {o} is at row {oy}, column {ox}, so "
                     "its window's top-left input is ({oy}, {ox}), id {first}.", o=o, oy=oy,
                     ox=ox, first=oy * w + ox)),
                (_window_ids(*divmod(o, w), w),
                 msg("you started the window at input id {o}, the output's id. Output ids count "
                     "over the {ho}×{wo} output: id {o} is output ({oy}, {ox}).", o=o, ho=ho,
                     wo=wo, oy=oy, ox=ox))]
    for width in sorted({wo, kw, h, ho} - {w}):
        mistakes.append((_window_ids(oy, ox, width),
                         msg("the ids use a row length of {width}. An input id is row·W + column "
                             "with W = {w}, the width of the input (not of the output or "
                             "kernel).", width=width, w=w)))
    for other in range(ho * wo):
        if other != o:
            py, px = divmod(other, wo)
            mistakes.append((_window_ids(py, px, w),
                             msg("that is the row of output {other}, at (row, column) = ({py}, "
                                 "{px}). The output is {ho}×{wo}, so output {o} sits at ({o} // "
                                 "{wo}, {o} % {wo}) = ({oy}, {ox}).", other=other, py=py, px=px,
                                 ho=ho, wo=wo, o=o, oy=oy, ox=ox)))
    return compare_array(answer, expected, msg("your row"), mistakes=mistakes, shapes=shapes,
                         praise=msg("output {o} is at ({oy}, {ox}), so it reads X[{oy}:{y_end}, "
                                    "{ox}:{x_end}], row by row.", o=o, oy=oy, ox=ox,
                                    y_end=oy + kh, x_end=ox + kw))


# --------------------------------------------------------------------------- exercise 2


def forward_task():
    """x (1, 1, 5, 5), w (2, 1, 3, 3) (two filters), b (2,).  Fresh copies."""
    rng = np.random.default_rng(606)
    x = rng.integers(-3, 4, size=(1, 1, 5, 5)).astype(np.float64)
    w = rng.integers(-2, 3, size=(2, 1, 3, 3)).astype(np.float64)
    b = np.array([0.5, -1.0])
    return x, w, b


@checker
def forward_matmul(answer):
    """Judge y (1, 2, 3, 3) for :func:`forward_task`, computed as W (F, C·KH·KW) @ cols + b."""
    x, w, b = forward_task()
    shapes = {
        (9, 2): msg("you have Yᵀ, shape (L, F) = (9, 2): the kernels go on the left. "
                    "W (F, C·KH·KW) @ cols (C·KH·KW, L) gives (F, L) = (2, 9); then reshape to "
                    "(N, F, Ho, Wo) = (1, 2, 3, 3)."),
        (1, 9, 2): msg("you have Yᵀ, shape (N, L, F): compute W (F, C·KH·KW) @ cols "
                       "(C·KH·KW, L) to get (F, L), then reshape to (1, 2, 3, 3)."),
        (9, 9): msg("you have a 9×9 matrix: that is cols itself (or colsᵀ @ cols). Multiply the "
                    "flattened kernels W = w.reshape(2, -1) with cols: W @ cols is (2, 9)."),
    }
    expected = conv2d_loops(x, w, b)
    column_major = conv2d_loops(x, w.transpose(0, 1, 3, 2), b)  # kernel flattened column by column
    transposed = (conv2d_loops(x, w, b).reshape(2, 9).T).reshape(1, 2, 3, 3)
    return compare_array(answer, expected, msg("your y"), shapes=shapes, mistakes=[
        (column_major,
         msg("the kernel was flattened column by column (a transpose, or order='F'). im2col's "
             "rows follow the kernel row by row (weight id = i·KW + j), so flatten with "
             "w.reshape(F, -1).")),
        (conv2d_loops(x, w),
         msg("the bias is missing: add b[f] to every output of filter f (b[:, None] after the "
             "product).")),
        (conv2d_loops(x, w) - b[:, None, None],
         msg("the bias is subtracted: Y = W·cols + b.")),
        (conv2d_loops(x, w[..., ::-1, ::-1], b),
         msg("the kernel is rotated by 180° (a true convolution). The forward pass is a "
             "correlation: use the kernel as it is.")),
        (transposed,
         msg("its numbers are scrambled: you reshaped Yᵀ (L, F) straight into (1, 2, 3, 3). "
             "Compute W @ cols, which is (F, L), and reshape that.")),
        (expected[:, ::-1],
         msg("the two filters' outputs are swapped: row f of W @ cols is output channel f.")),
        (conv2d_loops(x, w, b[::-1]),
         msg("the biases are swapped between the filters: b[f] belongs to filter f.")),
    ], praise=msg("Y = W·cols + b, one matrix product for all outputs."))


# --------------------------------------------------------------------------- exercise 3


#: exercise 3's geometry: non-square input, kernel and output, two filters, so that the
#: usual layout slips (dcols transposed, dY flattened column by column, the kernel flattened
#: column by column) give wrong shapes or wrong numbers — never the right answer by symmetry.
COL2IM_TASK = {"input_size": (5, 6), "kernel_size": (3, 2), "filters": 2}


def input_gradient_task():
    """dy (1, 2, 3, 5) and w (2, 1, 3, 2) for a (1, 1, 5, 6) input, stride 1.  Fresh copies."""
    rng = np.random.default_rng(6060)
    dy = rng.integers(-3, 4, size=(1, 2, 3, 5)).astype(np.float64)
    w = rng.integers(-2, 3, size=(2, 1, 3, 2)).astype(np.float64)
    return dy, w


def _fold(dcols, how, size=(5, 6), kernel=(3, 2)):
    """Fold dcols (KH·KW, Ho·Wo) (rows: kernel taps, columns: outputs) into size, stride 1.

    how = "add" (col2im), "last"/"first" (overwrite: the last/first write wins) or
    "average" (divide by how many windows covered the pixel).
    """
    (h, w), (kh, kw) = size, kernel
    ho, wo = h - kh + 1, w - kw + 1
    out = np.zeros(size)
    seen = np.zeros(size, dtype=int)
    for o in range(ho * wo):
        oy, ox = divmod(o, wo)
        for k in range(kh * kw):
            i, j = divmod(k, kw)
            y, x = oy + i, ox + j
            if how in ("add", "average"):
                out[y, x] += dcols[k, o]
            elif how == "last" or seen[y, x] == 0:
                out[y, x] = dcols[k, o]
            seen[y, x] += 1
    return out / np.maximum(seen, 1) if how == "average" else out


@checker
def input_gradient_col2im(answer):
    """Judge dx (1, 1, 5, 6) for :func:`input_gradient_task`: col2im(Wᵀ @ dY)."""
    dy, w = input_gradient_task()
    (h, wd), (kh, kw), f = (COL2IM_TASK[k] for k in ("input_size", "kernel_size", "filters"))
    ho, wo = h - kh + 1, wd - kw + 1
    taps, outputs = kh * kw, ho * wo
    shapes = {
        (taps, outputs): msg("that is dcols = Wᵀ·dY ({taps} × {outputs}: one row per kernel tap, "
                             "one column per output). Now fold it back into the {h}×{w} input "
                             "with col2im, adding the entries that land on the same pixel.",
                             taps=taps, outputs=outputs, h=h, w=wd),
        (outputs, taps): msg("that is dcols transposed ({outputs} × {taps}): Wᵀ·dY has one row "
                             "per kernel tap and one column per output — Wᵀ (C·KH·KW, F) @ dY "
                             "(F, L). Fold that into the input.", taps=taps, outputs=outputs),
        (ho, wo): msg("dX has the input's shape (1, 1, {h}, {w}): every input pixel gets a "
                      "gradient; ({ho}, {wo}) is the output's.", h=h, w=wd, ho=ho, wo=wo),
        (1, f, ho, wo): msg("that is dY's shape; dX has the input's shape (1, 1, {h}, {w}).",
                            h=h, w=wd),
        (f, h, wd): msg("you have one dX per filter, shape ({f}, {h}, {w}): the input received "
                        "gradient through every filter, so add them — Wᵀ·dY does that sum.",
                        f=f, h=h, w=wd),
        (1, f, h, wd): msg("you have one dX per filter, shape (1, {f}, {h}, {w}): the input "
                           "received gradient through every filter, so add them — Wᵀ·dY does "
                           "that sum.", f=f, h=h, w=wd),
    }
    expected, _, _ = conv2d_loops_backward(dy, np.zeros((1, 1, h, wd)), w)
    wm, dym = w.reshape(f, taps), dy.reshape(f, outputs)
    dcols = wm.T @ dym
    as_x = lambda a: a.reshape(1, 1, h, wd)  # noqa: E731 - tiny local helper
    column_major_w = w.transpose(0, 1, 3, 2).reshape(f, taps)       # kernel flattened by columns
    column_major_dy = dy.transpose(0, 1, 3, 2).reshape(f, outputs)  # dY flattened by columns
    return compare_array(answer, expected, msg("your dX"), shapes=shapes, mistakes=[
        (as_x(_fold(dcols, "average")),
         msg("you divided by the participation counts, as if col2im had to undo im2col (an "
             "inverse). The gradient needs the adjoint (transpose): a pixel that sat in k "
             "windows receives the SUM of its k contributions — don't divide.")),
        (as_x(_fold(dcols, "last")),
         msg("some contributions were overwritten instead of added (the last one written won). "
             "A pixel that sat in k windows must receive the sum of all k: accumulate with += "
             "(ck.col2im does).")),
        (as_x(_fold(dcols, "first")),
         msg("some contributions were overwritten instead of added (only the first one stayed). "
             "A pixel that sat in k windows must receive the sum of all k: accumulate with += "
             "(ck.col2im does).")),
        (as_x(_fold(w[:, 0, ::-1, ::-1].reshape(f, taps).T @ dym, "add")),
         msg("the kernel is rotated by 180°. The rotation belongs to the direct method's 'full "
             "correlation'; with im2col, Wᵀ·dY puts each weight in its own row and col2im puts "
             "it in the right place — no rotation needed.")),
        (as_x(_fold(column_major_w.T @ dym, "add")),
         msg("the kernel was flattened column by column (w.transpose, or order='F'): im2col's "
             "rows follow the kernel row by row, so W = w.reshape(F, -1).")),
        (as_x(_fold(wm.T @ column_major_dy, "add")),
         msg("dY was flattened column by column: its columns must follow the outputs row by row "
             "(dy.reshape(F, -1)), the order im2col gives them.")),
        (as_x(_fold(wm[:1].T @ dym[:1], "add")),
         msg("only filter 0 is there: Wᵀ·dY sums over all {f} filters (every filter sent "
             "gradient back to the input).", f=f)),
        (as_x(_fold(wm[::-1].T @ dym, "add")),
         msg("the filters are paired with the wrong dY maps: row f of W goes with dY[:, f].")),
    ], praise=msg("dX = col2im(Wᵀ·dY): every copy's gradient added back onto its pixel."))
