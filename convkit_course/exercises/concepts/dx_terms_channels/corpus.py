"""What students answer for concepts.dx_terms_channels (notebook 07): 4 input channels,
8 filters of 3 × 3 — how many terms does an interior pixel's gradient sum?  9 × 8 = 72."""
import numpy as np

from convkit_course.exercises._corpus import other, right, slip

CORPUS = [
    right(72, why="9 windows x 8 filters"),
    right(72.0, why="a float"),
    right(np.int64(72), why="a numpy int"),
    right([[72]], why="nested"),
    slip(9, hint="slip.windows", why="the windows alone"),
    slip(36, hint="slip.times_channels", why="9 x 4 channels"),
    slip(288, hint="slip.all_three", why="9 x 4 x 8"),
    slip(8, hint="slip.filters", why="the filters alone"),
    slip(32, hint="slip.channels_filters", why="4 x 8"),
    slip(96, hint="slip.channels_filters_width", why="4 x 8 x 3"),
    slip(24, hint="slip.filters_width", why="8 x 3"),
    slip(17, hint="slip.added", why="9 + 8"),
    other(64, why="a guess"),
    slip(None, hint="core:answer.empty", why="the scaffold, unfilled"),
    slip(72.5, hint="core:answer.not_whole", why="a fraction"),
]
