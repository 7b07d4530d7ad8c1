"""Exercise 3 of notebook 09: the general multiplies of Winograd F(2×2, 3×3), by hand.

    ex09.WINOGRAD_LAYER          # x (2, 8, 12, 9), w (24, 8, 3, 3), stride 1, padding 1
    ex09.winograd_count(answer)  # N · F · C · 16 · tiles

The layer's numbers are chosen so that each known slip gives its own count: N, C, F differ
and none is 16 (leaving out the channels is not leaving out the 16 per tile), and the output
is 12×9, not square, with an odd width: dropping the half-used last tile column (floor instead
of ceil), forgetting the padding and counting 16 per output each give their own number.
"""
from __future__ import annotations

import math

import numpy as np

from convkit.direct import conv2d_loops

from ..._core import checker
from ..._answers import is_count, judge_count
from ..._unit import Unit, unit_messages

__all__ = ["WINOGRAD_LAYER", "winograd_count"]

M = unit_messages(__name__, __file__)

WINOGRAD_LAYER = {"x": (2, 8, 12, 9), "w": (24, 8, 3, 3), "stride": 1, "padding": 1}


def _sizes():
    (n, c, h, w), (f, _, k, _) = WINOGRAD_LAYER["x"], WINOGRAD_LAYER["w"]
    p = WINOGRAD_LAYER["padding"]
    y = conv2d_loops(np.zeros((1, 1, h, w)), np.zeros((1, 1, k, k)), padding=p)
    ho, wo = y.shape[2:]
    th, tw = math.ceil(ho / 2), math.ceil(wo / 2)
    count = n * f * c * 16 * th * tw
    direct = n * f * c * 9 * ho * wo
    return dict(N=n, C=c, H=h, W=w, F=f, P=p, ho=ho, wo=wo, th=th, tw=tw, tiles=th * tw,
                count=count, direct=direct, ratio=f"{direct / count:.2f}")


def _slips():
    s = _sizes()
    n, c, f, ho, wo, th, tw, count = (s[x] for x in ("N", "C", "F", "ho", "wo", "th", "tw",
                                                      "count"))
    per_tile = count // (th * tw)
    return [
        (s["direct"], M("slip.direct")),
        (count // n, M("slip.no_batch", **s)),
        (count // f, M("slip.no_filters", **s)),
        (count // c, M("slip.no_channels", **s)),
        (per_tile * math.ceil((ho - 2) / 2) * math.ceil((wo - 2) / 2), M("slip.no_padding", **s)),
        (per_tile * (ho // 2) * (wo // 2), M("slip.floor", **s)),
        (n * f * c * 16 * ho * wo, M("slip.per_output")),
        (count // 4, M("slip.four_per_tile")),
        (count // 16, M("slip.one_per_tile")),
        (count * 2, M("slip.flops")),
        (n * f * c * 36 * th * tw, M("slip.direct_per_tile")),
        (per_tile * (ho * wo) // 4, M("slip.outputs_over_4", **s)),
    ]


@checker
def winograd_count(answer):
    """Exercise 3: Winograd F(2×2, 3×3)'s general multiplies for :data:`WINOGRAD_LAYER`."""
    s = _sizes()
    return judge_count(answer, s["count"], _slips(), praise=M("praise", **s),
                       catch_all=M("fallback"))


def _is_right(answer):
    return is_count(answer, _sizes()["count"])


SOLUTION = """
import math
N, C, H, W, F = 2, 8, 12, 9, 24
Ho, Wo = H + 2 * 1 - 3 + 1, W + 2 * 1 - 3 + 1     # padding 1 keeps 12 x 9
tiles = math.ceil(Ho / 2) * math.ceil(Wo / 2)    # 2x2 output tiles: 6 x 5 (the last one half used)
answer = N * F * C * 16 * tiles                  # 16 products per tile, image, filter and channel
ex09.winograd_count(answer)
"""

UNIT = Unit(winograd_count, messages=M, solution_code=SOLUTION, is_right=_is_right,
            fields=_sizes,
            stated=["x of shape (2, 8, 12, 9), w of shape (24, 8, 3, 3), stride 1, padding 1"])
