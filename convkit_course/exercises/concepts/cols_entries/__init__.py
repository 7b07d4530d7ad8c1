"""Notebook 06's question: how many numbers does ``ck.im2col`` store?

    concepts.cols_entries(answer)       # a number

A 4 × 7 input, a 3 × 3 kernel (one image, one channel, stride 1, no padding): 2 × 5 = 10
outputs × 9 kernel weights = 90.  The sizes are chosen so that the count differs from every
slip below (the corpus test checks it) — on the old 4 × 6 input, H · W · K (every input copied
K times) gave the right 72: the input's size, the outputs, the kernel's weights, every input
copied K² or K times, the 5 × 5 example's count, outputs × K, no + 1, the padded ('full') size,
outputs plus weights, one row per output squared.
"""
from __future__ import annotations

import numpy as np

from convkit.im2col_gemm import im2col

from ..._answers import is_count, judge_count
from ..._core import checker
from ..._unit import Unit, unit_messages

__all__ = ["cols_entries"]

M = unit_messages(__name__, __file__)

QUESTION = dict(input_size=(4, 7), kernel=3)


def right_count():
    """The size of what convkit's im2col builds for this input."""
    return int(im2col(np.zeros((1, 1) + QUESTION["input_size"]), QUESTION["kernel"]).size)


def _fields():
    (h, w), k = QUESTION["input_size"], QUESTION["kernel"]
    ho, wo = h - k + 1, w - k + 1
    return dict(h=h, w=w, k=k, ho=ho, wo=wo, outputs=ho * wo, taps=k * k,
                right=ho * wo * k * k, inputs=h * w, avg=f"{ho * wo * k * k / (h * w):.3g}")


def _slips():
    f = _fields()
    h, w, k, ho, wo = f["h"], f["w"], f["k"], f["ho"], f["wo"]
    return [
        (h * w, M("slip.inputs", **f)),
        (ho * wo, M("slip.outputs", **f)),
        (k * k, M("slip.taps", **f)),
        (h * w * k * k, M("slip.every_input", n=h * w * k * k, **f)),
        (h * w * k, M("slip.input_times_k", n=h * w * k, **f)),
        (81, M("slip.article", **f)),
        (ho * wo * k, M("slip.outputs_times_k", n=ho * wo * k, **f)),
        ((h - k) * (w - k) * k * k, M("slip.no_plus_one", n=(h - k) * (w - k) * k * k, **f)),
        ((h + k - 1) * (w + k - 1) * k * k, M("slip.full", n=(h + k - 1) * (w + k - 1) * k * k,
                                              fh=h + k - 1, fw=w + k - 1, **f)),
        (ho * wo + k * k, M("slip.added", n=ho * wo + k * k, **f)),
    ]


@checker
def cols_entries(answer):
    """The number of entries of the im2col matrix of QUESTION's input and kernel."""
    f = _fields()
    return judge_count(answer, right_count(), _slips(), praise=M("praise", **f),
                       catch_all=M("fallback", **f), name=M("name"))


def _is_right(answer):
    return is_count(answer, right_count())


SOLUTION = """
from convkit_course.exercises import concepts

# One column per output: (4 - 3 + 1) x (7 - 3 + 1) = 2 x 5 = 10 columns;
# one row per kernel weight: 3 x 3 = 9 rows.  cols is (9, 10).
answer = (4 - 3 + 1) * (7 - 3 + 1) * 3 * 3
concepts.cols_entries(answer)
"""

_F = _fields()
UNIT = Unit(cols_entries, messages=M, solution_code=SOLUTION, is_right=_is_right,
            fields=_fields,
            stated=[f"For a **{_F['h']}×{_F['w']}** input and a {_F['k']}×{_F['k']} kernel"])
