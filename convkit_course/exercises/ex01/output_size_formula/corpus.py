"""Functions students hand to ex01.output_size_formula, written the way students write them
(each slip is a student's own line of code, not a variant of the checker's formulas)."""
import math

import numpy as np

from convkit_course.exercises._corpus import other, right, slip


# ----------------------------------------------------------------------------- right
def formula(I, K, S=1, P=0, D=1):
    return (I + 2 * P - D * (K - 1) - 1) // S + 1


def with_names(I, K, S=1, P=0, D=1):
    padded = I + 2 * P
    reach = D * (K - 1) + 1
    return (padded - reach) // S + 1


def counting(I, K, S=1, P=0, D=1):
    """Slide the window and count where it fits (notebook 01's count_positions)."""
    reach, start, count = D * (K - 1) + 1, 0, 0
    while start + reach <= I + 2 * P:
        count, start = count + 1, start + S
    return count


def with_floor(I, K, S=1, P=0, D=1):
    return math.floor((I + 2 * P - D * (K - 1) - 1) / S) + 1


def with_int(I, K, S=1, P=0, D=1):
    return int((I + 2 * P - D * (K - 1) - 1) / S) + 1  # int() floors what is never negative here


def numpy_floor(I, K, S=1, P=0, D=1):
    return np.floor((I + 2 * P - D * (K - 1) - 1) / S) + 1  # a whole np.float64


def numpy_int(I, K, S=1, P=0, D=1):
    return np.int64(I + 2 * P - D * (K - 1) - 1) // S + 1


def keyword_only(I, K, *, S=1, P=0, D=1):
    return (I + 2 * P - D * (K - 1) - 1) // S + 1


def stateful_but_harmless(I, K, S=1, P=0, D=1, _seen=[]):
    _seen.append(I)  # remembers its calls, but the answer does not depend on them
    return formula(I, K, S, P, D)


# ----------------------------------------------------------------------------- slips
def ceil(I, K, S=1, P=0, D=1):
    return math.ceil((I + 2 * P - D * (K - 1) - 1) / S) + 1


def rounded(I, K, S=1, P=0, D=1):
    return round((I + 2 * P - D * (K - 1) - 1) / S) + 1


def true_division(I, K, S=1, P=0, D=1):
    return (I + 2 * P - D * (K - 1) - 1) / S + 1


def pad_once(I, K, S=1, P=0, D=1):
    return (I + P - D * (K - 1) - 1) // S + 1


def no_padding(I, K, S=1, P=0, D=1):
    return (I - D * (K - 1) - 1) // S + 1


def undilated(I, K, S=1, P=0, D=1):
    return (I + 2 * P - K) // S + 1


def reach_dk(I, K, S=1, P=0, D=1):
    return (I + 2 * P - D * K) // S + 1


def no_plus_one(I, K, S=1, P=0, D=1):
    return (I + 2 * P - D * (K - 1) - 1) // S


def no_minus_one(I, K, S=1, P=0, D=1):
    return (I + 2 * P - D * (K - 1)) // S + 1


def no_minus_no_plus(I, K, S=1, P=0, D=1):
    return (I + 2 * P - D * (K - 1)) // S


def no_stride(I, K, S=1, P=0, D=1):
    return I + 2 * P - D * (K - 1)


def simple(I, K, S=1, P=0, D=1):
    return I - K + 1


def swapped_s_d(I, K, S=1, P=0, D=1):
    return (I + 2 * P - S * (K - 1) - 1) // D + 1


def dilation_on_off(I, K, S=1, P=0, D=1):
    reach = 2 * K - 1 if D > 1 else K  # "dilated" = one gap between the taps
    return (I + 2 * P - reach) // S + 1


def padding_bool(I, K, S=1, P=0, D=1):
    pad = 1 if P else 0  # padding switched on
    return (I + 2 * pad - D * (K - 1) - 1) // S + 1


def padding_as_bool(I, K, S=1, P=0, D=1):
    return (I + 2 * bool(P) - D * (K - 1) - 1) // S + 1


def same_padding(I, K, S=1, P=0, D=1):
    return math.ceil(I / S)


def precedence(I, K, S=1, P=0, D=1):
    return I + 2 * P - D * (K - 1) - 1 // S + 1


def stride_two(I, K, S=1, P=0, D=1):
    return (I + 2 * P - D * (K - 1) - 1) // 2 + 1  # the stride of the example


def dilation_two(I, K, S=1, P=0, D=1):
    return (I + 2 * P - 2 * (K - 1) - 1) // S + 1  # the dilation of the example


def padding_two(I, K, S=1, P=0, D=1):
    return (I + 2 * 2 - D * (K - 1) - 1) // S + 1


def stride_three(I, K, S=1, P=0, D=1):
    return (I + 2 * P - D * (K - 1) - 1) // 3 + 1


def order_p_s_d(I, K, P=0, S=1, D=1):
    return (I + 2 * P - D * (K - 1) - 1) // S + 1


def order_s_d_p(I, K, S=1, D=1, P=0):
    return (I + 2 * P - D * (K - 1) - 1) // S + 1


def order_d_s_p(I, K, D=1, S=1, P=0):
    return (I + 2 * P - D * (K - 1) - 1) // S + 1


def off_for_big_inputs(I, K, S=1, P=0, D=1):
    return formula(I, K, S, P, D) + (I > 12)  # right on every size the notebook shows


def as_text(I, K, S=1, P=0, D=1):
    return str(formula(I, K, S, P, D))


def unfinished(I, K, S=1, P=0, D=1):
    return ...


def returns_none(I, K, S=1, P=0, D=1):
    (I + 2 * P - D * (K - 1) - 1) // S + 1  # forgot the return


def counts_calls(I, K, S=1, P=0, D=1, _calls=[0]):
    _calls[0] += 1
    return formula(I, K, S, P, D) + (_calls[0] % 2 == 0)  # a global counter leaks in


CORPUS = [
    right(formula, why="the formula in one line"),
    right(with_names, why="padded length and reach named"),
    right(counting, why="slide and count"),
    right(with_floor, why="math.floor of a true division"),
    right(with_int, why="int() of a non-negative true division"),
    right(numpy_floor, why="np.floor: whole np.float64"),
    right(numpy_int, why="np.int64 arithmetic"),
    right(stateful_but_harmless, why="keeps a list, answers right"),
    right(keyword_only, why="S, P, D keyword-only"),
    slip(ceil, hint="slip.rounded_up", why="math.ceil"),
    slip(rounded, hint="slip.rounded_nearest", why="round() to the nearest"),
    slip(true_division, hint="slip.no_floor", why="/ without a floor"),
    slip(pad_once, hint="slip.pad_once", why="I + P"),
    slip(no_padding, hint="slip.no_padding", why="P forgotten"),
    slip(undilated, hint="slip.kernel_not_reach", why="K for the reach"),
    slip(reach_dk, hint="slip.reach_DK", why="reach D*K"),
    slip(no_plus_one, hint="slip.no_plus_one", why="no + 1"),
    slip(no_minus_one, hint="slip.no_minus_one", why="no - 1"),
    slip(no_minus_no_plus, hint="slip.no_minus_no_plus", why="the - 1 and the + 1 'cancel'"),
    slip(no_stride, hint="slip.no_stride", why="S forgotten"),
    slip(simple, hint="slip.simple_formula", why="I - K + 1"),
    slip(swapped_s_d, hint="slip.stride_dilation_swapped", why="S and D swapped"),
    slip(dilation_on_off, hint="slip.dilation_on_off", why="dilation as on/off"),
    slip(padding_bool, hint="slip.padding_bool", why="padding as on/off"),
    slip(padding_as_bool, hint="slip.padding_bool", why="2 * bool(P)"),
    slip(same_padding, hint="slip.same_padding", why="TensorFlow's 'same' size"),
    slip(precedence, hint="slip.precedence", why="no brackets around the numerator"),
    slip(stride_two, hint="slip.stride_fixed", why="stride hard-coded to 2"),
    slip(stride_three, hint="slip.stride_fixed", why="stride hard-coded to 3"),
    slip(dilation_two, hint="slip.dilation_fixed", why="dilation hard-coded to 2"),
    slip(padding_two, hint="slip.padding_fixed", why="padding hard-coded to 2"),
    slip(order_p_s_d, hint="slip.divided_by_zero", why="def f(I, K, P, S, D): divides by P = 0"),
    slip(order_s_d_p, hint="slip.argument_order", why="def f(I, K, S, D, P)"),
    slip(order_d_s_p, hint="slip.divided_by_zero", why="def f(I, K, D, S, P): divides by P"),
    other(off_for_big_inputs, why="wrong only for inputs larger than the notebook's"),
    slip(counts_calls, hint="core:case.second_call", why="a counter changes the answer"),
    slip(as_text, hint="core:answer.numeric_text", why="returns the number as text"),
    slip(unfinished, hint="core:answer.returned_empty", why="the scaffold's return ..."),
    slip(returns_none, hint="core:answer.returned_empty", why="no return statement"),
    slip(formula(5, 3), hint="core:answer.not_callable", why="called it: passed its result"),
    slip(None, hint="core:answer.function_empty", why="nothing handed in"),
]
