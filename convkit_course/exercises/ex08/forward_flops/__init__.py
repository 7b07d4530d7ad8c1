"""Exercise 1 of notebook 08: the FLOPs of one forward pass, by hand.

    ex08.FLOPS_LAYER             # x (6, 4, 32, 24), w (10, 4, 3, 3), stride 1, padding 1
    ex08.forward_flops(answer)   # 2·N·F·C·KH·KW·Ho·Wo

The layer's numbers are chosen so that each known slip gives its own count: N, C, F, K all
differ and no product of two of them equals a third (leaving out the channels is not leaving
out one kernel axis, leaving out the filters is not the batch and the factor 2 together), and
the input is not square (Ho·Ho is not Ho·Wo).  The right count is worked out here from the
output of the literal loops, not from convkit.costs.
"""
from __future__ import annotations

import numpy as np

from convkit.direct import conv2d_loops

from ..._core import checker
from ..._answers import is_count, judge_count
from ..._unit import Unit, unit_messages

__all__ = ["FLOPS_LAYER", "forward_flops"]

M = unit_messages(__name__, __file__)

FLOPS_LAYER = {"x": (6, 4, 32, 24), "w": (10, 4, 3, 3), "stride": 1, "padding": 1}


def _sizes():
    (n, c, h, w), (f, _, kh, kw) = FLOPS_LAYER["x"], FLOPS_LAYER["w"]
    p = FLOPS_LAYER["padding"]
    y = conv2d_loops(np.zeros((1, 1, h, w)), np.zeros((1, 1, kh, kw)), padding=p)
    ho, wo = y.shape[2:]
    flops = 2 * n * f * c * kh * kw * ho * wo
    return dict(N=n, C=c, H=h, W=w, F=f, KH=kh, KW=kw, P=p, ho=ho, wo=wo, flops=flops,
                flops_text=f"{flops:,}", mflop=f"{flops / 1e6:.1f}", taps=c * kh * kw,
                outputs=n * f * ho * wo)


def _slips():
    s = _sizes()
    n, c, f, kh, kw, ho, wo, h, w = (s[k] for k in ("N", "C", "F", "KH", "KW", "ho", "wo", "H",
                                                     "W"))
    total = s["flops"]
    unpadded = (h - kh + 1) * (w - kw + 1)
    return [
        (total // 2, M("slip.multiply_adds")),
        (2 * n * f * c * kh * kw * unpadded, M("slip.no_padding", **s)),
        (n * f * c * kh * kw * unpadded, M("slip.two_slips", **s)),
        (total // n, M("slip.no_batch", **s)),
        (total // c, M("slip.no_channels", **s)),
        (total // f, M("slip.no_filters", **s)),
        (total // (kh * kw), M("slip.no_kernel", **s)),
        (total // kh, M("slip.one_kernel_axis", **s)),
        (2 * n * f * c * kh * kw * ho * ho, M("slip.square", **s)),
        (2 * n * f * c * kh * kw * (h + 2) * (w + 2), M("slip.padded_input", **s)),
        (n * f * ho * wo * (2 * c * kh * kw - 1), M("slip.exact_count")),
        (n * f * ho * wo * (2 * c * kh * kw + 1), M("slip.exact_count")),
        (total * 4, M("slip.bytes")),
    ]


@checker
def forward_flops(answer):
    """Exercise 1: the FLOPs of one forward pass of :data:`FLOPS_LAYER`."""
    s = _sizes()
    return judge_count(answer, s["flops"], _slips(), praise=M("praise", **s),
                       catch_all=M("fallback"))


def _is_right(answer):
    return is_count(answer, _sizes()["flops"])


SOLUTION = """
N, C, H, W = 6, 4, 32, 24     # x
F, KH, KW = 10, 3, 3          # w: (F, C, KH, KW)
Ho = (H + 2 * 1 - KH) // 1 + 1     # padding 1 keeps 32 x 24
Wo = (W + 2 * 1 - KW) // 1 + 1
answer = 2 * N * F * Ho * Wo * C * KH * KW   # outputs x products per output x 2
ex08.forward_flops(answer)
"""

UNIT = Unit(forward_flops, messages=M, solution_code=SOLUTION, is_right=_is_right, fields=_sizes,
            stated=["x of shape (6, 4, 32, 24), w of shape (10, 4, 3, 3), stride 1, padding 1"])
