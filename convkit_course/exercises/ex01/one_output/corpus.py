"""What students hand in for ex01.one_output, worked out by hand from the numbers the notebook
prints (``x_ex, k_ex = ex01.one_output_problem()``): output row 1, column 2.

Each slip is the hand computation with one thing done wrong, written out with numpy here the
way a student would do it on paper: pick a window, lay a kernel on it, combine.
"""
import numpy as np

from convkit_course.exercises._corpus import other, right, slip
from convkit_course.exercises.ex01 import one_output_problem

x, k = one_output_problem()
x, k = x.astype(float), k.astype(float)


def window(r, c):
    """The 3 x 3 block of x whose top-left corner is input (r, c)."""
    return x[r:r + 3, c:c + 3]


def out(r, c, kernel=k):
    return float(np.sum(window(r, c) * kernel))


RIGHT = out(1, 2)  # 0·3 + 0·(-2) + 2·2 + 0·(-2) + 4·3 + 3·(-2) + 3·1 + 3·(-2) + 3·0 = 7

CORPUS = [
    right(RIGHT, why="the nine products, summed"),
    right(int(RIGHT), why="an int"),
    right(np.float32(RIGHT), why="a float32"),
    right(np.array([RIGHT]), why="a one-element array"),
    right([[RIGHT]], why="a 1 x 1 list"),
    right(np.int64(RIGHT), why="a numpy int"),
    slip(out(1, 2, k[::-1, ::-1]), hint="slip.flipped", why="true convolution: kernel rotated"),
    slip(out(1, 2, np.flipud(k)), hint="slip.flipped_up_down", why="np.flipud(k)"),
    slip(out(1, 2, np.fliplr(k)), hint="slip.flipped_left_right", why="np.fliplr(k)"),
    slip(out(1, 2, k.T), hint="slip.kernel_transposed", why="k[j, i] on x[r+i, c+j]"),
    slip(out(2, 1), hint="slip.position_swapped", why="row 2, column 1"),
    slip(out(0, 1), hint="slip.counted_from_one", why="rows and columns counted from 1"),
    slip(float(np.sum(x[0:3, 1:4] * k)), hint="slip.counted_from_one",
         why="the window centred on input (1, 2)"),
    slip(float(np.sum(window(1, 2))), hint="slip.inputs_alone", why="summed the inputs only"),
    slip(float(np.sum(k)), hint="slip.kernel_alone", why="summed the kernel only"),
    slip(-RIGHT, hint="slip.sign", why="every sign flipped"),
    slip(float(np.sum(window(1, 2) * np.abs(k))), hint="slip.dropped_minus",
         why="the minus signs dropped"),
    slip(float(np.sum(window(1, 2) @ k)), hint="slip.matrix_product", why="@ instead of *"),
    slip(float(np.max(window(1, 2) * k)), hint="slip.max_product", why="the largest product"),
    slip(RIGHT / 9, hint="slip.mean", why="the mean of the products"),
    slip(round(RIGHT / 9, 2), hint="slip.mean", why="the mean, rounded to two decimals"),
    slip(out(0, 0), hint="slip.other_output", why="output (0, 0)"),
    slip(out(1, 1), hint="slip.other_output", why="one column too far left"),
    slip(out(2, 2), hint="slip.other_output", why="one row too far down"),
    slip(out(0, 2), hint="slip.other_output", why="row 0"),
    slip(4 + 12 - 6 + 3, hint="slip.product_missed", why="the last -6 left out"),
    slip(12 - 6 + 3 - 6, hint="slip.product_missed", why="the 2·2 in the first row left out"),
    slip(4 + 12 + 6 + 3 - 6, hint="slip.sign_lost", why="3·(-2) counted as +6"),
    slip([[out(r, c) for c in range(3)] for r in range(3)], hint="whole_output",
         why="computed the whole output map"),
    slip(np.array([out(r, c, k[::-1, ::-1]) for r in range(3) for c in range(3)]),
         hint="whole_output_flipped", why="np.convolve-style: the whole true convolution"),
    other(RIGHT + 3, why="an addition slip"),
    other(RIGHT - 1, why="another addition slip"),
    slip(None, hint="core:answer.empty", why="the scaffold, unfilled"),
    slip("7", hint="core:answer.numeric_text", why="the number in quotes"),
    slip([RIGHT, RIGHT], hint="core:answer.not_one_number", why="two numbers"),
]
