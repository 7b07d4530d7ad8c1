"""What students hand in for ex02.window_ids, worked out on the grid of input ids (5 × 5, row
by row) as the exercise reads: the input ids output 5 reads, in kernel-id order.

Output 5 is output row 1, column 2 (the output is 3 wide), so the window's top-left input is
input (1, 2), id 7.  Each slip is that reading with one thing done wrong.
"""
import numpy as np

from convkit_course.exercises._corpus import other, right, slip

RIGHT = [7, 8, 9, 12, 13, 14, 17, 18, 19]


def _panel():
    """Output 5's panel of the forward map, as ck.forward_map(5, 3)[1, 2] draws it by hand:
    the kernel id at each input it reads, -1 elsewhere."""
    panel = np.full(25, -1)
    panel[RIGHT] = np.arange(9)
    return panel.reshape(5, 5)

CORPUS = [
    right(RIGHT, why="row by row from input 7"),
    right(tuple(RIGHT), why="a tuple"),
    right(np.array(RIGHT), why="an array"),
    right(np.array(RIGHT).reshape(3, 3), why="the 3 x 3 window as a grid"),
    right(np.array(RIGHT, float).reshape(1, 1, 3, 3), why="the window, NCHW-wrapped"),
    right([float(i) for i in RIGHT], why="whole floats"),
    right(np.array(RIGHT).reshape(1, 9), why="a 1 x 9 row"),
    slip([5, 6, 7, 10, 11, 12, 15, 16, 17], hint="slip.output_id_as_input",
         why="started at input id 5, the output's id"),
    slip([11, 12, 13, 16, 17, 18, 21, 22, 23], hint="slip.swapped",
         why="output 5 read as row 2, column 1"),
    slip(list(range(7, 16)), hint="slip.in_a_row", why="nine ids in a row from 7"),
    slip(list(range(5, 14)), hint="slip.output_row_length",
         why="next row = +3 (the output's width): 3*(1+i) + (2+j)"),
    slip([7, 12, 17, 8, 13, 18, 9, 14, 19], hint="slip.column_major", why="column by column"),
    slip([8, 9, 10, 13, 14, 15, 18, 19, 20], hint="slip.plus_one", why="ids counted from 1"),
    slip([1, 2, 3, 6, 7, 8, 11, 12, 13], hint="slip.centred",
         why="a window centred on input (1, 2)"),
    slip([6, 7, 8, 11, 12, 13, 16, 17, 18], hint="slip.output_before",
         why="output 5 counted from 1: the window of output 4"),
    slip(RIGHT[::-1], hint="slip.reversed", why="from k8 down to k0"),
    slip([9, 8, 7, 14, 13, 12, 19, 18, 17], hint="slip.order", why="each row right to left"),
    slip(list(range(9)), hint="slip.kernel_ids", why="the kernel's ids"),
    slip([[1 + i, 2 + j] for i in range(3) for j in range(3)], hint="slip.pairs",
         why="(row, column) pairs"),
    slip([(i, k) for k, i in enumerate(RIGHT)], hint="slip.id_pairs",
         why="read_by(5, fmap): (input id, kernel id) pairs"),
    slip(_panel(), hint="slip.panel", why="ck.forward_map(5, 3)[1, 2]: the panel itself"),
    slip([7, 8, 9], hint="slip.count", why="the window's first row only"),
    slip(RIGHT + [24], hint="slip.count", why="one id too many"),
    slip([7.5] * 9, hint="not_ids", why="not whole numbers"),
    slip([-1] + RIGHT[1:], hint="not_ids", why="a negative id"),
    slip(np.array(RIGHT).reshape(9, 1), hint="core:compare.reshape", why="a 9 x 1 column"),
    other([7, 8, 9, 12, 13, 14, 17, 18, 20], why="a typo in the last id"),
    other([0, 1, 2, 5, 6, 7, 10, 11, 12], why="the window of output 0"),
    slip(None, hint="core:answer.empty", why="the scaffold, unfilled"),
    slip("seven", hint="core:answer.text", why="text"),
]
