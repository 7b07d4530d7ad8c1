"""What students hand to ex06.input_gradient_col2im: dX for a 5×6 input, two 3×2 filters,
computed the way the exercise asks (Wᵀ·dY, then a fold), each slip a student's line of code."""
import numpy as np

import convkit as ck
from convkit_course.exercises._corpus import other, right, slip
from convkit_course.exercises.ex06 import input_gradient_task

dy, w = input_gradient_task()
W, dY = w.reshape(2, -1), dy.reshape(2, -1)          # (2, 6), (2, 15)
dcols = W.T @ dY                                      # (6, 15)
RIGHT = ck.col2im(dcols[None], (5, 6), (3, 2))
idx = ck.im2col_indices((5, 6), (3, 2))               # (15, 6): input id per (output, tap)


def fold_loop(d, assign=False, skip_seen=False):
    """The fold written by hand: for each output o, for each tap k (row by row)."""
    out, seen = np.zeros((5, 6)), np.zeros((5, 6), bool)
    for o in range(15):
        r, c = divmod(o, 5)
        for k in range(6):
            i, j = divmod(k, 2)
            if assign:
                if not (skip_seen and seen[r + i, c + j]):
                    out[r + i, c + j] = d[k, o]
            else:
                out[r + i, c + j] += d[k, o]
            seen[r + i, c + j] = True
    return out[None, None]


fancy = np.zeros(30)
fancy[idx.T] += dcols                                  # repeated ids: only one addition survives
add_at = np.zeros(30)
np.add.at(add_at, idx.T, dcols)
counts = ck.col2im(ck.im2col(np.ones((1, 1, 5, 6)), (3, 2)), (5, 6), (3, 2))

CORPUS = [
    right(RIGHT, why="ck.col2im(W.T @ dY)"),
    right(RIGHT[0, 0], why="(5, 6), without N and C"),
    right(RIGHT.tolist(), why="a nested list"),
    right(fold_loop(dcols), why="the fold by hand, +="),
    right(add_at.reshape(1, 1, 5, 6), why="np.add.at over the id table"),
    right(ck.conv2d_direct_backward(dy, np.zeros((1, 1, 5, 6)), w)[0],
          why="the direct method's dX (the same numbers)"),
    slip(RIGHT / counts, hint="slip.averaged", why="divided by the participation counts"),
    slip(fancy.reshape(1, 1, 5, 6), hint="slip.overwritten", why="out[ids] += v, repeated ids"),
    slip(fold_loop(dcols, assign=True), hint="slip.overwritten", why="= instead of +="),
    slip(fold_loop(dcols, assign=True, skip_seen=True), hint="slip.overwritten",
         why="kept only the first write"),
    slip(ck.col2im((w[:, :, ::-1, ::-1].reshape(2, -1).T @ dY)[None], (5, 6), (3, 2)),
         hint="slip.rotated", why="rotated the kernel as in notebook 03"),
    slip(ck.col2im((w.reshape(2, -1, order="F").T @ dY)[None], (5, 6), (3, 2)),
         hint="slip.kernel_by_columns", why="w flattened with order='F'"),
    slip(ck.col2im((W.T @ dy[0].transpose(0, 2, 1).reshape(2, -1))[None], (5, 6), (3, 2)),
         hint="slip.dy_by_columns", why="dY flattened column by column"),
    slip(ck.col2im((W[:1].T @ dY[:1])[None], (5, 6), (3, 2)), hint="slip.filter_0",
         why="only the first filter"),
    slip(ck.col2im((W[::-1].T @ dY)[None], (5, 6), (3, 2)), hint="slip.filters_paired",
         why="filters paired with the other dY map"),
    slip(dcols, hint="shape.dcols", why="stopped after Wᵀ·dY"),
    slip(dY.T @ W, hint="shape.dcols_transposed", why="dY.T @ W: (15, 6)"),
    slip(np.stack([ck.col2im(np.outer(W[f], dY[f])[None], (5, 6), (3, 2))[0, 0]
                   for f in range(2)]), hint="shape.per_filter", why="one dX per filter"),
    slip(dy, hint="shape.dy", why="handed in dy"),
    slip(dy[0].sum(axis=0), hint="shape.output", why="dY summed over the filters, (3, 5)"),
    slip(RIGHT[..., ::-1, ::-1], hint="core:compare.rotated_180", why="dX rotated"),
    slip(-RIGHT, hint="core:compare.sign", why="W.T @ (-dY)"),
    other(RIGHT + 1, why="every entry one too big"),
    slip(None, hint="core:answer.empty", why="the scaffold, unfilled"),
]
