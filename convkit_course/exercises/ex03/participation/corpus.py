"""What students hand in for ex03.participation, counted on paper as the exercise reads: a
5 × 7 input (5 rows, 7 columns), a 4 × 3 kernel (4 rows, 3 columns), stride 1, no padding.

Down the rows the 4-tall window starts at rows 0 and 1: rows are covered 1, 2, 2, 2, 1 times.
Along the columns the 3-wide window starts at 0 … 4: 1, 2, 3, 3, 3, 2, 1.  Each slip is that
count with one thing done wrong.
"""
import numpy as np

from convkit_course.exercises._corpus import other, right, slip

ROWS = np.array([1, 2, 2, 2, 1])
COLS = np.array([1, 2, 3, 3, 3, 2, 1])
RIGHT = np.outer(ROWS, COLS)


def slide(n, k):
    """Windows covering each position, by sliding a k-long window over n positions."""
    counts = np.zeros(n, int)
    for start in range(n - k + 1):
        counts[start:start + k] += 1
    return counts


CORPUS = [
    right(RIGHT, why="rows x columns"),
    right(RIGHT.astype(float), why="floats"),
    right(RIGHT[None, None], why="NCHW-wrapped"),
    right(RIGHT.tolist(), why="a list of lists"),
    right(np.outer(slide(5, 4), slide(7, 3)), why="slid the windows"),
    slip(np.full((5, 7), 12), hint="slip.all_taps", why="12 everywhere"),
    slip(np.ones((5, 7)), hint="slip.ones", why="every input is covered"),
    slip(np.outer(ROWS, np.ones(7)), hint="slip.rows_only", why="rows only"),
    slip(np.outer(np.ones(5), COLS), hint="slip.cols_only", why="columns only"),
    slip(ROWS[:, None] + COLS[None, :], hint="slip.added", why="rows + columns"),
    slip(np.outer([1, 2, 3, 2, 1], COLS), hint="slip.uncapped",
         why="min(i + 1, 4, 5 - i) down the rows: the middle row 3"),
    slip(np.outer(slide(5, 3), slide(7, 4)), hint="slip.kernel_swapped", why="a 3 x 4 kernel"),
    slip(np.outer(slide(5, 3), slide(7, 3)), hint="slip.kernel_square", why="a 3 x 3 kernel"),
    slip(np.outer(slide(5, 4), slide(7, 4)), hint="slip.kernel_square", why="a 4 x 4 kernel"),
    slip(RIGHT.T, hint="core:compare.shape_transposed", why="7 x 5"),
    slip(np.ones((2, 5)), hint="shape.output", why="the output's shape"),
    slip(np.full((4, 3), 10), hint="shape.kernel", why="the kernel's shape"),
    slip(RIGHT * 2, hint="core:compare.scaled", why="each window counted twice"),
    right(RIGHT[::-1, ::-1], why="rotated by 180°: the table is symmetric, the same numbers"),
    other(RIGHT + np.eye(5, 7, dtype=int), why="five entries one too big"),
    other(np.roll(RIGHT, 1, axis=1), why="shifted by a column: the total is right"),
    slip(None, hint="core:answer.empty", why="the scaffold, unfilled"),
    slip([[1, 2, 3], [4, 5]], hint="core:answer.ragged", why="ragged rows"),
]
