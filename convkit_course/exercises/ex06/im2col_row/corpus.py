"""What students hand to ex06.im2col_row, worked out by hand from the exercise's text: a 6×7
input (ids 0–41 row by row), a 3×3 kernel, stride 1, no padding, a 4×5 output; the ids that
output 8 reads, in kernel order.  Output 8 is at row 8 // 5 = 1, column 8 % 5 = 3."""
import numpy as np

from convkit_course.exercises._corpus import other, right, slip

RIGHT = [10, 11, 12, 17, 18, 19, 24, 25, 26]   # rows 1-3, columns 3-5, id = 7·row + column

CORPUS = [
    right(RIGHT, why="the nine ids, a list"),
    right(tuple(RIGHT), why="a tuple"),
    right(np.array(RIGHT, dtype=float), why="a float array"),
    right(np.array(RIGHT).reshape(3, 3), why="the window as a 3×3 grid (ex02.window_ids accepts it)"),
    right([RIGHT], why="one row of a matrix, (1, 9)"),
    right([7 * r + c for r in range(1, 4) for c in range(3, 6)], why="a comprehension"),
    slip([10, 17, 24, 11, 18, 25, 12, 19, 26], hint="slip.column_order",
         why="went down the columns of the window first"),
    slip([11, 12, 13, 18, 19, 20, 25, 26, 27], hint="slip.one_based",
         why="ids counted from 1 (id = 7·row + column + 1)"),
    slip(RIGHT[::-1], hint="slip.flipped", why="thought im2col flips the kernel"),
    slip([22, 23, 24, 29, 30, 31, 36, 37, 38], hint="slip.swapped",
         why="output at row 3, column 1"),
    slip([8, 9, 10, 15, 16, 17, 22, 23, 24], hint="slip.input_width",
         why="divmod(8, 7) = (1, 1): the output id read as an input id"),
    slip([2, 3, 4, 9, 10, 11, 16, 17, 18], hint="slip.centred",
         why="a 3×3 window centred on input (1, 3)"),
    slip([12, 13, 14, 18, 19, 20, 24, 25, 26], hint="slip.square_input",
         why="ck.im2col_indices(6, 3)[8]: a 6×6 input"),
    slip(list(range(9)), hint="slip.kernel_ids", why="the kernel's own ids"),
    slip([[1 + i, 3 + j] for i in range(3) for j in range(3)], hint="slip.pairs",
         why="(row, column) of every input"),
    slip([10, 11, 12], hint="slip.nine", why="only the window's top line"),
    slip([8, 9, 10, 13, 14, 15, 18, 19, 20], hint="slip.row_length",
         why="id = 5·row + column: the output's width"),
    slip([9, 10, 11, 15, 16, 17, 21, 22, 23], hint="slip.row_length",
         why="id = 6·row + column: the input's height"),
    slip([9, 10, 11, 16, 17, 18, 23, 24, 25], hint="slip.other_output",
         why="column 2 (off by one): output 7"),
    slip([17, 18, 19, 24, 25, 26, 31, 32, 33], hint="slip.other_output",
         why="row 2: output 13"),
    slip([[7 * (r + i) + c + j for i in range(3) for j in range(3)]
          for r in range(4) for c in range(5)], hint="slip.whole_table",
         why="the whole 20 × 9 table"),
    slip(np.array(RIGHT).reshape(3, 3).T, hint="slip.column_order",
         why="the window as a grid, transposed"),
    other([10, 11, 12, 17, 18, 19, 24, 25, 27], why="one typo"),
    slip(None, hint="core:answer.empty", why="the scaffold, unfilled"),
    slip("10, 11, 12, 17, 18, 19, 24, 25, 26", hint="core:answer.text", why="a string"),
]
