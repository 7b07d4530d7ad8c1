"""What students answer for concepts.kernel_id_for (notebook 02), read off the grid of input
ids and the forward map: which kernel weight multiplies input 12 in output 1?

Output 1's window covers input rows 0-2, columns 1-3; input 12 = (2, 2) is at row 2, column 1
of it: k7.  Each slip is that reading with one thing done wrong.
"""
import numpy as np

from convkit_course.exercises._corpus import other, right, slip

CORPUS = [
    right(7, why="row 2, column 1 of the window"),
    right(7.0, why="a float"),
    right(np.int64(7), why="a numpy int"),
    right([7], why="a one-element list"),
    slip(12, hint="slip.input_id", why="the input's id"),
    slip(1, hint="slip.output_id", why="the output's id"),
    slip(1, hint="slip.rotated", why="8 - 7: the input-loss map's rotated kernel"),
    slip(8, hint="slip.window_not_shifted", why="located in output 0's window"),
    slip(8, hint="slip.from_one", why="counted from 1"),
    slip(5, hint="slip.swapped", why="row 1, column 2"),
    slip(11, hint="slip.row_length", why="5 x 2 + 1"),
    slip(4, hint="slip.centre", why="the centre"),
    slip(0, hint="slip.first", why="the first weight"),
    slip(17, hint="slip.not_a_kernel_id", why="an input id below"),
    slip(-1, hint="slip.not_a_kernel_id", why="the map's blank"),
    other(6, why="a guess"),
    other(3, why="another guess"),
    slip(7.5, hint="core:answer.not_whole", why="a fraction"),
    slip(None, hint="core:answer.empty", why="the scaffold, unfilled"),
    slip("k7", hint="core:answer.text", why="the name, as text"),
]
