"""What students hand in for ex00.article_output_size, counted as the exercise reads: the
article's 3 × 3 kernel, stride 1, no padding, over an input 4 pixels high and 9 wide.

Right: the window's left edge sits at columns 0 … 6, so 9 - 3 + 1 = 7.  Each slip is that
count with one thing done wrong.
"""
import numpy as np

from convkit_course.exercises._corpus import other, right, slip

CORPUS = [
    right(7, why="9 - 3 + 1"),
    right(7.0, why="a whole float"),
    right(np.int64(7), why="a numpy int"),
    right(np.array([7]), why="a one-element array"),
    right([[7]], why="a 1 x 1 list"),
    right(np.float32(7), why="a float32"),
    slip(6, hint="slip.no_plus_one", why="9 - 3: the steps, not the positions"),
    slip(8, hint="slip.one_too_many", why="counted a window starting at column 7"),
    slip(5, hint="slip.minus_one", why="9 - 3 - 1"),
    slip(9, hint="slip.input_width", why="the input's width"),
    slip(4, hint="slip.input_height", why="the input's height"),
    slip(2, hint="slip.output_height", why="4 - 3 + 1: the output's height"),
    slip(14, hint="slip.output_pixels", why="2 x 7 output pixels"),
    slip(36, hint="slip.input_pixels", why="4 x 9 input pixels"),
    slip(12, hint="slip.plus_kernel", why="9 + 3"),
    slip(11, hint="slip.full", why="9 + 3 - 1: a 'full' correlation"),
    slip(27, hint="slip.product", why="9 x 3"),
    slip(3, hint="slip.kernel_width", why="the kernel is 3 wide"),
    slip(3, hint="slip.article", why="the article's 5 x 5 answer, remembered"),
    slip((2, 7), hint="slip.shape", why="the output's shape"),
    slip([7, 2], hint="slip.shape_swapped", why="(width, height)"),
    other(10, why="a guess"),
    other(13, why="another guess"),
    slip(7.5, hint="core:answer.not_whole", why="(9 - 3) / 2 + 4.5: a fraction"),
    slip(None, hint="core:answer.empty", why="the scaffold, unfilled"),
    slip("7", hint="core:answer.numeric_text", why="the number in quotes"),
    slip([7, 7, 7], hint="core:answer.not_one_number", why="three numbers"),
]
