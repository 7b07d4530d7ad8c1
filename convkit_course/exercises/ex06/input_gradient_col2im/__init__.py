"""Exercise 3 of notebook 06: dX through col2im.

    dy, w = ex06.input_gradient_task()   # dy (1, 2, 3, 5), w (2, 1, 3, 2): a 5x6 input
    ex06.input_gradient_col2im(dx)       # dx (1, 1, 5, 6) = col2im(Wᵀ·dY)

Nothing is square — the input (5x6), the kernel (3x2), the output (3x5) — and there are two
filters, so the usual layout slips (dcols transposed, dY or the kernel flattened column by
column, one filter forgotten, the filters paired with the wrong dY) give wrong shapes or wrong
numbers, never the right answer by symmetry.  The expected dX comes from the literal loops.
"""
from __future__ import annotations

import numpy as np

from convkit.direct import conv2d_loops_backward

from ..._core import checker
from ..._answers import is_array, judge_array
from ..._unit import Unit, unit_messages

__all__ = ["COL2IM_TASK", "input_gradient_task", "input_gradient_col2im"]

M = unit_messages(__name__, __file__)

#: exercise 3's geometry: non-square input, kernel and output, two filters.
COL2IM_TASK = {"input_size": (5, 6), "kernel_size": (3, 2), "filters": 2}


def input_gradient_task():
    """dy (1, 2, 3, 5) and w (2, 1, 3, 2) for a (1, 1, 5, 6) input, stride 1.  Fresh copies."""
    rng = np.random.default_rng(6060)
    dy = rng.integers(-3, 4, size=(1, 2, 3, 5)).astype(np.float64)
    w = rng.integers(-2, 3, size=(2, 1, 3, 2)).astype(np.float64)
    return dy, w


def _sizes():
    (h, w), (kh, kw), f = (COL2IM_TASK[k] for k in ("input_size", "kernel_size", "filters"))
    ho, wo = h - kh + 1, w - kw + 1
    return dict(H=h, W=w, KH=kh, KW=kw, F=f, ho=ho, wo=wo, taps=kh * kw, outputs=ho * wo)


def _fold(dcols, how="add"):
    """Fold dcols (KH·KW, Ho·Wo) into the HxW input, stride 1: ``add`` (col2im), ``last`` /
    ``first`` (overwrite: the last / first write wins, outputs outer, taps inner), ``fancy``
    (``a[ids] += v`` with repeated ids: taps outer) or ``average`` (divided by the counts)."""
    s = _sizes()
    out, seen = np.zeros((s["H"], s["W"])), np.zeros((s["H"], s["W"]), dtype=int)
    order = [(o, k) for o in range(s["outputs"]) for k in range(s["taps"])]
    if how == "fancy":
        order = [(o, k) for k in range(s["taps"]) for o in range(s["outputs"])]
    for o, k in order:
        (oy, ox), (i, j) = divmod(o, s["wo"]), divmod(k, s["KW"])
        y, x = oy + i, ox + j
        if how in ("add", "average"):
            out[y, x] += dcols[k, o]
        elif how in ("last", "fancy") or seen[y, x] == 0:
            out[y, x] = dcols[k, o]
        seen[y, x] += 1
    out = out / np.maximum(seen, 1) if how == "average" else out
    return out.reshape(1, 1, s["H"], s["W"])


def right_dx():
    dy, w = input_gradient_task()
    s = _sizes()
    return conv2d_loops_backward(dy, np.zeros((1, 1, s["H"], s["W"])), w)[0]


def _slips():
    dy, w = input_gradient_task()
    s = _sizes()
    f, taps, outputs = s["F"], s["taps"], s["outputs"]
    wm, dym = w.reshape(f, taps), dy.reshape(f, outputs)
    dcols = wm.T @ dym
    by_columns_w = w.transpose(0, 1, 3, 2).reshape(f, taps)
    by_columns_dy = dy.transpose(0, 1, 3, 2).reshape(f, outputs)
    per_filter = np.stack([_fold(np.outer(wm[i], dym[i]))[0, 0] for i in range(f)])
    return [
        (_fold(dcols, "average"), M("slip.averaged")),
        (_fold(dcols, "fancy"), M("slip.overwritten")),
        (_fold(dcols, "last"), M("slip.overwritten")),
        (_fold(dcols, "first"), M("slip.overwritten")),
        (_fold(w[:, 0, ::-1, ::-1].reshape(f, taps).T @ dym), M("slip.rotated")),
        (_fold(by_columns_w.T @ dym), M("slip.kernel_by_columns")),
        (_fold(wm.T @ by_columns_dy), M("slip.dy_by_columns")),
        (_fold(wm[:1].T @ dym[:1]), M("slip.filter_0", **s)),
        (_fold(wm[::-1].T @ dym), M("slip.filters_paired", **s)),
        (dcols, M("shape.dcols", **s)),
        (dcols.T, M("shape.dcols_transposed", **s)),
        (per_filter, M("shape.per_filter", **s)),
    ]


@checker
def input_gradient_col2im(answer):
    """Exercise 3: dx (1, 1, 5, 6) for :func:`input_gradient_task`, as col2im(Wᵀ @ dY)."""
    s = _sizes()
    shapes = {
        (s["taps"], s["outputs"]): M("shape.dcols", **s),
        (s["outputs"], s["taps"]): M("shape.dcols_transposed", **s),
        (s["ho"], s["wo"]): M("shape.output", **s),
        (s["F"], s["ho"], s["wo"]): M("shape.dy", **s),
        (s["F"], s["H"], s["W"]): M("shape.per_filter", **s),
    }
    return judge_array(answer, right_dx(), M("name.dx"), slips=_slips(), shapes=shapes,
                       praise=M("praise"))


def _is_right(answer):
    return is_array(answer, right_dx())


SOLUTION = """
dy3, w3 = ex06.input_gradient_task()  # dy (1, 2, 3, 5), w (2, 1, 3, 2): a 5×6 input
W3 = w3.reshape(2, -1)                # (F, KH*KW) = (2, 6): each kernel flattened row by row
dY3 = dy3.reshape(2, -1)              # (F, L) = (2, 15): each dY map flattened row by row
dcols = W3.T @ dY3                    # (6, 15): the gradient of every copy in cols
dx3 = ck.col2im(dcols[None], (5, 6), (3, 2))   # add every copy back onto its pixel
ex06.input_gradient_col2im(dx3)
"""

UNIT = Unit(input_gradient_col2im, messages=M, solution_code=SOLUTION, is_right=_is_right,
            fields=_sizes,
            stated=["A 5×6 input x (1, 1, 5, 6) and two 3×2 filters w (2, 1, 3, 2)",
                    "dY is (1, 2, 3, 5)", "shape (6, 15)"])
