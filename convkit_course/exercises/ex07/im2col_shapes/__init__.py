"""Exercise 2 of notebook 07: the shape of ``ck.im2col(x, 3)`` and of the weight matrix W.

    ex07.IM2COL_LAYER                          # N=2, C=4, F=6, a 7x6 input, 3x3 kernels
    ex07.im2col_shapes(cols_shape, w_shape)    # (N, C·K·K, Ho·Wo), (F, C·K·K)

The layer's numbers are chosen so that the usual slips give shapes of their own: C ≠ K (so
C·K and K·K differ), a non-square input (Ho·Wo is not a square), N, C and F all different.
The layouts the notebooks' own text shows are named, with the one the exercise asks for:
the article's matrix (one row per output, (N, Ho·Wo, C·K·K)) and notebook 07's batch side by
side, (C·K·K, N·Ho·Wo) — the exercise asks for what ``ck.im2col`` returns.  Both parts are
judged and every wrong one named.
"""
from __future__ import annotations

import numpy as np

from convkit.direct import conv2d_loops

from ..._core import as_shape, checker, correct, fallback, join_slips, not_yet
from ..._answers import matching
from ..._unit import Unit, unit_messages

__all__ = ["IM2COL_LAYER", "im2col_shapes"]

M = unit_messages(__name__, __file__)

IM2COL_LAYER = {"batch": 2, "in_channels": 4, "out_channels": 6, "input_size": (7, 6),
                "kernel_size": 3, "stride": 1, "padding": 0}


def _sizes():
    n, c, f, (h, w), k = (IM2COL_LAYER[name] for name in
                          ("batch", "in_channels", "out_channels", "input_size", "kernel_size"))
    ho, wo = h - k + 1, w - k + 1
    return dict(N=n, C=c, F=f, H=h, W=w, K=k, ho=ho, wo=wo, L=ho * wo, rows=c * k * k,
                NL=n * ho * wo)


def right_shapes():
    """(cols shape, W shape), with the output's size from the literal loops (not from the
    im2col the exercise is about)."""
    s = _sizes()
    y = conv2d_loops(np.zeros((1, 1, s["H"], s["W"])), np.zeros((1, 1, s["K"], s["K"])))
    return (s["N"], s["rows"], y.shape[2] * y.shape[3]), (s["F"], s["rows"])


def _cols_slips():
    s = _sizes()
    n, c, f, h, w, k, ho, wo, l, rows = (s[x] for x in ("N", "C", "F", "H", "W", "K", "ho",
                                                          "wo", "L", "rows"))
    return [
        ((n, k * k, l), M("cols.one_channel", **s)),
        ((n, c * k, l), M("cols.one_k", **s)),
        ((n, rows, h * w), M("cols.input_pixels", **s)),
        ((n, l, rows), M("cols.article", **s)),
        ((l, rows), M("cols.article", **s)),
        ((n * l, rows), M("cols.article", **s)),
        ((rows, n * l), M("cols.side_by_side", **s)),
        ((rows, l), M("cols.no_batch", **s)),
        ((n, f * rows, l), M("cols.filters", **s)),
        ((n, c, k * k, l), M("cols.unmerged", **s)),
        ((n, rows, ho, wo), M("cols.unflattened", **s)),
        ((n, rows, (h - k) * (w - k)), M("cols.no_plus_one", **s)),
        ((n, f, l), M("cols.output", **s)),
    ]


def _w_slips():
    s = _sizes()
    n, c, f, k, l, rows = (s[x] for x in ("N", "C", "F", "K", "L", "rows"))
    return [
        ((f, k * k), M("w.one_channel", **s)),
        ((f, c * k), M("w.one_k", **s)),
        ((rows, f), M("w.transposed", **s)),
        ((f, c, k * k), M("w.not_matrix", **s)),
        ((f, c, k, k), M("w.as_stored", **s)),
        ((n, f, rows), M("w.batch", **s)),
        ((f * c, k * k), M("w.per_channel", **s)),
        ((f, l), M("w.output", **s)),
    ]


def _part(given, want, slips, named, unknown, s):
    """None when ``given`` is right, else (the message, whether a slip was named)."""
    if tuple(given) == tuple(want):
        return None
    hits = matching(tuple(given), slips, lambda a, b: tuple(a) == tuple(b))
    if hits:
        return M(named, hint=join_slips(hits)), True
    return M(unknown, got=tuple(given), **s), False


@checker
def im2col_shapes(cols_shape, w_shape):
    """Exercise 2: the shape of ``ck.im2col(x, 3)`` and of the weight as the matrix W."""
    s = _sizes()
    cols = as_shape(cols_shape, M("name.cols"))
    w = as_shape(w_shape, M("name.w"))
    want_cols, want_w = right_shapes()
    parts = [p for p in (_part(cols, want_cols, _cols_slips(), "part.cols", "cols.fallback", s),
                         _part(w, want_w, _w_slips(), "part.w", "w.fallback", s)) if p is not None]
    if not parts:
        return correct(M("praise", cols=want_cols, w=want_w, **s))
    message = parts[0][0] if len(parts) == 1 else M("part.both", first=parts[0][0],
                                                   second=parts[1][0])
    return not_yet(message) if any(named for _, named in parts) else fallback(message)


def _is_right(cols_shape, w_shape):
    try:
        return (as_shape(cols_shape), as_shape(w_shape)) == right_shapes()
    except Exception:
        return False


SOLUTION = """
print(ex07.IM2COL_LAYER)
N, C, F, (H, W), K = 2, 4, 6, (7, 6), 3
Ho, Wo = H - K + 1, W - K + 1          # stride 1, no padding: 5 x 4 outputs
cols_shape = (N, C * K * K, Ho * Wo)   # ck.im2col: one column per output, one row per (channel, tap)
w_matrix_shape = (F, C * K * K)        # w.reshape(F, -1): one row per filter
ex07.im2col_shapes(cols_shape, w_matrix_shape)
"""

UNIT = Unit(im2col_shapes, messages=M, solution_code=SOLUTION, is_right=_is_right,
            fields=_sizes,
            stated=["give the shape of `ck.im2col(x, {})`".format(IM2COL_LAYER["kernel_size"]),
                    "(C·K·K, N·Ho·Wo)"])
