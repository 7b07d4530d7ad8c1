"""What students hand to ex06.forward_matmul: y computed the way the exercise asks (ck.im2col
and one matrix product), each slip one line of a student's code done wrong."""
import numpy as np

import convkit as ck
from convkit_course.exercises._corpus import other, right, slip
from convkit_course.exercises.ex06 import forward_task

x, w, b = forward_task()
cols = ck.im2col(x, 3)[0]                 # (9, 12)
W = w.reshape(2, -1)                       # (2, 9)
Y = W @ cols + b[:, None]                  # (2, 12)
RIGHT = Y.reshape(1, 2, 3, 4)


def loops(kernel, bias):
    """The student's own check: y from the window sums (not used for the right answer)."""
    out = np.zeros((1, 2, 3, 4))
    for f in range(2):
        for r in range(3):
            for c in range(4):
                out[0, f, r, c] = np.sum(x[0, 0, r:r + 3, c:c + 3] * kernel[f, 0]) + bias[f]
    return out


y_int = np.zeros((1, 2, 3, 4), dtype=int)
y_int[...] = Y.reshape(1, 2, 3, 4)          # an integer array keeps no halves

CORPUS = [
    right(RIGHT, why="(W @ cols + b[:, None]).reshape(1, 2, 3, 4)"),
    right(RIGHT[0], why="(2, 3, 4), without the batch axis"),
    right(RIGHT.tolist(), why="a nested list"),
    right(RIGHT.astype(np.float32), why="float32"),
    right(loops(w, b), why="checked against window sums"),
    right((w.reshape(2, -1) @ ck.im2col(x, 3) + b[None, :, None]).reshape(1, 2, 3, 4),
          why="the batched product (1, 2, 12)"),
    slip((w.transpose(0, 1, 3, 2).reshape(2, -1) @ cols + b[:, None]).reshape(1, 2, 3, 4),
         hint="slip.kernel_by_columns", why="w flattened column by column"),
    slip((w.reshape(2, -1, order="F") @ cols + b[:, None]).reshape(1, 2, 3, 4),
         hint="slip.kernel_by_columns", why="reshape with order='F'"),
    slip((W @ cols).reshape(1, 2, 3, 4), hint="slip.no_bias", why="bias forgotten"),
    slip((W @ cols - b[:, None]).reshape(1, 2, 3, 4), hint="slip.bias_subtracted",
         why="minus the bias"),
    slip((W @ cols + b[0]).reshape(1, 2, 3, 4), hint="slip.first_bias", why="+ b[0]"),
    slip((W @ cols + b.sum()).reshape(1, 2, 3, 4), hint="slip.bias_sum", why="+ b.sum()"),
    slip((w[..., ::-1, ::-1].reshape(2, -1) @ cols + b[:, None]).reshape(1, 2, 3, 4),
         hint="slip.rotated", why="flipped the kernel as for a convolution"),
    slip((cols.T @ W.T + b).reshape(1, 2, 3, 4), hint="slip.scrambled",
         why="cols.T @ W.T (12, 2) reshaped as it is"),
    slip(Y.reshape(1, 2, 3, 4, order="F"), hint="slip.order_f", why="reshape(order='F')"),
    slip((W[::-1] @ cols + b[::-1, None]).reshape(1, 2, 3, 4), hint="slip.filters_swapped",
         why="the filters taken in reverse"),
    slip((W @ cols + b[::-1, None]).reshape(1, 2, 3, 4), hint="slip.biases_swapped",
         why="b[::-1]"),
    slip(cols.T @ W.T + b, hint="shape.transposed", why="Yᵀ (12, 2), not reshaped"),
    slip(cols, hint="shape.cols", why="handed in cols"),
    slip(cols.T @ cols, hint="shape.cols", why="colsᵀ @ cols"),
    slip((W[:1] @ cols + b[0]).reshape(1, 1, 3, 4), hint="shape.one_filter",
         why="only the first filter"),
    slip(y_int, hint="core:compare.rounded", why="an integer output array"),
    slip(Y.reshape(1, 2, 3, 4).transpose(0, 1, 3, 2), hint="core:compare.shape_transposed",
         why="each output map transposed, (1, 2, 4, 3)"),
    slip(Y, hint="core:compare.reshape", why="(2, 12): not reshaped"),
    other(RIGHT + np.eye(4)[:3], why="three entries off by one"),
    slip(None, hint="core:answer.empty", why="the scaffold, unfilled"),
]
