"""What students hand to ex08.flat_runs(starts, length) for the article's 5×5 input and 3×3
kernel: the start of each tap's run in the flattened input, and the run length."""
import numpy as np

from convkit_course.exercises._corpus import other, right, slip

STARTS = [0, 1, 2, 5, 6, 7, 10, 11, 12]

CORPUS = [
    right(STARTS, 13, why="i·5 + j, and 2·5 + 3"),
    right(np.array(STARTS), 13.0, why="an array and a whole float"),
    right(tuple(STARTS), np.int64(13), why="a tuple and a numpy int"),
    right(np.array(STARTS).reshape(3, 3), 13, why="the starts as a 3×3 grid"),
    slip([0, 1, 2, 3, 4, 5, 6, 7, 8], 13, hint="starts.output_width", why="rows of Wo = 3"),
    slip([0, 5, 10, 1, 6, 11, 2, 7, 12], 13, hint="starts.column_order", why="taps by column"),
    slip([12, 13, 14, 17, 18, 19, 22, 23, 24], 13, hint="starts.last_output",
         why="the last output's window"),
    slip([1, 2, 3, 6, 7, 8, 11, 12, 13], 13, hint="starts.one_based", why="counted from 1"),
    slip([0, 3, 6, 15, 18, 21, 30, 33, 36], 13, hint="starts.times_k", why="× 3"),
    slip(list(range(9)), 13, hint="starts.output_width", why="the taps' numbers (0–8)"),
    slip([0, 0, 0, 5, 5, 5, 10, 10, 10], 13, hint="starts.rows_only", why="j forgotten"),
    slip([0, 1, 2], 13, hint="starts.nine", why="only the first kernel row"),
    slip(STARTS, 9, hint="length.outputs", why="Ho·Wo"),
    slip(STARTS, 15, hint="length.whole_rows", why="Ho·W"),
    slip(STARTS, 25, hint="length.whole_image", why="the whole image"),
    slip(STARTS, 12, hint="length.one_short", why="last - first"),
    slip(STARTS, 10, hint="length.no_last_row", why="(Ho-1)·W"),
    slip(STARTS, 14, hint="length.one_long", why="one too many"),
    slip(STARTS, 13 + 0.5, hint="core:answer.not_whole", why="a fraction"),
    slip([0, 5, 10, 1, 6, 11, 2, 7, 12], 9, hint="starts.column_order",
         why="two slips: column order and Ho·Wo"),
    slip([0, 5, 10, 1, 6, 11, 2, 7, 12], 9, hint="length.outputs",
         why="two slips (length named too)"),
    other(STARTS, 17, why="a guess"),
    slip(None, 13, hint="core:answer.empty", why="starts unfilled"),
    slip(STARTS, None, hint="core:answer.empty", why="length unfilled"),
]
