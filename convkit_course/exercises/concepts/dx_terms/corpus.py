"""What students answer for concepts.dx_terms (notebook 03): for a 6 × 8 input and a 3 × 3
kernel, how many terms does dX at input (1, 4) sum?  Windows containing row 1 start at rows 0,
1 (2); those containing column 4 at columns 2, 3, 4 (3): 2 × 3 = 6."""
import numpy as np

from convkit_course.exercises._corpus import other, right, slip

CORPUS = [
    right(6, why="2 x 3"),
    right(6.0, why="a float"),
    right(np.int64(6), why="a numpy int"),
    right(np.array([6]), why="a one-element array"),
    slip(9, hint="slip.interior", why="3 x 3, as for an interior pixel"),
    slip(2, hint="slip.one_axis", why="rows only"),
    slip(3, hint="slip.one_axis", why="columns only"),
    slip(5, hint="slip.added", why="2 + 3"),
    slip(4, hint="slip.swapped", why="input (4, 1): 2 x 2"),
    slip(9, hint="slip.from_one", why="input (2, 5): 3 x 3"),
    slip(24, hint="slip.outputs", why="all 4 x 6 outputs"),
    other(12, why="a guess"),
    other(1, why="one term"),
    slip(6.5, hint="core:answer.not_whole", why="a fraction"),
    slip(None, hint="core:answer.empty", why="the scaffold, unfilled"),
    slip("6", hint="core:answer.numeric_text", why="in quotes"),
]
