"""Notebook 07's question: how many terms does an input pixel's gradient sum with C channels
and F filters?

    concepts.dx_terms_channels(answer)      # a number

4 input channels, 8 filters of 3 × 3, stride 1, no padding; an interior pixel of one channel:
9 windows × 8 filters = 72.  The channel count (4) is not the kernel's width (3), so that
channels × filters × kernel width does not land on the right count as it did with 3 channels;
every slip below gives its own number (the corpus test checks it): the windows alone, the
filters alone, times the channels, channels × filters, filters × kernel width, windows + filters.
"""
from __future__ import annotations

import numpy as np

from convkit.direct import conv2d_loops_backward

from ..._answers import is_count, judge_count
from ..._core import checker
from ..._unit import Unit, unit_messages

__all__ = ["dx_terms_channels"]

M = unit_messages(__name__, __file__)

QUESTION = dict(channels=4, filters=8, kernel=3)


def right_count():
    """dX of an interior pixel with every weight 1 and dY all ones (convkit's literal loops)."""
    c, f, k = QUESTION["channels"], QUESTION["filters"], QUESTION["kernel"]
    n = 2 * k + 1  # big enough for an interior pixel
    dx, _, _ = conv2d_loops_backward(np.ones((1, f, n - k + 1, n - k + 1)),
                                     np.zeros((1, c, n, n)), np.ones((f, c, k, k)))
    return int(round(dx[0, 0, k, k]))


def _fields():
    c, f, k = QUESTION["channels"], QUESTION["filters"], QUESTION["kernel"]
    return dict(C=c, F=f, k=k, windows=k * k, right=k * k * f)


def _slips():
    fl = _fields()
    c, f, k, win = fl["C"], fl["F"], fl["k"], fl["windows"]
    return [
        (win, M("slip.windows", **fl)),
        (win * c, M("slip.times_channels", n=win * c, **fl)),
        (win * c * f, M("slip.all_three", n=win * c * f, **fl)),
        (f, M("slip.filters", **fl)),
        (c * f, M("slip.channels_filters", n=c * f, **fl)),
        (c * f * k, M("slip.channels_filters_width", n=c * f * k, **fl)),
        (f * k, M("slip.filters_width", n=f * k, **fl)),
        (win + f, M("slip.added", n=win + f, **fl)),
    ]


@checker
def dx_terms_channels(answer):
    """Terms in dX at an interior pixel of one input channel (QUESTION's C, F, K)."""
    fl = _fields()
    return judge_count(answer, right_count(), _slips(), praise=M("praise", **fl),
                       catch_all=M("fallback", **fl), name=M("name"))


def _is_right(answer):
    return is_count(answer, right_count())


SOLUTION = """
from convkit_course.exercises import concepts

# An interior pixel sits in 3 x 3 = 9 windows (its participation count).  Each window is read
# by all 8 filters, and each filter sends back its own dY x weight.  The other channels'
# pixels have gradients of their own: the 4 channels add nothing here.
answer = 9 * 8
concepts.dx_terms_channels(answer)
"""

UNIT = Unit(dx_terms_channels, messages=M, solution_code=SOLUTION, is_right=_is_right,
            fields=_fields,
            stated=["A layer has **{C}** input channels, **{F}** filters of {k}×{k}".format(
                **_fields())])
