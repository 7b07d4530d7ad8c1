"""Exercise 2 of notebook 08: the bytes of an im2col matrix, by hand.

    ex08.BYTES_LAYER            # x (16, 64, 56, 56) float32, a 5x5 kernel, stride 2, padding 2
    ex08.im2col_bytes(answer)   # N · (C·KH·KW) · (Ho·Wo) · 4

A 5x5 kernel with stride 2 and padding 2 is chosen so that the output-size slips give their
own sizes: rounding (56 + 4 - 5) / 2 = 27.5 up gives 29, padding one side only 27, no padding
26, the right size is 28 (with a 3x3 kernel and padding 1, padding one side only would give the
right 28).  The right count is worked out here from the literal loops' output size.
"""
from __future__ import annotations

import numpy as np

from convkit.direct import conv2d_loops

from ..._core import checker
from ..._answers import is_count, judge_count
from ..._unit import Unit, unit_messages

__all__ = ["BYTES_LAYER", "im2col_bytes"]

M = unit_messages(__name__, __file__)

BYTES_LAYER = {"x": (16, 64, 56, 56), "dtype": "float32", "kernel_size": 5, "stride": 2,
               "padding": 2}


def _sizes():
    n, c, h, w = BYTES_LAYER["x"]
    k, s, p = (BYTES_LAYER[key] for key in ("kernel_size", "stride", "padding"))
    y = conv2d_loops(np.zeros((1, 1, h, w)), np.zeros((1, 1, k, k)), stride=s, padding=p)
    ho, wo = y.shape[2:]
    rows = c * k * k
    total = n * rows * ho * wo * 4
    input_bytes = n * c * h * w * 4
    return dict(N=n, C=c, H=h, W=w, K=k, S=s, P=p, ho=ho, wo=wo, rows=rows, total=total,
                bytes=f"{total:,}", mb=f"{total / 1e6:.1f}", input_mb=f"{input_bytes / 1e6:.1f}",
                ratio=f"{total / input_bytes:.2f}", kk_ss=f"{k * k / s ** 2:g}",
                numerator=h + 2 * p - k, half=f"{(h + 2 * p - k) / s:g}",
                values=f"{n * rows * ho * wo:,}")


def _slips():
    s = _sizes()
    n, c, h, k, p, stride, rows, total = (s[x] for x in ("N", "C", "H", "K", "P", "S", "rows",
                                                          "total"))
    per_column = total // (s["ho"] * s["wo"])
    return [
        (per_column * h * h, M("slip.no_stride", **s)),
        (per_column * (h + 2 * p - k + 1) ** 2, M("slip.no_stride", **s)),
        (total * 2, M("slip.float64")),
        (total // 4, M("slip.values")),
        (total // (k * k), M("slip.no_kernel", **s)),
        (total // k, M("slip.one_k", **s)),
        (total // n, M("slip.one_image", **s)),
        (per_column * ((h + 2 * p - k) // stride + 2) ** 2, M("slip.rounded_up", **s)),
        (per_column * ((h + p - k) // stride + 1) ** 2, M("slip.one_side", **s)),
        (per_column * ((h - k) // stride + 1) ** 2, M("slip.no_padding", **s)),
        (n * c * h * h * 4, M("slip.input", **s)),
        (n * c * (h + 2 * p) ** 2 * 4, M("slip.input", **s)),
        (per_column * ((h + 2 * p - k) // stride) ** 2, M("slip.no_plus_one", **s)),
    ]


@checker
def im2col_bytes(answer):
    """Exercise 2: the bytes of the im2col matrix of :data:`BYTES_LAYER`."""
    s = _sizes()
    return judge_count(answer, s["total"], _slips(), praise=M("praise", **s),
                       catch_all=M("fallback"))


def _is_right(answer):
    return is_count(answer, _sizes()["total"])


SOLUTION = """
N, C, H = 16, 64, 56
K, S, P = 5, 2, 2
Ho = (H + 2 * P - K) // S + 1     # (56 + 4 - 5) // 2 + 1 = 28 (the floor drops half a step)
rows = C * K * K                  # one row per (channel, kernel tap)
answer = N * rows * Ho * Ho * 4   # one column per output pixel, 4 bytes per float32
ex08.im2col_bytes(answer)
"""

UNIT = Unit(im2col_bytes, messages=M, solution_code=SOLUTION, is_right=_is_right, fields=_sizes,
            stated=["(16, 64, 56, 56) in float32", "5×5 kernel with stride 2 and padding 2"])
