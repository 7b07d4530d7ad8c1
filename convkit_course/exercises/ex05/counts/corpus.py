"""What students hand in for ex05.counts, counted on paper as the exercise reads: a 6 × 5
input, a 3 × 3 kernel, stride 2, no padding.

Down the 6 rows the windows start at rows 0 and 2 (a start at 4 would need row 6): rows are
covered 1, 1, 2, 1, 1, 0 times.  Along the 5 columns they start at 0 and 2: 1, 1, 2, 1, 1.
"""
import numpy as np

from convkit_course.exercises._corpus import other, right, slip

ROWS = np.array([1, 1, 2, 1, 1, 0])
COLS = np.array([1, 1, 2, 1, 1])
RIGHT = np.outer(ROWS, COLS)


def along(n, k, s, past_edge=False):
    counts = np.zeros(n, int)
    start = 0
    while start < n and (past_edge or start + k <= n):
        counts[start:start + k] += 1
        start += s
    return counts


CORPUS = [
    right(RIGHT, why="rows x columns"),
    right(RIGHT.astype(float), why="floats"),
    right(RIGHT[None, None], why="NCHW-wrapped"),
    right(RIGHT.tolist(), why="a list of lists"),
    right(np.outer(along(6, 3, 2), along(5, 3, 2)), why="slid the windows"),
    slip(np.outer(along(6, 3, 1), along(5, 3, 1)), hint="slip.stride_one", why="stride 1"),
    slip(np.outer(along(6, 3, 2, True), along(5, 3, 2, True)), hint="slip.past_edge",
         why="windows at 0, 2, 4 on both axes"),
    slip(np.outer([1, 1, 2, 1, 1, 1], COLS), hint="slip.past_edge", why="row 5 counted"),
    slip((RIGHT > 0) * 1, hint="slip.covered", why="covered or not"),
    slip(ROWS[:, None] + COLS[None, :], hint="slip.added", why="rows + columns"),
    slip(np.outer(ROWS, np.ones(5)), hint="slip.rows_only", why="rows only"),
    slip(np.outer(np.ones(6), COLS), hint="slip.cols_only", why="columns only"),
    slip(np.full((6, 5), 2), hint="slip.average", why="9 // 4 = 2 everywhere"),
    slip((RIGHT > 0) * 9, hint="slip.taps_if_covered", why="9 wherever covered"),
    slip(np.outer(along(6, 2, 3), along(5, 2, 3)), hint="slip.kernel_stride_swapped",
         why="a 2-long window jumping 3"),
    slip(RIGHT.T, hint="core:compare.shape_transposed", why="5 x 6"),
    slip(np.ones((2, 2)), hint="shape.output", why="the output's shape"),
    slip(RIGHT * 2, hint="core:compare.scaled", why="twice"),
    other(RIGHT + np.eye(6, 5, dtype=int), why="five entries one too big"),
    other(np.roll(RIGHT, 1, axis=0), why="shifted down a row: the total is right"),
    slip(None, hint="core:answer.empty", why="the scaffold, unfilled"),
    slip([[1, 1], [2]], hint="core:answer.ragged", why="ragged rows"),
]
