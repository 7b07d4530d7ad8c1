"""The warm-up of notebook 00: how many columns wide is a correlation's output?

    ex00.article_output_size(answer)     # a number: the output's width

The article's 3 × 3 kernel, moved one step at a time with no padding, over an input that is
not square (4 pixels high, 9 wide), so that the output's width differs from its height, from
the kernel's width and from every slip below (the corpus test checks it): the window's
positions miscounted (no + 1, one too many), the input's or the output's other axis, counts
of pixels instead of a width, a 'full' correlation, the kernel's width itself.
"""
from __future__ import annotations

from ..._answers import judge_count
from ..._core import CORE, Reject, as_array, checker, not_yet
from ..._unit import Unit, unit_messages

__all__ = ["article_output_size"]

M = unit_messages(__name__, __file__)

# The input is H pixels high and W wide; the kernel K x K, stride 1, no padding.
PROBLEM = dict(H=4, W=9, K=3)


def right_width():
    return PROBLEM["W"] - PROBLEM["K"] + 1


def _fields():
    H, W, K = PROBLEM["H"], PROBLEM["W"], PROBLEM["K"]
    return dict(H=H, W=W, K=K, Ho=H - K + 1, Wo=W - K + 1, last=W - K, Wo_end=W, W_last=W - 1)


def _slips():
    """(the number a student gets with the slip, its message)."""
    f = _fields()
    H, W, K, Ho, Wo = f["H"], f["W"], f["K"], f["Ho"], f["Wo"]
    return [
        (W - K, M("slip.no_plus_one", **f)),
        (W - K + 2, M("slip.one_too_many", **f)),
        (W - K - 1, M("slip.minus_one", **f)),
        (W, M("slip.input_width", **f)),
        (H, M("slip.input_height", **f)),
        (Ho, M("slip.output_height", **f)),
        (Ho * Wo, M("slip.output_pixels", n=Ho * Wo, **f)),
        (H * W, M("slip.input_pixels", n=H * W, **f)),
        (W + K, M("slip.plus_kernel", n=W + K, **f)),
        (W + K - 1, M("slip.full", n=W + K - 1, **f)),
        (W * K, M("slip.product", n=W * K, **f)),
        (K, M("slip.kernel_width", **f)),
        (5 - K + 1, M("slip.article", **f)),
    ]


def _pair(answer):
    """The hint when ``answer`` is two numbers (the output's height and width), else None."""
    try:
        values = as_array(answer).ravel()
    except Reject:
        return None
    if values.size != 2:
        return None
    f = _fields()
    if list(values) == [f["Ho"], f["Wo"]]:
        return M("slip.shape", **f)
    if list(values) == [f["Wo"], f["Ho"]]:
        return M("slip.shape_swapped", **f)
    return None


@checker
def article_output_size(answer):
    """The warm-up: the output's width for an H x W input and a K x K kernel (stride 1)."""
    pair = _pair(answer)
    if pair is not None:
        return not_yet(pair)
    return judge_count(answer, right_width(), _slips(), praise=M("praise", **_fields()),
                       catch_all=M("fallback", **_fields()), name=CORE("name.answer"))


def _is_right(answer):
    try:
        values = as_array(answer)
        return values.size == 1 and float(values.reshape(())) == right_width()
    except Reject:
        return False


SOLUTION = """
from convkit_course.exercises import ex00

# The 3-wide window can start at columns 0, 1, ..., 6 of the 9 columns:
# W - K + 1 = 9 - 3 + 1 positions.  The input's height (4) does not matter for the width.
answer = 9 - 3 + 1

ex00.article_output_size(answer)
"""

UNIT = Unit(article_output_size, messages=M, solution_code=SOLUTION, is_right=_is_right,
            fields=_fields,
            stated=[f"an input **{PROBLEM['H']} pixels high and {PROBLEM['W']} wide**",
                    f"the article's {PROBLEM['K']}×{PROBLEM['K']} kernel"])
