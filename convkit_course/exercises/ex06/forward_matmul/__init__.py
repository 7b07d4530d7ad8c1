"""Exercise 2 of notebook 06: the forward pass as one matrix product.

    x, w, b = ex06.forward_task()   # x (1, 1, 5, 6), w (2, 1, 3, 3), b (2,)
    ex06.forward_matmul(y)          # y (1, 2, 3, 4) = (W @ cols + b) reshaped

The data are chosen so that every known slip gives its own wrong y: the input and the output
are not square (a transposed output or a row/column mix-up changes the shape or the numbers),
neither kernel is symmetric (a kernel flattened column by column, or rotated, gives other
numbers), the two filters and their biases differ, and a bias of 0.5 gives fractions (an
integer array loses them).  The expected y comes from convkit's literal loops.
"""
from __future__ import annotations

import numpy as np

from convkit.direct import conv2d_loops

from ..._core import checker
from ..._answers import is_array, judge_array
from ..._unit import Unit, unit_messages

__all__ = ["forward_task", "forward_matmul"]

M = unit_messages(__name__, __file__)


def forward_task():
    """x (1, 1, 5, 6), w (2, 1, 3, 3) (two filters), b (2,): small whole numbers, b with a
    half.  Fresh copies."""
    rng = np.random.default_rng(607)
    x = rng.integers(-3, 4, size=(1, 1, 5, 6)).astype(np.float64)
    w = rng.integers(-2, 3, size=(2, 1, 3, 3)).astype(np.float64)
    b = np.array([0.5, -1.0])
    return x, w, b


def _sizes():
    x, w, _ = forward_task()
    n, c, h, wd = x.shape
    f, _, kh, kw = w.shape
    ho, wo = h - kh + 1, wd - kw + 1
    return dict(N=n, C=c, H=h, W=wd, F=f, KH=kh, KW=kw, ho=ho, wo=wo, L=ho * wo, rows=c * kh * kw,
                y_shape=(n, f, ho, wo))


def right_y():
    x, w, b = forward_task()
    return conv2d_loops(x, w, b)


def _slips():
    x, w, b = forward_task()
    s = _sizes()
    f, shape = s["F"], s["y_shape"]
    y = right_y()
    no_bias = conv2d_loops(x, w)
    by_rows = (y.reshape(f, -1).T).reshape(shape)            # Yᵀ (L, F) reshaped as it is
    return [
        (conv2d_loops(x, w.transpose(0, 1, 3, 2), b), M("slip.kernel_by_columns")),
        (no_bias, M("slip.no_bias")),
        (no_bias - b[:, None, None], M("slip.bias_subtracted")),
        (no_bias + b[0], M("slip.first_bias")),
        (no_bias + b.sum(), M("slip.bias_sum")),
        (conv2d_loops(x, w[..., ::-1, ::-1], b), M("slip.rotated")),
        (by_rows, M("slip.scrambled")),
        (y.reshape(f, -1).reshape(shape, order="F"), M("slip.order_f")),
        (y[:, ::-1], M("slip.filters_swapped")),
        (conv2d_loops(x, w, b[::-1]), M("slip.biases_swapped")),
        (y.reshape(f, -1).T, M("shape.transposed", **s)),
        (y[:, :1], M("shape.one_filter", **s)),
    ]


@checker
def forward_matmul(answer):
    """Exercise 2: y (1, 2, 3, 4) for :func:`forward_task`, as W (F, C·KH·KW) @ cols + b."""
    s = _sizes()
    shapes = {
        (s["L"], s["F"]): M("shape.transposed", **s),
        (s["N"], s["L"], s["F"]): M("shape.transposed", **s),
        (s["rows"], s["L"]): M("shape.cols", **s),
        (s["L"], s["rows"]): M("shape.cols", **s),
        (s["L"], s["L"]): M("shape.cols", **s),
        (s["rows"], s["rows"]): M("shape.cols", **s),
    }
    return judge_array(answer, right_y(), M("name.y"), slips=_slips(), shapes=shapes,
                       praise=M("praise", **s))


def _is_right(answer):
    return is_array(answer, right_y())


SOLUTION = """
x2, w2, b2 = ex06.forward_task()
cols = ck.im2col(x2, 3)[0]              # (C*KH*KW, L) = (9, 12): a column per output
W2 = w2.reshape(2, -1)                  # (F, C*KH*KW) = (2, 9): the kernels, row by row
y2 = (W2 @ cols + b2[:, None]).reshape(1, 2, 3, 4)   # (F, L) -> (N, F, Ho, Wo)
ex06.forward_matmul(y2)
"""

UNIT = Unit(forward_matmul, messages=M, solution_code=SOLUTION, is_right=_is_right,
            fields=_sizes,
            stated=["x is (1, 1, 5, 6), w is (2, 1, 3, 3) (two filters), b is (2,)",
                    "shape (1, 2, 3, 4)"])
