"""What students hand in for ex01.output_shape, worked out on paper as the exercise reads:
an input of H × W = 12 × 13, a 3 × 4 kernel (KH × KW), stride 2, padding 3, dilation 4.

Padded: 12 + 6 = 18 rows, 13 + 6 = 19 columns.  Reach of the dilated kernel: 4·2 + 1 = 9
rows, 4·3 + 1 = 13 columns.  Each slip below is the same arithmetic with one thing done wrong.
"""
import numpy as np

from convkit_course.exercises._corpus import other, right, slip

CORPUS = [
    # ------------------------------------------------------------------ right, in every form
    right((5, 4), why="(18 - 9) // 2 + 1 = 5, (19 - 13) // 2 + 1 = 4"),
    right([5, 4], why="a list"),
    right(np.array([5, 4]), why="an array"),
    right((5.0, 4.0), why="whole floats"),
    right((np.int64(5), np.int64(4)), why="numpy integers"),
    right(np.array([[5, 4]]), why="a 1 x 2 array"),
    right((1, 1, 5, 4), why="the output's NCHW shape, N = F = 1"),
    right((1, 5, 4), why="(F, H, W) with one filter"),
    right([(5, 4)], why="the pair inside a list"),
    right(np.zeros((1, 1, 5, 4)).shape, why="the shape of an array made for it"),
    # ------------------------------------------------------------------ slips in the formula
    slip((6, 4), hint="slip.rounded_up", why="ceil(9 / 2) + 1 = 6, ceil(6 / 2) + 1 = 4"),
    slip((6, 4), hint="slip.no_minus_one", why="(18 - 8) // 2 + 1 = 6, (19 - 12) // 2 + 1 = 4"),
    slip((4, 2), hint="slip.pad_once", why="(12 + 3 - 9) // 2 + 1 = 4, (13 + 3 - 13) // 2 + 1 = 2"),
    slip((4, 2), hint="slip.reach_DK", why="reach 4·3 = 12 and 4·4 = 16: (18 - 12) // 2 + 1, "
                                           "(19 - 16) // 2 + 1"),
    slip((4, 3), hint="slip.no_plus_one", why="(18 - 9) // 2 = 4, (19 - 13) // 2 = 3"),
    slip((2, 1), hint="slip.no_padding", why="(12 - 9) // 2 + 1 = 2, (13 - 13) // 2 + 1 = 1"),
    slip((8, 8), hint="slip.kernel_not_reach", why="dilation forgotten: (18 - 3) // 2 + 1 = 8, "
                                                   "(19 - 4) // 2 + 1 = 8"),
    slip((10, 7), hint="slip.no_stride", why="18 - 9 + 1 = 10, 19 - 13 + 1 = 7"),
    slip((10, 10), hint="slip.simple_formula", why="12 - 3 + 1, 13 - 4 + 1"),
    slip((4, 4), hint="slip.stride_dilation_swapped",
         why="reach 2·(K - 1) + 1 and step 4: (18 - 5) // 4 + 1 = 4, (19 - 7) // 4 + 1 = 4"),
    slip((7, 7), hint="slip.dilation_on_off", why="one gap between taps, reach 2K - 1: "
                                                  "(18 - 5) // 2 + 1 = 7, (19 - 7) // 2 + 1 = 7"),
    slip((5, 3), hint="slip.no_minus_no_plus", why="(18 - 8) // 2 = 5, (19 - 12) // 2 = 3"),
    slip((3, 2), hint="slip.padding_bool", why="one zero per side: (14 - 9) // 2 + 1 = 3, "
                                               "(15 - 13) // 2 + 1 = 2"),
    slip((6, 7), hint="slip.same_padding", why="TensorFlow's 'same': ceil(12 / 2), ceil(13 / 2)"),
    slip((5.5, 4), hint="slip.no_floor", why="(18 - 9) / 2 + 1 = 5.5, no floor"),
    slip((5.5, 4.0), hint="slip.no_floor", why="both divisions as floats"),
    # ------------------------------------------------------------------ slips in the two axes
    slip((4, 5), hint="slip.axes_swapped", why="(width, height)"),
    slip([4, 5], hint="slip.axes_swapped", why="(width, height) as a list"),
    slip((5, 6), hint="slip.kernel_square", why="a 3 x 3 kernel: the width (19 - 9) // 2 + 1 = 6"),
    slip((3, 4), hint="slip.kernel_square", why="a 4 x 4 kernel: the height (18 - 13) // 2 + 1 = 3"),
    slip((3, 6), hint="slip.axes_mixed", why="H with KW, W with KH"),
    slip((6, 3), hint="slip.axes_mixed", why="W with KH for the height, H with KW for the width"),
    slip((5, 8), hint="height_right", why="the height right; the width without dilation, "
                                          "(19 - 4) // 2 + 1 = 8"),
    slip((7, 4), hint="width_right", why="the width right; the height with reach 2·2 + 1 = 5: "
                                         "(18 - 5) // 2 + 1 = 7"),
    slip((1, -1), hint="impossible", why="no padding and reach D·K: (12 - 12) // 2 + 1, "
                                         "(13 - 16) // 2 + 1"),
    # ------------------------------------------------------------------ no known slip: ✘, the fallback
    other((9, 9), why="a guess"),
    other((6, 5), why="both axes off by one, upwards"),
    # ------------------------------------------------------------------ slips in the form
    slip(5, hint="one_number", why="the height alone"),
    slip(4, hint="one_number", why="the width alone"),
    slip((5, 4, 1), hint="two_numbers", why="three numbers"),
    slip(np.zeros((2, 2)), hint="two_numbers", why="a 2 x 2 array"),
    slip(None, hint="core:answer.empty", why="the scaffold, unfilled"),
    slip(..., hint="core:answer.empty", why="the scaffold's ..."),
    slip("(5, 4)", hint="core:answer.text", why="the answer in quotes"),
    slip((5, "4"), hint="core:answer.strings", why="one number in quotes"),
]
