"""What students answer for concepts.cols_entries (notebook 06): for a 4 × 7 input and a 3 × 3
kernel, how many numbers does ck.im2col store?  (2 × 5) outputs × 9 weights = 90."""
import numpy as np

from convkit_course.exercises._corpus import other, right, slip

CORPUS = [
    right(90, why="10 outputs x 9 weights"),
    right(90.0, why="a float"),
    right(np.int64(90), why="a numpy int"),
    right(np.zeros((9, 10)).size, why="the size of a (9, 10) array"),
    slip(28, hint="slip.inputs", why="the input's size"),
    slip(10, hint="slip.outputs", why="the outputs"),
    slip(9, hint="slip.taps", why="the weights"),
    slip(252, hint="slip.every_input", why="28 x 9"),
    slip(84, hint="slip.input_times_k", why="28 x 3"),
    slip(81, hint="slip.article", why="the 5 x 5 example's count"),
    slip(30, hint="slip.outputs_times_k", why="10 x 3"),
    slip(36, hint="slip.no_plus_one", why="(4 - 3) x (7 - 3) x 9"),
    slip(486, hint="slip.full", why="6 x 9 x 9: a 'full' correlation"),
    slip(19, hint="slip.added", why="10 + 9"),
    other(100, why="a guess"),
    slip(None, hint="core:answer.empty", why="the scaffold, unfilled"),
    slip((9, 10), hint="core:answer.not_one_number", why="the shape, not the count"),
]
