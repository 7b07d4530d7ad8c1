"""What students hand to ex08.forward_flops for x (6, 4, 32, 24), w (10, 4, 3, 3), stride 1,
padding 1 — each slip the count a student writes down with one factor done wrong."""
import numpy as np

from convkit_course.exercises._corpus import other, right, slip

N, C, H, W, F, K = 6, 4, 32, 24, 10, 3
RIGHT = 2 * N * F * C * K * K * 32 * 24        # padding 1 keeps 32 x 24

CORPUS = [
    right(RIGHT, why="2 · N · F · C · K · K · Ho · Wo"),
    right(float(RIGHT), why="a float"),
    right(np.int64(RIGHT), why="a numpy int"),
    right(3.31776e6, why="in scientific notation"),
    right([RIGHT], why="a one-element list"),
    slip(RIGHT // 2, hint="slip.multiply_adds", why="multiply-adds"),
    slip(2 * N * F * C * K * K * 30 * 22, hint="slip.no_padding", why="30 × 22 output"),
    slip(N * F * C * K * K * 30 * 22, hint="slip.two_slips", why="MACs, no padding"),
    slip(2 * F * C * K * K * 32 * 24, hint="slip.no_batch", why="one image"),
    slip(2 * N * F * K * K * 32 * 24, hint="slip.no_channels", why="no C"),
    slip(2 * N * C * K * K * 32 * 24, hint="slip.no_filters", why="no F"),
    slip(2 * N * F * C * 32 * 24, hint="slip.no_kernel", why="no K·K"),
    slip(2 * N * F * C * K * 32 * 24, hint="slip.one_kernel_axis", why="K instead of K·K"),
    slip(2 * N * F * C * K * K * 32 * 32, hint="slip.square", why="32 × 32 output"),
    slip(2 * N * F * C * K * K * 34 * 26, hint="slip.padded_input", why="the padded size"),
    slip(N * F * 32 * 24 * (2 * C * K * K - 1), hint="slip.exact_count",
         why="C·K·K multiplies and C·K·K - 1 adds"),
    slip(RIGHT * 4, hint="slip.bytes", why="times 4 bytes"),
    other(RIGHT + 1000, why="an arithmetic slip"),
    slip(None, hint="core:answer.empty", why="the scaffold, unfilled"),
    slip("3317760", hint="core:answer.numeric_text", why="in quotes"),
    slip(RIGHT / 7, hint="core:answer.not_whole", why="a fraction"),
]
