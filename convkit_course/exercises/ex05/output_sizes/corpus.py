"""What students hand in for ex05.output_sizes, worked out on paper for the three geometries
(H, K, S, P, D) = (13, 3, 3, 3, 1), (7, 4, 2, 3, 3), (13, 2, 2, 0, 3).

Right: padded 19, reach 3, (19 - 3) // 3 + 1 = 6; padded 13, reach 10, (13 - 10) // 2 + 1 = 2;
padded 13, reach 4, (13 - 4) // 2 + 1 = 5.  Each slip is the same work with one thing wrong.
"""
import numpy as np

from convkit_course.exercises._corpus import other, right, slip

CORPUS = [
    right([6, 2, 5], why="the formula three times"),
    right((6, 2, 5), why="a tuple"),
    right(np.array([6.0, 2.0, 5.0]), why="whole floats"),
    right([[6, 2, 5]], why="a 1 x 3 list"),
    right((np.int64(6), np.int64(2), np.int64(5)), why="numpy ints"),
    slip([19 / 3, 2.5, 5.5], hint="slip.no_floor", why="/ without the floor"),
    slip([6.33, 2.5, 5.5], hint="slip.no_floor", why="no floor, rounded to two decimals"),
    slip([7, 3, 6], hint="slip.ceil", why="rounded up"),
    slip([6, 3, 5], hint="slip.rounded", why="round(16/3)+1, round(1.5)+1, round(4.5)+1"),
    slip([5, 1, 5], hint="slip.pad_once", why="H + P"),
    slip([4, -1, 5], hint="slip.no_padding", why="no padding"),
    slip([5, 0, 5], hint="slip.padding_bool", why="one pixel of padding"),
    slip([6, 5, 6], hint="slip.no_dilation", why="reach K"),
    slip([6, 1, 4], hint="slip.reach_dk", why="reach D*K"),
    slip([7, 4, 6], hint="slip.dilation_gaps", why="reach (D-1)(K-1)+1"),
    slip([6, 4, 6], hint="slip.dilation_on_off", why="reach 2K - 1 for any D > 1"),
    slip([5, 1, 4], hint="slip.no_plus_one", why="no + 1"),
    slip([6, 3, 6], hint="slip.no_minus_one", why="no - 1"),
    slip([5, 2, 5], hint="slip.no_minus_no_plus", why="neither"),
    slip([17, 4, 10], hint="slip.no_stride", why="no division by S"),
    slip([11, 4, 12], hint="slip.simple", why="H - K + 1"),
    slip([13, 3, 4], hint="slip.swapped", why="S and D swapped"),
    slip([5, 4, 7], hint="slip.same", why="ceil(H / S)"),
    slip([18, 5, 11], hint="slip.precedence", why="- 1 // S + 1"),
    slip([5, 2, 6], hint="reversed", why="in reverse order"),
    slip([6, 5, 5], hint="slip.no_dilation", why="only the second geometry: reach K"),
    slip([6, 2, 4], hint="slip.reach_dk", why="only the third: reach D*K"),
    slip([6, 2], hint="count", why="two numbers"),
    slip(6, hint="count", why="one number"),
    other([6, 2, 9], why="a guess for the third"),
    slip(None, hint="core:answer.empty", why="the scaffold, unfilled"),
    slip("625", hint="core:answer.numeric_text", why="text"),
]
